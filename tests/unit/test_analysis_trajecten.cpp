// The trajecten analyses on the built-in demo (spec/concept.md §2.3, §2.4): every published and derived number comes
// out of the analysis itself, not only out of the generator, for ten seeds; each inconsistency of §2.5 is a test case
// named after it, with its reason; and the Delen coarsening options of shared-rules "Tiny n".
#include "trajecten_test_support.h"

#include <cmath>

using namespace trajecten_test;

namespace {
const uint64_t kSeeds[] = {1, 2, 3, 7, 11, 42, 99, 123, 150, 2023};
}

TEST_CASE("trajecten demo through the analysis: Table 1 flow, start rate and stock", "[trajecten]") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    auto r = run_demo(seed);
    const auto& y = table(r->set, "trajecten.flow", "years");
    REQUIRE(y.rows.size() == 3);
    CHECK(cell(y, "2023", "registrations") == 15);
    CHECK(cell(y, "2024", "registrations") == 12);
    CHECK(cell(y, "2025", "registrations") == 1);
    CHECK(cell(y, "2023", "starts") == 10);
    CHECK(cell(y, "2024", "starts") == 7);
    CHECK(cell(y, "2025", "starts") == 1);
    CHECK(cell(y, "2023", "closures") == 3);
    CHECK(cell(y, "2024", "closures") == 3);
    CHECK(cell(y, "2025", "closures") == 12);
    CHECK(cell(y, "2023", "stock_31dec") == 7);
    CHECK(cell(y, "2024", "stock_31dec") == 11);
    CHECK(cell(y, "2025", "stock_31dec") == 0);  // the report date, 31 March 2025
    const auto& t = table(r->set, "trajecten.flow", "totals");
    CHECK(cell(t, "totaal aantal trajecten", "n") == 18);
    CHECK(cell(t, "totaal aantal trajecten", "denom_fixed") == 28);
    CHECK(cell(t, "totaal aantal trajecten", "pct_fixed") == Approx(64.2857).epsilon(1e-5));
    CHECK(cell(t, "niet opgestart", "n") == 10);
  }
}

TEST_CASE("trajecten demo through the analysis: Tables 2-4 of the started trajectories", "[trajecten]") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    auto r = run_demo(seed);
    const auto& a = table(r->set, "trajecten.age", "ages");
    const double want[7] = {2, 0, 2, 4, 4, 4, 2};
    REQUIRE(a.rows.size() == 7);  // every age 10–16, 11 with zero
    for (int i = 0; i < 7; ++i) CHECK(cell(a, std::to_string(10 + i), "n") == want[i]);
    const auto& s = table(r->set, "trajecten.age", "summary");
    CHECK(cell(s, "bij aanmelding", "mean") == Approx(244.0 / 18));
    CHECK(cell(s, "bij aanmelding", "median") == 14);
    CHECK(cell(s, "bij aanmelding", "min") == 10);
    CHECK(cell(s, "bij aanmelding", "max") == 16);
    const auto& g = table(r->set, "trajecten.region", "regions");
    REQUIRE(g.rows.size() == 5);  // Rits shown with 0
    CHECK(cell(g, "Houtland en polder", "n") == 5);
    CHECK(cell(g, "Westhoek", "n") == 7);
    CHECK(cell(g, "Westhoek", "pct_fixed") == Approx(38.8889).epsilon(1e-5));
    CHECK(cell(g, "Midden WVL", "n") == 3);
    CHECK(cell(g, "Westkust en polder", "n") == 3);
    CHECK(cell(g, "Rits", "n") == 0);
    const auto& f = table(r->set, "trajecten.referrer", "referrers");
    CHECK(cell(f, "Voorziening (totaal)", "n") == 6);
    CHECK(cell(f, "  • INOA", "n") == 1);
    CHECK(cell(f, "  • Tordale", "n") == 1);
    CHECK(cell(f, "  • VOT", "n") == 4);
    CHECK(cell(f, "Internaat (De Hazelaar)", "n") == 1);
    CHECK(cell(f, "Jeugdhulpregie ACT", "n") == 2);
    CHECK(cell(f, "OOOC (De Luwte)", "n") == 2);
    CHECK(cell(f, "SDJ (totaal)", "n") == 5);
    CHECK(cell(f, "  • Ieper", "n") == 2);
    CHECK(cell(f, "  • Brugge", "n") == 3);
    CHECK(cell(f, "CLB (Mandel en Leie)", "n") == 1);
    CHECK(cell(f, "Pleegzorg West-Vlaanderen", "n") == 1);
    CHECK(table(r->set, "trajecten.no_start", "reasons").rows.size() == 4);
    CHECK(cell(table(r->set, "trajecten.no_start", "reasons"), "passend alternatief", "n") == 4);
    const auto& u = table(r->set, "trajecten.units", "units");
    CHECK(cell(u, "aangemeld als gezin", "n") == 2);
    const auto& q = table(r->set, "trajecten.quality", "rows");
    CHECK(cell(q, "rijen in", "n") == 28);
    CHECK(cell(q, "gebruikt", "n") == 28);
    CHECK(cell(q, "uitgesloten", "n") == 0);
  }
}

