// Golden tests for src/stats/paired, correlation and proportion: wilcox.test(paired = TRUE, conf.int = TRUE),
// mcnemar.test (2×2 and Bowker), coin::mh_test (Stuart–Maxwell), Cochran's Q, friedman.test, cor.test(method =
// "spearman") and binom.test, against tests/reference/golden_paired.json written by make_golden_paired.R.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "../reference/golden_helpers.h"
#include "stats/correlation.h"
#include "stats/paired.h"
#include "stats/proportion.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-10;   // statistics and estimates, relative
static constexpr double kPTol = 1e-9;   // p-values, relative
// R finds the asymptotic Hodges–Lehmann bounds with uniroot(tol = 1e-4) on a step function; Zicht returns the exact
// crossing point. They agree within uniroot's tolerance.
static constexpr double kUnirootAbs = 1e-4;

namespace {

const golden::json& paired_golden() {
  static const golden::json j = [] {
    const std::string path = std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_paired.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return golden::json::parse(in);
  }();
  return j;
}

std::vector<std::vector<double>> rows_of(const golden::json& j) {
  std::vector<std::vector<double>> rows;
  for (const auto& row : j) rows.push_back(vec(row));
  return rows;
}

// The Walsh averages of the non-zero differences, sorted: the points where R's W(d) can jump.
std::vector<double> walsh(const std::vector<double>& x, const std::vector<double>& y) {
  std::vector<double> d, w;
  for (size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i]) && x[i] - y[i] != 0) d.push_back(x[i] - y[i]);
  for (size_t i = 0; i < d.size(); ++i)
    for (size_t j = i; j < d.size(); ++j) w.push_back((d[i] + d[j]) / 2);
  std::sort(w.begin(), w.end());
  return w;
}

}  // namespace

TEST_CASE("generator: R 4.2.2 with psych 2.2.9") {
  const auto& gen = paired_golden()["generator"];
  CHECK(gen["r_version"] == "4.2.2");
  CHECK(gen["psych_version"] == "2.2.9");
}

TEST_CASE("wilcoxon signed rank matches R's wilcox.test(paired = TRUE, conf.int = TRUE)") {
  const auto& all = paired_golden()["signed_rank"];
  REQUIRE(all.size() >= 5);
  for (const auto& g : all) {
    const std::string name = g["name"];
    INFO("case " << name);
    const auto x = vec(g["x"]), y = vec(g["y"]);
    const SignedRankResult r = wilcoxon_signed_rank(x, y);
    CHECK(r.n_pairs == static_cast<long>(num(g["n_pairs"])));
    CHECK(r.n_nonzero == static_cast<long>(num(g["n_nonzero"])));
    CHECK(r.exact == g["exact"].get<bool>());
    CHECK(r.v == num(g["v"]));
    CHECK_NEAR_REL(r.z, num(g["z"]), kTol);
    CHECK_NEAR_REL(r.effect_r, num(g["effect_r"]), kTol);
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
    if (r.exact) {
      CHECK_NEAR_REL(r.hodges_lehmann, num(g["estimate"]), kTol);
      CHECK_NEAR_REL(r.ci_lower, num(g["conf_int"][0]), kTol);
      CHECK_NEAR_REL(r.ci_upper, num(g["conf_int"][1]), kTol);
    } else {
      CHECK_NEAR_ABS(r.ci_lower, num(g["conf_int"][0]), 0, kUnirootAbs);
      CHECK_NEAR_ABS(r.ci_upper, num(g["conf_int"][1]), 0, kUnirootAbs);
      // R's estimate is uniroot's stop on W(d) = 0 (no continuity correction): within 1e-4 of the jump, or anywhere
      // in a stretch where W is exactly 0. Zicht's midpoint must lie between the same two Walsh averages as R's.
      const double est = num(g["estimate"]);
      const auto w = walsh(x, y);
      const auto hi = std::upper_bound(w.begin(), w.end(), est + kUnirootAbs);
      const auto lo = std::lower_bound(w.begin(), w.end(), est - kUnirootAbs);
      const double below = lo == w.begin() ? w.front() : *(lo - 1);
      const double above = hi == w.end() ? w.back() : *hi;
      INFO("R " << est << " Zicht " << r.hodges_lehmann << " stretch " << below << " .. " << above);
      CHECK(r.hodges_lehmann >= below - kUnirootAbs);
      CHECK(r.hodges_lehmann <= above + kUnirootAbs);
    }
  }
  const SignedRankResult ties = wilcoxon_signed_rank(vec(golden::named(all, "ties_likert_24_na")["x"]),
                                                     vec(golden::named(all, "ties_likert_24_na")["y"]));
  CHECK(ties.info.has_warning("missing_values"));
  CHECK(ties.info.has_warning("zero_differences"));
  CHECK(ties.info.has_warning("ties"));
  // n = 5 reaches 2 * psignrank(0, 5) = 0.0625 (R does not warn: 0.0625 - 0.05 <= 0.025); n = 4 cannot (0.125), and
  // R returns the extreme Walsh averages, here (0.5, 3.75), with the warning.
  const auto& small = golden::named(all, "exact_5");
  CHECK(wilcoxon_signed_rank(vec(small["x"]), vec(small["y"])).info.warnings.empty());
  const SignedRankResult four = wilcoxon_signed_rank({1.5, 2.25, 3, 4.75}, {1, 1, 1, 1});
  CHECK(four.info.has_warning("conf_level_not_achievable"));
  CHECK(four.ci_lower == 0.5);
  CHECK(four.ci_upper == 3.75);
  CHECK(four.p_value == 0.125);
}

