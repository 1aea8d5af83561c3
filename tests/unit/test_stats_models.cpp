// Golden tests for src/stats/logistic (glm(family = binomial)) and src/stats/survival (survfit,
// quantile.survfit, summary(times =), survdiff).
#include <catch2/catch.hpp>

#include "../reference/golden_helpers.h"
#include "stats/logistic.h"
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
