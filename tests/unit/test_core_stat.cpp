// Statistical files through ReadStat (spec/formats.md §3, §4, §5): the fixtures that tests/data/make_stat_fixtures.R
// made from the project's own CSVs read to the same typed table as those CSVs; the SPSS declarations (value labels,
// user-missing codes and ranges, date formats, variable labels) each have an asserted outcome.
#include <algorithm>

#include "core/encoding.h"
#include "core/stat_reader.h"
#include "stat_test_support.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {

std::string stat_path(const std::string& name) { return data_path("stat/" + name); }

// The table with every column renamed to its variable label: the CSV header the fixture script kept there.
Table by_labels(ReadResult& r) {
  Table t = std::move(r.table);
  for (size_t j = 0; j < t.cols(); ++j)
    if (!r.report.columns[j].label.empty()) t.columns[j].name = r.report.columns[j].label;
  return t;
}

const ColumnInfo& info(const ReadResult& r, const std::string& name) {
  for (auto& c : r.report.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return r.report.columns.front();
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }


}  // namespace

TEST_CASE("stat: magic bytes name the format of every fixture") {
  for (auto [name, f] : {std::pair<const char*, Format>{"binc_like.sav", Format::Sav}, {"binc_like.zsav", Format::Zsav},
                         {"binc_like.dta", Format::Dta}, {"binc_like.xpt", Format::Xpt},
                         {"binc_like.sas7bdat", Format::Sas7bdat}}) {
    std::string bytes = slurp(stat_path(name));
    REQUIRE(bytes.size() > 100);
    CHECK(detect_binary_format(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == f);
  }
}

TEST_CASE("stat: SPSS value labels, user-missing codes and ranges, dates and variable labels") {
  if (!stat_in_this_build()) return;
  ReadResult r = read_file(stat_path("spss_features.sav"));
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::Sav);
  const Table& t = r.table;
  REQUIRE(t.rows() == 8);
  CHECK(t.row_number.front() == 2);  // numbered as in a CSV export: case 1 is row 2
  CHECK(t.row_number.back() == 9);

  // tevreden: labels 1 Helemaal oneens, 2 Oneens, 3 Eens, 98 NVT; user-missing 99 and -9 thru -1.
  // Values: 1, 2, 98, 3, 99, system missing, 7 (no label), -5 (in the range).
  const Column* tev = t.find("tevreden");
  REQUIRE(tev);
  CHECK(tev->type == ColumnType::Categorical);
  CHECK(tev->str(0) == "Helemaal oneens");
  CHECK(tev->str(1) == "Oneens");
  CHECK(tev->state[2] == CellState::NotApplicable);  // labelled "NVT": the Not-applicable token of the policy
  CHECK(tev->str(2) == "NVT");
  CHECK(tev->str(3) == "Eens");
  CHECK(tev->state[4] == CellState::Missing);  // discrete user-missing, keeps its code
  CHECK(tev->raw_text(4) == "99");
  CHECK(tev->state[5] == CellState::Missing);  // system missing
  CHECK(tev->raw_text(5) == "");
  CHECK(tev->state[6] == CellState::Value);  // 7 has no label: stays as its code, flagged
  CHECK(tev->str(6) == "7");
  CHECK(tev->state[7] == CellState::Missing);  // -5 lies in the user-missing range
  CHECK(tev->raw_text(7) == "-5");
  const ColumnInfo& ti = info(r, "tevreden");
  CHECK(ti.label == "Tevredenheid ouder");
  CHECK(ti.missing == 3);
  CHECK(ti.nvt == 1);
  CHECK(!ti.type_overridden);
  CHECK(has(ti.type_from, "value_labels"));
  CHECK(has(ti.type_from, "user_missing"));
  CHECK(has(ti.user_missing, "99"));
  CHECK(has(ti.user_missing, "-9 thru -1"));
  REQUIRE(ti.value_labels.size() == 4);
  CHECK(ti.value_labels[0] == std::make_pair(std::string("1"), std::string("Helemaal oneens")));
  CHECK(r.report.flags_by_rule.at("value_without_label") == 1);
  REQUIRE(!r.report.flags.empty());
  CHECK(r.report.flags[0].row == 8);
  CHECK(r.report.flags[0].column == "tevreden");
  CHECK(r.report.flags[0].value == "7");

  // start: SPSS DATE11 (seconds since 14 October 1582) -> dates.
  const Column* start = t.find("start");
  REQUIRE(start);
  CHECK(start->type == ColumnType::Date);
  CHECK(format_iso_date(start->days[0]) == "2021-05-03");
  CHECK(format_iso_date(start->days[7]) == "2023-10-05");
  CHECK(start->state[2] == CellState::Missing);
  CHECK(info(r, "start").label == "Startdatum traject");
  CHECK(has(info(r, "start").type_from, "date_format"));
  CHECK(info(r, "start").source_format.rfind("DATE", 0) == 0);

  // gesprek: SPSS DATETIME -> the day (the time of day is dropped by the Date type).
  const Column* ges = t.find("gesprek");
  REQUIRE(ges);
  CHECK(ges->type == ColumnType::Date);
  CHECK(format_iso_date(ges->days[4]) == "2022-02-15");
  CHECK(info(r, "gesprek").source_format.rfind("DATETIME", 0) == 0);

  // Strings arrive as UTF-8.
  const Column* opm = t.find("opmerking");
  REQUIRE(opm);
  CHECK(opm->str(0) == "één gesprek");
  CHECK(opm->str(5) == "crisis – weekend");
  CHECK(opm->state[1] == CellState::Missing);

  // The inspect JSON shows the format and, per column, where its type came from.
  nlohmann::json j = inspect_json(r);
  CHECK(j["format"] == "sav");
  CHECK(j["columns"][1]["label"] == "Tevredenheid ouder");
  CHECK(j["columns"][1]["type_from"] == nlohmann::json({"value_labels", "user_missing"}));
  CHECK(j["columns"][1]["value_labels"][3]["code"] == "98");
  CHECK(j["columns"][2]["type_from"] == nlohmann::json({"date_format"}));
}

