// Hostile and broken .xls files (spec/formats.md §4): each gets its message naming the file, nothing crashes or
// hangs. The broken files are tests/data/workbooks/formulas.xls (LibreOffice, BIFF8) with a few bytes changed at
// the places found below (a record header, the DIMENSION, the directory), so each case is one known damage.
#include <fstream>
#include <iterator>

#include "core/workbook.h"
#include "workbook_helpers.h"
#include "xls_ole.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {

std::string fixture() {
  std::ifstream in(data_path("workbooks/formulas.xls"), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The first occurrence of `pat` at or after `from` (the test fails when it is not there: the fixture changed).
size_t at(const std::string& bytes, const std::string& pat, size_t from = 0) {
  size_t p = bytes.find(pat, from);
  REQUIRE(p != std::string::npos);
  return p;
}

std::string u16s(const char* ascii) {
  std::string s;
  for (const char* c = ascii; *c; ++c) s += std::string(1, *c) + std::string(1, '\0');
  return s;
}

}  // namespace

TEST_CASE("xls hostile: a truncated file says it is incomplete") {
  std::string b = fixture();
  auto r = read_book(b.substr(0, 3000), "kort.xls");
  REQUIRE(!r.ok());
  CHECK(r.report.format == Format::Xls);
  CHECK(r.status.code == ErrorCode::BrokenWorkbook);
  CHECK(r.status.detail.code == "error.workbook_truncated");
  CHECK(r.status.message.rfind("kort.xls: the workbook is incomplete (cut off or damaged): ", 0) == 0);
  // Only the header: it ends inside it.
  auto h = read_book(b.substr(0, 300), "kop.xls");
  REQUIRE(!h.ok());
  CHECK(h.status.detail == Note{"error.workbook_truncated", {"the file ends inside its 512-byte header"}});
}

TEST_CASE("xls hostile: garbage after the OLE signature is a damaged workbook") {
  std::string b = fixture().substr(0, 8) + std::string(4000, 'A');
  auto r = read_book(b, "rommel.xls");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::BrokenWorkbook);
  CHECK(r.status.detail == Note{"error.xls_corrupt", {"invalid compound-file header"}});
  CHECK(render_status(r.status, "rommel.xls", zicht::i18n::Lang::nl).find("de .xls-werkmap is beschadigd") !=
        std::string::npos);
}

TEST_CASE("xls hostile: a password-protected workbook (FILEPASS) gets the password message") {
  std::string b = fixture();
  size_t p = at(b, std::string("\xE1\x00\x02\x00", 4));  // INTERFACEHDR in the globals becomes FILEPASS
  b[p] = '\x2F';
  auto r = read_book(b, "geheim.xls");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::UnsupportedFormat);
  CHECK(r.status.detail.code == "error.workbook_encrypted");
  CHECK(r.status.message.find("protected with a password") != std::string::npos);
}

TEST_CASE("xls hostile: a CSV named .xls is read as CSV, with a note") {
  std::string csv = "naam;n\nJan;1\nPiet;2\n";
  auto r = read_book(csv, "export.xls");
  REQUIRE(r.ok());
  CHECK(r.report.format == Format::Csv);
  CHECK(r.table.rows() == 2);
  bool noted = false;
  for (auto& n : r.report.notes)
    if (n == Note{"note.text_named_as_workbook", {".xls"}}) noted = true;
  CHECK(noted);
}

TEST_CASE("xls hostile: an Office file without a Workbook stream is not an .xls") {
  std::string b = fixture();
  size_t p = at(b, u16s("Workbook"));
  b[p + 2] = 'x';  // "Wxrkbook"
  auto r = read_book(b, "brief.xls");
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::UnsupportedFormat);
  CHECK(r.status.detail.code == "error.xls_no_workbook");
}

TEST_CASE("xls hostile: the declared DIMENSION — too small for the cells, or beyond the budget") {
  std::string b = fixture();
  const std::string dim("\x00\x02\x0E\x00", 4);
  size_t p = at(b, dim);
  std::string small = b;
  small[p + 8] = '\x02';  // rwMac 5 → 2: rows 3 to 5 lie outside
  auto r = read_book(small, "klein.xls");
  REQUIRE(!r.ok());
  CHECK(r.status.detail == Note{"error.xls_cell_outside_dimension", {"Blad1", "A1:F2", "F5"}});

  std::string big = b;
  big.replace(p + 8, 4, std::string("\x00\x00\x01\x00", 4));  // rwMac 65536
  big.replace(p + 14, 2, std::string("\x00\x01", 2));         // colMac 256: 268 MB of freexl cells
  ReadOptions o;
  o.memory_budget_bytes = uint64_t(256) << 20;  // the browser's budget: half of it for freexl's grid at most
  auto g = read_book(big, "groot.xls", o);
  REQUIRE(!g.ok());
  CHECK(g.status.code == ErrorCode::TooLarge);
  CHECK(g.status.detail.code == "error.xls_dimension_too_large");
  CHECK(g.status.detail.args.at(1) == "A1:IV65536");
  CHECK(g.status.detail.args.at(2) == "256");
}

