// Descriptive statistics and frequency tables (zicht::stats).
//
// `describe` summarises a numeric variable: n, missing (NaN values), mean, SD (n - 1 denominator, as R's
// sd), median and quartiles with R's default quantile type 7, IQR, min and max. `frequencies` turns
// category counts plus "not applicable" (NVT) and missing counts into percentages over the three
// denominators of SPEC §4: `all` (everything), `applicable` (excludes NVT) and `valid` (excludes NVT and
// missing), each with a Wilson 95 % interval identical to R's prop.test(x, n, correct = FALSE)$conf.int.
#pragma once

#include <string>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct Descriptives {
  ResultInfo info;  // info.n = non-missing values
  long missing = 0;
  double mean = kNaN, sd = kNaN, median = kNaN, q1 = kNaN, q3 = kNaN, iqr = kNaN, min = kNaN, max = kNaN;
};

// NaN entries count as missing. With one value the SD is NaN (as R) and a warning is added.
Descriptives describe(const std::vector<double>& values);

// R's quantile(x, prob, type = 7) on non-missing values; NaN for an empty input.
double quantile_type7(std::vector<double> values, double prob);

struct Proportion {
  long count = 0, denominator = 0;
  double proportion = kNaN;  // count / denominator; NaN when the denominator is 0
  double lower = kNaN, upper = kNaN;  // Wilson score interval
};

// Wilson score interval as R's prop.test(count, n, correct = FALSE, conf.level)$conf.int.
Proportion wilson_interval(long count, long n, double conf_level = 0.95);

enum class Denominator { all, applicable, valid };
const char* denominator_name(Denominator d);

struct FrequencyRow {
  std::string category;
  long count = 0;
  Proportion all, applicable, valid;
};

struct FrequencyTable {
  ResultInfo info;  // info.n = total (all)
  std::vector<FrequencyRow> rows;  // the substantive categories, in input order
  long not_applicable = 0, missing = 0;
  long total_all = 0, total_applicable = 0, total_valid = 0;
  Proportion not_applicable_share;  // NVT over `all`
  Proportion missing_all, missing_applicable;  // missing over `all` and over `applicable`
};

FrequencyTable frequencies(const std::vector<std::string>& categories, const std::vector<long>& counts,
                           long not_applicable, long missing, double conf_level = 0.95);

}  // namespace zicht::stats
