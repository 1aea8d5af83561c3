// The evolutie analyses on a hand-made long file of safety-scale scores, as a team would keep it (one row per
// parent × moment, Dutch headers, dd/mm/yyyy, moments written "start", "3 mnd", "na 6 m", "einde", a decimal
// comma, "niet gesteld"), with hand-checked answers: the mapping, the evolution classes (one trajectory per class),
// the quality rules naming file, row and column (rows in = used + flagged), completeness with the three
// denominators, the change counts, the one-page sheet, and the Intern-only tables that Delen drops.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/evolutie.h"
#include "core/reader.h"
#include "core/schema.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "session/run.h"

namespace {

using namespace zicht;

const std::string kFile = std::string(ZICHT_SOURCE_DIR) + "/tests/data/evolutie/veiligheidsschaal_lang.csv";

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

struct Run {
  core::ReadResult read;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_fixture(const analysis::Settings& settings = {}) {
  auto r = std::make_unique<Run>();
  r->read = core::read_file(kFile);
  REQUIRE(r->read.ok());
  const session::ProfileSpec* spec = session::find_profile("evolutie");
  REQUIRE(spec);
  std::vector<session::TableInput> in = {{"meting", "veiligheidsschaal_lang.csv", &r->read}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, settings, r->set, error));
  return r;
}

analysis::Settings with(const analysis::evolutie::Options& o) {
  core::Werkmap w;
  o.store(w);
  analysis::Settings s;
  s.werkmap = w.doc();
  return s;
}

}  // namespace

TEST_CASE("evolutie: a long file of safety-scale scores maps itself, moments as people write them") {
  const core::ReadResult read = core::read_file(kFile);
  REQUIRE(read.ok());
  std::vector<std::string> cols;
  for (const auto& c : read.table.columns) cols.push_back(c.name);
  const session::Detected d = session::detect(cols, nullptr);
  CHECK(d.profile == "evolutie");
  CHECK(d.table == "meting");
  const core::Mapping m = core::match_columns(*core::find_schema("evolutie"), cols, nullptr, "meting");
  REQUIRE(m.ok());
  CHECK(m.find("traject_id")->column == "Traject");
  CHECK(m.find("persoon_id")->column == "Respondent");
  CHECK(m.find("rol")->column == "Rol");
  CHECK(m.find("moment")->column == "Meetmoment");
  CHECK(m.find("datum")->column == "Datum");
  CHECK(m.find("score")->column == "Score veiligheidsschaal");
  CHECK(m.find("opmerking")->column == "Opmerking");
  // Every moment spelling is a listed code: nothing is left unlisted.
  const core::MappedDataset ds = core::map_file(read, *core::find_schema("evolutie"), core::ProfileSettings{}, "meting");
  CHECK(ds.unlisted.empty());
  CHECK(ds.validation.rows_excluded == 0);
}

TEST_CASE("evolutie: one trajectory per evolution class, by the rules of spec §5.2 (δ = 1)") {
  auto r = run_fixture();
  const auto& t = table(result(r->set, "evolutie.pattern"), "classes");
  // T1 both parents up; T2 the mother 5 → 3 → 6; T3 only start scores; T4 "niet gesteld" only; T5 5 → 5 → 5,5;
  // T6 7 → 5 (the 3-month "12" is out of range); T7 the mother up, the father down.
  for (const char* c : {"stijging", "U-vorm", "enkel start", "niet bevraagd", "geen evolutie", "daling", "gemengd"}) {
    INFO(c);
    CHECK(num(t, c, "n") == 1);
    CHECK(num(t, c, "denom_fixed") == 7);
  }
  const auto& units = table(result(r->set, "evolutie.pattern"), "units");
  CHECK(row(units, "T2")[1].s == "U-vorm");
  CHECK(row(units, "T7")[1].s == "gemengd");
  // With δ = 3 the U needs a dip of 3: T2 (dip 2; +1 and 0 from the start) becomes "geen evolutie", as do T5, T6
  // (−2) and T7 (+2/−2); T1 (+3, +2) is neither a rise for both nor below 3 for both: gemengd.
  analysis::evolutie::Options o;
  o.delta = 3;
  const analysis::Settings s = with(o);
  auto r3 = run_fixture(s);
  const auto& t3 = table(result(r3->set, "evolutie.pattern"), "classes");
  CHECK(num(t3, "U-vorm", "n") == 0);
  CHECK(num(t3, "stijging", "n") == 0);
  CHECK(num(t3, "geen evolutie", "n") == 4);
  CHECK(num(t3, "gemengd", "n") == 1);
  CHECK(row(table(result(r3->set, "evolutie.pattern"), "units"), "T1")[1].s == "gemengd");
}

