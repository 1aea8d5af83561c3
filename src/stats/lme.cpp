#include "stats/lme.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <tuple>

#include <Eigen/Dense>
#include <boost/math/tools/minima.hpp>

#include "stats/distributions.h"

namespace zicht::stats {
namespace {

constexpr double kLog2Pi = 1.8378770664093454836;

// The log theta search range (theta = sd_random / sigma) and its grid step. Below e^-15 a variance component
// changes the log-likelihood by less than 1e-12 (it enters as theta²), so the lower end stands for theta = 0, which
// is evaluated exactly; a maximum at the upper end (residual variance driven to zero) is not an optimum.
constexpr double kLogThetaMin = -15, kLogThetaMax = 8, kGridStep = 0.5;
constexpr int kBrentBits = std::numeric_limits<double>::digits / 2;  // Brent's best: ~sqrt(eps) relative in x
constexpr std::uintmax_t kBrentMaxIter = 200;

// What the likelihood needs from the data, built once: Z'Z for Z = [X | y] and, per person (inner unit), its size
// and the column sums of Z, and the outer block it belongs to.
struct Design {
  int p = 0;                    // fixed-effect columns (intercept + k - 1 contrasts)
  long n = 0;
  Eigen::MatrixXd ztz;          // (p + 1) × (p + 1), y centred at its mean (column p)
  Eigen::MatrixXd sums;         // (p + 1) × persons
  Eigen::ArrayXd size;          // persons
  std::vector<int> block;       // persons: index of the outer block
  int n_blocks = 1;
  double y_mean = 0;
};

struct Fit {
  bool ok = false;
  double reml = -std::numeric_limits<double>::infinity();
  Eigen::MatrixXd a;            // X' V0^-1 X
  Eigen::VectorXd beta;         // y centred
  double rss = kNaN;            // r' V0^-1 r
};

// REML at a = theta_group², b = theta_outer²: V0 = I + a Z_person Z_person' + b Z_outer Z_outer'. Per person
// (I + a 11')^-1 = I - a w 11' with w = 1 / (1 + a n); per outer block the Woodbury update with c = sum n w and
// g = sum w s. M = Z' V0^-1 Z; its Cholesky gives X'V0^-1X, beta and the residual sum of squares.
Fit evaluate(const Design& d, double a, double b) {
  Eigen::MatrixXd m = d.ztz;
  double logdet = 0;
  const Eigen::ArrayXd w = 1 / (1 + a * d.size);
  if (a > 0) {
    m.noalias() -= (d.sums.array().rowwise() * (a * w).transpose()).matrix() * d.sums.transpose();
    logdet += (a * d.size).log1p().sum();
  }
  if (b > 0) {
    Eigen::ArrayXd c = Eigen::ArrayXd::Zero(d.n_blocks);
    Eigen::MatrixXd g = Eigen::MatrixXd::Zero(d.p + 1, d.n_blocks);
    for (Eigen::Index u = 0; u < d.sums.cols(); ++u) {
      const int j = d.block[static_cast<size_t>(u)];
      c(j) += d.size(u) * w(u);
      g.col(j) += w(u) * d.sums.col(u);
    }
    const Eigen::ArrayXd h = b / (1 + b * c);
    m.noalias() -= (g.array().rowwise() * h.transpose()).matrix() * g.transpose();
    logdet += (b * c).log1p().sum();
  }
  Fit f;
  Eigen::LLT<Eigen::MatrixXd> llt(m);
  if (llt.info() != Eigen::Success) return f;
  const Eigen::MatrixXd l = llt.matrixL();
  double logdet_a = 0;
  for (int i = 0; i < d.p; ++i) logdet_a += 2 * std::log(l(i, i));
  const double rss = l(d.p, d.p) * l(d.p, d.p);
  const double np = static_cast<double>(d.n - d.p);
  if (!(rss > 0) || !std::isfinite(logdet_a)) return f;
  f.ok = true;
  f.rss = rss;
  f.a = m.topLeftCorner(d.p, d.p);
  // M = L L': L11 L11' = X'V0^-1X and L11 L21' = X'V0^-1y, so beta = L11'^-1 L21'.
  f.beta = l.topLeftCorner(d.p, d.p).transpose().triangularView<Eigen::Upper>().solve(
      l.block(d.p, 0, 1, d.p).transpose());
  f.reml = -0.5 * (np * (kLog2Pi + 1 + std::log(rss / np)) + logdet + logdet_a);
  return f;
}

// Maximise g(log theta) over [kLogThetaMin, kLogThetaMax] and theta = 0: grid scan, then Brent on the bracket
// around the best grid point. Returns theta (0 at the boundary) and the maximum; `converged` false when the
// maximum is at the upper end or Brent ran out of iterations.
struct Max1 {
  double theta = 0, value = -std::numeric_limits<double>::infinity();
  bool converged = false, boundary = false;
  int iterations = 0;
};
template <class G>
Max1 maximise_log_theta(G g_of_theta) {
  Max1 r;
  const int steps = static_cast<int>(std::lround((kLogThetaMax - kLogThetaMin) / kGridStep));
  std::vector<double> grid(static_cast<size_t>(steps + 1));
  int best = 0;
  for (int i = 0; i <= steps; ++i) {
    grid[static_cast<size_t>(i)] = g_of_theta(std::exp(kLogThetaMin + i * kGridStep));
    if (grid[static_cast<size_t>(i)] > grid[static_cast<size_t>(best)]) best = i;
  }
  const double at_zero = g_of_theta(0.0);
  if (!std::isfinite(grid[static_cast<size_t>(best)]) && !std::isfinite(at_zero)) return r;
  if (best == steps) return r;  // theta -> infinity: the residual variance goes to zero
  const double lo = kLogThetaMin + std::max(best - 1, 0) * kGridStep;
  const double hi = kLogThetaMin + (best + 1) * kGridStep;
  std::uintmax_t iter = kBrentMaxIter;
  const auto found = boost::math::tools::brent_find_minima([&](double t) { return -g_of_theta(std::exp(t)); }, lo, hi,
                                                           kBrentBits, iter);
  r.iterations = static_cast<int>(iter);
  if (iter >= kBrentMaxIter) return r;
  r.converged = true;
  double t = found.first;
  r.value = -found.second;
  // The boundary: the maximum sits at the lower end (the likelihood still rising towards theta = 0), or theta = 0
  // itself is at least as good.
  if (at_zero >= r.value || (best == 0 && t < kLogThetaMin + kGridStep / 4)) {
    r.boundary = true;
    r.theta = 0;
    r.value = std::max(at_zero, r.value);
    return r;
  }
  // Brent stops at ~sqrt(eps) in t (the maximum is flat to first order). Polish with Newton steps on central
  // differences of g (h = 1e-5: rounding ~eps·|g|/h, truncation ~h²): the root of g' to ~1e-10 instead of 1e-8.
  constexpr double h = 1e-5;
  for (int step = 0; step < 3; ++step) {
    const double up = g_of_theta(std::exp(t + h)), mid = g_of_theta(std::exp(t)), down = g_of_theta(std::exp(t - h));
    const double d1 = (up - down) / (2 * h), d2 = (up - 2 * mid + down) / (h * h);
    if (!(d2 < 0) || !std::isfinite(d1)) break;
    const double move = -d1 / d2;
    if (std::fabs(move) > 1e-4) break;  // a polish, not a search
    t += move;
    if (std::fabs(move) < 1e-12) break;
  }
  r.value = g_of_theta(std::exp(t));
  r.theta = std::exp(t);
  return r;
}

// nlme's getFixDF for intercept + the k - 1 moment contrasts. strata: 0 = outermost grouping, ..., last = residual.
struct FixDf {
  std::vector<double> column;   // per fixed-effect column
  double intercept_term = kNaN, moment_term = kNaN;
};
FixDf fixed_df(const std::vector<long>& strata_df, const std::vector<int>& column_stratum) {
  FixDf out;
  std::vector<long> dfx = strata_df, dft = strata_df;
  int moment_stratum = 0;
  for (int s : column_stratum) {
    dfx[static_cast<size_t>(s)] -= 1;
    moment_stratum = std::max(moment_stratum, s);
  }
  dfx[0] -= 1;
  out.column.push_back(static_cast<double>(*std::max_element(dfx.begin(), dfx.end())));
  for (int s : column_stratum) out.column.push_back(static_cast<double>(dfx[static_cast<size_t>(s)]));
  if (!column_stratum.empty()) dft[static_cast<size_t>(moment_stratum)] -= static_cast<long>(column_stratum.size());
  dft[0] -= 1;
  out.intercept_term = static_cast<double>(*std::max_element(dft.begin(), dft.end()));
  if (!column_stratum.empty()) out.moment_term = static_cast<double>(dft[static_cast<size_t>(moment_stratum)]);
  return out;
}

LmeResult refuse(LmeResult r, const std::string& key, const std::string& text) {
  r.ok = false;
  r.error = key;
  r.info.warn(key, text);
  return r;
}

}  // namespace

LmeResult lme_random_intercept(const LmeInput& in) {
  LmeResult r;
  const size_t n = in.y.size();
  const int k = in.levels;
  const bool has_outer = !in.outer.empty();
  r.info.method = "Linear mixed model, REML (random intercept)";
  r.info.variant = has_outer ? "random = ~1 | outer/group" : "random = ~1 | group";
  r.n_obs = static_cast<long>(n);
  r.info.n = r.n_obs;
  if (in.level.size() != n || in.group.size() != n || (has_outer && in.outer.size() != n) || k < 1)
    return refuse(r, "invalid_input", "y, level, group (and outer) must have the same length; levels >= 1");
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(in.y[i]) || in.level[i] < 0 || in.level[i] >= k)
      return refuse(r, "invalid_input", "a response that is not a finite number or a level outside 0..levels-1");

