// The trajecten statistics against R (issue 21): tests/reference/golden_trajecten.json from make_golden_trajecten.R
// (R 4.2.2, survival, coin 1.4-2), which reads the same two CSV files — the demo for seed 2023 as written by
// `zicht demo --profile trajecten` and the planmakers' overview — and computes survfit's Kaplan–Meier to closure
// (censored at the as-of date), mcnemar.test on the 3 × 3 (Bowker) and on the collapsed 2 × 2, binom.test,
// coin::mh_test (Stuart–Maxwell), and type-7 quantiles of age, wait and duration.
#include "trajecten_test_support.h"

#include <nlohmann/json.hpp>

using namespace trajecten_test;
using nlohmann::json;

namespace {

json golden() {
  std::ifstream in(std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_trajecten.json");
  REQUIRE(in.good());
  return json::parse(in);
}

double num(const json& j) {
  const json& v = j.is_array() ? j.at(0) : j;
  return v.is_null() ? NAN : v.get<double>();
}

void check_case(const analysis::ResultSet& rs, const json& g) {
  const auto& s = table(rs, "trajecten.age", "summary");
  CHECK(cell(s, "bij aanmelding", "mean") == Approx(num(g["age"]["mean"])));
  CHECK(cell(s, "bij aanmelding", "median") == Approx(num(g["age"]["median"])));
  const auto& t = table(rs, "trajecten.timing", "summary");
  for (const char* what : {"wachttijd", "duur"}) {
    const json& w = g[std::string(what) == "wachttijd" ? "wait_days" : "duration_months"];
    INFO(what);
    for (const char* q : {"q1", "median", "q3", "min", "max"}) CHECK(cell(t, what, q) == Approx(num(w[q])).epsilon(1e-9));
  }
  const auto& km = table(rs, "trajecten.timing", "km");
  const json& k = g["km"];
  REQUIRE(km.rows.size() == k["time"].size());
  for (size_t i = 0; i < km.rows.size(); ++i) {
    INFO("km row " << i);
    CHECK(km.rows[i][1].as_double() == Approx(k["time"][i].get<double>()).epsilon(1e-9));
    CHECK(km.rows[i][2].as_double() == k["n_risk"][i].get<double>());
    CHECK(km.rows[i][3].as_double() == k["n_event"][i].get<double>());
    CHECK(km.rows[i][5].as_double() == Approx(k["surv"][i].get<double>()).epsilon(1e-9));
    if (!k["lower"][i].is_null() && km.rows[i][6].is_number())
      CHECK(km.rows[i][6].as_double() == Approx(k["lower"][i].get<double>()).epsilon(1e-7));
  }
  const auto& med = table(rs, "trajecten.timing", "km_median");
  CHECK(med.rows[0][0].as_double() == Approx(num(k["median"])).epsilon(1e-9));
  CHECK(med.rows[0][1].as_double() == Approx(num(k["median_lower"])).epsilon(1e-9));
  if (std::isnan(num(k["median_upper"]))) CHECK_FALSE(med.rows[0][2].is_number());
  else CHECK(med.rows[0][2].as_double() == Approx(num(k["median_upper"])).epsilon(1e-9));
  const auto& b = g["blocking"];
  const auto& res = result(rs, "trajecten.blocking");
  const auto& tab = table(rs, "trajecten.blocking", "table");
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = 0; j < 3; ++j) CHECK(tab.rows[i][1 + j].as_double() == b["table"][i][j].get<double>());
  REQUIRE(res.tests.size() == 4);
  CHECK(res.tests[0].statistic == Approx(num(b["bowker"]["statistic"])));
  CHECK(res.tests[0].df == num(b["bowker"]["df"]));
  CHECK(res.tests[0].p == Approx(num(b["bowker"]["p"])).epsilon(1e-9));
  CHECK(res.tests[1].statistic == Approx(num(b["stuart_maxwell"]["statistic"])));
  CHECK(res.tests[1].p == Approx(num(b["stuart_maxwell"]["p"])).epsilon(1e-9));
  CHECK(res.tests[2].statistic == Approx(num(b["mcnemar"]["statistic"])));
  CHECK(res.tests[2].p == Approx(num(b["mcnemar"]["p"])).epsilon(1e-9));
  CHECK(res.tests[3].p == Approx(num(b["exact"]["p"])).epsilon(1e-12));
}

}  // namespace

TEST_CASE("trajecten against R: the demo (seed 2023, as of 2025-03-31)", "[trajecten][golden]") {
  const json g = golden();
  CHECK(g["r_version"].get<std::string>().find("4.2.2") != std::string::npos);
  auto r = run_demo(2023);
  check_case(r->set, g["demo"]);
}

TEST_CASE("trajecten against R: the planmakers' overview (censored lopend, as of 2025-02-14)", "[trajecten][golden]") {
  auto r = run_csv(file_text(std::string(ZICHT_SOURCE_DIR) + "/tests/data/trajecten/overzicht_planmakers.csv"), "2025-02-14");
  check_case(r->set, golden()["hand"]);
}
