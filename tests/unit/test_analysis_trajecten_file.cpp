// The trajecten profile on a new user's file and on broken rows: tests/data/trajecten/overzicht_planmakers.csv is the
// planmakers' own overview sheet (Dutch headers as they type them, dd/mm/yyyy, "Voorziening > VOT",
// "Voorziening - Tordale", region spellings "Houtland & Polder", "RITS", "Midden West-Vlaanderen"). It maps with no
// manual step and gives Tables 1–4 as counted by hand below. Then every quality rule with file, row, column and
// rule, and rows in = used + flagged.
#include "trajecten_test_support.h"

#include "core/mapped_dataset.h"
#include "core/schema.h"

using namespace trajecten_test;

namespace {
const std::string kFile = std::string(ZICHT_SOURCE_DIR) + "/tests/data/trajecten/overzicht_planmakers.csv";
}

TEST_CASE("planmakers' overview: every column maps without a manual step", "[trajecten][file]") {
  const std::string csv = file_text(kFile);
  const core::ReadResult read = core::read_bytes("overzicht_planmakers.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(read.ok());
  const core::MappedDataset ds = core::map_file(read, *core::find_schema("trajecten"), {});
  CHECK(ds.mapping.kind == "registratie");
  const std::map<std::string, std::string> want = {
      {"traject_id", "Nr"}, {"aanmelddatum", "Datum aanmelding"}, {"leeftijd_aanmelding", "Leeftijd"}, {"regio", "Regio"},
      {"aanmelder", "Verwijzer"}, {"reden_aanmelding", "Reden aanmelding"}, {"opstart", "Startgesprek"},
      {"reden_geen_opstart", "Reden geen opstart"}, {"alternatief", "Alternatief"}, {"afronding", "Einddatum"},
      {"verlengingen", "Verlengingen"}, {"blokkade_voor", "Blokkade bij start"}, {"blokkade_na", "Blokkade bij afronding"},
      {"toestemming_jongere", "Toestemming"}};
  for (const auto& [id, column] : want) {
    INFO(id);
    const core::MappedField* f = ds.field(id);
    REQUIRE(f);
    CHECK(f->column_name == column);
  }
}

TEST_CASE("planmakers' overview: Tables 1-4 by hand count", "[trajecten][file]") {
  auto r = run_csv(file_text(kFile), "", nlohmann::json(), "overzicht_planmakers.csv");
  // Latest date in the file: 14/02/2025 (P10's Einddatum).
  const auto& y = table(r->set, "trajecten.flow", "years");
  REQUIRE(y.rows.size() == 3);
  CHECK(cell(y, "2023", "registrations") == 6);  // P01–P06
  CHECK(cell(y, "2024", "registrations") == 6);  // P07–P12
  CHECK(cell(y, "2025", "registrations") == 2);  // P13, P14
  CHECK(cell(y, "2023", "starts") == 4);         // P01, P02, P04, P05
  CHECK(cell(y, "2024", "starts") == 4);         // P07, P09, P10, P12
  CHECK(cell(y, "2025", "starts") == 1);         // P14
  CHECK(cell(y, "2023", "closures") == 1);       // P01
  CHECK(cell(y, "2024", "closures") == 3);       // P05, P02, P07
  CHECK(cell(y, "2025", "closures") == 1);       // P10
  CHECK(cell(y, "2023", "stock_31dec") == 3);    // P02, P04, P05
  CHECK(cell(y, "2024", "stock_31dec") == 4);    // P04, P09, P10, P12
  CHECK(cell(y, "2025", "stock_31dec") == 4);    // P04, P09, P12, P14 (P10 closed that day)
  const auto& t = table(r->set, "trajecten.flow", "totals");
  CHECK(cell(t, "totaal aantal trajecten", "n") == 9);
  CHECK(cell(t, "niet opgestart", "n") == 4);     // P03, P06, P08, P11
  CHECK(cell(t, "opstart nog open", "n") == 1);   // P13: registered 32 days before the as-of date
  // Table 2: 10:1, 11:0, 12:2, 13:1, 14:2, 15:1, 16:2 — mean 122/9, median 14.
  const auto& a = table(r->set, "trajecten.age", "ages");
  const double want[7] = {1, 0, 2, 1, 2, 1, 2};
  REQUIRE(a.rows.size() == 7);
  for (int i = 0; i < 7; ++i) CHECK(cell(a, std::to_string(10 + i), "n") == want[i]);
  CHECK(cell(table(r->set, "trajecten.age", "summary"), "bij aanmelding", "mean") == Approx(122.0 / 9));
  CHECK(cell(table(r->set, "trajecten.age", "summary"), "bij aanmelding", "median") == 14);
  // Table 3 (synonyms recoded): Houtland 3, Westhoek 4, Midden 1, Westkust 0, Rits 1.
  const auto& g = table(r->set, "trajecten.region", "regions");
  CHECK(cell(g, "Houtland en polder", "n") == 3);
  CHECK(cell(g, "Westhoek", "n") == 4);
  CHECK(cell(g, "Midden WVL", "n") == 1);
  CHECK(cell(g, "Westkust en polder", "n") == 0);
  CHECK(cell(g, "Rits", "n") == 1);
  // Table 4: Voorziening 4 (INOA 1, Tordale 1 — typed "Voorziening - Tordale" — VOT 2), ACT 1, SDJ 4 (2 + 2).
  const auto& f = table(r->set, "trajecten.referrer", "referrers");
  CHECK(cell(f, "Voorziening (totaal)", "n") == 4);
  CHECK(cell(f, "  • INOA", "n") == 1);
  CHECK(cell(f, "  • Tordale", "n") == 1);
  CHECK(cell(f, "  • VOT", "n") == 2);
  CHECK(cell(f, "Jeugdhulpregie ACT", "n") == 1);
  CHECK(cell(f, "SDJ (totaal)", "n") == 4);
  CHECK(cell(f, "  • Ieper", "n") == 2);
  CHECK(cell(f, "  • Brugge", "n") == 2);
  CHECK(cell(f, "CLB (Mandel en Leie)", "n") == 0);  // P03 never started
  // Blocking of the 5 closed: G→N, D→N, G→D, D→N, D→D.
  const auto& b = table(r->set, "trajecten.blocking", "table");
  CHECK(cell(b, "Geblokkeerd", "after_2") == 1);
  CHECK(cell(b, "Geblokkeerd", "after_1") == 1);
  CHECK(cell(b, "Dreigend te blokkeren", "after_2") == 2);
  CHECK(cell(b, "Dreigend te blokkeren", "after_1") == 1);
  CHECK(cell(table(r->set, "trajecten.quality", "rows"), "uitgesloten", "n") == 0);
  CHECK(result(r->set, "trajecten.quality").flags.empty());
}

TEST_CASE("trajecten quality rules: file, row, column and rule; rows in = used + flagged", "[trajecten][quality]") {
  const std::string csv =
      "Traject-ID;Aanmelddatum;Leeftijd;Regio;Aanmelder;Opstart;Afronding;Toestemming jongere\r\n"
      "A1;01/02/2024;14;Westhoek;Voorziening > VOT;15/02/2024;20/08/2024;ja\r\n"        // fine
      "A2;01/03/2024;13;Westhoek;VOT;10/03/2024;;ja\r\n"                                  // level 2 without parent
      "A3;05/03/2024;15;Brugge-stad;SDJ > Ieper;20/03/2024;;ja\r\n"                       // region outside list
      "A4;10/03/2024;15;Rits;SDJ > Brugge;01/03/2024;;ja\r\n"                             // start before registration
      "A5;12/03/2024;12;Rits;SDJ > Brugge;20/03/2024;01/03/2024;ja\r\n"                   // closure before start
      "A6;15/03/2024;16;Rits;SDJ > Brugge;25/03/2024;;nee\r\n"                            // started without consent
      "A1;16/03/2024;16;Rits;SDJ > Brugge;;;ja\r\n"                                       // duplicate id
      "Totaal;16/03/2024;;;Voorziening (totaal);;;\r\n"                                   // typed total row
      "A7;01/04/2024;11;Westhoek;Voorziening > VOT;10/04/2024;01/06/2024;ja\r\n"        // under the minimum
      "A8;01/05/2024;11;Westhoek;Pleegzorg West-Vlaanderen;;;ja\r\n";                     // pending > 90 days
  auto r = run_csv(csv, "2024-12-31", nlohmann::json(), "register.csv");
  const auto& q = result(r->set, "trajecten.quality");
  auto find = [&](const std::string& rule) -> const analysis::Flag& {
    for (const auto& f : q.flags)
      if (f.rule == rule) return f;
    FAIL("no flag " << rule);
    throw;
  };
  CHECK(find("referrer_level2_without_parent").row == 3);
  CHECK(find("referrer_level2_without_parent").column == "Aanmelder");
  CHECK(find("referrer_level2_without_parent").file == "register.csv");
  CHECK(find("region_outside_list").row == 4);
  CHECK(find("region_outside_list").value == "Brugge-stad");
  CHECK(find("start_before_registration").row == 5);
  CHECK(find("start_before_registration").column == "Opstart");
  CHECK(find("closure_before_start").row == 6);
  CHECK(find("closure_before_start").column == "Afronding");
  CHECK(find("no_consent").row == 7);
  CHECK(find("duplicate_id").row == 8);
  CHECK(find("total_row").row == 9);
  CHECK(find("short_duration").row == 10);
  CHECK(find("pending_overdue").row == 11);
  const auto& rows = table(r->set, "trajecten.quality", "rows");
  CHECK(cell(rows, "rijen in", "n") == 10);
  CHECK(cell(rows, "uitgesloten", "n") == 5);  // A4, A5, A6, the second A1, the total row
  CHECK(cell(rows, "gebruikt", "n") == 5);
  CHECK(cell(rows, "rijen in", "n") == cell(rows, "gebruikt", "n") + cell(rows, "uitgesloten", "n"));
  // The level-2 code alone is counted under its parent; the region outside the list is Missing.
  CHECK(cell(table(r->set, "trajecten.referrer", "referrers"), "  • VOT", "n") == 3);  // A1, A2, A7
  CHECK(cell(table(r->set, "trajecten.region", "regions"), "Ontbrekend", "n") == 1);
  CHECK(cell(table(r->set, "trajecten.flow", "totals"), "opstart ontbreekt", "n") == 1);
}

TEST_CASE("trajecten referrer in two columns and with a dash", "[trajecten][file]") {
  const std::string csv =
      "Nr;Aanmelddatum;Aanmelder;Aanmelder detail;Startgesprek\r\n"
      "B1;01/02/2024;Voorziening;VOT;10/02/2024\r\n"
      "B2;01/02/2024;SDJ;Brugge;10/02/2024\r\n"
      "B3;01/02/2024;SDJ - Ieper;;10/02/2024\r\n"
      "B4;01/02/2024;SDJ;;10/02/2024\r\n";
  auto r = run_csv(csv);
  const auto& f = table(r->set, "trajecten.referrer", "referrers");
  CHECK(cell(f, "SDJ (totaal)", "n") == 3);
  CHECK(cell(f, "  • Brugge", "n") == 1);
  CHECK(cell(f, "  • Ieper", "n") == 1);
  CHECK(cell(f, "  • zonder detail", "n") == 1);  // the subtotal is the sum of its rows
  CHECK(cell(f, "  • VOT", "n") == 1);
}

TEST_CASE("trajecten multi-valued codes: each '+' part checked, the demo and the overview validate without flags", "[trajecten][file]") {
  for (const std::string& csv : {demo::trajecten_csv(demo::generate_trajecten(5)), file_text(kFile)}) {
    const core::ReadResult read = core::read_bytes("f.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
    REQUIRE(read.ok());
    const core::MappedDataset ds = core::map_file(read, *core::find_schema("trajecten"), {});
    CHECK(ds.validation.flags_total == 0);
  }
  const std::string csv =
      "Nr;Aanmelddatum;Reden aanmelding;Startgesprek\r\n"
      "C1;01/02/2024;Perspectief + Herstel;10/02/2024\r\n"
      "C2;01/02/2024;Perspectief + iets anders;10/02/2024\r\n";
  auto r = run_csv(csv);
  CHECK(rule_count(r->set, "reason_unlisted") == 1);
  const auto& t = table(r->set, "trajecten.reasons", "reasons");
  CHECK(cell(t, "Dringende behoefte aan perspectief", "n") == 2);
  CHECK(cell(t, "Nood aan ruimte", "n") == 1);
  CHECK(cell(t, "iets anders", "n") == 1);  // kept verbatim, flagged, never dropped
}

TEST_CASE("trajecten birth month: yyyy-mm, mm/yyyy or a date; age at closure in completed years", "[trajecten][file]") {
  const std::string csv =
      "Nr;Aanmelddatum;Leeftijd;Geboortemaand;Startgesprek;Einddatum\r\n"
      "D1;10/03/2024;15;2008-05;20/03/2024;15/06/2024\r\n"   // 15 at registration, 16 from 1 May 2024
      "D2;10/03/2024;15;05/2008;20/03/2024;15/04/2024\r\n"   // still 15 in April
      "D3;10/03/2024;;01/05/2008;20/03/2024;15/06/2024\r\n"  // a spreadsheet date; age derived: 15
      "D4;10/03/2024;16;2008-05;20/03/2024;15/06/2024\r\n"   // typed 16, birth month says 15: flagged
      "D5;10/03/2024;15;mei 2008;20/03/2024;15/06/2024\r\n"; // unreadable: flagged, no age at closure
  auto r = run_csv(csv);
  CHECK(rule_count(r->set, "age_birth_mismatch") == 1);
  CHECK(rule_count(r->set, "birth_month_invalid") == 1);
  const auto& c = table(r->set, "trajecten.age", "ages_closure");
  CHECK(cell(c, "15", "n") == 1);  // D2
  CHECK(cell(c, "16", "n") == 3);  // D1, D3, D4
  CHECK(cell(c, "16", "denom_fixed") == 4);
  CHECK(cell(table(r->set, "trajecten.age", "ages"), "15", "n") == 4);  // D1, D2, D3 (derived), D5
}
