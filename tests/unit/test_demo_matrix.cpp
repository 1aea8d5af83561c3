// The matrix demo (issue 22; spec matrix.md §4.4): the embedded Odisee dictionary (legend, 97 characteristics,
// 24 support forms) and the fictitious cells with the seed's explicit signals, the author-named overlaps and the
// text-signal counts, for many seeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/assets.h"
#include "core/reader.h"
#include "demo/demo.h"

using namespace zicht;

namespace {

core::ReadResult read(const std::string& csv, const std::string& name) {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string l = s.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(l);
    start = end + 1;
  }
  return out;
}

// Fields of one line (RFC 4180; the dictionary has no line breaks inside fields).
size_t field_count(const std::string& line, char delim) {
  size_t n = 1;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == delim && !quoted) ++n;
  }
  return n;
}

const std::vector<std::string> kIds = {
    "R0",  "R1",  "D1",  "D2",  "D3",  "O1",  "O2",  "O3",  "O4",  "O5",  "O6",  "O7",  "O8",  "O9",  "O10", "I1",
    "I2",  "W1",  "W2",  "W3",  "W4",  "W5",  "W6",  "W7",  "S1",  "S2",  "S3",  "S4",  "S5",  "S6",  "E1",  "E2",
    "E3",  "E4",  "E5",  "RG",  "L1",  "L2",  "L3",  "L4",  "N1",  "C1",  "F1",  "F2",  "A1",  "A2",  "A3",  "A4",
    "OR1", "OR2", "OR3", "OR4", "OR5", "G1",  "G2",  "G3",  "P1",  "P2",  "P3",  "P4",  "P5",  "P6",  "P7",  "K1",
    "K2",  "K3",  "K4",  "K5",  "ER1", "ER2", "ER3", "ER4", "ER5", "PC1", "PC2", "PC3", "PC4", "AG1", "IM1", "IM2",
    "IM3", "IM4", "IM5", "IM6", "IM7", "AP1", "AP2", "AP3", "WAT", "CP1", "CP2", "CP3", "CP4", "CP5", "CP6", "CP7",
    "DI"};

bool parallel(const std::string& c) { return c == "P" || c == "GP" || c == "NP"; }
double value(const std::string& c) { return c == "P" ? 1.0 : c == "GP" ? 0.5 : 0.0; }

using Grid = std::map<std::string, std::map<std::string, const demo::MatrixDemoCell*>>;  // form → id → cell

// The three nearest forms of `a` by the design's distance, ties by form order.
std::vector<std::string> nearest(const Grid& g, const std::vector<std::string>& forms, const std::string& a) {
  std::vector<std::pair<double, size_t>> d;
  for (size_t b = 0; b < forms.size(); ++b) {
    if (forms[b] == a) continue;
    double sum = 0;
    int n = 0;
    for (const auto& id : kIds) {
      const auto& x = g.at(a).at(id)->classification;
      const auto& y = g.at(forms[b]).at(id)->classification;
      if (parallel(x) && parallel(y)) sum += std::fabs(value(x) - value(y)), ++n;
    }
    if (n > 0) d.push_back({sum / n, b});
  }
  std::sort(d.begin(), d.end());
  std::vector<std::string> out;
  for (size_t k = 0; k < 3 && k < d.size(); ++k) out.push_back(forms[d[k].second]);
  return out;
}

}  // namespace

