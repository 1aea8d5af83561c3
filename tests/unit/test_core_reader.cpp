#include "test_core_helpers.h"

#include "core/sha256.h"
#include "core/values.h"

using namespace zicht::core;
using namespace zicht_test;

TEST_CASE("value parsers: numbers with decimal comma/point and thousands separators") {
  double v;
  bool integral;
  CHECK(parse_number("1.234,5", ',', v)); CHECK(v == 1234.5);
  CHECK(parse_number("1,234.5", '.', v)); CHECK(v == 1234.5);
  CHECK(parse_number("1.234.567,89", ',', v)); CHECK(v == Approx(1234567.89));
  CHECK_FALSE(parse_number("1.234.567,89", '.', v));
  CHECK(parse_number("-0,5", ',', v)); CHECK(v == -0.5);
  CHECK(parse_number("12", ',', v, &integral)); CHECK(integral);
  CHECK(parse_number("1.234", ',', v, &integral)); CHECK(v == 1234); CHECK(integral);
  CHECK(parse_number("1.234", '.', v, &integral)); CHECK(v == 1.234); CHECK_FALSE(integral);
  CHECK_FALSE(parse_number("1.23", ',', v));   // groups of three only
  CHECK_FALSE(parse_number("12,", ',', v));
  CHECK_FALSE(parse_number("abc", '.', v));
  CHECK_FALSE(parse_number("", '.', v));
  CHECK(parse_number("1.5E+03", '.', v)); CHECK(v == 1500);
  CHECK(parse_number("1 234,5", ',', v)); CHECK(v == 1234.5);
  int64_t i;
  CHECK(parse_plain_int("-42", i)); CHECK(i == -42);
  CHECK_FALSE(parse_plain_int("4 2", i));
}

TEST_CASE("value parsers: dates, Excel serials and booleans") {
  int32_t d;
  CHECK(parse_date("01/02/2023", DateOrder::DMY, d)); CHECK(format_iso_date(d) == "2023-02-01");
  CHECK(parse_date("01/02/2023", DateOrder::MDY, d)); CHECK(format_iso_date(d) == "2023-01-02");
  CHECK(parse_date("1-2-2023", DateOrder::DMY, d)); CHECK(format_iso_date(d) == "2023-02-01");
  CHECK(parse_date("2023-02-01", DateOrder::DMY, d)); CHECK(format_iso_date(d) == "2023-02-01");
  CHECK(parse_date("01.02.2023", DateOrder::DMY, d)); CHECK(format_iso_date(d) == "2023-02-01");
  CHECK(parse_date("29/02/2024 13:45", DateOrder::DMY, d)); CHECK(format_iso_date(d) == "2024-02-29");
  CHECK_FALSE(parse_date("31/02/2023", DateOrder::DMY, d));
  CHECK_FALSE(parse_date("29/02/2023", DateOrder::DMY, d));
  CHECK_FALSE(parse_date("2023/13/01", DateOrder::DMY, d));
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(excel_serial_to_days(45000, d)); CHECK(format_iso_date(d) == "2023-03-15");
  CHECK(excel_serial_to_days(1, d)); CHECK(format_iso_date(d) == "1900-01-01");
  CHECK(excel_serial_to_days(61, d)); CHECK(format_iso_date(d) == "1900-03-01");
  bool b;
  CHECK(parse_bool("Ja", b)); CHECK(b);
  CHECK(parse_bool("onwaar", b)); CHECK_FALSE(b);
  CHECK(parse_bool("TRUE", b)); CHECK(b);
  CHECK(parse_bool("0", b)); CHECK_FALSE(b);
  CHECK_FALSE(parse_bool("misschien", b));
}