TEST_CASE("evolutie: quality — duplicate, out of range and after the end are flagged and left out; rows in = used + flagged") {
  auto r = run_fixture();
  const auto& q = result(r->set, "evolutie.quality");
  const auto& rows = table(q, "rows");
  CHECK(num(rows, "rijen ingelezen", "n") == 29);
  CHECK(num(rows, "rijen gebruikt", "n") == 26);
  CHECK(num(rows, "rijen gemarkeerd en niet gebruikt", "n") == 3);
  auto flag_at = [&](const std::string& rule) -> const analysis::Flag& {
    for (const auto& f : q.flags)
      if (f.rule == rule) return f;
    FAIL("no flag " << rule);
    throw;
  };
  // File rows (header = 1): the second "na 6 m" of T1-M is row 8, the "12" of T6 row 25, T5's interim score dated
  // after its end row 23, T5's 3-month score two months late row 21 (a note: the row is used).
  CHECK(flag_at("duplicate_moment").row == 8);
  CHECK(flag_at("duplicate_moment").column == "Meetmoment");
  CHECK(flag_at("out_of_range").row == 25);
  CHECK(flag_at("out_of_range").column == "Score veiligheidsschaal");
  CHECK(flag_at("out_of_range").value == "12");
  CHECK(flag_at("after_end").row == 23);
  CHECK(flag_at("moment_mismatch").row == 21);
  CHECK(flag_at("after_end").file == "veiligheidsschaal_lang.csv");
}

TEST_CASE("evolutie: completeness per moment with the three denominators") {
  auto r = run_fixture();
  const auto& t = table(result(r->set, "evolutie.completeness"), "moments");
  // 11 persons. Start: 9 scored, 2 "niet gesteld" → 9/9 valid, 9/11 applicable and all.
  CHECK(num(t, "start", "n") == 9);
  CHECK(num(t, "start", "not_asked") == 2);
  CHECK(num(t, "start", "denom_valid") == 9);
  CHECK(num(t, "start", "pct_valid") == Approx(100.0));
  CHECK(num(t, "start", "denom_all") == 11);
  // 3 months: 5 scored, 2 not asked, 4 missing (T3-V, T6-M whose 12 was left out, T7-M, T7-V) → 5/9.
  CHECK(num(t, "3 mnd", "n") == 5);
  CHECK(num(t, "3 mnd", "missing") == 4);
  CHECK(num(t, "3 mnd", "pct_valid") == Approx(100.0 * 5 / 9));
  // 6 months: 7 of 11.
  CHECK(num(t, "6 mnd", "n") == 7);
  CHECK(num(t, "6 mnd", "pct_applicable") == Approx(100.0 * 7 / 11));
  // The end is due only for T5 (the only trajectory with an end measurement): 1 of 1, 10 not due.
  CHECK(num(t, "einde", "n") == 1);
  CHECK(num(t, "einde", "denom_applicable") == 1);
  CHECK(num(t, "einde", "not_due") == 10);
}

TEST_CASE("evolutie: change from the start to 6 months — up, equal, down and the pairs") {
  auto r = run_fixture();
  const auto& res = result(r->set, "evolutie.change");
  const auto& d = table(res, "direction");
  // Pairs: T1-M 4→7, T1-V 3→5, T2-M 5→6, T2-V 5→5, T6-M 7→5, T7-M 4→6, T7-V 6→4.
  CHECK(num(d, "hoger", "n") == 4);
  CHECK(num(d, "gelijk", "n") == 1);
  CHECK(num(d, "lager", "n") == 2);
  CHECK(num(d, "hoger", "denom_fixed") == 7);
  const auto& s = table(res, "summary");
  CHECK(s.rows[0][size_t(s.column_index("n_pairs"))].i == 7);
  CHECK(s.rows[0][size_t(s.column_index("median_difference"))].as_double() == Approx(1.0));
  CHECK(table(res, "pairs").intern_only);
}

TEST_CASE("evolutie: series — the U-shape is drawn in its own panel, the cohort band per moment") {
  auto r = run_fixture();
  const auto& res = result(r->set, "evolutie.series");
  const auto& persons = table(res, "persons");
  CHECK(persons.intern_only);
  // The U-shape view shows only T2's panel; the person view every trajectory.
  bool u_view = false;
  for (const auto& v : res.views)
    if (v.id == "u_shapes") {
      u_view = true;
      REQUIRE(v.rows.size() == 1);
      CHECK(v.rows[0].only == std::vector<std::string>{"T2 · U-vorm"});
      CHECK(v.facet == "panel");
      CHECK(v.axis_min == 0);
      CHECK(v.axis_max == 10);
    }
  CHECK(u_view);
  const auto& c = table(res, "cohort");
  // Start: 4, 3, 5, 5, 6, 5, 7, 4, 6 → median 5.
  CHECK(num(c, "start", "median", 1) == 5);
  CHECK(num(c, "start", "n", 1) == 9);
}