// §2.5 "Lopende trajecten 7 11": two values under three year columns. Stock on 31 Dec 2023 equals stock on 1 Jan
// 2024, so both readings hold; the table carries both rows.
TEST_CASE("2.5 lopende trajecten 7 11: both stock readings are shown and agree", "[trajecten][inconsistency]") {
  auto r = run_demo(2023);
  const auto& y = table(r->set, "trajecten.flow", "years");
  CHECK(cell(y, "2023", "stock_31dec") == 7);
  CHECK(cell(y, "2024", "stock_1jan") == 7);
  CHECK(cell(y, "2024", "stock_31dec") == 11);
  CHECK(cell(y, "2025", "stock_1jan") == 11);
  const auto& notes = result(r->set, "trajecten.flow").notes;
  CHECK(std::any_of(notes.begin(), notes.end(), [](const auto& n) { return n.nl.find("7 11") != std::string::npos; }));
}

// §2.5 Tables 2–4 count the 18 started trajectories, not the 28 registrations.
TEST_CASE("2.5 tables count started trajectories, not registrations", "[trajecten][inconsistency]") {
  auto r = run_demo(7);
  const auto& a = table(r->set, "trajecten.age", "ages");
  double sum = 0;
  for (const auto& row : a.rows) sum += row[1].as_double();
  CHECK(sum == 18);
  CHECK(cell(a, "10", "denom_fixed") == 18);
  CHECK(result(r->set, "trajecten.region").unit.nl == "opgestarte trajecten");
}

// §2.5 age 10–16 at registration vs "jongeren tussen 10 en 17 jaar": 17 is an age during the trajectory.
TEST_CASE("2.5 age 10-16 at registration, 17 at closure", "[trajecten][inconsistency]") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    auto r = run_demo(seed);
    const auto& s = table(r->set, "trajecten.age", "summary");
    CHECK(cell(s, "bij aanmelding", "max") == 16);
    CHECK(cell(s, "bij afronding", "max") == 17);
    CHECK(cell(table(r->set, "trajecten.age", "ages_closure"), "17", "n") >= 1);
  }
}

// §2.5 "zelf geen aanmelders" (about 2024) vs "Jeugdhulpregie ACT 2": reproducible only if both are from 2023. The
// analysis keeps the referral counts and carries the note; the demo's ACT referrals are registered in 2023.
TEST_CASE("2.5 ACT referrals only in 2023", "[trajecten][inconsistency]") {
  const auto d = demo::generate_trajecten(11);
  int act = 0;
  for (const auto& t : d.rows)
    if (t.aanmelder == "Jeugdhulpregie ACT") {
      ++act;
      CHECK(t.aanmelddatum < core::days_from_civil(2024, 1, 1));
    }
  CHECK(act == 2);
  auto r = run_demo(11);
  const auto& notes = result(r->set, "trajecten.referrer").notes;
  CHECK(std::any_of(notes.begin(), notes.end(), [](const auto& n) { return n.nl.find("ACT") != std::string::npos; }));
}

// §2.5 the 3-month minimum vs starts = closures = 18 by 31 March 2025: the single 2025 trajectory cannot last three
// completed months; it is flagged "duur < minimum 3 maanden", the only one.
TEST_CASE("2.5 3-month minimum vs the 2025 start closed by the report date", "[trajecten][inconsistency]") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    auto r = run_demo(seed);
    const auto& m = table(r->set, "trajecten.timing", "minimum");
    CHECK(cell(m, "afgerond binnen", "n") == 1);
    CHECK(cell(m, "afgerond binnen", "denom_fixed") == 18);
    const auto& s = table(r->set, "trajecten.timing", "short");
    REQUIRE(s.rows.size() == 1);
    CHECK(s.intern_only);
    CHECK(s.rows[0][1].s.substr(6) == "2025");
    CHECK(s.rows[0][4].s == "duur < minimum 3 maanden");
    CHECK(rule_count(r->set, "short_duration") == 1);
  }
}

