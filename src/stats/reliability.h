// Scale reliability (zicht::stats).
//
// `cronbach_alpha`: psych::alpha(x) with its defaults (psych 2.2.9: use = "pairwise", check.keys = FALSE,
// cumulative = FALSE, delete = TRUE, n.obs = NULL). C is the pairwise covariance matrix (cov(x, use = "pairwise"):
// each pair over the respondents with both values, n - 1 denominator), R = cov2cor(C).
//   raw_alpha = (1 - tr(C) / sum(C)) k / (k - 1), std_alpha = (1 - k / sum(R)) k / (k - 1),
//   average_r = (sum(R) - k) / (k (k - 1));
// mean and sd: of the respondents' scores, the row means with na.rm = TRUE (a respondent with no value has none),
// as psych. Per item: n (non-missing), mean, sd, r.drop = cov(item, rest) / sqrt(var(item) var(rest)) from C, and
// alpha.drop's raw_alpha / std.alpha (the alphas of the other items; for 2 items psych's C12 / C_other_other and
// R12). n_obs = the number of respondents (rows), as psych's nsub.
// An item with no variance (or fewer than 2 values) is deleted as psych does (delete = TRUE, warning
// "constant_item"): it gets n, mean and sd but NaN for the rest, and, as psych, it still counts in the score:
// score = (k_kept * rowmean_kept + sum of the deleted items' values of the first respondent) / k_all.
// Zicht adds the warning "negative_item" when an item's r.drop is negative (psych warns from the signs of a
// principal component's loadings instead; the numbers are unaffected).
#pragma once

#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct AlphaItem { long n = 0; double mean = kNaN, sd = kNaN, r_drop = kNaN, alpha_if_dropped = kNaN, std_alpha_if_dropped = kNaN; };
struct AlphaResult { ResultInfo info; double raw_alpha = kNaN, std_alpha = kNaN, average_r = kNaN, mean = kNaN, sd = kNaN; long n_obs = 0; std::vector<AlphaItem> items; };
AlphaResult cronbach_alpha(const std::vector<std::vector<double>>& items);  // items[item][respondent], NaN = missing

}  // namespace zicht::stats
