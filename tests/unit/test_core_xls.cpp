// .xls (Excel 97–2003, BIFF8) workbooks through libfreexl + xls_scan.cpp (spec/formats.md §1, §2, §5): the fixtures
// of tests/data/workbooks/*.xls (LibreOffice, tests/data/make_fixtures.sh) read to the same typed table and the same
// `zicht analyse` JSON as their CSVs; title rows, 1904, several sheets, merged header, error cells and formula cells
// each have an asserted outcome; `zicht inspect` shows the workbook.
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/workbook.h"
#include "cli_test_support.h"
#include "workbook_helpers.h"
#include "xls_ole.h"

using namespace zicht;
using namespace zicht::core;
using namespace zicht_test;

namespace {

std::string book_path(const std::string& name) { return data_path("workbooks/" + name); }



const ColumnInfo* info(const ReadReport& rep, const std::string& name) {
  for (auto& c : rep.columns)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> flags_of(const ReadReport& rep, const std::string& rule) {
  std::vector<std::string> seen;
  for (auto& f : rep.flags)
    if (f.rule == rule) seen.push_back(f.cell + " " + f.value);
  return seen;
}

}  // namespace

TEST_CASE("xls: each test CSV saved as .xls reads to the same typed table") {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"binc_like_utf8.csv", "binc_like_utf8"},        {"binc_like_excel_be.csv", "binc_like_excel_be"},
      {"profiles/sofs_export.csv", "sofs_export"},     {"profiles/binc_modules.csv", "binc_modules"},
      {"profiles/binc_clients.csv", "binc_clients"}};
  for (auto& [csv, book] : pairs) {
    INFO(book << ".xls");
    auto c = read_file(data_path(csv));
    REQUIRE(c.ok());
    auto w = read_file(book_path(book + ".xls"));
    REQUIRE(w.ok());
    CHECK(w.report.format == Format::Xls);
    CHECK(table_diff(c.table, w.table) == "");
    REQUIRE(w.report.columns.size() == c.report.columns.size());
    for (size_t j = 0; j < c.report.columns.size(); ++j) {
      CHECK(w.report.columns[j].missing == c.report.columns[j].missing);
      CHECK(w.report.columns[j].invalid == c.report.columns[j].invalid);
    }
    CHECK(w.report.workbook.sheets.size() == 1);
    CHECK(w.report.workbook.header_row == 1);
    CHECK(w.report.workbook.header_reason == "first_row");
  }
  auto x = read_file(book_path("binc_like_utf8.xls"));
  REQUIRE(x.ok());
  REQUIRE(info(x.report, "Begindatum"));
  CHECK(info(x.report, "Begindatum")->type_source == "excel_date_format");
  CHECK(!info(x.report, "Begindatum")->type_source_detail.empty());
  CHECK(info(x.report, "Begindatum")->cell_range == "binc_like_utf8!C2:C41");
}

TEST_CASE("xls: zicht analyse gives the same JSON for an .xls as for its CSV (inputs aside)") {
  struct Run {
    std::string profile, csv, book;
  };
  const std::vector<Run> runs = {{"sofs", "profiles/sofs_export.csv", "sofs_export"},
                                 {"binc", "profiles/binc_modules.csv", "binc_modules"},
                                 {"generic", "binc_like_utf8.csv", "binc_like_utf8"}};
  for (auto& r : runs) {
    INFO(r.book);
    std::string from_csv, from_book;
    REQUIRE(cli_run({"analyse", "--profile", r.profile, "--as-of", "2023-10-05", data_path(r.csv)}, from_csv) == 0);
    REQUIRE(cli_run({"analyse", "--profile", r.profile, "--as-of", "2023-10-05", book_path(r.book + ".xls")}, from_book) == 0);
    std::string csv_name = r.csv.substr(r.csv.rfind('/') + 1), book_name = r.book + ".xls";
    for (size_t p = from_book.find(book_name); p != std::string::npos; p = from_book.find(book_name, p))
      from_book.replace(p, book_name.size(), csv_name);
    auto patch = nlohmann::json::diff(results_only(from_csv), results_only(from_book));
    CHECK(patch.dump().substr(0, 600) == "[]");
  }
}