TEST_CASE("matrix dictionary CSVs: columns on every line, 97 ids in order, 24 forms, legend") {
  struct Part {
    const char* name;
    size_t columns, rows;
  };
  for (const Part& p : {Part{"legend", 5, 9}, Part{"characteristics", 14, 97}, Part{"support_forms", 13, 24}}) {
    INFO(p.name);
    auto text = assets::find(std::string("matrix/") + p.name + ".csv");
    REQUIRE(text);
    const std::string csv(*text);
    CHECK(demo::generate_csv({"matrix", 1, 0, p.name}) == csv);  // the demo part is the asset unchanged
    auto ls = lines(csv);
    REQUIRE(ls.size() == p.rows + 1);
    for (const auto& l : ls) CHECK(field_count(l, ',') == p.columns);
    core::ReadResult r = read(csv, std::string(p.name) + ".csv");
    REQUIRE(r.ok());
    CHECK(r.report.dialect.delimiter == ',');
    CHECK(r.report.rows_in == int64_t(p.rows));
    CHECK(r.table.cols() == p.columns);
    for (const auto& n : r.report.notes) CHECK((n.code != "note.short_rows" && n.code != "note.long_rows"));
  }
  auto ls = lines(std::string(*assets::find("matrix/characteristics.csv")));
  for (size_t i = 0; i < kIds.size(); ++i) CHECK(ls[i + 1].rfind(kIds[i] + ",", 0) == 0);
  ls = lines(std::string(*assets::find("matrix/legend.csv")));
  int classes = 0, states = 0;
  for (size_t i = 1; i < ls.size(); ++i) {
    std::string code = ls[i].substr(0, ls[i].find(','));
    if (code == "P" || code == "GP" || code == "NP" || code == "GI" || code == "GB" || code == "AK") ++classes;
    if (code == "UNC" || code == "NFD" || code == "EMPTY") ++states;
  }
  CHECK(classes == 6);
  CHECK(states == 3);
}

TEST_CASE("matrix demo cells: structure, constrained cells, overlaps, text signals (seeds 1..25 and 2023)") {
  std::vector<uint64_t> seeds;
  for (uint64_t s = 1; s <= 25; ++s) seeds.push_back(s);
  seeds.push_back(2023);
  for (uint64_t seed : seeds) {
    INFO("seed " << seed);
    demo::MatrixDemo d = demo::generate_matrix(seed);
    REQUIRE(d.forms.size() == 24);
    REQUIRE(d.characteristics == kIds);
    REQUIRE(d.cells.size() == 4656);
    Grid authors, workshop;
    for (const auto& c : d.cells) (c.version == "auteurs" ? authors : workshop)[c.form][c.characteristic] = &c;
    REQUIRE(authors.size() == 24);
    REQUIRE(workshop.size() == 24);
    for (const auto& f : d.forms) {
      REQUIRE(authors[f].size() == 97);
      REQUIRE(workshop[f].size() == 97);
    }
    for (const Grid* g : {&authors, &workshop}) {
      const Grid& G = *g;
      // Constrained cells (seed 002 L2934–2944, L15154–15160, L10294, L2424).
      CHECK(G.at("casemanager_zorg").at("E1")->classification == "NP");
      CHECK(G.at("casemanager_zorg").at("E1")->note.find("Brussels Hoofdstedelijk Gewest") != std::string::npos);
      const auto* zg = G.at("zorggarantie").at("L1");
      CHECK(zg->classification == "NP");
      CHECK(zg->numeric_min == 3);
      CHECK(std::isnan(zg->numeric_max));
      CHECK(zg->numeric_unit == "month");
      CHECK(zg->note.find("maximaal 1 keer verlengbaar") != std::string::npos);
      CHECK(G.at("gezinscoaching").at("AP2")->classification == "NP");
      CHECK(G.at("gezinscoaching").at("AP2")->note == "er wordt geen plan opgesteld");
      CHECK(G.at("brugfiguren").at("CP1")->classification == "NP");
      CHECK(G.at("brugfiguren").at("CP1")->note.find("niet onpartijdig") != std::string::npos);
      CHECK(G.at("casemanager_zorg").at("L1")->numeric_min == 3);
      CHECK(G.at("casemanager_zorg").at("L1")->numeric_max == 18);
      CHECK(G.at("dop").at("L1")->numeric_unit == "day");
      // Not filled by design, uncoded rows.
      int ap3_nfd = 0, empty = 0;
      for (const auto& f : d.forms) {
        for (const char* id : {"OR3", "ER3", "CP3", "WAT"}) CHECK(G.at(f).at(id)->classification == "NFD");
        ap3_nfd += G.at(f).at("AP3")->classification == "NFD";
        for (const char* id : {"R0", "R1", "RG"}) CHECK(G.at(f).at(id)->classification == "UNC");
        CHECK(!G.at(f).at("RG")->note.empty());
        CHECK(G.at(f).at("R0")->text_style == "remark_colour");
        for (const auto& id : kIds) {
          const auto* c = G.at(f).at(id);
          if (c->classification.empty()) {
            ++empty;
            CHECK(c->origin == "missing");
          }
        }
      }
      CHECK(ap3_nfd == 12);
      CHECK(empty == 20);
      // Cross-references resolve to a non-empty target with the same classification; text counts.
      std::map<std::string, int> refs;
      int question = 0;
      for (const auto& f : d.forms)
        for (size_t i = 0; i < kIds.size(); ++i) {
          const auto* c = G.at(f).at(kIds[i]);
          if (c->note.find('?') != std::string::npos) {
            ++question;
            CHECK(c->uncertain);
          } else {
            CHECK(!c->uncertain);
          }
          if (c->cross_ref_type.empty()) continue;
          ++refs[c->cross_ref_type];
          const demo::MatrixDemoCell* t = nullptr;
          if (c->cross_ref_type == "zie_other_form") {
            CHECK((f == "gezinscoaching" || f == "jac_trajecten"));
            CHECK(c->cross_ref_target == "caw_trajecten:" + kIds[i]);
            t = G.at("caw_trajecten").at(kIds[i]);
          } else {
            t = G.at(f).at(c->cross_ref_target);
          }
          REQUIRE(t);
          CHECK(!t->classification.empty());
          CHECK(t->classification != "NFD");
          if (c->cross_ref_type == "zie_voorgaande") {
            CHECK(c->note == "zie voorgaande");
            CHECK(c->cross_ref_target == kIds[i - 1]);
          }
          if (c->cross_ref_type != "zie_regie") CHECK(c->classification == t->classification);
          if (c->cross_ref_type == "zie_doelgroep") CHECK(c->cross_ref_target == "D1");
        }
      CHECK(refs["zie_voorgaande"] == 79);
      CHECK(refs["zie_doelgroep"] == 34);
      CHECK(refs["zie_regie"] == 6);
      CHECK(refs["zie_other_form"] == 3);
      CHECK(question == 42);
    }
    // The author-named overlaps: each among the other's three nearest (version "auteurs").
    for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"caw_trajecten", "jac_trajecten"},
                                                                         {"doelgerichte_zorg", "zorgcoordinatie"},
                                                                         {"jeugdhulpregie", "zorggarantie"}}) {
      INFO(a << " / " << b);
      auto na = nearest(authors, d.forms, a), nb = nearest(authors, d.forms, b);
      CHECK(std::find(na.begin(), na.end(), b) != na.end());
      CHECK(std::find(nb.begin(), nb.end(), a) != nb.end());
    }
    // The workshop differs from the authors on roughly 12 % of the parallel cells.
    int moved = 0, par = 0;
    for (const auto& f : d.forms)
      for (const auto& id : kIds) {
        const auto* a = authors[f][id];
        const auto* w = workshop[f][id];
        CHECK(a->note == w->note);
        if (parallel(a->classification)) {
          ++par;
          moved += a->classification != w->classification;
        }
      }
    CHECK(moved > par * 6 / 100);
    CHECK(moved < par * 20 / 100);
  }
}

