// Pearson's chi-square test and the chi-square test for trend in proportions; the margins every contingency test
// starts from. Fisher's exact test is in fisher_exact.cpp, the Monte-Carlo p-values in monte_carlo.cpp.
#include "stats/contingency.h"

#include <algorithm>
#include <cmath>

#include "stats/contingency_margins.h"
#include "stats/distributions.h"

namespace zicht::stats {
namespace detail {

Margins margins_of(const CountTable& t) {
  Margins m;
  m.rows.assign(t.size(), 0);
  m.columns.assign(t.empty() ? 0 : t[0].size(), 0);
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t j = 0; j < t[i].size() && j < m.columns.size(); ++j) {
      m.rows[i] += t[i][j];
      m.columns[j] += t[i][j];
      m.total += t[i][j];
    }
  return m;
}

bool is_rectangular_nonnegative(const CountTable& t) {
  if (t.empty() || t[0].empty()) return false;
  for (const auto& row : t) {
    if (row.size() != t[0].size()) return false;
    for (long v : row)
      if (v < 0) return false;
  }
  return true;
}

CountTable drop_empty_margins(const CountTable& t, std::vector<size_t>& kept_rows, std::vector<size_t>& kept_cols) {
  const Margins m = margins_of(t);
  kept_rows.clear();
  kept_cols.clear();
  for (size_t i = 0; i < m.rows.size(); ++i)
    if (m.rows[i] > 0) kept_rows.push_back(i);
  for (size_t j = 0; j < m.columns.size(); ++j)
    if (m.columns[j] > 0) kept_cols.push_back(j);
  CountTable out;
  for (size_t i : kept_rows) {
    std::vector<long> row;
    for (size_t j : kept_cols) row.push_back(t[i][j]);
    out.push_back(row);
  }
  return out;
}

}  // namespace detail

using detail::drop_empty_margins;
using detail::is_rectangular_nonnegative;
using detail::Margins;
using detail::margins_of;

// ---------------------------------------------------------------------------------------------------------
// Pearson chi-square

ChiSquareResult chi_square(const CountTable& input, bool yates_correction) {
  ChiSquareResult r;
  r.info.method = "Pearson's chi-squared test";
  if (!is_rectangular_nonnegative(input)) {
    r.info.warn("invalid_table", "table must be rectangular with non-negative counts");
    return r;
  }
  const CountTable t = drop_empty_margins(input, r.kept_rows, r.kept_columns);
  if (r.kept_rows.size() < input.size() || r.kept_columns.size() < input[0].size())
    r.info.warn("dropped_empty_margin", "rows or columns with total 0 were left out");
  const Margins m = margins_of(t);
  r.info.n = m.total;
  const size_t nr = m.rows.size(), nc = m.columns.size();
  if (nr < 2 || nc < 2) {
    r.info.warn("degenerate_table", "at least two non-empty rows and columns are needed");
    return r;
  }
  const bool yates = yates_correction && nr == 2 && nc == 2;
  r.info.variant = yates ? "Yates' continuity correction (2 x 2)" : "no continuity correction";
  if (yates_correction && !yates) r.info.warn("yates_ignored", "Yates' correction applies to 2 x 2 tables only");
  const double n = static_cast<double>(m.total);
  r.expected.assign(nr, std::vector<double>(nc));
  r.residuals = r.adjusted_residuals = r.expected;
  double stat = 0, min_e = std::numeric_limits<double>::infinity();
  long below5 = 0;
  for (size_t i = 0; i < nr; ++i)
    for (size_t j = 0; j < nc; ++j) {
      const double ri = static_cast<double>(m.rows[i]), cj = static_cast<double>(m.columns[j]);
      const double e = ri * cj / n;  // R: outer(sr, sc) / n
      const double x = static_cast<double>(t[i][j]);
      r.expected[i][j] = e;
      r.residuals[i][j] = (x - e) / std::sqrt(e);
      r.adjusted_residuals[i][j] = (x - e) / std::sqrt(e * (1 - ri / n) * (1 - cj / n));
      min_e = std::min(min_e, e);
      if (e < 5) ++below5;
    }
  // Yates as R: |x - E| reduced by min(0.5, |x - E|), the same for all cells of the 2 x 2 table.
  double correction = 0;
  if (yates) {
    correction = 0.5;
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j)
        correction = std::min(correction, std::fabs(static_cast<double>(t[i][j]) - r.expected[i][j]));
  }
  for (size_t i = 0; i < nr; ++i)
    for (size_t j = 0; j < nc; ++j) {
      const double d = std::fabs(static_cast<double>(t[i][j]) - r.expected[i][j]) - correction;
      stat += d * d / r.expected[i][j];
    }
  r.statistic = stat;
  r.df = static_cast<double>((nr - 1) * (nc - 1));
  r.p_value = chisq_upper(stat, r.df);
  // Cramér's V from the uncorrected statistic (the effect size should not depend on the test variant).
  double uncorrected = stat;
  if (yates) {
    uncorrected = 0;
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j) uncorrected += r.residuals[i][j] * r.residuals[i][j];
  }
  r.cramers_v = std::sqrt(uncorrected / (n * static_cast<double>(std::min(nr, nc) - 1)));
  r.min_expected = min_e;
  r.share_expected_below5 = static_cast<double>(below5) / static_cast<double>(nr * nc);
  if (r.share_expected_below5 > 0.2)
    r.info.warn("expected_lt5", "more than 20% of expected counts are below 5: use Fisher's exact or Monte-Carlo p");
  if (min_e < 1) r.info.warn("expected_lt1", "an expected count is below 1: use Fisher's exact or Monte-Carlo p");
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Chi-square test for trend in proportions

