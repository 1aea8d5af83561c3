// The privacy core (issue 11): small-cell suppression checked by solving, pseudonyms, column detection, the
// delen mode on a whole result set, consent comparison, and shareable aggregates (no markers leak; merging three
// organisations equals pooling their records wherever suppression allows).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "analysis/explore.h"
#include "analysis/tables.h"
#include "privacy/aggregate.h"
#include "privacy/compare.h"
#include "privacy/privacy.h"
#include "report/json_export.h"
#include "stats/contingency.h"

using namespace zicht;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;

namespace {

core::ReadResult read(const std::string& text, const std::string& name = "t.csv") {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

bool hidden(const Value& v) { return v.kind == Value::Kind::suppressed; }

std::string dump(const Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    for (const auto& v : row) out += report::value_json(v, i18n::Lang::nl).dump() + " ";
    out += "\n";
  }
  return out;
}

// Counts: mostly small (the interesting case), sometimes zero, sometimes large.
long random_count(std::mt19937_64& rng, int k) {
  const int pick = static_cast<int>(rng() % 10);
  if (pick < 2) return 0;
  if (pick < 6) return 1 + static_cast<long>(rng() % static_cast<unsigned>(k + 2));
  return static_cast<long>(rng() % 60);
}

// ---- Independent checker 1 (1-D frequency tables): a suppressed unknown is protected when some perturbation
// δ ∈ {−1, 0, 1} of the unknowns with δ_x ≠ 0 keeps every published relation (sum of categories = valid
// denominator, + missing + invalid = applicable, + NVT = all = the number of rows, which is public). The relation
// matrix is an interval matrix (totally unimodular), so a real perturbation exists iff a {−1, 0, 1} one does, and
// since every suppressed cell is ≥ 1 both signs keep all counts non-negative: the cell has ≥ 2 feasible values.
struct FreqUnknowns {
  std::vector<int> cats;  // indices of hidden category rows
  bool nvt = false, missing = false, invalid = false, valid_total = false, applicable_total = false;
};

bool freq_protected(const FreqUnknowns& u, std::vector<bool>& protected_out, const std::vector<bool>& zero = {}) {
  // Unknown list: cats..., nvt, missing, invalid, V, A.
  const size_t nc = u.cats.size();
  std::vector<bool> present(nc + 5, false);
  for (size_t i = 0; i < nc; ++i) present[i] = true;
  present[nc] = u.nvt;
  present[nc + 1] = u.missing;
  present[nc + 2] = u.invalid;
  present[nc + 3] = u.valid_total;
  present[nc + 4] = u.applicable_total;
  std::vector<int> idx;
  for (size_t i = 0; i < present.size(); ++i)
    if (present[i]) idx.push_back(static_cast<int>(i));
  protected_out.assign(present.size(), false);
  if (idx.size() > 13) return false;  // too many to enumerate: the caller skips
  std::vector<int> d(present.size(), 0);
  const long combos = static_cast<long>(std::pow(3, idx.size()));
  for (long code = 1; code < combos; ++code) {
    long c = code;
    for (int i : idx) {
      d[i] = static_cast<int>(c % 3) - 1;
      c /= 3;
    }
    bool feasible = true;
    for (size_t i = 0; i < zero.size() && i < nc; ++i)
      if (zero[i] && d[i] < 0) feasible = false;  // a hidden zero can only be larger
    if (!feasible) continue;
    long sc = 0;
    for (size_t i = 0; i < nc; ++i) sc += d[i];
    const long dV = d[nc + 3], dA = d[nc + 4];
    if (sc != dV) continue;                                // Σ cats = V
    if (sc + d[nc + 1] + d[nc + 2] != dA) continue;        // Σ cats + missing + invalid = A
    if (dA + d[nc] != 0) continue;                         // A + NVT = N (public)
    for (int i : idx)
      if (d[i] != 0) protected_out[i] = true;
  }
  return true;
}

// ---- Independent checker 2 (r×c tables): write the table with its margins as an (r+1)×(c+1) array whose every
// row and column sums to zero (margins negated). Suppressed cells are edges of a bipartite graph (rows and the
// margin row against columns and the margin column). A suppressed cell is determined by the published cells iff
// its edge is a bridge of that graph; otherwise it lies on a cycle, and adding +1/−1 alternately around the cycle
// gives another non-negative table with the same published cells (every suppressed cell is ≥ 1): ≥ 2 feasible
// values.
bool on_cycle(const std::vector<std::pair<int, int>>& edges, size_t e, int nodes) {
  // Is there a path between the ends of edge e without using e?
  std::vector<std::vector<int>> adj(nodes);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (i == e) continue;
    adj[edges[i].first].push_back(edges[i].second);
    adj[edges[i].second].push_back(edges[i].first);
  }
  std::vector<bool> seen(nodes, false);
  std::vector<int> stack = {edges[e].first};
  seen[edges[e].first] = true;
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    if (n == edges[e].second) return true;
    for (int m : adj[n])
      if (!seen[m]) {
        seen[m] = true;
        stack.push_back(m);
      }
  }
  return false;
}

