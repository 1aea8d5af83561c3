// Small-cell suppression of one table (see privacy/suppression.h): primary suppression, the complementary cells
// of suppression_solver.cpp on the system suppression_structure.cpp reads, and the percentages, bounds and
// statistics that follow them.
#include "privacy/suppression.h"

#include <algorithm>
#include <string>
#include <vector>

#include "privacy/suppression_detail.h"

namespace zicht::privacy {

using analysis::Role;
using analysis::Table;
using analysis::Value;
using detail::build;
using detail::label_is;
using detail::secondary_suppression;
using detail::Structure;
using detail::Var;

void SuppressionSummary::add(const TableSummary& t) {
  tables.push_back(t);
  primary += t.primary;
  secondary += t.secondary;
  dependent += t.dependent;
  unprotected += t.unprotected;
}

namespace {

bool suppress_cell(Value& v, int k) {
  if (v.kind == Value::Kind::suppressed || v.kind == Value::Kind::missing) return false;
  if (!v.is_number()) return false;
  v = Value::suppressed(k);
  return true;
}

}  // namespace

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
      const bool num = (p.numerator >= 0 && hidden[r][p.numerator]) || (p.also >= 0 && hidden[r][p.also]);
      const bool den = p.denominator >= 0 && hidden[r][p.denominator];
      if ((num || den) && suppress_cell(t.rows[r][c], k)) {
        ++ts.dependent;
        hidden[r][c] = true;
      }
    }
  }
  // Statistics of groups below k, (a) row-wise by a count column "n" — or, in a Kaplan–Meier step table, "n_risk":
  // a step taken while fewer than k remain at risk shows one youngster's time, so the curve is cut there.
  int n_col = -1;
  {
    std::vector<int> counts;
    int at_risk = -1;
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].role == Role::count) {
        counts.push_back(static_cast<int>(c));
        if (t.columns[c].id == "n") n_col = static_cast<int>(c);
        if (t.columns[c].id == "n_risk") at_risk = static_cast<int>(c);
      }
    if (n_col < 0) n_col = at_risk;
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
