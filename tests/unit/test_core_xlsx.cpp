// The .xlsx reader: cell kinds (shared strings with rich text, inline strings, numbers, booleans, errors), dates by
// number format in the 1900 and 1904 systems, sheets and the choice of sheet, header rows below title rows, merged
// two-row headers, merged / hidden cells flagged with their address, the cell text cap. Workbooks are built here
// from XML (workbook_helpers.h) so each test states exactly what it feeds.
#include "workbook_helpers.h"

#include "core/workbook.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {

const Column& col(const Table& t, const char* name) {
  const Column* c = t.find(name);
  if (!c) FAIL("no column " << name);
  return *c;
}

std::string basic_book() {
  std::string s = sst({"Naam", "Datum", "Bedrag", "Actief", "Fout", "Jan", "Piet",
                       "<r><t>Ri</t></r><r><rPr><b/></rPr><t>a</t></r><rPh sb=\"0\" eb=\"1\"><t>XX</t></rPh>", "Tijd"});
  std::string rows =
      row(1, sref("A1", 0) + sref("B1", 1) + sref("C1", 2) + sref("D1", 3) + sref("E1", 4) + sref("F1", 8)) +
      row(2, sref("A2", 5) + num("B2", "44318", 1) + num("C2", "12.5") + "<c r=\"D2\" t=\"b\"><v>1</v></c>" +
                 "<c r=\"E2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>" + num("F2", "0.5", 3)) +
      row(3, sref("A3", 6) + num("B3", "44197", 2) + num("C3", "7") + "<c r=\"D3\" t=\"b\"><v>0</v></c>" +
                 num("E3", "3") + num("F3", "0.75", 3)) +
      row(4, sref("A4", 7) + num("B4", "44562.5", 1) + num("C4", "1000") + "<c r=\"D4\" t=\"b\"><v>1</v></c>" +
                 num("E4", "4") + num("F4", "0.5", 3));
  return make_xlsx({{"Blad1", rows}}, s);
}

}  // namespace

TEST_CASE("xlsx: numbers, shared and rich-text strings, booleans, dates by format, error cells") {
  auto r = read_book(basic_book());
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::Xlsx);
  const Table& t = r.table;
  REQUIRE(t.rows() == 3);
  REQUIRE(t.cols() == 6);
  CHECK(t.row_number == std::vector<int64_t>{2, 3, 4});
  CHECK(col(t, "Naam").str(2) == "Ria");  // runs joined, the phonetic run left out
  const Column& d = col(t, "Datum");
  REQUIRE(d.type == ColumnType::Date);
  CHECK(format_iso_date(d.days[0]) == "2021-05-02");  // built-in format 14
  CHECK(format_iso_date(d.days[1]) == "2021-01-01");  // custom dd/mm/yyyy
  CHECK(format_iso_date(d.days[2]) == "2022-01-01");  // 44562.5: noon of that day
  CHECK(col(t, "Bedrag").type == ColumnType::Decimal);
  CHECK(col(t, "Bedrag").reals[0] == 12.5);
  CHECK(col(t, "Bedrag").reals[2] == 1000);
  const Column& a = col(t, "Actief");
  REQUIRE(a.type == ColumnType::Boolean);
  CHECK(a.bools == std::vector<uint8_t>{1, 0, 1});
  const Column& f = col(t, "Fout");
  REQUIRE(f.type == ColumnType::Integer);
  CHECK(f.state[0] == CellState::Missing);
  CHECK(f.ints[1] == 3);
  const Column& tijd = col(t, "Tijd");  // times of day are kept as times, not turned into 1899 dates
  CHECK(tijd.str(0) == "12:00:00");
  CHECK(tijd.str(1) == "18:00:00");

  const CellFlag* e = find_flag(r.report, "excel_error");
  REQUIRE(e);
  CHECK(e->cell == "Blad1!E2");
  CHECK(e->value == "#DIV/0!");
  CHECK(e->row == 2);
  CHECK(e->column == "Fout");
  CHECK(r.report.flags_by_rule.at("excel_error") == 1);

  const ColumnInfo* di = nullptr;
  for (auto& c : r.report.columns)
    if (c.name == "Datum") di = &c;
  REQUIRE(di);
  CHECK(di->type_source == "excel_date_format");
  CHECK(di->type_source_detail == "m/d/yyyy");
  CHECK(di->cell_range == "Blad1!B2:B4");

  auto j = inspect_json(r);
  CHECK(j["format"] == "xlsx");
  CHECK(j["workbook"]["sheet"]["name"] == "Blad1");
  CHECK(j["workbook"]["header"]["row"] == 1);
  CHECK(j["workbook"]["sheets"][0]["rows"] == 4);
  CHECK(j["workbook"]["sheets"][0]["columns"] == 6);
  CHECK(j["columns"][1]["type_source"]["kind"] == "excel_date_format");
  CHECK(j["columns"][0]["type_source"]["kind"] == "cell_text");
  CHECK(j["flags"]["first"][0]["cell"] == "Blad1!E2");
}

