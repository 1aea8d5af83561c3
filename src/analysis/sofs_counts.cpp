// The SofS results on the count fields: network_meetings and network_figures, each with the cell kinds,
// distribution, descriptives and histogram of its field (count_tables) and its own indicators.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/sofs_common.h"
#include "analysis/tables.h"
#include "stats/descriptives.h"

namespace zicht::analysis::sofs::detail {

namespace {


// Distribution + descriptives + histogram of a count field's numeric cells; cell kinds for all and closed.
void count_tables(const Data& d, const MappedField* f, Result& r, std::vector<int>& values_all) {
  Table cells = make_table("cells", T("counts.cells"));
  cells.columns = {col("cell", T("col.cell"), Role::category)};
  ratio_columns(cells.columns);
  cells.columns.push_back(col("n_closed", T("col.n_closed"), Role::count));
  cells.columns.push_back(col("denominator_closed", T("col.denominator_closed"), Role::denominator));
  cells.columns.push_back(col("pct_closed", T("col.pct_closed"), Role::percent, 1));
  long kinds[2][4] = {};  // [all, closed][count, date, missing(+invalid), nvt]
  long closed_n = 0;
  const CellKind* ks = d.kinds(f);
  for (size_t i = 0; i < d.size(); ++i) {
    const CellKind k = ks ? ks[d.rows[i]] : CellKind::Missing;
    const int c = k == CellKind::Value ? 0 : k == CellKind::Yes ? 1 : k == CellKind::NotApplicable ? 3 : 2;
    ++kinds[0][c];
    if (d.closed[i]) {
      ++kinds[1][c];
      ++closed_n;
    }
    if (c == 0) values_all.push_back(f->value[d.rows[i]]);
  }
  // Distribution of the values: counted over their range when it is narrow, else in a map (same rows).
  std::vector<std::pair<int, long>> dist;
  if (!values_all.empty()) {
    const auto [lo_it, hi_it] = std::minmax_element(values_all.begin(), values_all.end());
    const int64_t lo = *lo_it, range = int64_t(*hi_it) - lo + 1;
    if (range <= int64_t(4 * values_all.size() + 1024)) {
      std::vector<long> count(size_t(range), 0);
      for (int x : values_all) ++count[size_t(x - lo)];
      for (size_t k = 0; k < count.size(); ++k)
        if (count[k] > 0) dist.emplace_back(int(lo + int64_t(k)), count[k]);
    } else {
      std::map<int, long> m;
      for (int x : values_all) ++m[x];
      dist.assign(m.begin(), m.end());
    }
  }
  const char* labels[4] = {"cell.count", "cell.date", "cell.missing", "cell.nvt"};
  for (int c = 0; c < 4; ++c) {
    if (c == 3 && kinds[0][3] == 0) continue;
    std::vector<Value> v{L(labels[c])};
    ratio_values(v, kinds[0][c], long(d.size()));
    ratio_values(v, kinds[1][c], closed_n);
    cells.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(cells));

  Table t = make_table("distribution", T("counts.distribution"));
  t.columns = {col("value", Text::key("col.value"), Role::category)};
  ratio_columns(t.columns);
  for (const auto& [v, n] : dist) {
    std::vector<Value> row{Value::of(v)};
    ratio_values(row, n, long(values_all.size()));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  std::vector<double> v(values_all.begin(), values_all.end());
  r.tables.push_back(descriptives_table("descriptives", stats::describe(v), 2));
  r.tables.push_back(histogram_table("histogram", v, true));
}

}  // namespace

Result network_meetings(const Data& d) {
  Result r;
  r.id = "sofs.network_meetings";
  r.title = T("network_meetings.title");
  r.unit = T("unit.trajectories");
  std::vector<int> values;
  count_tables(d, d.meetings, r, values);
  const int lo = d.opt->meetings_low, hi = d.opt->meetings_high;
  long zero = 0, band = 0, at_least = 0, above = 0;
  for (int v : values) {
    zero += v == 0;
    band += v >= lo && v <= hi;
    at_least += v >= lo;
    above += v > hi;
  }
  long closed = 0, closed_zero = 0, closed_missing = 0, closed_date = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.closed[i]) continue;
    ++closed;
    const CellKind k = d.kind(d.meetings, i);
    if (k == CellKind::Value && d.value(d.meetings, i) == 0) ++closed_zero;
    if (k == CellKind::Missing || k == CellKind::Invalid) ++closed_missing;
    if (k == CellKind::Yes) ++closed_date;
  }
  Table g = make_table("guideline", T("network_meetings.guideline"));
  g.columns = {col("indicator", T("col.indicator"), Role::category), col("base", T("col.base"), Role::category)};
  ratio_columns(g.columns);
  const long nv = long(values.size());
  auto row = [&](Value label, const char* base, long n, long den) {
    std::vector<Value> v{std::move(label), L(base)};
    ratio_values(v, n, den);
    g.rows.push_back(std::move(v));
  };
  auto fmt = [](const Text& t, int a, int b) {
    Text o = t;
    for (std::string* s : {&o.nl, &o.en}) {
      for (auto [ph, val] : {std::pair<const char*, int>{"{0}", a}, {"{1}", b}}) {
        const size_t p = s->find(ph);
        if (p != std::string::npos) s->replace(p, 3, std::to_string(val));
      }
    }
    return Value::label(o);
  };
  row(L("network_meetings.zero"), "base.numeric_counts", zero, nv);
  row(fmt(T("network_meetings.band"), lo, hi), "base.numeric_counts", band, nv);
  row(fmt(T("network_meetings.at_least"), lo, hi), "base.numeric_counts", at_least, nv);
  row(fmt(T("network_meetings.above"), lo, hi), "base.numeric_counts", above, nv);
  row(L("network_meetings.closed_zero"), "base.closed", closed_zero, closed);
  row(L("network_meetings.closed_missing"), "base.closed", closed_missing, closed);
  row(L("network_meetings.closed_date"), "base.closed", closed_date, closed);
  r.tables.push_back(std::move(g));
  r.notes.push_back(T("note.meetings_dates"));
  r.notes.push_back(T("note.meetings_published"));
  for (const auto& f : d.rule("date_in_count").flags)
    if (d.meetings && f.column == d.meetings->column_name) r.flags.push_back(f);
  return r;
}

Result network_figures(const Data& d) {
  Result r;
  r.id = "sofs.network_figures";
  r.title = T("network_figures.title");
  r.unit = T("unit.trajectories");
  std::vector<int> values;
  count_tables(d, d.figures, r, values);
  long closed = 0, closed_zero = 0, zero = 0;
  for (int v : values) zero += v == 0;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.closed[i]) continue;
    ++closed;
    if (d.kind(d.figures, i) == CellKind::Value && d.value(d.figures, i) == 0) ++closed_zero;
  }
  Table g = make_table("zero", T("network_figures.zero_table"));
  g.columns = {col("indicator", T("col.indicator"), Role::category), col("base", T("col.base"), Role::category)};
  ratio_columns(g.columns);
  {
    std::vector<Value> v{L("network_figures.zero"), L("base.numeric_counts")};
    ratio_values(v, zero, long(values.size()));
    g.rows.push_back(std::move(v));
  }
  {
    std::vector<Value> v{L("network_figures.closed_zero"), L("base.closed")};
    ratio_values(v, closed_zero, closed);
    g.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(g));
  r.notes.push_back(T("note.figures"));
  for (const auto& f : d.rule("date_in_count").flags)
    if (d.figures && f.column == d.figures->column_name) r.flags.push_back(f);
  return r;
}

}  // namespace zicht::analysis::sofs::detail