Table cross_table(const std::vector<std::vector<long>>& m, bool with_totals) {
  Table t;
  t.id = "cross";
  t.columns.push_back({"category", Text::same("category"), Role::category, -1});
  const size_t c = m[0].size();
  for (size_t j = 0; j < c; ++j) t.columns.push_back({"c" + std::to_string(j), Text::same("c"), Role::count, -1});
  if (with_totals) t.columns.push_back({"total", Text::same("Totaal"), Role::count, -1});
  std::vector<long> col_tot(c, 0);
  long all = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    std::vector<Value> row = {Value::str("r" + std::to_string(i))};
    long rt = 0;
    for (size_t j = 0; j < c; ++j) {
      row.push_back(Value::of(m[i][j]));
      rt += m[i][j];
      col_tot[j] += m[i][j];
    }
    all += rt;
    if (with_totals) row.push_back(Value::of(rt));
    t.rows.push_back(std::move(row));
  }
  if (with_totals) {
    std::vector<Value> row = {Value::label(Text{"Totaal", "Total"})};
    for (long x : col_tot) row.push_back(Value::of(x));
    row.push_back(Value::of(all));
    t.rows.push_back(std::move(row));
  }
  return t;
}

const Table& table_of(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}

std::vector<uint8_t> fixed_bytes(uint8_t seed) {
  std::vector<uint8_t> v(32);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<uint8_t>(seed + i * 7);
  return v;
}

privacy::RandomSource fixed_source(uint8_t seed) {
  return [seed](uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed * 31 + i * 13);
  };
}

}  // namespace

TEST_CASE("Suppression property: random 1-D frequency tables, no suppressed cell derivable from the margins") {
  std::mt19937_64 rng(20261122);
  int tables = 0, with_secondary = 0, checked_cells = 0, unprotectable = 0, zeros_hidden = 0;
  std::map<int, int> per_k;
  for (int iter = 0; iter < 2000; ++iter) {
    const int k = std::vector<int>{3, 5, 10}[iter % 3];
    analysis::CategoryCounts cc;
    const int ncat = 1 + static_cast<int>(rng() % 7);
    for (int i = 0; i < ncat; ++i) {
      cc.categories.push_back(Value::str("cat" + std::to_string(i)));
      cc.counts.push_back(random_count(rng, k));
    }
    if (rng() % 2) cc.not_applicable = random_count(rng, k);
    if (rng() % 2) cc.missing = random_count(rng, k);
    if (rng() % 3 == 0) cc.invalid = random_count(rng, k);
    Table t = analysis::frequency_table("frequencies", cc);
    const Table before = t;
    privacy::SuppressionSummary s;
    const privacy::TableSummary ts = privacy::suppress(t, k, s);
    ++tables;
    ++per_k[k];
    if (ts.secondary > 0) ++with_secondary;
    const int n_col = t.column_index("n");
    // Primary rule, zeros, and percentages of hidden counts.
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const long n = static_cast<long>(before.rows[r][n_col].i);
      if (n >= 1 && n < k) REQUIRE(hidden(t.rows[r][n_col]));
      if (n == 0 && hidden(t.rows[r][n_col])) ++zeros_hidden;
      if (hidden(t.rows[r][n_col]))
        for (const char* p : {"pct_valid", "pct_applicable", "pct_all"}) {
          const Value& v = t.rows[r][t.column_index(p)];
          REQUIRE((hidden(v) || v.kind == Value::Kind::missing));
        }
      if (!hidden(t.rows[r][n_col])) REQUIRE(t.rows[r][n_col].i == n);  // published cells are the true ones
    }
    // Which cells and denominators are unknown?
    privacy::SuppressionSummary dummy;
    if (ts.unprotected > 0) {
      // Only possible when a total the public row count fixes is itself below k: N − everything published.
      // Only when a total the public row count fixes is itself below k (valid, applicable, or their differences).
      long valid = 0, all = 0, nvt = 0;
      for (size_t r = 0; r < before.rows.size(); ++r) {
        const long n = static_cast<long>(before.rows[r][n_col].i);
        all += n;
        if (r < static_cast<size_t>(ncat)) valid += n;
      }
      nvt = static_cast<long>(cc.not_applicable);
      INFO(dump(before) << "->\n" << dump(t));
      auto small = [&](long x) { return x >= 1 && x < k; };
      REQUIRE((small(all) || small(valid) || small(all - valid) || small(all - nvt) || small(all - valid - nvt)));
      ++unprotectable;
      if (std::getenv("ZICHT_SHOW_UNPROTECTED")) WARN(dump(before) << "->\n" << dump(t));
      continue;
    }
    FreqUnknowns u;
    std::map<std::string, int> special;  // label → row
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const Value& cat = t.rows[r][0];
      if (r < static_cast<size_t>(ncat)) {
        if (hidden(t.rows[r][n_col])) u.cats.push_back(static_cast<int>(r));
      } else {
        special[cat.s] = static_cast<int>(r);
      }
    }
    auto special_hidden = [&](const std::string& key) {
      auto it = special.find(i18n::tr(key, i18n::Lang::nl));
      return it != special.end() && hidden(t.rows[it->second][n_col]);
    };
    u.nvt = special_hidden("row.nvt");
    u.missing = special_hidden("row.missing");
    u.invalid = special_hidden("row.invalid");
    // A denominator is unknown when its cells are hidden; every cell of one denominator column agrees.
    auto denom_hidden = [&](const char* col) {
      const int c = t.column_index(col);
      bool any_hidden = false, any_shown = false;
      for (const auto& row : t.rows) {
        if (hidden(row[c])) any_hidden = true;
        else if (row[c].is_number()) any_shown = true;
      }
      REQUIRE(!(any_hidden && any_shown));
      return any_hidden;
    };
    u.valid_total = denom_hidden("denom_valid");
    u.applicable_total = denom_hidden("denom_applicable");
    std::vector<bool> prot, zero;
    for (int r : u.cats) zero.push_back(before.rows[r][n_col].i == 0);
    if (!freq_protected(u, prot, zero)) continue;
    INFO(dump(before) << "->\n" << dump(t));
    auto small = [&](int row) { const long n = before.rows[row][n_col].i; return n >= 1 && n < k; };
    for (size_t i = 0; i < u.cats.size(); ++i) {
      if (!small(u.cats[i])) continue;  // a complement of k or more may be determined: it reveals nothing
      REQUIRE(prot[i]);
      ++checked_cells;
    }
    const size_t nc = u.cats.size();
    auto special_small = [&](const char* key) { return small(special[i18n::tr(key, i18n::Lang::nl)]); };
    if (u.nvt && special_small("row.nvt")) REQUIRE(prot[nc]);
    if (u.missing && special_small("row.missing")) REQUIRE(prot[nc + 1]);
    if (u.invalid && special_small("row.invalid")) REQUIRE(prot[nc + 2]);
    checked_cells += u.nvt + u.missing + u.invalid;
  }
  CHECK(tables == 2000);
  CHECK(with_secondary > 100);
  CHECK(checked_cells > 1000);
  WARN("1-D: " << tables << " tables (k=3: " << per_k[3] << ", k=5: " << per_k[5] << ", k=10: " << per_k[10]
               << "), " << with_secondary << " needed secondary suppression, " << checked_cells
               << " small suppressed cells verified, " << unprotectable
               << " flagged unprotectable (a published total itself below k), " << zeros_hidden
               << " zero cells used as last-resort complements");
}

