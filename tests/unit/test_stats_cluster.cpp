// Golden tests for src/stats/cluster and agreement: hclust(method = "average") (merge, order exactly; height) and
// psych::cohen.kappa (agreement, kappa, weighted kappa, variances, bounds), against
// tests/reference/golden_matrix.json written by make_golden_matrix.R.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "../reference/golden_helpers.h"
#include "stats/agreement.h"
#include "stats/cluster.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-12;

namespace {

const golden::json& matrix_golden() {
  static const golden::json j = [] {
    const std::string path = std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_matrix.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return golden::json::parse(in);
  }();
  return j;
}

// The distances exactly as R had them: integer / integer, or sqrt of an integer (see make_golden_matrix.R).
std::vector<double> distances(const golden::json& g) {
  const size_t n = g["n"].get<size_t>();
  std::vector<double> d(n * n);
  if (g.contains("dist_num")) {
    const double den = num(g["dist_den"]);
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < n; ++j) d[i * n + j] = num(g["dist_num"][i][j]) / den;
  } else {
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < n; ++j) d[i * n + j] = std::sqrt(num(g["dist_sq"][i][j]));
  }
  return d;
}

std::vector<int> codes(const golden::json& j) {
  std::vector<int> c;
  for (double v : vec(j)) c.push_back(static_cast<int>(v) - 1);  // R's 1..k to 0-based
  return c;
}

}  // namespace

TEST_CASE("hclust average matches R: merge and order exactly, heights") {
  const auto& all = matrix_golden()["hclust"];
  REQUIRE(all.size() >= 5);
  for (const auto& g : all) {
    const std::string name = g["name"];
    INFO("case " << name);
    const size_t n = g["n"].get<size_t>();
    const HclustResult r = hclust_average(distances(g), n);
    REQUIRE(r.info.warnings.empty());
    REQUIRE(r.merge.size() == n - 1);
    for (size_t s = 0; s + 1 < n; ++s) {
      INFO("merge step " << s + 1);
      CHECK(r.merge[s][0] == g["merge"][s][0].get<int>());
      CHECK(r.merge[s][1] == g["merge"][s][1].get<int>());
      CHECK_NEAR_REL(r.height[s], vec(g["height"])[s], kTol);
    }
    const auto order = golden::lvec(g["order"]);
    REQUIRE(r.order.size() == n);
    for (size_t i = 0; i < n; ++i) CHECK(r.order[i] == order[i]);
  }
}