TEST_CASE("CivilSpan: year_of and completed_months by lookup, the same as computed") {
  // A span around leap days and year ends, read inside and outside it (before year 0 too).
  const int32_t lo = days_from_civil(2019, 12, 15), hi = days_from_civil(2021, 3, 31);
  const CivilSpan span(lo, hi);
  const int32_t probe[] = {days_from_civil(-1, 6, 30), days_from_civil(0, 1, 1), lo - 40, lo, hi, hi + 400};
  for (int32_t a = lo - 60; a <= hi + 60; a += 7) {
    CHECK(span.year_of(a) == year_of(a));
    for (int32_t b = lo - 60; b <= hi + 60; b += 11) CHECK(span.completed_months(a, b) == completed_months(a, b));
    for (int32_t b : probe) {
      CHECK(span.completed_months(a, b) == completed_months(a, b));
      CHECK(span.completed_months(b, a) == completed_months(b, a));
    }
  }
  for (int32_t b : probe) CHECK(span.year_of(b) == year_of(b));
  const CivilSpan ancient(days_from_civil(-2, 11, 1), days_from_civil(1, 2, 1));
  for (int32_t a = days_from_civil(-2, 11, 1); a <= days_from_civil(1, 2, 1); ++a) CHECK(ancient.year_of(a) == year_of(a));
  const CivilSpan empty(0, -1);
  CHECK_FALSE(empty.covers(0));
  CHECK(empty.completed_months(lo, hi) == completed_months(lo, hi));
}

TEST_CASE("CSV: dialect sniffing, RFC 4180 quoting, typed columns") {
  std::string s =
      "Kind ID;Module;Begindatum;Bedrag;Actief\r\n"
      "K1;\"Verblijf; dag\";01/02/2022;1.234,5;ja\r\n"
      "K2;\"Zegt \"\"ja\"\"\r\nen meer\";13/12/2020;12,5;nee\r\n"
      "K3;Contextbegeleiding;;7;ja\r\n";
  auto r = read_str(s);
  REQUIRE(r.ok());
  CHECK(r.report.dialect.delimiter == ';');
  CHECK(r.report.dialect.quote == '"');
  CHECK(r.report.dialect.header);
  CHECK(r.report.dialect.line_endings == "CRLF");
  CHECK(r.report.encoding == Encoding::Utf8);
  const Table& t = r.table;
  REQUIRE(t.rows() == 3);
  REQUIRE(t.cols() == 5);
  CHECK(t.row_number == std::vector<int64_t>{2, 3, 4});
  CHECK(t.columns[1].str(0) == "Verblijf; dag");
  CHECK(t.columns[1].str(1) == "Zegt \"ja\"\r\nen meer");
  CHECK(t.columns[2].type == ColumnType::Date);
  CHECK(format_iso_date(t.columns[2].days[0]) == "2022-02-01");
  CHECK(t.columns[2].state[2] == CellState::Missing);
  CHECK(t.columns[3].type == ColumnType::Decimal);
  CHECK(t.columns[3].reals[0] == 1234.5);
  CHECK(t.columns[3].reals[1] == 12.5);
  CHECK(r.report.columns[3].decimal_separator == ',');
  CHECK(t.columns[4].type == ColumnType::Boolean);
  CHECK(t.columns[4].bools[1] == 0);
}

TEST_CASE("CSV: comma, TAB and pipe delimiters; LF and CR line endings; no header") {
  auto a = read_str("a,b,c\n1,2,3\n4,5,6\n");
  REQUIRE(a.ok());
  CHECK(a.report.dialect.delimiter == ',');
  CHECK(a.report.dialect.line_endings == "LF");
  CHECK(a.table.columns[2].ints[1] == 6);
  auto b = read_str("a\tb\r1\t2\r3\t4\r");
  REQUIRE(b.ok());
  CHECK(b.report.dialect.delimiter == '\t');
  CHECK(b.report.dialect.line_endings == "CR");
  CHECK(b.table.rows() == 2);
  auto c = read_str("x|y\nfoo|bar\n");
  REQUIRE(c.ok());
  CHECK(c.report.dialect.delimiter == '|');
  auto d = read_str("1;2;3\n4;5;6\n");
  REQUIRE(d.ok());
  CHECK_FALSE(d.report.dialect.header);
  CHECK(d.table.rows() == 2);
  CHECK(d.table.columns[0].name == "column_1");
  CHECK(d.table.row_number[0] == 1);
  ReadOptions o;
  o.header = true;
  auto e = read_str("1;2;3\n4;5;6\n", o);
  CHECK(e.table.rows() == 1);
  CHECK(e.table.columns[0].name == "1");
}