TEST_CASE("Suppression property: random r×c tables, every suppressed cell lies on a cycle (not derivable)") {
  std::mt19937_64 rng(4242);
  int tables = 0, cells = 0, with_secondary = 0, unprotectable = 0, zeros_hidden = 0, skipped = 0;
  for (int iter = 0; iter < 2000; ++iter) {
    const int k = std::vector<int>{3, 5, 10}[iter % 3];
    const bool with_totals = iter % 2 == 1;
    const size_t r = 2 + rng() % 5, c = 2 + rng() % 5;
    std::vector<std::vector<long>> m(r, std::vector<long>(c));
    for (auto& row : m)
      for (auto& x : row) x = random_count(rng, k);
    Table t = cross_table(m, with_totals);
    privacy::SuppressionSummary s;
    const privacy::TableSummary ts = privacy::suppress(t, k, s);
    ++tables;
    if (ts.secondary > 0) ++with_secondary;
    // Graph: row nodes 0..r (r = margin row), column nodes r+1 .. r+1+c (last = margin column).
    std::vector<std::pair<int, int>> edges;
    const int R = static_cast<int>(r), C = static_cast<int>(c);
    std::vector<bool> primary;
    std::vector<long> values;
    for (int i = 0; i < R; ++i)
      for (int j = 0; j < C; ++j) {
        const Value& v = t.rows[i][1 + j];
        if (m[i][j] >= 1 && m[i][j] < k) REQUIRE(hidden(v));
        if (m[i][j] == 0 && hidden(v)) ++zeros_hidden;
        if (hidden(v)) {
          edges.push_back({i, R + 1 + j});
          primary.push_back(m[i][j] < k && m[i][j] >= 1);
          values.push_back(m[i][j]);
        }
      }
    if (with_totals) {
      for (int i = 0; i < R; ++i)
        if (hidden(t.rows[i][1 + C])) edges.push_back({i, R + 1 + C});
      for (int j = 0; j < C; ++j)
        if (hidden(t.rows[R][1 + j])) edges.push_back({R, R + 1 + j});
      // The grand total is public (row count of the file): never an unknown edge.
    } else {
      // Margins outside the table are published unless they are themselves below k.
      for (int i = 0; i < R; ++i) {
        long rt = 0;
        for (int j = 0; j < C; ++j) rt += m[i][j];
        if (rt >= 1 && rt < k) edges.push_back({i, R + 1 + C});
      }
      for (int j = 0; j < C; ++j) {
        long ct = 0;
        for (int i = 0; i < R; ++i) ct += m[i][j];
        if (ct >= 1 && ct < k) edges.push_back({R, R + 1 + j});
      }
    }
    values.resize(edges.size(), 1);  // margins and totals: never zero when hidden
    primary.resize(edges.size(), false);
    if (ts.unprotected > 0) {
      // Only when a margin is itself below k: with the grand total and the other margins published it is
      // derivable, so no choice of cells inside this table can protect it (the note on the result says so).
      bool small_margin = false;
      long all = 0;
      for (int i = 0; i < R; ++i) {
        long rt = 0;
        for (int j = 0; j < C; ++j) rt += m[i][j];
        all += rt;
        small_margin = small_margin || (rt >= 1 && rt < k);
      }
      for (int j = 0; j < C; ++j) {
        long ct = 0;
        for (int i = 0; i < R; ++i) ct += m[i][j];
        small_margin = small_margin || (ct >= 1 && ct < k);
      }
      INFO(dump(cross_table(m, with_totals)) << "->\n" << dump(t));
      REQUIRE((small_margin || all < k));
      ++unprotectable;
      continue;
    }
    // Sufficient first check: no row or column with exactly one suppressed cell that is small.
    std::map<int, int> degree;
    for (auto& e : edges) {
      ++degree[e.first];
      ++degree[e.second];
    }
    for (size_t e = 0; e < primary.size(); ++e)
      if (primary[e]) REQUIRE((degree[edges[e].first] >= 2 && degree[edges[e].second] >= 2));
    if (std::find(values.begin(), values.end(), 0L) != values.end()) {
      // Hidden zeros can only grow, so a cycle must be walkable in a direction that raises them: search the
      // perturbations δ ∈ {−1, 0, 1} of the hidden cells directly (every node keeps its sum; zeros never drop).
      if (edges.size() > 12) {
        ++skipped;
        continue;
      }
      std::vector<bool> moves(edges.size(), false);
      std::vector<int> d(edges.size());
      long combos = 1;
      for (size_t e = 0; e < edges.size(); ++e) combos *= 3;
      for (long code = 1; code < combos; ++code) {
        long c = code;
        bool ok = true;
        for (size_t e = 0; e < edges.size(); ++e) {
          d[e] = static_cast<int>(c % 3) - 1;
          c /= 3;
          if (values[e] == 0 && d[e] < 0) ok = false;
        }
        if (!ok) continue;
        std::vector<int> balance(R + C + 2, 0);
        for (size_t e = 0; e < edges.size(); ++e) {
          balance[edges[e].first] += d[e];
          balance[edges[e].second] += d[e];
        }
        if (std::any_of(balance.begin(), balance.end(), [](int b) { return b != 0; })) continue;
        for (size_t e = 0; e < edges.size(); ++e)
          if (d[e]) moves[e] = true;
      }
      for (size_t e = 0; e < primary.size(); ++e)
        if (primary[e]) {
          INFO("table " << iter << " k=" << k << " edge " << e << "\n"
                        << dump(cross_table(m, with_totals)) << "->\n" << dump(t));
          REQUIRE(moves[e]);
          ++cells;
        }
      continue;
    }
    // Exact check: no small cell is a bridge (complements of k or more may be determined: they reveal nothing).
    for (size_t e = 0; e < primary.size(); ++e) {
      if (!primary[e]) continue;
      INFO("table " << iter << " k=" << k << " edge " << edges[e].first << "-" << edges[e].second << "\n"
                    << dump(cross_table(m, with_totals)) << "->\n" << dump(t));
      REQUIRE(on_cycle(edges, e, R + C + 2));
      ++cells;
    }
  }
  CHECK(with_secondary > 100);
  WARN("r×c: " << tables << " tables (2..6 × 2..6, k in {3,5,10}, half with total row and column), "
               << with_secondary << " needed secondary suppression, " << cells << " small suppressed cells verified, "
               << unprotectable << " flagged unprotectable (a margin itself below k), " << zeros_hidden
               << " zero cells used as last-resort complements, " << skipped
               << " tables with hidden zeros and > 12 hidden cells not enumerated");
  CHECK(skipped < 100);
}

