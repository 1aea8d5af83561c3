// Comparisons of k independent groups (zicht::stats).
//
// `one_way_anova`: classical one-way ANOVA (equal variances), as R's anova(lm(y ~ factor(g))) /
// oneway.test(var.equal = TRUE): F, df1 = k - 1, df2 = N - k, p and eta squared = SS_between / SS_total.
// `kruskal_wallis`: Kruskal–Wallis rank-sum test with the ties correction, as R's kruskal.test: H, df, p.
// Groups are given as one vector of values per group; NaN values are dropped and empty groups are ignored
// (both with a warning).
#pragma once

#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct AnovaResult {
  ResultInfo info;
  double f = kNaN, df1 = kNaN, df2 = kNaN, p_value = kNaN, eta_squared = kNaN;
  double ss_between = kNaN, ss_within = kNaN;
  std::vector<double> group_means;
  std::vector<long> group_sizes;
};

AnovaResult one_way_anova(const std::vector<std::vector<double>>& groups);

struct KruskalWallisResult {
  ResultInfo info;
  double statistic = kNaN, df = kNaN, p_value = kNaN;
};

KruskalWallisResult kruskal_wallis(const std::vector<std::vector<double>>& groups);

}  // namespace zicht::stats