// §2.5 "twee gezinnen": placed in 2024 by the demo; the period is not published (a note says so).
TEST_CASE("2.5 twee gezinnen: period not published", "[trajecten][inconsistency]") {
  auto r = run_demo(3);
  CHECK(cell(table(r->set, "trajecten.units", "units"), "aangemeld als gezin", "n") == 2);
  const auto& notes = result(r->set, "trajecten.units").notes;
  CHECK(std::any_of(notes.begin(), notes.end(), [](const auto& n) { return n.nl.find("periode") != std::string::npos; }));
}

TEST_CASE("trajecten blocking: 3x3 table, Bowker, Stuart-Maxwell and McNemar on the demo", "[trajecten]") {
  auto r = run_demo(2023);
  const auto& t = table(r->set, "trajecten.blocking", "table");
  // Rows before, columns after: 1/3/4, 1/3/5, 0/1/0 (the generator's quotas, every seed).
  CHECK(cell(t, "Geblokkeerd", "after_2") == 4);
  CHECK(cell(t, "Dreigend te blokkeren", "after_2") == 5);
  CHECK(cell(t, "Niet geblokkeerd", "after_1") == 1);
  const auto& res = result(r->set, "trajecten.blocking");
  REQUIRE(res.tests.size() == 4);
  // Bowker by hand: pairs (G,D) 3 vs 1, (G,N) 4 vs 0, (D,N) 5 vs 1: 4/4 + 16/4 + 16/6 = 7.6667, df 3.
  CHECK(res.tests[0].statistic == Approx(1.0 + 4.0 + 16.0 / 6.0));
  CHECK(res.tests[0].df == 3);
  // Collapsed 2x2: b = 9 (blocked/threatened → not), c = 1: (|9 − 1| − 1)² / 10 = 4.9.
  CHECK(res.tests[2].statistic == Approx(4.9));
  CHECK(res.tests[3].p == Approx(0.021484375));  // binom.test(9, 10): 2 × 11/1024
}

TEST_CASE("trajecten coarsening: age bands, level-1 referrers and merged regions (shared-rules Tiny n)", "[trajecten]") {
  auto r = run_demo(2023);
  const auto& c = result(r->set, "trajecten.coarsening");
  CHECK_FALSE(c.client_unit);
  const auto& t = table(r->set, "trajecten.coarsening", "options");
  // Ages 2/0/2/4/4/4/2: six of seven cells in 1..4; bands 10–12 = 4, 13–14 = 8, 15–17 = 6: one small cell.
  CHECK(cell(t, "leeftijd in groepen", "small_without") == 6);
  CHECK(cell(t, "leeftijd in groepen", "small_with") == 1);
  // Regions 5/7/3/3/0: two small; merged (Houtland + Westkust + Rits = 8, Westhoek 7, Midden 3): one.
  CHECK(cell(t, "regio's samenvoegen", "small_without") == 2);
  CHECK(cell(t, "regio's samenvoegen", "small_with") == 1);
  // Referrers: 12 rows (7 level 1 + 5 level 2), small: 6 sub-rows … level 1 only: 6, 1, 2, 2, 5, 1, 1 → 5 small.
  CHECK(cell(t, "aanmelder enkel", "small_with") == 5);
  CHECK(cell(t, "aanmelder enkel", "small_without") == 10);

  auto on = run_demo(2023, {{"coarsen_age", true}, {"coarsen_region", true}, {"coarsen_referrer", true}});
  const auto& a = table(on->set, "trajecten.age", "ages");
  REQUIRE(a.rows.size() == 3);
  CHECK(cell(a, "10–12", "n") == 4);
  CHECK(cell(a, "13–14", "n") == 8);
  CHECK(cell(a, "15–17", "n") == 6);
  const auto& g = table(on->set, "trajecten.region", "regions");
  REQUIRE(g.rows.size() == 3);
  CHECK(cell(g, "Polder, kust en Rits", "n") == 8);
  const auto& f = table(on->set, "trajecten.referrer", "referrers");
  CHECK(f.rows.size() == 7);
  CHECK(cell(f, "Voorziening", "n") == 6);
  auto k3 = run_demo(2023, {{"k", 3}});
  CHECK(cell(table(k3->set, "trajecten.coarsening", "options"), "regio's samenvoegen", "small_without") == 0);
}
