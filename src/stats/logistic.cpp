#include "stats/logistic.h"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

#include "stats/distributions.h"

namespace zicht::stats {
namespace {

// R's logit inverse link and its derivative (family.c): eta is clamped at +-30 so that mu stays inside
// (DBL_EPSILON, 1 - DBL_EPSILON) and mu.eta never underflows to 0; needed to follow R under separation.
constexpr double kEtaThreshold = 30.0;
double logit_inverse(double eta) {
  const double e = eta < -kEtaThreshold ? std::numeric_limits<double>::epsilon()
                   : eta > kEtaThreshold ? 1 / std::numeric_limits<double>::epsilon() : std::exp(eta);
  return e / (1 + e);
}
double logit_mu_eta(double eta) {
  if (eta > kEtaThreshold || eta < -kEtaThreshold) return std::numeric_limits<double>::epsilon();
  const double e = std::exp(eta);
  return e / ((1 + e) * (1 + e));
}

// Binomial deviance contribution of one 0/1 case: -2 log likelihood.
double unit_deviance(double y, double mu) {
  return y > 0.5 ? -2 * std::log(mu) : -2 * std::log1p(-mu);
}

// The fit on prepared data: x with the intercept column, y in {0, 1}, wt the frequency weight of each row (> 0;
// all 1 for unweighted data, where multiplying by 1 is exact, so the numbers are those of the unweighted
// algorithm); n_cases = the sum of wt, successes = the sum of wt * y.
void fit(LogisticResult& r, const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd& wt,
         double n_cases, double successes, const std::vector<std::string>& names, double conf_level) {
  const size_t p = static_cast<size_t>(x.cols());
  const Eigen::Index n = x.rows();
  if (n_cases <= static_cast<double>(p) || successes == 0 || successes == n_cases) {
    r.info.warn("too_few", "needs more cases than parameters and both outcomes present");
    return;
  }

  // IRLS exactly as glm.fit: start from mu = (y + 0.5) / 2.
  Eigen::VectorXd mu = (y.array() + 0.5) / 2.0;
  Eigen::VectorXd eta = (mu.array() / (1 - mu.array())).log().matrix();
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(p));
  double dev = 0;
  for (Eigen::Index i = 0; i < n; ++i) dev += wt(i) * unit_deviance(y(i), mu(i));
  Eigen::MatrixXd xtwx_last;
  bool rank_deficient = false;
  for (int iter = 1; iter <= 25; ++iter) {
    r.iterations = iter;
    const Eigen::ArrayXd var = mu.array() * (1 - mu.array());
    const Eigen::ArrayXd mu_eta = eta.unaryExpr([](double e) { return logit_mu_eta(e); }).array();
    const Eigen::VectorXd z = (eta.array() + (y.array() - mu.array()) / mu_eta).matrix();
    const Eigen::ArrayXd w = (wt.array() * mu_eta * mu_eta / var).sqrt();
    const Eigen::MatrixXd xw = x.array().colwise() * w;
    const Eigen::VectorXd zw = (z.array() * w).matrix();
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(xw);
    if (qr.rank() < static_cast<Eigen::Index>(p)) {
      rank_deficient = true;
      break;
    }
    beta = qr.solve(zw);
    xtwx_last = xw.transpose() * xw;
    eta = x * beta;
    mu = eta.unaryExpr([](double e) { return logit_inverse(e); });
    const double dev_old = dev;
    dev = 0;
    for (Eigen::Index i = 0; i < n; ++i) dev += wt(i) * unit_deviance(y(i), mu(i));
    if (std::fabs(dev - dev_old) / (std::fabs(dev) + 0.1) < 1e-8) {
      r.converged = true;
      break;
    }
  }
  if (rank_deficient) {
    r.info.warn("collinear", "predictors are collinear (design matrix not of full rank)");
    return;
  }
  if (!r.converged) r.info.warn("not_converged", "the IRLS algorithm did not converge in 25 iterations");
  const double eps10 = 10 * std::numeric_limits<double>::epsilon();
  bool boundary = false;
  for (Eigen::Index i = 0; i < n; ++i)
    if (mu(i) > 1 - eps10 || mu(i) < eps10) boundary = true;
  if (boundary) r.info.warn("fitted_probabilities_0_or_1", "fitted probabilities numerically 0 or 1 occurred");