TEST_CASE("xls: a formula whose result cannot be read is Missing, flagged by cell, and noted") {
  std::string b = fixture();
  size_t p = at(b, std::string("\x07\x02\x07\x00\x04\x00\x00hoog", 11));  // the STRING after E2's FORMULA
  b[p] = '\xBC';
  b[p + 1] = '\x0A';  // an unknown record instead
  auto r = read_book(b, "formules.xls");
  REQUIRE(r.ok());
  const Column* o = r.table.find("Oordeel");
  REQUIRE(o);
  CHECK(o->state[0] == CellState::Missing);
  CHECK(o->str(1) == "laag");
  const CellFlag* f = find_flag(r.report, "formula_unread");
  REQUIRE(f);
  CHECK(f->cell == "Blad1!E2");
  CHECK(r.report.flags_by_rule.at("formula_unread") == 1);
  bool noted = false;
  for (auto& n : r.report.notes)
    if (n == Note{"note.xls_formulas_unread", {"1", "Blad1!E2"}}) noted = true;
  CHECK(noted);
  CHECK(render_note({"note.xls_formulas_unread", {"1", "Blad1!E2"}}, zicht::i18n::Lang::nl).find("formule niet gelezen") !=
        std::string::npos);
}

TEST_CASE("xls hostile: every cut and a flipped byte at every offset end in a result or a message") {
  std::string b = fixture();
  int errors = 0, ok = 0;
  for (size_t n = 0; n < b.size(); n += 61) {
    auto r = read_book(b.substr(0, n), "cut.xls");
    (r.ok() ? ok : errors)++;
    if (!r.ok()) CHECK(!r.status.detail.code.empty());
  }
  CHECK(errors > 100);
  for (size_t i = 0; i < b.size(); i += 7) {
    std::string m = b;
    m[i] = char(m[i] ^ 0x5A);
    auto r = read_book(m, "flip.xls");
    if (!r.ok()) CHECK(!r.status.detail.code.empty());
  }
}

TEST_CASE("xls hostile: records freexl 1.0.6 would mishandle are refused before it reads them (fuzz findings)") {
  std::string dim = biff_rec(0x0200, le32(0) + le32(3) + le16(0) + le16(3) + le16(0));
  // A LABEL declaring 65,535 characters in a 13-byte record: freexl copies past its buffer.
  std::string label = biff_rec(0x0204, le16(0) + le16(0) + le16(15) + le16(0xFFFF) + std::string(1, '\0') + "Ann");
  auto r = read_book(ole_with_workbook(biff_one_sheet(dim + label)), "lang.xls");
  REQUIRE(!r.ok());
  CHECK(r.status.detail == Note{"error.xls_corrupt", {"a text is longer than the record holding it"}});
  // Two DIMENSION records in one sheet: freexl allocates (and leaks) a grid for each.
  auto d = read_book(ole_with_workbook(biff_one_sheet(dim + dim)), "dubbel.xls");
  REQUIRE(!d.ok());
  CHECK(d.status.detail == Note{"error.xls_corrupt", {"a sheet declares its size (DIMENSION) twice"}});
  // A DIMENSION shorter than its sizes, after a sound one (fuzz finding): freexl takes the sizes from the previous
  // record's bytes, is refused that grid and keeps the sizes with the first grid, which it then overruns when freeing.
  for (const std::string& sheet : {dim + biff_rec(0x0200, ""), biff_rec(0x0200, le32(0) + le32(3))}) {
    auto s = read_book(ole_with_workbook(biff_one_sheet(sheet)), "kort.xls");
    REQUIRE(!s.ok());
    CHECK(s.status.detail == Note{"error.xls_corrupt", {"a sheet's size record (DIMENSION) is shorter than the sizes it holds"}});
  }
  // A directory entry declaring a name longer than its 64 bytes (fuzz finding): freexl converts that many bytes,
  // past its buffer for the directory sector.
  std::string longname = ole_with_workbook(biff_one_sheet(dim));
  longname.replace(1024 + 64, 2, le16(5376));  // header, FAT sector, then the directory: the root entry's name size
  auto n = read_book(longname, "naam.xls");
  REQUIRE(!n.ok());
  CHECK(n.status.detail == Note{"error.xls_corrupt", {"directory entry 0 declares a name of 5376 bytes (at most 64)"}});
  // The same sheet with a sound LABEL reads.
  std::string ok = biff_rec(0x0204, le16(0) + le16(0) + le16(15) + le16(3) + std::string(1, '\0') + "Ann");
  auto g = read_book(ole_with_workbook(biff_one_sheet(dim + ok)), "goed.xls");
  REQUIRE(g.ok());
  CHECK(g.table.columns.at(0).name == "Ann");
}
