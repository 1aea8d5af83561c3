// Rank correlation (zicht::stats).
//
// `spearman`: stats::cor.test(x, y, method = "spearman") with R 4.2.2 defaults (two-sided, exact = NULL): pairs with
// a NaN dropped; rho = Pearson correlation of the average ranks; S = (n^3 - n)(1 - rho) / 6. Exact p (R's prho,
// algorithm AS 89: complete enumeration of the permutations for n <= 9, its Edgeworth series for larger n) when
// there are no ties and n <= 1290, else the t approximation R uses (t = r / sqrt((1 - r^2) / (n - 2)) with
// r = 1 - S / ((n^3 - n) / 6), df = n - 2). The two-sided p is min(2 p_tail, 1) with the tail chosen as R does.
#pragma once

#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct SpearmanResult { ResultInfo info; double rho = kNaN, s = kNaN, p_value = kNaN; long n = 0; bool exact = false; };
SpearmanResult spearman(const std::vector<double>& x, const std::vector<double>& y);

// AS 89 as R's prho: P(S >= is), or P(S < is) when lower_tail, for n >= 2 ranks without ties.
double spearman_tail(double is, int n, bool lower_tail);

}  // namespace zicht::stats
