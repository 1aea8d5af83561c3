// The procesflow analyses on a small hand-made fixture (tests/data/procesflow/, Dutch headers as a facilitator would
// type them): a dot vote of 5 options (counts per option, one row per dot, an option that is a bevinding id, an
// option without label), 2 card statements in one per-position file (green/red spelled "groen"/"rood"; a 3-point
// scale with "half"; a position outside the scale) plus one with only a verbal outcome and one with nothing,
// attendance with a blank count and a sector outside the list, quotes released or not. Hand-checked answers; the
// quality flags name file, row, column and rule and rows in = used + excluded; Delen keeps only released quotes and
// drops arguments; the public API (priorities(), statements()) on in-memory mapped records, as the workshop page calls
// it.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/procesflow.h"
#include "core/reader.h"
#include "core/schema.h"
#include "privacy/privacy.h"
#include "session/run.h"

namespace {

using namespace zicht;

const std::string kDir = std::string(ZICHT_SOURCE_DIR) + "/tests/data/procesflow/";

const analysis::Result& result(const analysis::ResultSet& rs, const std::string& id) {
  for (const auto& r : rs.results)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}
const analysis::Table* find_table(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}
const analysis::Table& table(const analysis::Result& r, const std::string& id) {
  const analysis::Table* t = find_table(r, id);
  if (!t) FAIL("no table " << id << " in " << r.id);
  return *t;
}
const std::vector<analysis::Value>& row(const analysis::Table& t, const std::string& key, size_t col = 0) {
  for (const auto& r : t.rows)
    if (r[col].s == key) return r;
  FAIL("no row " << key << " in " << t.id);
  throw;
}
const analysis::Value& cell(const analysis::Table& t, const std::string& key, const std::string& column,
                            size_t key_col = 0) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  return row(t, key, key_col)[size_t(c)];
}
double num(const analysis::Table& t, const std::string& key, const std::string& column, size_t key_col = 0) {
  const analysis::Value& v = cell(t, key, column, key_col);
  REQUIRE(v.is_number());
  return v.as_double();
}
bool has_flag(const analysis::Result& r, const std::string& file, int64_t row, const std::string& column,
              const std::string& rule) {
  for (const auto& f : r.flags)
    if (f.file == file && f.row == row && f.column == column && f.rule == rule) return true;
  return false;
}

struct Run {
  std::vector<core::ReadResult> reads;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_fixture() {
  auto r = std::make_unique<Run>();
  const std::vector<std::pair<std::string, std::string>> files = {{"bevinding", "bevinding.csv"},
                                                                  {"stemming", "stemming.csv"},
                                                                  {"stelling", "stelling_posities.csv"},
                                                                  {"citaat", "citaat.csv"},
                                                                  {"aanwezigheid", "aanwezigheid.csv"}};
  r->reads.reserve(files.size());
  for (const auto& [t, f] : files) {
    r->reads.push_back(core::read_file(kDir + f));
    REQUIRE(r->reads.back().ok());
  }
  std::vector<session::TableInput> in;
  for (size_t i = 0; i < files.size(); ++i) in.push_back({files[i].first, files[i].second, &r->reads[i]});
  const session::ProfileSpec* spec = session::find_profile("procesflow");
  REQUIRE(spec);
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, {}, r->set, error));
  return r;
}

}  // namespace

TEST_CASE("procesflow: each fixture file is detected as its record type from Dutch headers") {
  for (const auto& [file, kind] : std::vector<std::pair<std::string, std::string>>{
           {"stemming.csv", "stemming"}, {"stelling_posities.csv", "stelling"}, {"citaat.csv", "citaat"},
           {"aanwezigheid.csv", "aanwezigheid"}, {"bevinding.csv", "bevinding"}}) {
    INFO(file);
    const core::ReadResult read = core::read_file(kDir + file);
    REQUIRE(read.ok());
    std::vector<std::string> cols;
    for (const auto& c : read.table.columns) cols.push_back(c.name);
    const session::Detected d = session::detect(cols, nullptr);
    CHECK(d.profile == "procesflow");
    CHECK(d.table == kind);
  }
}

