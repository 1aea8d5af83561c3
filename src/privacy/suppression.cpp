#include "privacy/suppression.h"

#include <algorithm>
#include <tuple>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace zicht::privacy {

using analysis::Role;
using analysis::Table;
using analysis::Value;

void SuppressionSummary::add(const TableSummary& t) {
  tables.push_back(t);
  primary += t.primary;
  secondary += t.secondary;
  dependent += t.dependent;
  unprotected += t.unprotected;
}

bool is_count_value(const Value& v) {
  if (v.kind == Value::Kind::integer) return true;
  return v.kind == Value::Kind::number && std::isfinite(v.d) && v.d == std::floor(v.d) && std::fabs(v.d) < 9e15;
}

int64_t count_value(const Value& v) {
  return v.kind == Value::Kind::integer ? v.i : static_cast<int64_t>(std::llround(v.d));
}

PercentPairing percent_pairing(const Table& t, int column) {
  PercentPairing p;
  for (int c = column - 1; c >= 0; --c)
    if (t.columns[c].role == Role::count) {
      p.numerator = c;
      break;
    }
  for (size_t c = static_cast<size_t>(column) + 1; c < t.columns.size(); ++c) {
    const Role r = t.columns[c].role;
    if (r == Role::denominator) {
      p.denominator = static_cast<int>(c);
      break;
    }
    if (r == Role::count || r == Role::percent || r == Role::category) break;
  }
  return p;
}

