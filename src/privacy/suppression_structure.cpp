// How the small-cell suppression reads a table (see privacy/suppression.h): count cells, total rows and columns,
// denominators and the published sums between them, as the linear system of suppression_detail.h.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>

#include "privacy/suppression.h"
#include "privacy/suppression_detail.h"

namespace zicht::privacy {

using analysis::Role;
using analysis::Table;
using analysis::Value;

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
      if (p.numerator < 0) p.numerator = c;
      else if (t.columns[c].id == "n") {
        p.also = c;
        break;
      }
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

namespace detail {
namespace {

std::string lower_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

bool is_total_label(const Value& v) {
  if (v.kind != Value::Kind::text) return false;
  for (const std::string& s : {lower_ascii(v.s), lower_ascii(v.en)})
    if (s == "totaal" || s == "total" || s.rfind("totaal ", 0) == 0 || s.rfind("total ", 0) == 0) return true;
  return false;
}


}  // namespace

bool label_is(const Value& v, std::initializer_list<const char*> words) {
  if (v.kind != Value::Kind::text) return false;
  const std::string a = lower_ascii(v.s), b = lower_ascii(v.en);
  for (const char* w : words)
    if (a == w || b == w) return true;
  return false;
}

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
  // A Kaplan–Meier step table (n_risk, n_event, n_censor per step) has no margins: its rows are steps in time,
  // not categories of one total. Its small counts take the primary rule and the steps with fewer than k at risk
  // lose their time and survival (suppression.cpp); treated as a 2-D table, its complements would hide the
  // hundreds at risk at time 0.
  for (int c : counts)
    if (t.columns[c].id == "n_risk") return s;

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

}  // namespace detail

InnerLayout inner_layout(const Table& t) {
  const detail::Structure s = detail::build(t, 2);
  return InnerLayout{s.inner_rows, s.inner_cols};
}

}  // namespace zicht::privacy
