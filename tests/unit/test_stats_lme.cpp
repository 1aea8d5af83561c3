// Golden tests for src/stats/lme: nlme::lme(score ~ moment, random = ~1 | persoon (or traject/persoon),
// method = "REML") with summary(fit)$tTable, anova(fit), sigma, the random-intercept SDs, logLik and the means per
// moment with their CI, against tests/reference/golden_lme.json written by make_golden_lme.R; the inputs Zicht
// refuses; and invariance under permutation of the rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "../reference/golden_helpers.h"
#include "stats/lme.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

// nlme optimises the variance parameters to about 1e-8 relative (the golden script checks that its logLik is
// within 1e-7 of an independent maximisation of the profiled REML likelihood, and that its variance ratios agree to
// 1e-7 with a refit under very tight tolerances); Zicht's Brent search with a Newton polish gets log theta to
// ~1e-10. Estimates, SEs, F and the SDs agree to 1e-6 relative (seen: <= 6e-8); p-values to 1e-6 relative
// (seen: <= 2e-7) or 1e-12 absolute.
static constexpr double kTol = 1e-6;
static constexpr double kPAbs = 1e-12;
// At the boundary nlme stops at a tiny positive SD (~2e-5 · sigma here) where the maximum is at 0: the fixed
// effects, F and p move by O(sd² / sigma²) ~ 1e-9, the log-likelihood by less than 1e-8 (checked in the R script).
static constexpr double kBoundaryLogLikAbs = 1e-7;

namespace {

const golden::json& lme_golden() {
  static const golden::json j = [] {
    const std::string path = std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_lme.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return golden::json::parse(in);
  }();
  return j;
}

std::vector<int> ivec(const golden::json& j) {
  std::vector<int> v;
  if (j.is_array())
    for (const auto& e : j) v.push_back(e.get<int>());
  else
    v.push_back(j.get<int>());
  return v;
}

LmeInput input_of(const golden::json& g) {
  LmeInput in;
  in.y = vec(g["y"]);
  in.level = ivec(g["level"]);
  in.group = ivec(g["group"]);
  if (!g["outer"].empty()) in.outer = ivec(g["outer"]);
  in.levels = g["levels"].get<int>();
  return in;
}

void check_vec(const std::vector<double>& actual, const golden::json& expected, const char* what, double rel,
               double abs = 0) {
  const auto e = vec(expected);
  INFO(what);
  REQUIRE(actual.size() == e.size());
  for (size_t i = 0; i < e.size(); ++i) {
    INFO("index " << i);
    CHECK_NEAR_ABS(actual[i], e[i], rel, abs);
  }
}

void check_same(const LmeResult& a, const LmeResult& b) {
  CHECK(a.ok == b.ok);
  CHECK(a.error == b.error);
  CHECK(a.beta == b.beta);
  CHECK(a.se == b.se);
  CHECK(a.df == b.df);
  CHECK(a.p == b.p);
  CHECK(a.sigma == b.sigma);
  CHECK(golden::near(a.sd_group, b.sd_group, 0));
  CHECK(golden::near(a.sd_outer, b.sd_outer, 0));
  CHECK(a.loglik == b.loglik);
  CHECK(a.mean_lower == b.mean_lower);
  CHECK(a.mean_upper == b.mean_upper);
  REQUIRE(a.anova.size() == b.anova.size());
  for (size_t i = 0; i < a.anova.size(); ++i) {
    CHECK(a.anova[i].f == b.anova[i].f);
    CHECK(a.anova[i].p == b.anova[i].p);
  }
}

}  // namespace

TEST_CASE("lme generator: R 4.2.2 with nlme 3.1-162") {
  const auto& gen = lme_golden()["generator"];
  CHECK(gen["r_version"] == "4.2.2");
  CHECK(gen["nlme_version"] == "3.1.162");
}

TEST_CASE("lme_random_intercept matches nlme::lme (REML) and anova(fit)") {
  const auto& fits = lme_golden()["fits"];
  REQUIRE(fits.size() >= 6);
  for (const auto& g : fits) {
    const std::string name = g["name"];
    INFO("case " << name);
    const LmeResult r = lme_random_intercept(input_of(g));
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    CHECK(r.converged);
    CHECK(r.n_obs == g["n_obs"].get<long>());
    CHECK(r.n_groups == g["n_groups"].get<long>());
    CHECK(r.n_outer == g["n_outer"].get<long>());
    const bool boundary = name.find("boundary") != std::string::npos;
    CHECK(r.boundary == boundary);
    CHECK(r.info.has_warning("boundary") == boundary);

    check_vec(r.beta, g["beta"], "beta", kTol);
    check_vec(r.se, g["se"], "se", kTol);
    check_vec(r.df, g["df"], "df", 0);
    check_vec(r.t, g["t"], "t", kTol);
    check_vec(r.p, g["p"], "p", kTol, kPAbs);

    REQUIRE(r.anova.size() == g["anova_terms"].size());
    for (size_t i = 0; i < r.anova.size(); ++i) {
      INFO("anova row " << i);
      CHECK(r.anova[i].name == g["anova_terms"][i].get<std::string>());
      CHECK(r.anova[i].num_df == static_cast<int>(num(g["anova_num_df"][i])));
      CHECK(r.anova[i].den_df == num(g["anova_den_df"][i]));
      CHECK_NEAR_REL(r.anova[i].f, num(g["anova_f"][i]), kTol);
      CHECK_NEAR_ABS(r.anova[i].p, num(g["anova_p"][i]), kTol, kPAbs);
    }

    CHECK_NEAR_REL(r.sigma, num(g["sigma"]), kTol);
    if (boundary) {
      // Which component is at zero: the person one in both boundary cases. nlme leaves it at ~2e-5 · sigma.
      CHECK(r.sd_group == 0);
      CHECK(num(g["sd_group"]) < 1e-4 * num(g["sigma"]));
      CHECK_NEAR_ABS(r.loglik, num(g["loglik"]), 0, kBoundaryLogLikAbs);
      CHECK(r.loglik >= num(g["loglik"]) - 1e-12);  // never below nlme's: Zicht sits at the maximum itself
    } else {
      CHECK_NEAR_REL(r.sd_group, num(g["sd_group"]), kTol);
      CHECK_NEAR_REL(r.loglik, num(g["loglik"]), kTol);
    }
    CHECK_NEAR_REL(r.sd_outer, num(g["sd_outer"]), kTol);  // NaN on both sides without nesting

    CHECK(r.df_moment == num(g["df_moment"]));
    check_vec(r.mean, g["mean"], "mean", kTol);
    check_vec(r.mean_se, g["mean_se"], "mean_se", kTol);
    check_vec(r.mean_lower, g["mean_lower"], "mean_lower", kTol);
    check_vec(r.mean_upper, g["mean_upper"], "mean_upper", kTol);
  }
}

