// The workbook fixtures of spec/formats.md §5 (tests/data/workbooks/, made from the test CSVs by
// tests/data/make_fixtures.sh with LibreOffice): each reads to the same typed table as its CSV and gives the same
// `zicht analyse` JSON apart from the inputs; the 1904, title-row, several-sheet, merged-header and error-cell
// workbooks each have an asserted outcome.
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/workbook.h"
#include "cli_test_support.h"
#include "workbook_helpers.h"

using namespace zicht;
using namespace zicht::core;
using namespace zicht_test;

namespace {

std::string book_path(const std::string& name) { return data_path("workbooks/" + name); }



std::string first_json_difference(const nlohmann::json& a, const nlohmann::json& b) {
  auto patch = nlohmann::json::diff(a, b);
  return patch.empty() ? "" : patch.dump().substr(0, 600);
}

const ColumnInfo* info(const ReadReport& rep, const std::string& name) {
  for (auto& c : rep.columns)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("fixtures: each test CSV saved as .xlsx and .ods reads to the same typed table") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"binc_like_utf8.csv", "binc_like_utf8"},        {"binc_like_excel_be.csv", "binc_like_excel_be"},
      {"profiles/sofs_export.csv", "sofs_export"},     {"profiles/binc_modules.csv", "binc_modules"},
      {"profiles/binc_clients.csv", "binc_clients"}};
  for (auto& [csv, book] : pairs) {
    auto c = read_file(data_path(csv));
    REQUIRE(c.ok());
    for (const char* ext : {".xlsx", ".ods"}) {
      INFO(book << ext);
      auto w = read_file(book_path(book + ext));
      REQUIRE(w.ok());
      CHECK(w.report.format == (std::string(ext) == ".xlsx" ? Format::Xlsx : Format::Ods));
      CHECK(table_diff(c.table, w.table) == "");
      REQUIRE(w.report.columns.size() == c.report.columns.size());
      for (size_t j = 0; j < c.report.columns.size(); ++j) {
        CHECK(w.report.columns[j].missing == c.report.columns[j].missing);
        CHECK(w.report.columns[j].nvt == c.report.columns[j].nvt);
        CHECK(w.report.columns[j].invalid == c.report.columns[j].invalid);
      }
    }
  }
  // Where a date column's type came from: the workbook's date format (CSV: the text).
  auto x = read_file(book_path("binc_like_utf8.xlsx"));
  REQUIRE(x.ok());
  REQUIRE(info(x.report, "Begindatum"));
  CHECK(info(x.report, "Begindatum")->type_source == "excel_date_format");
  CHECK(!info(x.report, "Begindatum")->type_source_detail.empty());
  auto o = read_file(book_path("binc_like_utf8.ods"));
  CHECK(info(o.report, "Begindatum")->type_source == "ods_date");
}

TEST_CASE("fixtures: zicht analyse gives the same JSON for a workbook as for its CSV (inputs aside)") {
  struct Run {
    std::string profile, csv, book;
  };
  const std::vector<Run> runs = {{"sofs", "profiles/sofs_export.csv", "sofs_export"},
                                 {"binc", "profiles/binc_modules.csv", "binc_modules"},
                                 {"generic", "binc_like_utf8.csv", "binc_like_utf8"}};
  for (auto& r : runs) {
    std::string from_csv;
    REQUIRE(cli_run({"analyse", "--profile", r.profile, "--as-of", "2023-10-05", data_path(r.csv)}, from_csv) == 0);
    for (const char* ext : {".xlsx", ".ods"}) {
      INFO(r.book << ext);
      std::string from_book;
      REQUIRE(cli_run({"analyse", "--profile", r.profile, "--as-of", "2023-10-05", book_path(r.book + ext)}, from_book) == 0);
      // The file's own name appears in results (generic: per file; flags: "file"): the CSV's name for comparing.
      std::string csv_name = r.csv.substr(r.csv.rfind('/') + 1), book_name = r.book + ext;
      for (size_t p = from_book.find(book_name); p != std::string::npos; p = from_book.find(book_name, p))
        from_book.replace(p, book_name.size(), csv_name);
      CHECK(first_json_difference(results_only(from_csv), results_only(from_book)) == "");
    }
  }
}