TEST_CASE("stat: binc_like as .sav, .zsav, .dta, .xpt and .sas7bdat reads to the same typed table as its CSV") {
  if (!stat_in_this_build()) return;
  ReadResult csv = read_file(data_path("binc_like_utf8.csv"));
  REQUIRE(csv.ok());
  for (const char* name : {"binc_like.sav", "binc_like.zsav", "binc_like.dta", "binc_like.xpt", "binc_like.sas7bdat"}) {
    INFO(name);
    ReadResult r = read_file(stat_path(name));
    if (!stat_format_available(r.report.format)) {  // the browser build has no zlib for .zsav yet: it says so
      REQUIRE(!r.ok());
      CHECK(r.status.detail.code == "error.stat_unavailable");
      continue;
    }
    REQUIRE(r.ok());
    CHECK(r.report.rows_in == 40);
    CHECK(r.report.flags_total == 0);
    Table t = by_labels(r);
    CHECK(table_diff(t, csv.table) == "");
  }
  // What the declarations did in the .sav: labelled columns categorical with the label as category, the user-missing
  // code -9 of the durations Missing, the dates from DATE11.
  ReadResult sav = read_file(stat_path("binc_like.sav"));
  REQUIRE(sav.ok());
  CHECK(has(info(sav, "Geslacht").type_from, "value_labels"));
  CHECK(info(sav, "Duur_maanden").label == "Duur (maanden)");
  CHECK(info(sav, "Duur_maanden").missing == 11);
  CHECK(info(sav, "Duur_maanden").user_missing == std::vector<std::string>{"-9"});
  CHECK(info(sav, "Duur_maanden").missing_tokens_seen.empty());
  CHECK(has(info(sav, "Begindatum").type_from, "date_format"));
  const Column* vzb = sav.table.find("VZB_organisatietype");
  REQUIRE(vzb);
  CHECK(vzb->state[1] == CellState::NotApplicable);
  CHECK(vzb->str(1) == "Niet van toepassing");
  // Stata: the gaps are the tagged missing value .a.
  ReadResult dta = read_file(stat_path("binc_like.dta"));
  REQUIRE(dta.ok());
  CHECK(dta.report.format == Format::Dta);
  CHECK(info(dta, "Duur_maanden").missing == 11);
  CHECK(has(info(dta, "Begindatum").type_from, "date_format"));
}

TEST_CASE("stat: the profile test files as .sav and .dta read to the same typed tables as their CSVs") {
  if (!stat_in_this_build()) return;
  for (const char* stem : {"binc_modules", "binc_clients", "sofs_export"}) {
    ReadResult csv = read_file(data_path(std::string("profiles/") + stem + ".csv"));
    REQUIRE(csv.ok());
    for (const char* ext : {".sav", ".dta"}) {
      INFO(stem << ext);
      ReadResult r = read_file(stat_path(std::string(stem) + ext));
      REQUIRE(r.ok());
      CHECK(r.report.rows_in == csv.report.rows_in);
      CHECK(r.report.flags_total == csv.report.flags_total);
      Table t = by_labels(r);
      CHECK(table_diff(t, csv.table) == "");
    }
  }
}

TEST_CASE("stat: fed in small chunks, a .sav reads the same as whole") {
  if (!stat_in_this_build()) return;
  std::string bytes = slurp(stat_path("binc_like.sav"));
  ReadResult whole = read_bytes("binc_like.sav", reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  ReadResult parts = read_chunked(bytes, 97);
  REQUIRE(whole.ok());
  REQUIRE(parts.ok());
  CHECK(table_diff(whole.table, parts.table) == "");
}
