#include "stats/summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

Summary summarize_days(std::vector<int32_t>& days, double days_per_month) {
  Summary s = empty_summary(days.size());
  if (days.empty()) return s;
  // Exactly the arithmetic of summarize() on v[i] = days[i] / days_per_month (in the same order); min, max and
  // order statistics map through the strictly increasing days → months.
  auto months = [days_per_month](int32_t d) { return double(d) / days_per_month; };
  double sum = 0;
  int32_t lo = days[0], hi = days[0];
  for (int32_t d : days) {
    sum += months(d);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  s.min = months(lo);
  s.max = months(hi);
  s.mean = sum / double(days.size());
  double ss = 0;
  for (int32_t d : days) {
    const double x = months(d);
    ss += (x - s.mean) * (x - s.mean);
  }
  if (days.size() > 1) s.sd = std::sqrt(ss / double(days.size() - 1));
  const size_t mid = days.size() / 2;
  if (days.size() % 2 == 1 || int64_t(hi) - int64_t(lo) + 1 > int64_t(4 * days.size() + 1024)) {
    s.median = months(kth_smallest(days, mid));
    if (days.size() % 2 == 0) s.median = (s.median + months(kth_smallest(days, mid - 1))) / 2;
    return s;
  }
  // Even n, narrow range: both middle order statistics from one count.
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
  s.median = (months(at) + months(below)) / 2;
  return s;
}

}  // namespace zicht::stats
