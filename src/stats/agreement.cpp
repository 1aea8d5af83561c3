#include "stats/agreement.h"

#include <cmath>

#include "stats/distributions.h"

namespace zicht::stats {
namespace {

using Matrix = std::vector<std::vector<double>>;

// R's sum(), rowSums() and colSums() accumulate in long double: do the same so sums agree to the last digits.
using Acc = long double;

double sq(double v) { return v * v; }

}  // namespace

double quadratic_weight(size_t i, size_t j, size_t k) {
  if (k < 2) return kNaN;
  const double diff = std::fabs(static_cast<double>(j) - static_cast<double>(i));
  const double denom = static_cast<double>(k - 1);
  return 1.0 - std::pow(diff, 2.0) / std::pow(denom, 2.0);
}

CohenKappaResult cohen_kappa(const std::vector<int>& a, const std::vector<int>& b, size_t k, double alpha) {
  CohenKappaResult r;
  r.info.method = "Cohen's kappa";
  r.info.variant = "as psych::cohen.kappa: unweighted and quadratic weights 1 - (i - j)^2 / (k - 1)^2";
  r.k = k;
  r.alpha = alpha;
  r.table.assign(k, std::vector<long>(k, 0));
  if (a.size() != b.size()) {
    r.info.warn("invalid_input", "the two codings have different lengths");
    return r;
  }
  size_t dropped = 0;
  const auto valid = [k](int c) { return c >= 0 && static_cast<size_t>(c) < k; };
  for (size_t i = 0; i < a.size(); ++i) {
    if (!valid(a[i]) || !valid(b[i])) {
      ++dropped;
      continue;
    }
    ++r.table[static_cast<size_t>(a[i])][static_cast<size_t>(b[i])];
    ++r.n_obs;
  }
  if (dropped > 0)
    r.info.warn("missing_values", std::to_string(dropped) + " item(s) without a code in both codings left out");
  r.info.n = r.n_obs;
  if (k < 2 || r.n_obs == 0) {
    r.info.warn("too_few", "needs at least two levels and one item coded by both");
    return r;
  }

  const double tot = static_cast<double>(r.n_obs);
  Matrix x(k, std::vector<double>(k)), w(k, std::vector<double>(k));
  for (size_t i = 0; i < k; ++i)
    for (size_t j = 0; j < k; ++j) {
      x[i][j] = static_cast<double>(r.table[i][j]) / tot;
      w[i][j] = quadratic_weight(i, j, k);
    }
  std::vector<double> rs(k), cs(k);
  for (size_t i = 0; i < k; ++i) {
    Acc row = 0, col = 0;
    for (size_t j = 0; j < k; ++j) {
      row += x[i][j];
      col += x[j][i];
    }
    rs[i] = static_cast<double>(row);
    cs[i] = static_cast<double>(col);
  }
  // Sums in R's column-major order.
  Acc po_acc = 0, pc_acc = 0, wpo_acc = 0, wpc_acc = 0, trw = 0;
  for (size_t i = 0; i < k; ++i) {
    po_acc += x[i][i];
    pc_acc += rs[i] * cs[i];
    trw += w[i][i];
  }
  for (size_t j = 0; j < k; ++j)
    for (size_t i = 0; i < k; ++i) {
      wpo_acc += w[i][j] * x[i][j];
      wpc_acc += w[i][j] * (rs[i] * cs[j]);
    }
  const double po = static_cast<double>(po_acc), pc = static_cast<double>(pc_acc);
  const double wpo = static_cast<double>(wpo_acc), wpc = static_cast<double>(wpc_acc);
  r.observed = po;
  r.expected = pc;
  r.weighted_observed = wpo;
  r.weighted_expected = wpc;
  r.kappa = (po - pc) / (1 - pc);
  r.weighted_kappa = trw > 0 ? (wpo - wpc) / (1 - wpc) : 1 - wpo / wpc;

  // psych 2.2.9's weighted margins, as written there: colw = colSums(w * cs), i.e. colw[j] = sum_i w[i][j] cs[i],
  // but roww = rowSums(w * rs), i.e. roww[i] = rs[i] * sum_j w[i][j] (not the weighted margin sum_j w[i][j] cs[j]
  // of Fleiss, Cohen & Everitt 1969); kept so that the variance is psych's.
  std::vector<double> colw(k), roww(k);
  for (size_t j = 0; j < k; ++j) {
    Acc c = 0, rr = 0;
    for (size_t i = 0; i < k; ++i) {
      c += w[i][j] * cs[i];
      rr += w[j][i] * rs[j];
    }
    colw[j] = static_cast<double>(c);
    roww[j] = static_cast<double>(rr);
  }

  // psych's large-sample variance of kappa (Fleiss, Cohen & Everitt 1969).
  Acc diag_term = 0, all_term = 0, diag_all = 0;
  for (size_t i = 0; i < k; ++i) diag_term += x[i][i] * sq((1 - pc) - (rs[i] + cs[i]) * (1 - po));
  for (size_t j = 0; j < k; ++j)
    for (size_t i = 0; i < k; ++i) all_term += x[i][j] * sq(cs[i] + rs[j]);
  for (size_t i = 0; i < k; ++i) diag_all += x[i][i] * sq(cs[i] + rs[i]);
  r.var_kappa = (1 / (tot * std::pow(1 - pc, 4.0))) *
                (static_cast<double>(diag_term) +
                 std::pow(1 - po, 2.0) * (static_cast<double>(all_term) - static_cast<double>(diag_all)) -
                 std::pow(po * pc - 2 * pc + po, 2.0));
  Acc wsum = 0;
  for (size_t j = 0; j < k; ++j)
    for (size_t i = 0; i < k; ++i) wsum += x[i][j] * sq(w[i][j] * (1 - wpc) - (colw[i] + roww[j]) * (1 - wpo));
  r.var_weighted = (1 / (tot * std::pow(1 - wpc, 4.0))) *
                   (static_cast<double>(wsum) - std::pow(wpo * wpc - 2 * wpc + wpo, 2.0));

  // psych sets a negative or NA variance to 0 (its `bad` flag).
  for (double* v : {&r.var_kappa, &r.var_weighted}) {
    if (std::isnan(*v) || *v < 0) {
      *v = 0;
      r.info.warn("no_variance", "a variance came out negative or undefined and is set to 0, as psych does");
    }
  }
  const double z = normal_quantile(alpha / 2);  // negative
  r.lower = r.kappa + z * std::sqrt(r.var_kappa);
  r.upper = r.kappa - z * std::sqrt(r.var_kappa);
  r.weighted_lower = r.weighted_kappa + z * std::sqrt(r.var_weighted);
  r.weighted_upper = r.weighted_kappa - z * std::sqrt(r.var_weighted);
  // psych clamps the printed bounds to [-1, 1], with a warning.
  bool clamped = false;
  for (double* v : {&r.lower, &r.upper, &r.weighted_lower, &r.weighted_upper}) {
    if (*v > 1 || *v < -1) {
      *v = *v > 1 ? 1.0 : -1.0;
      clamped = true;
    }
  }
  if (clamped) r.info.warn("bounds_clamped", "a confidence bound beyond -1 or 1 is set to -1 or 1, as psych does");
  return r;
}

}  // namespace zicht::stats