TrendResult proportion_trend(const std::vector<long>& successes, const std::vector<long>& totals,
                             std::vector<double> scores) {
  TrendResult r;
  r.info.method = "Chi-squared test for trend in proportions";
  r.info.variant = "as R prop.trend.test (weighted regression of proportions on scores), df = 1";
  const size_t k = successes.size();
  if (scores.empty())
    for (size_t i = 0; i < k; ++i) scores.push_back(static_cast<double>(i + 1));
  if (totals.size() != k || scores.size() != k || k < 2) {
    r.info.warn("invalid_input", "successes, totals and scores must have the same length >= 2");
    return r;
  }
  double x_sum = 0, n_sum = 0;
  for (size_t i = 0; i < k; ++i) {
    if (totals[i] <= 0 || successes[i] < 0 || successes[i] > totals[i]) {
      r.info.warn("invalid_input", "every group needs 0 <= successes <= total and total > 0");
      return r;
    }
    x_sum += static_cast<double>(successes[i]);
    n_sum += static_cast<double>(totals[i]);
  }
  r.info.n = static_cast<long>(n_sum);
  const double p = x_sum / n_sum;
  if (p <= 0 || p >= 1) {
    r.info.warn("constant_outcome", "all or none are successes: no trend can be tested");
    return r;
  }
  // Weighted least squares of x/n on score with weights n / (p (1 - p)); the regression sum of squares is
  // the statistic. Closed form of the weighted slope's explained sum of squares.
  double sw = 0, sws = 0, swf = 0;
  for (size_t i = 0; i < k; ++i) {
    const double w = static_cast<double>(totals[i]) / p / (1 - p);
    const double f = static_cast<double>(successes[i]) / static_cast<double>(totals[i]);
    sw += w;
    sws += w * scores[i];
    swf += w * f;
  }
  const double s_bar = sws / sw, f_bar = swf / sw;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < k; ++i) {
    const double w = static_cast<double>(totals[i]) / p / (1 - p);
    const double f = static_cast<double>(successes[i]) / static_cast<double>(totals[i]);
    sxy += w * (scores[i] - s_bar) * (f - f_bar);
    sxx += w * (scores[i] - s_bar) * (scores[i] - s_bar);
  }
  if (!(sxx > 0)) {
    r.info.warn("constant_scores", "scores do not vary");
    return r;
  }
  r.statistic = sxy * sxy / sxx;
  r.df = 1;
  r.p_value = chisq_upper(r.statistic, 1);
  return r;
}

}  // namespace zicht::stats