TEST_CASE("Suppression: zeros stay, percentages of suppressed counts are suppressed, summary counts") {
  analysis::CategoryCounts cc;
  cc.categories = {Value::str("A"), Value::str("B"), Value::str("C"), Value::str("D")};
  cc.counts = {20, 3, 0, 10};
  Table t = analysis::frequency_table("frequencies", cc);
  privacy::SuppressionSummary s;
  const auto ts = privacy::suppress(t, 5, s, "r");
  const int n = t.column_index("n");
  CHECK(t.rows[0][n].i == 20);
  CHECK(t.rows[1][n].s == "<5");
  CHECK(t.rows[2][n].kind == Value::Kind::integer);
  CHECK(t.rows[2][n].i == 0);
  CHECK(t.rows[3][n].s == "<5");  // the smallest published non-zero count is the complement
  for (const char* p : {"pct_valid", "pct_applicable", "pct_all"}) {
    CHECK(hidden(t.rows[1][t.column_index(p)]));
    CHECK(hidden(t.rows[3][t.column_index(p)]));
    CHECK(t.rows[0][t.column_index(p)].is_number());
    CHECK(t.rows[2][t.column_index(p)].is_number());
  }
  CHECK(t.rows[0][t.column_index("denom_valid")].i == 33);  // the total stays: it is public anyway
  CHECK(ts.primary == 1);
  CHECK(ts.secondary == 1);
  CHECK(ts.dependent == 6);
  CHECK(s.primary == 1);
  CHECK(s.secondary == 1);
  CHECK(s.dependent == 6);
  REQUIRE(s.tables.size() == 1);
  CHECK(s.tables[0].result_id == "r");
}

TEST_CASE("Suppression: a small NVT count cannot be recovered as all − applicable") {
  analysis::CategoryCounts cc;
  cc.categories = {Value::str("A"), Value::str("B")};
  cc.counts = {20, 12};
  cc.not_applicable = 2;
  cc.missing = 7;
  Table t = analysis::frequency_table("frequencies", cc);
  privacy::SuppressionSummary s;
  privacy::suppress(t, 5, s);
  // NVT = all − applicable: the applicable denominator must go, and with it one more cell so it cannot be
  // rebuilt as valid + missing.
  const int da = t.column_index("denom_applicable");
  CHECK(hidden(t.rows[0][da]));
  CHECK(hidden(t.rows[0][t.column_index("pct_applicable")]));
  CHECK(hidden(t.rows[2][t.column_index("n")]));  // the NVT row
  const bool valid_hidden = hidden(t.rows[0][t.column_index("denom_valid")]);
  const bool missing_hidden = hidden(t.rows[3][t.column_index("n")]);
  CHECK((valid_hidden || missing_hidden));
}

