// The SofS analyses (SPEC §2.1, §3.1) on the small hand-made file of eight trajectories (kCsv in
// sofs_test_support.h, with hand-computed answers): every result id in page order, and the counts, steps and
// denominators of each result — overview, case type, steps open vs closed, the all-steps composite, partnership,
// network meetings and figures, plan B, by organisation (consent), and the quality rules with their per-cell flags.
// The rest of the SofS tests: test_analysis_sofs_statistics.cpp (tests, times to a step, trend),
// test_analysis_sofs_demo.cpp (the published figures on the demo), test_analysis_sofs_options.cpp (filters, the
// as-of date, edge cases, werkmap options, `analyse` via Settings, determinism, the 100,000-row timing).
#include "sofs_test_support.h"

#include <cmath>
#include <string>
#include <vector>

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;

TEST_CASE("SofS: all result ids in page order") {
  Small s;
  REQUIRE(s.ds.mapping.ok());
  const auto rs = s.run();
  const std::vector<std::string> ids = {
      "sofs.overview",       "sofs.case_type",      "sofs.steps",         "sofs.all_steps",     "sofs.partnership",
      "sofs.network_meetings", "sofs.network_figures", "sofs.plan_b",      "sofs.plan_vs_steps", "sofs.plan_adult_groups",
      "sofs.time_to_step",   "sofs.trend",          "sofs.by_organisation", "sofs.quality"};
  REQUIRE(rs.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    CHECK(rs[i].id == ids[i]);
    CHECK(!rs[i].title.nl.empty());
    CHECK(!rs[i].title.en.empty());
    CHECK(!rs[i].unit.nl.empty());
    // Every result but the overview (headline cards) says how it is drawn.
    CHECK(rs[i].views.empty() == (rs[i].id == "sofs.overview"));
    CHECK(!rs[i].notes.empty());
    CHECK(!rs[i].tables.empty());
    for (const auto& n : rs[i].notes) CHECK(n.en.rfind("sofs.", 0) != 0);  // every key resolved
  }
}

TEST_CASE("SofS small: overview") {
  Small s;
  const Table& t = table(result(s.run(), "sofs.overview"), "headline");
  // rows: trajectories, open, closed, median duration, all steps, adult plan, child plan, plan B activated
  CHECK(n(t, 0, "n") == 8);
  CHECK(n(t, 1, "n") == 2);
  CHECK(n(t, 1, "denom_all") == 8);
  CHECK(n(t, 2, "n") == 6);
  CHECK(x(t, 2, "pct_all") == Approx(75.0));
  // durations 111, 119, 245, 257, 259, 334 days: median (245 + 257) / 2 = 251 days, exact months
  CHECK(x(t, 3, "value") == Approx(251.0 / kMonth));
  CHECK(n(t, 3, "n") == 6);
  // all steps (closed): T1, T2 (meeting date), T4 ("ja" child plan) = 3 of 6
  CHECK(n(t, 4, "n") == 3);
  CHECK(n(t, 4, "denom_all") == 6);
  CHECK(n(t, 4, "denom_valid") == 6);
  // adult plan closed: 5 taken, 1 "nee": 5/6
  CHECK(n(t, 5, "n") == 5);
  CHECK(n(t, 5, "denom_valid") == 6);
  // child plan closed: T1, T2, T4 ("ja") taken; T3, T8 "nee"; T7 missing: valid 3/5 = 60 %, all 3/6
  CHECK(n(t, 6, "n") == 3);
  CHECK(n(t, 6, "missing") == 1);
  CHECK(x(t, 6, "pct_valid") == Approx(60.0));
  CHECK(x(t, 6, "pct_all") == Approx(50.0));
  // plan B activated closed: T1, T4, T7 dated; T2, T8 "nee"; T3 empty: 3/5
  CHECK(n(t, 7, "n") == 3);
  CHECK(n(t, 7, "denom_valid") == 5);
  CHECK(n(t, 7, "denom_all") == 6);
}