TEST_CASE("CSV: the incremental reader gives the same table for any chunk size") {
  std::string s = slurp(data_path("binc_like_excel_be.csv"));
  REQUIRE(s.size() > 1000);
  auto whole = read_str(s);
  REQUIRE(whole.ok());
  for (size_t step : {1u, 2u, 3u, 7u, 64u, 1000u}) {
    ReadOptions o;
    o.sniff_bytes = 300;  // force sniffing on a prefix and chunked tokenizing afterwards
    auto part = read_chunked(s, step, o);
    REQUIRE(part.ok());
    INFO("step " << step);
    CHECK(table_diff(whole.table, part.table) == "");
    CHECK(part.report.encoding == Encoding::Windows1252);
  }
}

TEST_CASE("SHA-256 of the raw bytes: computed by the reader, or handed over by the caller") {
  const std::string s = slurp(data_path("binc_like_excel_be.csv"));
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto whole = read_str(s);
  REQUIRE(whole.ok());
  CHECK(whole.report.sha256 == sha256_hex(s));
  // Chunk boundaries do not change the digest (64-byte blocks straddle them).
  CHECK(read_chunked(s, 7, ReadOptions{}).report.sha256 == whole.report.sha256);

  ReadOptions outside;
  outside.compute_sha256 = false;
  {
    IncrementalReader r("outside.csv", outside);
    REQUIRE(r.feed(p, s.size()).ok());
    r.set_sha256(whole.report.sha256);
    REQUIRE(r.finish().ok());
    CHECK(r.report().sha256 == whole.report.sha256);
    CHECK(table_diff(whole.table, r.take_table()) == "");
  }
  {
    // Forgetting the digest is an error naming the file and the rule, not an empty provenance field.
    IncrementalReader r("outside.csv", outside);
    REQUIRE(r.feed(p, s.size()).ok());
    Status st = r.finish();
    CHECK(st.code == ErrorCode::Usage);
    CHECK(st.rule == "sha256");
    CHECK(st.message.find("outside.csv") != std::string::npos);
  }
}

TEST_CASE("encodings: UTF-8 BOM, UTF-16 LE/BE with BOM, Windows-1252, override") {
  const std::string utf8 = "naam;plaats\nJosé;Liège\nZoë;Ieper\n";
  auto a = read_str("\xEF\xBB\xBF" + utf8);
  REQUIRE(a.ok());
  CHECK(a.report.encoding == Encoding::Utf8Bom);
  CHECK(a.table.columns[0].name == "naam");
  CHECK(a.table.columns[0].str(0) == "José");
  // UTF-16 LE / BE with BOM (Excel "Unicode text" is UTF-16 LE, TAB separated)
  auto to16 = [](const std::string& ascii_or_latin, bool le) {
    std::string out = le ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
    // input is UTF-8 with only 2-byte sequences here
    for (size_t i = 0; i < ascii_or_latin.size(); ++i) {
      unsigned char c = ascii_or_latin[i];
      unsigned cp = c;
      if (c >= 0xC0) { cp = ((c & 0x1F) << 6) | (ascii_or_latin[i + 1] & 0x3F); ++i; }
      if (le) { out.push_back(char(cp & 0xFF)); out.push_back(char(cp >> 8)); }
      else { out.push_back(char(cp >> 8)); out.push_back(char(cp & 0xFF)); }
    }
    return out;
  };
  const std::string tabbed = "naam\tplaats\r\nJosé\tLiège\r\nZoë\tIeper\r\n";
  for (bool le : {true, false}) {
    auto r = read_str(to16(tabbed, le));
    REQUIRE(r.ok());
    CHECK(r.report.encoding == (le ? Encoding::Utf16LE : Encoding::Utf16BE));
    CHECK(r.report.dialect.delimiter == '\t');
    CHECK(r.table.columns[1].str(0) == "Liège");
    CHECK(r.table.columns[0].str(1) == "Zoë");
  }
  // Windows-1252: é = E9, ë = EB, € = 80
  auto w = read_str("naam;bedrag\nJos\xE9;\x80 5\nZo\xEB;3\n");
  REQUIRE(w.ok());
  CHECK(w.report.encoding == Encoding::Windows1252);
  CHECK(w.report.encoding_reason.find("not valid UTF-8") != std::string::npos);
  CHECK(w.table.columns[0].str(0) == "José");
  CHECK(w.table.columns[1].str(0) == "€ 5");
  // Override: read UTF-8 bytes as Windows-1252 on purpose
  ReadOptions o;
  o.encoding = Encoding::Windows1252;
  auto ov = read_str(utf8, o);
  REQUIRE(ov.ok());
  CHECK(ov.report.encoding_overridden);
  CHECK(ov.table.columns[0].str(0) == "JosÃ©");
}

