// The SofS analyses (SPEC §2.1, §3.1): (a) every result id on a small hand-made file with hand-computed answers;
// (b) the published figures on the seeded demo, exactly where the demo targets them (demo/demo.h), approximately
// where it only approximates them; (c) the published figures that cannot be reproduced, with the reason;
// (d) options round trip, filters, consent, `analyse` via Settings, and determinism.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <deque>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/sofs.h"
#include "session/run.h"
#include "analysis/sofs_common.h"
#include "core/schema.h"
#include "core/table.h"
#include "core/werkmap.h"
#include "demo/demo.h"
#include "report/json_export.h"

using namespace zicht;
using analysis::Result;
using analysis::Table;
using analysis::Value;

namespace {

core::ReadResult read(const std::string& text, const std::string& name = "sofs.csv") {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

int32_t day(int y, unsigned m, unsigned d) { return core::days_from_civil(y, m, d); }

core::MappedDataset map(const core::ReadResult& r, std::optional<int32_t> as_of = std::nullopt) {
  core::ProfileSettings ps;
  ps.as_of = as_of;
  return core::map_file(r, *core::find_schema("sofs"), ps);
}

const Result& result(const std::vector<Result>& rs, const std::string& id) {
  for (const auto& r : rs)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}

const Table& table(const Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}

const Value& at(const Table& t, size_t row, const std::string& col) {
  const int c = t.column_index(col);
  REQUIRE(c >= 0);
  REQUIRE(row < t.rows.size());
  return t.rows[row][size_t(c)];
}
int64_t n(const Table& t, size_t row, const std::string& col) {
  const Value& v = at(t, row, col);
  REQUIRE(v.kind == Value::Kind::integer);
  return v.i;
}
double x(const Table& t, size_t row, const std::string& col) {
  const Value& v = at(t, row, col);
  REQUIRE(v.is_number());
  return v.as_double();
}
bool na(const Table& t, size_t row, const std::string& col) { return at(t, row, col).kind == Value::Kind::missing; }
// The row whose column `col` holds text `s` (verbatim code or the Dutch label) or the integer `s`.
size_t row_of(const Table& t, const std::string& col, const std::string& s, size_t nth = 0) {
  const int c = t.column_index(col);
  REQUIRE(c >= 0);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const Value& v = t.rows[i][size_t(c)];
    if ((v.kind == Value::Kind::text && (v.s == s || v.en == s)) ||
        (v.kind == Value::Kind::integer && std::to_string(v.i) == s)) {
      if (nth == 0) return i;
      --nth;
    }
  }
  FAIL("no row " << s << " in " << t.id);
  throw;
}
const analysis::TestResult& test_with(const Result& r, const std::string& name_part, const std::string& variant_part) {
  for (const auto& t : r.tests)
    if (t.name.find(name_part) != std::string::npos && t.variant.find(variant_part) != std::string::npos) return t;
  FAIL("no test " << name_part << " / " << variant_part << " in " << r.id);
  throw;
}

// Eight trajectories, as-of date 30 June 2023 (set explicitly). Header names as the demo writes them; the
// partnership columns only for the safety goal. Hand-derived facts per row:
//   T1 Org A IFG closed 2022, every step dated, 6 meetings, plan B netwerk activated 59 days after the start;
//      257 days (8 completed months).
//   T2 Org A V closed 2022, every step dated, a DATE in Netwerkberaden (≥ 1, count unknown), plan B verblijf "nee";
//      119 days (3 completed months).
//   T3 Org B IFG closed 2021, mapping intern "nee", 0 meetings, W&P/plans "nee", plan B blank; 245 days (8).
//   T4 Org B EM closed 2023, adult plan dated 31 days BEFORE the start (negative time), child plan "ja" without
//      date, timeline dated AFTER einddatum, plan B activated 5 days before the start; 111 days (3).
//   T5 Org C SM open (einddatum "nee"), three houses "nee", plan B verblijf, meetings and figures empty.
//   T6 Org C Geen open (einddatum empty), family mapping "ja", everything else empty, 2 meetings.
//   T7 Org A IFG closed 2023, W&P "nee", child plan empty, meetings empty; 259 days (8).
//   T8 Org D IFG closed 2022, only W&P and adult plan dated, child plan "nee", 1 meeting; 334 days (11).
const char* kCsv =
    "Identificatiecode;Organisatie;Startdatum traject;Typering casus;Mapping intern;Mapping met familie;3 huizen;"
    "Gevaarsboodschap;Veiligheidsdoel;Netwerk met aantal;Netwerkberaden;Veiligheidsschaal;Traject;W&P;"
    "Veiligheidsplan volwassenen;Kindversie veiligheidsplan;Plan B;Plan B in werking;Einddatum;Veiligheidsdoel CB;"
    "Veiligheidsdoel consulent\n"
    "T1;Org A;01/01/2022;IFG;05/01/2022;10/01/2022;01/02/2022;01/02/2022;15/02/2022;4;6;01/03/2022;01/04/2022;"
    "01/05/2022;01/07/2022;01/08/2022;In netwerk;01/03/2022;15/09/2022;ja;ja\n"
    "T2;Org A;01/02/2022;V;02/02/2022;03/02/2022;01/03/2022;01/03/2022;10/03/2022;2;12/03/2022;15/03/2022;"
    "01/04/2022;15/04/2022;01/05/2022;15/05/2022;verblijf;nee;31/05/2022;ja;nee\n"
    "T3;Org B;01/03/2021;IFG;nee;05/03/2021;01/04/2021;01/04/2021;15/04/2021;0;0;01/05/2021;01/06/2021;nee;nee;nee;"
    ";;01/11/2021;ja;\n"
    "T4;Org B;10/01/2023;EM;10/01/2023;12/01/2023;01/02/2023;01/02/2023;15/02/2023;5;3;01/03/2023;15/05/2023;"
    "01/03/2023;10/12/2022;ja;In netwerk;05/01/2023;01/05/2023;nee;\n"
    "T5;Org C;01/01/2023;SM;15/01/2023;20/01/2023;nee;;;;;;;;;;verblijf;;nee;;\n"
    "T6;Org C;01/03/2023;Geen;;ja;;;;3;2;;;;;;;;;;\n"
    "T7;Org A;01/06/2022;IFG;05/06/2022;10/06/2022;01/07/2022;01/07/2022;15/07/2022;1;;01/08/2022;01/09/2022;nee;"
    "01/12/2022;;In netwerk;01/07/2022;15/02/2023;ja;ja\n"
    "T8;Org D;01/01/2022;IFG;;;;;;6;1;;;01/05/2022;01/06/2022;nee;;nee;01/12/2022;;\n";

const double kMonth = 30.4375;

struct Small {
  core::ReadResult file = read(kCsv);
  core::MappedDataset ds = map(file, day(2023, 6, 30));
  std::deque<std::vector<Result>> kept;  // results stay alive for the whole test case (references into them)
  const std::vector<Result>& run(const analysis::sofs::Options& o = {}) {
    kept.push_back(analysis::sofs::results(ds, o));
    return kept.back();
  }
};

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// (a) The hand-made file: every result id.

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

TEST_CASE("SofS small: filters apply before everything") {
  Small s;
  auto trajectories = [&](const analysis::sofs::Options& o) {
    return n(table(result(s.run(o), "sofs.overview"), "headline"), 0, "n");
  };
  analysis::sofs::Options o;
  o.status = "closed";
  CHECK(trajectories(o) == 6);
  o = {};
  o.organisations = {"Org A"};
  CHECK(trajectories(o) == 3);
  o = {};
  o.typering = {"IFG"};
  CHECK(trajectories(o) == 4);
  o = {};
  o.period_by_end = true;
  o.period_from = day(2023, 1, 1);
  CHECK(trajectories(o) == 2);  // T4, T7
  o = {};
  o.period_from = day(2022, 1, 1);
  o.period_to = day(2022, 12, 31);
  CHECK(trajectories(o) == 4);  // T1, T2, T7, T8 by start date
  o = {};
  o.duration_months = 6;
  const Table& th = table(result(s.run(o), "sofs.time_to_step"), "duration_threshold");
  CHECK(n(th, 0, "n") == 2);  // ≤ 6: T2, T4
}

TEST_CASE("SofS: status is decided on the as-of date") {
  core::ReadResult f = read(kCsv);
  // On 1 March 2023 T4 (ends 1 May 2023) and T7 (ends 15 Feb 2023 → closed) differ: T4 is still open.
  core::MappedDataset ds = map(f, day(2023, 3, 1));
  const std::vector<Result> rs = analysis::sofs::results(ds, {});
  const Table& t = table(result(rs, "sofs.overview"), "headline");
  CHECK(n(t, 2, "n") == 5);
  const Table& q = table(result(rs, "sofs.quality"), "rules");
  CHECK(n(q, row_of(q, "rule_id", "end_after_as_of"), "n") == 1);
}

TEST_CASE("SofS: only the required columns, or no rows at all: every result, no crash") {
  core::ReadResult f = read("Identificatiecode;Startdatum traject\nA;01/01/2022\nB;01/02/2022\n");
  core::MappedDataset ds = map(f, day(2023, 1, 1));
  REQUIRE(ds.mapping.ok());
  const auto rs = analysis::sofs::results(ds, {});
  REQUIRE(rs.size() == 14);
  const Table& o = table(result(rs, "sofs.overview"), "headline");
  CHECK(n(o, 0, "n") == 2);
  CHECK(n(o, 1, "n") == 2);  // no end date column: open
  CHECK(n(table(result(rs, "sofs.all_steps"), "composite"), 2, "missing") == 2);  // undetermined
  core::ReadResult empty = read("Identificatiecode;Startdatum traject;Einddatum;Netwerkberaden\n");
  core::MappedDataset de = map(empty, day(2023, 1, 1));
  const auto re = analysis::sofs::results(de, {});
  REQUIRE(re.size() == 14);
  CHECK(n(table(result(re, "sofs.overview"), "headline"), 0, "n") == 0);
  CHECK(na(table(result(re, "sofs.overview"), "headline"), 3, "value"));
}

// ---------------------------------------------------------------------------------------------------------------
// (b) The demo: the published figures of SPEC §3.1.

namespace {
struct Demo {
  std::string csv = demo::generate_csv(demo::DemoOptions{});
  core::ReadResult file = read(csv, "sofs_demo.csv");
  core::MappedDataset ds = map(file);
  std::vector<Result> rs = analysis::sofs::results(ds, {});
};
const Demo& the_demo() {
  static const Demo d;
  return d;
}
}  // namespace

TEST_CASE("SofS demo: exact published figures") {
  const Demo& d = the_demo();
  REQUIRE(d.ds.mapping.ok());
  CHECK(core::format_iso_date(d.ds.as_of) == "2023-10-05");
  const auto& rs = d.rs;

  // 370 = 134 open + 236 closed
  const Table& o = table(result(rs, "sofs.overview"), "headline");
  CHECK(n(o, 0, "n") == 370);
  CHECK(n(o, 1, "n") == 134);
  CHECK(n(o, 2, "n") == 236);
  // all steps 67/236 = 28.4 % (`all`); adult plan 126/185 = 68.1 % and child plan 87/165 = 52.7 % (`valid`);
  // plan B activated 77/165 = 46.7 % (`valid`)
  CHECK(n(o, 4, "n") == 67);
  CHECK(n(o, 4, "denom_all") == 236);
  CHECK(x(o, 4, "pct_all") == Approx(28.39).margin(0.005));
  CHECK(n(o, 5, "n") == 126);
  CHECK(n(o, 5, "denom_valid") == 185);
  CHECK(x(o, 5, "pct_valid") == Approx(68.1).margin(0.05));
  CHECK(n(o, 6, "n") == 87);
  CHECK(n(o, 6, "denom_valid") == 165);
  CHECK(x(o, 6, "pct_valid") == Approx(52.7).margin(0.05));
  CHECK(n(o, 7, "n") == 77);
  CHECK(n(o, 7, "denom_valid") == 165);
  CHECK(x(o, 7, "pct_valid") == Approx(46.7).margin(0.05));

  // Figure 4: case types 56/17/175/26/82/14 of 370 = 15.1 / 4.6 / 47.3 / 7.0 / 22.2 / 3.8 % (`all`)
  const Table& ct = table(result(rs, "sofs.case_type"), "frequencies");
  const std::pair<const char*, std::pair<int, double>> types[] = {
      {"EM", {56, 15.1}}, {"FM", {17, 4.6}}, {"IFG", {175, 47.3}}, {"SM", {26, 7.0}}, {"V", {82, 22.2}}, {"Geen", {14, 3.8}}};
  for (const auto& [code, v] : types) {
    INFO(code);
    const size_t i = row_of(ct, "category", code);
    CHECK(n(ct, i, "n") == v.first);
    CHECK(n(ct, i, "denom_all") == 370);
    CHECK(x(ct, i, "pct_all") == Approx(v.second).margin(0.05));
  }

  // Figure 5 (closed, `valid`): family mapping 228/233 = 97.9 %, W&P 166/215 = 77.2 %
  const Table& st = table(result(rs, "sofs.steps"), "steps");
  const size_t mf = row_of(st, "step_id", "mapping_familie");
  CHECK(n(st, mf, "n") == 228);
  CHECK(n(st, mf, "denom_valid") == 233);
  const size_t wp = row_of(st, "step_id", "woord_en_beeld");
  CHECK(n(st, wp, "n") == 166);
  CHECK(n(st, wp, "denom_valid") == 215);
  CHECK(x(st, wp, "pct_valid") == Approx(77.2).margin(0.05));

  // All steps × duration: 53 of the 67 lasted ≥ 8 completed months (79.1 %); 53/133 (39.9 %)
  const Table& cd = table(result(rs, "sofs.all_steps"), "conditional");
  CHECK(n(cd, 0, "n") == 53);
  CHECK(n(cd, 0, "denominator") == 67);
  CHECK(x(cd, 0, "pct") == Approx(79.1).margin(0.05));
  CHECK(n(cd, 1, "n") == 53);
  CHECK(n(cd, 1, "denominator") == 133);
  CHECK(x(cd, 1, "pct") == Approx(39.85).margin(0.001));  // 53/133 = 39.85 %, printed as 39.9

  // Figure 6: safety goals CB 291/308 = 94.5 %, consulent 78/308 = 25.3 % (`all`); 5 of 20 organisations
  const Result& pr = result(rs, "sofs.partnership");
  const Table& pt = table(pr, "involvement");
  const size_t vd = row_of(pt, "step_id", "veiligheidsdoel");
  CHECK(n(pt, vd, "n") == 291);
  CHECK(n(pt, vd, "denom_all") == 308);
  CHECK(x(pt, vd, "pct_all") == Approx(94.5).margin(0.05));
  CHECK(n(pt, vd + 1, "n") == 78);
  CHECK(x(pt, vd + 1, "pct_all") == Approx(25.3).margin(0.05));
  const Table& nc = table(pr, "no_consulent_data");
  CHECK(n(nc, 0, "n") == 5);
  CHECK(n(nc, 0, "denominator") == 20);

  // Figure 7: 246 numeric counts (91 dates = 24.6 %, 33 missing), range 0–19, median 4, ≥ 6: 81/246 = 32.9 %;
  // missing in 28/236 = 11.9 % of closed; 20/236 = 8.5 % of closed without any
  const Result& nm = result(rs, "sofs.network_meetings");
  const Table& cells = table(nm, "cells");
  CHECK(n(cells, 0, "n") == 246);
  CHECK(n(cells, 1, "n") == 91);
  CHECK(x(cells, 1, "pct") == Approx(24.6).margin(0.05));
  CHECK(n(cells, 2, "n") == 33);
  const Table& md = table(nm, "descriptives");
  CHECK(x(md, 4, "value") == 4);
  CHECK(x(md, 8, "value") == 0);
  CHECK(x(md, 9, "value") == 19);
  const Table& gl = table(nm, "guideline");
  CHECK(n(gl, 2, "n") == 81);
  CHECK(n(gl, 2, "denominator") == 246);
  CHECK(x(gl, 2, "pct") == Approx(32.9).margin(0.05));
  CHECK(n(gl, 5, "n") == 28);
  CHECK(n(gl, 5, "denominator") == 236);
  CHECK(x(gl, 5, "pct") == Approx(11.9).margin(0.05));
  CHECK(n(gl, 4, "n") == 20);
  CHECK(x(gl, 4, "pct") == Approx(8.5).margin(0.05));
  CHECK(nm.flags.size() == 91);

  // Figure 9: open `all` 37/134 = 27.6 % netwerk, 30/134 = 22.4 % verblijf; closed activated `valid` 77/165, of
  // which 38 netwerk (49.4 %) and 34 verblijf (44.2 %) of 77 (`all`)
  const Result& pb = result(rs, "sofs.plan_b");
  const Table& po = table(pb, "open_defined");
  CHECK(n(po, row_of(po, "category", "netwerk"), "n") == 37);
  CHECK(x(po, row_of(po, "category", "netwerk"), "pct_all") == Approx(27.6).margin(0.05));
  CHECK(n(po, row_of(po, "category", "verblijf"), "n") == 30);
  CHECK(x(po, row_of(po, "category", "verblijf"), "pct_all") == Approx(22.4).margin(0.05));
  CHECK(n(po, 0, "denom_all") == 134);
  const Table& pa = table(pb, "closed_activated");
  CHECK(n(pa, 0, "n") == 77);
  CHECK(n(pa, 0, "denom_valid") == 165);
  const Table& ptyp = table(pb, "activated_type");
  CHECK(n(ptyp, row_of(ptyp, "category", "netwerk"), "n") == 38);
  CHECK(x(ptyp, row_of(ptyp, "category", "netwerk"), "pct_all") == Approx(49.4).margin(0.05));
  CHECK(n(ptyp, row_of(ptyp, "category", "verblijf"), "n") == 34);
  CHECK(x(ptyp, row_of(ptyp, "category", "verblijf"), "pct_all") == Approx(44.2).margin(0.05));

  // Figure 12: 142/236 = 60.2 % ≤ 8 and 94 > 8 completed months, 39 at exactly 8; plan B at or before the start
  // 16/77 = 21 %
  const Result& tt = result(rs, "sofs.time_to_step");
  const Table& th = table(tt, "duration_threshold");
  CHECK(n(th, 0, "n") == 142);
  CHECK(x(th, 0, "pct") == Approx(60.2).margin(0.05));
  CHECK(n(th, 1, "n") == 94);
  CHECK(n(th, 2, "n") == 39);
  CHECK(n(th, 3, "n") == 133);
  const Table& ps = table(tt, "plan_b_start");
  CHECK(n(ps, 0, "n") == 16);
  CHECK(n(ps, 0, "denominator") == 77);
  CHECK(x(ps, 0, "pct") == Approx(21).margin(0.5));

  // Trend: closed 43/139/54; adult plan `valid` 13/30, 79/109, 34/46 → χ²(2) = 10.15; child plan `all`
  // 12/43, 54/139, 21/54 → χ²(2) = 1.81; W&P `valid` 27/38, 100/130, 39/47 → χ²(2) = 1.71; meetings
  // 95/28 = 3.39, 408/87 = 4.69, 244/33 = 7.39 on n = 148 → F(2,145)
  const Result& tr = result(rs, "sofs.trend");
  const Table& ti = table(tr, "indicators");
  const int64_t adult[3][2] = {{13, 30}, {79, 109}, {34, 46}}, child[3][2] = {{12, 43}, {54, 139}, {21, 54}};
  for (int y = 0; y < 3; ++y) {
    INFO(2021 + y);
    CHECK(at(ti, size_t(y), "year").i == 2021 + y);
    CHECK(n(ti, size_t(y), "n") == adult[y][0]);
    CHECK(n(ti, size_t(y), "denom_valid") == adult[y][1]);
    CHECK(n(ti, size_t(3 + y), "n") == child[y][0]);
    CHECK(n(ti, size_t(3 + y), "denom_all") == child[y][1]);
  }
  CHECK(x(ti, 0, "pct_valid") == Approx(43.3).margin(0.05));
  CHECK(x(ti, 1, "pct_valid") == Approx(72.5).margin(0.05));
  CHECK(x(ti, 2, "pct_valid") == Approx(73.9).margin(0.05));
  const auto& ca = test_with(tr, "Pearson", "Adult safety plan (closed) by closing year; denominator valid");
  CHECK(ca.statistic == Approx(10.15).margin(0.005));
  CHECK(ca.df == 2);
  CHECK(ca.n == 185);
  const auto& cc = test_with(tr, "Pearson", "Child version of the safety plan (closed) by closing year; denominator all");
  CHECK(cc.statistic == Approx(1.81).margin(0.005));
  CHECK(cc.df == 2);
  const auto& cw = test_with(tr, "Pearson", "W&P read (closed) by closing year; denominator valid");
  CHECK(cw.statistic == Approx(1.71).margin(0.005));
  const Table& tm = table(tr, "meetings");
  CHECK(x(tm, 0, "mean") == Approx(95.0 / 28));
  CHECK(x(tm, 1, "mean") == Approx(408.0 / 87));
  CHECK(x(tm, 2, "mean") == Approx(244.0 / 33));
  CHECK(n(tm, 0, "n_closed") == 43);
  CHECK(n(tm, 1, "n_closed") == 139);
  CHECK(n(tm, 2, "n_closed") == 54);
  const auto& an = test_with(tr, "variance", "network meetings");
  CHECK(an.n == 148);
  CHECK(an.df == 2);
  CHECK(an.variant.find("df2 = 145") != std::string::npos);
}

TEST_CASE("SofS demo: approximate figures (what the demo only approximates)") {
  const auto& rs = the_demo().rs;
  // mean meetings "5" (4.96), network figures 0–12, median 4, mean ≈ 4
  const Table& md = table(result(rs, "sofs.network_meetings"), "descriptives");
  CHECK(x(md, 2, "value") == Approx(1221.0 / 246));
  CHECK(std::round(x(md, 2, "value")) == 5);
  const Table& fd = table(result(rs, "sofs.network_figures"), "descriptives");
  CHECK(x(fd, 4, "value") == 4);
  CHECK(x(fd, 8, "value") == 0);
  CHECK(x(fd, 9, "value") == 12);
  CHECK(x(fd, 2, "value") == Approx(4.0).margin(0.05));
  // Figure 12: mean duration 9.2; adult plan mean 7.6 (−3 … 22) over 177 dated plans; plan B mean 3.6 (−5 … 15)
  const Table& t = table(result(rs, "sofs.time_to_step"), "times");
  const size_t du = row_of(t, "item_id", "duration");
  CHECK(x(t, du, "mean") == Approx(9.2).margin(0.05));
  const size_t vp = row_of(t, "item_id", "veiligheidsplan_volwassenen");
  CHECK(n(t, vp, "n") == 177);
  CHECK(x(t, vp, "mean") == Approx(7.6).margin(0.05));
  CHECK(std::round(x(t, vp, "min")) == -3);
  CHECK(std::round(x(t, vp, "max")) == 22);
  const size_t pb = row_of(t, "item_id", "plan_b_in_werking");
  CHECK(x(t, pb, "mean") == Approx(3.6).margin(0.05));
  CHECK(std::round(x(t, pb, "min")) == -5);
  CHECK(std::round(x(t, pb, "max")) == 15);
  // Figures 10–11 (not targeted by the demo): meeting held × adult plan with missing counted as "no" (N = 236,
  // as the report's bracket) gives χ² ≈ 44.7 (published 41.83); 5/126 = 4.0 % of adult plans without a meeting
  // (published 4.1 %); 15/126 = 11.9 % without W&P (published 9.7 %).
  const Result& pv = result(rs, "sofs.plan_vs_steps");
  const auto& chi = test_with(pv, "Pearson", "Network meeting held × adult safety plan; denominator all");
  CHECK(chi.n == 236);
  CHECK(chi.df == 1);
  CHECK(chi.statistic == Approx(44.7).margin(0.05));
  const Table& w = table(pv, "plan_without_factor");
  CHECK(n(w, 1, "n") == 5);
  CHECK(n(w, 1, "denominator") == 126);
  CHECK(n(w, 5, "n") == 15);
  // Every plan-vs-steps test has df 1 (a 2 × 2 table), whatever N is.
  for (const auto& tr : pv.tests)
    if (tr.name.find("Pearson") != std::string::npos) CHECK(tr.df == 1);
}

// ---------------------------------------------------------------------------------------------------------------
// (c) Published figures the analyses cannot reproduce on the demo (seed notes 003 §3.20, demo/demo.h).

TEST_CASE("SofS demo: published figures that cannot be reproduced, and why") {
  struct Unreproducible {
    const char* figure;
    const char* reason;
  };
  const Unreproducible list[] = {
      {"28.3 % all steps (discussion, L8605)", "typo for 28.4 % = 67/236 (§3.20 #1); Zicht gives 28.39 %"},
      {"closed n = 237 (Figures 7–8)", "236 elsewhere (§3.20 #2); the demo and Zicht have 236 closed"},
      {"X²(236) = 41.83, X²(209) = 16.49, X²(233) = 70.8, X²(207) = 58.69",
       "brackets are N, not df (§3.20 #11); the per-cell counts were not published, so only the design (df 1) and "
       "Ns can be compared; the demo gives χ² ≈ 44.7 for the first"},
      {"child plan by year X²(4) = 5.37", "the published counts 12/43, 54/139, 21/54 give χ²(2) = 1.81"},
      {"plan B in network by year 58.6 / 64.9 / 64.1 %, X²(4) = 3.64", "denominators not published; not targeted"},
      {"F(2,145) = 6.21 for meetings by year", "group means and n are reproduced, the spread is not published"},
      {"F(2,205) = 1.27 for network figures by year", "not targeted; group data not published"},
      {"Mann–Whitney U = 1850.00, z = −2.659, r = −0.21; U = 637.50, z = −2.11",
       "group sizes, ties and the handling of date cells were not published"},
      {"logistic β = 0.13 (p = 0.40), −2LL 102.38; β = 0.26, −2LL 178.00", "not targeted; different unpublished Ns"},
      {"7.3 % of closed without network figures", "the demo has 17/236 = 7.2 % (not targeted)"},
      {"mean duration 'rond de acht maanden' (L3347)", "9.2 elsewhere (§3.20 #9); the demo follows 9.2"},
      {"'40 % langer dan acht maanden' next to the adult-plan time (summary L364–368)",
       "§3.20 #10: the 40 % is module duration, 94/236 = 39.8 % > 8 completed months, not a time to the plan"},
      {"logistic regression with p = 0.40 called 'voorspellend'",
       "§3.20 #12: a reading, not a number; Zicht reports β, OR with 95 % CI and p and makes no such claim"},
  };
  CHECK(sizeof(list) / sizeof(list[0]) == 13);
  const auto& rs = the_demo().rs;
  // Asserted where possible:
  const Table& o = table(result(rs, "sofs.overview"), "headline");
  CHECK(x(o, 4, "pct_all") != Approx(28.3).margin(0.04));  // #1
  CHECK(n(o, 2, "n") == 236);                               // #2
  const Result& tr = result(rs, "sofs.trend");
  const auto& cc = test_with(tr, "Pearson", "Child version of the safety plan (closed) by closing year; denominator all");
  CHECK(cc.df == 2);                                          // not 4
  CHECK(cc.statistic != Approx(5.37).margin(0.5));
  const auto& an = test_with(tr, "variance", "network meetings");
  CHECK(an.statistic != Approx(6.21).margin(0.005));          // the spread differs (Zicht: ≈ 9.9)
  const Table& zt = table(result(rs, "sofs.network_figures"), "zero");
  CHECK(n(zt, 1, "n") == 17);
  CHECK(x(zt, 1, "pct") == Approx(7.2).margin(0.05));
  const Table& mw = table(result(rs, "sofs.plan_adult_groups"), "mann_whitney");
  CHECK(x(mw, 0, "w") != Approx(1850.0));
  const Table& th = table(result(rs, "sofs.time_to_step"), "duration_threshold");
  CHECK(x(th, 1, "pct") == Approx(39.8).margin(0.05));  // #10: the "40 %" is duration
  const Table& lg = table(result(rs, "sofs.plan_adult_groups"), "logistic");
  CHECK(lg.column_index("or_lower") >= 0);  // #12: the CI is always shown next to β and p
}

// ---------------------------------------------------------------------------------------------------------------
// (d) Options, analyse via Settings, determinism, speed.

TEST_CASE("SofS: options round trip through the werkmap") {
  analysis::sofs::Options o;
  o.meetings_low = 5;
  o.meetings_high = 10;
  o.duration_months = 6;
  o.all_steps = {"veiligheidsplan_volwassenen", "netwerkberaden"};
  o.denominator = core::Denominator::all;
  o.period_from = day(2022, 1, 1);
  o.period_to = day(2022, 12, 31);
  o.period_by_end = true;
  o.organisations = {"Org A"};
  o.typering = {"IFG", "V"};
  o.status = "closed";
  o.consent = {"Org A"};
  const nlohmann::json j = o.to_json();
  CHECK(j["profiles"]["sofs"]["norms"]["meetings_low"] == 5);
  CHECK(j["profiles"]["sofs"]["filters"]["period_from"] == "2022-01-01");
  CHECK(j["profiles"]["sofs"]["consent"][0] == "Org A");
  CHECK(j["denominator"] == "all");
  const analysis::sofs::Options b = analysis::sofs::Options::from_werkmap(j);
  CHECK(b.meetings_low == 5);
  CHECK(b.meetings_high == 10);
  CHECK(b.duration_months == 6);
  CHECK(b.all_steps == o.all_steps);
  CHECK(b.denominator == core::Denominator::all);
  CHECK(b.period_from == o.period_from);
  CHECK(b.period_to == o.period_to);
  CHECK(b.period_by_end);
  CHECK(b.organisations == o.organisations);
  CHECK(b.typering == o.typering);
  CHECK(b.status == "closed");
  CHECK(b.consent == o.consent);
  CHECK(b.to_json() == j);
  // Defaults from an empty werkmap; a whole werkmap document works too.
  const analysis::sofs::Options d = analysis::sofs::Options::from_werkmap(nlohmann::json::object());
  CHECK(d.meetings_low == 6);
  CHECK(d.meetings_high == 12);
  CHECK(d.duration_months == 8);
  CHECK(d.denominator == core::Denominator::valid);
  core::Werkmap w;
  w.set_options("sofs", "norms", {{"duration_months", 9}});
  w.set_denominator(core::Denominator::applicable);
  const analysis::sofs::Options e = analysis::sofs::Options::from_werkmap(w);
  CHECK(e.duration_months == 9);
  CHECK(e.denominator == core::Denominator::applicable);
  CHECK(analysis::sofs::Options::from_werkmap(w.doc()).duration_months == 9);
}

TEST_CASE("SofS: analyse via Settings (CLI path)") {
  core::ReadResult f = read(kCsv, "klein.csv");
  analysis::Settings settings;
  settings.profile = "sofs";
  settings.as_of = "2023-06-30";
  settings.werkmap = {{"schema", "zicht.werkmap/1"},
                      {"norms", {{"sofs", {{"duration_months", 6}}}}},
                      {"consent", {{"sofs", {"Org A"}}}}};
  analysis::ResultSet set;
  std::string error;
  REQUIRE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, set, error));
  CHECK(set.provenance.profile == "sofs");
  CHECK(set.provenance.as_of == "2023-06-30");
  REQUIRE(set.provenance.files.size() == 1);
  CHECK(set.provenance.files[0].rows_in == 8);
  CHECK(set.provenance.files[0].rows_used == 8);
  CHECK(set.provenance.files[0].rows_excluded == 0);
  CHECK(!set.provenance.settings_sha256.empty());
  CHECK(set.results.size() == 14);
  const Table& th = table(*set.find("sofs.time_to_step"), "duration_threshold");
  CHECK(n(th, 0, "n") == 2);  // the werkmap's 6-month norm
  const Table& org = table(*set.find("sofs.by_organisation"), "summary");
  CHECK(at(org, 0, "organisation").s == "Org A");
  // as-of from the data when not given: the latest date (15 May 2023)
  settings.as_of.clear();
  REQUIRE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, set, error));
  CHECK(set.provenance.as_of == "2023-05-15");

  // A file without a start-date column cannot be analysed: the message names the file and the field.
  core::ReadResult bad = read("Identificatiecode;Organisatie\nT1;Org A\n", "zonder_start.csv");
  analysis::ResultSet out;
  CHECK_FALSE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "zonder_start.csv", &bad}}, settings, out, error));
  CHECK(error.find("zonder_start.csv") != std::string::npos);
  // A werkmap that is too new is refused.
  settings.werkmap = {{"schema", "zicht.werkmap/99"}};
  CHECK_FALSE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, out, error));
}

