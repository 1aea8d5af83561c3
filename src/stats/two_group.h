// Two-group comparisons (zicht::stats).
//
// `mann_whitney`: Wilcoxon rank-sum / Mann–Whitney U test as R's wilcox.test(x, y, conf.int = TRUE):
// W is the rank sum of x minus nx(nx+1)/2 (U of the first group). Exact null distribution when both groups
// have fewer than 50 values and there are no ties (R's rule); otherwise the normal approximation with tie
// and continuity correction. z (R's sign: positive when x tends to be larger) is always reported from the
// normal approximation, with effect size r = z / sqrt(N). The Hodges–Lehmann shift and its 95 % CI follow
// R: exact case median of pairwise differences and qwilcox bounds; asymptotic case the root of R's
// `wdiff` step function (we return the midpoint of the exact crossing interval; R's uniroot(tol = 1e-4)
// returns a point within 1e-4 of that interval).
// `mann_whitney_by_counts`: the same test from the value counts of the two samples, O(n + range) for whole numbers
// in a narrow range (counts): W, z, p and r of the normal approximation with continuity and tie correction (what
// `mann_whitney` reports when it does not use the exact distribution), no Hodges–Lehmann estimate.
// `welch_t`: Welch's two-sample t-test, as R's t.test(x, y) default (var.equal = FALSE).
#pragma once

#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct MannWhitneyResult {
  ResultInfo info;
  double w = kNaN;          // R's W: Mann–Whitney U of the first group
  double z = kNaN;          // normal approximation with tie and continuity correction
  double p_value = kNaN;    // exact or normal, see info.variant
  bool exact = false;
  double effect_r = kNaN;   // z / sqrt(nx + ny)
  double hodges_lehmann = kNaN, ci_lower = kNaN, ci_upper = kNaN;  // location shift x - y
  long n_x = 0, n_y = 0;
};

// NaN values are dropped (with a warning). conf_level for the Hodges–Lehmann interval.
MannWhitneyResult mann_whitney(std::vector<double> x, std::vector<double> y, double conf_level = 0.95);

// The distinct non-NaN values of two samples, ascending, each with its count in x (n[0]) and in y (n[1]): by
// counting when the values are whole numbers in a narrow range (WholeRange: counts), else sorted.
struct ValueCount {
  double value;
  long n[2];
};
std::vector<ValueCount> value_counts(const std::vector<double>& x, const std::vector<double>& y);

// NaN values are skipped (without the warning mann_whitney gives); p always from the normal approximation.
MannWhitneyResult mann_whitney_by_counts(const std::vector<double>& x, const std::vector<double>& y);
// The same from value_counts(x, y) already found.
MannWhitneyResult mann_whitney_by_counts(const std::vector<ValueCount>& counts);

// Distribution of W for sample sizes m, n without ties (R's pwilcox / qwilcox).
double wilcox_cdf(double q, int m, int n);       // P(W <= q)
int wilcox_quantile(double p, int m, int n);     // qwilcox(p, m, n)

struct WelchResult {
  ResultInfo info;
  double t = kNaN, df = kNaN, p_value = kNaN;
  double mean_x = kNaN, mean_y = kNaN, difference = kNaN, ci_lower = kNaN, ci_upper = kNaN;
};

WelchResult welch_t(std::vector<double> x, std::vector<double> y, double conf_level = 0.95);

// Mid-ranks (average ranks for ties), as R's rank(ties.method = "average").
std::vector<double> average_ranks(const std::vector<double>& values);

}  // namespace zicht::stats
