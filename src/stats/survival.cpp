#include "stats/survival.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>
#include <numeric>

#include <Eigen/Dense>

#include "stats/distributions.h"

namespace zicht::stats {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// survival:::findq on the curve (x, y) with y = 1 - S: the first time S <= p within `tol`, averaged with the
// first time S < p - tol, so that a curve that sits exactly at p over an interval gives the interval's
// midpoint. NaN points (undefined confidence limits) are ignored, as R's approx() does.
double find_quantile(std::vector<double> x, std::vector<double> y, double p, double tol) {
  double ymax = -kInf;
  for (double v : y)
    if (!std::isnan(v)) ymax = std::max(ymax, v);
  if (ymax < p) return kNaN;
  const double xmax = x.back();
  // Drop repeated y values (censorings), keeping the first, as duplicated() does (NaN equals NaN there).
  // A hash set instead of a scan of the kept values: KM curves of large files have thousands of distinct times.
  // std::hash<double> hashes 0.0 and -0.0 alike, so "equal" is ==, as in the scan; NaN is tracked apart.
  std::vector<double> xs, ys;
  std::unordered_set<double> seen;
  bool seen_nan = false;
  for (size_t i = 0; i < y.size(); ++i) {
    const bool dup = std::isnan(y[i]) ? seen_nan : !seen.insert(y[i]).second;
    if (std::isnan(y[i])) seen_nan = true;
    if (!dup) {
      xs.push_back(x[i]);
      ys.push_back(y[i]);
    }
  }
  const auto first_at_least = [&](double shift) -> long {
    // approx(y + shift, 1:n, p, method = "constant", f = 1): first index whose shifted y reaches p; NA when p
    // is outside the range of the (non-NaN) shifted values.
    double lo = kInf, hi = -kInf;
    for (double v : ys)
      if (!std::isnan(v)) {
        lo = std::min(lo, v + shift);
        hi = std::max(hi, v + shift);
      }
    if (p < lo || p > hi) return -1;
    for (size_t i = 0; i < ys.size(); ++i)
      if (!std::isnan(ys[i]) && ys[i] + shift >= p) return static_cast<long>(i);
    return -1;
  };
  const long i1 = first_at_least(tol), i2 = first_at_least(-tol);
  double q = (i1 >= 0 && i2 >= 0) ? (xs[static_cast<size_t>(i1)] + xs[static_cast<size_t>(i2)]) / 2 : kNaN;
  if (p == 0) q = xs[0];
  const double ylast = ys.back();
  if (!std::isnan(ylast) && std::fabs(p - ylast) < tol && i1 >= 0) q = (xs[static_cast<size_t>(i1)] + xmax) / 2;
  return q;
}

MedianWithCi median_from(const std::vector<KaplanMeierRow>& rows, bool loglog) {
  std::vector<double> x{0.0}, ys{0.0}, yl{0.0}, yu{0.0};
  for (const auto& r : rows) {
    x.push_back(r.time);
    ys.push_back(1 - r.surv);
    yl.push_back(1 - (loglog ? r.lower_loglog : r.lower));
    yu.push_back(1 - (loglog ? r.upper_loglog : r.upper));
  }
  const double tol = std::sqrt(std::numeric_limits<double>::epsilon());
  MedianWithCi m;
  if (rows.empty()) return m;
  m.median = find_quantile(x, ys, 0.5, tol);
  m.lower = find_quantile(x, yl, 0.5, tol);
  m.upper = find_quantile(x, yu, 0.5, tol);
  return m;
}

}  // namespace

KaplanMeierResult kaplan_meier(const std::vector<double>& time, const std::vector<bool>& event, double conf_level) {
  KaplanMeierResult km;
  km.info.method = "Kaplan-Meier estimate";
  km.info.variant = "Greenwood variance; CI on log scale (R default) and log-log scale";
  km.conf_level = conf_level;
  std::map<double, std::pair<long, long>> by_time;  // time -> (events, censored)
  size_t dropped = 0;
  for (size_t i = 0; i < time.size() && i < event.size(); ++i) {
    if (std::isnan(time[i])) {
      ++dropped;
      continue;
    }
    auto& slot = by_time[time[i]];
    if (event[i]) ++slot.first;
    else ++slot.second;
  }
  if (time.size() != event.size()) km.info.warn("length_mismatch", "time and status differ in length");
  if (dropped > 0) km.info.warn("missing_values", std::to_string(dropped) + " missing time(s) excluded");
  long at_risk = 0;
  for (const auto& kv : by_time) at_risk += kv.second.first + kv.second.second;
  km.info.n = at_risk;
  if (at_risk == 0) {
    km.info.warn("no_data", "no observations");
    return km;
  }
  const double z = normal_quantile(1 - (1 - conf_level) / 2);
  double surv = 1, greenwood = 0;
  for (const auto& [t, counts] : by_time) {
    KaplanMeierRow row;
    row.time = t;
    row.n_risk = at_risk;
    row.n_event = counts.first;
    row.n_censor = counts.second;
    const double n = static_cast<double>(at_risk), d = static_cast<double>(counts.first);
    if (d > 0) {
      surv *= (n - d) / n;
      greenwood += n > d ? d / (n * (n - d)) : kInf;
    }
    km.events += counts.first;
    row.surv = surv;
    row.std_err = std::sqrt(greenwood);
    row.std_err_surv = surv > 0 ? surv * row.std_err : 0.0;
    if (surv > 0) {
      // log: exp(log S -+ z se), upper capped at 1 (survfit_confint, ulimit = TRUE).
      row.lower = std::exp(std::log(surv) - z * row.std_err);
      row.upper = std::min(std::exp(std::log(surv) + z * row.std_err), 1.0);
      if (surv < 1) {
        const double shift = z * row.std_err / std::log(surv);
        row.lower_loglog = std::exp(-std::exp(std::log(-std::log(surv)) - shift));
        row.upper_loglog = std::exp(-std::exp(std::log(-std::log(surv)) + shift));
      }
    }
    km.rows.push_back(row);
    at_risk -= counts.first + counts.second;
  }
  if (km.events == 0) km.info.warn("no_events", "every observation is censored: S(t) = 1 throughout");
  if (surv > 0.5) km.info.warn("median_not_reached", "survival stays above 50%: the median is not reached");
  km.median_log = median_from(km.rows, false);
  km.median_loglog = median_from(km.rows, true);
  return km;
}