TEST_CASE("types: overrides, Excel serials only on override, missing/NVT policies per column") {
  std::string s = "id;datum;vzb;score\n1;45000;Niet van toepassing;NVT\n2;45001;OOOC;3\n3;;Missing;n.v.t.\n4;45003;OOOC;4\n";
  auto a = read_str(s);
  REQUIRE(a.ok());
  CHECK(a.table.columns[1].type == ColumnType::Integer);  // serials are not guessed
  CHECK(a.report.columns[2].nvt == 1);
  CHECK(a.report.columns[2].missing == 1);
  CHECK(a.table.columns[2].state[0] == CellState::NotApplicable);
  CHECK(a.table.columns[2].str(0) == "Niet van toepassing");  // raw category kept
  CHECK(a.table.columns[3].type == ColumnType::Integer);
  CHECK(a.table.columns[3].raw_text(0) == "NVT");
  CHECK(a.report.columns[3].nvt == 2);

  ReadOptions o;
  o.type_overrides["datum"] = ColumnType::Date;
  MissingPolicy real_category;  // "Niet van toepassing" is a real category in this field (SPEC §2)
  real_category.nvt.clear();
  o.missing["vzb"] = real_category;
  auto b = read_str(s, o);
  REQUIRE(b.ok());
  CHECK(b.table.columns[1].type == ColumnType::Date);
  CHECK(b.report.columns[1].type_overridden);
  CHECK(format_iso_date(b.table.columns[1].days[0]) == "2023-03-15");
  CHECK(b.table.columns[2].state[0] == CellState::Value);
  CHECK(b.report.columns[2].nvt == 0);
  o.type_overrides["vzb"] = ColumnType::Integer;
  auto c = read_str(s, o);
  REQUIRE(c.ok());
  CHECK(c.report.columns[2].invalid == 3);  // "Niet van toepassing", "OOOC" x2 are not integers
  CHECK(c.table.columns[2].raw_text(1) == "OOOC");
  CHECK(c.report.flags_by_rule.at("not_an_integer") == 3);
  CHECK(c.report.flags[0].row == 2);
  CHECK(c.report.flags[0].column == "vzb");
  CHECK(c.report.flags[0].file == "test.csv");
}

TEST_CASE("dates: dd/mm vs mm/dd ambiguity is reported, never silent") {
  auto a = read_str("d\n01/02/2023\n03/04/2023\n05/06/2023\n");
  REQUIRE(a.ok());
  CHECK(a.table.columns[0].type == ColumnType::Date);
  CHECK(a.report.columns[0].date_order == DateOrder::DMY);
  CHECK(a.report.columns[0].date_order_ambiguous);
  CHECK(format_iso_date(a.table.columns[0].days[0]) == "2023-02-01");
  bool noted = false;
  for (auto& n : a.report.notes) noted |= render_note(n).find("dd/mm/yyyy or mm/dd/yyyy") != std::string::npos;
  CHECK(noted);
  auto b = read_str("d\n01/02/2023\n25/04/2023\n");
  CHECK_FALSE(b.report.columns[0].date_order_ambiguous);
  auto c = read_str("d\n01/02/2023\n04/25/2023\n");
  CHECK(c.report.columns[0].date_order == DateOrder::MDY);
  CHECK(format_iso_date(c.table.columns[0].days[1]) == "2023-04-25");
  ReadOptions o;
  o.date_order = DateOrder::MDY;
  auto d = read_str("d\n01/02/2023\n03/04/2023\n", o);
  CHECK(format_iso_date(d.table.columns[0].days[0]) == "2023-01-02");
}

