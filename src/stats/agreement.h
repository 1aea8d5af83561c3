// Agreement between two codings of the same items (zicht::stats).
//
// `cohen_kappa`: Cohen's kappa as psych::cohen.kappa(cbind(a, b), levels = 1:k) of psych 2.2.9 (Debian bookworm)
// computes it: the k × k table of proportions over the given ordered level set (levels that neither coder uses
// are kept as empty rows and columns, so they count in k), the observed agreement po (the trace), the chance
// agreement pc, unweighted kappa = (po − pc) / (1 − pc), weighted kappa with psych's default quadratic weights
// w_ij = 1 − (i − j)² / (k − 1)², psych's large-sample variances of both (var.kappa, var.weighted) and the
// confidence bounds psych prints, estimate ± qnorm(1 − alpha/2) · sqrt(variance) (alpha = .05 by default). As in
// psych, a negative or undefined variance is set to 0 (warning "no_variance") and bounds beyond ±1 are set to ±1
// (warning "bounds_clamped"). psych's weighted variance uses its own weighted row margin rs_i · Σ_j w_ij (see the
// .cpp); it is reproduced as is.
// Codes are 0-based level indices 0..k−1; an item where either code is negative or ≥ k is left out, as R's
// table() leaves out NA, with the warning "missing_values". With fewer than 2 levels or no items every number is
// NaN. psych divides by 1 − pc: when both coders use one and the same level throughout, kappa is NaN, as in R.
#pragma once

#include <cstddef>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct CohenKappaResult {
  ResultInfo info;
  size_t k = 0;      // number of levels
  long n_obs = 0;    // items coded by both
  std::vector<std::vector<long>> table;  // k × k counts, rows = coding a, columns = coding b
  double observed = kNaN;   // po: proportion of items with the same code
  double expected = kNaN;   // pc: chance agreement from the margins
  double kappa = kNaN, var_kappa = kNaN, lower = kNaN, upper = kNaN;
  double weighted_observed = kNaN, weighted_expected = kNaN;
  double weighted_kappa = kNaN, var_weighted = kNaN, weighted_lower = kNaN, weighted_upper = kNaN;
  double alpha = 0.05;
};

CohenKappaResult cohen_kappa(const std::vector<int>& a, const std::vector<int>& b, size_t k, double alpha = 0.05);

// psych's default weight between levels i and j (0-based) of k: 1 − (i − j)² / (k − 1)².
double quadratic_weight(size_t i, size_t j, size_t k);

}  // namespace zicht::stats