std::vector<AtRisk> at_risk(const KaplanMeierResult& km, const std::vector<double>& times) {
  std::vector<AtRisk> out;
  for (double t : times) {
    AtRisk a;
    a.time = t;
    a.n_risk = 0;
    a.surv = 1;
    for (const auto& r : km.rows) {
      if (r.time <= t) a.surv = r.surv;
      if (r.time >= t) {
        // Everyone with an observed time >= t is still at risk at t.
        a.n_risk = r.n_risk;
        break;
      }
    }
    out.push_back(a);
  }
  return out;
}

LogRankResult log_rank(const std::vector<double>& time, const std::vector<bool>& event, const std::vector<int>& group) {
  LogRankResult r;
  r.info.method = "Log-rank test";
  r.info.variant = "Mantel-Haenszel (rho = 0), as survival::survdiff";
  std::map<int, size_t> index;
  for (size_t i = 0; i < time.size() && i < event.size() && i < group.size(); ++i)
    if (!std::isnan(time[i]) && group[i] >= 0) index.emplace(group[i], 0);
  size_t k = 0;
  for (auto& kv : index) kv.second = k++;
  r.group_n.assign(k, 0);
  r.observed.assign(k, 0);
  r.expected.assign(k, 0);
  if (k < 2) {
    r.info.warn("too_few_groups", "needs at least two groups with observations");
    return r;
  }
  // Per distinct time: deaths and numbers leaving, by group.
  struct Obs {
    double t;
    size_t g;
    bool event;
  };
  std::vector<Obs> obs;
  for (size_t i = 0; i < time.size() && i < event.size() && i < group.size(); ++i)
    if (!std::isnan(time[i]) && group[i] >= 0) obs.push_back({time[i], index[group[i]], event[i]});
  std::sort(obs.begin(), obs.end(), [](const Obs& a, const Obs& b) { return a.t < b.t; });
  r.info.n = static_cast<long>(obs.size());
  std::vector<double> risk(k, 0);
  for (const auto& o : obs) {
    risk[o.g] += 1;
    r.group_n[o.g] += 1;
  }
  Eigen::MatrixXd v = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
  for (size_t i = 0; i < obs.size();) {
    size_t j = i;
    std::vector<double> deaths(k, 0), leaving(k, 0);
    while (j < obs.size() && obs[j].t == obs[i].t) {
      leaving[obs[j].g] += 1;
      if (obs[j].event) deaths[obs[j].g] += 1;
      ++j;
    }
    const double n = std::accumulate(risk.begin(), risk.end(), 0.0);
    const double d = std::accumulate(deaths.begin(), deaths.end(), 0.0);
    if (d > 0) {
      // Hypergeometric variance of the deaths split over groups; 0 when everyone at risk dies (n = d).
      const double factor = n > 1 ? d * (n - d) / (n - 1) : 0.0;
      for (size_t a = 0; a < k; ++a) {
        r.observed[a] += deaths[a];
        r.expected[a] += d * risk[a] / n;
        for (size_t b = 0; b < k; ++b) {
          const double cov = (a == b ? risk[a] / n * (1 - risk[a] / n) : -risk[a] * risk[b] / (n * n));
          v(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) += factor * cov;
        }
      }
    }
    for (size_t g = 0; g < k; ++g) risk[g] -= leaving[g];
    i = j;
  }
  // Drop the last group (the variance matrix has rank k - 1) and solve.
  const Eigen::Index m = static_cast<Eigen::Index>(k) - 1;
  Eigen::VectorXd diff(m);
  for (Eigen::Index a = 0; a < m; ++a) diff(a) = r.observed[static_cast<size_t>(a)] - r.expected[static_cast<size_t>(a)];
  const Eigen::MatrixXd vs = v.topLeftCorner(m, m);
  Eigen::FullPivLU<Eigen::MatrixXd> lu(vs);
  const double eventsTotal = std::accumulate(r.observed.begin(), r.observed.end(), 0.0);
  if (eventsTotal == 0 || lu.rank() < m) {
    r.info.warn("no_information", "no events, or no variance: the test is undefined");
    r.df = static_cast<double>(lu.rank());
    if (eventsTotal == 0) return r;
  }
  if (lu.rank() == m) {
    r.statistic = diff.dot(lu.solve(diff));
    r.df = static_cast<double>(m);
    r.p_value = chisq_upper(r.statistic, r.df);
  }
  return r;
}

}  // namespace zicht::stats
