// The .ods reader: values from office:value / office:date-value (ISO), repeated rows and columns counted and never
// expanded, repeated rows with values read as often as they repeat, hidden sheets and columns, spanned (merged)
// header cells, error cells of formulas, comments (annotations) left out of the cell text.
#include "workbook_helpers.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {

std::string s(const std::string& t) {
  return "<table:table-cell office:value-type=\"string\"><text:p>" + t + "</text:p></table:table-cell>";
}
std::string f(const std::string& v) {
  return "<table:table-cell office:value-type=\"float\" office:value=\"" + v + "\"><text:p>" + v + "</text:p></table:table-cell>";
}
std::string d(const std::string& v) {
  return "<table:table-cell office:value-type=\"date\" office:date-value=\"" + v + "\"><text:p>x</text:p></table:table-cell>";
}
std::string tr(const std::string& cells, const std::string& attrs = "") {
  return "<table:table-row" + attrs + ">" + cells + "</table:table-row>";
}

std::string book() {
  std::string styles =
      "<style:style style:name=\"ta1\" style:family=\"table\"><style:table-properties table:display=\"true\"/></style:style>"
      "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>";
  std::string t1 =
      "<table:table table:name=\"Blad1\" table:style-name=\"ta1\">"
      "<table:table-column table:number-columns-repeated=\"3\"/><table:table-column table:visibility=\"collapse\"/>"
      "<table:table-column table:number-columns-repeated=\"16380\"/>" +
      tr(s("Naam") + s("Datum") + s("Bedrag") + s("Uitkomst") + "<table:table-cell table:number-columns-repeated=\"16380\"/>") +
      tr("<table:table-cell office:value-type=\"string\"><text:p>Jan<text:s text:c=\"2\"/>V.</text:p>"
         "<office:annotation><text:p>commentaar</text:p></office:annotation></table:table-cell>" +
         d("2021-05-02") + f("12.5") +
         "<table:table-cell table:formula=\"of:=1/0\"><text:p>#DIV/0!</text:p></table:table-cell>") +
      tr(s("Piet") + d("2021-05-03T10:30:00") + f("7") +
             "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>WAAR</text:p></table:table-cell>",
         " table:number-rows-repeated=\"2\"") +
      tr("<table:table-cell table:number-columns-repeated=\"16384\"/>", " table:number-rows-repeated=\"1048572\"") +
      "</table:table>";
  std::string t2 = "<table:table table:name=\"Verborgen\" table:style-name=\"ta2\">" + tr(s("x")) + tr(s("y")) + "</table:table>";
  return make_ods(ods_content(t1 + t2, styles));
}

}  // namespace

TEST_CASE("ods: values, ISO dates, repeated rows, error cells, hidden column and sheet") {
  auto r = read_book(book(), "werkmap.ods");
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::Ods);
  const Table& t = r.table;
  REQUIRE(t.cols() == 4);
  REQUIRE(t.rows() == 3);  // Jan, and Piet twice (a repeated row with values); 1,048,572 empty rows never expanded
  CHECK(t.row_number == std::vector<int64_t>{2, 3, 4});
  CHECK(t.find("Naam")->str(0) == "Jan  V.");  // text:s spaces kept, the comment left out
  const Column* dt = t.find("Datum");
  REQUIRE(dt->type == ColumnType::Date);
  CHECK(format_iso_date(dt->days[0]) == "2021-05-02");
  CHECK(format_iso_date(dt->days[2]) == "2021-05-03");
  CHECK(t.find("Bedrag")->reals == std::vector<double>{12.5, 7, 7});
  const Column* u = t.find("Uitkomst");
  REQUIRE(u->type == ColumnType::Boolean);
  CHECK(u->state[0] == CellState::Missing);
  const CellFlag* e = find_flag(r.report, "excel_error");
  REQUIRE(e);
  CHECK(e->cell == "Blad1!D2");
  CHECK(e->value == "#DIV/0!");
  const CellFlag* hc = find_flag(r.report, "hidden_column");
  REQUIRE(hc);
  CHECK(hc->cell == "Blad1!D:D");
  const WorkbookInfo& wb = r.report.workbook;
  REQUIRE(wb.sheets.size() == 2);
  CHECK(wb.sheets[0].rows == 4);
  CHECK(wb.sheets[0].cols == 4);
  CHECK(wb.sheets[0].cells == 16);
  CHECK(!wb.sheets[0].hidden);
  CHECK(wb.sheets[1].hidden);
  CHECK(r.report.columns[1].type_source == "ods_date");
  CHECK(t.memory_bytes() < 8192);
}

TEST_CASE("ods: a header spanned over two columns above a second header row is joined") {
  std::string t =
      "<table:table table:name=\"Blad1\">" +
      tr(s("Kind ID") + "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>Stap 1</text:p>"
         "</table:table-cell><table:covered-table-cell/>") +
      tr("<table:table-cell/>" + s("datum") + s("wie")) + tr(s("K1") + d("2021-05-02") + s("CB")) +
      tr(s("K2") + d("2021-06-02") + s("consulent")) + "</table:table>";
  auto r = read_book(make_ods(ods_content(t)), "kop.ods");
  REQUIRE(r.ok());
  REQUIRE(r.table.cols() == 3);
  CHECK(r.table.columns[1].name == "Stap 1 \u2013 datum");
  CHECK(r.table.columns[2].name == "Stap 1 \u2013 wie");
  CHECK(r.table.rows() == 2);
}

TEST_CASE("ods: a DOCTYPE in content.xml is refused; an OpenDocument text is not a spreadsheet") {
  std::string c = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + ods_content("").substr(21);
  auto r = read_book(make_ods(c), "lol.ods");
  REQUIRE(!r.ok());
  CHECK(r.status.detail == Note{"error.workbook_doctype", {"content.xml"}});
  auto odt = read_book(make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", false}, {"content.xml", "<x/>"}}),
                       "brief.odt");
  REQUIRE(!odt.ok());
  CHECK(odt.status.detail == Note{"error.zip_not_workbook", {"application/vnd.oasis.opendocument.text"}});
}