TEST_CASE("xls: title rows above the header, and --header-row") {
  auto c = read_file(data_path("binc_like_utf8.csv"));
  auto w = read_file(book_path("binc_title_rows.xls"));
  REQUIRE(w.ok());
  CHECK(w.report.workbook.header_row == 4);
  CHECK(w.report.workbook.header_reason == "detected");
  CHECK(w.table.row_number.front() == 5);
  CHECK(table_diff(c.table, w.table, false) == "");
  ReadOptions o;
  o.header_row = 2;  // the user's choice: the period line is the header, the real header a data row
  auto u = read_file(book_path("binc_title_rows.xls"), o);
  REQUIRE(u.ok());
  CHECK(u.report.workbook.header_reason == "user");
  CHECK(u.table.columns.at(0).name == "Periode: 1/5/2021 - 5/10/2023");
  CHECK(u.table.rows() == 41);
}

TEST_CASE("xls: the 1904 date system (DATEMODE) reads to the same dates") {
  auto c = read_file(data_path("binc_like_utf8.csv"));
  auto w = read_file(book_path("binc_1904.xls"));
  REQUIRE(w.ok());
  CHECK(w.report.workbook.date1904);
  CHECK(table_diff(c.table, w.table) == "");
  auto plain = read_file(book_path("binc_like_utf8.xls"));
  CHECK(!plain.report.workbook.date1904);
}

TEST_CASE("xls: several sheets — listed with sizes and hidden state, chosen, another by --sheet") {
  auto w = read_file(book_path("binc_sheets.xls"));
  REQUIRE(w.ok());
  const WorkbookInfo& wb = w.report.workbook;
  REQUIRE(wb.sheets.size() == 3);
  CHECK(wb.sheets[0].name == "Leeg");
  CHECK(wb.sheets[0].cells == 0);
  CHECK(wb.sheets[1].name == "Gegevens");
  CHECK(wb.sheets[1].rows == 41);
  CHECK(wb.sheets[1].cols == 11);
  CHECK(!wb.sheets[1].hidden);
  CHECK(wb.sheets[2].hidden);
  CHECK(wb.chosen == 1);
  CHECK(wb.chosen_reason == "first_with_data");
  CHECK(w.table.rows() == 40);
  ReadOptions o;
  o.sheet = "Notities";
  auto n = read_file(book_path("binc_sheets.xls"), o);
  REQUIRE(n.ok());
  CHECK(n.table.columns.at(0).name == "Toelichting");
  CHECK(n.table.rows() == 1);
  o.sheet = "Bestaat niet";
  auto bad = read_file(book_path("binc_sheets.xls"), o);
  REQUIRE(!bad.ok());
  CHECK(bad.status.detail == Note{"error.no_such_sheet", {"Bestaat niet", "Leeg, Gegevens, Notities"}});
}

TEST_CASE("xls: a merged two-row header is joined (MERGEDCELLS, which freexl does not report)") {
  auto w = read_file(book_path("merged_header.xls"));
  REQUIRE(w.ok());
  REQUIRE(w.table.cols() == 5);
  CHECK(w.table.columns[1].name == "Stap 1 \u2013 datum");
  CHECK(w.table.columns[2].name == "Stap 1 \u2013 wie");
  CHECK(w.table.columns[4].name == "Stap 2 \u2013 wie");
  CHECK(w.report.workbook.header_rows == 2);
  CHECK(w.table.rows() == 3);
  CHECK(w.table.columns[1].type == ColumnType::Date);
  CHECK(format_iso_date(w.table.columns[3].days[1]) == "2021-07-01");
}

TEST_CASE("xls: error results of formulas become Missing with a flag naming the error and the cell") {
  auto w = read_file(book_path("error_cells.xls"));
  REQUIRE(w.ok());
  const Column* v = w.table.find("Verhouding");
  REQUIRE(v);
  CHECK(v->type == ColumnType::Decimal);
  CHECK(v->reals[0] == 2);
  CHECK(v->state[1] == CellState::Missing);
  CHECK(v->state[2] == CellState::Missing);
  CHECK(v->reals[3] == 2.25);
  CHECK(v->state[4] == CellState::Missing);
  CHECK(flags_of(w.report, "excel_error") ==
        std::vector<std::string>{"Blad1!D3 #DIV/0!", "Blad1!D4 #N/A", "Blad1!D6 #VALUE!"});
  CHECK(w.report.flags_by_rule.count("formula_unread") == 0);
}

