// The matrix demo through the analyses (spec/matrix.md §4.4–4.5): the structural facts, the named cells and
// overlaps as the `similarity` result sees them, the 79 resolved "zie voorgaande" references, and the clustering and
// kappa against R (tests/reference/golden_matrix_demo.json from make_golden_matrix_demo.R; R 4.2.2, psych 2.2.9).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <set>
#include <fstream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/matrix.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "demo/demo.h"

namespace {

using namespace zicht;
namespace mx = analysis::matrix;

struct Demo {
  core::ReadResult read;
  core::MappedDataset ds;
  std::vector<analysis::Result> results;
};

std::unique_ptr<Demo> load_demo(uint64_t seed, const core::Werkmap& w = core::Werkmap()) {
  auto d = std::make_unique<Demo>();
  demo::DemoOptions o;
  o.profile = "matrix";
  o.part = "cells";
  o.seed = seed;
  const std::string csv = demo::generate_csv(o);
  d->read = core::read_bytes("demo_matrix_cellen.csv", reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(d->read.ok());
  d->ds = core::map_file(d->read, *core::find_schema("matrix"), {}, "cells");
  REQUIRE(d->ds.mapping.ok());
  d->results = mx::results({&d->ds, nullptr, nullptr, nullptr}, mx::Options::from_werkmap(w));
  return d;
}

const analysis::Table& table(const std::vector<analysis::Result>& rs, const std::string& result, const std::string& id) {
  for (const auto& r : rs)
    if (r.id == result)
      for (const auto& t : r.tables)
        if (t.id == id) return t;
  FAIL("no table " << result << "/" << id);
  throw;
}

nlohmann::json golden() {
  std::ifstream in(std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_matrix_demo.json");
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

std::string state_of(const analysis::Table& cells, const std::string& form, const std::string& ch) {
  for (const auto& r : cells.rows)
    if (r[3].s == form && r[0].s == ch) return r[5].s;
  FAIL("no cell " << form << " " << ch);
  throw;
}

}  // namespace

TEST_CASE("matrix demo: the structure of the Odisee schema (spec §4.4)", "[matrix][demo]") {
  auto d = load_demo(2023);
  const analysis::Table& forms = table(d->results, "matrix.heatmap", "forms");
  const analysis::Table& rows = table(d->results, "matrix.heatmap", "rows");
  const analysis::Table& cells = table(d->results, "matrix.heatmap", "cells");
  CHECK(forms.rows.size() == 24);  // "de 24 fiches"
  CHECK(rows.rows.size() == 97);   // 97 ids in the dictionary, 96 without the WAT block
  CHECK(cells.rows.size() == 24 * 97);
  CHECK(forms.rows.front()[1].s == "1G1P");
  CHECK(forms.rows[6][1].s == "Consulenten (OCJ, SDJ, VK)");
  CHECK(forms.rows.back()[1].s == "Zorgregisseur");
  // Rows not filled by design: OR3, ER3, CP3, WAT for every form.
  for (const char* id : {"OR3", "ER3", "CP3", "WAT"})
    for (const auto& f : forms.rows) CHECK(state_of(cells, f[0].s, id) == "NFD");
  // The six legend classes and the three technical states, with the legend's own words.
  std::set<std::string> labels;
  for (const auto& r : cells.rows) labels.insert(r[6].s);
  CHECK(labels.count("parallel met TO in kaderdecreet Vroeg en nabij") == 1);
  // The seed's explicit signals (notes 002 §5.3).
  CHECK(state_of(cells, "casemanager_zorg", "E1") == "NP");
  CHECK(state_of(cells, "zorggarantie", "L1") == "NP");
  CHECK(state_of(cells, "gezinscoaching", "AP2") == "NP");
  CHECK(state_of(cells, "brugfiguren", "CP1") == "NP");
  // 79 "zie voorgaande" references in the demo text, each resolved to a cell with content.
  long zie = 0;
  const int ref = cells.column_index("reference"), problem = cells.column_index("reference_problem");
  for (const auto& r : cells.rows)
    if (r[7].s == "zie voorgaande") {
      ++zie;
      CHECK(!r[size_t(ref)].s.empty());
      CHECK(r[size_t(problem)].s.empty());
    }
  CHECK(zie == 79);
  // The banner and the fictitious label are notes of the heat map, always.
  const auto& heat = *std::find_if(d->results.begin(), d->results.end(), [](auto& r) { return r.id == "matrix.heatmap"; });
  REQUIRE(heat.notes.size() >= 2);
  CHECK(heat.notes[0].nl == "De kleurcodes zijn indicatief.");
  CHECK(heat.notes[1].nl.find("Fictieve classificaties") == 0);
}

TEST_CASE("matrix demo: each author-named overlap is among the other's three nearest, for every seed", "[matrix][demo]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"CAW-trajecten", "JAC-trajecten"}, {"Doelgerichte zorg", "Zorgcoördinatie"}, {"Jeugdhulpregie", "Zorggarantie"}};
  for (uint64_t seed : {1, 2, 3, 7, 11, 2023}) {
    auto d = load_demo(seed);
    const analysis::Table& nearest = table(d->results, "matrix.similarity", "nearest");
    for (const auto& [a, b] : pairs)
      for (const auto& [x, y] : {std::make_pair(a, b), std::make_pair(b, a)}) {
        bool found = false;
        for (const auto& r : nearest.rows) found = found || (r[0].s == x && r[2].s == y);
        INFO("seed " << seed << ": " << x << " → " << y);
        CHECK(found);
      }
  }
}

TEST_CASE("matrix demo: clustering and kappa equal R (hclust average, psych::cohen.kappa)", "[matrix][demo][golden]") {
  const nlohmann::json g = golden();
  auto d = load_demo(g.at("seed").get<uint64_t>());
  const analysis::Table& merge = table(d->results, "matrix.similarity", "merge");
  REQUIRE(merge.rows.size() == g.at("height").size());
  for (size_t i = 0; i < merge.rows.size(); ++i) {
    INFO("merge step " << i + 1);
    CHECK(merge.rows[i][1].i == g.at("merge")[i][0].get<int64_t>());
    CHECK(merge.rows[i][2].i == g.at("merge")[i][1].get<int64_t>());
    CHECK(merge.rows[i][3].d == Approx(g.at("height")[i].get<double>()).epsilon(1e-12));
  }
  const analysis::Table& leaves = table(d->results, "matrix.similarity", "leaves");
  for (size_t i = 0; i < leaves.rows.size(); ++i) CHECK(leaves.rows[i][1].i == g.at("order")[i].get<int64_t>());
  bool pair = false;
  for (const auto& r : table(d->results, "matrix.similarity", "pairs").rows)
    if (r[0].s == "CAW-trajecten" && r[1].s == "JAC-trajecten") {
      CHECK(r[2].d == Approx(g.at("distance_caw_jac").get<double>()).epsilon(1e-12));
      CHECK(r[4].i == g.at("shared_caw_jac").get<int64_t>());
      pair = true;
    }
  CHECK(pair);
  const analysis::Table& v = table(d->results, "matrix.versions", "summary");
  CHECK(v.rows[0][1].d == Approx(g.at("agreement").get<double>()).epsilon(1e-12));
  CHECK(v.rows[0][4].i == g.at("n_cells").get<int64_t>());
  CHECK(v.rows[1][1].d == Approx(g.at("kappa").get<double>()).epsilon(1e-10));
  CHECK(v.rows[1][2].d == Approx(g.at("kappa_lower").get<double>()).epsilon(1e-10));
  CHECK(v.rows[1][3].d == Approx(g.at("kappa_upper").get<double>()).epsilon(1e-10));
  CHECK(v.rows[2][1].d == Approx(g.at("weighted_kappa").get<double>()).epsilon(1e-10));
  CHECK(v.rows[2][2].d == Approx(g.at("weighted_lower").get<double>()).epsilon(1e-10));
  CHECK(v.rows[2][3].d == Approx(g.at("weighted_upper").get<double>()).epsilon(1e-10));
  CHECK(v.rows[2][4].i == g.at("n_scale").get<int64_t>());
}

// spec/matrix.md §4.5, each inconsistency with what Zicht does about it.
TEST_CASE("matrix §4.5: the source's gaps, listed with their reasons", "[matrix][demo]") {
  auto d = load_demo(2023);
  SECTION("no classification survives in the text: the demo's codes are fictitious and say so") {
    const analysis::Table& cells = table(d->results, "matrix.heatmap", "cells");
    const int origin = cells.column_index("origin");
    for (const auto& r : cells.rows) CHECK((r[size_t(origin)].s == "fictief" || r[size_t(origin)].s == "missing"));
  }
  SECTION("'24 concepten' vs 22–25 in the printed list: the 24 matrix columns are used") {
    CHECK(table(d->results, "matrix.heatmap", "forms").rows.size() == 24);
  }
  SECTION("row count ±5 (row borders lost): the dictionary keeps the 97 ids of notes 002 §4, 96 without WAT") {
    const analysis::Table& rows = table(d->results, "matrix.heatmap", "rows");
    long without_wat = 0;
    for (const auto& r : rows.rows) without_wat += r[0].s != "WAT";
    CHECK(without_wat == 96);
  }
  SECTION("cell-to-row alignment is lost: the loader never guesses columns; an unknown column is a finding") {
    const char* wide = "Kenmerk-ID;1G1P;Brugfiguren Buddy's\nD1;P;P\n";
    core::ReadResult read = core::read_bytes("w.csv", reinterpret_cast<const uint8_t*>(wide), std::strlen(wide));
    core::MappedDataset ds = core::map_file(read, *core::find_schema("matrix"), {}, "wide");
    const auto rs = mx::results({&ds, nullptr, nullptr, nullptr}, mx::Options::from_werkmap(core::Werkmap()));
    const analysis::Table& rules = table(rs, "matrix.quality", "rules");
    REQUIRE(rules.rows.size() >= 1);
    CHECK(rules.rows[0][0].s == "kolomkop noemt twee ondersteuningsvormen (niet gesplitst)");
  }
}