TEST_CASE("signed rank distribution: psignrank / qsignrank values") {
  // psignrank(10, 10) = 0.04199219 (43 / 1024); qsignrank(0.025, 10) = 9; psignrank(8, 5) = 0.5.
  CHECK(signrank_cdf(10, 10) == 43.0 / 1024.0);
  CHECK(signrank_quantile(0.025, 10) == 9);
  CHECK(signrank_cdf(7, 5) == 0.5);
  CHECK(signrank_upper(7, 5) == 0.5);
  CHECK(signrank_cdf(-1, 5) == 0.0);
  CHECK(signrank_upper(15, 5) == 0.0);
}

TEST_CASE("wilcoxon signed rank: degenerate input does not crash and says why") {
  const double nan = std::nan("");
  const SignedRankResult zeros = wilcoxon_signed_rank({1, 2, 3}, {1, 2, 3});
  CHECK(zeros.info.has_warning("all_zero_differences"));
  CHECK(zeros.n_pairs == 3);
  CHECK(std::isnan(zeros.p_value));
  CHECK(wilcoxon_signed_rank({nan}, {1}).info.has_warning("no_pairs"));
  CHECK(wilcoxon_signed_rank({1, 2}, {1}).info.has_warning("length_mismatch"));
  // One non-zero difference with a zero: asymptotic, sigma > 0 but no interval (R: NaN CI, midrange estimate).
  const SignedRankResult one = wilcoxon_signed_rank({1, 5}, {1, 2});
  CHECK(one.n_nonzero == 1);
  CHECK(one.info.has_warning("ci_undefined"));
  CHECK(one.hodges_lehmann == 3.0);
  CHECK(std::isnan(one.ci_lower));
}