TEST_CASE("fixtures: title rows above the header (the SofS-dashboard shape)") {
  auto c = read_file(data_path("binc_like_utf8.csv"));
  for (const char* ext : {".xlsx", ".ods"}) {
    INFO(ext);
    auto w = read_file(book_path(std::string("binc_title_rows") + ext));
    REQUIRE(w.ok());
    CHECK(w.report.workbook.header_row == 4);
    CHECK(w.report.workbook.header_reason == "detected");
    CHECK(w.table.row_number.front() == 5);
    CHECK(table_diff(c.table, w.table, false) == "");
  }
}

TEST_CASE("fixtures: the 1904 date system reads to the same dates") {
  auto c = read_file(data_path("binc_like_utf8.csv"));
  auto w = read_file(book_path("binc_1904.xlsx"));
  REQUIRE(w.ok());
  CHECK(w.report.workbook.date1904);
  CHECK(table_diff(c.table, w.table) == "");
}

TEST_CASE("fixtures: several sheets — listed, the first with data read, another by --sheet") {
  for (const char* ext : {".xlsx", ".ods"}) {
    INFO(ext);
    auto w = read_file(book_path(std::string("binc_sheets") + ext));
    REQUIRE(w.ok());
    const WorkbookInfo& wb = w.report.workbook;
    REQUIRE(wb.sheets.size() == 3);
    CHECK(wb.sheets[0].name == "Leeg");
    CHECK(wb.sheets[0].cells == 0);
    CHECK(wb.sheets[1].name == "Gegevens");
    CHECK(wb.sheets[1].rows == 41);
    CHECK(wb.sheets[1].cols == 11);
    CHECK(wb.sheets[2].hidden);
    CHECK(wb.chosen == 1);
    CHECK(w.table.rows() == 40);
    ReadOptions o;
    o.sheet = "Notities";
    auto n = read_file(book_path(std::string("binc_sheets") + ext), o);
    REQUIRE(n.ok());
    CHECK(n.table.columns.at(0).name == "Toelichting");
    CHECK(n.table.rows() == 1);
  }
  std::string out;
  REQUIRE(cli_run({"inspect", "--sheet", "3", book_path("binc_sheets.xlsx")}, out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["workbook"]["sheet"]["name"] == "Notities");
  CHECK(j["workbook"]["sheet"]["reason"] == "user_number");
  CHECK(j["workbook"]["sheets"].size() == 3);
}

TEST_CASE("fixtures: a merged two-row header is joined") {
  for (const char* ext : {".xlsx", ".ods"}) {
    INFO(ext);
    auto w = read_file(book_path(std::string("merged_header") + ext));
    REQUIRE(w.ok());
    REQUIRE(w.table.cols() == 5);
    CHECK(w.table.columns[1].name == "Stap 1 \u2013 datum");
    CHECK(w.table.columns[2].name == "Stap 1 \u2013 wie");
    CHECK(w.table.columns[4].name == "Stap 2 \u2013 wie");
    CHECK(w.table.rows() == 3);
    CHECK(w.table.columns[1].type == ColumnType::Date);
    CHECK(format_iso_date(w.table.columns[3].days[1]) == "2021-07-01");
  }
}

TEST_CASE("fixtures: error cells become Missing with a flag naming the error and the cell") {
  for (const char* ext : {".xlsx", ".ods"}) {
    INFO(ext);
    auto w = read_file(book_path(std::string("error_cells") + ext));
    REQUIRE(w.ok());
    const Column* v = w.table.find("Verhouding");
    REQUIRE(v);
    CHECK(v->type == ColumnType::Decimal);
    CHECK(v->reals[0] == 2);
    CHECK(v->state[1] == CellState::Missing);
    CHECK(v->state[2] == CellState::Missing);
    CHECK(v->reals[3] == 2.25);
    CHECK(v->state[4] == CellState::Missing);
    REQUIRE(w.report.flags_by_rule.count("excel_error"));
    CHECK(w.report.flags_by_rule.at("excel_error") == 3);
    std::vector<std::string> seen;
    for (auto& f : w.report.flags)
      if (f.rule == "excel_error") seen.push_back(f.cell + " " + f.value);
    CHECK(seen == std::vector<std::string>{"Blad1!D3 #DIV/0!", "Blad1!D4 #N/A", "Blad1!D6 #VALUE!"});
  }
}