TEST_CASE("SofS small: case type with the three denominators") {
  Small s;
  const Table& t = table(result(s.run(), "sofs.case_type"), "frequencies");
  CHECK(n(t, row_of(t, "category", "IFG"), "n") == 4);
  CHECK(x(t, row_of(t, "category", "IFG"), "pct_all") == Approx(50.0));
  CHECK(n(t, row_of(t, "category", "EM"), "n") == 1);
  CHECK(n(t, row_of(t, "category", "FM"), "n") == 0);  // listed codes stay, also at 0
  CHECK(n(t, row_of(t, "category", "Geen"), "n") == 1);
  CHECK(n(t, 0, "denom_valid") == 8);
}

TEST_CASE("SofS small: steps open vs closed") {
  Small s;
  const Table& t = table(result(s.run(), "sofs.steps"), "steps");
  REQUIRE(t.rows.size() == 33);  // (10 steps + meeting held) × closed, open, all
  // W&P (step 7): closed taken T1 T2 T4 T8, "nee" T3 T7 → 4/6; open: both missing → no valid denominator
  const size_t wp = row_of(t, "step_id", "woord_en_beeld");
  CHECK(n(t, wp, "n") == 4);
  CHECK(n(t, wp, "denom_valid") == 6);
  CHECK(n(t, wp + 1, "n") == 0);
  CHECK(n(t, wp + 1, "missing") == 2);
  CHECK(n(t, wp + 1, "denom_valid") == 0);
  CHECK(na(t, wp + 1, "pct_valid"));
  // mapping intern closed: taken T1 T2 T4 T7, "nee" T3, missing T8 → 4/5 valid, 4/6 all
  const size_t mi = row_of(t, "step_id", "mapping_intern");
  CHECK(n(t, mi, "n") == 4);
  CHECK(x(t, mi, "pct_valid") == Approx(80.0));
  CHECK(n(t, mi, "denom_all") == 6);
  // family mapping open: T5 dated, T6 "ja" (taken without a date) → 2/2
  const size_t mf = row_of(t, "step_id", "mapping_familie");
  CHECK(n(t, mf + 1, "n") == 2);
  CHECK(n(t, mf + 1, "denom_valid") == 2);
  // meeting held (closed): T1 count 6, T2 a date (≥ 1), T4 3, T8 1 held; T3 0; T7 missing → 4/5 valid
  const size_t mh = row_of(t, "step_id", "netwerkberaden");
  CHECK(n(t, mh, "n") == 4);
  CHECK(n(t, mh, "denom_valid") == 5);
  CHECK(n(t, mh + 2, "n") == 5);  // all: + T6 (2 meetings)
  // steps after the end date / before the start stay taken and are flagged
  const Result& r = result(s.run(), "sofs.steps");
  bool after = false;
  for (const auto& f : r.flags)
    if (f.rule == "step_after_end") {
      after = true;
      CHECK(f.row == 5);  // T4: data row 4, header = row 1
      CHECK(f.column == "Traject");
      CHECK(f.value == "2023-05-15");  // the reader keeps a date cell as its ISO date
    }
  CHECK(after);
}

TEST_CASE("SofS small: all steps composite and duration") {
  Small s;
  const Result& r = result(s.run(), "sofs.all_steps");
  const Table& c = table(r, "composite");
  // closed: 3 of 6; open: T5 has a "nee" (not all), T6 undetermined (steps missing, none "nee")
  CHECK(n(c, 0, "n") == 3);
  CHECK(n(c, 0, "denom_all") == 6);
  CHECK(n(c, 1, "n") == 0);
  CHECK(n(c, 1, "missing") == 1);
  CHECK(n(c, 1, "denom_valid") == 1);
  CHECK(n(c, 2, "n") == 3);
  CHECK(n(c, 2, "denom_all") == 8);
  // × duration ≥ 8 completed months: complete T1 (8) long, T2 and T4 (3) short; not complete T3 (8), T7 (8),
  // T8 (11) long
  const Table& x2 = table(r, "by_duration");
  CHECK(n(x2, 0, "n_long") == 1);
  CHECK(n(x2, 0, "n_short") == 2);
  CHECK(n(x2, 1, "n_long") == 3);
  CHECK(n(x2, 1, "n_short") == 0);
  const Table& k = table(r, "conditional");
  CHECK(n(k, 0, "n") == 1);
  CHECK(n(k, 0, "denominator") == 3);
  CHECK(n(k, 1, "n") == 1);
  CHECK(n(k, 1, "denominator") == 4);
  CHECK(x(k, 1, "pct") == Approx(25.0));
  CHECK(table(r, "components").rows.size() == 11);

  // A custom composite: only the adult plan and the meetings.
  analysis::sofs::Options o;
  o.all_steps = {"veiligheidsplan_volwassenen", "netwerkberaden"};
  const Table& c2 = table(result(s.run(o), "sofs.all_steps"), "composite");
  // closed: T1 T2 T4 T8 (plan + held); T7 plan but meetings missing → undetermined; T3 no
  CHECK(n(c2, 0, "n") == 4);
  CHECK(n(c2, 0, "missing") == 1);
}