  // Canonical order: by (outer, group, level, y), so the sums below do not depend on the input's row order.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  auto outer_of = [&](size_t i) { return has_outer ? in.outer[i] : 0; };
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return std::make_tuple(outer_of(x), in.group[x], in.level[x], in.y[x]) <
           std::make_tuple(outer_of(y), in.group[y], in.level[y], in.y[y]);
  });

  std::vector<long> level_count(static_cast<size_t>(k), 0);
  for (size_t i = 0; i < n; ++i) ++level_count[static_cast<size_t>(in.level[i])];
  for (int j = 0; j < k; ++j)
    if (level_count[static_cast<size_t>(j)] == 0)
      return refuse(r, "empty_level", "moment level " + std::to_string(j) + " has no observation");

  // Units (persons within outer groups) and outer blocks, in canonical order.
  std::vector<int> unit_of(n), block_of(n);
  std::vector<long> unit_size;
  std::vector<int> unit_block;
  int n_blocks = 0;
  for (size_t pos = 0; pos < n; ++pos) {
    const size_t i = order[pos];
    const bool new_block = pos == 0 || outer_of(i) != outer_of(order[pos - 1]);
    const bool new_unit = new_block || in.group[i] != in.group[order[pos - 1]];
    if (new_block) ++n_blocks;
    if (new_unit) {
      unit_size.push_back(0);
      unit_block.push_back(n_blocks - 1);
    }
    ++unit_size.back();
    unit_of[i] = static_cast<int>(unit_size.size()) - 1;
    block_of[i] = n_blocks - 1;
  }
  const long n_units = static_cast<long>(unit_size.size());
  r.n_groups = n_units;
  if (n_units < 2) return refuse(r, "too_few_groups", "fewer than two persons");
  if (std::none_of(unit_size.begin(), unit_size.end(), [](long s) { return s >= 2; }))
    return refuse(r, "no_replication", "no person has two or more observations");
  bool nested = has_outer && n_blocks >= 2;
  if (has_outer && !nested)
    r.info.warn("one_outer_group", "all observations are in one outer group: fitted without the outer random intercept");
  if (nested) {
    std::vector<int> units_per_block(static_cast<size_t>(n_blocks), 0);
    for (int b : unit_block) ++units_per_block[static_cast<size_t>(b)];
    if (std::none_of(units_per_block.begin(), units_per_block.end(), [](int c) { return c >= 2; }))
      return refuse(r, "no_replication", "no outer group has two or more persons: the two variances are not separable");
    r.n_outer = n_blocks;
    r.info.variant = "random = ~1 | outer/group";
  } else {
    r.info.variant = "random = ~1 | group";
  }

  // The design: intercept + treatment contrasts; y centred (only the intercept moves) for accurate sums.
  const int p = k;
  Design d;
  d.p = p;
  d.n = static_cast<long>(n);
  d.n_blocks = nested ? n_blocks : 1;
  for (size_t pos = 0; pos < n; ++pos) d.y_mean += in.y[order[pos]];
  d.y_mean /= static_cast<double>(n);
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), p + 1);
  for (size_t pos = 0; pos < n; ++pos) {
    const size_t i = order[pos];
    const auto row = static_cast<Eigen::Index>(pos);
    z(row, 0) = 1;
    if (in.level[i] > 0) z(row, in.level[i]) = 1;
    z(row, p) = in.y[i] - d.y_mean;
  }
  {
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(z.leftCols(p));
    if (qr.rank() < p) return refuse(r, "singular_fixed", "the fixed-effects design is rank deficient");
  }
  d.ztz = z.transpose() * z;
  d.sums = Eigen::MatrixXd::Zero(p + 1, n_units);
  d.size = Eigen::ArrayXd::Zero(n_units);
  d.block.assign(static_cast<size_t>(n_units), 0);
  for (long u = 0; u < n_units; ++u) {
    d.size(u) = static_cast<double>(unit_size[static_cast<size_t>(u)]);
    if (nested) d.block[static_cast<size_t>(u)] = unit_block[static_cast<size_t>(u)];
  }
  for (size_t pos = 0; pos < n; ++pos)
    d.sums.col(unit_of[order[pos]]) += z.row(static_cast<Eigen::Index>(pos)).transpose();

  // Optimise. Non-nested: one theta. Nested: the outer theta over the profile maximised over the person theta.
  double a = 0, b = 0;
  Max1 top;
  if (!nested) {
    top = maximise_log_theta([&](double th) { return evaluate(d, th * th, 0).reml; });
    a = top.theta * top.theta;
  } else {
    auto inner = [&](double th_outer) {
      return maximise_log_theta([&](double th) { return evaluate(d, th * th, th_outer * th_outer).reml; });
    };
    top = maximise_log_theta([&](double th_outer) { return inner(th_outer).value; });
    b = top.theta * top.theta;
    const Max1 person = inner(top.theta);
    if (!person.converged) top.converged = false;
    a = person.theta * person.theta;
    if (person.boundary) top.boundary = true;
  }
  r.iterations = top.iterations;
  if (!top.converged)
    return refuse(r, "not_converged", "the REML optimisation did not converge: no estimates are reported");
  const Fit f = evaluate(d, a, b);
  if (!f.ok) return refuse(r, "not_converged", "the REML fit at the optimum is degenerate");
  r.converged = true;
  r.boundary = top.boundary || a == 0 || (nested && b == 0);
  if (r.boundary) r.info.warn("boundary", "a variance component is estimated at zero (boundary of the parameter space)");

  const double np = static_cast<double>(d.n - p);
  const double sigma2 = f.rss / np;
  r.sigma = std::sqrt(sigma2);
  r.sd_group = r.sigma * std::sqrt(a);
  r.sd_outer = nested ? r.sigma * std::sqrt(b) : kNaN;
  r.loglik = f.reml;
  Eigen::VectorXd beta = f.beta;
  beta(0) += d.y_mean;
  const Eigen::LLT<Eigen::MatrixXd> llt_a(f.a);
  const Eigen::MatrixXd vcov = sigma2 * llt_a.solve(Eigen::MatrixXd::Identity(p, p));

  // Denominator df (nlme's getFixDF): the stratum of each contrast column is the innermost level within which it
  // varies: the residual stratum if it varies within some person, else the person stratum if it varies within some
  // outer group (nested), else the outermost stratum.
  std::vector<long> strata;  // outer (nested), person, residual
  if (nested) strata = {n_blocks, n_units - n_blocks, d.n - n_units};
  else strata = {n_units, d.n - n_units};
  const int residual = static_cast<int>(strata.size()) - 1;
  std::vector<int> column_stratum;
  for (int j = 1; j < k; ++j) {
    bool in_unit = false, in_block = false;
    for (size_t pos = 1; pos < n; ++pos) {
      const size_t i = order[pos], prev = order[pos - 1];
      const bool differs = (in.level[i] == j) != (in.level[prev] == j);
      if (!differs) continue;
      if (unit_of[i] == unit_of[prev]) in_unit = true;
      if (block_of[i] == block_of[prev]) in_block = true;
    }
    column_stratum.push_back(in_unit ? residual : (nested && in_block) ? 1 : 0);
  }
  const FixDf fdf = fixed_df(strata, column_stratum);

  for (int j = 0; j < p; ++j) {
    const double se = std::sqrt(vcov(j, j));
    const double t = beta(j) / se;
    r.beta.push_back(beta(j));
    r.se.push_back(se);
    r.df.push_back(fdf.column[static_cast<size_t>(j)]);
    r.t.push_back(t);
    r.p.push_back(2 * t_upper(std::fabs(t), fdf.column[static_cast<size_t>(j)]));
  }

  // anova(fit), type "sequential": c0 = R beta / sigma with R'R = X'V0^-1X (R upper triangular); F of a term is
  // the mean square of its rows of c0.
  const Eigen::MatrixXd upper = llt_a.matrixU();
  const Eigen::VectorXd c0 = upper * beta / r.sigma;
  LmeTerm intercept{"(Intercept)", 1, fdf.intercept_term, c0(0) * c0(0), kNaN};
  intercept.p = f_upper(intercept.f, 1, intercept.den_df);
  r.anova.push_back(intercept);
  if (k > 1) {
    LmeTerm moment{"moment", k - 1, fdf.moment_term, c0.tail(k - 1).squaredNorm() / (k - 1), kNaN};
    moment.p = f_upper(moment.f, k - 1, moment.den_df);
    r.anova.push_back(moment);
  }

  // Means per level with their CI.
  double df_moment = fdf.column[0];
  if (k > 1) {
    df_moment = fdf.column[1];
    for (int j = 2; j < k; ++j)
      if (fdf.column[static_cast<size_t>(j)] != df_moment) df_moment = fdf.moment_term;
  }
  r.df_moment = df_moment;
  const double q = t_quantile(0.975, df_moment);
  for (int j = 0; j < k; ++j) {
    Eigen::VectorXd l = Eigen::VectorXd::Zero(p);
    l(0) = 1;
    if (j > 0) l(j) = 1;
    const double mean = l.dot(beta), se = std::sqrt(l.dot(vcov * l));
    r.mean.push_back(mean);
    r.mean_se.push_back(se);
    r.mean_lower.push_back(mean - q * se);
    r.mean_upper.push_back(mean + q * se);
  }
  r.ok = true;
  return r;
}

}  // namespace zicht::stats
