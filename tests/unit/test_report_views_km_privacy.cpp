// A Kaplan–Meier curve shared in delen mode (privacy/suppression.h): the steps taken with fewer than k at risk lose
// their time and survival, so the drawn curve stops at the last shared step and the number-at-risk row reads "<5"
// from there on — never a number carried over from an earlier step; the line under the chart says it was cut. Without suppression the same table draws every
// step and the row shows what was left.
#include <catch2/catch.hpp>

#include <vector>

#include "analysis/view.h"
#include "privacy/suppression.h"
#include "report/views.h"
#include "stats/survival.h"

using namespace zicht;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;
namespace charts = report::charts;

namespace {

analysis::Result km_result() {
  // 12 trajectories, months to closure; three censored.
  const std::vector<double> t = {0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.5, 8.0, 9.5, 11.0};
  const std::vector<bool> e = {true, true, false, true, true, true, false, true, true, true, false, true};
  const stats::KaplanMeierResult km = stats::kaplan_meier(t, e);
  Table tab;
  tab.id = "km";
  tab.columns = {{"time", Text::same("maanden"), Role::statistic, 2}, {"survival", Text::same("S"), Role::statistic, 3},
                 {"lower", Text::same("lower"), Role::lower, 3},      {"upper", Text::same("upper"), Role::upper, 3},
                 {"n_risk", Text::same("n_risk"), Role::count, 0},    {"n_event", Text::same("n_event"), Role::count, 0},
                 {"n_censor", Text::same("n_censor"), Role::count, 0}};
  for (const auto& r : km.rows)
    tab.rows.push_back({Value::num(r.time), Value::num(r.surv), Value::num(r.lower), Value::num(r.upper),
                        Value::of(r.n_risk), Value::of(r.n_event), Value::of(r.n_censor)});
  analysis::Result res;
  res.id = "x.timing";
  res.title = Text{"Tijd tot afronding", "Time to closure"};
  res.unit = Text{"trajecten", "trajectories"};
  res.tables.push_back(tab);
  res.views.push_back(analysis::km_view("km", "", Text{"trajecten", "trajectories"}));
  return res;
}

}  // namespace

TEST_CASE("Kaplan–Meier in delen: the curve stops where fewer than k remain, the risk row says <5") {
  analysis::Result r = km_result();
  const auto style = charts::Style::light();
  report::views::Built all;
  REQUIRE(report::views::build_one(r, r.views[0], i18n::Lang::nl, {}, style, all));
  REQUIRE(all.spec.kind == charts::ChartSpec::Kind::km);
  CHECK(all.spec.km.curves[0].time.back() == 11.0);
  for (long n : all.spec.km.at_risk[0]) CHECK(n >= 0);

  privacy::SuppressionSummary s;
  privacy::suppress(r.tables[0], 5, s, r.id);
  report::views::Built shared;
  REQUIRE(report::views::build_one(r, r.views[0], i18n::Lang::nl, {}, style, shared));
  const auto& k = shared.spec.km;
  // Steps at 0.5 … 5.0 have 12 … 5 at risk (the censored ones at 1.5 and 4.0 among them); from 6.5 on, 4 or fewer.
  REQUIRE(!k.curves.empty());
  CHECK(k.curves[0].time.back() == 5.0);
  CHECK(k.hidden_label == "<5");
  REQUIRE(k.risk_times.size() == k.at_risk[0].size());
  for (size_t i = 0; i < k.risk_times.size(); ++i) {
    INFO("tick " << k.risk_times[i]);
    if (k.risk_times[i] <= 4.0) CHECK(k.at_risk[0][i] >= 5);
    if (k.risk_times[i] > 5.0) CHECK(k.at_risk[0][i] == -1);
  }
  // The axis ends at the last shared step, so the line under the chart says the curve was cut.
  CHECK(shared.footer.find("curve afgebroken waar het aantal at risk <5 wordt") != std::string::npos);
  CHECK(all.footer.find("afgebroken") == std::string::npos);
}
