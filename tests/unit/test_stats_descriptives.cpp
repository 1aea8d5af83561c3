// Golden tests for src/stats/descriptives: R's mean, sd, quantile(type = 7), prop.test(correct = FALSE).
#include <catch2/catch.hpp>

#include "../reference/golden_helpers.h"
#include "stats/descriptives.h"

using namespace zicht::stats;
using golden::num;
using golden::vec;

static constexpr double kTol = 1e-9;  // closed-form statistics: R agreement to 1e-9 relative

TEST_CASE("describe matches R mean, sd and type-7 quartiles") {
  for (const auto& c : golden::data()["descriptives"]) {
    const std::string name = c["name"];
    INFO("case " << name);
    const Descriptives d = describe(vec(c["values"]));
    CHECK(d.info.n == c["n"].get<long>());
    CHECK(d.missing == c["missing"].get<long>());
    CHECK_NEAR_REL(d.mean, num(c["mean"]), kTol);
    CHECK_NEAR_REL(d.sd, num(c["sd"]), kTol);
    CHECK_NEAR_REL(d.median, num(c["median"]), kTol);
    CHECK_NEAR_REL(d.q1, num(c["q1"]), kTol);
    CHECK_NEAR_REL(d.q3, num(c["q3"]), kTol);
    CHECK_NEAR_ABS(d.iqr, num(c["iqr"]), kTol, 1e-12);
    CHECK_NEAR_REL(d.min, num(c["min"]), kTol);
    CHECK_NEAR_REL(d.max, num(c["max"]), kTol);
  }
}

TEST_CASE("describe flags n = 1 and missing values") {
  const Descriptives one = describe({42});
  CHECK(one.info.has_warning("sd_undefined"));
  CHECK(std::isnan(one.sd));
  CHECK(one.median == 42);
  const Descriptives miss = describe({1, kNaN, 3});
  CHECK(miss.info.has_warning("missing_values"));
  CHECK(miss.missing == 1);
  const Descriptives none = describe({});
  CHECK(none.info.has_warning("no_data"));
}

TEST_CASE("quantile_type7 matches R at arbitrary probabilities") {
  const auto& g = golden::data()["quantiles"];
  const auto x = vec(g["values"]);
  const auto p = vec(g["probs"]);
  const auto q = vec(g["q"]);
  REQUIRE(p.size() == q.size());
  for (size_t i = 0; i < p.size(); ++i) CHECK_NEAR_REL(quantile_type7(x, p[i]), q[i], kTol);
}

TEST_CASE("Wilson intervals match prop.test(correct = FALSE)") {
  for (const auto& c : golden::data()["wilson"]) {
    const long x = c["x"].get<long>(), n = c["n"].get<long>();
    INFO(x << " / " << n);
    const Proportion p = wilson_interval(x, n);
    CHECK_NEAR_REL(p.proportion, static_cast<double>(x) / static_cast<double>(n), kTol);
    CHECK_NEAR_ABS(p.lower, num(c["lower"]), kTol, 1e-15);
    CHECK_NEAR_ABS(p.upper, num(c["upper"]), kTol, 1e-15);
  }
  const Proportion empty = wilson_interval(0, 0);
  CHECK(std::isnan(empty.proportion));
  CHECK(std::isnan(empty.lower));
}

TEST_CASE("frequency table: three denominators with NVT and missing") {
  const auto& g = golden::data()["frequency"];
  std::vector<std::string> cats;
  for (const auto& s : g["categories"]) cats.push_back(s.get<std::string>());
  const FrequencyTable t = frequencies(cats, golden::lvec(g["counts"]), g["not_applicable"].get<long>(),
                                       g["missing"].get<long>());
  CHECK(t.total_all == g["total_all"].get<long>());
  CHECK(t.total_applicable == g["total_applicable"].get<long>());
  CHECK(t.total_valid == g["total_valid"].get<long>());
  CHECK(t.info.n == 368);
  REQUIRE(t.rows.size() == g["rows"].size());
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& gr = g["rows"][i];
    CHECK(t.rows[i].category == gr["category"].get<std::string>());
    for (const char* den : {"all", "applicable", "valid"}) {
      const Proportion& p = std::string(den) == "all" ? t.rows[i].all
                            : std::string(den) == "applicable" ? t.rows[i].applicable : t.rows[i].valid;
      INFO("row " << i << " denominator " << den);
      CHECK(p.denominator == gr[den]["n"].get<long>());
      CHECK_NEAR_REL(p.lower, num(gr[den]["lower"]), kTol);
      CHECK_NEAR_REL(p.upper, num(gr[den]["upper"]), kTol);
    }
  }
  // SPEC §3.2: debt "Ja" 27 = 7.3 % of all, 24.3 % of applicable.
  CHECK(std::round(t.rows[0].all.proportion * 1000) == 73);
  CHECK(std::round(t.rows[0].applicable.proportion * 1000) == 243);
  CHECK(std::string(denominator_name(Denominator::valid)) == "valid");
}

TEST_CASE("describe: quartiles by counting (whole numbers) and by selection equal those of a sort") {
  // Whole numbers in a narrow range are counted, others selected (nth_element); quantile_type7 sorts.
  std::vector<double> counts, spread, negative;
  unsigned s = 12345;
  auto next = [&s] { return (s = s * 1103515245u + 12345u) >> 16; };
  for (int i = 0; i < 1001; ++i) {
    counts.push_back(double(next() % 25));
    spread.push_back(double(next() % 1000) / 7.0);
    negative.push_back(double(next() % 40) - 20.0);
  }
  for (const auto* v : {&counts, &spread, &negative})
    for (size_t n : {size_t(1), size_t(2), size_t(3), size_t(4), size_t(10), size_t(1000), size_t(1001)}) {
      const std::vector<double> x(v->begin(), v->begin() + long(n));
      const Descriptives d = describe(x);
      INFO("n = " << n);
      CHECK(d.min == quantile_type7(x, 0));
      CHECK(d.q1 == quantile_type7(x, 0.25));
      CHECK(d.median == quantile_type7(x, 0.5));
      CHECK(d.q3 == quantile_type7(x, 0.75));
      CHECK(d.max == quantile_type7(x, 1));
    }
}
