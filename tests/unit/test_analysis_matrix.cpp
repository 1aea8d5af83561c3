// The matrix analyses on a hand-made file with hand-checked answers (spec/matrix.md §4.2–4.3): states and the three
// denominators, rare and common rows, the parallel and weighted shares, the distance of two forms with its shared
// rows, cross-references (resolved, circular, dangling), rows in = used + flagged, the wide sheet read as the long
// file, a workshop recoding from the werkmap, and the facets.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/matrix.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "privacy/privacy.h"
#include "session/run.h"

namespace {

using namespace zicht;
namespace mx = analysis::matrix;

struct Mapped {
  core::ReadResult read;
  core::MappedDataset ds;
};

std::unique_ptr<Mapped> map(const std::string& csv, const std::string& name, std::string kind = {}) {
  auto m = std::make_unique<Mapped>();
  m->read = core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(m->read.ok());
  if (kind.empty()) {  // as the app does: the record type from the columns
    std::vector<std::string> cols;
    for (const auto& c : m->read.table.columns) cols.push_back(c.name);
    const session::Detected d = session::detect(cols, nullptr);
    REQUIRE(d.profile == "matrix");
    kind = d.table;
  }
  m->ds = core::map_file(m->read, *core::find_schema("matrix"), {}, kind);
  REQUIRE(m->ds.mapping.ok());
  return m;
}

const analysis::Result& result(const std::vector<analysis::Result>& rs, const std::string& id) {
  for (const auto& r : rs)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}

const analysis::Table& table(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}

const std::vector<analysis::Value>& row(const analysis::Table& t, const std::string& first, size_t col = 0) {
  for (const auto& r : t.rows)
    if (r[col].s == first) return r;
  FAIL("no row " << first << " in " << t.id);
  throw;
}

double num(const analysis::Table& t, const std::string& first, const std::string& column, size_t key_col = 0) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  const analysis::Value& v = row(t, first, key_col)[size_t(c)];
  REQUIRE(v.is_number());
  return v.as_double();
}

std::string text(const analysis::Table& t, const std::string& first, const std::string& column, size_t key_col = 0) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  return row(t, first, key_col)[size_t(c)].s;
}

const char* kLong =
    "support_form_id;characteristic_id;classification;note_nl;cross_ref_type;cross_ref_target\n"
    "1g1p;D1;P;;;\n"
    "1g1p;D2;GP;;;\n"
    "1g1p;D3;NP;;;\n"
    "1g1p;O1;P;;;\n"
    "brugfiguren;D1;P;;;\n"
    "brugfiguren;D2;P;;;\n"
    "brugfiguren;D3;GP;Vrijwillig vrijwillig;;\n"
    "brugfiguren;O1;;zie voorgaande;;\n"
    "buddys;D1;NP;;;\n"
    "buddys;D2;GI;al dan niet?;;\n"
    "buddys;D3;NP;;;\n"
    "buddys;O1;NP;;;\n"
    "buddys;O2;XX;;;\n"
    "nobody;D1;P;;;\n"
    "1g1p;ZZ9;P;;;\n"
    "1g1p;D1;GP;;;\n"
    "ocmw;D1;;zie verder;zie_voorgaande;D2\n"
    "ocmw;D2;;zie terug;zie_voorgaande;D1\n"
    "ocmw;D3;;zie voorgaande;;\n"
    "trajectgezel;O1;;zie voorgaande;;\n";

}  // namespace

