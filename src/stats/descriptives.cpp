#include "stats/descriptives.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "stats/distributions.h"
#include "stats/whole_range.h"

namespace zicht::stats {

namespace {

// R type 7 (quantile.default): index = 1 + (n - 1) p, interpolate between the order statistics around it
// with the same arithmetic as R, so results agree to the last bit. The two zero-based order statistics used:
struct Type7 {
  size_t lo_i = 0, hi_i = 0;
  double frac = 0;
};
Type7 type7(size_t size, double prob) {
  const double n = static_cast<double>(size);
  const double index = 1 + (n - 1) * prob;  // one-based, as in R
  const double lo = std::floor(index);
  return {static_cast<size_t>(lo) - 1, static_cast<size_t>(std::ceil(index)) - 1, index - lo};
}
double interpolate(const Type7& q, double at_lo, double at_hi) {
  if (q.frac == 0 || at_hi == at_lo) return at_lo;
  return (1 - q.frac) * at_lo + q.frac * at_hi;
}

// The order statistics at zero-based positions `at` (any order, repeats allowed) of x (no NaN; reordered): the
// values a sort puts there, without sorting. Whole numbers in a narrow range: by counting. Else selected in
// ascending order of position, each within the part of x above the previous one: expected O(n) in all.
void order_statistics(std::vector<double>& x, const std::vector<size_t>& at, std::vector<double>& out) {
  std::vector<size_t> order(at.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return at[a] < at[b]; });
  out.assign(at.size(), kNaN);
  WholeRange range;
  for (double v : x) range.add(v);
  if (range.countable()) {
    std::vector<size_t> count(range.size(), 0);
    for (double v : x) ++count[range.index(v)];
    size_t index = 0, seen = count[0];  // the values at positions < seen are ≤ range.value(index)
    for (size_t j : order) {
      while (seen <= at[j]) seen += count[++index];
      out[j] = range.value(index);
    }
    return;
  }
  size_t from = 0;
  for (size_t j : order) {
    if (at[j] >= from) {  // else at[j] was selected just before
      std::nth_element(x.begin() + static_cast<long>(from), x.begin() + static_cast<long>(at[j]), x.end());
      from = at[j] + 1;
    }
    out[j] = x[at[j]];
  }
}

// quantile_type7 on values already sorted, without NaN.
double quantile_sorted(const std::vector<double>& values, double prob) {
  if (values.empty() || !(prob >= 0 && prob <= 1)) return kNaN;
  const Type7 q = type7(values.size(), prob);
  return interpolate(q, values[q.lo_i], values[q.hi_i]);
}

}  // namespace

double quantile_type7(std::vector<double> values, double prob) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
  if (values.empty() || !(prob >= 0 && prob <= 1)) return kNaN;
  std::sort(values.begin(), values.end());
  return quantile_sorted(values, prob);
}

Descriptives describe(const std::vector<double>& values) {
  Descriptives d;
  d.info.method = "Descriptive statistics";
  d.info.variant = "SD with n - 1; quartiles R type 7";
  std::vector<double> x;
  x.reserve(values.size());
  for (double v : values) {
    if (std::isnan(v)) ++d.missing;
    else x.push_back(v);
  }
  d.info.n = static_cast<long>(x.size());
  if (d.missing > 0) d.info.warn("missing_values", std::to_string(d.missing) + " missing value(s) excluded");
  if (x.empty()) {
    d.info.warn("no_data", "no non-missing values");
    return d;
  }
  // Two-pass mean with a correction term, as R's mean does, for accuracy on large offsets.
  const double n = static_cast<double>(x.size());
  double sum = 0;
  for (double v : x) sum += v;
  double mean = sum / n;
  double corr = 0;
  for (double v : x) corr += v - mean;
  mean += corr / n;
  d.mean = mean;
  if (x.size() >= 2) {
    double ss = 0;
    for (double v : x) ss += (v - mean) * (v - mean);
    d.sd = std::sqrt(ss / (n - 1));
  } else {
    d.info.warn("sd_undefined", "standard deviation needs at least two values");
  }
  const Type7 quartiles[3] = {type7(x.size(), 0.25), type7(x.size(), 0.5), type7(x.size(), 0.75)};
  const std::vector<size_t> at = {0,  quartiles[0].lo_i, quartiles[0].hi_i, quartiles[1].lo_i, quartiles[1].hi_i,
                                  quartiles[2].lo_i, quartiles[2].hi_i, x.size() - 1};
  std::vector<double> v;
  order_statistics(x, at, v);
  d.min = v[0];
  d.q1 = interpolate(quartiles[0], v[1], v[2]);
  d.median = interpolate(quartiles[1], v[3], v[4]);
  d.q3 = interpolate(quartiles[2], v[5], v[6]);
  d.max = v[7];
  d.iqr = d.q3 - d.q1;
  return d;
}

