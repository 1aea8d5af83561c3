// Hostile and broken workbooks (spec/formats.md §4): each gets a clear message naming the file (and part or cell),
// nothing crashes or hangs, memory stays within the budget. One test per case, asserting the message.
#include <chrono>

#include "workbook_helpers.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {
std::string header_and_rows() {
  return row(1, istr("A1", "naam") + istr("B1", "n")) + row(2, istr("A2", "Jan") + num("B2", "1"));
}
}  // namespace

TEST_CASE("hostile: a zip bomb (an entry inflating at a ratio no workbook reaches) is refused") {
  std::string xml = worksheet(std::string(20 << 20, ' '));  // 20 MB of spaces deflate about 1000:1
  auto r = read_book(make_zip(xlsx_parts({{"Blad1", xml}})), "bom.xlsx");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::BrokenWorkbook);
  CHECK(r.status.detail.code == "error.zip_bomb");
  CHECK(r.status.message.rfind("bom.xlsx: the workbook would inflate far beyond any real workbook (a zip bomb?): "
                               "xl/worksheets/sheet1.xml would inflate ", 0) == 0);
  CHECK(r.status.message.find("(ratio above 500)") != std::string::npos);
  CHECK(render_status(r.status, "bom.xlsx", zicht::i18n::Lang::nl).find("zipbom") != std::string::npos);
}

TEST_CASE("hostile: an entry that inflates past its declared size, or declares more than the budget") {
  auto parts = xlsx_parts({{"Blad1", header_and_rows()}});
  for (auto& p : parts)
    if (p.name == "xl/worksheets/sheet1.xml") p.declared_size = 100;
  auto r = read_book(make_zip(parts), "lieg.xlsx");
  REQUIRE(!r.ok());
  CHECK(r.status.detail.code == "error.zip_bomb");
  CHECK(r.status.message.find("xl/worksheets/sheet1.xml inflates past its declared 100 bytes") != std::string::npos);

  for (auto& p : parts)
    if (p.name == "xl/worksheets/sheet1.xml") p.declared_size = int64_t(3) << 30;
  auto big = read_book(make_zip(parts), "groot.xlsx");
  REQUIRE(!big.ok());
  CHECK(big.status.detail.code == "error.zip_bomb");
  CHECK(big.status.message.find("declares 3221225472 bytes, more than the budget") != std::string::npos);
}

TEST_CASE("hostile: a shared-strings bomb (one huge string referenced everywhere) is stored once, quickly") {
  std::string huge(1000000, 'x');
  std::string rows = row(1, istr("A1", "tekst") + istr("B1", "n"));
  for (int i = 2; i <= 100001; ++i) rows += row(i, sref("A" + std::to_string(i), 0) + num("B" + std::to_string(i), "1"));
  std::string book = make_xlsx({{"Blad1", rows}}, sst({huge}));
  auto t0 = std::chrono::steady_clock::now();
  auto r = read_book(book, "sst.xlsx");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  REQUIRE(r.ok());
  CHECK(r.table.rows() == 100000);
  const Column& c = r.table.columns[0];
  CHECK(c.dict.size() == 2);  // "" and the one string: stored once
  CHECK(c.str(99999).size() == 32767);
  CHECK(r.report.flags_by_rule.at("text_truncated") == 100000);
  CHECK(r.table.memory_bytes() < (4u << 20));
  CHECK(secs < 10);
}

TEST_CASE("hostile: XML entity expansion (billion laughs) is refused: no DTD is ever processed") {
  std::string lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                    "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                    "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>";
  auto r = read_book(make_xlsx({{"Blad1", header_and_rows()}}, lol), "lol.xlsx");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::BrokenWorkbook);
  CHECK(r.status.detail == Note{"error.workbook_doctype", {"xl/sharedStrings.xml"}});
  CHECK(r.status.message == "lol.xlsx: xl/sharedStrings.xml contains a document type declaration (<!DOCTYPE>), which "
                            "workbooks never need and which can expand without end: not read [xml_doctype]");
  // Also in a sheet, and an external entity.
  std::string ext = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
  auto r2 = read_book(make_xlsx({{"Blad1", ext}}), "ext.xlsx");
  REQUIRE(!r2.ok());
  CHECK(r2.status.detail == Note{"error.workbook_doctype", {"xl/worksheets/sheet1.xml"}});
}

TEST_CASE("hostile: a declared size of 16,384 columns x 1,048,576 rows with three cells reads three cells") {
  std::string rows = row(1, istr("A1", "naam") + istr("B1", "n")) + row(2, istr("A2", "Jan"));
  std::string xml = worksheet(rows, "<dimension ref=\"A1:XFD1048576\"/>");
  auto r = read_book(make_xlsx({{"Blad1", xml}}), "groot.xlsx");
  REQUIRE(r.ok());
  CHECK(r.table.rows() == 1);
  CHECK(r.table.cols() == 2);
  CHECK(r.report.workbook.sheets[0].rows == 2);
  CHECK(r.report.workbook.sheets[0].cols == 2);
  CHECK(r.report.workbook.sheets[0].cells == 3);
  CHECK(r.report.workbook.sheets[0].declared == "A1:XFD1048576");
  bool noted = false;
  for (auto& n : r.report.notes)
    if (n.code == "note.dimension_ignored") noted = n.args == std::vector<std::string>{"A1:XFD1048576", "A1:B2"};
  CHECK(noted);
  CHECK(r.table.memory_bytes() < 4096);
}