TEST_CASE("Suppression: statistics of groups below k") {
  stats::Descriptives d = stats::describe({1, 2, 3});
  Table t = analysis::descriptives_table("descriptives", d, 2);
  privacy::SuppressionSummary s;
  privacy::suppress(t, 5, s);
  for (const auto& row : t.rows) {
    const std::string label = row[0].s;
    if (label == "ontbrekend") CHECK(row[1].i == 0);
    else CHECK(hidden(row[1]));
  }
  // Row-wise: a table with an n column and means per group.
  Table g;
  g.id = "by_group";
  g.columns = {{"group", Text::same("g"), Role::category, -1},
               {"n", Text::same("n"), Role::count, -1},
               {"mean", Text::same("mean"), Role::statistic, 2},
               {"max", Text::same("max"), Role::statistic, 2}};
  g.rows = {{Value::str("a"), Value::of(40), Value::num(3.5), Value::num(9)},
            {Value::str("b"), Value::of(2), Value::num(4.5), Value::num(7)},
            {Value::str("c"), Value::of(30), Value::num(5.5), Value::num(8)}};
  privacy::suppress(g, 5, s);
  CHECK(hidden(g.rows[1][1]));
  CHECK(hidden(g.rows[1][2]));
  CHECK(hidden(g.rows[1][3]));
  CHECK(hidden(g.rows[2][1]));  // complement
  CHECK(g.rows[2][2].d == 5.5);  // a complement's group is not small: its statistics stay
  CHECK(g.rows[0][2].d == 3.5);
}

TEST_CASE("Delen mode: first and last dates of fewer than k values are hidden") {
  const core::ReadResult data = read("Start;Groep\n01/02/2021;a\n03/04/2022;a\n05/06/2022;b\n;b\n;a\n;a\n;b\n");
  std::vector<analysis::Input> inputs = {{"t.csv", &data}};
  analysis::ResultSet set = analysis::explore(inputs, analysis::Settings{});
  privacy::PrivacyOptions opt;
  privacy::apply(set, opt);
  const analysis::Result* r = set.find("verkennen.start");
  REQUIRE(r);
  for (const auto& row : table_of(*r, "range").rows) CHECK(hidden(row[1]));
  const std::string json = report::results_json(set, i18n::Lang::nl).dump();
  CHECK(json.find("2021-02-01") == std::string::npos);
  // (2022-06-05 is still there as the as-of date of the provenance, which defaults to the latest date.)
}