Proportion wilson_interval(long count, long n, double conf_level) {
  Proportion p;
  p.count = count;
  p.denominator = n;
  if (n <= 0) return p;
  const double nn = static_cast<double>(n);
  const double est = static_cast<double>(count) / nn;
  p.proportion = est;
  // Same algebra as R's prop.test with YATES = 0, including the exact 0 / 1 bounds at the edges.
  const double z = normal_quantile((1 + conf_level) / 2);
  const double z22n = z * z / (2 * nn);
  p.upper = est >= 1 ? 1.0 : (est + z22n + z * std::sqrt(est * (1 - est) / nn + z22n / (2 * nn))) / (1 + 2 * z22n);
  p.lower = est <= 0 ? 0.0 : (est + z22n - z * std::sqrt(est * (1 - est) / nn + z22n / (2 * nn))) / (1 + 2 * z22n);
  p.lower = std::max(p.lower, 0.0);
  p.upper = std::min(p.upper, 1.0);
  return p;
}

const char* denominator_name(Denominator d) {
  switch (d) {
    case Denominator::all: return "all";
    case Denominator::applicable: return "applicable";
    case Denominator::valid: return "valid";
  }
  return "valid";
}

FrequencyTable frequencies(const std::vector<std::string>& categories, const std::vector<long>& counts,
                           long not_applicable, long missing, double conf_level) {
  FrequencyTable t;
  t.info.method = "Frequency table";
  t.info.variant = "denominators all / applicable (excl. NVT) / valid (excl. NVT and missing); Wilson 95% CI";
  t.not_applicable = not_applicable;
  t.missing = missing;
  long substantive = 0;
  for (long c : counts) substantive += c;
  t.total_valid = substantive;
  t.total_applicable = substantive + missing;
  t.total_all = substantive + missing + not_applicable;
  t.info.n = t.total_all;
  for (size_t i = 0; i < counts.size(); ++i) {
    FrequencyRow row;
    row.category = i < categories.size() ? categories[i] : std::to_string(i + 1);
    row.count = counts[i];
    row.all = wilson_interval(counts[i], t.total_all, conf_level);
    row.applicable = wilson_interval(counts[i], t.total_applicable, conf_level);
    row.valid = wilson_interval(counts[i], t.total_valid, conf_level);
    t.rows.push_back(row);
  }
  t.not_applicable_share = wilson_interval(not_applicable, t.total_all, conf_level);
  t.missing_all = wilson_interval(missing, t.total_all, conf_level);
  t.missing_applicable = wilson_interval(missing, t.total_applicable, conf_level);
  for (long c : counts)
    if (c < 0) t.info.warn("negative_count", "a category count is negative");
  if (categories.size() != counts.size()) t.info.warn("label_count_mismatch", "labels and counts differ in length");
  if (t.total_valid == 0) t.info.warn("no_valid", "no valid observations: valid percentages undefined");
  return t;
}

}  // namespace zicht::stats
