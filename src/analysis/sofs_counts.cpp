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


// What count_tables finds for the closed trajectories: their cell kinds, their number and how many count 0.
struct ClosedCounts {
  KindCounts kinds;
  long n = 0, zero = 0;
};

// Distribution + descriptives + histogram of a count field's numeric cells; cell kinds for all and closed.
ClosedCounts count_tables(const Data& d, const MappedField* f, Result& r, std::vector<int>& values_all) {
  Table cells = make_table("cells", T("counts.cells"));
  cells.columns = {col("cell", T("col.cell"), Role::category)};
  ratio_columns(cells.columns);
  cells.columns.push_back(col("n_closed", T("col.n_closed"), Role::count));
  cells.columns.push_back(col("denominator_closed", T("col.denominator_closed"), Role::denominator));
  cells.columns.push_back(col("pct_closed", T("col.pct_closed"), Role::percent, 1));
  // Cell kinds of all and of the closed trajectories, counted without branches; then the numeric values.
  const CellKind* ks = d.kinds(f);
  const uint8_t* closed = d.closed.data();
  const KindCounts all = count_kinds(d, ks, [](size_t, size_t) { return 1u; });
  ClosedCounts cc;
  cc.kinds = count_kinds(d, ks, [closed](size_t i, size_t) { return uint32_t(closed[i]); });
  {
    uint32_t n = 0;
    d.each([&](size_t i, size_t) { n += closed[i]; });
    cc.n = long(n);
  }
  if (ks) {
    values_all.resize(d.size());
    int* out = values_all.data();
    const int32_t* value = f->value.data();
    size_t n = 0;
    uint32_t zero = 0;
    d.each([&](size_t i, size_t row) {
      const uint32_t numeric = ks[row] == CellKind::Value;
      out[n] = value[row];
      n += numeric;
      zero += numeric & uint32_t(closed[i]) & uint32_t(value[row] == 0);
    });
    values_all.resize(n);
    cc.zero = long(zero);
  }
  // [all, closed][count, date, missing (Missing, Invalid, No), nvt]
  long kinds[2][4];
  for (int a = 0; a < 2; ++a) {
    const KindCounts& k = a == 0 ? all : cc.kinds;
    auto at = [&](CellKind c) { return k.c[size_t(c)]; };
    kinds[a][0] = at(CellKind::Value);
    kinds[a][1] = at(CellKind::Yes);
    kinds[a][2] = at(CellKind::Missing) + at(CellKind::Invalid) + at(CellKind::No);
    kinds[a][3] = at(CellKind::NotApplicable);
  }
  const long closed_n = cc.n;
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
  return cc;
}

}  // namespace

Result network_meetings(const Data& d) {
  Result r;
  r.id = "sofs.network_meetings";
  r.title = T("network_meetings.title");
  r.unit = T("unit.trajectories");
  std::vector<int> values;
  const ClosedCounts cc = count_tables(d, d.meetings, r, values);
  const int lo = d.opt->meetings_low, hi = d.opt->meetings_high;
  long zero = 0, band = 0, at_least = 0, above = 0;
  for (int v : values) {
    zero += v == 0;
    band += v >= lo && v <= hi;
    at_least += v >= lo;
    above += v > hi;
  }
  const long closed = cc.n, closed_zero = cc.zero,
             closed_missing = cc.kinds.c[size_t(CellKind::Missing)] + cc.kinds.c[size_t(CellKind::Invalid)],
             closed_date = cc.kinds.c[size_t(CellKind::Yes)];
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
  const ClosedCounts cc = count_tables(d, d.figures, r, values);
  const long closed = cc.n, closed_zero = cc.zero;
  long zero = 0;
  for (int v : values) zero += v == 0;
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
