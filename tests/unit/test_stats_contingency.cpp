// Golden tests for src/stats/contingency: chisq.test, fisher.test(workspace = 2e8), simulate.p.value,
// prop.trend.test, and the evaluation's Table 6 and closing-year trend (SPEC §3.1, §3.2).
#include <catch2/catch.hpp>


#include "../reference/golden_helpers.h"
#include "stats/contingency.h"

using namespace zicht::stats;
using golden::num;

static constexpr double kTol = 1e-9;  // closed-form and exact statistics: 1e-9 relative to R

static CountTable table6() {
  return {{1, 1}, {0, 1}, {16, 4}, {3, 3}, {0, 1}, {1, 0}, {8, 2}, {140, 83}, {20, 15}, {35, 4}, {28, 1}};
}

TEST_CASE("Table 6 (organisation type x open/closed): chi-square, residuals, Fisher") {
  const ChiSquareResult c = chi_square(table6());
  CHECK(c.info.n == 367);  // 252 open + 115 closed: one child has no organisation type (seed notes §3.20 #4)
  CHECK(c.df == 10);
  CHECK(std::round(c.statistic * 1e4) / 1e4 == Approx(32.2095).epsilon(1e-12));
  CHECK(c.p_value == Approx(0.000369).margin(5e-7));
  const auto& g = golden::named(golden::data()["chisq"], "table6");
  CHECK_NEAR_REL(c.statistic, num(g["statistic"]), kTol);
  CHECK_NEAR_REL(c.p_value, num(g["p"]), kTol);
  for (size_t i = 0; i < 11; ++i)
    for (size_t j = 0; j < 2; ++j) {
      INFO("cell " << i << "," << j);
      CHECK_NEAR_REL(c.adjusted_residuals[i][j], num(g["stdres"][i][j]), kTol);
      CHECK_NEAR_REL(c.expected[i][j], num(g["expected"][i][j]), kTol);
    }
  // "BJZ met verblijf" (row 8) is over-represented among closed dossiers: adjusted residual +3.02.
  CHECK(c.adjusted_residuals[7][1] == Approx(3.024).margin(5e-4));
  CHECK(c.info.has_warning("expected_lt5"));
  CHECK(c.info.has_warning("expected_lt1"));

  const ExactResult f = fisher_exact(table6());
  CHECK_NEAR_REL(f.p_value, num(golden::named(golden::data()["fisher"], "table6")["p"]), kTol);
  CHECK(f.p_value == Approx(1.1466e-5).epsilon(1e-4));
  // Speed (native Release about 0.3 s) is a benchmark matter, not a unit-test assertion.
}

TEST_CASE("closing-year trend: Pearson chi-square on the 2 x 3 table and prop.trend.test") {
  const CountTable adult{{13, 79, 34}, {17, 30, 12}};
  const ChiSquareResult c = chi_square(adult);
  CHECK(c.df == 2);
  CHECK(std::round(c.statistic * 100) / 100 == Approx(10.15));
  CHECK_NEAR_REL(c.statistic, num(golden::named(golden::data()["chisq"], "trend_adult_plan")["statistic"]), kTol);
  // The child-plan counts give chi-square(2) = 1.81, not the printed X²(4) = 5.37 (SPEC §3.1).
  const ChiSquareResult child = chi_square({{12, 54, 21}, {31, 85, 33}});
  CHECK(std::round(child.statistic * 100) / 100 == Approx(1.81));
  for (const auto& g : golden::data()["trend"]) {
    INFO("trend case " << g["name"].get<std::string>());
    std::vector<double> scores;
    if (g.contains("scores")) scores = golden::vec(g["scores"]);
    const TrendResult t = proportion_trend(golden::lvec(g["successes"]), golden::lvec(g["totals"]), scores);
    CHECK(t.df == 1);
    CHECK_NEAR_REL(t.statistic, num(g["statistic"]), kTol);
    CHECK_NEAR_REL(t.p_value, num(g["p"]), kTol);
  }
  CHECK(proportion_trend({0, 0}, {5, 6}).info.has_warning("constant_outcome"));
}

