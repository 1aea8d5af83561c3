// The kerndataset analyses on small hand-made files with hand-checked answers (spec/kerndataset.md §1.2–1.3):
// a LimeSurvey-style parent export mapped by the wording of its items, the Likert counts with Neutraal as an answer
// and NVT outside the denominator, the 80 % subscale rule, the follow-up states (consent, not yet due, missing, not
// reached), a withdrawal removing what came after it, the quality rules naming file, row and column (rows in = used
// + flagged), cumulative re-referral, the impact pattern, and the due list that never leaves Intern.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/kerndataset.h"
#include "core/reader.h"
#include "core/schema.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "session/run.h"

namespace {

using namespace zicht;

const std::string kDir = std::string(ZICHT_SOURCE_DIR) + "/tests/data/kerndataset/";

const analysis::Result& result(const analysis::ResultSet& rs, const std::string& id) {
  for (const auto& r : rs.results)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}

const analysis::Table& table(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}

bool has_table(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return true;
  return false;
}

const std::vector<analysis::Value>& row(const analysis::Table& t, const std::string& first, size_t col = 0) {
  for (const auto& r : t.rows)
    if (r[col].s == first) return r;
  FAIL("no row " << first << " in " << t.id);
  throw;
}

double num(const analysis::Table& t, const std::string& first, const std::string& column, size_t key_col = 0) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  const analysis::Value& v = row(t, first, key_col)[size_t(c)];
  REQUIRE(v.is_number());
  return v.as_double();
}

bool is_na(const analysis::Table& t, const std::string& first, const std::string& column) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  return row(t, first)[size_t(c)].kind == analysis::Value::Kind::missing;
}

struct Run {
  core::ReadResult follow, parents;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_fixture() {
  auto r = std::make_unique<Run>();
  r->follow = core::read_file(kDir + "opvolging_klein.csv");
  r->parents = core::read_file(kDir + "ouder_limesurvey.csv");
  REQUIRE(r->follow.ok());
  REQUIRE(r->parents.ok());
  const session::ProfileSpec* spec = session::find_profile("kerndataset");
  REQUIRE(spec);
  std::vector<session::TableInput> in = {{"opvolging", "opvolging_klein.csv", &r->follow},
                                         {"ouder", "ouder_limesurvey.csv", &r->parents}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, analysis::Settings{}, r->set, error));
  return r;
}

}  // namespace

TEST_CASE("kerndataset: a LimeSurvey export of the parent survey maps to the 28 items by their wording") {
  const core::ReadResult read = core::read_file(kDir + "ouder_limesurvey.csv");
  REQUIRE(read.ok());
  std::vector<std::string> cols;
  for (const auto& c : read.table.columns) cols.push_back(c.name);
  const session::Detected d = session::detect(cols, nullptr);
  CHECK(d.profile == "kerndataset");
  CHECK(d.table == "ouder");
  const core::Mapping m = core::match_columns(*core::find_schema("kerndataset"), cols, nullptr, "ouder");
  REQUIRE(m.ok());
  for (int i = 1; i <= 28; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "o%02d", i);
    const core::FieldMatch* f = m.find(id);
    REQUIRE(f);
    INFO(id << " ← " << f->column);
    REQUIRE(f->mapped());
    // The header says "… [<n>.<item text>]": item n must get column n.
    CHECK(f->column.find("[" + std::to_string(i) + ".") != std::string::npos);
  }
  CHECK(m.find("respondent_id")->column == "Antwoord ID");
  CHECK(m.find("datum")->column == "Datum ingediend");
  // A file that merely has a name, a group and a remark is no survey.
  const session::Detected other = session::detect({"Naam", "Groep", "Opmerking"}, nullptr);
  CHECK(other.profile != "kerndataset");
}

