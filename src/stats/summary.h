// Summaries in O(n) (zicht::stats) for where only n, mean, SD, median, min and max are shown: `summarize` gives
// the numbers `describe` gives for these without its sorts for the quartiles; `summarize_days` the same numbers
// for day differences shown in months, computed from the integer days (100,000 SofS trajectories).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zicht::stats {

// n, mean, SD (n − 1, as R's sd), median, min and max (one pass plus nth_element; reorders v). NaN values are
// not skipped.
struct Summary {
  long n = 0;
  double mean = 0, sd = 0, median = 0, min = 0, max = 0;  // NaN when n = 0 (sd also when n = 1)
};
Summary summarize(std::vector<double>& v);

// The same numbers as summarize() on v[i] = days[i] / days_per_month (the exact months of day differences),
// computed from the integer days: the median by counting (or nth_element on integers when the range is wide).
// Reorders days.
Summary summarize_days(std::vector<int32_t>& days, double days_per_month);

// summarize_days on several samples at once, each giving exactly what summarize_days gives on it alone: the
// row-order sums of the samples run side by side (one sum's additions must wait on each other; sums of different
// samples overlap), the months looked up per day when the days span a narrow range. Reorders the samples.
std::vector<Summary> summarize_days(std::vector<std::vector<int32_t>>& samples, double days_per_month);

// Only the median of summarize_days (NaN when days is empty), without its mean and SD. Reorders days.
double median_days(std::vector<int32_t>& days, double days_per_month);

// The k-th smallest (0-based) of v, by counting when the range is narrow; reorders v.
int32_t kth_smallest(std::vector<int32_t>& v, size_t k);

}  // namespace zicht::stats
