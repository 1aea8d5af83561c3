#include "stats/two_group.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>

#include "stats/distributions.h"
#include "stats/whole_range.h"

namespace zicht::stats {
namespace {

size_t drop_nan(std::vector<double>& v) {
  const size_t before = v.size();
  v.erase(std::remove_if(v.begin(), v.end(), [](double a) { return std::isnan(a); }), v.end());
  return before - v.size();
}

// Frequencies of W = 0..m*n for sample sizes m and n without ties: the coefficients of the Gaussian
// binomial, built by adding one rank at a time (dp[j][s]: subsets of size j with rank-sum offset s).
std::vector<double> wilcox_counts(int m, int n) {
  const int mn = m * n;
  std::vector<std::vector<double>> dp(static_cast<size_t>(m) + 1, std::vector<double>(static_cast<size_t>(mn) + 1, 0.0));
  dp[0][0] = 1;
  // Choosing rank k as the j-th smallest of x adds (k - j) to W (the number of y values below it).
  for (int k = 1; k <= m + n; ++k)
    for (int j = std::min(k, m); j >= 1; --j) {
      const int add = k - j;
      if (add > n) continue;
      for (int s = mn; s >= add; --s) dp[static_cast<size_t>(j)][static_cast<size_t>(s)] += dp[static_cast<size_t>(j) - 1][static_cast<size_t>(s - add)];
    }
  return dp[static_cast<size_t>(m)];
}

double choose(int n, int k) { return std::exp(log_factorial(n) - log_factorial(k) - log_factorial(n - k)); }

}  // namespace

std::vector<double> average_ranks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double r = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

double wilcox_cdf(double q, int m, int n) {
  q = std::floor(q + 1e-7);  // R's pwilcox
  if (q < 0) return 0;
  if (q >= static_cast<double>(m) * n) return 1;
  const std::vector<double> counts = wilcox_counts(m, n);
  const double c = choose(m + n, n);
  double p = 0;
  // Sum the shorter tail for accuracy, as R does.
  if (q <= static_cast<double>(m) * n / 2) {
    for (int i = 0; i <= static_cast<int>(q); ++i) p += counts[static_cast<size_t>(i)] / c;
  } else {
    for (int i = static_cast<int>(q) + 1; i <= m * n; ++i) p += counts[static_cast<size_t>(i)] / c;
    p = 1 - p;
  }
  return p;
}

int wilcox_quantile(double x, int m, int n) {
  const std::vector<double> counts = wilcox_counts(m, n);
  const double c = choose(m + n, n);
  double p = 0;
  int q = 0;
  const double eps = std::numeric_limits<double>::epsilon();
  // Same search as R's qwilcox, including its 10 * DBL_EPSILON fuzz.
  if (x <= 0.5) {
    x = x - 10 * eps;
    for (;;) {
      p += counts[static_cast<size_t>(q)] / c;
      if (p >= x) break;
      ++q;
    }
  } else {
    x = 1 - x + 10 * eps;
    for (;;) {
      p += counts[static_cast<size_t>(q)] / c;
      if (p > x) {
        q = m * n - q;
        break;
      }
      ++q;
    }
  }
  return q;
}

MannWhitneyResult mann_whitney(std::vector<double> x, std::vector<double> y, double conf_level) {
  MannWhitneyResult r;
  r.info.method = "Wilcoxon rank-sum (Mann-Whitney U) test";
  const size_t dropped = drop_nan(x) + drop_nan(y);
  if (dropped > 0) r.info.warn("missing_values", std::to_string(dropped) + " missing value(s) excluded");
  r.n_x = static_cast<long>(x.size());
  r.n_y = static_cast<long>(y.size());
  r.info.n = r.n_x + r.n_y;
  if (x.empty() || y.empty()) {
    r.info.warn("empty_group", "each group needs at least one value");
    return r;
  }
  const double nx = static_cast<double>(x.size()), ny = static_cast<double>(y.size());
  std::vector<double> all(x);
  all.insert(all.end(), y.begin(), y.end());
  const std::vector<double> ranks = average_ranks(all);
  double rank_sum_x = 0;
  for (size_t i = 0; i < x.size(); ++i) rank_sum_x += ranks[i];
  r.w = rank_sum_x - nx * (nx + 1) / 2;

  // Tie correction term sum(t^3 - t) over groups of tied values.
  const auto tie_term = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double s = 0;
    for (size_t i = 0; i < v.size();) {
      size_t j = i;
      while (j + 1 < v.size() && v[j + 1] == v[i]) ++j;
      const double t = static_cast<double>(j - i + 1);
      s += t * t * t - t;
      i = j + 1;
    }
    return s;
  };
  const double ties = tie_term(all);
  const bool has_ties = ties > 0;
  const double N = nx + ny;
  const double sigma = std::sqrt((nx * ny / 12) * ((N + 1) - ties / (N * (N - 1))));
  {
    const double dz = r.w - nx * ny / 2;
    const double correction = dz > 0 ? 0.5 : (dz < 0 ? -0.5 : 0.0);
    r.z = (dz - correction) / sigma;
  }
  r.effect_r = r.z / std::sqrt(N);
  r.exact = x.size() < 50 && y.size() < 50 && !has_ties;
  if (has_ties) r.info.warn("ties", "ties present: normal approximation with tie correction");
  if (!(sigma > 0)) r.info.warn("all_tied", "all observations are tied: the test is undefined");
  const int m = static_cast<int>(x.size()), n = static_cast<int>(y.size());
  if (r.exact) {
    r.info.variant = "exact distribution (no ties, both groups < 50); z from the normal approximation";
    const double p = r.w > nx * ny / 2 ? 1 - wilcox_cdf(r.w - 1, m, n) : wilcox_cdf(r.w, m, n);
    r.p_value = std::min(2 * p, 1.0);
  } else {
    r.info.variant = "normal approximation with continuity and tie correction";
    r.p_value = std::isnan(r.z) ? kNaN : 2 * std::min(normal_cdf(r.z), normal_upper(r.z));
  }

