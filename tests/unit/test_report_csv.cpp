#include <catch2/catch.hpp>

#include "report/csv_writer.h"

using namespace zicht::report;

TEST_CASE("CSV cells are quoted and neutralised against formula injection") {
  CHECK(csv_escape("plain", ',') == "plain");
  CHECK(csv_escape("a,b", ',') == "\"a,b\"");
  CHECK(csv_escape("a,b", ';') == "a,b");
  CHECK(csv_escape("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(csv_escape("line1\nline2", ';') == "\"line1\nline2\"");
  CHECK(csv_escape("=SUM(A1:A9)", ',') == "'=SUM(A1:A9)");
  CHECK(csv_escape("+32 9 123", ',') == "'+32 9 123");
  CHECK(csv_escape("-1+1", ',') == "'-1+1");
  CHECK(csv_escape("@cmd", ',') == "'@cmd");
  CHECK(csv_escape("\tx", ',') == "'\tx");
  CHECK(csv_escape("\rx", ',') == "\"'\rx\"");
  CHECK(csv_escape("", ',') == "");
}

TEST_CASE("CSV writer: BOM, CRLF, comments, numbers with decimal comma for Excel in Belgium") {
  CsvWriter w(CsvOptions::excel_be());
  w.comment("Zicht 0.1.0; input sha256 abc\ninjected");
  w.text("categorie");
  w.text("n");
  w.text("%");
  w.end_row();
  w.text("Niet van toepassing");
  w.integer(257);
  w.number(69.83695652173913, 1);
  w.end_row();
  w.text("negatief");
  w.number(-3.25);
  w.empty();
  w.end_row();
  CHECK(w.str() ==
        "\xEF\xBB\xBF# Zicht 0.1.0; input sha256 abc injected\r\n"
        "categorie;n;%\r\nNiet van toepassing;257;69,8\r\nnegatief;-3,25;\r\n");
}

TEST_CASE("CSV writer: comma dialect keeps decimal points and round-trips doubles") {
  CsvWriter w(CsvOptions{',', false, false});
  w.number(0.1);
  w.number(1.0 / 3.0);
  w.number(1e-12);
  w.end_row();
  CHECK(w.str() == "0.1,0.3333333333333333,1e-12\r\n");
}

TEST_CASE("CSV writer: round numbers stay plain — 100 % is 100, not 1e+02") {
  CsvWriter w(CsvOptions{',', false, false});
  for (double v : {100.0, 1000.0, 250000.0, 1e14, -300.0, 12.5, 0.000125, 1e20}) w.number(v);
  w.end_row();
  CHECK(w.str() == "100,1000,250000,100000000000000,-300,12.5,0.000125,1e+20\r\n");
  CsvWriter be(CsvOptions::excel_be());
  be.number(100.0);
  be.number(37.5);
  be.end_row();
  CHECK(be.str().find("100;37,5\r\n") != std::string::npos);
}
