// Nasty inputs, each with an asserted outcome. Small ones are files in tests/data/nasty/; large ones are
// generated here (nothing > 200 KB is committed).
#include "test_core_helpers.h"

using namespace zicht::core;
using namespace zicht_test;

static ReadResult nasty(const char* name, const ReadOptions& o = {}) { return read_file(data_path(std::string("nasty/") + name), o); }

static bool has_note(const ReadReport& r, const std::string& part) {
  for (auto& n : r.notes)
    if (render_note(n).find(part) != std::string::npos) return true;
  return false;
}

TEST_CASE("nasty: empty file and a file with only a BOM are clear errors") {
  auto a = nasty("empty.csv");
  CHECK(a.status.code == ErrorCode::EmptyFile);
  CHECK(a.status.message.find("empty.csv") != std::string::npos);
  CHECK(a.report.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  auto b = nasty("only_bom.csv");
  CHECK(b.status.code == ErrorCode::EmptyFile);
  CHECK(b.report.encoding == Encoding::Utf8Bom);
}

TEST_CASE("nasty: unbalanced quote at end of file is flagged with its row, nothing lost silently") {
  auto r = nasty("unbalanced_quote_eof.csv");
  REQUIRE(r.ok());
  CHECK(r.report.flags_by_rule.at("unbalanced_quote") == 1);
  CHECK(r.report.flags[0].row == 2);
  CHECK(r.table.rows() == 1);
  CHECK(r.table.columns[1].str(0) == "open quote\n2;3\n");  // the rest of the file is in the field
  CHECK(has_note(r.report, "never closed"));
}

TEST_CASE("nasty: 10,000 columns") {
  std::string s;
  for (int j = 0; j < 10000; ++j) s += (j ? ";" : "") + std::string("c") + std::to_string(j);
  s += "\n";
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 10000; ++j) s += (j ? ";" : "") + std::to_string(i * j);
    s += "\n";
  }
  auto r = read_str(s);
  REQUIRE(r.ok());
  CHECK(r.table.cols() == 10000);
  CHECK(r.table.rows() == 3);
  CHECK(r.table.columns[9999].ints[2] == 2 * 9999);
  ReadOptions o;
  o.max_columns = 5000;
  auto t = read_str(s, o);
  CHECK(t.status.code == ErrorCode::TooManyColumns);
  CHECK(t.status.row == 1);
}

TEST_CASE("nasty: a 1 MB field (quoted, with newlines and doubled quotes), read in chunks") {
  std::string big;
  big.reserve(1 << 20);
  while (big.size() < (1u << 20)) big += "regel met \"\"quotes\"\" en ;\n";
  std::string s = "id;tekst;n\n1;\"" + big + "\";5\n2;kort;6\n";
  ReadOptions o;
  o.sniff_bytes = 4096;
  auto r = read_chunked(s, 65536, o);
  REQUIRE(r.ok());
  REQUIRE(r.table.rows() == 2);
  std::string want;
  for (size_t i = 0; i < big.size(); ++i) {
    want.push_back(big[i]);
    if (big[i] == '"') ++i;  // "" -> "
  }
  CHECK(r.table.columns[1].str(0) == want);
  CHECK(want.size() > 900000);
  CHECK(r.table.columns[1].str(0).find("\"quotes\"") != std::string::npos);
  CHECK(r.table.columns[2].ints[1] == 6);
  CHECK(r.table.row_number[1] == 3);
}

TEST_CASE("nasty: invalid UTF-8 bytes in a UTF-8 file are decoded as Windows-1252 and reported") {
  auto r = nasty("invalid_utf8.csv");
  REQUIRE(r.ok());
  CHECK(r.report.encoding == Encoding::Utf8);
  CHECK(r.table.columns[0].str(0) == "José");
  CHECK(r.table.columns[1].str(0) == "Liège");  // the stray E8 byte
  CHECK(has_note(r.report, "decoded as Windows-1252"));
  // A file that is entirely Windows-1252 is detected as such.
  auto w = read_str("naam\nJos\xE9\nZo\xEB\n");
  CHECK(w.report.encoding == Encoding::Windows1252);
}

TEST_CASE("nasty: mixed line endings") {
  auto r = nasty("mixed_line_endings.csv");
  REQUIRE(r.ok());
  CHECK(r.report.dialect.line_endings == "mixed");
  CHECK(r.table.rows() == 3);
  CHECK(r.table.columns[1].ints == std::vector<int64_t>{2, 4, 6});
  CHECK(has_note(r.report, "mixed line endings"));
}

TEST_CASE("nasty: NUL bytes are removed and reported") {
  auto r = nasty("nul_bytes.csv");
  REQUIRE(r.ok());
  CHECK(r.table.columns[1].str(0) == "xy");
  CHECK(has_note(r.report, "NUL"));
}