TEST_CASE("xlsx: the same table whatever the chunking of the bytes") {
  std::string b = basic_book();
  auto whole = read_book(b);
  for (size_t step : {1u, 7u, 4096u}) {
    auto parts = read_chunked(b, step);
    REQUIRE(parts.ok());
    CHECK(table_diff(whole.table, parts.table) == "");
  }
}

TEST_CASE("xlsx: number formats that are dates, times or plain numbers") {
  CHECK(classify_number_format(14, "") == NumFmtKind::Date);
  CHECK(classify_number_format(22, "") == NumFmtKind::DateTime);
  CHECK(classify_number_format(20, "") == NumFmtKind::Time);
  CHECK(classify_number_format(0, "") == NumFmtKind::Number);
  CHECK(classify_number_format(10, "") == NumFmtKind::Number);
  CHECK(classify_number_format(164, "dd/mm/yyyy") == NumFmtKind::Date);
  CHECK(classify_number_format(165, "[$-813]d\\ mmmm\\ yyyy") == NumFmtKind::Date);
  CHECK(classify_number_format(166, "dd/mm/yyyy\\ hh:mm") == NumFmtKind::DateTime);
  CHECK(classify_number_format(167, "h:mm:ss") == NumFmtKind::Time);
  CHECK(classify_number_format(168, "[h]:mm") == NumFmtKind::Time);
  CHECK(classify_number_format(169, "#,##0.00\" dagen\"") == NumFmtKind::Number);  // d inside quotes
  CHECK(classify_number_format(170, "[Red]0.00;[Blue]-0.00") == NumFmtKind::Number);
  CHECK(classify_number_format(171, "General") == NumFmtKind::Number);
  CHECK(classify_number_format(172, "0.00E+00") == NumFmtKind::Number);
  CHECK(classify_number_format(173, "mmm yy") == NumFmtKind::Date);
}

TEST_CASE("xlsx: 1900 system with its fictitious 29 February, and the 1904 system") {
  std::string out;
  CHECK(serial_to_text(1, false, NumFmtKind::Date, out));
  CHECK(out == "1900-01-01");
  CHECK(serial_to_text(59, false, NumFmtKind::Date, out));
  CHECK(out == "1900-02-28");
  CHECK(serial_to_text(60, false, NumFmtKind::Date, out));
  CHECK(out == "1900-02-29");  // does not exist: kept as text, typed as an invalid date
  CHECK(serial_to_text(61, false, NumFmtKind::Date, out));
  CHECK(out == "1900-03-01");
  CHECK(serial_to_text(44318.75, false, NumFmtKind::DateTime, out));
  CHECK(out == "2021-05-02 18:00:00");
  CHECK(serial_to_text(0, true, NumFmtKind::Date, out));
  CHECK(out == "1904-01-01");
  CHECK(serial_to_text(42856, true, NumFmtKind::Date, out));
  CHECK(out == "2021-05-02");

  // The same dates in a 1904 workbook read as the 1900 workbook's.
  std::string rows = row(1, istr("A1", "Begindatum") + istr("B1", "n")) + row(2, num("A2", "42856", 1) + num("B2", "1")) +
                     row(3, num("A3", "41395", 2) + num("B3", "2"));
  auto r = read_book(make_xlsx({{"Blad1", rows}}, "", true));
  REQUIRE(r.ok());
  CHECK(r.report.workbook.date1904);
  const Column& d = col(r.table, "Begindatum");
  REQUIRE(d.type == ColumnType::Date);
  CHECK(format_iso_date(d.days[0]) == "2021-05-02");
  CHECK(format_iso_date(d.days[1]) == "2017-05-02");
  CHECK(inspect_json(r)["workbook"]["date_system"] == 1904);

  // 29 February 1900 in a date column: an invalid date, flagged with its cell.
  std::string rows60 = row(1, istr("A1", "d")) + row(2, num("A2", "59", 1)) + row(3, num("A3", "60", 1)) +
                       row(4, num("A4", "61", 1));
  auto r60 = read_book(make_xlsx({{"Blad1", rows60}}));
  REQUIRE(r60.ok());
  CHECK(col(r60.table, "d").type == ColumnType::Date);
  CHECK(col(r60.table, "d").state[1] == CellState::Invalid);
  const CellFlag* f = find_flag(r60.report, "invalid_date");
  REQUIRE(f);
  CHECK(f->cell == "Blad1!A3");
  CHECK(f->value == "1900-02-29");
}

