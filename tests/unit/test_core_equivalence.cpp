// "Done when" of the readers issue: the same Binc-like data saved as an Excel-BE export (semicolon,
// decimal comma, Windows-1252, dd/mm/yyyy, CRLF) and as a UTF-8 comma export (ISO dates, decimal point, LF)
// loads to identical typed tables.
#include "test_core_helpers.h"

using namespace zicht::core;
using namespace zicht_test;

TEST_CASE("Excel-BE export and UTF-8 comma export load to identical typed tables") {
  auto be = read_file(data_path("binc_like_excel_be.csv"));
  auto u8 = read_file(data_path("binc_like_utf8.csv"));
  REQUIRE(be.ok());
  REQUIRE(u8.ok());
  CHECK(be.report.encoding == Encoding::Windows1252);
  CHECK(be.report.dialect.delimiter == ';');
  CHECK(be.report.dialect.line_endings == "CRLF");
  CHECK(u8.report.encoding == Encoding::Utf8);
  CHECK(u8.report.dialect.delimiter == ',');
  CHECK(table_diff(be.table, u8.table) == "");
  CHECK(be.report.flags_total == 0);
  CHECK(u8.report.flags_total == 0);

  const Table& t = be.table;
  REQUIRE(t.rows() == 40);
  auto col = [&](const char* n) { const Column* c = t.find(n); REQUIRE(c); return c; };
  CHECK(col("Kind ID")->type == ColumnType::Categorical);
  CHECK(col("Begindatum")->type == ColumnType::Date);
  CHECK(col("Einddatum")->type == ColumnType::Date);
  CHECK(col("Schakeling")->type == ColumnType::Integer);
  CHECK(col("Duur (maanden)")->type == ColumnType::Decimal);
  CHECK(col("Kost")->type == ColumnType::Decimal);
  CHECK(col("Toestemming")->type == ColumnType::Boolean);
  CHECK(col("Geslacht")->type == ColumnType::Categorical);
  CHECK(format_iso_date(col("Begindatum")->days[0]) == "2021-05-02");
  CHECK(col("Kost")->reals[0] == Approx(9280.38));
  CHECK(col("Module")->str(1) == "Kortdurende opname – crisis");
  CHECK(col("Opmerking")->str(1) == "Moeder wil één gesprek, daarna opvolging; zie dossier");
  CHECK(col("Opmerking")->str(0) == "Crisis; \"dringend\", weekend");
  CHECK(col("VZB organisatietype")->state[1] == CellState::NotApplicable);
  CHECK(col("VZB organisatietype")->str(1) == "Niet van toepassing");
  CHECK(col("Einddatum")->state.size() == 40);
}