TEST_CASE("Pseudonyms: HMAC-SHA256, stable within a session, different across salts") {
  // RFC 4231 test case 2.
  const std::string key = "Jefe";
  CHECK(privacy::hmac_sha256_hex(std::vector<uint8_t>(key.begin(), key.end()), "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  privacy::Pseudonymiser a(fixed_source(1)), a2(fixed_source(1)), b(fixed_source(2));
  const std::string p = a("K-000123");
  CHECK(p.size() == 14);
  CHECK(p.rfind("p_", 0) == 0);
  CHECK(a("K-000123") == p);
  CHECK(a2("K-000123") == p);  // same salt (same session) → same pseudonym
  CHECK(b("K-000123") != p);
  CHECK(a("K-000124") != p);
  privacy::Pseudonymiser r1(privacy::system_random()), r2(privacy::system_random());
  CHECK(r1("x") != r2("x"));
  CHECK(privacy::make_salt(fixed_source(3), 16).size() == 16);
  CHECK(privacy::Pseudonymiser(fixed_bytes(9))("x") == privacy::Pseudonymiser(fixed_bytes(9))("x"));
}

namespace {

// 24 rows full of personal data and marker strings.
std::string marker_csv() {
  std::ostringstream s;
  s << "Dossier;Kindnummer;Voornaam;Naam;E-mail;Telefoon;Adres;Opmerkingen;Contact;Bereikbaar;Info;Woonst;"
       "Geslacht;Status;Leeftijd\n";
  const char* first[] = {"Zoë", "Jan", "Emma", "Noah", "Lotte", "Finn"};
  for (int i = 0; i < 24; ++i) {
    s << "ZZID" << 1000 + i << ";" << 987650001 + i << ";" << first[i % 6] << "ZZMARKER" << i << ";"
      << "Peeters-ZZMARKER" << i << ";"
      << "ouder" << i << ".zzmarker@example.be;"
      << "04" << 70 + i << " 12 34 " << 10 + i << ";"
      << "Kerkstraat " << i + 1 << " ZZMARKERSTRAAT, 9000 Gent;"
      << "Moeder belde ZZMARKER123 over de situatie thuis en de school van de jongste;"
      << "contact" << i << "@zzmarker.org;"
      << "+32 470 55 66 " << 10 + i << ";"
      << "Lange vrije tekst over het gezin ZZNOTE" << i << " met veel woorden en details;"
      << "Dorpsstraat " << 20 + i << " bus 3;"
      << (i % 3 == 0 ? "V" : "M") << ";" << (i % 4 == 0 ? "open" : "gesloten") << ";" << 3 + i % 14 << "\n";
  }
  return s.str();
}

analysis::ResultSet delen(const std::vector<analysis::Input>& inputs, int k, uint8_t salt = 7) {
  analysis::Settings settings;
  settings.mode = "delen";
  settings.suppress_k = k;
  analysis::ResultSet set = analysis::explore(inputs, settings);
  const privacy::ColumnPolicy policy = privacy::column_policy(inputs);
  const privacy::Pseudonymiser pseudo(fixed_source(salt));
  privacy::PrivacyOptions opt;
  opt.k = k;
  opt.columns = &policy;
  opt.pseudonymiser = &pseudo;
  privacy::apply(set, opt);
  return set;
}

}  // namespace

TEST_CASE("Column detection: names, addresses, phones, e-mail, free text by header and by content") {
  const core::ReadResult data = read(marker_csv(), "gezinnen_jan_peeters.csv");
  REQUIRE(data.ok());
  std::map<std::string, privacy::ColumnKind> kinds;
  for (size_t i = 0; i < data.table.columns.size(); ++i)
    kinds[data.table.columns[i].name] = privacy::classify_column(data.report.columns[i], data.table.columns[i]);
  using K = privacy::ColumnKind;
  CHECK(kinds["Dossier"] == K::identifier);
  CHECK(kinds["Kindnummer"] == K::identifier);
  CHECK(kinds["Voornaam"] == K::name);
  CHECK(kinds["Naam"] == K::name);
  CHECK(kinds["E-mail"] == K::email);
  CHECK(kinds["Telefoon"] == K::phone);
  CHECK(kinds["Adres"] == K::address);
  CHECK(kinds["Opmerkingen"] == K::free_text);
  CHECK(kinds["Contact"] == K::email);      // by content
  CHECK(kinds["Bereikbaar"] == K::phone);   // by content
  CHECK(kinds["Info"] == K::free_text);     // by content
  CHECK(kinds["Woonst"] == K::address);     // by content
  CHECK(kinds["Geslacht"] == K::ordinary);
  CHECK(kinds["Status"] == K::ordinary);
  CHECK(kinds["Leeftijd"] == K::ordinary);
}

TEST_CASE("Delen mode and aggregate: no marker, identifier or personal value leaks") {
  const core::ReadResult data = read(marker_csv(), "gezinnen_jan_peeters.csv");
  REQUIRE(data.ok());
  std::vector<analysis::Input> inputs = {{"gezinnen_jan_peeters.csv", &data}};
  const analysis::ResultSet set = delen(inputs, 5);
  CHECK(set.provenance.mode == "delen");
  CHECK(set.provenance.suppress_k == 5);
  const std::string results = report::results_json(set, i18n::Lang::nl).dump();
  const std::string agg = privacy::make_aggregate(set, 5, "2023", "Organisatie Noord").dump(2);
  std::vector<std::string> forbidden = {"ZZMARKER", "zzmarker", "ZZID", "ZZNOTE", "98765", "example.be", "Kerkstraat",
                                        "Dorpsstraat", "Peeters", "Zoë", "+32", "jan_peeters"};
  for (int i = 0; i < 24; ++i) forbidden.push_back("04" + std::to_string(70 + i) + " 12");
  for (const auto& f : forbidden) {
    INFO(f);
    CHECK(agg.find(f) == std::string::npos);
    CHECK(results.find(f) == std::string::npos);
  }
  // The file name appears only as "bestand 1" in the results and their provenance (with its hash).
  CHECK(results.find("bestand 1") != std::string::npos);
  CHECK(agg.find("\"flags\"") == std::string::npos);
  CHECK(agg.find("\"role\": \"statistic\"") == std::string::npos);
  // The aggregate still holds the ordinary columns.
  CHECK(agg.find("verkennen.geslacht") != std::string::npos);
  CHECK(agg.find("verkennen.status") != std::string::npos);
  CHECK(agg.find("\"schema\": \"zicht.aggregate/1\"") != std::string::npos);
  // The summary result lists what was left out.
  const analysis::Result* summary = set.find(privacy::kSummaryId);
  REQUIRE(summary);
  CHECK(table_of(*summary, "columns").rows.size() == 12);
  for (const auto& r : set.results) CHECK(r.flags.empty());
  const auto lines = privacy::describe_aggregate(nlohmann::json::parse(agg), i18n::Lang::nl);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].find("Organisatie Noord") != std::string::npos);
  CHECK(lines[2].find("'<5'") != std::string::npos);
  CHECK(privacy::describe_aggregate(nlohmann::json::object(), i18n::Lang::en)[0].find("not a Zicht") !=
        std::string::npos);
}

TEST_CASE("Pseudonymised identifiers in delen outputs") {
  // 8 rows: too few for Verkennen to call the id column an identifier by itself, so its values are tabulated.
  std::string csv = "Client ID;Status\n";
  for (int i = 0; i < 8; ++i) csv += "K" + std::to_string(500 + i) + ";" + (i < 5 ? "open" : "dicht") + "\n";
  const core::ReadResult data = read(csv);
  std::vector<analysis::Input> inputs = {{"t.csv", &data}};
  privacy::ColumnPolicy policy = privacy::column_policy(inputs);
  // Fewer than 10 distinct values: detection by header needs > 10; mark it as the werkmap would.
  policy.columns.push_back({"t.csv", "Client ID", privacy::ColumnKind::identifier, true});
  for (int i = 0; i < 8; ++i) policy.identifier_values.insert("K" + std::to_string(500 + i));
  auto run = [&](uint8_t salt) {
    analysis::ResultSet set = analysis::explore(inputs, analysis::Settings{});
    privacy::Pseudonymiser pseudo(fixed_source(salt));
    privacy::PrivacyOptions opt;
    opt.columns = &policy;
    opt.pseudonymiser = &pseudo;
    privacy::apply(set, opt);
    return report::results_json(set, i18n::Lang::nl).dump();
  };
  const std::string a = run(1), a2 = run(1), b = run(2);
  CHECK(a.find("K500") == std::string::npos);
  CHECK(a.find(privacy::Pseudonymiser(fixed_source(1))("K500")) != std::string::npos);
  CHECK(a == a2);  // deterministic given the salt
  CHECK(a != b);
}