TEST_CASE("kerndataset: parent items — Neutraal is an answer, NVT and empty cells are outside the denominator") {
  auto r = run_fixture();
  const auto& t = table(result(r->set, "kerndataset.parent_items"), "items");
  REQUIRE(t.rows.size() == 28);
  // Item 1: Helemaal akkoord, Akkoord, Akkoord, Neutraal, Helemaal akkoord → 0/0/1/2/2, median 4, 4 of 5 agree.
  CHECK(num(t, "o01", "n_3") == 1);
  CHECK(num(t, "o01", "n_4") == 2);
  CHECK(num(t, "o01", "n_5") == 2);
  CHECK(num(t, "o01", "n") == 5);
  CHECK(num(t, "o01", "median") == 4);
  CHECK(num(t, "o01", "pct_agree") == Approx(80.0));
  // Item 3: one parent left it empty → Missing, n = 4, 3 of 4 agree.
  CHECK(num(t, "o03", "n") == 4);
  CHECK(num(t, "o03", "n_missing") == 1);
  CHECK(num(t, "o03", "pct_agree") == Approx(75.0));
  // Item 9: the father answered NVT → not applicable, n = 4.
  CHECK(num(t, "o09", "n_nvt") == 1);
  CHECK(num(t, "o09", "n") == 4);
  // Item 15: the fifth respondent left the effectiveness block empty.
  CHECK(num(t, "o15", "n") == 4);
  CHECK(num(t, "o15", "n_missing") == 1);
}

TEST_CASE("kerndataset: subscale scores need 80 % of the items answered") {
  auto r = run_fixture();
  const auto& res = result(r->set, "kerndataset.parent_scales");
  const auto& s = table(res, "scales");
  // Fidelity: all five scored (the father answered 12 of 14, the other carer 13 of 14). Scores 61/14, 43/12, 43/14,
  // 30/13 and 5: mean 3.6639…
  const double mean = (61.0 / 14 + 43.0 / 12 + 43.0 / 14 + 30.0 / 13 + 5.0) / 5;
  const std::string fid = s.rows[0][0].s, eff = s.rows[1][0].s;
  CHECK(num(s, fid, "n") == 5);
  CHECK(num(s, fid, "mean") == Approx(mean).epsilon(1e-12));
  CHECK(num(s, fid, "min") == Approx(30.0 / 13).epsilon(1e-12));
  // Effectiveness: the other carer answered none of 15–28 → not scored.
  CHECK(num(s, eff, "n") == 4);
  CHECK(num(s, eff, "n_not_scored") == 1);
  CHECK(num(s, fid, "raw_alpha") > 0.9);
  // Spearman between the subscales over the four parents with both scores: the same order → rho = 1.
  REQUIRE(res.tests.size() == 1);
  CHECK(res.tests[0].effect == Approx(1.0));
  CHECK(res.tests[0].n == 4);
}

TEST_CASE("kerndataset: follow-up moments with consent, due dates and a withdrawal") {
  auto r = run_fixture();
  CHECK(r->set.provenance.as_of == "2023-12-01");  // the latest date in the follow-up file
  const auto& t = table(result(r->set, "kerndataset.followup"), "moments");
  // +6: T2 (nee), T5 (niet gevraagd) and T4 (withdrawn 01/09/2023, due 01/12/2023) have no consent; T1 answered;
  // T3 was not reached → applicable 2, answered 1.
  const std::string m6 = t.rows[0][0].s, m12 = t.rows[1][0].s, m24 = t.rows[2][0].s;
  CHECK(num(t, m6, "n_all") == 5);
  CHECK(num(t, m6, "n_no_consent") == 3);
  CHECK(num(t, m6, "n_not_reached") == 1);
  CHECK(num(t, m6, "n") == 1);
  CHECK(num(t, m6, "pct_applicable") == Approx(50.0));
  CHECK(num(t, m6, "pct_all") == Approx(20.0));
  // +12: T1 answered; T3's row is dated before its closure (left out) → Missing.
  CHECK(num(t, m12, "n_missing") == 1);
  CHECK(num(t, m12, "n_applicable") == 2);
  // valid leaves the Missing out: 1 answered of 1 with a known outcome; applicable keeps it: 1 of 2.
  CHECK(num(t, m12, "denom_valid") == 1);
  CHECK(num(t, m12, "pct_valid") == Approx(100.0));
  CHECK(num(t, m12, "pct_applicable") == Approx(50.0));
  // +24: nobody due by 01/12/2023 → no applicable denominator, no percentage.
  CHECK(num(t, m24, "n_not_due") == 2);
  CHECK(num(t, m24, "n_applicable") == 0);
  CHECK(is_na(t, m24, "pct_applicable"));
  // The contacts due (Intern): T3 at +6 and +12, T1's +24 within the month; never T4 after its withdrawal.
  const auto& due = table(result(r->set, "kerndataset.followup"), "due");
  CHECK(due.intern_only);
  REQUIRE(due.rows.size() == 3);
  for (const auto& d : due.rows) CHECK(d[0].s != "T4");
}