TEST_CASE("SofS small: partnership and organisations without consulent data") {
  Small s;
  const Result& r = result(s.run(), "sofs.partnership");
  const Table& t = table(r, "involvement");
  const size_t vd = row_of(t, "step_id", "veiligheidsdoel");
  // safety goal taken by T1 T2 T3 T4 T7 (5): CB ja T1 T2 T3 T7 → 4/5; consulent ja T1 T7, nee T2, empty T3 T4
  CHECK(n(t, vd, "n") == 4);
  CHECK(n(t, vd, "denom_all") == 5);
  CHECK(x(t, vd, "pct_all") == Approx(80.0));
  CHECK(n(t, vd + 1, "n") == 2);
  CHECK(n(t, vd + 1, "missing") == 2);
  CHECK(x(t, vd + 1, "pct_all") == Approx(40.0));
  CHECK(n(t, vd + 1, "denom_valid") == 3);
  const Table& o = table(r, "no_consulent_data");
  // Org B, C, D registered no consulent data at all: 3 of 4; none consented → one pooled row
  CHECK(n(o, 0, "n") == 3);
  CHECK(n(o, 0, "denominator") == 4);
  REQUIRE(o.rows.size() == 2);
  CHECK(at(o, 1, "organisation").en == "other organisations");
  CHECK(n(o, 1, "n") == 3);
  // With consent of Org B it is named; the other two stay pooled.
  analysis::sofs::Options opt;
  opt.consent = {"Org B"};
  const Table& o2 = table(result(s.run(opt), "sofs.partnership"), "no_consulent_data");
  REQUIRE(o2.rows.size() == 3);
  CHECK(at(o2, 1, "organisation").s == "Org B");
  CHECK(n(o2, 2, "n") == 2);
}

TEST_CASE("SofS small: network meetings (a date is left out of the counts)") {
  Small s;
  const Result& r = result(s.run(), "sofs.network_meetings");
  const Table& cells = table(r, "cells");
  CHECK(n(cells, 0, "n") == 5);  // numeric counts 6, 0, 3, 2, 1
  CHECK(n(cells, 1, "n") == 1);  // T2's date
  CHECK(n(cells, 2, "n") == 2);  // T5, T7 empty
  CHECK(n(cells, 0, "n_closed") == 4);
  CHECK(n(cells, 2, "n_closed") == 1);
  const Table& d = table(r, "descriptives");
  CHECK(x(d, 0, "value") == 5);
  CHECK(x(d, 2, "value") == Approx(2.4));
  CHECK(x(d, 3, "value") == Approx(std::sqrt(21.2 / 4)));
  CHECK(x(d, 4, "value") == 2);
  CHECK(x(d, 8, "value") == 0);
  CHECK(x(d, 9, "value") == 6);
  const Table& g = table(r, "guideline");
  CHECK(n(g, 0, "n") == 1);  // zero
  CHECK(n(g, 0, "denominator") == 5);
  CHECK(n(g, 1, "n") == 1);  // within 6–12
  CHECK(n(g, 2, "n") == 1);  // ≥ 6
  CHECK(n(g, 3, "n") == 0);  // > 12
  CHECK(n(g, 4, "n") == 1);  // closed without: T3
  CHECK(n(g, 4, "denominator") == 6);
  CHECK(n(g, 5, "n") == 1);  // closed missing: T7
  CHECK(n(g, 6, "n") == 1);  // closed date: T2
  CHECK(at(g, 1, "indicator").en == "Within the guideline (6–12)");
  REQUIRE(r.flags.size() == 1);
  CHECK(r.flags[0].rule == "date_in_count");
  CHECK(r.flags[0].row == 3);
  CHECK(r.flags[0].value == "12/03/2022");
  CHECK(table(r, "distribution").rows.size() == 5);
  REQUIRE(r.views.size() == 1);
  CHECK(r.views[0].kind == analysis::ViewKind::histogram);
  CHECK(r.views[0].integer_bins);
}