TEST_CASE("Delen mode: tests of suppressed tables keep only name, n and df; the k argument is validated") {
  analysis::ResultSet set;
  analysis::Result r;
  r.id = "x.cross";
  r.tables.push_back(cross_table({{20, 3}, {15, 30}}, false));
  analysis::TestResult tr;
  tr.name = "Pearson's Chi-squared test";
  tr.n = 68;
  tr.df = 1;
  tr.statistic = 7.1;
  tr.p = 0.007;
  tr.effect_name = "Cramér's V";
  tr.effect = 0.3;
  r.tests.push_back(tr);
  r.flags.push_back({"f.csv", 12, "Status", "ZZMARKER", "invalid"});
  set.results.push_back(r);
  privacy::PrivacyOptions opt;
  opt.k = 5;
  const auto summary = privacy::apply(set, opt);
  const auto& out = set.results[0];
  CHECK(out.flags.empty());
  CHECK(std::isnan(out.tests[0].statistic));
  CHECK(out.tests[0].p < 0);
  CHECK(std::isnan(out.tests[0].effect));
  CHECK(out.tests[0].df == 1);
  CHECK(out.tests[0].n == 68);
  CHECK(summary.primary == 1);
  CHECK(summary.secondary == 3);  // a 2×2 table: one small cell takes the whole table with it
  CHECK(set.results.back().id == privacy::kSummaryId);
  opt.k = 1;
  CHECK_THROWS_AS(privacy::apply(set, opt), std::invalid_argument);
}

TEST_CASE("Consent comparison: consenting organisations by name, others pooled, sorted by name") {
  Table t;
  t.id = "by_org";
  t.columns = {{"organisation", Text::same("org"), Role::category, -1},
               {"n", Text::same("n"), Role::count, -1},
               {"pct", Text::same("%"), Role::percent, 1},
               {"denom", Text::same("N"), Role::denominator, -1},
               {"mean", Text::same("mean"), Role::statistic, 1}};
  t.rows = {{Value::str("Zeta"), Value::of(10), Value::num(50), Value::of(20), Value::num(3)},
            {Value::str("Alfa"), Value::of(5), Value::num(25), Value::of(20), Value::num(4)},
            {Value::str("Beta"), Value::of(6), Value::num(60), Value::of(10), Value::num(5)},
            {Value::str("Gamma"), Value::of(4), Value::num(40), Value::of(10), Value::num(6)},
            {Value::label(Text{"Totaal", "Total"}), Value::of(25), Value::num(41.67), Value::of(60), Value::num(4)}};
  const Table c = privacy::compare_organisations(t, {"Zeta", "Alfa"});
  REQUIRE(c.rows.size() == 4);
  CHECK(c.rows[0][0].s == "Alfa");
  CHECK(c.rows[1][0].s == "Zeta");
  CHECK(c.rows[2][0].s == "overige organisaties");
  CHECK(c.rows[2][1].i == 10);
  CHECK(c.rows[2][3].i == 20);
  CHECK(c.rows[2][2].d == Approx(50.0));
  CHECK(c.rows[2][4].kind == Value::Kind::missing);
  CHECK(c.rows[3][0].s == "Totaal");
  const std::string all = report::value_json(c.rows[2][0], i18n::Lang::nl).dump();
  CHECK(all.find("Beta") == std::string::npos);
  CHECK(privacy::reflection_questions().size() == 4);
}

namespace {

std::string org_csv(int org, int rows, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const char* status[] = {"open", "gesloten", "gesloten", "NVT", ""};
  const char* sex[] = {"M", "V", "M", "V", "X"};
  const char* type[] = {"OCJ", "SDJ", "VK", "OCJ", "CKG", "OOOC"};
  std::ostringstream s;
  s << "Status;Geslacht;Aanmelder;Jaar;Regio\n";
  for (int i = 0; i < rows; ++i) {
    const unsigned region = static_cast<unsigned>(rng() % 100);  // "Oost" is rare: small in every organisation
    s << status[rng() % 5] << ";" << sex[rng() % 5] << ";" << type[rng() % (3 + org)] << ";"
      << "01/0" << 1 + rng() % 9 << "/202" << 1 + rng() % 3 << ";"
      << (region < 4 ? "Oost" : region < 30 ? "Zuid" : "Noord") << "\n";
  }
  return s.str();
}

}  // namespace

