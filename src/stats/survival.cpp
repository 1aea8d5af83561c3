#include "stats/survival.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_set>

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
  // A hash set of the values kept so far (was a linear scan: quadratic in the number of rows). Keys are
  // normalised with + 0.0 so that -0 and +0 count as equal, as == does; NaN is tracked separately.
  std::vector<double> xs, ys;
  std::unordered_set<double> kept;
  kept.reserve(y.size());
  bool nan_kept = false;
  for (size_t i = 0; i < y.size(); ++i) {
    bool dup;
    if (std::isnan(y[i])) {
      dup = nan_kept;
      nan_kept = true;
    } else {
      dup = !kept.insert(y[i] + 0.0).second;
    }
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

namespace {

// The product-limit estimate from distinct ascending times with their event and censoring counts (entries with
// neither are skipped); `km` already has method, variant, conf_level and any input warnings.
void fill_kaplan_meier(KaplanMeierResult& km, const std::vector<double>& times, const std::vector<long>& events,
                       const std::vector<long>& censored) {
  const double conf_level = km.conf_level;
  long at_risk = 0;
  for (size_t k = 0; k < times.size(); ++k) at_risk += events[k] + censored[k];
  km.info.n = at_risk;
  if (at_risk == 0) {
    km.info.warn("no_data", "no observations");
    return;
  }
  const double z = normal_quantile(1 - (1 - conf_level) / 2);
  double surv = 1, greenwood = 0;
  for (size_t k = 0; k < times.size(); ++k) {
    const long n_event = events[k], n_censor = censored[k];
    if (n_event == 0 && n_censor == 0) continue;
    KaplanMeierRow row;
    row.time = times[k];
    row.n_risk = at_risk;
    row.n_event = n_event;
    row.n_censor = n_censor;
    const double n = static_cast<double>(at_risk), d = static_cast<double>(n_event);
    if (d > 0) {
      surv *= (n - d) / n;
      greenwood += n > d ? d / (n * (n - d)) : kInf;
    }
    km.events += n_event;
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
    at_risk -= n_event + n_censor;
  }
  if (km.events == 0) km.info.warn("no_events", "every observation is censored: S(t) = 1 throughout");
  if (surv > 0.5) km.info.warn("median_not_reached", "survival stays above 50%: the median is not reached");
  km.median_log = median_from(km.rows, false);
  km.median_loglog = median_from(km.rows, true);
}

KaplanMeierResult km_start(double conf_level) {
  KaplanMeierResult km;
  km.info.method = "Kaplan-Meier estimate";
  km.info.variant = "Greenwood variance; CI on log scale (R default) and log-log scale";
  km.conf_level = conf_level;
  return km;
}

}  // namespace

KaplanMeierResult kaplan_meier(const std::vector<double>& time, const std::vector<bool>& event, double conf_level) {
  KaplanMeierResult km = km_start(conf_level);
  // Group equal times by a stable sort (was a std::map): a group's time is its first observation in input order,
  // as the map kept the first key inserted (matters only for -0 next to +0).
  struct Obs {
    double t;
    bool event;
  };
  std::vector<Obs> obs;
  const size_t m = std::min(time.size(), event.size());
  obs.reserve(m);
  size_t dropped = 0;
  for (size_t i = 0; i < m; ++i) {
    if (std::isnan(time[i])) {
      ++dropped;
      continue;
    }
    obs.push_back({time[i], event[i]});
  }
  std::stable_sort(obs.begin(), obs.end(), [](const Obs& a, const Obs& b) { return a.t < b.t; });
  std::vector<double> times;
  std::vector<long> events, censored;
  for (size_t i = 0; i < obs.size();) {
    size_t j = i;
    long e = 0, c = 0;
    for (; j < obs.size() && obs[j].t == obs[i].t; ++j) (obs[j].event ? e : c) += 1;
    times.push_back(obs[i].t);
    events.push_back(e);
    censored.push_back(c);
    i = j;
  }
  if (time.size() != event.size()) km.info.warn("length_mismatch", "time and status differ in length");
  if (dropped > 0) km.info.warn("missing_values", std::to_string(dropped) + " missing time(s) excluded");
  fill_kaplan_meier(km, times, events, censored);
  return km;
}

KaplanMeierResult kaplan_meier_counts(const std::vector<double>& times, const std::vector<long>& events,
                                      const std::vector<long>& censored, double conf_level) {
  KaplanMeierResult km = km_start(conf_level);
  const size_t k = std::min(times.size(), std::min(events.size(), censored.size()));
  if (k == times.size() && k == events.size() && k == censored.size()) {
    fill_kaplan_meier(km, times, events, censored);
    return km;
  }
  km.info.warn("length_mismatch", "times and counts differ in length");
  fill_kaplan_meier(km, std::vector<double>(times.begin(), times.begin() + long(k)),
                    std::vector<long>(events.begin(), events.begin() + long(k)),
                    std::vector<long>(censored.begin(), censored.begin() + long(k)));
  return km;
}

KaplanMeierResult kaplan_meier_days(const std::vector<int32_t>& event_days, const std::vector<int32_t>& censor_days,
                                    double days_per_month) {
  std::vector<double> times;
  std::vector<long> events, censored;
  int32_t hi = 0;
  for (int32_t x : event_days) hi = std::max(hi, x);
  for (int32_t x : censor_days) hi = std::max(hi, x);
  const size_t n = event_days.size() + censor_days.size();
  if (size_t(hi) <= 4 * n + 1024) {
    std::vector<std::array<long, 2>> count(size_t(hi) + 1, std::array<long, 2>{0, 0});
    for (int32_t x : event_days) ++count[size_t(x)][0];
    for (int32_t x : censor_days) ++count[size_t(x)][1];
    for (size_t k = 0; k < count.size(); ++k) {
      if (count[k][0] == 0 && count[k][1] == 0) continue;
      times.push_back(double(int32_t(k)) / days_per_month);
      events.push_back(count[k][0]);
      censored.push_back(count[k][1]);
    }
  } else {
    std::vector<int64_t> keyed;  // day * 2 + (0 = event, 1 = censored)
    keyed.reserve(n);
    for (int32_t x : event_days) keyed.push_back(int64_t(x) * 2);
    for (int32_t x : censor_days) keyed.push_back(int64_t(x) * 2 + 1);
    std::sort(keyed.begin(), keyed.end());
    for (size_t i = 0; i < keyed.size();) {
      const int64_t day = keyed[i] / 2;
      long e = 0, c = 0;
      for (; i < keyed.size() && keyed[i] / 2 == day; ++i) (keyed[i] % 2 ? c : e) += 1;
      times.push_back(double(int32_t(day)) / days_per_month);
      events.push_back(e);
      censored.push_back(c);
    }
  }
  return kaplan_meier_counts(times, events, censored);
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