TEST_CASE("SofS small: network figures") {
  Small s;
  const Result& r = result(s.run(), "sofs.network_figures");
  const Table& d = table(r, "descriptives");
  CHECK(x(d, 0, "value") == 7);  // 4, 2, 0, 5, 3, 1, 6
  CHECK(x(d, 2, "value") == Approx(3.0));
  CHECK(x(d, 4, "value") == 3);
  CHECK(x(d, 9, "value") == 6);
  const Table& z = table(r, "zero");
  CHECK(n(z, 1, "n") == 1);
  CHECK(n(z, 1, "denominator") == 6);
}

TEST_CASE("SofS small: plan B") {
  Small s;
  const Result& r = result(s.run(), "sofs.plan_b");
  const Table& o = table(r, "open_defined");
  CHECK(n(o, row_of(o, "category", "verblijf"), "n") == 1);
  CHECK(x(o, row_of(o, "category", "verblijf"), "pct_all") == Approx(50.0));
  CHECK(n(o, row_of(o, "category", "netwerk"), "n") == 0);
  const Table& c = table(r, "closed_activated");
  CHECK(n(c, 0, "n") == 3);
  CHECK(x(c, 0, "pct_valid") == Approx(60.0));
  CHECK(n(c, 1, "n") == 2);
  const Table& ty = table(r, "activated_type");
  CHECK(n(ty, row_of(ty, "category", "netwerk"), "n") == 3);
  CHECK(n(ty, row_of(ty, "category", "netwerk"), "denom_all") == 3);
}

TEST_CASE("SofS small: by organisation — consent by name, others pooled, sorted by name") {
  Small s;
  analysis::sofs::Options o;
  o.consent = {"Org D", "Org A"};
  const Result& r = result(s.run(o), "sofs.by_organisation");
  const Table& t = table(r, "summary");
  REQUIRE(t.rows.size() == 3);
  CHECK(at(t, 0, "organisation").s == "Org A");
  CHECK(at(t, 1, "organisation").s == "Org D");
  CHECK(at(t, 2, "organisation").en == "other organisations");
  CHECK(n(t, 0, "n") == 3);
  CHECK(x(t, 0, "mean_meetings") == 6);  // T1 only (T2 a date, T7 missing)
  CHECK(n(t, 2, "n") == 4);
  CHECK(n(t, 2, "open") == 2);
  const Table& ind = table(r, "indicators");
  // others: adult plan T3 nee, T4 yes → 1/2
  const size_t others = row_of(ind, "organisation", "other organisations");
  CHECK(n(ind, others + 1, "n") == 1);
  CHECK(n(ind, others + 1, "denom_valid") == 2);
  // No consent: one pooled group, never letters.
  const Table& t0 = table(result(s.run(), "sofs.by_organisation"), "summary");
  REQUIRE(t0.rows.size() == 1);
  CHECK(n(t0, 0, "n") == 8);
}

TEST_CASE("SofS small: quality rules and per-cell flags") {
  Small s;
  const Result& r = result(s.run(), "sofs.quality");
  const Table& t = table(r, "rules");
  auto count = [&](const char* rule) { return n(t, row_of(t, "rule_id", rule), "n"); };
  CHECK(count("date_in_count") == 1);
  CHECK(count("step_before_start") == 1);
  CHECK(count("plan_b_before_start") == 1);
  CHECK(count("end_before_start") == 0);
  CHECK(count("step_after_end") == 1);
  CHECK(count("plan_b_blank") == 3);  // T3, T6, T8
  CHECK(count("date_out_of_range") == 0);
  CHECK(count("organisation_without_consulent") == 3);
  CHECK(r.flags.size() == 7);
  for (const auto& f : r.flags) {
    CHECK(f.file == "sofs.csv");
    CHECK(f.row >= 2);
  }
}