TEST_CASE("matrix: states, denominators and shares on a hand-made file", "[matrix]") {
  auto cells = map(kLong, "hand.csv");
  CHECK(cells->ds.mapping.kind == "cells");
  const mx::Options o = mx::Options::from_werkmap(core::Werkmap());
  const auto rs = mx::results({&cells->ds, nullptr, nullptr, nullptr}, o);

  const analysis::Table& rows = table(result(rs, "matrix.coverage_rows"), "rows");
  // D1: P in 1G1P and Brugfiguren, NP in Buddy's, nothing in the 21 other forms (EMPTY = Missing, applicable).
  CHECK(num(rows, "D1", "n_P") == 2);
  CHECK(num(rows, "D1", "n_NP") == 1);
  CHECK(num(rows, "D1", "n_EMPTY") == 21);
  CHECK(num(rows, "D1", "denom_all") == 24);
  CHECK(num(rows, "D1", "denom_applicable") == 24);
  CHECK(num(rows, "D1", "denom_valid") == 3);
  CHECK(num(rows, "D1", "pct_P_valid") == Approx(200.0 / 3));
  CHECK(num(rows, "D2", "pct_P_valid") == Approx(50.0));  // P, GP (GI is not on the parallel scale)
  CHECK(text(rows, "D1", "signal") == "zeldzaam");         // P in 2 ≤ 3 forms
  // OR3 is not filled by design: never rare, never common.
  CHECK(text(rows, "OR3", "signal") == "bewust niet ingevuld");

  const analysis::Table& forms = table(result(rs, "matrix.coverage_forms"), "forms");
  CHECK(num(forms, "1g1p", "n_P") == 2);
  CHECK(num(forms, "1g1p", "denom_valid") == 4);
  CHECK(num(forms, "1g1p", "parallel_share") == Approx(50.0));
  CHECK(num(forms, "1g1p", "weighted_share") == Approx(62.5));  // (2 + ½·1) / 4
  CHECK(num(forms, "1g1p", "n_EMPTY") == 93);                   // 97 rows − 4 coded

  // Distances: mean |s_a − s_b| over rows both put on the P/GP/NP scale.
  const analysis::Result& sim = result(rs, "matrix.similarity");
  const analysis::Table& nearest = table(sim, "nearest");
  const auto& first = row(nearest, "1G1P");
  CHECK(first[2].s == "Brugfiguren");
  CHECK(first[3].d == Approx(1.0 / 3));  // D1 0, D2 ½, D3 ½ over 3 shared rows
  CHECK(first[4].i == 3);
  const analysis::Table& pairs = table(sim, "pairs");
  bool seen = false;
  for (const auto& p : pairs.rows)
    if (p[0].s == "Brugfiguren" && p[1].s == "Buddy's") {
      CHECK(p[2].d == Approx(0.75));  // D1 1, D3 ½ over 2 shared rows
      CHECK(p[4].i == 2);
      CHECK(p[5].s == "ja");          // fewer than 10 shared rows
      seen = true;
    }
  CHECK(seen);
  CHECK(table(sim, "merge").rows.size() == 23);
  CHECK(table(sim, "leaves").rows.size() == 24);
}

TEST_CASE("matrix: cross-references, flags and rows in = used + flagged", "[matrix]") {
  auto cells = map(kLong, "hand.csv");
  const auto rs = mx::results({&cells->ds, nullptr, nullptr, nullptr}, mx::Options::from_werkmap(core::Werkmap()));
  const analysis::Table& heat = table(result(rs, "matrix.heatmap"), "cells");
  auto cell = [&](const std::string& form, const std::string& ch) -> const std::vector<analysis::Value>& {
    for (const auto& r : heat.rows)
      if (r[0].s == ch && r[3].s == form) return r;
    FAIL("no cell " << form << " " << ch);
    throw;
  };
  const int ref = heat.column_index("reference"), problem = heat.column_index("reference_problem"),
            uncertain = heat.column_index("uncertain");
  CHECK(cell("brugfiguren", "O1")[size_t(ref)].s == "Brugfiguren · D3");
  CHECK(cell("brugfiguren", "O1")[size_t(problem)].s.empty());
  CHECK(cell("ocmw", "D1")[size_t(problem)].s == "circular");
  CHECK(cell("ocmw", "D3")[size_t(problem)].s == "circular");
  CHECK(cell("trajectgezel", "O1")[size_t(problem)].s == "dangling");
  CHECK(cell("buddys", "D2")[size_t(uncertain)].s == "ja");
  CHECK(cell("1g1p", "D1")[5].s == "P");  // the first of the two rows for this cell is kept

  const analysis::Result& q = result(rs, "matrix.quality");
  const analysis::Table& rules = table(q, "rules");
  CHECK(num(rules, "ondersteuningsvorm niet in de woordenlijst", "n") == 1);
  CHECK(num(rules, "kenmerk-ID niet in de woordenlijst", "n") == 1);
  CHECK(num(rules, "cel twee keer opgegeven (eerste gebruikt)", "n") == 1);
  CHECK(num(rules, "onbekende code", "n") == 1);
  CHECK(num(rules, "kringverwijzing", "n") == 3);
  CHECK(num(rules, "verwijzing naar een lege of onbestaande cel", "n") == 1);
  CHECK(num(rules, "tekst van twee cellen samengevoegd", "n") == 1);  // "Vrijwillig vrijwillig"
  const analysis::Table& counts = table(q, "rows");
  CHECK(num(counts, "Rijen in het bestand", "n") == 20);
  CHECK(num(counts, "Gebruikt", "n") == 17);
  CHECK(num(counts, "Gemarkeerd en niet gebruikt", "n") == 3);
  // Every flagged row names its file, row and column.
  bool unknown_form = false;
  for (const auto& f : q.flags)
    if (f.rule == "unknown_form") {
      CHECK(f.file == "hand.csv");
      CHECK(f.row == 15);
      CHECK(f.column == "support_form_id");
      CHECK(f.value == "nobody");
      unknown_form = true;
    }
  CHECK(unknown_form);
}

