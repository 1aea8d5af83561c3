// Golden tests for src/stats/reliability: psych::alpha (total raw and standardised alpha, average r, score mean and
// sd; per item n, mean, sd, r.drop, alpha if dropped), against tests/reference/golden_paired.json written by
// make_golden_paired.R.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "../reference/golden_helpers.h"
#include "stats/reliability.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-10;

namespace {

const golden::json& alpha_golden() {
  static const golden::json j = [] {
    const std::string path = std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_paired.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return golden::json::parse(in);
  }();
  return j;
}

}  // namespace

TEST_CASE("cronbach alpha matches psych::alpha") {
  const auto& all = alpha_golden()["alpha"];
  REQUIRE(all.size() >= 4);
  for (const auto& g : all) {
    const std::string name = g["name"];
    INFO("case " << name);
    std::vector<std::vector<double>> items;
    for (const auto& item : g["items"]) items.push_back(vec(item));
    const AlphaResult r = cronbach_alpha(items);
    REQUIRE(r.items.size() == items.size());
    CHECK(r.n_obs == static_cast<long>(items.front().size()));
    CHECK_NEAR_REL(r.raw_alpha, num(g["raw_alpha"]), kTol);
    CHECK_NEAR_REL(r.std_alpha, num(g["std_alpha"]), kTol);
    CHECK_NEAR_REL(r.average_r, num(g["average_r"]), kTol);
    CHECK_NEAR_REL(r.mean, num(g["mean"]), kTol);
    CHECK_NEAR_REL(r.sd, num(g["sd"]), kTol);
    size_t k = 0;  // index among the items psych kept
    for (size_t i = 0; i < items.size(); ++i) {
      INFO("item " << i + 1);
      const AlphaItem& it = r.items[i];
      if (!g["kept"][i].get<bool>()) {
        CHECK(r.info.has_warning("constant_item"));
        CHECK(it.sd == 0.0);
        CHECK(std::isnan(it.r_drop));
        CHECK(std::isnan(it.alpha_if_dropped));
        continue;
      }
      CHECK(it.n == static_cast<long>(vec(g["item_n"])[k]));
      CHECK_NEAR_REL(it.mean, vec(g["item_mean"])[k], kTol);
      CHECK_NEAR_REL(it.sd, vec(g["item_sd"])[k], kTol);
      CHECK_NEAR_REL(it.r_drop, vec(g["r_drop"])[k], kTol);
      CHECK_NEAR_REL(it.alpha_if_dropped, vec(g["alpha_if_dropped"])[k], kTol);
      CHECK_NEAR_REL(it.std_alpha_if_dropped, vec(g["std_alpha_if_dropped"])[k], kTol);
      ++k;
    }
  }
}

TEST_CASE("cronbach alpha: degenerate input does not crash and says why") {
  const double nan = std::nan("");
  CHECK(cronbach_alpha({}).info.has_warning("too_few_items"));
  CHECK(cronbach_alpha({{1, 2, 3}}).info.has_warning("too_few_items"));
  CHECK(cronbach_alpha({{1, 2, 3}, {1, 2}}).info.has_warning("ragged"));
  CHECK(cronbach_alpha({{1}, {2}}).info.has_warning("too_few_respondents"));
  const AlphaResult constant = cronbach_alpha({{1, 2, 3}, {4, 4, 4}});
  CHECK(constant.info.has_warning("constant_item"));
  CHECK(constant.info.has_warning("too_few_items"));
  CHECK(std::isnan(constant.raw_alpha));
  const AlphaResult apart = cronbach_alpha({{1, 2, nan, nan}, {nan, nan, 3, 5}});
  CHECK(apart.info.has_warning("no_overlap"));
  const AlphaResult reversed = cronbach_alpha({{1, 2, 3, 4}, {2, 3, 4, 6}, {4, 3, 2, 1}});
  CHECK(reversed.info.has_warning("negative_item"));
  CHECK(reversed.items[2].r_drop < 0);
}