TEST_CASE("mcnemar matches R's mcnemar.test and binom.test") {
  for (const auto& g : paired_golden()["mcnemar"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const McNemarResult r = mcnemar(golden::table(g["table"]));
    CHECK_NEAR_REL(r.statistic, num(g["statistic"]), kTol);
    CHECK(r.df == num(g["df"]));
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
    if (g.contains("b")) {
      CHECK(r.b == static_cast<long>(num(g["b"])));
      CHECK(r.c == static_cast<long>(num(g["c"])));
      CHECK(r.small == (r.b + r.c < 10));
      CHECK(r.info.has_warning("small_discordant") == r.small);
      CHECK_NEAR_REL(r.exact_p_value, num(g["exact_p_value"]), kPTol);
    }
    CHECK(r.info.has_warning("empty_symmetric_pair") == std::isnan(num(g["statistic"])));
  }
  const McNemarResult none = mcnemar({{5, 0}, {0, 7}});
  CHECK(std::isnan(none.statistic));
  CHECK(std::isnan(none.exact_p_value));
  CHECK(mcnemar({{1, 2, 3}, {4, 5, 6}}).info.has_warning("not_square"));
  CHECK(mcnemar({{1, -2}, {4, 5}}).info.has_warning("negative_count"));
  CHECK_NEAR_REL(mcnemar({{20, 3}, {6, 15}}, false).statistic, 1.0, 1e-15);  // (3 - 6)^2 / 9
}

TEST_CASE("stuart-maxwell matches coin::mh_test") {
  for (const auto& g : paired_golden()["stuart_maxwell"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const MarginalHomogeneityResult r = stuart_maxwell(golden::table(g["table"]));
    CHECK(r.info.warnings.empty());
    CHECK_NEAR_REL(r.statistic, num(g["statistic"]), kTol);
    CHECK(r.df == num(g["df"]));
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
  }
  CHECK(stuart_maxwell({{3, 0, 0}, {0, 4, 1}, {0, 2, 5}}).info.has_warning("singular"));
  CHECK(stuart_maxwell({{3}}).info.has_warning("not_square"));
}

TEST_CASE("cochran's Q matches the textbook formula as computed in R") {
  for (const auto& g : paired_golden()["cochran_q"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const CochranQResult r = cochran_q(rows_of(g["rows"]));
    CHECK(r.n_subjects == static_cast<long>(num(g["n_subjects"])));
    CHECK(r.n_dropped == static_cast<long>(num(g["n_dropped"])));
    CHECK(r.k == static_cast<int>(g["rows"][0].size()));
    CHECK_NEAR_REL(r.q, num(g["q"]), kTol);
    CHECK(r.df == num(g["df"]));
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
  }
  CHECK(cochran_q({{1, 1}, {0, 0}}).info.has_warning("no_variation"));
  CHECK(cochran_q({{1, 2}, {0, 0}}).info.has_warning("not_binary"));
  CHECK(cochran_q({{1, 0}, {0}}).info.has_warning("ragged"));
  CHECK(cochran_q({}).info.has_warning("too_few"));
}

TEST_CASE("friedman matches R's friedman.test, Kendall's W") {
  for (const auto& g : paired_golden()["friedman"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const FriedmanResult r = friedman(rows_of(g["rows"]));
    CHECK(r.n_blocks == static_cast<long>(num(g["n_blocks"])));
    CHECK(r.n_dropped == static_cast<long>(num(g["n_dropped"])));
    CHECK(r.info.has_warning("incomplete_rows") == (r.n_dropped > 0));
    CHECK_NEAR_REL(r.statistic, num(g["statistic"]), kTol);
    CHECK(r.df == num(g["df"]));
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
    CHECK_NEAR_REL(r.kendall_w, num(g["kendall_w"]), kTol);
  }
  CHECK(friedman({{1, 1, 1}, {2, 2, 2}}).info.has_warning("all_tied"));
  CHECK(friedman({{1}, {2}}).info.has_warning("too_few"));
}

TEST_CASE("spearman matches R's cor.test(method = \"spearman\")") {
  for (const auto& g : paired_golden()["spearman"]) {
    const std::string name = g["name"];
    INFO("case " << name);
    const SpearmanResult r = spearman(vec(g["x"]), vec(g["y"]));
    CHECK(r.n == static_cast<long>(num(g["n"])));
    CHECK(r.exact == g["exact"].get<bool>());
    CHECK_NEAR_REL(r.rho, num(g["rho"]), kTol);
    CHECK_NEAR_REL(r.s, num(g["s"]), kTol);
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
  }
  CHECK(spearman({1, 2, 3}, {4, 4, 4}).info.has_warning("constant"));
  CHECK(spearman({1}, {2}).info.has_warning("too_few"));
}

TEST_CASE("binom.test: Clopper-Pearson interval and two-sided p match R") {
  for (const auto& g : paired_golden()["binom"]) {
    const long x = static_cast<long>(num(g["x"])), n = static_cast<long>(num(g["n"]));
    INFO("x = " << x << " n = " << n);
    const BinomResult r = binom_test(x, n, num(g["p0"]));
    CHECK(r.x == x);
    CHECK(r.n == n);
    CHECK_NEAR_REL(r.estimate, num(g["estimate"]), kTol);
    CHECK_NEAR_REL(r.ci_lower, num(g["conf_int"][0]), kTol);
    CHECK_NEAR_REL(r.ci_upper, num(g["conf_int"][1]), kTol);
    CHECK_NEAR_REL(r.p_value, num(g["p_value"]), kPTol);
  }
  CHECK(binom_test(3, 2).info.has_warning("invalid_counts"));
  CHECK(binom_test(0, 0).info.has_warning("invalid_counts"));
  CHECK(binom_test(1, 2, 1.5).info.has_warning("invalid_parameter"));
}
