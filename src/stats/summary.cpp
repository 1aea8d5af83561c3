#include "stats/summary.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "stats/whole_range.h"

namespace zicht::stats {

namespace {
// n values, every statistic still missing (NaN): what an empty sample keeps.
Summary empty_summary(size_t n) {
  Summary s;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  s.n = long(n);
  s.mean = s.sd = s.median = s.min = s.max = nan;
  return s;
}
}  // namespace

Summary summarize(std::vector<double>& v) {
  Summary s = empty_summary(v.size());
  if (v.empty()) return s;
  double sum = 0;
  s.min = s.max = v[0];
  for (double x : v) {
    sum += x;
    s.min = std::min(s.min, x);
    s.max = std::max(s.max, x);
  }
  s.mean = sum / double(v.size());
  double ss = 0;
  for (double x : v) ss += (x - s.mean) * (x - s.mean);
  if (v.size() > 1) s.sd = std::sqrt(ss / double(v.size() - 1));
  const size_t mid = v.size() / 2;
  WholeRange range;
  for (double x : v) range.add(x);
  if (range.countable()) {  // whole numbers in a narrow range: the order statistics by counting, as a sort gives them
    std::vector<uint32_t> count(range.size(), 0);
    for (double x : v) ++count[range.index(x)];
    size_t seen = 0, j = 0;
    double below = 0;  // order statistic mid - 1 (even n)
    for (;; ++j) {
      seen += count[j];
      if (v.size() % 2 == 0 && count[j] > 0 && seen == mid) below = range.value(j);  // mid - 1: the last of it
      if (seen > mid) break;
    }
    s.median = range.value(j);
    if (v.size() % 2 == 0) s.median = (s.median + (seen - count[j] == mid ? below : s.median)) / 2;
    return s;
  }
  std::nth_element(v.begin(), v.begin() + long(mid), v.end());
  s.median = v[mid];
  if (v.size() % 2 == 0) s.median = (s.median + *std::max_element(v.begin(), v.begin() + long(mid))) / 2;
  return s;
}

int32_t kth_smallest(std::vector<int32_t>& v, size_t k) {
  int32_t lo = v[0], hi = v[0];
  for (int32_t x : v) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  const int64_t range = int64_t(hi) - int64_t(lo) + 1;
  if (range > int64_t(4 * v.size() + 1024)) {
    std::nth_element(v.begin(), v.begin() + long(k), v.end());
    return v[k];
  }
  std::vector<uint32_t> count(size_t(range), 0);
  for (int32_t x : v) ++count[size_t(int64_t(x) - lo)];
  size_t seen = 0;
  for (size_t j = 0; j < count.size(); ++j) {
    seen += count[j];
    if (seen > k) return int32_t(int64_t(lo) + int64_t(j));
  }
  return hi;
}

namespace {

// The median of summarize() on v[i] = days[i] / days_per_month, given the days' least and greatest values.
double median_of_days(std::vector<int32_t>& days, int32_t lo, int32_t hi, double days_per_month) {
  auto months = [days_per_month](int32_t d) { return double(d) / days_per_month; };
  const size_t mid = days.size() / 2;
  if (int64_t(hi) - int64_t(lo) + 1 > int64_t(4 * days.size() + 1024)) {
    double median = months(kth_smallest(days, mid));
    if (days.size() % 2 == 0) median = (median + months(kth_smallest(days, mid - 1))) / 2;
    return median;
  }
  // Narrow range: the middle order statistics from one count.
  std::vector<uint32_t> count(size_t(int64_t(hi) - int64_t(lo) + 1), 0);
  for (int32_t x : days) ++count[size_t(int64_t(x) - lo)];
  size_t seen = 0;
  int32_t below = hi, at = hi;  // order statistics mid - 1 and mid
  bool have_below = false;
  for (size_t j = 0; j < count.size(); ++j) {
    seen += count[j];
    if (!have_below && seen > mid - 1) {
      below = int32_t(int64_t(lo) + int64_t(j));
      have_below = true;
    }
    if (seen > mid) {
      at = int32_t(int64_t(lo) + int64_t(j));
      break;
    }
  }
  if (days.size() % 2 == 1) return months(at);
  return (months(at) + months(below)) / 2;
}

// Up to kLanes samples' sums side by side: sum[q] = Σ term(months(days)) over sample q in order. months(d) is
// double(d) / days_per_month, looked up in `table` (index d - lo) when it is not empty.
constexpr size_t kLanes = 4;
template <class Term>
void lane_sums(std::vector<int32_t>* const* s, size_t lanes, const std::vector<double>& table, int32_t lo,
               double days_per_month, Term term, double* sum) {
  const int32_t* p[kLanes];
  size_t len[kLanes], common = SIZE_MAX;
  for (size_t q = 0; q < kLanes; ++q) {
    p[q] = q < lanes ? s[q]->data() : nullptr;
    len[q] = q < lanes ? s[q]->size() : 0;
    common = std::min(common, len[q]);
  }
  auto run = [&](auto months) {
    double a[kLanes] = {0, 0, 0, 0};
    for (size_t j = 0; j < common; ++j)
      for (size_t q = 0; q < kLanes; ++q) a[q] += term(q, months(p[q][j]));
    for (size_t q = 0; q < lanes; ++q)
      for (size_t j = common; j < len[q]; ++j) a[q] += term(q, months(p[q][j]));
    for (size_t q = 0; q < lanes; ++q) sum[q] = a[q];
  };
  if (!table.empty()) {
    const double* t = table.data();
    run([t, lo](int32_t d) { return t[int64_t(d) - lo]; });
  } else {
    run([days_per_month](int32_t d) { return double(d) / days_per_month; });
  }
}

}  // namespace

Summary summarize_days(std::vector<int32_t>& days, double days_per_month) {
  std::vector<std::vector<int32_t>> one(1);
  one[0].swap(days);
  const Summary s = summarize_days(one, days_per_month)[0];
  days.swap(one[0]);
  return s;
}

std::vector<Summary> summarize_days(std::vector<std::vector<int32_t>>& samples, double days_per_month) {
  // Exactly the arithmetic of summarize() on v[i] = days[i] / days_per_month (in the same order); min, max and
  // order statistics map through the strictly increasing days → months.
  auto months = [days_per_month](int32_t d) { return double(d) / days_per_month; };
  std::vector<Summary> out(samples.size());
  std::vector<int32_t> lo(samples.size()), hi(samples.size());
  int32_t all_lo = std::numeric_limits<int32_t>::max(), all_hi = std::numeric_limits<int32_t>::min();
  size_t total = 0;
  std::vector<std::vector<int32_t>*> order;  // the non-empty samples
  for (size_t k = 0; k < samples.size(); ++k) {
    const std::vector<int32_t>& days = samples[k];
    out[k] = empty_summary(days.size());
    if (days.empty()) continue;
    order.push_back(&samples[k]);
    int32_t l = days[0], h = days[0];
    for (int32_t d : days) {
      l = std::min(l, d);
      h = std::max(h, d);
    }
    lo[k] = l;
    hi[k] = h;
    all_lo = std::min(all_lo, l);
    all_hi = std::max(all_hi, h);
    total += days.size();
  }
  std::vector<double> table;
  if (total > 0 && int64_t(all_hi) - int64_t(all_lo) < int64_t(total)) {
    table.resize(size_t(int64_t(all_hi) - int64_t(all_lo) + 1));
    for (size_t j = 0; j < table.size(); ++j) table[j] = months(int32_t(int64_t(all_lo) + int64_t(j)));
  }
  auto index_of = [&](size_t o) { return size_t(order[o] - samples.data()); };
  for (size_t g = 0; g < order.size(); g += kLanes) {
    const size_t lanes = std::min(kLanes, order.size() - g);
    double sum[kLanes], mean[kLanes] = {0, 0, 0, 0}, ss[kLanes];
    lane_sums(&order[g], lanes, table, all_lo, days_per_month, [](size_t, double x) { return x; }, sum);
    for (size_t q = 0; q < lanes; ++q) {
      Summary& s = out[index_of(g + q)];
      s.mean = mean[q] = sum[q] / double(order[g + q]->size());
    }
    lane_sums(&order[g], lanes, table, all_lo, days_per_month,
              [&mean](size_t q, double x) { return (x - mean[q]) * (x - mean[q]); }, ss);
    for (size_t q = 0; q < lanes; ++q) {
      const size_t k = index_of(g + q);
      if (samples[k].size() > 1) out[k].sd = std::sqrt(ss[q] / double(samples[k].size() - 1));
    }
  }
  for (size_t k = 0; k < samples.size(); ++k) {
    if (samples[k].empty()) continue;
    out[k].min = months(lo[k]);
    out[k].max = months(hi[k]);
    out[k].median = median_of_days(samples[k], lo[k], hi[k], days_per_month);
  }
  return out;
}

double median_days(std::vector<int32_t>& days, double days_per_month) {
  if (days.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto [lo, hi] = std::minmax_element(days.begin(), days.end());
  return median_of_days(days, *lo, *hi, days_per_month);
}

}  // namespace zicht::stats
