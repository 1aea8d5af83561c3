// The privacy core (issue 11): small-cell suppression. Random 1-D frequency tables and r×c tables checked by
// solving with two independent checkers (no suppressed small cell can be derived from what is published), then
// the rules on fixed tables: zeros stay, percentages of suppressed counts go, the summary counts; a small NVT count
// cannot be recovered as all − applicable; statistics of groups below k; and large tables beyond the exact solver.
// Delen mode, pseudonyms, column detection and consent: test_privacy_delen.cpp; shareable aggregates and merging
// them: test_privacy_aggregate.cpp.
#include "privacy_test_support.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "analysis/tables.h"
#include "report/json_export.h"
#include "stats/survival.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;

namespace {

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

TEST_CASE("Suppression: a share of n hides with n even when another count stands between them") {
  // A completeness table puts n (scored) and other counts (not due, …) before the shares: pct_valid is n /
  // denom_valid. With n = 3 hidden and the count next to the share 0 (zeros stay), the share and its denominator
  // would give n back unless the share goes too.
  Table t;
  t.id = "moments";
  t.columns = {{"moment", analysis::Text::same("moment"), Role::category, -1},
               {"n", analysis::Text::same("n"), Role::count, 0},
               {"not_due", analysis::Text::same("not due"), Role::count, 0},
               {"pct_valid", analysis::Text::same("%"), Role::percent, 1},
               {"denom_valid", analysis::Text::same("denominator"), Role::denominator, 0}};
  t.rows = {{Value::str("3m"), Value::of(3), Value::of(0), Value::num(100.0 * 3 / 9), Value::of(9)},
            {Value::str("6m"), Value::of(9), Value::of(0), Value::num(100.0), Value::of(9)}};
  privacy::SuppressionSummary s;
  privacy::suppress(t, 5, s, "r");
  CHECK(hidden(t.rows[0][1]));
  CHECK(t.rows[0][2].i == 0);      // the zero stays
  CHECK(t.rows[0][4].i == 9);      // the denominator is not small
  CHECK(hidden(t.rows[0][3]));     // so the share of the hidden n must go
  for (const auto& row : t.rows) CHECK((!hidden(row[1]) || hidden(row[3])));
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

TEST_CASE("Suppression: a Kaplan–Meier step with fewer than k at risk hides its time and survival") {
  // survfit's steps of 8 trajectories: the curve may be shared while 5 or more remain at risk, not after.
  stats::KaplanMeierResult km =
      stats::kaplan_meier({1.5, 2.0, 3.25, 4.0, 5.5, 6.0, 7.75, 9.0}, {true, true, true, false, true, true, true, true});
  REQUIRE(km.rows.size() == 8);
  Table t;
  t.id = "km";
  t.columns = {{"time", Text::same("time"), Role::statistic, 2}, {"survival", Text::same("S"), Role::statistic, 3},
               {"lower", Text::same("lower"), Role::lower, 3},   {"upper", Text::same("upper"), Role::upper, 3},
               {"n_risk", Text::same("n_risk"), Role::count, 0}, {"n_event", Text::same("n_event"), Role::count, 0},
               {"n_censor", Text::same("n_censor"), Role::count, 0}};
  for (const auto& r : km.rows)
    t.rows.push_back({Value::num(r.time), Value::num(r.surv), Value::num(r.lower), Value::num(r.upper),
                      Value::of(r.n_risk), Value::of(r.n_event), Value::of(r.n_censor)});
  privacy::SuppressionSummary s;
  privacy::suppress(t, 5, s, "km");
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const bool few = km.rows[i].n_risk < 5;
    INFO("step " << i << " at " << km.rows[i].time << " with " << km.rows[i].n_risk << " at risk");
    CHECK(hidden(t.rows[i][0]) == few);
    CHECK(hidden(t.rows[i][1]) == few);
    // The last step reaches S = 0: its log bounds are empty (NaN), nothing to hide there.
    for (int c : {2, 3}) CHECK((hidden(t.rows[i][c]) || t.rows[i][c].kind == Value::Kind::missing) == few);
  }
  // 8, 7, 6, 5 at risk at the first four steps (the censored one at 4.0 included): they stay, the rest go.
  CHECK(t.rows[0][1].d == Approx(0.875));
  CHECK(t.rows[3][1].d == Approx(0.625));  // 7/8 · 6/7 · 5/6, the last step shared
  CHECK(hidden(t.rows[4][1]));
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