TEST_CASE("xlsx: title rows and an empty row above the header are skipped and reported") {
  std::string rows = row(1, istr("A1", "SofS-dashboard export")) + row(2, istr("A2", "Periode: 1/5/2021 - 5/10/2023")) +
                     row(4, istr("A4", "Kind ID") + istr("B4", "Netwerkgesprekken") + istr("C4", "Begindatum")) +
                     row(5, istr("A5", "K001") + num("B5", "4") + num("C5", "44318", 2)) +
                     row(6, istr("A6", "K002") + num("B6", "0") + num("C6", "44319", 2)) +
                     row(7, istr("A7", "K003") + num("B7", "12") + num("C7", "44320", 2));
  auto r = read_book(make_xlsx({{"Dashboard", rows}}));
  REQUIRE(r.ok());
  CHECK(r.report.workbook.header_row == 4);
  CHECK(r.report.workbook.header_reason == "detected");
  REQUIRE(r.table.rows() == 3);
  CHECK(r.table.row_number.front() == 5);
  CHECK(col(r.table, "Netwerkgesprekken").ints == std::vector<int64_t>{4, 0, 12});
  CHECK(format_iso_date(col(r.table, "Begindatum").days[2]) == "2021-05-04");
  bool noted = false;
  for (auto& n : r.report.notes)
    if (n.code == "note.header_below_titles") {
      noted = true;
      CHECK(n.args == std::vector<std::string>{"4", "2", "SofS-dashboard export"});
    }
  CHECK(noted);

  // --header-row 5: row 5 is the header, rows 6-7 data.
  ReadOptions o;
  o.header_row = 5;
  auto r5 = read_book(make_xlsx({{"Dashboard", rows}}), "werkmap.xlsx", o);
  REQUIRE(r5.ok());
  CHECK(r5.table.rows() == 2);
  CHECK(r5.table.columns[0].name == "K001");
  CHECK(r5.report.workbook.header_reason == "user");
}

TEST_CASE("xlsx: a header merged across columns over a second header row is joined") {
  std::string rows = row(1, istr("A1", "Kind ID") + istr("B1", "Stap 1") + istr("D1", "Stap 2")) +
                     row(2, istr("B2", "datum") + istr("C2", "wie") + istr("D2", "datum") + istr("E2", "wie")) +
                     row(3, istr("A3", "K1") + num("B3", "44318", 2) + istr("C3", "CB") + num("D3", "44330", 2) + istr("E3", "consulent")) +
                     row(4, istr("A4", "K2") + num("B4", "44319", 2) + istr("C4", "CB") + num("D4", "44331", 2) + istr("E4", "CB"));
  std::string merges = "<mergeCells count=\"3\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:C1\"/><mergeCell ref=\"D1:E1\"/></mergeCells>";
  auto r = read_book(make_xlsx({{"Blad1", worksheet(rows, "", merges)}}));
  REQUIRE(r.ok());
  REQUIRE(r.table.cols() == 5);
  CHECK(r.table.columns[0].name == "Kind ID");
  CHECK(r.table.columns[1].name == "Stap 1 \u2013 datum");
  CHECK(r.table.columns[2].name == "Stap 1 \u2013 wie");
  CHECK(r.table.columns[3].name == "Stap 2 \u2013 datum");
  CHECK(r.table.columns[4].name == "Stap 2 \u2013 wie");
  CHECK(r.report.workbook.header_rows == 2);
  CHECK(r.table.rows() == 2);
  CHECK(r.table.columns[1].type == ColumnType::Date);
  CHECK(r.report.flags_total == 0);  // merges in the header are not data flags
}

