// Survival analysis with right censoring (zicht::stats).
//
// `kaplan_meier`: the product-limit estimate as R's survival::survfit(Surv(time, status) ~ 1): one row per
// distinct observed time (events and censorings), with number at risk, events, censorings, S(t), the
// Greenwood standard error of -log S (survfit's `std.err`; `std_err_surv` = S * std.err as summary()
// shows), and pointwise confidence intervals both with survfit's default "log" transform (upper bound
// capped at 1) and with "log-log". The median and its confidence limits follow survival's
// quantile.survfit / print.survfit: the time where S (or the lower / upper confidence curve) crosses 0.5,
// with the midpoint rule for a curve that is exactly 0.5 over an interval; NaN when not reached.
// `at_risk` gives the number at risk and S at chosen times (summary(fit, times = ...)).
// `log_rank`: the log-rank test for two or more groups, as survival::survdiff(rho = 0).
#pragma once

#include <cstdint>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct KaplanMeierRow {
  double time = 0;
  long n_risk = 0, n_event = 0, n_censor = 0;
  double surv = 1;
  double std_err = 0;       // Greenwood SE of -log S (survfit$std.err); +inf once S = 0
  double std_err_surv = 0;  // S * std_err
  double lower = kNaN, upper = kNaN;                // "log" CI (R default)
  double lower_loglog = kNaN, upper_loglog = kNaN;  // "log-log" CI
};

struct MedianWithCi {
  double median = kNaN, lower = kNaN, upper = kNaN;
};

struct KaplanMeierResult {
  ResultInfo info;
  std::vector<KaplanMeierRow> rows;
  long events = 0;
  double conf_level = 0.95;
  MedianWithCi median_log, median_loglog;  // median with limits from the log / log-log curves
};

// time[i] >= 0; event[i] true for an event, false for right censoring. NaN times are dropped.
KaplanMeierResult kaplan_meier(const std::vector<double>& time, const std::vector<bool>& event,
                               double conf_level = 0.95);

// The same estimate from grouped data: distinct times in strictly ascending order (no NaN), each with its
// number of events and of censorings (entries with neither are skipped). Equal, number for number, to
// `kaplan_meier` on the expanded observations; O(k) for k times, so callers with integer-valued times (days) can
// count instead of sorting.
KaplanMeierResult kaplan_meier_counts(const std::vector<double>& times, const std::vector<long>& events,
                                      const std::vector<long>& censored, double conf_level = 0.95);

// kaplan_meier_counts from whole days >= 0 (events, censorings) with times shown as days / days_per_month: the
// numbers of kaplan_meier on those times, by counting per day (sorting when the range is wide).
KaplanMeierResult kaplan_meier_days(const std::vector<int32_t>& event_days, const std::vector<int32_t>& censor_days,
                                    double days_per_month);

struct AtRisk {
  double time = 0;
  long n_risk = 0;
  double surv = 1;
};

// Number still at risk (time >= t) and S(t) at each requested time, as summary(fit, times = t).
std::vector<AtRisk> at_risk(const KaplanMeierResult& km, const std::vector<double>& times);

struct LogRankResult {
  ResultInfo info;
  double statistic = kNaN, df = kNaN, p_value = kNaN;
  std::vector<long> group_n;
  std::vector<double> observed, expected;
};

// group[i] in 0..k-1. Groups without observations are ignored.
LogRankResult log_rank(const std::vector<double>& time, const std::vector<bool>& event, const std::vector<int>& group);

}  // namespace zicht::stats