TEST_CASE("xls: formula cells give their cached number, text and boolean results") {
  auto w = read_file(book_path("formulas.xls"));
  REQUIRE(w.ok());
  REQUIRE(w.table.rows() == 4);
  const Column* som = w.table.find("Som");
  const Column* oordeel = w.table.find("Oordeel");
  const Column* groot = w.table.find("Groot");
  REQUIRE(som);
  REQUIRE(oordeel);
  REQUIRE(groot);
  CHECK(som->type == ColumnType::Integer);
  CHECK(som->ints == std::vector<int64_t>{9, 4, 7, 13});
  CHECK(oordeel->str(0) == "hoog");
  CHECK(oordeel->str(1) == "laag");
  CHECK(oordeel->str(3) == "hoog");
  CHECK(groot->type == ColumnType::Boolean);
  CHECK(groot->bools[0] == 1);
  CHECK(groot->bools[1] == 1);
  CHECK(groot->bools[2] == 1);
  CHECK(w.report.flags_by_rule.count("formula_unread") == 0);
}

TEST_CASE("xls: zicht inspect shows the format, sheets, chosen sheet, header row and type sources") {
  std::string out;
  REQUIRE(cli_run({"inspect", book_path("binc_title_rows.xls")}, out) == 0);
  auto j = nlohmann::json::parse(out);
  CHECK(j["format"] == "xls");
  CHECK(j["workbook"]["sheets"].size() == 1);
  CHECK(j["workbook"]["header"]["row"] == 4);
  CHECK(j["workbook"]["sheet"]["name"] == "Dashboard");
  std::string date_source;
  for (auto& c : j["columns"])
    if (c["name"] == "Begindatum") date_source = c["type_source"]["kind"];
  CHECK(date_source == "excel_date_format");
  REQUIRE(cli_run({"inspect", "--sheet", "Notities", "--header-row", "2", book_path("binc_sheets.xls")}, out) == 0);
  j = nlohmann::json::parse(out);
  CHECK(j["workbook"]["sheet"]["name"] == "Notities");
  CHECK(j["workbook"]["sheet"]["reason"] == "user_name");
  CHECK(j["workbook"]["header"]["row"] == 2);
  CHECK(j["workbook"]["header"]["reason"] == "user");
}

TEST_CASE("xls: boolean and error cells (BOOLERR), hidden rows and columns, in a hand-made BIFF8 sheet") {
  auto label = [](int r, int c, const std::string& t) {
    return biff_rec(0x0204, le16(r) + le16(c) + le16(15) + le16(uint32_t(t.size())) + std::string(1, '\0') + t);
  };
  auto boolerr = [](int r, int c, int v, bool err) {
    return biff_rec(0x0205, le16(r) + le16(c) + le16(15) + char(v) + char(err ? 1 : 0));
  };
  std::string three("\0\0\0\0\0\0\x08\x40", 8);  // 3.0 as a little-endian double
  std::string recs = biff_rec(0x0200, le32(0) + le32(3) + le16(0) + le16(3) + le16(0)) +
                     biff_rec(0x007D, le16(1) + le16(1) + le16(2000) + le16(15) + le16(1) + le16(0)) +  // B hidden
                     biff_rec(0x0208, le16(2) + le16(0) + le16(3) + le16(255) + le16(0) + le16(0) + le16(0x20) + le16(15)) +
                     label(0, 0, "naam") + label(0, 1, "ok") + label(0, 2, "fout") +
                     label(1, 0, "Jan") + boolerr(1, 1, 1, false) + boolerr(1, 2, 0x2A, true) +
                     label(2, 0, "Piet") + boolerr(2, 1, 0, false) + biff_rec(0x0203, le16(2) + le16(2) + le16(15) + three);
  auto r = read_book(ole_with_workbook(biff_one_sheet(recs)), "hand.xls");
  REQUIRE(r.ok());
  REQUIRE(r.table.cols() == 3);
  REQUIRE(r.table.rows() == 2);
  const Column* ok = r.table.find("ok");
  const Column* fout = r.table.find("fout");
  REQUIRE(ok);
  REQUIRE(fout);
  CHECK(ok->type == ColumnType::Boolean);  // freexl alone gives 1 and 0
  CHECK(ok->bools[0] == 1);
  CHECK(ok->bools[1] == 0);
  CHECK(fout->state[0] == CellState::Missing);  // freexl alone gives the integer 1
  CHECK(fout->ints[1] == 3);
  CHECK(flags_of(r.report, "excel_error") == std::vector<std::string>{"Blad1!C2 #N/A"});
  CHECK(flags_of(r.report, "hidden_row") == std::vector<std::string>{"Blad1!3:3 "});
  CHECK(flags_of(r.report, "hidden_column") == std::vector<std::string>{"Blad1!B:B "});
  CHECK(!r.report.workbook.date1904);
}