TEST_CASE("xlsx: sheets listed with size and hidden state; first sheet with data by default; --sheet") {
  std::string data = row(1, istr("A1", "x") + istr("B1", "y")) + row(2, num("A2", "1") + num("B2", "2")) +
                     row(3, num("A3", "3") + num("B3", "4"));
  std::string notes = row(1, istr("A1", "Opmerkingen")) + row(2, istr("A2", "bron: dashboard"));
  std::string book = make_xlsx({{"Leeg", ""}, {"Gegevens", data}, {"Notities", notes, true}});
  auto r = read_book(book);
  REQUIRE(r.ok());
  const WorkbookInfo& wb = r.report.workbook;
  REQUIRE(wb.sheets.size() == 3);
  CHECK(wb.sheets[0].cells == 0);
  CHECK(wb.sheets[1].rows == 3);
  CHECK(wb.sheets[1].cols == 2);
  CHECK(wb.sheets[1].cells == 6);
  CHECK(wb.sheets[2].hidden);
  CHECK(wb.chosen == 1);
  CHECK(wb.chosen_reason == "first_with_data");
  CHECK(r.table.rows() == 2);

  ReadOptions o;
  o.sheet = "Notities";
  auto rn = read_book(book, "werkmap.xlsx", o);
  REQUIRE(rn.ok());
  CHECK(rn.report.workbook.chosen == 2);
  CHECK(rn.table.columns[0].name == "Opmerkingen");
  o.sheet = "3";
  CHECK(read_book(book, "werkmap.xlsx", o).report.workbook.chosen == 2);
  o.sheet = "Bestaat niet";
  auto bad = read_book(book, "werkmap.xlsx", o);
  REQUIRE(!bad.ok());
  CHECK(bad.status.code == ErrorCode::NoSuchSheet);
  CHECK(bad.status.message == "werkmap.xlsx: the workbook has no sheet \"Bestaat niet\"; its sheets are: Leeg, Gegevens, "
                              "Notities [no_such_sheet]");
  CHECK(render_status(bad.status, "werkmap.xlsx", zicht::i18n::Lang::nl).find("de werkmap heeft geen blad") != std::string::npos);
}

TEST_CASE("xlsx: merged data cells, hidden rows and hidden columns are read and flagged with their address") {
  std::string rows = row(1, istr("A1", "id") + istr("B1", "team") + istr("C1", "n")) +
                     row(2, istr("A2", "a") + istr("B2", "Noord") + num("C2", "1")) +
                     row(3, istr("A3", "b") + istr("B3", "Zuid") + num("C3", "2"), " hidden=\"1\"") +
                     row(4, istr("A4", "c") + num("C4", "3"));
  std::string xml = worksheet(rows, "<cols><col min=\"3\" max=\"3\" width=\"0\" hidden=\"1\"/></cols>",
                              "<mergeCells count=\"1\"><mergeCell ref=\"B3:B4\"/></mergeCells>");
  auto r = read_book(make_xlsx({{"Blad1", xml}}));
  REQUIRE(r.ok());
  CHECK(r.table.rows() == 3);
  CHECK(col(r.table, "n").ints == std::vector<int64_t>{1, 2, 3});  // hidden rows and columns are read
  CHECK(col(r.table, "team").str(1) == "Zuid");
  CHECK(col(r.table, "team").state[2] == CellState::Missing);     // the merge keeps its value in the top-left cell
  const CellFlag* m = find_flag(r.report, "merged_cell");
  REQUIRE(m);
  CHECK(m->cell == "Blad1!B3");
  CHECK(m->value == "B3:B4");
  const CellFlag* hr = find_flag(r.report, "hidden_row");
  REQUIRE(hr);
  CHECK(hr->cell == "Blad1!3:3");
  CHECK(hr->row == 3);
  const CellFlag* hc = find_flag(r.report, "hidden_column");
  REQUIRE(hc);
  CHECK(hc->cell == "Blad1!C:C");
  CHECK(hc->column == "n");
}

