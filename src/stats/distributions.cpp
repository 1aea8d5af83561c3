#include "stats/distributions.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace zicht::stats {
namespace {

namespace bmp = boost::math::policies;
// No exceptions and no errno side effects: a domain error becomes NaN, overflow becomes +-inf. This keeps
// the functions usable in hot loops and identical under Emscripten. Quantile rounding is irrelevant for
// continuous distributions.
using Policy = bmp::policy<bmp::domain_error<bmp::ignore_error>, bmp::pole_error<bmp::ignore_error>,
                           bmp::overflow_error<bmp::ignore_error>, bmp::underflow_error<bmp::ignore_error>,
                           bmp::denorm_error<bmp::ignore_error>, bmp::evaluation_error<bmp::ignore_error>,
                           bmp::rounding_error<bmp::ignore_error>, bmp::indeterminate_result_error<bmp::ignore_error>,
                           bmp::promote_float<false>, bmp::promote_double<false>>;

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double normal_cdf(double z) {
  if (std::isnan(z)) return kNan;
  if (std::isinf(z)) return z > 0 ? 1.0 : 0.0;
  // erfc keeps full relative precision in the far tails, unlike 1 - erf.
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double normal_upper(double z) { return std::isnan(z) ? kNan : normal_cdf(-z); }

double normal_quantile(double p) {
  if (!(p >= 0 && p <= 1)) return kNan;
  if (p == 0) return -std::numeric_limits<double>::infinity();
  if (p == 1) return std::numeric_limits<double>::infinity();
  return boost::math::quantile(boost::math::normal_distribution<double, Policy>(0.0, 1.0), p);
}

double chisq_upper(double x, double df) {
  if (std::isnan(x) || !(df > 0)) return kNan;
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double, Policy>(df), x));
}

double t_upper(double t, double df) {
  if (std::isnan(t) || !(df > 0)) return kNan;
  if (std::isinf(t)) return t > 0 ? 0.0 : 1.0;
  return boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double, Policy>(df), t));
}

double t_quantile(double p, double df) {
  if (!(p > 0 && p < 1) || !(df > 0)) return kNan;
  return boost::math::quantile(boost::math::students_t_distribution<double, Policy>(df), p);
}

double f_upper(double f, double df1, double df2) {
  if (std::isnan(f) || !(df1 > 0) || !(df2 > 0)) return kNan;
  if (f <= 0) return 1.0;
  if (std::isinf(f)) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::fisher_f_distribution<double, Policy>(df1, df2), f));
}

double log_factorial(double n) { return std::lgamma(n + 1.0); }

double binom_pmf(double x, double n, double p) {
  if (std::isnan(x) || !(n >= 0) || !(p >= 0 && p <= 1)) return kNan;
  if (x < 0 || x > n || x != std::floor(x)) return 0.0;
  return boost::math::pdf(boost::math::binomial_distribution<double, Policy>(n, p), x);
}

double binom_cdf(double x, double n, double p) {
  if (std::isnan(x) || !(n >= 0) || !(p >= 0 && p <= 1)) return kNan;
  x = std::floor(x + 1e-7);  // R's pbinom
  if (x < 0) return 0.0;
  if (x >= n) return 1.0;
  return boost::math::cdf(boost::math::binomial_distribution<double, Policy>(n, p), x);
}

double binom_upper(double x, double n, double p) {
  if (std::isnan(x) || !(n >= 0) || !(p >= 0 && p <= 1)) return kNan;
  x = std::floor(x + 1e-7);
  if (x < 0) return 1.0;
  if (x >= n) return 0.0;
  return boost::math::cdf(boost::math::complement(boost::math::binomial_distribution<double, Policy>(n, p), x));
}

double beta_cdf(double x, double a, double b) {
  if (std::isnan(x) || !(a > 0) || !(b > 0)) return kNan;
  if (x <= 0) return 0.0;
  if (x >= 1) return 1.0;
  return boost::math::ibeta(a, b, x, Policy());
}

double beta_quantile(double p, double a, double b) {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) return kNan;
  if (p == 0) return 0.0;
  if (p == 1) return 1.0;
  // Non-negative doubles are ordered like their bit patterns, so bisecting the integers between the patterns of
  // 0 and 1 halves the number of doubles left each step: lo is the last double with I_x < p, hi the first with
  // I_x >= p, and the answer is whichever of the two is nearer (in I_x) to p.
  const auto bits = [](double v) {
    std::uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    return u;
  };
  const auto value = [](std::uint64_t u) {
    double v;
    std::memcpy(&v, &u, sizeof v);
    return v;
  };
  std::uint64_t lo = bits(0.0), hi = bits(1.0);
  while (hi - lo > 1) {
    const std::uint64_t mid = lo + (hi - lo) / 2;
    if (beta_cdf(value(mid), a, b) < p) lo = mid;
    else hi = mid;
  }
  const double xl = value(lo), xh = value(hi);
  return std::fabs(beta_cdf(xl, a, b) - p) < std::fabs(beta_cdf(xh, a, b) - p) ? xl : xh;
}

}  // namespace zicht::stats