  // Hodges–Lehmann estimate and confidence interval.
  const double alpha = 1 - conf_level;
  if (r.exact) {
    std::vector<double> diffs;  // at most 49 * 49 pairwise differences
    diffs.reserve(x.size() * y.size());
    for (double a : x)
      for (double b : y) diffs.push_back(a - b);
    std::sort(diffs.begin(), diffs.end());
    int qu = wilcox_quantile(alpha / 2, m, n);
    if (qu == 0) qu = 1;
    const int ql = m * n - qu;
    const double achieved = 2 * wilcox_cdf(qu - 1, m, n);
    r.ci_lower = diffs[static_cast<size_t>(qu) - 1];
    r.ci_upper = diffs[static_cast<size_t>(ql)];
    if (achieved - alpha > alpha / 2)
      r.info.warn("conf_level_not_achievable", "the requested confidence level is not achievable with these sample sizes");
    const size_t k = diffs.size();
    r.hodges_lehmann = k % 2 == 1 ? diffs[k / 2] : (diffs[k / 2 - 1] + diffs[k / 2]) / 2;
  } else if (sigma > 0) {
    // R's wdiff(d, zq): standardised W of (x - d) against y, with its own ties and continuity correction.
    // Shifting x keeps it sorted, so the combined ranks come from one merge of the sorted x - d and the sorted y
    // (O(n), no allocation) instead of a sort per evaluation; the bisection below evaluates this a few hundred
    // times. Average ranks are half-integers and the tie terms integers, so the sums are exact and equal to
    // ranking the shifted sample from scratch.
    std::vector<double> xs(x), ys(y);
    std::sort(xs.begin(), xs.end());
    std::sort(ys.begin(), ys.end());
    const auto wdiff = [&](double d, double zq) {
      const size_t mx = xs.size(), my = ys.size();
      size_t i = 0, j = 0, pos = 0;
      double sx = 0, ties = 0;
      while (i < mx || j < my) {
        const double v = j >= my || (i < mx && xs[i] - d <= ys[j]) ? xs[i] - d : ys[j];
        size_t cx = 0, cy = 0;
        while (i < mx && xs[i] - d == v) ++i, ++cx;
        while (j < my && ys[j] == v) ++j, ++cy;
        const double t = static_cast<double>(cx + cy);
        const double rank = (static_cast<double>(pos) + static_cast<double>(pos + cx + cy - 1)) / 2.0 + 1.0;
        sx += rank * static_cast<double>(cx);
        ties += t * t * t - t;
        pos += cx + cy;
      }
      const double dz = sx - nx * (nx + 1) / 2 - nx * ny / 2;
      const double corr = dz > 0 ? 0.5 : (dz < 0 ? -0.5 : 0.0);
      const double s = std::sqrt((nx * ny / 12) * ((N + 1) - ties / (N * (N - 1))));
      return (dz - corr) / s - zq;
    };
    // wdiff is a non-increasing step function of d (it jumps only at pairwise differences), so R's
    // uniroot lands somewhere in the crossing. We locate the crossing exactly: a = sup{d: f(d) > 0} and
    // b = inf{d: f(d) < 0} by bisection down to adjacent doubles, and return (a + b) / 2, which is the jump
    // point itself or the middle of a stretch where f is exactly 0. No n_x * n_y array is needed.
    const double mumin = *std::min_element(x.begin(), x.end()) - *std::max_element(y.begin(), y.end());
    const double mumax = *std::max_element(x.begin(), x.end()) - *std::min_element(y.begin(), y.end());
    const auto boundary = [&](double zq, bool strict) {  // first d with f <= 0 (strict: f < 0)
      double lo = mumin, hi = mumax;  // invariant: f(lo) "before", f(hi) "after"
      for (int it = 0; it < 200; ++it) {
        const double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break;
        const double f = wdiff(mid, zq);
        if (strict ? f < 0 : f <= 0) hi = mid;
        else lo = mid;
      }
      return hi;
    };
    const auto root = [&](double zq) {
      if (wdiff(mumin, zq) <= 0) return mumin;
      if (wdiff(mumax, zq) >= 0) return mumax;
      return (boundary(zq, false) + boundary(zq, true)) / 2;
    };
    const double zq = normal_quantile(1 - alpha / 2);
    r.ci_lower = root(zq);
    r.ci_upper = root(-zq);
    r.hodges_lehmann = root(0);
  }
  return r;
}

