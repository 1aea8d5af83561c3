#include "stats/correlation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "stats/distributions.h"
#include "stats/two_group.h"

namespace zicht::stats {

double spearman_tail(double is, int n, bool lower_tail) {
  if (n <= 1) return kNaN;
  if (is <= 0) return lower_tail ? 0.0 : 1.0;
  const double nd = n;
  const double n3 = nd * (nd * nd - 1) / 3;  // the largest S
  if (is > n3) return lower_tail ? 1.0 : 0.0;
  if (n <= 9) {
    // Exact: count the permutations p of 1..n with sum (i - p_i)^2 >= is (at most 9! = 362880 of them).
    std::vector<int> perm(static_cast<size_t>(n));
    std::iota(perm.begin(), perm.end(), 1);
    long total = 0, at_least = 0;
    do {
      long s = 0;
      for (int i = 0; i < n; ++i) s += static_cast<long>(i + 1 - perm[static_cast<size_t>(i)]) * (i + 1 - perm[static_cast<size_t>(i)]);
      ++total;
      if (is <= static_cast<double>(s)) ++at_least;
    } while (std::next_permutation(perm.begin(), perm.end()));
    return static_cast<double>(lower_tail ? total - at_least : at_least) / static_cast<double>(total);
  }
  // Edgeworth series (AS 89's coefficients); x is about -rho sqrt(n - 1).
  const double b = 1 / nd;
  const double x = (6 * (is - 1) * b / (nd * nd - 1) - 1) * std::sqrt(nd - 1);
  double y = x * x;
  const double u = x * b *
                   (0.2274 + b * (0.2531 + 0.1745 * b) +
                    y * (-0.0758 + b * (0.1033 + 0.3932 * b) -
                         y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
  y = u / std::exp(y / 2);
  double p = (lower_tail ? -y : y) + (lower_tail ? normal_cdf(x) : normal_upper(x));
  return std::clamp(p, 0.0, 1.0);
}

SpearmanResult spearman(const std::vector<double>& x, const std::vector<double>& y) {
  SpearmanResult r;
  r.info.method = "Spearman's rank correlation rho";
  if (x.size() != y.size()) {
    r.info.warn("length_mismatch", "x and y must have the same length");
    return r;
  }
  std::vector<double> a, b;
  for (size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      a.push_back(x[i]);
      b.push_back(y[i]);
    }
  const long dropped = static_cast<long>(x.size() - a.size());
  if (dropped > 0) r.info.warn("missing_values", std::to_string(dropped) + " pair(s) with a missing value excluded");
  r.n = static_cast<long>(a.size());
  r.info.n = r.n;
  if (r.n < 2) {
    r.info.warn("too_few", "needs at least 2 complete pairs");
    return r;
  }
  const std::vector<double> ra = average_ranks(a), rb = average_ranks(b);
  const double nd = static_cast<double>(r.n);
  double ma = 0, mb = 0;
  for (size_t i = 0; i < ra.size(); ++i) ma += ra[i], mb += rb[i];
  ma /= nd;
  mb /= nd;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) * (ra[i] - ma);
    sbb += (rb[i] - mb) * (rb[i] - mb);
  }
  const double rho = sab / std::sqrt(saa * sbb);
  if (!std::isfinite(rho)) {
    r.info.warn("constant", "one of the variables is constant: rho is undefined");
    return r;
  }
  r.rho = rho;
  r.s = (nd * nd * nd - nd) * (1 - rho) / 6;
  const auto distinct = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return static_cast<long>(std::unique(v.begin(), v.end()) - v.begin());
  };
  const bool ties = std::min(distinct(a), distinct(b)) < r.n;
  r.exact = !ties && r.n <= 1290;
  if (ties) r.info.warn("ties", "ties present: p from the t approximation");
  r.info.variant = r.exact ? (r.n <= 9 ? "exact p (all permutations)" : "exact p (AS 89 Edgeworth series, as R)")
                           : "t approximation";
  const int n = static_cast<int>(r.n);
  const auto tail = [&](double q, bool lower) {
    if (r.exact) return spearman_tail(std::nearbyint(q) + (lower ? 2 : 0), n, lower);
    const double rr = 1 - q / ((nd * (nd * nd - 1)) / 6);
    const double t = rr / std::sqrt((1 - rr * rr) / (nd - 2));
    return lower ? t_upper(t, nd - 2) : t_upper(-t, nd - 2);  // R: pt(t, n - 2, lower.tail = !lower)
  };
  const double p = r.s > (nd * nd * nd - nd) / 6 ? tail(r.s, false) : tail(r.s, true);
  r.p_value = std::min(2 * p, 1.0);
  return r;
}

}  // namespace zicht::stats
