// Golden tests for src/stats/two_group and k_groups: wilcox.test(conf.int = TRUE), pwilcox/qwilcox,
// t.test (Welch), anova(lm), kruskal.test.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "../reference/golden_helpers.h"
#include "stats/k_groups.h"
#include "stats/two_group.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-9;
// R finds the asymptotic Hodges–Lehmann estimate and CI with uniroot(tol = 1e-4) on a step function; Zicht
// returns the exact crossing point (midpoint of a flat stretch). They agree within uniroot's tolerance.
static constexpr double kUnirootAbs = 2e-4;

TEST_CASE("Mann-Whitney matches wilcox.test: W, p, z, Hodges-Lehmann") {
  for (const auto& g : golden::data()["mann_whitney"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const MannWhitneyResult r = mann_whitney(vec(g["x"]), vec(g["y"]));
    CHECK(r.exact == g["exact"].get<bool>());
    CHECK_NEAR_REL(r.w, num(g["W"]), kTol);
    CHECK_NEAR_REL(r.p_value, num(g["p"]), kTol);
    CHECK_NEAR_REL(r.z, num(g["z"]), 1e-7);  // R's z recovered from its p via qnorm: 1e-7
    CHECK_NEAR_REL(r.effect_r, num(g["z"]) / std::sqrt(static_cast<double>(r.n_x + r.n_y)), 1e-7);
    if (g.contains("estimate")) {
      if (r.exact) {
        CHECK_NEAR_REL(r.hodges_lehmann, num(g["estimate"]), kTol);
        CHECK_NEAR_REL(r.ci_lower, num(g["conf_int"][0]), kTol);
        CHECK_NEAR_REL(r.ci_upper, num(g["conf_int"][1]), kTol);
      } else {
        CHECK_NEAR_ABS(r.hodges_lehmann, num(g["estimate"]), 0, kUnirootAbs);
        CHECK_NEAR_ABS(r.ci_lower, num(g["conf_int"][0]), 0, kUnirootAbs);
        CHECK_NEAR_ABS(r.ci_upper, num(g["conf_int"][1]), 0, kUnirootAbs);
      }
    }
    if (name == "all_tied") CHECK(r.info.has_warning("all_tied"));
    if (name == "ties_counts") CHECK(r.info.has_warning("ties"));
  }
}

TEST_CASE("pwilcox and qwilcox") {
  for (const auto& g : golden::data()["wilcox_distribution"]) {
    const int m = g["m"].get<int>(), n = g["n"].get<int>();
    if (g.contains("cdf")) CHECK_NEAR_REL(wilcox_cdf(num(g["q"]), m, n), num(g["cdf"]), kTol);
    else CHECK(wilcox_quantile(num(g["p"]), m, n) == g["quantile"].get<int>());
  }
}

TEST_CASE("Welch t-test matches t.test") {
  for (const auto& g : golden::data()["welch"]) {
    INFO("case " << g["name"].get<std::string>());
    const WelchResult r = welch_t(vec(g["x"]), vec(g["y"]));
    CHECK_NEAR_REL(r.t, num(g["t"]), kTol);
    CHECK_NEAR_REL(r.df, num(g["df"]), kTol);
    CHECK_NEAR_REL(r.p_value, num(g["p"]), kTol);
    CHECK_NEAR_REL(r.ci_lower, num(g["conf_int"][0]), kTol);
    CHECK_NEAR_REL(r.ci_upper, num(g["conf_int"][1]), kTol);
    CHECK_NEAR_REL(r.mean_x, num(g["mean_x"]), kTol);
  }
  CHECK(welch_t({1}, {2, 3}).info.has_warning("too_few"));
}

TEST_CASE("one-way ANOVA and Kruskal-Wallis match anova(lm) and kruskal.test") {
  for (const auto& g : golden::data()["k_groups"]) {
    INFO("case " << g["name"].get<std::string>());
    std::vector<std::vector<double>> groups;
    for (const auto& grp : g["groups"]) groups.push_back(vec(grp));
    const AnovaResult a = one_way_anova(groups);
    CHECK_NEAR_REL(a.f, num(g["F"]), kTol);
    CHECK(a.df1 == num(g["df1"]));
    CHECK(a.df2 == num(g["df2"]));
    CHECK_NEAR_REL(a.p_value, num(g["p"]), kTol);
    CHECK_NEAR_REL(a.eta_squared, num(g["eta2"]), kTol);
    const KruskalWallisResult k = kruskal_wallis(groups);
    CHECK_NEAR_REL(k.statistic, num(g["kw_statistic"]), kTol);
    CHECK(k.df == num(g["kw_df"]));
    CHECK_NEAR_REL(k.p_value, num(g["kw_p"]), kTol);
  }
  const AnovaResult empty = one_way_anova({{1, 2}, {}, {3, 4}});
  CHECK(empty.info.has_warning("empty_group"));
  CHECK(empty.df1 == 1);
  CHECK(kruskal_wallis({{2, 2}, {2, 2}}).info.has_warning("all_tied"));
}

TEST_CASE("Kruskal-Wallis: by counting (whole numbers) the same as by sorting") {
  // Ranks do not change when every value moves by 0.5, which makes them no whole numbers: the sorting path.
  std::vector<std::vector<double>> whole(4), shifted(4);
  unsigned s = 777;
  auto next = [&s] { return (s = s * 1103515245u + 12345u) >> 16; };
  for (size_t g = 0; g < whole.size(); ++g)
    for (size_t i = 0; i < 300 + 50 * g; ++i) {
      const double v = double(next() % (10 + g)) - 3.0;
      whole[g].push_back(v);
      shifted[g].push_back(v + 0.5);
    }
  const KruskalWallisResult a = kruskal_wallis(whole), b = kruskal_wallis(shifted);
  CHECK(a.statistic == b.statistic);
  CHECK(a.p_value == b.p_value);
  CHECK(a.df == b.df);
}

// The counting path (for many whole-number values) against the rank-based one: the same W, z, p, r and warnings
// where mann_whitney uses the normal approximation (ties here); NaN skipped; an empty group gives NaN.
TEST_CASE("Mann-Whitney by value counts agrees with mann_whitney") {
  std::vector<double> gx, gy;
  for (int i = 0; i < 300; ++i) gx.push_back(i % 7);
  for (int i = 0; i < 250; ++i) gy.push_back((i * 3) % 11);
  const MannWhitneyResult a = mann_whitney(gx, gy), b = mann_whitney_by_counts(gx, gy);
  CHECK(a.n_x == b.n_x);
  CHECK(a.n_y == b.n_y);
  CHECK(b.info.n == 550);
  CHECK(b.w == Approx(a.w).epsilon(1e-12));
  CHECK(b.z == Approx(a.z).epsilon(1e-12));
  CHECK(b.p_value == Approx(a.p_value).epsilon(1e-9));
  CHECK(b.effect_r == Approx(a.effect_r).epsilon(1e-12));
  CHECK(a.info.method == b.info.method);
  CHECK(a.info.variant == b.info.variant);
  REQUIRE(a.info.warnings.size() == b.info.warnings.size());
  for (size_t i = 0; i < a.info.warnings.size(); ++i) CHECK(a.info.warnings[i].code == b.info.warnings[i].code);
  CHECK(b.info.has_warning("ties"));
  CHECK(!b.exact);

  const std::vector<ValueCount> vc = value_counts({2, 0, 2, std::nan("")}, {1, 2});
  REQUIRE(vc.size() == 3);
  CHECK(vc[0].value == 0);
  CHECK(vc[0].n[0] == 1);
  CHECK(vc[0].n[1] == 0);
  CHECK(vc[2].value == 2);
  CHECK(vc[2].n[0] == 2);
  CHECK(vc[2].n[1] == 1);

  const MannWhitneyResult e = mann_whitney_by_counts({1, 2, 3}, {});
  CHECK(e.n_x == 3);
  CHECK(e.n_y == 0);
  CHECK(std::isnan(e.w));
  CHECK(std::isnan(e.p_value));
  CHECK(e.info.has_warning("empty_group"));
}