TEST_CASE("nasty: header-only file has columns and zero rows") {
  auto r = nasty("header_only.csv");
  REQUIRE(r.ok());
  CHECK(r.table.rows() == 0);
  REQUIRE(r.table.cols() == 3);
  CHECK(r.table.columns[2].name == "Begindatum");
  CHECK(has_note(r.report, "header only"));
}

TEST_CASE("nasty: duplicate column names renamed x, x_2 with a note") {
  auto r = nasty("duplicate_names.csv");
  REQUIRE(r.ok());
  REQUIRE(r.table.cols() == 4);
  CHECK(r.table.columns[0].name == "x");
  CHECK(r.table.columns[2].name == "x_2");
  CHECK(r.table.columns[3].name == "x_3");
  CHECK(r.report.columns[2].original_name == "x");
  CHECK(has_note(r.report, "renamed to \"x_2\""));
}

TEST_CASE("nasty: 1.234.567,89 is a decimal with thousands separators") {
  auto r = nasty("thousands.csv");
  REQUIRE(r.ok());
  CHECK(r.table.columns[0].type == ColumnType::Decimal);
  CHECK(r.table.columns[0].reals[0] == Approx(1234567.89));
  CHECK(r.table.columns[0].reals[1] == 12.5);
}

TEST_CASE("nasty: 31/02/2023 is an invalid date, flagged with file, row, column, value and rule") {
  auto r = nasty("invalid_date.csv");
  REQUIRE(r.ok());
  const Column& d = r.table.columns[0];
  CHECK(d.type == ColumnType::Date);
  CHECK(d.state[1] == CellState::Invalid);
  CHECK(d.raw_text(1) == "31/02/2023");
  REQUIRE(r.report.flags.size() == 1);
  const CellFlag& f = r.report.flags[0];
  CHECK(f.file.find("invalid_date.csv") != std::string::npos);
  CHECK(f.row == 3);
  CHECK(f.column == "datum");
  CHECK(f.value == "31/02/2023");
  CHECK(f.rule == "invalid_date");
  CHECK(r.table.rows() == 3);  // the row is kept
}

TEST_CASE("nasty: a trailing delimiter on every line") {
  auto r = nasty("trailing_delimiter.csv");
  REQUIRE(r.ok());
  CHECK(r.table.cols() == 3);
  CHECK(r.table.rows() == 2);
  CHECK(r.report.flags_total == 0);
  CHECK(has_note(r.report, "trailing delimiter"));
  // only the data rows have it: ignored, noted
  auto s = read_str("a;b\n1;2;\n3;4;\n");
  REQUIRE(s.ok());
  CHECK(s.table.cols() == 2);
  CHECK(has_note(s.report, "empty fields beyond the header"));
}

TEST_CASE("nasty: ragged rows are kept and flagged") {
  auto r = read_str("a;b;c\n1;2\n3;4;5;6\n");
  REQUIRE(r.ok());
  CHECK(r.table.rows() == 2);
  CHECK(r.table.cols() == 4);  // the extra value gets its own column, not dropped
  CHECK(r.table.columns[2].state[0] == CellState::Missing);
  CHECK(r.report.flags_by_rule.at("short_row") == 1);
  CHECK(r.report.flags_by_rule.at("long_row") == 1);
}

TEST_CASE("nasty: JSON nested 10,000 deep is a clear error, not a stack overflow") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  auto a = read_str("[" + deep + "]", {}, "deep.json");
  CHECK(a.status.code == ErrorCode::NestingTooDeep);
  CHECK(a.status.message.find("nested deeper than") != std::string::npos);
  std::string obj;
  for (int i = 0; i < 10000; ++i) obj += "{\"a\":";
  obj += "1";
  obj += std::string(10000, '}');
  auto b = read_str(obj, {}, "deep2.json");
  CHECK(b.status.code == ErrorCode::NestingTooDeep);
  auto c = read_str(obj + "\n" + obj + "\n", {}, "deep3.ndjson");
  CHECK(c.status.code == ErrorCode::NestingTooDeep);
}

TEST_CASE("nasty: random binary garbage never crashes and always gives a result") {
  uint32_t x = 12345;
  for (int k = 0; k < 200; ++k) {
    std::string s;
    size_t n = 1 + k * 37 % 3000;
    for (size_t i = 0; i < n; ++i) {
      x = x * 1664525u + 1013904223u;
      s.push_back(char(x >> 24));
    }
    auto r = read_str(s);
    auto j = inspect_json(r);
    CHECK(!j.dump().empty());
    if (r.ok())
      for (auto& c : r.table.columns) CHECK(c.size() == r.table.rows());
  }
}
