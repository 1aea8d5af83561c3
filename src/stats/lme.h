// Random-intercept linear mixed model, fitted by REML (zicht::stats).
//
// `lme_random_intercept` is nlme::lme(score ~ factor(moment), random = ~1 | persoon, method = "REML") and, with
// an outer grouping, random = ~1 | traject/persoon (nlme 3.1-162, R 4.2.2), with anova(fit) as nlme computes it by
// default: sequential F tests (intercept first) on the Cholesky-transformed fixed effects, and nlme's getFixDF
// denominator df: every fixed-effect column is assigned to the innermost stratum in which it varies (a moment
// column that never varies within a person goes to the person stratum, or to the outer one), the strata's df
// are the group counts differenced (outer: n_outer; person: n_persons - n_outer; residual: N - n_persons), less
// the columns estimated there and the intercept, which gets the largest df left.
//
// The variance components are profiled out: with theta = sd_random / sigma the REML log-likelihood depends only
// on theta (two of them when nested), computed in closed form from per-person and per-trajectory sums
// (Sherman–Morrison per person, Woodbury per trajectory), so a fit costs O(persons · k²) per evaluation. log theta
// is optimised by a grid scan (step 0.5 over [-15, 8]) and Brent's method on the bracket around the best grid
// point, polished by Newton steps on central differences (log theta to ~1e-10); theta = 0 (the boundary, a
// variance estimated at zero) is compared explicitly, and a maximum at the top of the range (the residual
// variance driven to zero) is reported as "not_converged". Nested: the same 1-D search over the outer
// theta of the profile that maximises over the person theta. nlme stops at a tiny positive SD where the maximum
// is at zero; Zicht reports 0 and `boundary` (the fixed effects, F and p agree with nlme's to O(sd²)).
//
// The result is invariant under permutation of the input rows (observations are processed in a canonical
// order, so even the rounding is the same).
#pragma once

#include <string>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct LmeInput {
  std::vector<double> y;        // responses (no NaN: the caller drops them)
  std::vector<int> level;       // moment level per observation, 0..levels-1; level 0 is the reference (treatment contrasts)
  std::vector<int> group;       // innermost grouping (person) per observation, any ints (ids)
  std::vector<int> outer;       // optional outer grouping (trajectory) per observation; empty = one level.
                                // (outer, group) is the inner unit, as nlme's ~1 | traject/persoon makes it.
  int levels = 0;               // number of moment levels (k); a level without any observation is an error
};

struct LmeTerm {
  std::string name;             // "(Intercept)", "moment"
  int num_df = 0;
  double den_df = kNaN, f = kNaN, p = kNaN;
};

struct LmeResult {
  ResultInfo info;              // method line, warnings (codes: the error keys, "boundary", "one_outer_group")
  bool ok = false;              // false: not fitted; `error` says why in a stable key
  std::string error;            // "too_few_groups", "no_replication", "empty_level", "not_converged", "singular_fixed",
                                // "invalid_input" (lengths differ, a NaN response, a level out of range)
  bool converged = false;
  int iterations = 0;           // Brent iterations of the outermost search
  bool boundary = false;        // a variance component estimated at (numerically) zero
  std::vector<double> beta, se, df, t, p;  // fixed effects: (Intercept), then level 1..k-1 contrasts vs level 0
  std::vector<LmeTerm> anova;   // anova(fit): "(Intercept)", "moment" (no "moment" row when levels == 1)
  double sigma = kNaN;          // residual SD
  double sd_group = kNaN;       // SD of the person random intercept
  double sd_outer = kNaN;       // SD of the outer (trajectory) random intercept; NaN without nesting
  double loglik = kNaN;         // REML log-likelihood as logLik(fit)
  // Estimated mean per level (L beta, L = [1, e_j]), its SE sqrt(L V L') and the 95 % CI mean ± qt(0.975, df_moment)
  // · se; df_moment is the DF of the moment coefficients, or the moment term's denominator df when nlme gives
  // those coefficients different DFs (a level seen only in persons without any other observation).
  std::vector<double> mean, mean_se, mean_lower, mean_upper;
  double df_moment = kNaN;
  long n_obs = 0, n_groups = 0, n_outer = 0;  // n_outer = 0 without nesting
};

LmeResult lme_random_intercept(const LmeInput& in);

}  // namespace zicht::stats
