// Distribution functions for zicht::stats, thin wrappers over Boost.Math (header-only).
//
// They mirror R's p*/q* functions (pnorm, qnorm, pchisq, pt, pf with lower.tail = FALSE where named
// "upper"). Boost is used with an error policy that never throws and returns NaN on domain errors, so
// the code behaves the same natively and under Emscripten and can be called inside loops. Invalid
// arguments (e.g. df <= 0, NaN) give NaN, like R gives NaN/NA.
#pragma once

namespace zicht::stats {

double normal_cdf(double z);            // pnorm(z)
double normal_upper(double z);          // pnorm(z, lower.tail = FALSE)
double normal_quantile(double p);       // qnorm(p)
double chisq_upper(double x, double df);  // pchisq(x, df, lower.tail = FALSE)
double t_upper(double t, double df);      // pt(t, df, lower.tail = FALSE)
double t_quantile(double p, double df);   // qt(p, df)
double f_upper(double f, double df1, double df2);  // pf(f, df1, df2, lower.tail = FALSE)
double log_factorial(double n);           // lfactorial(n) = lgamma(n + 1)
double binom_pmf(double x, double n, double p);    // dbinom(x, n, p)
double binom_cdf(double x, double n, double p);    // pbinom(x, n, p)
double binom_upper(double x, double n, double p);  // pbinom(x, n, p, lower.tail = FALSE)
double beta_cdf(double x, double a, double b);     // pbeta(x, a, b): the regularized incomplete beta I_x(a, b)
// qbeta(p, a, b): the x in [0, 1] with I_x(a, b) = p, found by bisection over the ordered doubles of [0, 1]
// (64 steps at most, down to adjacent doubles), so it is as precise as I_x itself.
double beta_quantile(double p, double a, double b);

}  // namespace zicht::stats