TEST_CASE("matrix: the wide sheet maps automatically and gives the long file's numbers", "[matrix]") {
  const char* wide =
      "Kenmerk-ID;Kenmerken;1G1P;Brugfiguren;Buddy's;Onbekende vorm\n"
      "D1;Doelgroep(en);P;P;NP;P\n"
      "D2;Doelgroep(en);GP | gedeeltelijk;P;GI;\n"
      "D3;Doelgroep(en);NP;gedeeltelijk parallel;NP;\n"
      "O1;Doelstelling(en);P;zie voorgaande;NP;\n";
  auto w = map(wide, "breed.csv");
  CHECK(w->ds.mapping.kind == "wide");
  auto l = map(kLong, "hand.csv");
  const mx::Options o = mx::Options::from_werkmap(core::Werkmap());
  const auto rw = mx::results({&w->ds, nullptr, nullptr, nullptr}, o);
  const auto rl = mx::results({&l->ds, nullptr, nullptr, nullptr}, o);
  const analysis::Table& a = table(result(rw, "matrix.coverage_rows"), "rows");
  const analysis::Table& b = table(result(rl, "matrix.coverage_rows"), "rows");
  for (const char* id : {"D1", "D2", "D3"})
    for (const char* c : {"n_P", "n_GP", "n_NP", "n_GI", "denom_valid"}) {
      INFO(id << " " << c);
      CHECK(num(a, id, c) == num(b, id, c));
    }
  const analysis::Table& heat = table(result(rw, "matrix.heatmap"), "cells");
  for (const auto& r : heat.rows)
    if (r[0].s == "D2" && r[3].s == "1g1p") CHECK(r[7].s == "gedeeltelijk");
  const analysis::Table& rules = table(result(rw, "matrix.quality"), "rules");
  CHECK(num(rules, "kolom is geen gekende ondersteuningsvorm", "n") == 1);
}