TEST_CASE("hclust average: the hand-made example and identical points") {
  const std::vector<double> hand = {0, 2, 6, 10, 9, 2, 0, 5, 9, 8, 6, 5, 0, 4, 5, 10, 9, 4, 0, 3, 9, 8, 5, 3, 0};
  const HclustResult r = hclust_average(hand, 5, {"a", "b", "c", "d", "e"});
  REQUIRE(r.merge.size() == 4);
  CHECK(r.merge[0] == std::array<int, 2>{-1, -2});
  CHECK(r.merge[1] == std::array<int, 2>{-4, -5});
  CHECK(r.merge[2] == std::array<int, 2>{-3, 2});
  CHECK(r.merge[3] == std::array<int, 2>{1, 3});
  CHECK(r.height[2] == 4.5);
  CHECK_NEAR_REL(r.height[3], 47.0 / 6.0, 1e-15);
  CHECK(r.order == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(r.labels.size() == 5);

  // Two identical items merge first, at height 0.
  const std::vector<double> twin = {0, 0, 4, 0, 0, 4, 4, 4, 0};
  const HclustResult t = hclust_average(twin, 3);
  CHECK(t.merge[0] == std::array<int, 2>{-1, -2});
  CHECK(t.height[0] == 0.0);
  CHECK(t.height[1] == 4.0);
}

TEST_CASE("hclust average refuses what R refuses") {
  const double nan = std::nan("");
  const HclustResult a = hclust_average({0, nan, nan, 0}, 2);
  CHECK(a.info.has_warning("non_finite"));
  CHECK(a.merge.empty());
  CHECK(hclust_average({0}, 1).info.has_warning("invalid_input"));
  CHECK(hclust_average({0, 1, 1}, 2).info.has_warning("invalid_input"));
  CHECK(hclust_average({0, -1, -1, 0}, 2).info.has_warning("negative"));
  // Only the lower triangle counts (as.dist), with a warning.
  const HclustResult asym = hclust_average({0, 9, 9, 1, 0, 9, 2, 3, 0}, 3);
  CHECK(asym.info.has_warning("asymmetric"));
  CHECK(asym.merge[0] == std::array<int, 2>{-1, -2});
  CHECK(asym.height[0] == 1.0);
}

TEST_CASE("nearest neighbours: ascending distance, ties by index, NaN skipped") {
  const double nan = std::nan("");
  const std::vector<double> d = {0, 1, 2, 1, 1, 0, nan, 3, 2, nan, 0, 2, 1, 3, 2, 0};
  const auto nb = nearest_neighbours(d, 4, 2);
  REQUIRE(nb.size() == 4);
  REQUIRE(nb[0].size() == 2);
  CHECK(nb[0][0].index == 1);
  CHECK(nb[0][1].index == 3);
  CHECK(nb[1][0].index == 0);
  CHECK(nb[1][1].index == 3);
  CHECK(nb[1][1].distance == 3.0);
  CHECK(nb[2][0].index == 0);  // tie at 2 with item 3: the lower index first
  CHECK(nb[2][1].index == 3);
}

TEST_CASE("cohen.kappa matches psych: agreement, kappa, weighted kappa, variances, bounds") {
  const auto& all = matrix_golden()["cohen_kappa"];
  REQUIRE(all.size() >= 3);
  for (const auto& g : all) {
    const std::string name = g["name"];
    INFO("case " << name);
    const size_t k = g["k"].get<size_t>();
    const CohenKappaResult r = cohen_kappa(codes(g["a"]), codes(g["b"]), k);
    CHECK(r.info.has_warning("no_variance") == g["bad"].get<bool>());
    for (const auto& w : r.info.warnings) CHECK((w.code == "no_variance" || w.code == "bounds_clamped"));
    CHECK(r.n_obs == static_cast<long>(num(g["n_obs"])));
    CHECK_NEAR_REL(r.observed, num(g["agree"]), kTol);
    CHECK_NEAR_REL(r.kappa, num(g["kappa"]), kTol);
    CHECK_NEAR_REL(r.weighted_kappa, num(g["weighted_kappa"]), kTol);
    CHECK_NEAR_REL(r.var_kappa, num(g["var_kappa"]), kTol);
    CHECK_NEAR_REL(r.var_weighted, num(g["var_weighted"]), kTol);
    CHECK_NEAR_REL(r.lower, num(g["confid"][0][0]), kTol);
    CHECK_NEAR_REL(r.kappa, num(g["confid"][0][1]), kTol);
    CHECK_NEAR_REL(r.upper, num(g["confid"][0][2]), kTol);
    CHECK_NEAR_REL(r.weighted_lower, num(g["confid"][1][0]), kTol);
    CHECK_NEAR_REL(r.weighted_kappa, num(g["confid"][1][1]), kTol);
    CHECK_NEAR_REL(r.weighted_upper, num(g["confid"][1][2]), kTol);
    for (size_t i = 0; i < k; ++i)
      for (size_t j = 0; j < k; ++j) CHECK_NEAR_REL(quadratic_weight(i, j, k), num(g["weight"][i][j]), 1e-15);
  }
}

TEST_CASE("cohen.kappa: missing codes are left out, degenerate input gives NaN") {
  const CohenKappaResult r = cohen_kappa({0, 1, 2, -1, 1}, {0, 1, 1, 2, 3}, 3);
  CHECK(r.n_obs == 3);
  CHECK(r.info.has_warning("missing_values"));
  CHECK(r.table[2][1] == 1);
  const CohenKappaResult same = cohen_kappa({1, 1, 1}, {1, 1, 1}, 3);
  CHECK(same.observed == 1.0);
  CHECK(std::isnan(same.kappa));
  CHECK(std::isnan(cohen_kappa({}, {}, 3).kappa));
}
