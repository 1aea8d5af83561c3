// The SofS analyses (SPEC §2.1, §3.1): statistical tests and times, on the small hand-made file (kCsv in
// sofs_test_support.h, hand-computed answers) — plan vs steps (Pearson without Yates, Fisher when expected counts
// are small), adult-plan groups (Mann–Whitney, logistic regression), time to a step with thresholds in completed
// months and Kaplan–Meier, the trend by closing year (χ², ANOVA) — and the large-sample Mann–Whitney path against
// stats::mann_whitney.
#include "sofs_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/sofs_common.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;

TEST_CASE("SofS small: plan vs steps (Pearson without Yates, Fisher when expected counts are small)") {
  Small s;
  const Result& r = result(s.run(), "sofs.plan_vs_steps");
  // meeting held × adult plan, valid: held T1 T2 T4 T8 all with a plan; not held T3 without → [[4,0],[0,1]]
  // expected [[3.2,0.8],[0.8,0.2]]: χ² = 0.2 + 0.8 + 0.8 + 3.2 = 5, df 1, φ = 1; Fisher p = 0.2
  const auto& chi = test_with(r, "Pearson", "Network meeting held × adult safety plan; denominator valid");
  CHECK(chi.n == 5);
  CHECK(chi.df == 1);
  CHECK(chi.statistic == Approx(5.0));
  CHECK(chi.p == Approx(0.0253473).epsilon(1e-5));
  CHECK(chi.effect == Approx(1.0));
  CHECK(std::find(chi.warnings.begin(), chi.warnings.end(), "expected_lt5") != chi.warnings.end());
  const auto& fe = test_with(r, "Fisher", "Network meeting held × adult safety plan; denominator valid");
  CHECK(fe.p == Approx(0.2));
  // 'all': T7 (plan, meetings missing) counts as not held → [[4,0],[1,1]], N 6
  const Table& x2 = table(r, "crosstabs");
  CHECK(n(x2, 2, "plan_yes") == 4);
  CHECK(n(x2, 3, "plan_yes") == 1);
  CHECK(n(x2, 3, "plan_no") == 1);
  const Table& w = table(r, "plan_without_factor");
  CHECK(n(w, 1, "n") == 1);
  CHECK(n(w, 1, "denominator") == 5);
  const Table& t = table(r, "tests");
  CHECK(t.rows.size() == 8);
  CHECK(x(t, 0, "fisher_p") == Approx(0.2));
  CHECK(x(t, 1, "n") == 6);
}

TEST_CASE("SofS small: adult-plan groups (Mann–Whitney, logistic regression)") {
  Small s;
  const Result& r = result(s.run(), "sofs.plan_adult_groups");
  const Table& m = table(r, "mann_whitney");
  // meetings: without plan [0] (T3), with plan [6, 3, 1] (T1, T4, T8; T2 is a date, T7 missing): W = 0, exact p = 2/4
  CHECK(n(m, 0, "n_without") == 1);
  CHECK(n(m, 0, "n_with") == 3);
  CHECK(x(m, 0, "w") == 0);
  CHECK(x(m, 0, "p") == Approx(0.5));
  CHECK(x(m, 0, "z") < 0);
  // figures: without [0], with [4, 2, 5, 1, 6]: W = 0, exact p = 2/6
  CHECK(n(m, 1, "n_with") == 5);
  CHECK(x(m, 1, "p") == Approx(1.0 / 3.0));
  // logistic regression on 4 cases is completely separated: flagged, not hidden
  const auto& lr = test_with(r, "logistic", "Number of network meetings");
  CHECK(lr.n == 4);
  CHECK(std::find(lr.warnings.begin(), lr.warnings.end(), "separation") != lr.warnings.end());
  const Table& g = table(r, "groups");
  CHECK(x(g, 1, "mean") == Approx(10.0 / 3.0));
}

