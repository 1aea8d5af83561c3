// Contingency-table tests (zicht::stats).
//
// `chi_square`: Pearson's chi-squared test of independence for r x c counts, as R's chisq.test(x,
// correct = FALSE); Yates' correction only on request and only for 2 x 2 (as chisq.test(correct = TRUE)).
// Reports df, p, Cramér's V, expected counts, Pearson residuals and adjusted standardised residuals
// (chisq.test()$stdres), plus the classic small-expectation warnings. Rows or columns whose total is zero
// are dropped first (R would return NaN) and a warning says so.
// `fisher_exact`: Fisher's exact test for any r x c table, two-sided, the same p-value as R's
// fisher.test(workspace = 2e8) (tables with probability <= observed * (1 + 1e-7) count). Network algorithm:
// one stage per column, nodes = sorted remaining row totals, past paths with equal value merged; whole
// subtrees are settled with the exact most-probable completion (convex min-cost allocation) and a bound on
// the least probable one; once the remaining columns admit few completions, those are enumerated per node
// and every past path is settled by binary search over prefix sums (meet in the middle). A work limit
// keeps the browser responsive: beyond it the result is NaN with a warning pointing to Monte-Carlo.
// `chi_square_monte_carlo` / `fisher_monte_carlo`: Monte-Carlo p-values as R's simulate.p.value = TRUE
// ((1 + #{sim >= observed}) / (B + 1)) with random tables of the same margins drawn by Patefield's
// algorithm and a fixed, platform-independent random generator (seeded; not R's generator, so results agree
// with R only within Monte-Carlo error).
// `proportion_trend`: chi-squared test for trend in proportions, as R's prop.trend.test.
#pragma once

#include <cstdint>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

using CountTable = std::vector<std::vector<long>>;  // [row][column]
using RealTable = std::vector<std::vector<double>>;

struct ChiSquareResult {
  ResultInfo info;
  double statistic = kNaN, df = kNaN, p_value = kNaN, cramers_v = kNaN;
  RealTable expected, residuals, adjusted_residuals;  // over the table after dropping empty rows/columns
  std::vector<size_t> kept_rows, kept_columns;        // indices into the input table
  double share_expected_below5 = kNaN, min_expected = kNaN;
};

ChiSquareResult chi_square(const CountTable& table, bool yates_correction = false);

struct ExactResult {
  ResultInfo info;
  double p_value = kNaN;
  double observed_probability = kNaN;  // hypergeometric probability of the observed table
};

// work_limit bounds the work (partial tables visited or stored, completions enumerated, bound computations;
// 1e7 is about 2-3 s natively, Table 6 needs 1.8e6);
// beyond it the p-value is NaN with warning "fisher_too_large" and the caller should offer Monte-Carlo.
ExactResult fisher_exact(const CountTable& table, double work_limit = 1e7);

struct MonteCarloResult {
  ResultInfo info;
  double statistic = kNaN;  // chi-square, or -sum(lfactorial(x)) for Fisher as in R
  double p_value = kNaN;
  long replicates = 0;
  std::uint64_t seed = 0;
  double standard_error = kNaN;  // sqrt(p (1 - p) / B): the Monte-Carlo uncertainty
};

MonteCarloResult chi_square_monte_carlo(const CountTable& table, long replicates = 2000, std::uint64_t seed = 20240501);
MonteCarloResult fisher_monte_carlo(const CountTable& table, long replicates = 2000, std::uint64_t seed = 20240501);

// Deterministic generator (splitmix64) so that Monte-Carlo results are identical on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double uniform();  // in [0, 1), 53 random bits
 private:
  std::uint64_t state_;
};

// One random table with the given margins, uniformly under the multivariate hypergeometric null
// (Patefield 1981, AS 159: each cell drawn from its conditional hypergeometric distribution given the
// cells already filled, by inversion starting at the mode).
CountTable random_table_with_margins(const std::vector<long>& row_totals, const std::vector<long>& column_totals,
                                     Random& rng);

struct TrendResult {
  ResultInfo info;
  double statistic = kNaN, df = 1, p_value = kNaN;
};

// successes[i] out of totals[i] in ordered group i with score scores[i] (default 1, 2, ..., k).
TrendResult proportion_trend(const std::vector<long>& successes, const std::vector<long>& totals,
                             std::vector<double> scores = {});

}  // namespace zicht::stats