TEST_CASE("matrix demo CSV: header, 4,656 rows, deterministic bytes, reads back") {
  demo::DemoOptions o{"matrix", 7, 0, "cells"};
  CHECK(demo::validate_options(o).empty());
  CHECK(!demo::validate_options({"matrix", 7, 0, "clients"}).empty());
  const std::string a = demo::generate_csv(o), b = demo::generate_csv(o);
  CHECK(a == b);
  CHECK(a != demo::generate_csv({"matrix", 8, 0, "cells"}));
  CHECK(a == demo::generate_csv({"matrix", 7, 0, "modules"}));  // the default part is the cells
  CHECK(a.rfind("support_form_id;characteristic_id;classification;classification_origin;coder;version;text_style;"
                "note_nl;cross_ref_type;cross_ref_target;uncertain;citations;numeric_min;numeric_max;numeric_unit\r\n",
                0) == 0);
  core::ReadResult r = read(a, "matrix_cells.csv");
  REQUIRE(r.ok());
  CHECK(r.report.dialect.delimiter == ';');
  CHECK(r.report.rows_in == 4656);
  CHECK(r.table.cols() == 15);
  for (const auto& n : r.report.notes) CHECK((n.code != "note.short_rows" && n.code != "note.long_rows"));
  uint64_t rows = demo::generate_csv_chunks(o, [](std::string_view) {});
  CHECK(rows == 4656);
}