TEST_CASE("chi-square matches chisq.test on all golden tables, with and without Yates") {
  for (const auto& g : golden::data()["chisq"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const CountTable t = golden::table(g["table"]);
    const ChiSquareResult c = chi_square(t, g["correct"].get<bool>());
    CHECK_NEAR_REL(c.statistic, num(g["statistic"]), kTol);
    CHECK(c.df == num(g["df"]));
    CHECK_NEAR_REL(c.p_value, num(g["p"]), kTol);
    CHECK_NEAR_REL(c.cramers_v, num(g["cramers_v"]), kTol);
    CHECK_NEAR_REL(c.min_expected, num(g["min_expected"]), kTol);
    CHECK_NEAR_REL(c.share_expected_below5, num(g["share_expected_below5"]), kTol);
    CHECK(c.info.has_warning("expected_lt5") == (num(g["share_expected_below5"]) > 0.2));
    CHECK(c.info.has_warning("expected_lt1") == (num(g["min_expected"]) < 1));
    for (size_t i = 0; i < t.size(); ++i)
      for (size_t j = 0; j < t[i].size(); ++j) {
        CHECK_NEAR_REL(c.residuals[i][j], num(g["residuals"][i][j]), kTol);
        CHECK_NEAR_REL(c.adjusted_residuals[i][j], num(g["stdres"][i][j]), kTol);
      }
    CHECK(c.info.variant == (g["correct"].get<bool>() ? "Yates' continuity correction (2 x 2)" : "no continuity correction"));
  }
}

TEST_CASE("chi-square drops empty rows with a warning; Yates is refused beyond 2 x 2") {
  const auto& g = golden::data()["chisq_empty_row"];
  const ChiSquareResult c = chi_square(golden::table(g["table"]));
  CHECK(c.info.has_warning("dropped_empty_margin"));
  CHECK(c.kept_rows == std::vector<size_t>{0, 2});
  CHECK_NEAR_REL(c.statistic, num(g["reduced"]["statistic"]), kTol);
  CHECK_NEAR_REL(c.p_value, num(g["reduced"]["p"]), kTol);
  const ChiSquareResult big = chi_square({{1, 2, 3}, {4, 5, 6}}, true);
  CHECK(big.info.has_warning("yates_ignored"));
  CHECK(chi_square({{1, 2}, {-1, 3}}).info.has_warning("invalid_table"));
  CHECK(chi_square({{3, 4}}).info.has_warning("degenerate_table"));
}

TEST_CASE("Fisher's exact test matches fisher.test on 2 x 2 and r x c tables") {
  for (const auto& g : golden::data()["fisher"]) {
    INFO("case " << g["name"].get<std::string>());
    const ExactResult f = fisher_exact(golden::table(g["table"]));
    CHECK_NEAR_REL(f.p_value, num(g["p"]), kTol);
  }
  // Degenerate: a single non-empty column has only one possible table.
  CHECK(fisher_exact({{3, 0}, {4, 0}}).p_value == 1.0);
  // Orientation does not matter.
  const CountTable t{{3, 1, 0, 2}, {5, 4, 1, 0}, {2, 6, 3, 1}};
  CountTable tt(4, std::vector<long>(3));
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = 0; j < 4; ++j) tt[j][i] = t[i][j];
  CHECK(fisher_exact(t).p_value == Approx(fisher_exact(tt).p_value).epsilon(1e-12));
}

TEST_CASE("Patefield tables keep the margins; the generator is deterministic") {
  Random rng(42);
  const std::vector<long> rows{10, 3, 7, 0, 25}, cols{5, 15, 20, 5};
  for (int k = 0; k < 200; ++k) {
    const CountTable t = random_table_with_margins(rows, cols, rng);
    std::vector<long> rs(rows.size(), 0), cs(cols.size(), 0);
    for (size_t i = 0; i < t.size(); ++i)
      for (size_t j = 0; j < t[i].size(); ++j) {
        REQUIRE(t[i][j] >= 0);
        rs[i] += t[i][j];
        cs[j] += t[i][j];
      }
    REQUIRE(rs == rows);
    REQUIRE(cs == cols);
  }
  Random a(7), b(7);
  for (int k = 0; k < 10; ++k) CHECK(a.next() == b.next());
  // The mean of a cell under the null is r_i c_j / N: check the sampler is unbiased within 5 SE.
  Random r2(2024);
  double sum = 0;
  const int reps = 20000;
  for (int k = 0; k < reps; ++k) sum += static_cast<double>(random_table_with_margins({12, 30}, {20, 22}, r2)[0][0]);
  const double expected = 12.0 * 20.0 / 42.0;
  const double var = 12.0 * (20.0 / 42.0) * (22.0 / 42.0) * (30.0 / 41.0);  // hypergeometric variance
  CHECK(std::fabs(sum / reps - expected) < 5 * std::sqrt(var / reps));
}

TEST_CASE("Monte-Carlo p-values agree with R within Monte-Carlo error") {
  // Both R and Zicht estimate p from B random tables with independent generators: compare within four
  // standard errors of the difference of two independent estimates, sqrt(2 p (1 - p) / B).
  for (const auto& g : golden::data()["monte_carlo"]) {
    INFO("case " << g["name"].get<std::string>());
    const CountTable t = golden::table(g["table"]);
    const long B = g["B"].get<long>();
    const MonteCarloResult mc = chi_square_monte_carlo(t, B, 12345);
    const double pc = num(g["chisq_p"]);
    CHECK(std::fabs(mc.p_value - pc) < 4 * std::sqrt(2 * pc * (1 - pc) / static_cast<double>(B)));
    const MonteCarloResult mf = fisher_monte_carlo(t, B, 12345);
    const double pf = num(g["fisher_p"]), pe = num(g["fisher_exact_p"]);
    CHECK(std::fabs(mf.p_value - pf) < 4 * std::sqrt(2 * pf * (1 - pf) / static_cast<double>(B)));
    CHECK(std::fabs(mf.p_value - pe) < 4 * std::sqrt(pe * (1 - pe) / static_cast<double>(B)));
    CHECK(mf.replicates == B);
    // Same seed, same answer.
    CHECK(fisher_monte_carlo(t, 500, 99).p_value == fisher_monte_carlo(t, 500, 99).p_value);
  }
  // The observed statistic follows R's definitions.
  const CountTable t{{3, 1}, {1, 3}};
  CHECK(chi_square_monte_carlo(t, 10).statistic == Approx(chi_square(t).statistic).epsilon(1e-12));
  CHECK(fisher_monte_carlo(t, 10).statistic == Approx(-2 * std::lgamma(4.0) - 2 * std::lgamma(2.0)).epsilon(1e-12));
}

TEST_CASE("Fisher's exact test gives up cleanly beyond its work limit") {
  const ExactResult f = fisher_exact(table6(), 1e3);
  CHECK(std::isnan(f.p_value));
  CHECK(f.info.has_warning("fisher_too_large"));
  // The default limit is ample for Table 6.
  CHECK_FALSE(fisher_exact(table6()).info.has_warning("fisher_too_large"));
}