  const Eigen::MatrixXd cov = xtwx_last.ldlt().solve(Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(p)));
  const double zcrit = normal_quantile(1 - (1 - conf_level) / 2);
  bool huge = false;
  for (size_t j = 0; j < p; ++j) {
    LogisticCoefficient c;
    c.name = j == 0 ? "(Intercept)" : (j - 1 < names.size() ? names[j - 1] : "x" + std::to_string(j));
    c.estimate = beta(static_cast<Eigen::Index>(j));
    c.std_error = std::sqrt(cov(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j)));
    c.z = c.estimate / c.std_error;
    c.p_value = 2 * normal_upper(std::fabs(c.z));
    c.odds_ratio = std::exp(c.estimate);
    c.or_lower = std::exp(c.estimate - zcrit * c.std_error);
    c.or_upper = std::exp(c.estimate + zcrit * c.std_error);
    if (j > 0 && (std::fabs(c.estimate) > 15 || c.std_error > 1e3)) huge = true;
    r.coefficients.push_back(c);
  }
  // Separation: maximum likelihood drives some fitted probabilities to 0/1 and coefficients to infinity.
  // Signs: fitted probabilities at the boundary, or non-convergence with exploding estimates / SEs.
  if (boundary || (huge && (!r.converged || r.iterations > 15)))
    r.info.warn("separation", "(quasi-)complete separation: estimates, SEs and odds ratios are not meaningful");

  r.minus2ll = dev;
  const double ybar = successes / n_cases;
  r.null_deviance = -2 * (successes * std::log(ybar) + (n_cases - successes) * std::log1p(-ybar));
  r.lr_chisq = r.null_deviance - dev;
  r.lr_df = static_cast<double>(p - 1);
  r.lr_p = chisq_upper(r.lr_chisq, r.lr_df);
  const double nn = n_cases;
  r.cox_snell_r2 = 1 - std::exp(-r.lr_chisq / nn);
  r.nagelkerke_r2 = r.cox_snell_r2 / (1 - std::exp(-r.null_deviance / nn));
}

// An empty result that names the method (both fits are the same method; weights only count rows).
LogisticResult described() {
  LogisticResult r;
  r.info.method = "Binary logistic regression";
  r.info.variant = "maximum likelihood by IRLS (as R glm, family = binomial); Wald tests and Wald CIs";
  return r;
}

}  // namespace

LogisticResult logistic_regression(const std::vector<double>& y_in, const std::vector<std::vector<double>>& predictors,
                                   const std::vector<std::string>& names, double conf_level) {
  LogisticResult r = described();
  const size_t p = predictors.size() + 1;
  std::vector<size_t> rows;
  size_t invalid = 0;
  for (size_t i = 0; i < y_in.size(); ++i) {
    bool ok = !std::isnan(y_in[i]);
    for (const auto& col : predictors) ok = ok && i < col.size() && !std::isnan(col[i]);
    if (ok && y_in[i] != 0 && y_in[i] != 1) {
      ++invalid;
      ok = false;
    }
    if (ok) rows.push_back(i);
  }
  if (rows.size() < y_in.size())
    r.info.warn("missing_values", std::to_string(y_in.size() - rows.size()) + " case(s) with missing or invalid values excluded");
  if (invalid > 0) r.info.warn("invalid_outcome", "outcome values other than 0/1 were excluded");
  const auto n = static_cast<Eigen::Index>(rows.size());
  r.info.n = static_cast<long>(n);
  Eigen::MatrixXd x(n, static_cast<Eigen::Index>(p));
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const size_t src = rows[static_cast<size_t>(i)];
    y(i) = y_in[src];
    x(i, 0) = 1.0;
    for (size_t j = 0; j + 1 < p; ++j) x(i, static_cast<Eigen::Index>(j + 1)) = predictors[j][src];
  }
  const double successes = y.sum();
  fit(r, x, y, Eigen::VectorXd::Ones(n), static_cast<double>(n), successes, names, conf_level);
  return r;
}

LogisticResult logistic_regression_weighted(const std::vector<double>& y_in,
                                            const std::vector<std::vector<double>>& predictors,
                                            const std::vector<double>& weights,
                                            const std::vector<std::string>& names, double conf_level) {
  LogisticResult r = described();
  const size_t p = predictors.size() + 1;
  std::vector<size_t> rows;
  double excluded = 0;
  bool invalid = false;
  for (size_t i = 0; i < y_in.size(); ++i) {
    const double w = i < weights.size() ? weights[i] : kNaN;
    if (!(w >= 0) || std::isinf(w)) {  // NaN, negative or infinite weight: the row is not usable
      excluded += 1;
      continue;
    }
    if (w == 0) continue;  // no cases
    bool ok = !std::isnan(y_in[i]);
    for (const auto& col : predictors) ok = ok && i < col.size() && !std::isnan(col[i]);
    if (ok && y_in[i] != 0 && y_in[i] != 1) {
      invalid = true;
      ok = false;
    }
    if (ok) rows.push_back(i);
    else excluded += w;
  }
  if (excluded > 0)
    r.info.warn("missing_values", std::to_string(static_cast<long>(excluded)) +
                                      " case(s) with missing or invalid values excluded");
  if (invalid) r.info.warn("invalid_outcome", "outcome values other than 0/1 were excluded");
  const auto n = static_cast<Eigen::Index>(rows.size());
  Eigen::MatrixXd x(n, static_cast<Eigen::Index>(p));
  Eigen::VectorXd y(n), wt(n);
  double n_cases = 0, successes = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const size_t src = rows[static_cast<size_t>(i)];
    y(i) = y_in[src];
    wt(i) = weights[src];
    n_cases += wt(i);
    successes += wt(i) * y(i);
    x(i, 0) = 1.0;
    for (size_t j = 0; j + 1 < p; ++j) x(i, static_cast<Eigen::Index>(j + 1)) = predictors[j][src];
  }
  r.info.n = static_cast<long>(n_cases);
  fit(r, x, y, wt, n_cases, successes, names, conf_level);
  return r;
}

}  // namespace zicht::stats