TEST_CASE("hostile: a truncated workbook") {
  std::string book = make_xlsx({{"Blad1", header_and_rows()}});
  for (size_t keep : {book.size() / 2, book.size() - 10, size_t(30)}) {
    auto r = read_book(book.substr(0, keep), "half.xlsx");
    REQUIRE(!r.ok());
    CHECK(r.status.code == ErrorCode::BrokenWorkbook);
    CHECK(r.status.detail.code == "error.workbook_truncated");
    CHECK(r.status.message.rfind("half.xlsx: the workbook is incomplete (cut off or damaged): ", 0) == 0);
  }
}

TEST_CASE("hostile: an encrypted workbook (OLE package with EncryptionInfo) asks to save it without password") {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(1016, '\0');
  for (char c : std::string("EncryptionInfo")) { ole += c; ole += '\0'; }
  ole += std::string(2000, '\0');
  auto r = read_book(ole, "geheim.xlsx");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::UnsupportedFormat);
  CHECK(r.status.detail.code == "error.workbook_encrypted");
  CHECK(r.status.message == "geheim.xlsx: the workbook is protected with a password: open it in Excel, save it without "
                            "a password and load it again [encrypted]");
  CHECK(render_status(r.status, "geheim.xlsx", zicht::i18n::Lang::nl) ==
        "geheim.xlsx: de werkmap is beveiligd met een wachtwoord: open ze in Excel, bewaar ze zonder wachtwoord en "
        "laad ze opnieuw [encrypted]");
  // A zip entry with the encryption bit set gets the same message.
  std::string book = make_xlsx({{"Blad1", header_and_rows()}});
  size_t p = book.find("PK\x01\x02");
  while (p != std::string::npos) { book[p + 8] |= 1; p = book.find("PK\x01\x02", p + 4); }
  auto z = read_book(book, "zip.xlsx");
  REQUIRE(!z.ok());
  CHECK(z.status.detail.code == "error.workbook_encrypted");
}

TEST_CASE("hostile: an .xlsx that is really a CSV is read as CSV, with a note") {
  auto r = read_str("naam;n\nJan;1\nPiet;2\n", {}, "export.xlsx");
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::Csv);
  CHECK(r.table.rows() == 2);
  bool noted = false;
  for (auto& n : r.report.notes)
    if (n == Note{"note.text_named_as_workbook", {".xlsx"}}) noted = true;
  CHECK(noted);
  CHECK(render_note({"note.text_named_as_workbook", {".xlsx"}}, zicht::i18n::Lang::en) ==
        "the file is named .xlsx but holds text: read as CSV/JSON");
}

TEST_CASE("broken: a zip that is no workbook, invalid XML, a bad shared-string index, rows out of order") {
  auto zip = read_book(make_zip({{"notes.txt", "hallo"}}), "archief.zip");
  REQUIRE(!zip.ok());
  CHECK(zip.status.code == ErrorCode::UnsupportedFormat);
  CHECK(zip.status.detail == Note{"error.zip_not_workbook", {"1 entries"}});

  auto xml = read_book(make_xlsx({{"Blad1", worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")}}), "kapot.xlsx");
  REQUIRE(!xml.ok());
  CHECK(xml.status.detail.code == "error.workbook_xml");
  CHECK(xml.status.detail.args[0] == "xl/worksheets/sheet1.xml");
  CHECK(xml.status.message.find("mismatched tag") != std::string::npos);

  auto idx = read_book(make_xlsx({{"Blad1", row(1, istr("A1", "x")) + row(2, sref("A2", 5))}}, sst({"a"})), "sst.xlsx");
  REQUIRE(!idx.ok());
  CHECK(idx.status.detail == Note{"error.xlsx_bad_shared_string", {"Blad1!A2", "5", "1"}});

  auto order = read_book(make_xlsx({{"Blad1", row(2, istr("A2", "x")) + row(1, istr("A1", "y"))}}), "orde.xlsx");
  REQUIRE(!order.ok());
  CHECK(order.status.detail == Note{"error.xlsx_row_order", {"Blad1", "1", "2"}});
}

TEST_CASE("hostile: a workbook larger than the memory budget is refused before it is read") {
  ReadOptions o;
  o.memory_budget_bytes = 64 << 10;
  std::string rows = row(1, istr("A1", "x"));
  for (int i = 2; i < 5000; ++i) rows += row(i, istr("A" + std::to_string(i), "waarde " + std::to_string(i * 7919)));
  std::vector<ZipPart> parts = xlsx_parts({{"Blad1", rows}});
  for (auto& p : parts) p.deflate = false;
  auto r = read_book(make_zip(parts), "budget.xlsx", o);
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::TooLarge);
  CHECK(r.status.detail.code == "error.workbook_too_large");
}