TEST_CASE("xlsx: cell text is capped at 32,767 characters, flagged") {
  std::string big(40000, 'x');
  std::string rows = row(1, istr("A1", "opmerking")) + row(2, istr("A2", big)) + row(3, istr("A3", "kort"));
  auto r = read_book(make_xlsx({{"Blad1", rows}}));
  REQUIRE(r.ok());
  CHECK(r.table.columns[0].str(0).size() == 32767);
  const CellFlag* f = find_flag(r.report, "text_truncated");
  REQUIRE(f);
  CHECK(f->cell == "Blad1!A2");
}

TEST_CASE("xlsx: cell addresses") {
  int64_t r;
  int32_t c;
  CHECK(parse_cell_ref("F12", r, c));
  CHECK((r == 12 && c == 6));
  CHECK(parse_cell_ref("XFD1048576", r, c));
  CHECK((r == 1048576 && c == 16384));
  CHECK(!parse_cell_ref("XFE1", r, c));
  CHECK(!parse_cell_ref("A0", r, c));
  CHECK(!parse_cell_ref("A1048577", r, c));
  CHECK(column_letters(28) == "AB");
  CHECK(cell_ref(3, 703) == "AAA3");
}

namespace {

// Data rows 3..n for the five columns of the two-row header below: id, two dates, two names.
std::string step_rows(int n, const std::string& p = "") {
  std::string s;
  for (int i = 3; i <= n; ++i) {
    std::string r = std::to_string(i);
    auto is = [&](const char* c, const std::string& t) {
      return "<" + p + "c r=\"" + c + r + "\" t=\"inlineStr\"><" + p + "is><" + p + "t>" + t + "</" + p + "t></" + p +
             "is></" + p + "c>";
    };
    auto nm = [&](const char* c, int v) {
      return "<" + p + "c r=\"" + c + r + "\" s=\"2\"><" + p + "v>" + std::to_string(v) + "</" + p + "v></" + p + "c>";
    };
    s += "<" + p + "row r=\"" + r + "\">" + is("A", "K" + r) + nm("B", 44300 + i) + is("C", "CB") + nm("D", 44400 + i) +
         is("E", i % 2 ? "CB" : "consulent") + "</" + p + "row>";
  }
  return s;
}

}  // namespace

TEST_CASE("xlsx: a merged two-row header over more rows than are held back is still joined (merges follow the cells)") {
  // The header is settled after 30 rows, before the merges (listed after sheetData) are read: the sheet is read
  // again with them, and the table is the one a reader knowing them from the start gives.
  std::string head = row(1, istr("A1", "Kind ID") + istr("B1", "Stap 1") + istr("D1", "Stap 2")) +
                     row(2, istr("B2", "datum") + istr("C2", "wie") + istr("D2", "datum") + istr("E2", "wie"));
  std::string merges = "<mergeCells count=\"3\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:C1\"/><mergeCell ref=\"D1:E1\"/></mergeCells>";
  auto r = read_book(make_xlsx({{"Blad1", worksheet(head + step_rows(62), "", merges)}}));
  REQUIRE(r.ok());
  REQUIRE(r.table.cols() == 5);
  CHECK(r.table.columns[1].name == "Stap 1 \u2013 datum");
  CHECK(r.table.columns[4].name == "Stap 2 \u2013 wie");
  CHECK(r.report.workbook.header_rows == 2);
  CHECK(r.table.rows() == 60);
  CHECK(r.table.columns[0].str(59) == "K62");
  CHECK(r.report.flags_total == 0);
  CHECK(r.report.workbook.sheets[0].rows == 62);
  // A merge below the header changes nothing there: read once, flagged.
  std::string data_merge = "<mergeCells count=\"4\"><mergeCell ref=\"A1:A2\"/><mergeCell ref=\"B1:C1\"/>"
                           "<mergeCell ref=\"D1:E1\"/><mergeCell ref=\"C40:C41\"/></mergeCells>";
  auto m = read_book(make_xlsx({{"Blad1", worksheet(head + step_rows(62), "", data_merge)}}));
  REQUIRE(m.ok());
  CHECK(m.table.rows() == 60);
  const CellFlag* f = find_flag(m.report, "merged_cell");
  REQUIRE(f);
  CHECK(f->cell == "Blad1!C40");
  CHECK(m.report.flags_total == 1);
}

