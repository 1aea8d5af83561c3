// Binary logistic regression by iteratively reweighted least squares (zicht::stats).
//
// Matches R's glm(y ~ x1 + ..., family = binomial): same starting values ((y + 0.5) / 2), same convergence
// rule (|dev - dev_old| / (|dev| + 0.1) < 1e-8, at most 25 iterations) and the covariance from the last
// weighted least-squares step, as summary.glm. Reports coefficients with SE, Wald z and two-sided p, odds
// ratios with 95 % *Wald* intervals exp(b +- z SE) (R's confint.default; R's confint() would give profile
// likelihood intervals instead), -2 log likelihood (the residual deviance for 0/1 data), null deviance,
// the likelihood-ratio test against the intercept-only model and Nagelkerke's R².
// Warnings: "not_converged"; "fitted_probabilities_0_or_1" (R's warning); "separation" when the data are
// (quasi-)completely separated, so that estimates and SEs are meaningless.
#pragma once

#include <string>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct LogisticCoefficient {
  std::string name;
  double estimate = kNaN, std_error = kNaN, z = kNaN, p_value = kNaN;
  double odds_ratio = kNaN, or_lower = kNaN, or_upper = kNaN;  // Wald CI
};

struct LogisticResult {
  ResultInfo info;
  std::vector<LogisticCoefficient> coefficients;  // intercept first
  double minus2ll = kNaN, null_deviance = kNaN;
  double lr_chisq = kNaN, lr_df = kNaN, lr_p = kNaN;
  double cox_snell_r2 = kNaN, nagelkerke_r2 = kNaN;
  int iterations = 0;
  bool converged = false;
};

// predictors[j][i]: value of predictor j for case i; y[i] in {0, 1}. An intercept is added. Cases with a
// NaN anywhere are dropped. names: one per predictor (optional).
LogisticResult logistic_regression(const std::vector<double>& y, const std::vector<std::vector<double>>& predictors,
                                   const std::vector<std::string>& names = {}, double conf_level = 0.95);

// The same model with frequency weights: row i stands for weights[i] identical cases (R's glm with prior
// weights on grouped 0/1 data). Equal, up to rounding, to `logistic_regression` on the data with each row
// repeated weights[i] times: the same starting values per case, deviance, IRLS steps and convergence, and
// n = the number of cases (sum of weights). With few distinct (x, y) combinations this is O(k) per iteration
// instead of O(n). Rows with weight 0 are ignored; a NaN, negative or infinite weight excludes the row (counted
// as one case in the "missing_values" warning), as do missing values (counted with their weight).
LogisticResult logistic_regression_weighted(const std::vector<double>& y, const std::vector<std::vector<double>>& predictors,
                                            const std::vector<double>& weights,
                                            const std::vector<std::string>& names = {}, double conf_level = 0.95);

}  // namespace zicht::stats