namespace {

std::string lower_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool label_is(const Value& v, std::initializer_list<const char*> words) {
  if (v.kind != Value::Kind::text) return false;
  const std::string a = lower_ascii(v.s), b = lower_ascii(v.en);
  for (const char* w : words)
    if (a == w || b == w) return true;
  return false;
}

bool is_total_label(const Value& v) {
  if (v.kind != Value::Kind::text) return false;
  for (const std::string& s : {lower_ascii(v.s), lower_ascii(v.en)})
    if (s == "totaal" || s == "total" || s.rfind("totaal ", 0) == 0 || s.rfind("total ", 0) == 0) return true;
  return false;
}

// One unknown of the linear system: an inner cell, a total cell, or a denominator shown in several rows.
struct Var {
  enum Kind { inner = 0, total = 1, denominator = 2 };
  Kind kind = inner;
  std::vector<std::pair<int, int>> cells;
  int64_t value = 0;
  bool known = false;  // its value is public anyway (the table's grand total): never an unknown
  bool suppressed = false, primary = false;
};

// sum(vars) − total = 0; total −1 = a published constant.
struct Sum {
  std::vector<int> vars;
  int total = -1;
};

int64_t gcd64(int64_t a, int64_t b) {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b) {
    const int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// For every var: true when it is a suppressed unknown that the published cells and sums determine uniquely.
// Gauss–Jordan elimination over the integers (rows kept primitive by their gcd), so the answer is exact: x is
// determined iff e_x lies in the row space, i.e. iff x's pivot row has no other non-zero entry.
std::vector<bool> determined(const std::vector<Var>& vars, const std::vector<Sum>& sums) {
  std::vector<int> unknown_index(vars.size(), -1);
  std::vector<int> unknowns;
  for (size_t i = 0; i < vars.size(); ++i)
    if (vars[i].suppressed && !vars[i].known) {
      unknown_index[i] = static_cast<int>(unknowns.size());
      unknowns.push_back(static_cast<int>(i));
    }
  std::vector<bool> out(vars.size(), false);
  const size_t u = unknowns.size();
  if (u == 0) return out;
  std::vector<std::vector<int64_t>> m;
  for (const Sum& s : sums) {
    std::vector<int64_t> row(u, 0);
    bool any = false;
    for (int v : s.vars)
      if (unknown_index[v] >= 0) {
        row[unknown_index[v]] += 1;
        any = true;
      }
    if (s.total >= 0 && unknown_index[s.total] >= 0) {
      row[unknown_index[s.total]] -= 1;
      any = true;
    }
    if (any) m.push_back(std::move(row));
  }
  std::vector<int> pivot_row_of(u, -1);
  size_t r = 0;
  for (size_t c = 0; c < u && r < m.size(); ++c) {
    size_t p = r;
    while (p < m.size() && m[p][c] == 0) ++p;
    if (p == m.size()) continue;
    std::swap(m[p], m[r]);
    for (size_t q = 0; q < m.size(); ++q) {
      if (q == r || m[q][c] == 0) continue;
      const int64_t a = m[r][c], b = m[q][c];
      int64_t g = 0;
      for (size_t j = 0; j < u; ++j) {
        m[q][j] = m[q][j] * a - m[r][j] * b;
        g = gcd64(g, m[q][j]);
      }
      if (g > 1)
        for (auto& x : m[q]) x /= g;
    }
    pivot_row_of[c] = static_cast<int>(r);
    ++r;
  }
  for (size_t c = 0; c < u; ++c) {
    if (pivot_row_of[c] < 0) continue;
    const auto& row = m[pivot_row_of[c]];
    bool alone = true;
    for (size_t j = 0; j < u && alone; ++j)
      if (j != c && row[j] != 0) alone = false;
    if (alone) out[unknowns[c]] = true;
  }
  return out;
}

struct Structure {
  std::vector<Var> vars;
  std::vector<Sum> sums;
  std::vector<std::vector<int>> var_at;  // [row][column] → var index or -1
  std::vector<int> inner_rows, inner_cols;
};

Structure build(const Table& t, int k) {
  Structure s;
  const size_t nr = t.rows.size(), nc = t.columns.size();
  s.var_at.assign(nr, std::vector<int>(nc, -1));
  // A cell takes part in the sums when it holds a count, or a "<k" from an earlier suppression (an unknown: the
  // merge of aggregates keeps input-suppressed cells hidden and must protect them like any other).
  auto hidden = [&](size_t r, size_t c) {
    return c < t.rows[r].size() && t.rows[r][c].kind == Value::Kind::suppressed;
  };
  auto known = [&](size_t r, size_t c) { return c < t.rows[r].size() && is_count_value(t.rows[r][c]); };
  auto cell_ok = [&](size_t r, size_t c) { return known(r, c) || hidden(r, c); };
  auto val = [&](size_t r, size_t c) { return known(r, c) ? count_value(t.rows[r][c]) : int64_t(0); };
  std::vector<int> counts;
  for (size_t c = 0; c < nc; ++c)
    if (t.columns[c].role == Role::count) counts.push_back(static_cast<int>(c));
  if (counts.empty() || nr == 0) return s;

  // Total column: named so, or the sum of the other count columns in every fully known row (at least two others).
  int total_col = -1;
  if (counts.size() >= 3) {
    for (int c : counts) {
      const std::string id = lower_ascii(t.columns[c].id);
      const bool named = id == "total" || id == "totaal" || id == "n_total" || id == "n_totaal";
      bool sums_up = true;
      int rows_checked = 0;
      for (size_t r = 0; r < nr && sums_up; ++r) {
        if (!known(r, c)) continue;
        int64_t sum = 0;
        bool full = true;
        for (int o : counts)
          if (o != c) {
            if (!known(r, o)) full = false;
            sum += val(r, o);
          }
        if (!full) continue;
        if (sum != val(r, c)) sums_up = false;
        if (sum != 0) ++rows_checked;
      }
      // Arithmetic needs at least three non-empty rows: with fewer, a coincidence is too likely.
      if (named || (sums_up && rows_checked >= 3)) {
        total_col = c;
        break;
      }
    }
  }
  std::vector<int> inner_cols;
  for (int c : counts)
    if (c != total_col) inner_cols.push_back(c);

  // Total rows: labelled so, or the last row when it is the sum of all the others (with at least two others).
  bool has_category = false;
  std::vector<bool> total_row(nr, false);
  for (size_t r = 0; r < nr; ++r)
    for (size_t c = 0; c < nc && c < t.rows[r].size(); ++c)
      if (t.columns[c].role == Role::category) {
        has_category = true;
        if (is_total_label(t.rows[r][c])) total_row[r] = true;
      }
  // An unlabelled last row (empty category) that is the sum of all the others is a total row too. (Arithmetic
  // alone is not enough: "Ontbrekend" can equal the sum of the rows above it by coincidence.)
  if (nr >= 3 && !total_row[nr - 1] && has_category) {
    bool unlabelled = true;
    for (size_t c = 0; c < nc && c < t.rows[nr - 1].size(); ++c)
      if (t.columns[c].role == Role::category && t.rows[nr - 1][c].kind != Value::Kind::missing &&
          !(t.rows[nr - 1][c].kind == Value::Kind::text && t.rows[nr - 1][c].s.empty()))
        unlabelled = false;
    bool sums_up = unlabelled, nonzero = false;
    for (int c : inner_cols) {
      if (!sums_up) break;
      if (!known(nr - 1, c)) {
        sums_up = false;
        break;
      }
      int64_t sum = 0;
      for (size_t r = 0; r + 1 < nr; ++r) {
        if (total_row[r]) continue;
        if (!known(r, c)) sums_up = false;
        sum += val(r, c);
      }
      if (sum != val(nr - 1, c)) sums_up = false;
      if (sum != 0) nonzero = true;
    }
    if (sums_up && nonzero) total_row[nr - 1] = true;
  }
  int the_total_row = -1;
  std::vector<int> inner_rows;
  for (size_t r = 0; r < nr; ++r) {
    if (total_row[r]) {
      if (the_total_row < 0) the_total_row = static_cast<int>(r);
    } else {
      inner_rows.push_back(static_cast<int>(r));
    }
  }

  auto add_var = [&](Var::Kind kind, int r, int c) {
    Var v;
    v.kind = kind;
    v.cells = {{r, c}};
    v.value = val(r, c);
    if (hidden(r, c)) v.suppressed = v.primary = true;
    s.vars.push_back(v);
    s.var_at[r][c] = static_cast<int>(s.vars.size() - 1);
    return static_cast<int>(s.vars.size() - 1);
  };
  for (int r : inner_rows)
    for (int c : inner_cols)
      if (cell_ok(r, c)) add_var(Var::inner, r, c);
  // Total cells (in total rows and the total column) are unknowns too: they can be suppressed.
  for (size_t r = 0; r < nr; ++r)
    for (int c : counts)
      if ((total_row[r] || c == total_col) && cell_ok(r, c)) add_var(Var::total, static_cast<int>(r), c);
  auto at = [&](int r, int c) { return s.var_at[r][c]; };

  std::vector<int> denoms;
  for (size_t c = 0; c < nc; ++c)
    if (t.columns[c].role == Role::denominator) denoms.push_back(static_cast<int>(c));

  if (inner_cols.size() == 1) {
    const int c = inner_cols[0];
    bool covered = false;
    for (int d : denoms) {
      // Rows sharing a denominator value (or all rows with a hidden one) whose counts add up to it.
      std::map<std::pair<int, int64_t>, std::vector<int>> groups;
      for (int r : inner_rows) {
        if (known(r, d)) groups[{0, val(r, d)}].push_back(r);
        else if (hidden(r, d)) groups[{1, 0}].push_back(r);
      }
      for (auto& [key, rows] : groups) {
        const bool group_hidden = key.first == 1;
        int64_t sum = 0;
        bool ok = true, any_hidden = false;
        for (int r : rows) {
          if (!cell_ok(r, c)) {
            ok = false;
            break;
          }
          any_hidden = any_hidden || hidden(r, c);
          sum += val(r, c);
        }
        if (!ok) continue;
        if (!group_hidden && (any_hidden ? sum > key.second : sum != key.second)) continue;
        Var v;
        v.kind = Var::denominator;
        v.value = key.second;
        if (group_hidden) v.suppressed = v.primary = true;
        for (int r : rows) v.cells.push_back({r, d});
        v.known = !group_hidden && rows.size() == inner_rows.size();
        if (rows.size() == inner_rows.size()) covered = true;
        s.vars.push_back(v);
        const int vi = static_cast<int>(s.vars.size() - 1);
        for (int r : rows) s.var_at[r][d] = vi;
        Sum sum_eq;
        for (int r : rows) sum_eq.vars.push_back(at(r, c));
        sum_eq.total = vi;
        s.sums.push_back(sum_eq);
      }
    }
    if (!covered) {
      Sum sum_eq;
      for (int r : inner_rows)
        if (at(r, c) >= 0) sum_eq.vars.push_back(at(r, c));
      if (the_total_row >= 0) sum_eq.total = at(the_total_row, c);
      s.sums.push_back(sum_eq);
    }
  } else {
    // A denominator column holds row totals when every fully known row says so (and at least one does).
    int row_total_denom = -1;
    if (total_col < 0)
      for (int d : denoms) {
        bool any = false, all = true;
        for (int r : inner_rows) {
          if (!known(r, d)) continue;
          int64_t sum = 0;
          bool full = true;
          for (int c : inner_cols) {
            if (!known(r, c)) full = false;
            sum += val(r, c);
          }
          if (!full) continue;
          any = true;
          if (sum != val(r, d)) all = false;
        }
        if (any && all) {
          row_total_denom = d;
          break;
        }
      }
    // A margin that is not in the table is assumed published, unless it is itself a count below k (then it is
    // hidden wherever it is published): an unknown without cells.
    auto implicit_total = [&](const std::vector<int>& vars) {
      int64_t sum = 0;
      for (int v : vars) {
        if (s.vars[v].suppressed && s.vars[v].value == 0 && hidden(s.vars[v].cells[0].first, s.vars[v].cells[0].second))
          return -1;  // contains an earlier-hidden cell: the margin is unknown here anyway
        sum += s.vars[v].value;
      }
      if (sum < 1 || sum >= k) return -1;
      Var v;
      v.kind = Var::total;
      v.value = sum;
      v.suppressed = v.primary = true;
      s.vars.push_back(v);
      return static_cast<int>(s.vars.size() - 1);
    };
    for (int r : inner_rows) {
      Sum sum_eq;
      for (int c : inner_cols)
        if (at(r, c) >= 0) sum_eq.vars.push_back(at(r, c));
      if (total_col >= 0) sum_eq.total = at(r, total_col);
      else if (row_total_denom >= 0 && cell_ok(r, row_total_denom))
        sum_eq.total = add_var(Var::denominator, r, row_total_denom);
      else sum_eq.total = implicit_total(sum_eq.vars);
      s.sums.push_back(sum_eq);
    }
    Sum implicit_rows;
    for (const Sum& row_sum : s.sums)
      if (row_sum.total >= 0 && s.vars[row_sum.total].cells.empty()) implicit_rows.vars.push_back(row_sum.total);
    Sum implicit_cols;
    for (int c : inner_cols) {
      Sum sum_eq;
      for (int r : inner_rows)
        if (at(r, c) >= 0) sum_eq.vars.push_back(at(r, c));
      if (the_total_row >= 0) sum_eq.total = at(the_total_row, c);
      else sum_eq.total = implicit_total(sum_eq.vars);
      if (sum_eq.total >= 0 && s.vars[sum_eq.total].cells.empty()) implicit_cols.vars.push_back(sum_eq.total);
      s.sums.push_back(sum_eq);
    }
    // The grand total is public, and so are the other margins: the hidden small margins add up to a known number.
    if (!implicit_rows.vars.empty()) s.sums.push_back(implicit_rows);
    if (!implicit_cols.vars.empty()) s.sums.push_back(implicit_cols);
    if (total_col >= 0) {
      Sum sum_eq;
      for (int r : inner_rows)
        if (at(r, total_col) >= 0) sum_eq.vars.push_back(at(r, total_col));
      if (the_total_row >= 0) sum_eq.total = at(the_total_row, total_col);
      s.sums.push_back(sum_eq);
    }
    if (the_total_row >= 0) {
      Sum sum_eq;
      for (int c : inner_cols)
        if (at(the_total_row, c) >= 0) sum_eq.vars.push_back(at(the_total_row, c));
      if (total_col >= 0) sum_eq.total = at(the_total_row, total_col);
      s.sums.push_back(sum_eq);
    }
  }
  // The grand total of the table is public (the number of rows of the file is in the provenance).
  for (auto& v : s.vars)
    if (v.kind == Var::total && !v.suppressed && the_total_row >= 0 && v.cells[0].first == the_total_row &&
        (inner_cols.size() == 1 || v.cells[0].second == total_col))
      v.known = true;
  for (auto& sum : s.sums) sum.vars.erase(std::remove(sum.vars.begin(), sum.vars.end(), -1), sum.vars.end());
  s.inner_rows = inner_rows;
  s.inner_cols = inner_cols;
  return s;
}

// Large tables (Kaplan–Meier step tables, long per-organisation lists): the exact search below solves the whole
// system once per candidate, which does not finish in reasonable time beyond a few hundred unknowns. There the
// classic rule applies instead: no sum (row, column or total) may contain exactly one hidden cell; the smallest
// other cell of such a sum is hidden too, until no sum has a lone hidden cell. Returns the cells left exposed.
constexpr size_t kExactLimit = 150;

int secondary_by_sums(Structure& s) {
  auto members = [](const Sum& sum) {
    std::vector<int> m = sum.vars;
    if (sum.total >= 0) m.push_back(sum.total);
    return m;
  };
  for (bool changed = true; changed;) {
    changed = false;
    for (const Sum& sum : s.sums) {
      const std::vector<int> m = members(sum);
      int hidden = 0;
      for (int v : m) hidden += s.vars[v].suppressed ? 1 : 0;
      if (hidden != 1) continue;
      int best = -1;
      for (int v : m) {
        const Var& c = s.vars[v];
        if (c.suppressed || c.known) continue;
        if (best < 0 || std::make_tuple(c.value == 0, static_cast<int>(c.kind), c.value) <
                            std::make_tuple(s.vars[best].value == 0, static_cast<int>(s.vars[best].kind),
                                            s.vars[best].value))
          best = v;
      }
      if (best >= 0) {
        s.vars[best].suppressed = true;
        changed = true;
      }
    }
  }
  int unprotected = 0;
  for (const Sum& sum : s.sums) {
    const std::vector<int> m = members(sum);
    int hidden = 0, lone = -1;
    for (int v : m)
      if (s.vars[v].suppressed) {
        ++hidden;
        lone = v;
      }
    if (hidden == 1 && s.vars[lone].primary) unprotected += static_cast<int>(s.vars[lone].cells.size());
  }
  return unprotected;
}

// Chooses complementary suppressions until no suppressed unknown is determined. Returns vars given up on.
int secondary_suppression(Structure& s) {
  if (s.vars.size() > kExactLimit) return secondary_by_sums(s);
  std::set<int> given_up;
  auto still_determined = [&](int x) -> bool { return determined(s.vars, s.sums)[x]; };
  for (int guard = 0; guard < 10000; ++guard) {
    const std::vector<bool> det = determined(s.vars, s.sums);
    int x = -1;
    for (size_t i = 0; i < det.size(); ++i)
      if (det[i] && s.vars[i].primary && !given_up.count(static_cast<int>(i))) {
        x = static_cast<int>(i);
        break;
      }
    if (x < 0) break;
    // Vars connected to x through sums.
    std::set<int> linked_direct;
    for (const Sum& sum : s.sums) {
      bool has = sum.total == x || std::find(sum.vars.begin(), sum.vars.end(), x) != sum.vars.end();
      if (!has) continue;
      for (int v : sum.vars) linked_direct.insert(v);
      if (sum.total >= 0) linked_direct.insert(sum.total);
    }
    std::vector<int> cands;
    for (size_t i = 0; i < s.vars.size(); ++i) {
      const Var& v = s.vars[i];
      if (!v.suppressed && !v.known && v.value > 0) cands.push_back(static_cast<int>(i));
    }
    auto key = [&](int i) {
      const Var& v = s.vars[i];
      return std::make_tuple(static_cast<int>(v.kind), v.value, v.cells[0].first, v.cells[0].second);
    };
    std::sort(cands.begin(), cands.end(), [&](int a, int b) { return key(a) < key(b); });
    int chosen = -1;
    for (int c : cands) {
      s.vars[c].suppressed = true;
      const bool still = still_determined(x);
      s.vars[c].suppressed = false;
      if (!still) {
        chosen = c;
        break;
      }
    }
    if (chosen >= 0) {
      s.vars[chosen].suppressed = true;
      continue;
    }
    // No single cell helps: the cheapest pair among the first candidates.
    const size_t limit = std::min<size_t>(cands.size(), 14);
    std::vector<std::pair<int, int>> pairs;
    for (size_t a = 0; a < limit; ++a)
      for (size_t b = a + 1; b < limit; ++b) pairs.push_back({cands[a], cands[b]});
    std::stable_sort(pairs.begin(), pairs.end(), [&](const auto& p, const auto& q) {
      const auto kp = std::max(s.vars[p.first].kind, s.vars[p.second].kind);
      const auto kq = std::max(s.vars[q.first].kind, s.vars[q.second].kind);
      if (kp != kq) return kp < kq;
      return s.vars[p.first].value + s.vars[p.second].value < s.vars[q.first].value + s.vars[q.second].value;
    });
    bool done = false;
    for (const auto& [a, b] : pairs) {
      s.vars[a].suppressed = s.vars[b].suppressed = true;
      if (!still_determined(x)) {
        done = true;
        break;
      }
      s.vars[a].suppressed = s.vars[b].suppressed = false;
    }
    if (done) continue;
    // Last resort before giving up: a zero inner cell (alone or with one of the candidates). Where the other
    // cells of a row or column are zeros shown next to a published total, only hiding a zero protects the small
    // cell; a hidden zero reads "<k", which is still true.
    std::vector<int> zeros;
    for (size_t i = 0; i < s.vars.size(); ++i) {
      const Var& v = s.vars[i];
      if (!v.suppressed && !v.known && v.value == 0 && v.kind == Var::inner && !v.cells.empty())
        zeros.push_back(static_cast<int>(i));
    }
    for (int z : zeros) {
      s.vars[z].suppressed = true;
      if (!still_determined(x)) {
        done = true;
        break;
      }
      for (size_t a = 0; a < limit && !done; ++a) {
        s.vars[cands[a]].suppressed = true;
        if (!still_determined(x)) done = true;
        else s.vars[cands[a]].suppressed = false;
      }
      if (done) break;
      s.vars[z].suppressed = false;
    }
    if (done) continue;
    // Progress at least: the smallest candidate that shares a sum with x.
    for (int c : cands)
      if (linked_direct.count(c)) {
        chosen = c;
        break;
      }
    if (chosen >= 0) s.vars[chosen].suppressed = true;
    else given_up.insert(x);
  }
  int unprotected = 0;
  const std::vector<bool> det = determined(s.vars, s.sums);
  for (size_t i = 0; i < det.size(); ++i)
    if (det[i] && s.vars[i].primary) unprotected += static_cast<int>(s.vars[i].cells.size());
  return unprotected;
}

bool suppress_cell(Value& v, int k) {
  if (v.kind == Value::Kind::suppressed || v.kind == Value::Kind::missing) return false;
  if (!v.is_number()) return false;
  v = Value::suppressed(k);
  return true;
}

}  // namespace

InnerLayout inner_layout(const Table& t) {
  const Structure s = build(t, 2);
  return InnerLayout{s.inner_rows, s.inner_cols};
}

TableSummary suppress(Table& t, int k, SuppressionSummary& summary, const std::string& result_id) {
  TableSummary ts;
  ts.result_id = result_id;
  ts.table_id = t.id;
  ++summary.tables_seen;
  Structure s = build(t, k);
  // Primary: counts 1…k−1 (inner, totals and denominators alike).
  for (auto& v : s.vars)
    if (v.value >= 1 && v.value < k) v.suppressed = v.primary = true;
  // Cells hidden before (merged aggregates) stay hidden, with the label of this k.
  for (auto& row : t.rows)
    for (auto& v : row)
      if (v.kind == Value::Kind::suppressed) v = Value::suppressed(k);
  ts.unprotected = secondary_suppression(s);
  std::vector<std::vector<bool>> hidden(t.rows.size(), std::vector<bool>(t.columns.size(), false));
  for (const auto& v : s.vars) {
    if (!v.suppressed) continue;
    for (const auto& [r, c] : v.cells) {
      suppress_cell(t.rows[r][c], k);
      if (t.rows[r][c].kind == Value::Kind::suppressed) (v.primary ? ts.primary : ts.secondary)++;
      hidden[r][c] = true;
    }
  }
  // Count cells outside the structure (non-integer layouts, stray count columns) and denominators that are no
  // sum: the primary rule only.
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
      const Role role = t.columns[c].role;
      if ((role != Role::count && role != Role::denominator) || s.var_at[r][c] >= 0) continue;
      Value& v = t.rows[r][c];
      if (v.kind == Value::Kind::suppressed) hidden[r][c] = true;
      if (hidden[r][c]) continue;
      if (v.is_number() && v.as_double() > 0 && v.as_double() < k && suppress_cell(v, k)) {
        ++ts.primary;
        hidden[r][c] = true;
      }
    }
  // Percentages and bounds with a hidden numerator or denominator.
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const Role role = t.columns[c].role;
    if (role != Role::percent && role != Role::lower && role != Role::upper) continue;
    const PercentPairing p = percent_pairing(t, static_cast<int>(c));
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (c >= t.rows[r].size()) continue;
      const bool num = p.numerator >= 0 && hidden[r][p.numerator];
      const bool den = p.denominator >= 0 && hidden[r][p.denominator];
      if ((num || den) && suppress_cell(t.rows[r][c], k)) {
        ++ts.dependent;
        hidden[r][c] = true;
      }
    }
  }
  // Statistics of groups below k, (a) row-wise by a count column "n".
  int n_col = -1;
  {
    std::vector<int> counts;
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].role == Role::count) {
        counts.push_back(static_cast<int>(c));
        if (t.columns[c].id == "n") n_col = static_cast<int>(c);
      }
    if (n_col < 0 && counts.size() == 1) n_col = counts[0];
  }
  auto is_stat = [&](size_t c) {
    const Role r = t.columns[c].role;
    return r == Role::statistic || r == Role::lower || r == Role::upper;
  };
  if (n_col >= 0) {
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (static_cast<size_t>(n_col) >= t.rows[r].size()) continue;
      const Value& n = t.rows[r][n_col];
      // The original count decides (a hidden "<k" n came from a count below k or a complement ≥ k).
      bool small = false;
      if (n.is_number()) small = n.as_double() < k;
      else if (n.kind == Value::Kind::suppressed) {
        const auto& v = s.var_at[r][n_col] >= 0 ? s.vars[s.var_at[r][n_col]] : Var{};
        small = s.var_at[r][n_col] < 0 || v.primary;
      }
      if (!small) continue;
      for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c)
        if (is_stat(c) && suppress_cell(t.rows[r][c], k)) ++ts.dependent;
    }
  }
  // (b) column-wise: a row labelled "n" gives the group size of every statistic column.
  int n_row = -1;
  std::vector<int> count_rows;
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c)
      if (t.columns[c].role == Role::category) {
        if (label_is(t.rows[r][c], {"n"})) n_row = static_cast<int>(r);
        if (label_is(t.rows[r][c], {"n", "missing", "ontbrekend", "aantal"})) count_rows.push_back(static_cast<int>(r));
        break;
      }
  if (n_row >= 0) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!is_stat(c) || c >= t.rows[n_row].size()) continue;
      const Value& n = t.rows[n_row][c];
      if (!n.is_number() || n.as_double() >= k) continue;
      for (size_t r = 0; r < t.rows.size(); ++r) {
        if (std::find(count_rows.begin(), count_rows.end(), static_cast<int>(r)) != count_rows.end()) continue;
        if (c < t.rows[r].size() && suppress_cell(t.rows[r][c], k)) ++ts.dependent;
      }
    }
  }
  for (int r : count_rows)
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
      if (!is_stat(c)) continue;
      Value& v = t.rows[r][c];
      if (is_count_value(v) && count_value(v) >= 1 && count_value(v) < k && suppress_cell(v, k)) ++ts.primary;
    }
  if (ts.total() > 0 || ts.unprotected > 0) summary.add(ts);
  return ts;
}

}  // namespace zicht::privacy