TEST_CASE("SofS small: time to step, thresholds in completed months, Kaplan–Meier") {
  Small s;
  const Result& r = result(s.run(), "sofs.time_to_step");
  const Table& t = table(r, "times");
  // adult plan: 181, 89, −31, 183, 151 days
  const size_t vp = row_of(t, "item_id", "veiligheidsplan_volwassenen");
  CHECK(n(t, vp, "n") == 5);
  CHECK(n(t, vp, "n_negative") == 1);
  CHECK(x(t, vp, "mean") == Approx(573.0 / 5 / kMonth));
  CHECK(x(t, vp, "median") == Approx(151 / kMonth));
  CHECK(x(t, vp, "min") == Approx(-31 / kMonth));
  CHECK(x(t, vp, "max") == Approx(183 / kMonth));
  // mapping intern: 4, 1, 0, 14 (open T5 included), 4 days
  const size_t mi = row_of(t, "item_id", "mapping_intern");
  CHECK(x(t, mi, "mean") == Approx(23.0 / 5 / kMonth));
  const size_t pb = row_of(t, "item_id", "plan_b_in_werking");
  CHECK(n(t, pb, "n") == 3);
  CHECK(x(t, pb, "mean") == Approx(28.0 / kMonth));
  const size_t du = row_of(t, "item_id", "duration");
  CHECK(x(t, du, "mean") == Approx(1325.0 / 6 / kMonth));
  const Table& th = table(r, "duration_threshold");
  // completed months 8, 3, 8, 3, 8, 11: ≤ 8: 5, > 8: 1, = 8: 3, ≥ 8: 4, < 8: 2
  CHECK(n(th, 0, "n") == 5);
  CHECK(n(th, 1, "n") == 1);
  CHECK(n(th, 2, "n") == 3);
  CHECK(n(th, 3, "n") == 4);
  CHECK(n(th, 4, "n") == 2);
  CHECK(n(th, 0, "denominator") == 6);
  const Table& p = table(r, "plan_b_start");
  CHECK(n(p, 0, "n") == 1);
  CHECK(n(p, 0, "denominator") == 3);
  // KM adult plan: events at 0 (−31 → 0), 89, 151, 181, 183 days; T3 "nee" censored at 245; T5, T6 left out
  const Table& ks = table(r, "km_summary");
  const size_t k = row_of(ks, "step_id", "veiligheidsplan_volwassenen");
  CHECK(n(ks, k, "n") == 6);
  CHECK(n(ks, k, "n_event") == 5);
  CHECK(n(ks, k, "n_censor") == 1);
  CHECK(n(ks, k, "excluded") == 2);
  CHECK(x(ks, k, "median") == Approx(166 / kMonth));  // S = 0.5 from 151 to 181 days: midpoint
  const Table& km = table(r, "km");
  const size_t first = row_of(km, "step_id", "veiligheidsplan_volwassenen");
  CHECK(x(km, first, "time") == 0);
  CHECK(x(km, first, "survival") == Approx(5.0 / 6.0));
  CHECK(x(km, first + 1, "survival") == Approx(4.0 / 6.0));
  CHECK(n(km, first + 5, "n_censor") == 1);
  CHECK(x(km, first + 5, "survival") == Approx(1.0 / 6.0));
  // child plan: T1, T2 events; T3, T8 "nee" censored; T4 "ja" (no date), T7, T5, T6 missing left out
  const size_t kc = row_of(ks, "step_id", "veiligheidsplan_kind");
  CHECK(n(ks, kc, "n") == 4);
  CHECK(n(ks, kc, "excluded") == 4);
  REQUIRE(r.views.size() == 2);
  CHECK(r.views[1].kind == analysis::ViewKind::km);
  CHECK(r.views[1].facet == "step");  // one curve per step, never one line through all of them
  bool negative = false;
  for (const auto& f : r.flags) negative |= f.rule == "step_before_start" && f.column == "Veiligheidsplan volwassenen";
  CHECK(negative);
}

TEST_CASE("SofS small: trend by closing year") {
  Small s;
  const Result& r = result(s.run(), "sofs.trend");
  const Table& t = table(r, "indicators");
  // adult plan: 2021 0/1 (T3), 2022 3/3, 2023 2/2
  CHECK(n(t, 0, "n") == 0);
  CHECK(at(t, 0, "year").i == 2021);
  CHECK(n(t, 1, "n") == 3);
  CHECK(n(t, 2, "denom_valid") == 2);
  // [[0,1],[3,0],[2,0]]: χ² = 5/6 + 25/6 + 0.1 + 0.5 + 1/15 + 1/3 = 6, df 2, p = e^−3
  const auto& chi = test_with(r, "Pearson", "Adult safety plan (closed) by closing year; denominator valid");
  CHECK(chi.statistic == Approx(6.0));
  CHECK(chi.df == 2);
  CHECK(chi.p == Approx(std::exp(-3.0)));
  // meetings: 2021 [0], 2022 [6, 1] (T2 is a date), 2023 [3] (T7 missing): SSB 8.5, SSW 12.5, F(2,1) = 0.34
  const auto& an = test_with(r, "variance", "network meetings");
  CHECK(an.statistic == Approx(0.34));
  CHECK(an.df == 2);
  CHECK(an.n == 4);
  const Table& m = table(r, "meetings");
  CHECK(x(m, 1, "mean") == Approx(3.5));
  CHECK(n(m, 1, "n_closed") == 3);
  CHECK(n(m, 1, "n") == 2);
}

TEST_CASE("SofS: the large-sample Mann–Whitney path agrees with stats::mann_whitney") {
  std::vector<double> gx, gy;
  for (int i = 0; i < 300; ++i) gx.push_back(i % 7);
  for (int i = 0; i < 250; ++i) gy.push_back((i * 3) % 11);
  const auto a = analysis::sofs::detail::mann_whitney(gx, gy);        // via zicht::stats
  const auto b = analysis::sofs::detail::mann_whitney(gx, gy, true);  // value counts
  CHECK(a.n_x == b.n_x);
  CHECK(a.n_y == b.n_y);
  CHECK(b.w == Approx(a.w).epsilon(1e-12));
  CHECK(b.z == Approx(a.z).epsilon(1e-12));
  CHECK(b.p == Approx(a.p).epsilon(1e-9));
  CHECK(b.r == Approx(a.r).epsilon(1e-12));
  CHECK(a.variant == b.variant);
  CHECK(a.warnings == b.warnings);
  // The demo's meetings by adult plan (ties, n = 122) the same way.
  const Table& m = table(result(the_demo().rs, "sofs.plan_adult_groups"), "mann_whitney");
  CHECK(x(m, 0, "w") == 717);  // regression value (stats::mann_whitney path)
}