std::vector<ValueCount> value_counts(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<ValueCount> out;
  const std::vector<double>* samples[2] = {&x, &y};
  WholeRange range;
  for (const std::vector<double>* s : samples)
    for (double v : *s)
      if (!std::isnan(v)) range.add(v);
  if (range.countable()) {
    std::vector<std::array<long, 2>> count(range.size(), std::array<long, 2>{0, 0});
    for (int g = 0; g < 2; ++g)
      for (double v : *samples[g])
        if (!std::isnan(v)) ++count[range.index(v)][size_t(g)];
    for (size_t k = 0; k < count.size(); ++k)
      if (count[k][0] + count[k][1] > 0) out.push_back({range.value(k), {count[k][0], count[k][1]}});
    return out;
  }
  std::map<double, std::array<long, 2>> counts;
  for (int g = 0; g < 2; ++g)
    for (double v : *samples[g])
      if (!std::isnan(v)) ++counts[v][size_t(g)];
  for (const auto& [v, c] : counts) out.push_back({v, {c[0], c[1]}});
  return out;
}

MannWhitneyResult mann_whitney_by_counts(const std::vector<double>& x, const std::vector<double>& y) {
  return mann_whitney_by_counts(value_counts(x, y));
}

MannWhitneyResult mann_whitney_by_counts(const std::vector<ValueCount>& counts) {
  MannWhitneyResult r;
  r.info.method = "Wilcoxon rank-sum (Mann-Whitney U) test";
  r.info.variant = "normal approximation with continuity and tie correction";
  double below = 0, rank_sum_x = 0, ties = 0;
  for (const ValueCount& c : counts) {
    const double t = double(c.n[0] + c.n[1]);
    rank_sum_x += double(c.n[0]) * (below + (t + 1) / 2);
    ties += t * t * t - t;
    below += t;
    r.n_x += c.n[0];
    r.n_y += c.n[1];
  }
  r.info.n = r.n_x + r.n_y;
  if (r.n_x == 0 || r.n_y == 0) {
    r.info.warn("empty_group", "each group needs at least one value");
    return r;
  }
  const double nx = double(r.n_x), ny = double(r.n_y), N = nx + ny;
  r.w = rank_sum_x - nx * (nx + 1) / 2;
  const double sigma = std::sqrt((nx * ny / 12) * ((N + 1) - ties / (N * (N - 1))));
  const double dz = r.w - nx * ny / 2;
  const double correction = dz > 0 ? 0.5 : (dz < 0 ? -0.5 : 0.0);
  r.z = (dz - correction) / sigma;
  r.effect_r = r.z / std::sqrt(N);
  r.p_value = std::isnan(r.z) ? kNaN : 2 * std::min(normal_cdf(r.z), normal_upper(r.z));
  if (ties > 0) r.info.warn("ties", "ties present: normal approximation with tie correction");
  if (!(sigma > 0)) r.info.warn("all_tied", "all observations are tied: the test is undefined");
  return r;
}

WelchResult welch_t(std::vector<double> x, std::vector<double> y, double conf_level) {
  WelchResult r;
  r.info.method = "Welch two-sample t-test";
  r.info.variant = "unequal variances (Welch-Satterthwaite df), as R t.test default";
  const size_t dropped = drop_nan(x) + drop_nan(y);
  if (dropped > 0) r.info.warn("missing_values", std::to_string(dropped) + " missing value(s) excluded");
  r.info.n = static_cast<long>(x.size() + y.size());
  if (x.size() < 2 || y.size() < 2) {
    r.info.warn("too_few", "each group needs at least two values");
    return r;
  }
  const auto mean_var = [](const std::vector<double>& v, double& mean, double& var) {
    double s = 0;
    for (double a : v) s += a;
    mean = s / static_cast<double>(v.size());
    double ss = 0;
    for (double a : v) ss += (a - mean) * (a - mean);
    var = ss / static_cast<double>(v.size() - 1);
  };
  double vx = 0, vy = 0;
  mean_var(x, r.mean_x, vx);
  mean_var(y, r.mean_y, vy);
  const double nx = static_cast<double>(x.size()), ny = static_cast<double>(y.size());
  const double sex2 = vx / nx, sey2 = vy / ny, se = std::sqrt(sex2 + sey2);
  if (!(se > 0)) {
    r.info.warn("constant_data", "data are essentially constant");
    return r;
  }
  r.difference = r.mean_x - r.mean_y;
  r.df = (sex2 + sey2) * (sex2 + sey2) / (sex2 * sex2 / (nx - 1) + sey2 * sey2 / (ny - 1));
  r.t = r.difference / se;
  r.p_value = 2 * t_upper(std::fabs(r.t), r.df);
  const double q = t_quantile(1 - (1 - conf_level) / 2, r.df);
  r.ci_lower = r.difference - q * se;
  r.ci_upper = r.difference + q * se;
  return r;
}

}  // namespace zicht::stats