TEST_CASE("xlsx: a sheet whose SpreadsheetML namespace has a prefix (x:c) reads as the default-namespace one") {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string head = "<x:row r=\"1\">" + std::string("<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>Kind ID</x:t></x:is></x:c>") +
                     "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">datum</x:t></x:is></x:c></x:row>";
  std::string rows = head + step_rows(40, "x:");
  std::string xml = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"" + ns + "\"><x:dimension ref=\"A1:E40\"/><x:sheetData>" +
                    rows + "</x:sheetData><x:mergeCells><x:mergeCell ref=\"A5:A6\"/></x:mergeCells></x:worksheet>";
  std::string plain = rows;
  for (size_t at; (at = plain.find("x:")) != std::string::npos;) plain.erase(at, 2);
  auto r = read_book(make_xlsx({{"Blad1", xml}}));
  auto p = read_book(make_xlsx({{"Blad1", worksheet(plain, "<dimension ref=\"A1:E40\"/>",
                                                    "<mergeCells><mergeCell ref=\"A5:A6\"/></mergeCells>")}}));
  REQUIRE(r.ok());
  REQUIRE(p.ok());
  REQUIRE(r.table.cols() == 5);
  CHECK(r.table.rows() == 38);
  CHECK(r.table.columns[1].name == "datum");
  CHECK(r.table.columns[1].type == ColumnType::Date);
  CHECK(r.table.columns[0].str(37) == "K40");
  CHECK(r.report.workbook.sheets[0].cells == 2 + 38 * 5);
  CHECK(r.report.workbook.sheets[0].declared == "A1:E40");
  const CellFlag* f = find_flag(r.report, "merged_cell");
  REQUIRE(f);
  CHECK(f->cell == "Blad1!A5");
  for (size_t j = 0; j < 5; ++j) {
    CHECK(r.table.columns[j].name == p.table.columns[j].name);
    CHECK(r.table.columns[j].type == p.table.columns[j].type);
    for (size_t i = 0; i < 38; ++i) CHECK(r.table.columns[j].str(i) == p.table.columns[j].str(i));
  }
  // A namespace declaration is no attribute (xmlns:t is not t), a prefixed attribute is found by its local name.
  std::string odd = "<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns + "\"><sheetData>" + row(1, istr("A1", "a") + istr("B1", "b")) +
                    "<row r=\"2\"><c r=\"A2\" xmlns:t=\"urn:t\"><v>3</v></c><c q:r=\"B2\" xmlns:q=\"urn:q\"><v>4</v></c></row>" +
                    "</sheetData></worksheet>";
  auto o = read_book(make_xlsx({{"Blad1", odd}}));
  REQUIRE(o.ok());
  CHECK(o.table.columns[0].type == ColumnType::Integer);
  CHECK(o.table.columns[1].ints == std::vector<int64_t>{4});
}