TEST_CASE("binary formats are refused with a stable code and a save-as-CSV message") {
  struct Case { std::string bytes; Format f; };
  std::vector<Case> cases = {{"%PDF-1.7\n%\xE2\xE3", Format::Pdf}};
  for (auto& c : cases) {
    auto r = read_str(c.bytes);
    CHECK(r.status.code == ErrorCode::UnsupportedFormat);
    CHECK(r.report.format == c.f);
    CHECK(r.status.message.find("save it as CSV") != std::string::npos);
    CHECK(std::string(error_code_name(r.status.code)) == "unsupported_format");
  }
}

TEST_CASE("an OLE file (.xls) is read as a workbook: a cut-off one gets the broken-workbook message") {
  auto r = read_str(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0'));
  CHECK(r.report.format == Format::Xls);
  CHECK(r.status.code == ErrorCode::BrokenWorkbook);
  CHECK(r.status.detail == Note{"error.workbook_truncated", {"the file ends inside its 512-byte header"}});
}

TEST_CASE("zip archives are read as workbooks: a cut-off one gets the broken-workbook message") {
  for (std::string bytes : {std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "[Content_Types].xml",
                            std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "readme.txt"}) {
    auto r = read_str(bytes, {}, "map.xlsx");
    CHECK(r.status.code == ErrorCode::BrokenWorkbook);
    CHECK(r.status.detail.code == "error.workbook_truncated");
    CHECK(std::string(error_code_name(r.status.code)) == "broken_workbook");
  }
}

TEST_CASE("memory budget: a clear 'file too large for browser memory' error with numbers") {
  std::string s = "a;b;c\n";
  for (int i = 0; i < 200000; ++i) s += "id" + std::to_string(i) + ";" + std::to_string(i * 7) + ";tekst " + std::to_string(i) + "\n";
  ReadOptions o;
  o.memory_budget_bytes = 2u << 20;
  IncrementalReader r("groot.csv", o);
  r.set_total_bytes(uint64_t(s.size()) * 100);  // pretend the file is 100x larger
  Status st;
  for (size_t off = 0; off < s.size() && st.ok(); off += 65536)
    st = r.feed(reinterpret_cast<const uint8_t*>(s.data()) + off, std::min<size_t>(65536, s.size() - off));
  if (st.ok()) st = r.finish();
  CHECK(st.code == ErrorCode::TooLarge);
  CHECK(st.message.find("file too large for browser memory") != std::string::npos);
  CHECK(st.message.find("MB") != std::string::npos);
  CHECK(r.progress() > 0.0);
  CHECK(r.progress() < 0.05);
}

TEST_CASE("progress and cancel (destroy mid-way)") {
  std::string s = slurp(data_path("binc_like_utf8.csv"));
  {
    IncrementalReader r("x.csv");
    r.set_total_bytes(s.size());
    r.feed(reinterpret_cast<const uint8_t*>(s.data()), s.size() / 2);
    CHECK(r.progress() == Approx(0.5).margin(0.01));
  }  // destroyed without finish(): cancel
  SUCCEED();
}

TEST_CASE("inspect_json has the SPEC §7 fields") {
  auto r = read_file(data_path("binc_like_utf8.csv"));
  REQUIRE(r.ok());
  auto j = inspect_json(r);
  CHECK(j["file"]["sha256"].get<std::string>().size() == 64);
  CHECK(j["encoding"]["name"] == "utf-8");
  CHECK(j["dialect"]["delimiter"] == ",");
  CHECK(j["dialect"]["header"] == true);
  CHECK(j["rows"] == 40);
  REQUIRE(j["columns"].size() == 11);
  CHECK(j["columns"][0]["name"] == "Kind ID");
  CHECK(j["columns"][2]["type"] == "date");
  CHECK(j["columns"][3]["missing"].get<int>() > 0);
  CHECK(j["columns"][7]["nvt"].get<int>() > 0);
  CHECK(j["columns"][0]["examples"].size() > 0);
  CHECK(j.contains("flags"));
  auto bad = read_file(data_path("does-not-exist.csv"));
  CHECK(bad.status.code == ErrorCode::Io);
}
