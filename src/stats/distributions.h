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

}  // namespace zicht::stats