TEST_CASE("xlsx: namespace errors in a sheet are refused with expat's own message and place") {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  auto msg = [&](const std::string& body) {
    auto r = read_book(make_xlsx({{"Blad1", "<?xml version=\"1.0\"?>\n<worksheet xmlns=\"" + ns + "\" xmlns:a=\"urn:a\">\n" + body +
                                                "\n</worksheet>"}}));
    return r.ok() ? std::string("ok") : r.status.message;
  };
  // The messages and places are those expat gives with namespace processing on (checked against it).
  const std::string pre = "werkmap.xlsx: the workbook is damaged: invalid XML in xl/worksheets/sheet1.xml: ";
  CHECK(msg("<sheetData><row r=\"1\">\n  <y:c r=\"A1\"/></row></sheetData>") == pre + "unbound prefix (line 4, column 2) [xml]");
  CHECK(msg("<sheetData><row r=\"1\"><c r=\"A1\" y:t=\"s\"/></row></sheetData>") == pre + "unbound prefix (line 3, column 22) [xml]");
  CHECK(msg("<sheetData>\n  <a:b:c/></sheetData>") == pre + "not well-formed (invalid token) (line 4, column 6) [xml]");
  CHECK(msg("<sheetData><row r=\"1\" xmlns:a=\"\"/></sheetData>") == pre + "must not undeclare prefix (line 3, column 11) [xml]");
  CHECK(msg("<sheetData><a:row r=\"1\"/></sheetData><y:x xmlns:y=\"urn:y\"/>") == "ok");  // bound on the element itself
  CHECK(msg("<sheetData><row r=\"1\"><c r=\"A1\" xmlns:y=\"urn:y\"/><y:c/></row></sheetData>") ==
        pre + "unbound prefix (line 3, column 49) [xml]");  // out of scope after its element
}

TEST_CASE("xlsx: the first sheet with data is found by reading the visible sheets in turn, a hidden one after them") {
  std::string data = row(1, istr("A1", "x") + istr("B1", "y")) + row(2, num("A2", "1") + num("B2", "2")) +
                     row(3, num("A3", "3") + num("B3", "4"));
  std::string other = row(1, istr("A1", "p") + istr("B1", "q")) + row(2, num("A2", "7") + num("B2", "8"));
  auto r = read_book(make_xlsx({{"Leeg", row(1, istr("A1", "") + "<c r=\"B1\" t=\"s\"/>")}, {"Verborgen", other, true},
                                {"Leeg2", ""}}));
  REQUIRE(r.ok());
  CHECK(r.report.workbook.chosen == 1);  // no visible sheet holds data: the hidden one is read (a second time)
  CHECK(r.table.columns[0].name == "p");
  CHECK(r.table.columns[1].ints == std::vector<int64_t>{8});
  auto v = read_book(make_xlsx({{"Leeg", ""}, {"Verborgen", other, true}, {"Gegevens", data}, {"Meer", other}}));
  REQUIRE(v.ok());
  CHECK(v.report.workbook.chosen == 2);
  CHECK(v.table.columns[0].ints == std::vector<int64_t>{1, 3});
  CHECK(v.report.workbook.sheets[3].cells == 4);
  // A broken sheet after the one read refuses the workbook, with nothing of the read sheet in the report.
  auto b = read_book(make_xlsx({{"Gegevens", data}, {"Kapot", row(2, num("A2", "1")) + row(1, num("A1", "1"))}}));
  REQUIRE(!b.ok());
  CHECK(b.status.message.find("Kapot") != std::string::npos);
  CHECK(b.report.workbook.header_reason.empty());
  CHECK(b.report.workbook.sheets.size() == 1);
}

TEST_CASE("xlsx: shared strings referenced by near and far keys give the same text in every cell") {
  std::vector<std::string> items;
  for (int i = 0; i < 6000; ++i) items.push_back("s" + std::to_string(i));
  std::string rows = row(1, istr("A1", "naam") + istr("B1", "n"));
  const int keys[] = {5998, 3, 5998, 3, 70, 5998, 0, 4000, 70};
  for (int i = 0; i < 60; ++i) {  // past the 30 rows held back for the header: streamed by key from there
    std::string r = std::to_string(i + 2);
    rows += row(i + 2, sref("A" + r, keys[i % 9] + (i > 40 ? 1 : 0)) + num("B" + r, std::to_string(i)));
  }
  auto b = read_book(make_xlsx({{"Blad1", rows}}, sst(items)));
  INFO(b.status.message);
  REQUIRE(b.ok());
  const Column& c = col(b.table, "naam");
  REQUIRE(b.table.rows() == 60);
  for (int i = 0; i < 60; ++i) CHECK(c.str(size_t(i)) == "s" + std::to_string(keys[i % 9] + (i > 40 ? 1 : 0)));
}