TEST_CASE("evolutie: the one-page sheet says better or worse per domain; Delen drops every person-level table") {
  analysis::evolutie::Options o;
  o.person = "T2-M";
  const analysis::Settings s = with(o);
  auto r = run_fixture(s);
  const auto& sheet = result(r->set, "evolutie.person");
  const auto& sum = table(sheet, "summary");
  REQUIRE(sum.rows.size() == 1);
  CHECK(sum.rows[0][0].s == "↑");
  CHECK(num(sum, "↑", "first") == 5);
  CHECK(num(sum, "↑", "last") == 6);
  CHECK(table(sheet, "sheet").rows.size() == 3);
  // Delen: the person tables are gone, the aggregates stay.
  analysis::ResultSet shared = r->set;
  privacy::PrivacyOptions po;
  po.k = 5;
  privacy::apply(shared, po);
  CHECK_FALSE(has_table(result(shared, "evolutie.series"), "persons"));
  CHECK(has_table(result(shared, "evolutie.series"), "cohort"));
  CHECK_FALSE(has_table(result(shared, "evolutie.person"), "sheet"));
  CHECK_FALSE(has_table(result(shared, "evolutie.change"), "pairs"));
  CHECK(has_table(result(shared, "evolutie.change"), "direction"));
  // The person chosen for the sheet is a werkmap setting: it is in Intern's provenance, never in delen's.
  CHECK(r->set.provenance.settings_json.find("T2-M") != std::string::npos);
  CHECK(shared.provenance.settings_json.find("T2-M") == std::string::npos);
}

TEST_CASE("evolutie: a shareable aggregate holds no person or trajectory id") {
  analysis::evolutie::Options o;
  o.person = "T2-M";
  const analysis::Settings s = with(o);
  auto r = run_fixture(s);
  const auto agg = privacy::make_aggregate(r->set, 5, "2023", "Voorbeeld");
  const std::string text = agg.dump();
  for (const char* id : {"T1", "T2", "T3", "T4", "T5", "T6", "T7", "T2-M", "T1-V"}) {
    INFO(id);
    CHECK(text.find(std::string("\"") + id) == std::string::npos);
  }
  bool pattern = false;
  for (const auto& res : agg["results"]) pattern |= res["id"] == "evolutie.pattern";
  CHECK(pattern);
}

TEST_CASE("evolutie: the parents decide the class; a scored duplicate wins over an empty one; one id in two trajectories") {
  // T1: mother 4 → 7 (a rise) and the youngster 8 → 2: the class is the parents' (stijging), not "gemengd".
  // T2: the 6-month row first empty, then scored: the score is kept, the empty row is the flagged one (file row 6).
  // P9 in T3 and in T4: two persons, flagged once.
  const std::string csv =
      "Traject;Respondent;Rol;Meetmoment;Datum;Score\n"
      "T1;T1-M;moeder;start;01/02/2023;4\n"
      "T1;T1-M;moeder;na 6 m;01/08/2023;7\n"
      "T1;T1-J;jongere;start;01/02/2023;8\n"
      "T1;T1-J;jongere;na 6 m;01/08/2023;2\n"
      "T2;T2-M;moeder;na 6 m;01/08/2023;\n"
      "T2;T2-M;moeder;start;01/02/2023;3\n"
      "T2;T2-M;moeder;na 6 m;02/08/2023;6\n"
      "T3;P9;vader;start;01/02/2023;5\n"
      "T4;P9;vader;start;01/03/2023;6\n";
  core::ReadResult read = core::read_bytes("klein.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(read.ok());
  std::vector<session::TableInput> in = {{"meting", "klein.csv", &read}};
  analysis::ResultSet set;
  i18n::Message error;
  REQUIRE(session::analyse(*session::find_profile("evolutie"), in, {}, analysis::Settings{}, set, error));
  const auto& units = table(result(set, "evolutie.pattern"), "units");
  CHECK(row(units, "T1")[1].s == "stijging");
  CHECK(row(units, "T2")[1].s == "stijging");  // 3 → 6: the later, scored row counted
  const auto& q = result(set, "evolutie.quality");
  bool dup = false, two = false;
  for (const auto& f : q.flags) {
    if (f.rule == "duplicate_moment") dup = f.row == 6;
    if (f.rule == "person_in_two_units") two = f.value == "P9";
  }
  CHECK(dup);
  CHECK(two);
  const auto& people = table(result(set, "evolutie.person"), "people");
  CHECK(people.rows.size() == 5);  // T1-M, T1-J, T2-M, P9 (in T3) and P9 (T4), named apart
  CHECK(row(people, "P9 (T4)")[2].s == "T4");
}