TEST_CASE("procesflow: a dot vote of 5 options — counts, dots, labels from bevindingen, % of 16 votes") {
  auto r = run_fixture();
  const auto& res = result(r->set, "procesflow.priorities");
  CHECK_FALSE(res.client_unit);
  const auto& t = table(res, "options");
  REQUIRE(t.rows.size() == 5);  // the unlabeled row is not a slice
  // B1 7, Wachtlijsten 4, B2 3, Vervoer 2 dots (two rows without a count), B3 0; total 16, sorted by votes.
  CHECK(t.rows[0][1].s == "B1");
  CHECK(t.rows[0][2].s == "Drempels");  // the bevinding's tekst
  CHECK(num(t, "B1", "votes", 1) == 7);
  CHECK(num(t, "Vervoer", "votes", 1) == 2);
  CHECK(cell(t, "Vervoer", "label", 1).s == "Vervoer");  // no bevinding: its own text is the label
  CHECK(num(t, "B3", "votes", 1) == 0);
  CHECK(num(t, "B1", "total", 1) == 16);
  CHECK(num(t, "B1", "pct", 1) == Approx(43.75));
  CHECK(num(t, "Wachtlijsten", "pct", 1) == Approx(25.0));
  CHECK(num(t, "B2", "pct", 1) == Approx(18.75));
  CHECK(t.rows[4][1].s == "B3");
  REQUIRE(res.views.size() == 1);
  CHECK(res.views[0].sort == analysis::Sort::value_desc);
  CHECK(res.views[0].unit == analysis::Unit::percent);
  CHECK(res.views[0].title_nl.find("16") != std::string::npos);  // n under the chart
}

