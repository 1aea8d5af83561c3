#include "stats/proportion.h"

#include <cmath>

#include "stats/distributions.h"

namespace zicht::stats {

BinomResult binom_test(long x, long n, double p0, double conf_level) {
  BinomResult r;
  r.info.method = "Exact binomial test";
  r.info.variant = "two-sided, Clopper-Pearson interval";
  r.x = x;
  r.n = n;
  r.info.n = n;
  if (n < 1 || x < 0 || x > n) {
    r.info.warn("invalid_counts", "needs n >= 1 and 0 <= x <= n");
    return r;
  }
  if (!(p0 >= 0 && p0 <= 1) || !(conf_level > 0 && conf_level < 1)) {
    r.info.warn("invalid_parameter", "p must lie in [0, 1] and the confidence level in (0, 1)");
    return r;
  }
  const double xd = static_cast<double>(x), nd = static_cast<double>(n);
  r.estimate = xd / nd;
  const double alpha = (1 - conf_level) / 2;
  r.ci_lower = x == 0 ? 0.0 : beta_quantile(alpha, xd, nd - xd + 1);
  r.ci_upper = x == n ? 1.0 : beta_quantile(1 - alpha, xd + 1, nd - xd);
  if (p0 == 0) {
    r.p_value = x == 0 ? 1.0 : 0.0;
  } else if (p0 == 1) {
    r.p_value = x == n ? 1.0 : 0.0;
  } else {
    const double rel_err = 1 + 1e-7;
    const double d = binom_pmf(xd, nd, p0);
    const double m = nd * p0;
    if (xd == m) {
      r.p_value = 1;
    } else if (xd < m) {
      double y = 0;  // outcomes in the other tail at most as likely as x
      for (double i = std::ceil(m); i <= nd; ++i)
        if (binom_pmf(i, nd, p0) <= d * rel_err) ++y;
      r.p_value = binom_cdf(xd, nd, p0) + binom_upper(nd - y, nd, p0);
    } else {
      double y = 0;
      for (double i = 0; i <= std::floor(m); ++i)
        if (binom_pmf(i, nd, p0) <= d * rel_err) ++y;
      r.p_value = binom_cdf(y - 1, nd, p0) + binom_upper(xd - 1, nd, p0);
    }
  }
  return r;
}

}  // namespace zicht::stats