TEST_CASE("SofS: deterministic output") {
  const Demo& d = the_demo();
  const auto again = analysis::sofs::results(d.ds, {});
  analysis::ResultSet a, b;
  a.results = d.rs;
  b.results = again;
  CHECK(report::results_json(a, i18n::Lang::nl).dump() == report::results_json(b, i18n::Lang::nl).dump());
  CHECK(report::results_json(a, i18n::Lang::en).dump() == report::results_json(b, i18n::Lang::en).dump());
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

TEST_CASE("SofS: 100,000 trajectories", "[.][bench]") {
  demo::DemoOptions o;
  o.rows = 100000;
  const std::string csv = demo::generate_csv(o);
  core::ReadResult f = read(csv, "big.csv");
  core::MappedDataset ds = map(f);
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  const auto rs = analysis::sofs::results(ds, {});
  const double cpu = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  WARN("results() on 100,000 trajectories: " << ms << " ms wall, " << cpu << " ms CPU");
  CHECK(rs.size() == 14);
  using namespace analysis::sofs::detail;
  analysis::sofs::Options opt;
  auto time = [](const char* what, auto&& f) {
    const std::clock_t c = std::clock();
    for (int k = 0; k < 5; ++k) f();
    WARN(what << ": " << 1000.0 * double(std::clock() - c) / CLOCKS_PER_SEC / 5 << " ms CPU");
  };
  Data d;
  time("prepare", [&] { d = prepare(ds, opt); });
  time("overview", [&] { overview(d); });
  time("case_type", [&] { case_type(d); });
  time("steps", [&] { steps(d); });
  time("all_steps", [&] { all_steps(d); });
  time("partnership", [&] { partnership(d); });
  time("network_meetings", [&] { network_meetings(d); });
  time("network_figures", [&] { network_figures(d); });
  time("plan_b", [&] { plan_b(d); });
  time("plan_vs_steps", [&] { plan_vs_steps(d); });
  time("plan_adult_groups", [&] { plan_adult_groups(d); });
  time("time_to_step", [&] { time_to_step(d); });
  time("trend", [&] { trend(d); });
  time("by_organisation", [&] { by_organisation(d); });
  time("quality", [&] { quality(d); });
}
