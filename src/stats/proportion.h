// One-sample proportion test (zicht::stats).
//
// `binom_test`: stats::binom.test(x, n, p = 0.5) (R 4.2.2, alternative = "two.sided"): estimate x / n, the
// Clopper–Pearson interval (qbeta(alpha / 2, x, n - x + 1), qbeta(1 - alpha / 2, x + 1, n - x); 0 for x = 0 and 1 for
// x = n) and R's two-sided p: the probability of every outcome whose dbinom is at most dbinom(x) * (1 + 1e-7) (the
// relErr rule), computed as R does from the two tails (p = 1 when x = n p0). Like R, the p-value is not capped at 1.
#pragma once

#include "stats/result.h"

namespace zicht::stats {

struct BinomResult { ResultInfo info; long x = 0, n = 0; double estimate = kNaN, ci_lower = kNaN, ci_upper = kNaN, p_value = kNaN; };
BinomResult binom_test(long x, long n, double p0 = 0.5, double conf_level = 0.95);

}  // namespace zicht::stats