TEST_CASE("kerndataset: every excluded row is flagged with file, row, column and rule") {
  auto r = run_fixture();
  const auto& q = result(r->set, "kerndataset.quality");
  const auto& rows = table(q, "rows");
  REQUIRE(rows.rows.size() == 3);
  CHECK(rows.rows[0][1].i == 17);  // 12 follow-up rows + 5 parents
  CHECK(rows.rows[1][1].i == 13);
  CHECK(rows.rows[2][1].i == 4);
  auto has = [&](const std::string& rule, int64_t file_row, const std::string& column) {
    for (const auto& f : q.flags)
      if (f.rule == rule && f.row == file_row && f.column == column && f.file == "opvolging_klein.csv") return true;
    return false;
  };
  CHECK(has("duplicate_moment", 5, "moment"));
  CHECK(has("no_consent", 7, "toestemming"));
  CHECK(has("before_closure", 10, "datum"));
  CHECK(has("after_withdrawal", 12, "toestemming_ingetrokken"));
}

TEST_CASE("kerndataset: re-referral, placement and the impact pattern") {
  auto r = run_fixture();
  const auto& rr = result(r->set, "kerndataset.rereferral");
  const auto& c = table(rr, "cumulative");
  CHECK(c.rows[0][1].i == 0);  // +6: T1 not re-referred
  CHECK(c.rows[1][1].i == 1);  // +12: T1 re-referred on 01/11/2022 (cumulative)
  const auto& km = table(rr, "km");
  REQUIRE(km.rows.size() == 1);
  CHECK(km.rows[0][1].d == Approx(304.0 / 30.4375).epsilon(1e-12));  // 01/01/2022 → 01/11/2022
  const auto& pl = table(result(r->set, "kerndataset.placement"), "table9");
  // No placement (T1, T4, T5) or in the network (T2): 4 of 5; T3 in verblijf.
  CHECK(pl.rows[0][1].i == 4);
  CHECK(pl.rows[0][2].i == 5);
  const auto& ip = table(result(r->set, "kerndataset.impact_profile"), "patterns");
  REQUIRE(ip.rows.size() == 1);
  CHECK(ip.rows[0][0].s == "− − + + +");  // re-referred, safety 6 → 5, no placement, figures 3 → 4, still meets
}

TEST_CASE("kerndataset: delen mode leaves the due list out and says so") {
  auto r = run_fixture();
  privacy::PrivacyOptions opt;
  opt.k = 5;
  privacy::apply(r->set, opt);
  const auto& f = result(r->set, "kerndataset.followup");
  CHECK_FALSE(has_table(f, "due"));
  CHECK(has_table(f, "moments"));
}

TEST_CASE("kerndataset: a shareable aggregate holds no ids, no due list and no contact data") {
  auto r = run_fixture();
  const auto agg = privacy::make_aggregate(r->set, 5, "2023", "Voorbeeld");
  const std::string text = agg.dump();
  CHECK(text.find("\"due\"") == std::string::npos);
  for (const char* id : {"T1", "T2", "T3", "T4", "T5"}) CHECK(text.find(std::string("\"") + id + "\"") == std::string::npos);
  bool followup = false;
  for (const auto& res : agg["results"]) followup |= res["id"] == "kerndataset.followup";
  CHECK(followup);
}
