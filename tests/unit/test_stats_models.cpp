// Golden tests for src/stats/logistic (glm(family = binomial)) and src/stats/survival (survfit,
// quantile.survfit, summary(times =), survdiff); the day-based summaries and Kaplan–Meier against the month-based
// reference.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "../reference/golden_helpers.h"
#include "core/table.h"
#include "stats/logistic.h"
#include "stats/summary.h"
#include "stats/survival.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-9;
// IRLS stops at R's deviance criterion (1e-8 relative change), so both programs carry the same iteration
// error only if every floating-point step matches; we allow 1e-6 relative for the iterative fit.
static constexpr double kIrlsTol = 1e-6;

TEST_CASE("logistic regression matches glm(family = binomial)") {
  for (const auto& g : golden::data()["logistic"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    std::vector<std::vector<double>> x;
    for (const auto& col : g["X"]) x.push_back(vec(col));
    std::vector<std::string> names;
    for (const auto& s : g["names"]) names.push_back(s.get<std::string>());
    const LogisticResult r = logistic_regression(vec(g["y"]), x, names);
    if (name == "perfect_separation" || name == "quasi_separation") {
      // R: "fitted probabilities numerically 0 or 1 occurred"; estimates diverge (R stops wherever its
      // deviance criterion is met), so only the flags and the limiting deviance are compared.
      CHECK(r.info.has_warning("separation"));
      CHECK(r.info.has_warning("fitted_probabilities_0_or_1"));
      CHECK(g["warnings"].get<std::string>().find("fitted probabilities numerically 0 or 1") != std::string::npos);
      CHECK_NEAR_ABS(r.minus2ll, num(g["deviance"]), 1e-6, 1e-6);
      CHECK_NEAR_REL(r.null_deviance, num(g["null_deviance"]), kTol);
      continue;
    }
    CHECK_FALSE(r.info.has_warning("separation"));
    CHECK(r.converged);
    CHECK(r.iterations == g["iterations"].get<int>());
    const auto est = vec(g["estimate"]), se = vec(g["se"]), z = vec(g["z"]), p = vec(g["p"]);
    const auto lo = vec(g["or_lower"]), hi = vec(g["or_upper"]);
    REQUIRE(r.coefficients.size() == est.size());
    for (size_t j = 0; j < est.size(); ++j) {
      INFO("coefficient " << r.coefficients[j].name);
      CHECK_NEAR_REL(r.coefficients[j].estimate, est[j], kIrlsTol);
      CHECK_NEAR_REL(r.coefficients[j].std_error, se[j], kIrlsTol);
      CHECK_NEAR_REL(r.coefficients[j].z, z[j], kIrlsTol);
      CHECK_NEAR_REL(r.coefficients[j].p_value, p[j], kIrlsTol);
      CHECK_NEAR_REL(r.coefficients[j].or_lower, lo[j], kIrlsTol);
      CHECK_NEAR_REL(r.coefficients[j].or_upper, hi[j], kIrlsTol);
    }
    CHECK_NEAR_REL(r.minus2ll, num(g["deviance"]), kIrlsTol);
    CHECK_NEAR_REL(r.null_deviance, num(g["null_deviance"]), kTol);
    CHECK_NEAR_REL(r.lr_chisq, num(g["lr_chisq"]), kIrlsTol);
    CHECK(r.lr_df == num(g["lr_df"]));
    CHECK_NEAR_REL(r.lr_p, num(g["lr_p"]), kIrlsTol);
    CHECK_NEAR_REL(r.nagelkerke_r2, num(g["nagelkerke"]), kIrlsTol);
  }
  CHECK(logistic_regression({1, 1, 1, 1}, {{1, 2, 3, 4}}).info.has_warning("too_few"));
}

TEST_CASE("Kaplan-Meier matches survfit point by point, with log and log-log CIs and the median") {
  for (const auto& g : golden::data()["kaplan_meier"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const auto t = vec(g["time"]);
    std::vector<bool> ev;
    for (double s : vec(g["status"])) ev.push_back(s == 1);
    const KaplanMeierResult km = kaplan_meier(t, ev);
    const auto times = vec(g["out_time"]);
    REQUIRE(km.rows.size() == times.size());
    const auto nr = vec(g["n_risk"]), ne = vec(g["n_event"]), nc = vec(g["n_censor"]), s = vec(g["surv"]);
    const auto se = vec(g["std_err"]), lo = vec(g["lower"]), up = vec(g["upper"]);
    const auto lol = vec(g["lower_loglog"]), upl = vec(g["upper_loglog"]);
    for (size_t i = 0; i < times.size(); ++i) {
      INFO("row " << i << " time " << times[i]);
      CHECK_NEAR_REL(km.rows[i].time, times[i], kTol);
      CHECK(km.rows[i].n_risk == static_cast<long>(nr[i]));
      CHECK(km.rows[i].n_event == static_cast<long>(ne[i]));
      CHECK(km.rows[i].n_censor == static_cast<long>(nc[i]));
      CHECK_NEAR_REL(km.rows[i].surv, s[i], kTol);
      // R stores std.err = Inf once S = 0 (JSON null): Zicht has +inf there.
      if (std::isnan(se[i])) CHECK(std::isinf(km.rows[i].std_err));
      else CHECK_NEAR_REL(km.rows[i].std_err, se[i], kTol);
      CHECK_NEAR_REL(km.rows[i].lower, lo[i], kTol);
      CHECK_NEAR_REL(km.rows[i].upper, up[i], kTol);
      CHECK_NEAR_REL(km.rows[i].lower_loglog, lol[i], kTol);
      CHECK_NEAR_REL(km.rows[i].upper_loglog, upl[i], kTol);
    }
    CHECK_NEAR_REL(km.median_log.median, num(g["median"]), kTol);
    CHECK_NEAR_REL(km.median_log.lower, num(g["median_lower"]), kTol);
    CHECK_NEAR_REL(km.median_log.upper, num(g["median_upper"]), kTol);
    CHECK_NEAR_REL(km.median_loglog.lower, num(g["median_loglog_lower"]), kTol);
    CHECK_NEAR_REL(km.median_loglog.upper, num(g["median_loglog_upper"]), kTol);
    // print.survfit shows the same median and limits.
    CHECK_NEAR_REL(km.median_log.median, num(g["print_median"]), kTol);
    CHECK_NEAR_REL(km.median_log.lower, num(g["print_lcl"]), kTol);
    CHECK_NEAR_REL(km.median_log.upper, num(g["print_ucl"]), kTol);
    if (g.contains("at_times")) {
      const auto at = at_risk(km, vec(g["at_times"]));
      const auto anr = vec(g["at_n_risk"]), asv = vec(g["at_surv"]);
      for (size_t i = 0; i < at.size(); ++i) {
        INFO("at time " << at[i].time);
        CHECK(at[i].n_risk == static_cast<long>(anr[i]));
        CHECK_NEAR_REL(at[i].surv, asv[i], kTol);
      }
    }
    if (name == "all_censored") {
      CHECK(km.info.has_warning("no_events"));
      CHECK(km.info.has_warning("median_not_reached"));
    }
  }
}

TEST_CASE("Kaplan-Meier with ties and censoring: spot values") {
  const auto& g = golden::named(golden::data()["kaplan_meier"], "ties_and_censoring");
  std::vector<bool> ev;
  for (double s : vec(g["status"])) ev.push_back(s == 1);
  const KaplanMeierResult km = kaplan_meier(vec(g["time"]), ev);
  // Time 3: 22 at risk, 2 events and 1 censoring (the same row survfit reports).
  CHECK(km.rows[2].time == 3);
  CHECK(km.rows[2].n_risk == 22);
  CHECK(km.rows[2].n_event == 2);
  CHECK(km.rows[2].n_censor == 1);
  CHECK(km.median_log.median == 12);
  CHECK(km.median_log.lower == 8);
  CHECK(std::isnan(km.median_log.upper));
}

TEST_CASE("log-rank test matches survdiff") {
  for (const auto& g : golden::data()["log_rank"]) {
    INFO("case " << g["name"].get<std::string>());
    std::vector<bool> ev;
    for (double s : vec(g["status"])) ev.push_back(s == 1);
    std::vector<int> grp;
    for (double v : vec(g["group"])) grp.push_back(static_cast<int>(v));
    const LogRankResult r = log_rank(vec(g["time"]), ev, grp);
    CHECK_NEAR_REL(r.statistic, num(g["chisq"]), kTol);
    CHECK(r.df == num(g["df"]));
    CHECK_NEAR_REL(r.p_value, num(g["p"]), kTol);
    const auto o = vec(g["observed"]), e = vec(g["expected"]), n = vec(g["n"]);
    for (size_t k = 0; k < o.size(); ++k) {
      CHECK_NEAR_REL(r.observed[k], o[k], kTol);
      CHECK_NEAR_REL(r.expected[k], e[k], kTol);
      CHECK(r.group_n[k] == static_cast<long>(n[k]));
    }
  }
  CHECK(log_rank({1, 2}, {true, true}, {0, 0}).info.has_warning("too_few_groups"));
}

// ---------------------------------------------------------------------------------------------------------------
// Fast paths against the reference paths on seeded random data.

namespace {

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void check_same_km(const KaplanMeierResult& a, const KaplanMeierResult& b) {
  REQUIRE(a.rows.size() == b.rows.size());
  CHECK(a.info.n == b.info.n);
  CHECK(a.events == b.events);
  for (size_t i = 0; i < a.rows.size(); ++i) {
    INFO("row " << i);
    const KaplanMeierRow &x = a.rows[i], &y = b.rows[i];
    CHECK(x.time == y.time);
    CHECK(x.n_risk == y.n_risk);
    CHECK(x.n_event == y.n_event);
    CHECK(x.n_censor == y.n_censor);
    CHECK(same(x.surv, y.surv));
    CHECK(same(x.std_err, y.std_err));
    CHECK(same(x.std_err_surv, y.std_err_surv));
    CHECK(same(x.lower, y.lower));
    CHECK(same(x.upper, y.upper));
    CHECK(same(x.lower_loglog, y.lower_loglog));
    CHECK(same(x.upper_loglog, y.upper_loglog));
  }
  for (const auto* m : {&a.median_log, &a.median_loglog}) {
    const auto* o = m == &a.median_log ? &b.median_log : &b.median_loglog;
    CHECK(same(m->median, o->median));
    CHECK(same(m->lower, o->lower));
    CHECK(same(m->upper, o->upper));
  }
  REQUIRE(a.info.warnings.size() == b.info.warnings.size());
  for (size_t i = 0; i < a.info.warnings.size(); ++i) CHECK(a.info.warnings[i].code == b.info.warnings[i].code);
}

}  // namespace

TEST_CASE("kaplan_meier_counts equals kaplan_meier on the expanded data (seeded random data)") {
  std::mt19937_64 rng(20231122);
  for (int rep = 0; rep < 40; ++rep) {
    INFO("rep " << rep);
    const size_t n = 1 + rng() % (rep < 20 ? 60 : 3000);
    const int range = 1 + int(rng() % (rep % 3 == 0 ? 5 : 400));  // few distinct times → many ties
    const double censor_share = double(rng() % 100) / 100;
    std::vector<double> t;
    std::vector<bool> ev;
    std::uniform_real_distribution<double> u(0, 1);
    for (size_t i = 0; i < n; ++i) {
      t.push_back(rep % 2 ? double(rng() % unsigned(range)) / 30.4375 : double(rng() % unsigned(range)));
      ev.push_back(u(rng) >= censor_share);
    }
    // The grouping the original implementation used (std::map keyed by time).
    std::map<double, std::pair<long, long>> by_time;
    for (size_t i = 0; i < n; ++i) (ev[i] ? by_time[t[i]].first : by_time[t[i]].second) += 1;
    std::vector<double> times;
    std::vector<long> events, censored;
    for (const auto& [time, c] : by_time) {
      times.push_back(time);
      events.push_back(c.first);
      censored.push_back(c.second);
    }
    const KaplanMeierResult direct = kaplan_meier(t, ev), grouped = kaplan_meier_counts(times, events, censored);
    REQUIRE(direct.rows.size() == by_time.size());
    size_t k = 0;
    for (const auto& [time, c] : by_time) {
      CHECK(direct.rows[k].time == time);
      CHECK(direct.rows[k].n_event == c.first);
      CHECK(direct.rows[k].n_censor == c.second);
      ++k;
    }
    check_same_km(direct, grouped);
    // Entries without observations are skipped.
    times.insert(times.begin(), -1.0);
    events.insert(events.begin(), 0);
    censored.insert(censored.begin(), 0);
    check_same_km(direct, kaplan_meier_counts(times, events, censored));
  }
  CHECK(kaplan_meier_counts({}, {}, {}).info.has_warning("no_data"));
  CHECK(kaplan_meier_counts({1, 2}, {1}, {0, 0}).info.has_warning("length_mismatch"));
}

TEST_CASE("weighted logistic regression equals the unweighted fit on the expanded data (seeded random data)") {
  std::mt19937_64 rng(4242);
  std::uniform_real_distribution<double> u(0, 1);
  int compared = 0;
  for (int rep = 0; rep < 60; ++rep) {
    INFO("rep " << rep);
    const int k_x = 2 + int(rng() % 12);          // distinct values of the first predictor
    const bool two = rep % 3 == 2;                // a second, binary predictor
    const double b0 = u(rng) * 4 - 2, b1 = (u(rng) - 0.5) * (rep % 10 == 9 ? 8 : 0.8), b2 = u(rng) - 0.5;
    std::vector<double> y, x1, x2, w, ey, ex1, ex2;
    for (int v = 0; v < k_x; ++v)
      for (int z = 0; z < (two ? 2 : 1); ++z) {
        const double p = 1 / (1 + std::exp(-(b0 + b1 * v + b2 * z)));
        const long cases = long(rng() % 200);
        long yes = 0;
        for (long c = 0; c < cases; ++c) yes += u(rng) < p;
        for (int out = 0; out < 2; ++out) {
          const long cnt = out ? yes : cases - yes;
          y.push_back(out);
          x1.push_back(v);
          x2.push_back(z);
          w.push_back(double(cnt));  // may be 0: ignored
          for (long c = 0; c < cnt; ++c) {
            ey.push_back(out);
            ex1.push_back(v);
            ex2.push_back(z);
          }
        }
      }
    // Shuffle the expanded cases: the fit must not depend on their order beyond rounding.
    std::vector<size_t> idx(ey.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::shuffle(idx.begin(), idx.end(), rng);
    std::vector<double> sy, sx1, sx2;
    for (size_t i : idx) {
      sy.push_back(ey[i]);
      sx1.push_back(ex1[i]);
      sx2.push_back(ex2[i]);
    }
    std::vector<std::vector<double>> xs{x1}, sxs{sx1};
    if (two) {
      xs.push_back(x2);
      sxs.push_back(sx2);
    }
    const LogisticResult a = logistic_regression(sy, sxs), b = logistic_regression_weighted(y, xs, w);
    CHECK(a.info.n == b.info.n);
    CHECK(a.info.has_warning("too_few") == b.info.has_warning("too_few"));
    CHECK(a.info.has_warning("separation") == b.info.has_warning("separation"));
    if (a.info.has_warning("too_few") || a.info.has_warning("separation")) continue;
    REQUIRE(a.info.warnings.size() == b.info.warnings.size());
    for (size_t i = 0; i < a.info.warnings.size(); ++i) CHECK(a.info.warnings[i].code == b.info.warnings[i].code);
    REQUIRE(a.coefficients.size() == b.coefficients.size());
    ++compared;
    CHECK(a.iterations == b.iterations);
    CHECK(a.converged == b.converged);
    const double tol = 1e-9;
    for (size_t j = 0; j < a.coefficients.size(); ++j) {
      INFO("coefficient " << j);
      CHECK(a.coefficients[j].name == b.coefficients[j].name);
      CHECK_NEAR_REL(b.coefficients[j].estimate, a.coefficients[j].estimate, tol);
      CHECK_NEAR_REL(b.coefficients[j].std_error, a.coefficients[j].std_error, tol);
      CHECK_NEAR_REL(b.coefficients[j].z, a.coefficients[j].z, tol);
      CHECK_NEAR_REL(b.coefficients[j].p_value, a.coefficients[j].p_value, 1e-7);
      CHECK_NEAR_REL(b.coefficients[j].odds_ratio, a.coefficients[j].odds_ratio, tol);
      CHECK_NEAR_REL(b.coefficients[j].or_lower, a.coefficients[j].or_lower, tol);
      CHECK_NEAR_REL(b.coefficients[j].or_upper, a.coefficients[j].or_upper, tol);
    }
    CHECK_NEAR_REL(b.minus2ll, a.minus2ll, tol);
    CHECK_NEAR_REL(b.null_deviance, a.null_deviance, tol);
    CHECK_NEAR_REL(b.lr_chisq, a.lr_chisq, 1e-8);
    CHECK_NEAR_REL(b.lr_p, a.lr_p, 1e-7);
    CHECK_NEAR_REL(b.nagelkerke_r2, a.nagelkerke_r2, 1e-8);
  }
  CHECK(compared > 30);
  // Unit weights: the unweighted numbers exactly.
  const std::vector<double> y{0, 0, 1, 0, 1, 1, 0, 1, 1, 1}, x{1, 2, 2, 3, 3, 4, 4, 5, 6, 7};
  const LogisticResult a = logistic_regression(y, {x}), b = logistic_regression_weighted(y, {x}, std::vector<double>(10, 1));
  REQUIRE(b.coefficients.size() == 2);
  for (size_t j = 0; j < 2; ++j) {
    CHECK(a.coefficients[j].estimate == b.coefficients[j].estimate);
    CHECK(a.coefficients[j].std_error == b.coefficients[j].std_error);
  }
  CHECK(a.minus2ll == b.minus2ll);
  // Missing values and unusable weights are excluded and reported.
  const LogisticResult c = logistic_regression_weighted({0, 1, 1, kNaN, 0, 1}, {{1, 2, 3, 4, 5, 6}}, {2, 3, 1, 5, -1, 2});
  CHECK(c.info.n == 8);
  CHECK(c.info.has_warning("missing_values"));
}

// The fast paths of the SofS 100,000-trajectory work against the reference computations, number for number, on
// seeded random whole-day data: summarize_days vs summarize on the months, kaplan_meier_days vs kaplan_meier on
// the months (both the counting and the sorting branch); months as core::exact_months (the SofS convention).
TEST_CASE("day-based summaries and Kaplan-Meier equal the month-based reference") {
  using zicht::core::exact_months;
  using zicht::core::kDaysPerMonth;
  auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  std::mt19937_64 rng(97);
  for (int rep = 0; rep < 60; ++rep) {
    INFO("rep " << rep);
    const size_t n = rep == 0 ? 0 : rep == 1 ? 1 : 1 + rng() % (rep < 30 ? 50 : 5000);
    const int32_t range = rep % 4 == 3 ? 2000000 : 1 + int32_t(rng() % 900);  // wide: the nth_element branch
    const int32_t shift = rep % 5 == 0 ? -int32_t(range / 3) : 0;             // some negative days
    std::vector<int32_t> days;
    std::vector<double> months;
    for (size_t i = 0; i < n; ++i) {
      days.push_back(int32_t(rng() % uint64_t(range)) + shift);
      months.push_back(exact_months(0, days.back()));
    }
    const Summary a = summarize(months), b = summarize_days(days, kDaysPerMonth);
    CHECK(a.n == b.n);
    CHECK(same(a.mean, b.mean));
    CHECK(same(a.sd, b.sd));
    CHECK(same(a.median, b.median));
    CHECK(same(a.min, b.min));
    CHECK(same(a.max, b.max));

    // Kaplan–Meier: events and censorings in days ≥ 0 (as time_to_step clamps them).
    std::vector<int32_t> ev_days, ce_days;
    std::vector<double> t;
    std::vector<bool> ev;
    for (size_t i = 0; i < n; ++i) {
      const int32_t dd = std::max(0, int32_t(rng() % uint64_t(range)) + shift);
      const bool e = rng() % 3 != 0;
      (e ? ev_days : ce_days).push_back(dd);
      t.push_back(std::max(0.0, exact_months(0, dd)));
      ev.push_back(e);
    }
    const KaplanMeierResult ref = kaplan_meier(t, ev), fast = kaplan_meier_days(ev_days, ce_days, kDaysPerMonth);
    CHECK(ref.info.n == fast.info.n);
    CHECK(ref.events == fast.events);
    REQUIRE(ref.rows.size() == fast.rows.size());
    for (size_t i = 0; i < ref.rows.size(); ++i) {
      INFO("row " << i);
      CHECK(ref.rows[i].time == fast.rows[i].time);
      CHECK(ref.rows[i].n_risk == fast.rows[i].n_risk);
      CHECK(ref.rows[i].n_event == fast.rows[i].n_event);
      CHECK(ref.rows[i].n_censor == fast.rows[i].n_censor);
      CHECK(same(ref.rows[i].surv, fast.rows[i].surv));
      CHECK(same(ref.rows[i].lower, fast.rows[i].lower));
      CHECK(same(ref.rows[i].upper, fast.rows[i].upper));
      CHECK(same(ref.rows[i].lower_loglog, fast.rows[i].lower_loglog));
      CHECK(same(ref.rows[i].upper_loglog, fast.rows[i].upper_loglog));
    }
    CHECK(same(ref.median_log.median, fast.median_log.median));
    CHECK(same(ref.median_log.lower, fast.median_log.lower));
    CHECK(same(ref.median_log.upper, fast.median_log.upper));
    CHECK(same(ref.median_loglog.lower, fast.median_loglog.lower));
    CHECK(same(ref.median_loglog.upper, fast.median_loglog.upper));
  }
}

// summarize_days on several samples at once (the sums side by side, months looked up per day) and median_days give
// exactly what summarize_days gives on each sample alone: samples of unequal length (the lanes' common part and
// tails), an empty one, narrow and wide ranges (with and without the lookup table).
TEST_CASE("summarize_days on several samples and median_days equal summarize_days on each") {
  using zicht::core::kDaysPerMonth;
  auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
  std::mt19937_64 rng(2024);
  for (int rep = 0; rep < 12; ++rep) {
    INFO("rep " << rep);
    const size_t k = 1 + size_t(rep) % 11;
    std::vector<std::vector<int32_t>> samples(k);
    for (size_t s = 0; s < k; ++s) {
      const size_t n = s == 2 ? 0 : 1 + rng() % 3000;
      const int32_t range = rep % 3 == 2 ? 3000000 : 1 + int32_t(rng() % 2000);
      for (size_t i = 0; i < n; ++i) samples[s].push_back(int32_t(rng() % uint64_t(range)) - range / 4);
    }
    std::vector<std::vector<int32_t>> copy = samples;
    const std::vector<Summary> all = summarize_days(copy, kDaysPerMonth);
    REQUIRE(all.size() == k);
    for (size_t s = 0; s < k; ++s) {
      std::vector<int32_t> one = samples[s], again = samples[s];
      const Summary a = summarize_days(one, kDaysPerMonth);
      CHECK(all[s].n == a.n);
      CHECK(same(all[s].mean, a.mean));
      CHECK(same(all[s].sd, a.sd));
      CHECK(same(all[s].median, a.median));
      CHECK(same(all[s].min, a.min));
      CHECK(same(all[s].max, a.max));
      CHECK(same(median_days(again, kDaysPerMonth), a.median));
    }
  }
  // A known case: days 0, 30, 61, 92 → months 0, 0.9857…, 2.0042…, 3.0226…; median (0.9857 + 2.0042) / 2.
  std::vector<std::vector<int32_t>> known = {{92, 0, 61, 30}, {}};
  const std::vector<Summary> s = summarize_days(known, kDaysPerMonth);
  CHECK(s[0].n == 4);
  CHECK(s[0].median == Approx((30 + 61) / 2.0 / kDaysPerMonth));
  CHECK(s[0].max == Approx(92 / kDaysPerMonth));
  CHECK(std::isnan(s[1].mean));
}

// summarize's median by counting (whole numbers in a narrow range) equals the sorted sample's median, for odd and
// even n, with gaps between the values (the order statistic below the middle one a distinct, smaller value).
TEST_CASE("summarize's counted median equals the sorted median") {
  std::mt19937_64 rng(31);
  for (int rep = 0; rep < 40; ++rep) {
    INFO("rep " << rep);
    const size_t n = 1 + rng() % 400;
    std::vector<double> v;
    for (size_t i = 0; i < n; ++i) v.push_back(double(int(rng() % 40) * (rep % 2 ? 3 : 1) - 10));
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    const double expect = n % 2 ? sorted[n / 2] : (sorted[n / 2] + sorted[n / 2 - 1]) / 2;
    const Summary s = summarize(v);
    CHECK(s.median == expect);
    CHECK(s.min == sorted.front());
    CHECK(s.max == sorted.back());
  }
  std::vector<double> gap = {7, 1, 1, 7};  // middle pair 1 and 7
  CHECK(summarize(gap).median == 4.0);
  std::vector<double> odd = {5, 0, 9};
  CHECK(summarize(odd).median == 5.0);
}
