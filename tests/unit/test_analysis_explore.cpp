#include <catch2/catch.hpp>

#include "analysis/explore.h"
#include "report/json_export.h"

using namespace zicht;
using analysis::Value;

namespace {

core::ReadResult read(const std::string& text, const std::string& name = "t.csv") {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

// 12 rows: Status has 5 open, 4 closed, 2 NVT, 1 missing; Leeftijd numbers 1..11 and one missing.
const char* kCsv =
    "ID;Status;Leeftijd;Start\n"
    "a1;open;1;01/02/2021\n"
    "a2;open;2;03/04/2021\n"
    "a3;open;3;05/06/2022\n"
    "a4;open;4;07/08/2022\n"
    "a5;open;5;09/10/2022\n"
    "a6;gesloten;6;11/12/2022\n"
    "a7;gesloten;7;13/01/2023\n"
    "a8;gesloten;8;15/02/2023\n"
    "a9;gesloten;9;17/03/2023\n"
    "a10;NVT;10;19/04/2023\n"
    "a11;Niet van toepassing;11;21/05/2023\n"
    "a12;;;23/06/2023\n";

const analysis::Table& table(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id);
  throw;
}

}  // namespace

TEST_CASE("Verkennen: frequencies with the three denominators and missing kinds kept apart") {
  auto data = read(kCsv);
  REQUIRE(data.ok());
  auto set = analysis::explore({{"t.csv", &data}}, {});
  const analysis::Result* r = set.find("verkennen.status");
  REQUIRE(r);
  const auto& t = table(*r, "frequencies");
  REQUIRE(t.rows.size() == 4);  // open, gesloten, NVT row, missing row
  CHECK(t.rows[0][0].s == "open");
  CHECK(t.rows[0][1].i == 5);
  CHECK(t.rows[0][2].d == Approx(100.0 * 5 / 9));   // valid: excludes NVT and missing
  CHECK(t.rows[0][3].i == 9);
  CHECK(t.rows[0][4].d == Approx(100.0 * 5 / 10));  // applicable: excludes NVT
  CHECK(t.rows[0][5].i == 10);
  CHECK(t.rows[0][6].d == Approx(100.0 * 5 / 12));  // all
  CHECK(t.rows[0][7].i == 12);
  CHECK(t.rows[2][0].text_in(i18n::Lang::nl) == "Niet van toepassing");
  CHECK(t.rows[2][0].text_in(i18n::Lang::en) == "Not applicable");
  CHECK(t.rows[2][1].i == 2);
  CHECK(t.rows[2][2].kind == Value::Kind::missing);
  CHECK(t.rows[3][1].i == 1);
  CHECK(t.rows[3][4].d == Approx(10.0));
  REQUIRE(r->views.size() == 1);
  CHECK(r->views[0].kind == analysis::ViewKind::bar);
  CHECK(r->views[0].rows[0].except.size() == 2);  // Niet van toepassing and Ontbrekend are never bars
}

TEST_CASE("Verkennen: numbers get R-style descriptives, dates counts per year, identifiers are not listed") {
  auto data = read(kCsv);
  auto set = analysis::explore({{"t.csv", &data}}, {});
  const auto& d = table(*set.find("verkennen.leeftijd"), "descriptives");
  CHECK(d.rows[0][1].i == 11);                      // n
  CHECK(d.rows[1][1].i == 1);                       // missing
  CHECK(d.rows[2][1].d == Approx(6.0));             // mean of 1..11
  CHECK(d.rows[3][1].d == Approx(3.3166247903554)); // sd(1:11) in R
  CHECK(d.rows[4][1].d == Approx(6.0));             // median
  CHECK(d.rows[5][1].d == Approx(3.5));             // quantile(1:11, .25, type = 7)
  CHECK(d.rows[6][1].d == Approx(8.5));

  const auto& y = table(*set.find("verkennen.start"), "by_year");
  REQUIRE(y.rows.size() == 3);
  CHECK(y.rows[0][0].i == 2021);
  CHECK(y.rows[0][1].i == 2);
  CHECK(y.rows[2][1].i == 6);
  CHECK(set.provenance.as_of == "2023-06-23");  // the latest date in the data

  // 12 distinct ids but fewer than 20 values: still listed. 25 distinct ids: counted only.
  std::string many = "ID;X\n";
  for (int i = 0; i < 25; ++i) many += "id" + std::to_string(i) + ";x\n";
  auto d2 = read(many);
  auto s2 = analysis::explore({{"m.csv", &d2}}, {});
  const auto* id = s2.find("verkennen.id");
  REQUIRE(id);
  CHECK(id->tables[0].id == "counts");
  CHECK(id->notes.size() == 1);
  const std::string json = report::results_json(s2, i18n::Lang::nl).dump();
  CHECK(json.find("id13") == std::string::npos);
}

TEST_CASE("Verkennen: the overview lists every column and carries the reader's flags with row numbers") {
  auto data = read("A;B\n1;31/02/2023\n2;01/03/2023\n3;02/03/2023\n");
  auto set = analysis::explore({{"f.csv", &data}}, {});
  const auto* o = set.find("verkennen.overview");
  REQUIRE(o);
  CHECK(o->tables[0].rows.size() == 2);
  REQUIRE(o->flags.size() == 1);
  CHECK(o->flags[0].row == 2);
  CHECK(o->flags[0].column == "B");
  CHECK(o->flags[0].value == "31/02/2023");
}

TEST_CASE("Same input and settings give byte-identical JSON") {
  auto a = read(kCsv);
  auto b = read(kCsv);
  analysis::Settings s;
  s.as_of = "2024-01-01";
  const std::string ja = report::results_json(analysis::explore({{"t.csv", &a}}, s), i18n::Lang::nl).dump(2);
  const std::string jb = report::results_json(analysis::explore({{"t.csv", &b}}, s), i18n::Lang::nl).dump(2);
  CHECK(ja == jb);
  CHECK(ja.find("\"schema\": \"zicht.results/2\"") != std::string::npos);
  CHECK(ja.find("\"as_of\": \"2024-01-01\"") != std::string::npos);
}

TEST_CASE("slug makes stable ids") {
  CHECK(analysis::slug("Kind ID") == "kind_id");
  CHECK(analysis::slug("VZB organisatietype") == "vzb_organisatietype");
  CHECK(analysis::slug("Plan B in werking?") == "plan_b_in_werking");
  CHECK(analysis::slug("Ééntje") == "eentje");
  CHECK(analysis::slug("Thuistaal Français") == "thuistaal_francais");
  CHECK(analysis::slug("Naïef—ja") == "naief_ja");
  CHECK(analysis::slug("***") == "x");
}