TEST_CASE("Merging three organisations' aggregates equals the aggregate of the pooled records where allowed") {
  const std::string a = org_csv(0, 140, 1), b = org_csv(1, 90, 2), c = org_csv(2, 60, 3);
  const std::string header = "Status;Geslacht;Aanmelder;Jaar;Regio\n";
  const std::string pooled_csv = a + b.substr(header.size()) + c.substr(header.size());
  const core::ReadResult da = read(a), db = read(b), dc = read(c), dp = read(pooled_csv);
  const int k = 5;
  std::vector<nlohmann::json> aggs;
  int o = 0;
  for (const auto* d : {&da, &db, &dc}) {
    std::vector<analysis::Input> in = {{"org.csv", d}};
    const auto agg = privacy::make_aggregate(delen(in, k), k, "2021-2023", "org" + std::to_string(++o));
    aggs.push_back(nlohmann::json::parse(agg.dump()));
  }
  std::vector<analysis::Input> pin = {{"all.csv", &dp}};
  const nlohmann::json pooled =
      nlohmann::json::parse(privacy::make_aggregate(delen(pin, k), k, "2021-2023", "all").dump());
  const analysis::ResultSet merged = privacy::merge_aggregates(aggs, k);
  const nlohmann::json mj = nlohmann::json::parse(privacy::make_aggregate(merged, k, "2021-2023", "regio").dump());
  CHECK(merged.provenance.mode == "delen");
  CHECK(merged.provenance.files.size() == 3);
  // Index the merged rows by (result, table, first cell).
  std::map<std::string, nlohmann::json> mrows;
  for (const auto& r : mj["results"])
    for (const auto& t : r["tables"])
      for (const auto& row : t["rows"])
        mrows[r["id"].get<std::string>() + "|" + t["id"].get<std::string>() + "|" + row[0].dump()] = row;
  int equal = 0, hidden_in_merge = 0, compared_tables = 0;
  for (const auto& r : pooled["results"])
    for (const auto& t : r["tables"]) {
      ++compared_tables;
      for (const auto& row : t["rows"]) {
        const std::string key = r["id"].get<std::string>() + "|" + t["id"].get<std::string>() + "|" + row[0].dump();
        INFO(key);
        REQUIRE(mrows.count(key));
        const auto& m = mrows[key];
        REQUIRE(m.size() == row.size());
        for (size_t i = 1; i < row.size(); ++i) {
          if (row[i].is_number() && m[i].is_number()) {
            CHECK(m[i].get<double>() == Approx(row[i].get<double>()).margin(1e-9));
            ++equal;
          } else if (m[i].is_string()) {
            ++hidden_in_merge;
          }
        }
      }
    }
  CHECK(compared_tables >= 5);
  CHECK(equal > 50);
  CHECK(hidden_in_merge > 0);  // "Oost" is small in each organisation: hidden in the merge, never guessed
  // The rare region: hidden in every organisation's file, so hidden in the merge although the pooled count is not.
  const std::string oost = "verkennen.regio|frequencies|\"Oost\"";
  REQUIRE(mrows.count(oost));
  CHECK(mrows[oost][1].is_string());
  WARN("merge vs pooled: " << equal << " cells equal, " << hidden_in_merge << " hidden in the merge");
}

TEST_CASE("Merge: input-suppressed cells stay suppressed and are protected; chi-square on complete cross-tables") {
  auto aggregate_of = [](const std::vector<std::vector<long>>& m, const std::string& org) {
    analysis::ResultSet set;
    set.provenance.profile = "test";
    analysis::Result r;
    r.id = "x.cross";
    r.title = Text::same("cross");
    r.tables.push_back(cross_table(m, false));
    set.results.push_back(r);
    return nlohmann::json::parse(privacy::make_aggregate(set, 5, "2023", org).dump());
  };
  // Complete tables: the merged chi-square equals the pooled one.
  const std::vector<std::vector<long>> m1 = {{20, 30}, {25, 10}}, m2 = {{15, 12}, {40, 22}}, m3 = {{9, 8}, {30, 7}};
  analysis::ResultSet merged =
      privacy::merge_aggregates({aggregate_of(m1, "a"), aggregate_of(m2, "b"), aggregate_of(m3, "c")}, 5);
  REQUIRE(merged.results[0].tests.size() == 1);
  const auto x = stats::chi_square({{44, 50}, {95, 39}});
  CHECK(merged.results[0].tests[0].statistic == Approx(x.statistic));
  CHECK(merged.results[0].tests[0].p == Approx(x.p_value));
  CHECK(merged.results[0].tables[0].rows[0][1].i == 44);
  // One organisation has a small cell: the merged cell is hidden, never guessed, and protected by a complement.
  const std::vector<std::vector<long>> s1 = {{20, 3}, {25, 10}};
  merged = privacy::merge_aggregates({aggregate_of(s1, "a"), aggregate_of(m2, "b"), aggregate_of(m3, "c")}, 5);
  const Table& t = merged.results[0].tables[0];
  int hidden_cells = 0;
  for (const auto& row : t.rows)
    for (size_t c = 1; c < row.size(); ++c) hidden_cells += hidden(row[c]);
  CHECK(hidden(t.rows[0][2]));
  CHECK(hidden_cells == 4);  // 2×2 with known margins: one hidden cell hides them all
  CHECK(std::isnan(merged.results[0].tests.empty() ? stats::kNaN : merged.results[0].tests[0].statistic));
  CHECK_THROWS_AS(privacy::merge_aggregates({nlohmann::json::object()}, 5), std::invalid_argument);
}

TEST_CASE("large tables (beyond the exact solver) still leave no lone hidden cell, quickly") {
  // 400 categories with small counts: the rule for large tables hides until no published total leaves exactly
  // one hidden cell, so no small count follows from the denominators.
  std::mt19937 rng(20261122);
  analysis::CategoryCounts counts;
  for (int i = 0; i < 400; ++i) {
    counts.categories.push_back(Value::str("c" + std::to_string(i)));
    counts.counts.push_back(static_cast<long>(rng() % 14));
  }
  Table t = analysis::frequency_table("big", counts);
  privacy::SuppressionSummary summary;
  privacy::suppress(t, 5, summary);
  const int n = t.column_index("n");
  REQUIRE(n >= 0);
  int hidden = 0, small = 0;
  for (size_t r = 0; r < 400; ++r) {
    const Value& v = t.rows[r][static_cast<size_t>(n)];
    if (v.kind == Value::Kind::suppressed) ++hidden;
    if (counts.counts[r] >= 1 && counts.counts[r] < 5) {
      ++small;
      CHECK(v.kind == Value::Kind::suppressed);
    }
  }
  CHECK(small > 50);
  CHECK(hidden >= small);
  CHECK(hidden != 1);
}
