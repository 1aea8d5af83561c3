#include "stats/k_groups.h"

#include <algorithm>
#include <cmath>

#include "stats/distributions.h"
#include "stats/two_group.h"
#include "stats/whole_range.h"

namespace zicht::stats {
namespace {

std::vector<std::vector<double>> clean_groups(const std::vector<std::vector<double>>& groups, ResultInfo& info) {
  std::vector<std::vector<double>> out;
  size_t dropped = 0, empty = 0;
  for (const auto& g : groups) {
    std::vector<double> v;
    for (double a : g) {
      if (std::isnan(a)) ++dropped;
      else v.push_back(a);
    }
    if (v.empty()) ++empty;
    else out.push_back(std::move(v));
  }
  if (dropped > 0) info.warn("missing_values", std::to_string(dropped) + " missing value(s) excluded");
  if (empty > 0) info.warn("empty_group", std::to_string(empty) + " empty group(s) ignored");
  for (const auto& g : out) info.n += static_cast<long>(g.size());
  return out;
}

}  // namespace

AnovaResult one_way_anova(const std::vector<std::vector<double>>& input) {
  AnovaResult r;
  r.info.method = "One-way analysis of variance";
  r.info.variant = "equal variances (F test), eta squared = SS_between / SS_total";
  const auto groups = clean_groups(input, r.info);
  const double k = static_cast<double>(groups.size()), n = static_cast<double>(r.info.n);
  if (groups.size() < 2 || n <= k) {
    r.info.warn("too_few", "needs at least two non-empty groups and more observations than groups");
    return r;
  }
  double grand = 0;
  for (const auto& g : groups)
    for (double a : g) grand += a;
  grand /= n;
  double ssb = 0, ssw = 0;
  for (const auto& g : groups) {
    double m = 0;
    for (double a : g) m += a;
    m /= static_cast<double>(g.size());
    r.group_means.push_back(m);
    r.group_sizes.push_back(static_cast<long>(g.size()));
    ssb += static_cast<double>(g.size()) * (m - grand) * (m - grand);
    for (double a : g) ssw += (a - m) * (a - m);
  }
  r.ss_between = ssb;
  r.ss_within = ssw;
  r.df1 = k - 1;
  r.df2 = n - k;
  r.eta_squared = ssb / (ssb + ssw);
  if (!(ssw > 0)) {
    r.info.warn("no_within_variance", "no variation within groups: F is undefined");
    return r;
  }
  r.f = (ssb / r.df1) / (ssw / r.df2);
  r.p_value = f_upper(r.f, r.df1, r.df2);
  return r;
}

KruskalWallisResult kruskal_wallis(const std::vector<std::vector<double>>& input) {
  KruskalWallisResult r;
  r.info.method = "Kruskal-Wallis rank sum test";
  r.info.variant = "chi-squared approximation with ties correction, as R kruskal.test";
  const auto groups = clean_groups(input, r.info);
  if (groups.size() < 2) {
    r.info.warn("too_few", "needs at least two non-empty groups");
    return r;
  }
  // The mid-ranks, each group's rank sum and the tie groups, from one pass over the distinct values in ascending
  // order. Rank sums are sums of half-integers and sum(t^3 - t) a sum of integers, all far below 2^53, so they
  // are exact in any order: the same numbers as ranking the pooled values.
  WholeRange range;
  for (const auto& g : groups)
    for (double a : g) range.add(a);
  const double n = static_cast<double>(range.n);
  std::vector<double> rank_sum(groups.size(), 0.0);
  double ties = 0;  // ties correction: 1 - sum(t^3 - t) / (n^3 - n)
  if (range.countable()) {
    // Whole numbers in a narrow range: ties and mid-ranks by counting per value.
    std::vector<double> mid_rank(range.size(), 0.0);
    for (const auto& g : groups)
      for (double a : g) mid_rank[range.index(a)] += 1;  // the count t of each value, first
    double below = 0;
    for (double& r : mid_rank) {
      const double t = r;
      r = below + (t + 1) / 2;
      ties += t * t * t - t;
      below += t;
    }
    for (size_t k = 0; k < groups.size(); ++k)
      for (double a : groups[k]) rank_sum[k] += mid_rank[range.index(a)];
  } else {
    // One sort of (value, group) pairs.
    std::vector<std::pair<double, size_t>> sorted;
    for (size_t k = 0; k < groups.size(); ++k)
      for (double a : groups[k]) sorted.emplace_back(a, k);
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size();) {
      size_t j = i;
      while (j + 1 < sorted.size() && sorted[j + 1].first == sorted[i].first) ++j;
      const double r = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
      for (size_t k = i; k <= j; ++k) rank_sum[sorted[k].second] += r;
      const double t = static_cast<double>(j - i + 1);
      ties += t * t * t - t;
      i = j + 1;
    }
  }
  double s = 0;
  for (size_t k = 0; k < groups.size(); ++k) {
    const double rs = rank_sum[k];
    s += rs * rs / static_cast<double>(groups[k].size());
  }
  const double h = (12 * s / (n * (n + 1)) - 3 * (n + 1)) / (1 - ties / (n * n * n - n));
  r.df = static_cast<double>(groups.size()) - 1;
  if (!std::isfinite(h)) {
    r.info.warn("all_tied", "all observations are tied: the test is undefined");
    return r;
  }
  r.statistic = h;
  r.p_value = chisq_upper(h, r.df);
  return r;
}

}  // namespace zicht::stats
