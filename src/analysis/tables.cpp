#include "analysis/tables.h"

#include <algorithm>
#include <cmath>

namespace zicht::analysis {
namespace {

Column col(std::string id, const char* key, Role role, int decimals = -1) {
  return Column{std::move(id), Text::key(key), role, decimals};
}

Value pct(const stats::Proportion& p) { return Value::num(p.proportion * 100.0); }

}  // namespace

Table frequency_table(std::string id, const CategoryCounts& c) {
  std::vector<std::string> names(c.counts.size());
  const stats::FrequencyTable ft =
      stats::frequencies(names, c.counts, c.not_applicable, c.missing + c.invalid);
  Table t;
  t.id = std::move(id);
  t.title = Text::key("table.frequencies");
  t.columns = {col("category", "col.category", Role::category),
               col("n", "col.n", Role::count),
               col("pct_valid", "col.pct_valid", Role::percent, 1),
               col("denom_valid", "col.denom_valid", Role::denominator),
               col("pct_applicable", "col.pct_applicable", Role::percent, 1),
               col("denom_applicable", "col.denom_applicable", Role::denominator),
               col("pct_all", "col.pct_all", Role::percent, 1),
               col("denom_all", "col.denom_all", Role::denominator)};
  for (size_t i = 0; i < ft.rows.size(); ++i) {
    const auto& r = ft.rows[i];
    t.rows.push_back({c.categories[i], Value::of(r.count), pct(r.valid), Value::of(ft.total_valid),
                      pct(r.applicable), Value::of(ft.total_applicable), pct(r.all), Value::of(ft.total_all)});
  }
  auto special = [&](const char* key, long n, bool applicable) {
    if (n == 0) return;
    const stats::Proportion all = stats::wilson_interval(n, ft.total_all);
    const stats::Proportion app = stats::wilson_interval(n, ft.total_applicable);
    t.rows.push_back({Value::label(Text::key(key)), Value::of(n), Value::na(), Value::na(),
                      applicable ? pct(app) : Value::na(), applicable ? Value::of(ft.total_applicable) : Value::na(),
                      pct(all), Value::of(ft.total_all)});
  };
  special("row.nvt", c.not_applicable, false);
  special("row.missing", c.missing, true);
  special("row.invalid", c.invalid, true);
  return t;
}

Table descriptives_table(std::string id, const stats::Descriptives& d, int decimals) {
  Table t;
  t.id = std::move(id);
  t.title = Text::key("table.descriptives");
  t.columns = {col("statistic", "col.statistic", Role::category), col("value", "col.value", Role::statistic, decimals)};
  auto row = [&](const char* key, Value v) { t.rows.push_back({Value::label(Text::key(key)), std::move(v)}); };
  row("stat.n", Value::of(d.info.n));
  row("stat.missing", Value::of(d.missing));
  row("stat.mean", Value::num(d.mean));
  row("stat.sd", Value::num(d.sd));
  row("stat.median", Value::num(d.median));
  row("stat.q1", Value::num(d.q1));
  row("stat.q3", Value::num(d.q3));
  row("stat.iqr", Value::num(d.iqr));
  row("stat.min", Value::num(d.min));
  row("stat.max", Value::num(d.max));
  return t;
}

Table histogram_table(std::string id, const std::vector<double>& values, bool integers) {
  Table t;
  t.id = std::move(id);
  t.title = Text::key("table.histogram");
  t.columns = {col("lower", "col.lower", Role::category), col("upper", "col.upper", Role::category),
               col("n", "col.n", Role::count)};
  std::vector<double> v;
  v.reserve(values.size());
  for (double x : values)
    if (std::isfinite(x)) v.push_back(x);
  if (v.empty()) return t;
  const auto [lo_it, hi_it] = std::minmax_element(v.begin(), v.end());
  const double lo = *lo_it, hi = *hi_it;
  const double target_bins = std::ceil(std::log2(static_cast<double>(v.size())) + 1);  // Sturges
  double width = (hi - lo) / target_bins;
  if (width <= 0) width = 1;
  const double mag = std::pow(10.0, std::floor(std::log10(width)));
  const double steps[] = {1, 2, 5, 10};
  double nice = mag * 10;
  for (double s : steps)
    if (mag * s >= width) {
      nice = mag * s;
      break;
    }
  if (integers) nice = std::max(1.0, std::round(nice));
  const double start = std::floor(lo / nice) * nice;
  const size_t bins = static_cast<size_t>(std::floor((hi - start) / nice)) + 1;
  std::vector<long> counts(bins, 0);
  for (double x : v) {
    size_t b = static_cast<size_t>(std::floor((x - start) / nice));
    if (b >= bins) b = bins - 1;
    ++counts[b];
  }
  for (size_t b = 0; b < bins; ++b) {
    const double a = start + nice * static_cast<double>(b);
    t.rows.push_back({Value::num(a), Value::num(a + nice), Value::of(counts[b])});
  }
  return t;
}

}  // namespace zicht::analysis