TEST_CASE("procesflow: card statements — tallies in the scale's order, % agree with Clopper–Pearson, half not agree") {
  auto r = run_fixture();
  const auto& res = result(r->set, "procesflow.statements");
  CHECK_FALSE(res.client_unit);
  const auto& a = table(res, "agree");
  // S1: groen 9 / rood 3 → akkoord 9 of 12.
  CHECK(num(a, "S1", "agree") == 9);
  CHECK(num(a, "S1", "n") == 12);
  CHECK(num(a, "S1", "pct_agree") == Approx(75.0));
  // S2: eens 4, half 3, oneens 5 (the "akkoord" row does not fit the scale and is flagged): 4 of 12 agree.
  CHECK(num(a, "S2", "agree") == 4);
  CHECK(num(a, "S2", "half") == 3);
  CHECK(num(a, "S2", "n") == 12);
  // The intervals against R's binom.test(9, 12) and binom.test(4, 12) (make_golden_procesflow.R).
  std::ifstream gin(std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_procesflow.json");
  REQUIRE(gin);
  const nlohmann::json g = nlohmann::json::parse(gin);
  for (const char* id : {"S1", "S2"}) {
    INFO(id);
    const auto& ref = g["binom_fixture"][id];
    CHECK(num(a, id, "agree") == ref["x"].get<double>());
    CHECK(num(a, id, "lower") == Approx(100 * ref["lower"].get<double>()).epsilon(1e-9));
    CHECK(num(a, id, "upper") == Approx(100 * ref["upper"].get<double>()).epsilon(1e-9));
  }
  // S3 has only a verbal outcome: tallies Missing, not zero.
  CHECK(cell(a, "S3", "n").kind == analysis::Value::Kind::missing);
  CHECK(cell(a, "S3", "agree").kind == analysis::Value::Kind::missing);
  CHECK(cell(a, "S3", "uitkomst").s == "Meer ja dan nee.");
  const auto& tl = table(res, "tallies");
  REQUIRE(tl.rows.size() == 5);
  CHECK(tl.rows[0][2].s == "niet akkoord");  // negative first, the diverging bar's order
  CHECK(tl.rows[1][2].s == "akkoord");
  CHECK(tl.rows[2][2].s == "oneens");
  CHECK(tl.rows[3][2].s == "half");
  bool half_note = false;
  for (const auto& n : res.notes) half_note = half_note || n.nl.find("telt mee in n maar niet als akkoord") != std::string::npos;
  CHECK(half_note);
  REQUIRE(res.views.size() == 1);
  CHECK(res.views[0].kind == analysis::ViewKind::likert);
  CHECK(res.views[0].y == std::vector<std::string>{"disagree", "half", "agree"});
  CHECK_FALSE(find_table(res, "arguments"));  // free text sits with the quotes
  const auto& args = table(result(r->set, "procesflow.quotes"), "arguments");
  CHECK(args.intern_only);
  CHECK(args.rows.size() == 2);
}

TEST_CASE("procesflow: quality flags name file, row, column and rule; rows in = used + excluded") {
  auto r = run_fixture();
  const auto& q = result(r->set, "procesflow.quality");
  CHECK(has_flag(q, "stemming.csv", 8, "Optie", "vote_option_unlabelled"));
  CHECK(has_flag(q, "stelling_posities.csv", 7, "Positie", "statement_position_outside_scale"));
  CHECK(has_flag(q, "stelling_posities.csv", 9, "Stelling", "statement_without_tallies_or_outcome"));
  CHECK(has_flag(q, "aanwezigheid.csv", 3, "Personen", "attendance_blank_assumed_1"));
  CHECK(has_flag(q, "aanwezigheid.csv", 4, "Sector", "sector_outside_list"));
  CHECK(has_flag(q, "citaat.csv", 4, "Vrijgegeven", "quote_release_unknown"));
  const auto& rows = table(q, "rows");
  for (const auto& rw : rows.rows) {
    INFO(rw[0].s);
    CHECK(rw[1].i == rw[2].i + rw[3].i);
  }
  CHECK(num(rows, "stemming", "in") == 7);
  CHECK(num(rows, "stemming", "excluded") == 1);
  CHECK(num(rows, "stelling", "excluded") == 1);
  // Attendance: blank → 1 with the flag; "XYZ" counts without a sector; absent sectors listed.
  const auto& at = table(result(r->set, "procesflow.attendance"), "by_sector");
  CHECK(num(at, "Totaal", "organisations", 1) == 4);
  CHECK(num(at, "Totaal", "persons", 1) == 7);
  CHECK(num(at, "geen sector", "assumed", 1) == 1);
  CHECK(table(result(r->set, "procesflow.attendance"), "absent").rows.size() == 5);
}

TEST_CASE("procesflow: Delen hides quotes that are not released and the arguments; votes are not suppressed") {
  auto r = run_fixture();
  const auto& intern = result(r->set, "procesflow.quotes");
  REQUIRE(find_table(intern, "not_released"));
  CHECK(find_table(intern, "not_released")->rows.size() == 2);  // "nee" and the blank one
  analysis::ResultSet shared = r->set;
  privacy::PrivacyOptions po;
  po.k = 5;
  privacy::apply(shared, po);
  const auto& q = result(shared, "procesflow.quotes");
  CHECK_FALSE(find_table(q, "not_released"));
  CHECK(find_table(q, "released"));
  CHECK_FALSE(find_table(q, "arguments"));
  // Votes of 0–7 per option stay as they are: their unit is not a client.
  const auto* opts = find_table(result(shared, "procesflow.priorities"), "options");
  REQUIRE(opts);
  CHECK(num(*opts, "B2", "votes", 1) == 3);
}

TEST_CASE("procesflow: priorities() and statements() on in-memory records, filtered by overleg") {
  const core::Schema* schema = core::find_schema("procesflow");
  REQUIRE(schema);
  const std::string votes = "overleg_id;optie;stemmen\nA;x;3\nA;y;1\nB;x;5\nB;;1\n";
  const std::string cards =
      "stelling_id;overleg_id;nummer;tekst;schaal;uitkomst_tekst;positie;aantal;argumenten\n"
      "S;A;1;Stelling;ja/nee;;ja;2;\nS;A;1;Stelling;ja/nee;;nee;0;\nT;B;1;Andere;ja/nee;;ja;1;\n";
  const core::ReadResult rv = core::read_bytes("v.csv", reinterpret_cast<const uint8_t*>(votes.data()), votes.size());
  const core::ReadResult rc = core::read_bytes("c.csv", reinterpret_cast<const uint8_t*>(cards.data()), cards.size());
  REQUIRE(rv.ok());
  REQUIRE(rc.ok());
  const core::MappedDataset mv = core::map_file(rv, *schema, {}, "stemming");
  const core::MappedDataset mc = core::map_file(rc, *schema, {}, "stelling");
  analysis::procesflow::Inputs in;
  in.stemming = &mv;
  in.stelling = &mc;
  analysis::procesflow::Options o;
  o.overleg = "A";
  const analysis::Result p = analysis::procesflow::priorities(in, o);
  CHECK(p.id == "procesflow.priorities");
  const auto& t = table(p, "options");
  REQUIRE(t.rows.size() == 2);
  CHECK(num(t, "x", "votes", 1) == 3);
  CHECK(num(t, "x", "pct", 1) == Approx(75.0));
  const analysis::Result s = analysis::procesflow::statements(in, o);
  const auto& a = table(s, "agree");
  REQUIRE(a.rows.size() == 1);  // T belongs to B
  CHECK(num(a, "S", "agree") == 2);
  CHECK(num(a, "S", "n") == 2);
  CHECK(num(a, "S", "lower") == Approx(100 * 0.1581139).epsilon(1e-6));  // binom.test(2, 2): [0.158, 1]
  o.overleg.clear();
  CHECK(table(analysis::procesflow::priorities(in, o), "options").rows.size() == 3);
}