TEST_CASE("matrix: a workshop recoding in the werkmap changes coverage, similarity and versions at once", "[matrix]") {
  auto cells = map(kLong, "hand.csv");
  core::Werkmap w;
  REQUIRE(w.set_options("matrix", "settings",
                        {{"active", "workshop"},
                         {"recodings", {{{"name", "workshop"}, {"base", "hand.csv"}, {"cells", {{"buddys|D1", "P"}}}}}}}));
  const mx::Options o = mx::Options::from_werkmap(w);
  REQUIRE(o.recodings.size() == 1);
  const auto rs = mx::results({&cells->ds, nullptr, nullptr, nullptr}, o);
  CHECK(num(table(result(rs, "matrix.coverage_rows"), "rows"), "D1", "n_P") == 3);
  const analysis::Table& pairs = table(result(rs, "matrix.similarity"), "pairs");
  for (const auto& p : pairs.rows)
    if (p[0].s == "1G1P" && p[1].s == "Buddy's") CHECK(p[2].d == Approx(1.0 / 3));  // D1 now 0: (0 + 0 + 1) / 3
  const analysis::Table& v = table(result(rs, "matrix.versions"), "summary");
  CHECK(v.rows[0][1].d == Approx(2327.0 / 2328));  // one cell of 24 × 97 differs
  CHECK(table(result(rs, "matrix.versions"), "disagreements").rows.size() == 1);
  // Stored and read back unchanged.
  core::Werkmap again;
  o.store(again);
  const mx::Options back = mx::Options::from_werkmap(again);
  REQUIRE(back.recodings.size() == 1);
  CHECK(back.recodings[0].cells.at("buddys|D1") == "P");
  CHECK(back.active == "workshop");
  CHECK(mx::catalog({&cells->ds, nullptr, nullptr, nullptr}, back).versions ==
        std::vector<std::string>{"hand.csv", "workshop"});
}

TEST_CASE("matrix: facets restrict rows and forms", "[matrix]") {
  auto cells = map(kLong, "hand.csv");
  core::Werkmap w;
  REQUIRE(w.set_options("matrix", "settings", {{"groups", {"Doelgroep(en)"}}, {"executes", "nee"}}));
  const auto rs = mx::results({&cells->ds, nullptr, nullptr, nullptr}, mx::Options::from_werkmap(w));
  const analysis::Table& rows = table(result(rs, "matrix.coverage_rows"), "rows");
  CHECK(rows.rows.size() == 3);  // D1, D2, D3
  const analysis::Table& forms = table(result(rs, "matrix.coverage_forms"), "forms");
  for (const auto& f : forms.rows) CHECK((f[0].s == "jeugdhulpregie" || f[0].s == "dop" || f[0].s == "zorggarantie"));
  CHECK(forms.rows.size() == 3);
}

TEST_CASE("matrix: a file with a few matrix-like words is not claimed as a wide sheet", "[matrix]") {
  const std::vector<std::string> cols = {"Naam", "Groep", "Opmerking", "Leeftijd"};
  CHECK(session::detect(cols, nullptr).profile != "matrix");
  const std::vector<std::string> one_form = {"Kenmerk-ID", "Omschrijving", "1G1P"};
  CHECK(session::detect(one_form, nullptr).profile != "matrix");
  const std::vector<std::string> two_forms = {"Kenmerk-ID", "Omschrijving", "1G1P", "OCMW"};
  CHECK(session::detect(two_forms, nullptr).table == "wide");
}

TEST_CASE("matrix: delen mode shares the matrix unsuppressed (its unit is not a client) and says so", "[matrix]") {
  auto cells = map(kLong, "hand.csv");
  analysis::ResultSet set;
  set.results = mx::results({&cells->ds, nullptr, nullptr, nullptr}, mx::Options::from_werkmap(core::Werkmap()));
  const analysis::ResultSet before = set;
  privacy::share(set, {{"hand.csv", &cells->read}}, 5, privacy::Pseudonymiser(std::vector<uint8_t>(16, 7)));
  for (size_t i = 0; i < before.results.size(); ++i) {
    INFO(before.results[i].id);
    REQUIRE(set.results[i].id == before.results[i].id);
    REQUIRE(set.results[i].tables.size() == before.results[i].tables.size());
    for (size_t t = 0; t < set.results[i].tables.size(); ++t)
      for (size_t r = 0; r < set.results[i].tables[t].rows.size(); ++r)
        for (size_t c = 0; c < set.results[i].tables[t].rows[r].size(); ++c)
          CHECK(set.results[i].tables[t].rows[r][c].kind != analysis::Value::Kind::suppressed);
    bool said = false;
    for (const auto& n : set.results[i].notes) said = said || n.nl.rfind("Niet onderdrukt", 0) == 0;
    CHECK(said);
  }
  // D1 has 2 forms P: below k = 5, shown as it is.
  CHECK(num(table(result(set.results, "matrix.coverage_rows"), "rows"), "D1", "n_P") == 2);
}