TEST_CASE("lme: a moment column that never varies within a person is estimated in the person stratum") {
  const auto& g = golden::named(lme_golden()["fits"], "between_person_level");
  const LmeResult r = lme_random_intercept(input_of(g));
  REQUIRE(r.ok);
  // nlme: (Intercept) 10, 3m (within persons) 7, einde (only in persons without another observation) 10;
  // anova denDF 11 and 6.
  CHECK(r.df == std::vector<double>{10, 7, 10});
  CHECK(r.anova[0].den_df == 11);
  CHECK(r.anova[1].den_df == 6);
  CHECK(r.df_moment == 6);
}

TEST_CASE("lme: refused inputs give the stable error key, a warning and no numbers") {
  for (const auto& g : lme_golden()["errors"]) {
    const std::string name = g["name"];
    const std::string key = g["error"];
    INFO("case " << name << " (R: " << g["r_outcome"].get<std::string>() << ")");
    const LmeResult r = lme_random_intercept(input_of(g));
    CHECK_FALSE(r.ok);
    CHECK(r.error == key);
    CHECK(r.info.has_warning(key));
    CHECK(r.beta.empty());
    CHECK(r.anova.empty());
    CHECK(std::isnan(r.sigma));
  }
  LmeInput bad;
  bad.y = {1, 2, 3};
  bad.level = {0, 1};
  bad.group = {1, 1, 2};
  bad.levels = 2;
  CHECK(lme_random_intercept(bad).error == "invalid_input");
  bad.level = {0, 2, 1};
  CHECK(lme_random_intercept(bad).error == "invalid_input");
  bad.level = {0, 1, 0};
  bad.y = {1, std::nan(""), 3};
  CHECK(lme_random_intercept(bad).error == "invalid_input");
}

TEST_CASE("lme: nesting with one outer group falls back to ~1 | group, with a warning; unseparable nesting refused") {
  const auto& g = golden::named(lme_golden()["fits"], "balanced_12x3");
  LmeInput in = input_of(g);
  const LmeResult plain = lme_random_intercept(in);
  in.outer.assign(in.y.size(), 5);
  const LmeResult one = lme_random_intercept(in);
  REQUIRE(one.ok);
  CHECK(one.info.has_warning("one_outer_group"));
  CHECK(one.n_outer == 0);
  CHECK(std::isnan(one.sd_outer));
  CHECK(one.beta == plain.beta);
  // Every outer group holds one person: outer and person variance cannot be told apart.
  for (size_t i = 0; i < in.y.size(); ++i) in.outer[i] = in.group[i] + 1000;
  CHECK(lme_random_intercept(in).error == "no_replication");
}

TEST_CASE("lme: a response with no within-person variation is not an optimum") {
  // Every person's scores are the level effect plus a person constant: the residual variance goes to zero and the
  // REML maximum is at theta -> infinity. Zicht says so instead of returning numbers.
  LmeInput in;
  const double person[] = {1.5, -0.5, 2.0, 0.3};
  for (int p = 0; p < 4; ++p)
    for (int j = 0; j < 3; ++j) {
      in.y.push_back(5 + person[p] + 0.5 * j);
      in.level.push_back(j);
      in.group.push_back(p);
    }
  in.levels = 3;
  const LmeResult r = lme_random_intercept(in);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "not_converged");
  CHECK_FALSE(r.converged);
  CHECK(r.info.has_warning("not_converged"));
  CHECK(r.beta.empty());
}

TEST_CASE("lme: permuting the input rows changes nothing") {
  std::mt19937 rng(23);
  for (const auto& g : lme_golden()["fits"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const LmeInput in = input_of(g);
    const LmeResult base = lme_random_intercept(in);
    for (int rep = 0; rep < 3; ++rep) {
      std::vector<size_t> perm(in.y.size());
      for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
      std::shuffle(perm.begin(), perm.end(), rng);
      LmeInput shuffled;
      shuffled.levels = in.levels;
      for (size_t i : perm) {
        shuffled.y.push_back(in.y[i]);
        shuffled.level.push_back(in.level[i]);
        shuffled.group.push_back(in.group[i]);
        if (!in.outer.empty()) shuffled.outer.push_back(in.outer[i]);
      }
      check_same(lme_random_intercept(shuffled), base);
    }
  }
}
