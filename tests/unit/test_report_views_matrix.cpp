// The matrix profile's charts (issue 22) from made-up tables: the categorical heat map (class colours, hatched
// technical states, a legend of the classes present, group header rows, 24 upright column labels) and the
// dendrogram (R's hclust merge / height / order), through views → scene → SVG, in light, dark and presentation
// styles at 560 and 980 px.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/json_export.h"
#include "report/palette.h"
#include "report/svg.h"
#include "report/views.h"

using namespace zicht;
using analysis::Result;
using analysis::Table;
using analysis::Value;
using analysis::View;
using analysis::ViewKind;
namespace charts = report::charts;

namespace {

const char* kClasses[] = {"P", "GP", "NP", "GI", "GB", "AK", "UNC", "NFD", "EMPTY"};

charts::Style styled(bool dark, bool presentation) {
  charts::Style s = dark ? charts::Style::dark_theme() : charts::Style::light();
  s.font = 14;
  return presentation ? s.scaled_for_presentation() : s;
}

std::vector<charts::Style> all_styles() {
  return {styled(false, false), styled(true, false), styled(false, true), styled(true, true)};
}

Table make_table(const std::string& id, const std::vector<std::string>& cols, std::vector<std::vector<Value>> rows) {
  Table t;
  t.id = id;
  for (const auto& c : cols) {
    analysis::Column col;
    col.id = c;
    col.label = analysis::Text{c, c};
    t.columns.push_back(col);
  }
  t.rows = std::move(rows);
  return t;
}

Value S(const std::string& s) { return Value::str(s); }
Value N(double v) {
  Value x;
  x.kind = Value::Kind::number;
  x.d = v;
  return x;
}

// The text's box from the shared metric: anchored at x, centred on y; rotated labels by their exact extent.
void check_inside(const charts::Scene& s, const std::string& what) {
  for (const auto& p : s.prims) {
    if (p.kind != charts::Prim::Kind::text || p.text.empty()) continue;
    const float w = charts::text_width(p.text, p.size), half = p.size * 0.6f;
    float x0 = p.x0, x1 = p.x0 + w, y0 = p.y0 - half, y1 = p.y0 + half;
    if (p.anchor == charts::Anchor::middle) x0 -= w / 2, x1 -= w / 2;
    if (p.anchor == charts::Anchor::end) x0 -= w, x1 -= w;
    if (std::fabs(p.rotate + 90) < 0.5f) {  // upright, reading upwards: the run goes up from the anchor
      x0 = p.x0 - half, x1 = p.x0 + half;
      const float up = p.anchor == charts::Anchor::start ? w : p.anchor == charts::Anchor::middle ? w / 2 : 0;
      y0 = p.y0 - up, y1 = p.y0 + (w - up);
    } else {
      REQUIRE(p.rotate == 0);
    }
    INFO(what << ": text '" << p.text << "' at " << x0 << "…" << x1 << " × " << y0 << "…" << y1 << " in "
              << s.width << " × " << s.height);
    CHECK(x0 >= -1.0f);
    CHECK(x1 <= s.width + 1.0f);
    CHECK(y0 >= -1.0f);
    CHECK(y1 <= s.height + 1.0f);
  }
}

bool has_text(const charts::Scene& s, const std::string& t) {
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.text == t) return true;
  return false;
}

bool same(charts::Rgba a, charts::Rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// 3 groups × (3, 4, 3) rows × 24 forms, one row per cell; AK never occurs; a few cells absent.
struct Matrix {
  Result r;
  size_t cells = 0;
  std::map<std::string, std::string> code_of;  // "row_label|column_label" → class
};

const char* kForms[24] = {"1G1P", "Brugfiguren", "Buddy's", "Casemanager zorg", "Casusregie Veilig Huis",
                          "CAW-trajecten", "Consulenten OCJ, SDJ en VK", "Contextbegeleiding Jeugdhulp",
                          "Contextbegeleiding VAPH", "Doelgerichte zorg", "Draaischijffunctie CLB",
                          "GBO-samenwerkingsverband", "Gezinscoaching", "JAC-trajecten", "Jeugdhulpregie",
                          "Jeugdwelzijnswerk", "Lokale teams Kind en Gezin", "D.O.P.", "OCMW", "Trajectgezel",
                          "Vertrouwenspersoon jeugdhulp", "Zorgcoördinatie", "Zorggarantie", "Zorgregisseur"};

Matrix matrix(const std::vector<std::pair<std::string, std::string>>& colour_keys) {
  Matrix m;
  const std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
      {"Kern van trajectondersteuning", {"Doelgroep", "Toegang", "Duur van de ondersteuning"}},
      {"Kenmerken", {"Vraaggestuurd werken", "Outreachend", "Netwerkgericht werken in de context van het gezin",
                     "Continuïteit"}},
      {"Principes", {"Participatie", "Krachtgericht", "Gedeelde verantwoordelijkheid"}}};
  const char* present[] = {"P", "GP", "NP", "GI", "GB", "UNC", "NFD", "EMPTY"};
  const std::map<std::string, std::string> labels = {
      {"P", "positief"}, {"GP", "gedeeltelijk positief"}, {"NP", "niet positief"}, {"GI", "geen informatie"},
      {"GB", "geen beoordeling"}, {"UNC", "onzeker"}, {"NFD", "niet in te vullen"}, {"EMPTY", "leeg"}};
  std::vector<std::vector<Value>> rows;
  size_t k = 0, row_no = 0;
  for (const auto& [group, row_labels] : groups)
    for (const auto& label : row_labels) {
      ++row_no;
      for (size_t c = 0; c < 24; ++c, ++k) {
        if ((k * 7 + 3) % 53 == 0) continue;  // an absent cell
        const std::string code = present[(k * 5 + row_no) % 8];
        rows.push_back({S("R" + std::to_string(row_no)), S(label), S(group), S("f" + std::to_string(c)), S(kForms[c]),
                        S(code), S(labels.at(code))});
        m.code_of[label + "|" + kForms[c]] = code;
        ++m.cells;
      }
    }
  m.r.id = "matrix.heatmap";
  m.r.title = analysis::Text{"Matrix", "Matrix"};
  m.r.tables.push_back(make_table(
      "cells", {"row_id", "row_label", "group", "column_id", "column_label", "class", "class_label"}, std::move(rows)));
  View v;
  v.kind = ViewKind::heatmap;
  v.table = "cells";
  v.x = "column_label";
  v.x_key = "column_id";
  v.series = "class";
  v.columns = {"row_id", "row_label", "group", "class_label"};
  v.colour_keys = colour_keys;
  v.of_nl = v.of_en = "Legende";
  m.r.views.push_back(std::move(v));
  return m;
}

std::vector<std::pair<std::string, std::string>> class_keys() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* c : kClasses) out.emplace_back(c, std::string("class.") + c);
  return out;
}

// Whether the cell box holds the class's mark in its colour: a fill, hatch lines or an outline.
bool cell_drawn(const charts::Scene& s, const charts::Hit& h, charts::Rgba colour, charts::Fill fill) {
  bool fill_ok = false, line_ok = false, outline_ok = false;
  for (const auto& p : s.prims) {
    if (p.kind != charts::Prim::Kind::rect && p.kind != charts::Prim::Kind::line) continue;
    if (std::min(p.x0, p.x1) < h.x0 - 0.01f || std::max(p.x0, p.x1) > h.x1 + 0.01f ||
        std::min(p.y0, p.y1) < h.y0 - 0.01f || std::max(p.y0, p.y1) > h.y1 + 0.01f || !same(p.color, colour))
      continue;
    if (p.kind == charts::Prim::Kind::rect && p.filled) fill_ok = true;
    if (p.kind == charts::Prim::Kind::rect && !p.filled) outline_ok = true;
    if (p.kind == charts::Prim::Kind::line) line_ok = true;
  }
  switch (fill) {
    case charts::Fill::solid: return fill_ok;
    case charts::Fill::hatch: return line_ok && !fill_ok;
    case charts::Fill::hatch_outline: return line_ok && outline_ok && !fill_ok;
    case charts::Fill::outline: return outline_ok && !fill_ok;
  }
  return false;
}

}  // namespace

TEST_CASE("matrix classes: every class colour keeps 3:1 on light, dark and presentation backgrounds") {
  for (const charts::Style& s : all_styles()) {
    for (const char* c : kClasses) {
      charts::Rgba col;
      const std::string key = std::string("class.") + c;
      REQUIRE(charts::semantic_colour(key, s, col));
      INFO(key << (s.dark ? " dark" : " light") << (s.presentation ? " presentation" : ""));
      CHECK(charts::contrast_ratio(col, s.background) >= 3.0);
    }
    // P, GP, NP read as one ordered scale: P the strongest contrast, GP weaker, NP another hue.
    charts::Rgba p, gp, np;
    charts::semantic_colour("class.P", s, p);
    charts::semantic_colour("class.GP", s, gp);
    charts::semantic_colour("class.NP", s, np);
    CHECK(charts::contrast_ratio(p, s.background) > charts::contrast_ratio(gp, s.background));
    CHECK_FALSE(same(gp, np));
  }
  CHECK(charts::semantic_fill("class.NFD") == charts::Fill::hatch);
  CHECK(charts::semantic_fill("class.UNC") == charts::Fill::hatch_outline);
  CHECK(charts::semantic_fill("class.EMPTY") == charts::Fill::outline);
  CHECK(charts::semantic_fill("class.P") == charts::Fill::solid);
  charts::Rgba hex;
  REQUIRE(charts::hex_colour("#FFF2CC", hex));
  CHECK((hex.r == 0xFF && hex.g == 0xF2 && hex.b == 0xCC));
  CHECK_FALSE(charts::hex_colour("FFF2CC", hex));
  CHECK_FALSE(charts::hex_colour("#FFF2CG", hex));
}

TEST_CASE("matrix heat map: one cell per input row in its class colour, grouped rows, a legend of the classes present") {
  const Matrix m = matrix(class_keys());
  for (const charts::Style& s : all_styles()) {
    const auto built = report::views::build(m.r, i18n::Lang::nl, {}, s);
    REQUIRE(built.size() == 1);
    const auto& b = built[0];
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::category_map);
    const auto& spec = b.spec.category_map;
    CHECK(spec.rows.size() == 10);
    REQUIRE(spec.cols.size() == 24);
    CHECK(spec.cols[7] == "Contextbegeleiding Jeugdhulp");
    CHECK(spec.row_groups.front() == "Kern van trajectondersteuning");
    CHECK(spec.row_groups.back() == "Principes");
    // The legend: the classes present, in the colour keys' order, each with its label; AK never occurs.
    std::vector<std::string> codes;
    for (const auto& c : spec.classes) codes.push_back(c.code);
    CHECK(codes == std::vector<std::string>{"P", "GP", "NP", "GI", "GB", "UNC", "NFD", "EMPTY"});
    for (float width : {560.0f, 980.0f}) {
      const float height = report::views::preferred_height(b, width, s);
      const charts::Scene scene = report::views::layout(b, width, height, s);
      const std::string what = std::string(s.dark ? "dark " : "light ") + (s.presentation ? "presentation " : "") +
                               std::to_string(static_cast<int>(width));
      INFO(what);
      check_inside(scene, what);
      CHECK(has_text(scene, "P: positief"));
      CHECK(has_text(scene, "NFD: niet in te vullen"));
      CHECK_FALSE(has_text(scene, "AK"));
      for (const char* g : {"Kern van trajectondersteuning", "Kenmerken", "Principes"}) CHECK(has_text(scene, g));
      // Every column labelled (upright), none skipped.
      size_t upright = 0;
      for (const auto& p : scene.prims)
        if (p.kind == charts::Prim::Kind::text && p.rotate == -90) ++upright;
      CHECK(upright >= 24);
      // One hit per cell, in the colour of its class.
      size_t cell_hits = 0;
      for (const auto& h : scene.hits) {
        const std::string dot = " · ";
        const size_t sep = h.tip.find(dot), colon = h.tip.find(": ", sep == std::string::npos ? 0 : sep);
        if (sep == std::string::npos || colon == std::string::npos) continue;
        const size_t from = sep + dot.size();
        const std::string row = h.tip.substr(0, sep), col = h.tip.substr(from, colon - from);
        auto it = m.code_of.find(row + "|" + col);
        if (it == m.code_of.end()) continue;
        ++cell_hits;
        const std::string& code = it->second;
        CHECK(h.tip.substr(colon + 2, code.size()) == code);
        charts::Rgba want;
        REQUIRE(charts::semantic_colour("class." + code, s, want));
        INFO(h.tip);
        CHECK(cell_drawn(scene, h, want, charts::semantic_fill("class." + code)));
      }
      CHECK(cell_hits == m.cells);
      // SVG: title, description, the same primitives.
      const std::string svg = charts::to_svg(scene, s, "matrix");
      CHECK(svg.find("<title id=\"matrix-title\">Matrix</title>") != std::string::npos);
      CHECK(svg.find("<desc") != std::string::npos);
      CHECK(svg.find("transform=\"rotate(-90") != std::string::npos);
    }
  }
}

TEST_CASE("matrix heat map: a user colour overrides a class colour; the numeric heat map is unchanged") {
  auto keys = class_keys();
  for (auto& [code, key] : keys)
    if (code == "GB") key = "#FFF2CC";  // the source's light yellow field
  const Matrix m = matrix(keys);
  const charts::Style s = styled(false, false);
  const auto built = report::views::build(m.r, i18n::Lang::nl, {}, s);
  REQUIRE(built.size() == 1);
  const charts::CategoryClass* gb = nullptr;
  for (const auto& c : built[0].spec.category_map.classes)
    if (c.code == "GB") gb = &c;
  REQUIRE(gb);
  CHECK((gb->colour.r == 0xFF && gb->colour.g == 0xF2 && gb->colour.b == 0xCC));
  // Too light for white on its own: the cells keep an edge.
  const charts::Scene scene = report::views::layout(built[0], 980, report::views::preferred_height(built[0], 980, s), s);
  size_t edged = 0;
  for (const auto& p : scene.prims)
    if (p.kind == charts::Prim::Kind::rect && !p.filled && p.color.r < 0xFF && p.color.g < 0xF2) ++edged;
  CHECK(edged > 0);
  // Without a series column a heat map is the numeric one, as before.
  Result r;
  r.id = "r";
  r.title = analysis::Text{"t", "t"};
  r.tables.push_back(make_table("t", {"x", "v", "w"}, {{S("a"), N(4), N(1)}, {S("c"), N(2), N(-1)}}));
  View v;
  v.kind = ViewKind::heatmap;
  v.table = "t";
  v.x = "x";
  v.y = {"v", "w"};
  r.views.push_back(v);
  const auto numeric = report::views::build(r, i18n::Lang::nl, {}, s);
  REQUIRE(numeric.size() == 1);
  CHECK(numeric[0].spec.kind == charts::ChartSpec::Kind::heatmap);
  // A categorical view without its columns declines.
  Matrix broken = matrix(class_keys());
  broken.r.views[0].series = "absent";
  CHECK(report::views::build(broken.r, i18n::Lang::nl, {}, s).empty());
}

namespace {

// Five leaves A–E: (A,B) at 0.1, (C,D) at 0.25, E with (C,D) at 0.4, the two clusters at 0.7.
Result tree(const std::vector<int>& order) {
  Result r;
  r.id = "matrix.similarity";
  r.title = analysis::Text{"Gelijkenis", "Similarity"};
  r.tables.push_back(make_table("merges", {"step", "left", "right", "height"},
                                {{N(1), N(-1), N(-2), N(0.1)},
                                 {N(2), N(-3), N(-4), N(0.25)},
                                 {N(3), N(-5), N(2), N(0.4)},
                                 {N(4), N(1), N(3), N(0.7)}}));
  const char* names[] = {"A", "B", "C", "D", "E"};
  std::vector<std::vector<Value>> leaves;
  for (int k : order) leaves.push_back({N(k), S(names[k - 1])});
  r.tables.push_back(make_table("leaves", {"leaf", "label"}, std::move(leaves)));
  View v;
  v.id = "dendrogram";
  v.kind = ViewKind::dendrogram;
  v.table = "merges";
  v.leaf_table = "leaves";
  v.of_nl = v.of_en = "afstand";
  analysis::ReferenceMark cut;
  cut.id = "cut";
  cut.label_nl = cut.label_en = "snede";
  cut.mark = analysis::MarkKind::line;
  cut.source = analysis::RefSource::statistic;
  analysis::RefPoint pt;
  pt.value = 0.5;
  cut.points.push_back(pt);
  v.references.push_back(cut);
  r.views.push_back(v);
  return r;
}

float text_x(const charts::Scene& s, const std::string& t) {
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.text == t) return p.x0;
  return NAN;
}

}  // namespace

TEST_CASE("dendrogram: leaves in R's order, merges at their heights, a dashed cut line") {
  CHECK(std::string(analysis::view_kind_name(ViewKind::dendrogram)) == "dendrogram");
  for (const std::vector<int>& order : {std::vector<int>{1, 2, 5, 3, 4}, std::vector<int>{2, 1, 4, 3, 5}}) {
    const Result r = tree(order);
    for (const charts::Style& s : all_styles()) {
      const auto built = report::views::build(r, i18n::Lang::nl, {}, s);
      REQUIRE(built.size() == 1);
      REQUIRE(built[0].spec.kind == charts::ChartSpec::Kind::dendrogram);
      for (float width : {560.0f, 980.0f}) {
        const charts::Scene scene =
            report::views::layout(built[0], width, report::views::preferred_height(built[0], width, s), s);
        check_inside(scene, "dendrogram");
        // Leaves top to bottom in the given order.
        std::map<std::string, float> y;
        for (const auto& p : scene.prims)
          if (p.kind == charts::Prim::Kind::text && p.text.size() == 1) y[p.text] = p.y0;
        REQUIRE(y.size() == 5);
        const char* names[] = {"A", "B", "C", "D", "E"};
        for (size_t k = 0; k + 1 < order.size(); ++k)
          CHECK(y[names[order[k] - 1]] < y[names[order[k + 1] - 1]]);
        // The distance axis: 0 at the leaves' side, 1 to the right; each merge a vertical line at its height
        // joining its two children's rows (a cluster's row is the middle of its children's).
        const float x0 = text_x(scene, "0,0"), x1 = text_x(scene, "1,0");
        REQUIRE(std::isfinite(x0));
        REQUIRE(std::isfinite(x1));
        CHECK(has_text(scene, "afstand"));
        auto x_of = [&](double h) { return x0 + static_cast<float>(h) * (x1 - x0); };
        const float cd = (y["C"] + y["D"]) / 2;
        const std::vector<std::tuple<double, float, float>> merges = {
            {0.1, y["A"], y["B"]}, {0.25, y["C"], y["D"]}, {0.4, y["E"], cd},
            {0.7, (y["A"] + y["B"]) / 2, (y["E"] + cd) / 2}};
        for (const auto& [h, ya, yb] : merges) {
          bool found = false;
          for (const auto& p : scene.prims)
            if (p.kind == charts::Prim::Kind::line && same(p.color, s.text) && std::fabs(p.x0 - x_of(h)) < 0.5f &&
                std::fabs(p.x1 - x_of(h)) < 0.5f && std::fabs(std::min(p.y0, p.y1) - std::min(ya, yb)) < 0.5f &&
                std::fabs(std::max(p.y0, p.y1) - std::max(ya, yb)) < 0.5f)
              found = true;
          INFO("merge at " << h);
          CHECK(found);
        }
        // The cut line at 0.5: dashes (several short segments) and its label.
        size_t dashes = 0;
        for (const auto& p : scene.prims)
          if (p.kind == charts::Prim::Kind::line && same(p.color, s.reference) && std::fabs(p.x0 - x_of(0.5)) < 0.5f &&
              p.x0 == p.x1)
            ++dashes;
        CHECK(dashes >= 5);
        CHECK(has_text(scene, "snede (0,50)"));
        const std::string svg = charts::to_svg(scene, s, "tree");
        CHECK(svg.find("<title id=\"tree-title\">Gelijkenis</title>") != std::string::npos);
        CHECK(svg.find("<desc") != std::string::npos);
      }
    }
  }
  // Without a leaf table: leaves by index, in the tree's own order (R's for this merge matrix).
  Result bare = tree({1, 2, 5, 3, 4});
  bare.views[0].leaf_table.clear();
  const auto built = report::views::build(bare, i18n::Lang::nl, {}, styled(false, false));
  REQUIRE(built.size() == 1);
  CHECK(charts::dendrogram_order(built[0].spec.dendrogram) == std::vector<int>{1, 2, 5, 3, 4});
  // The cut line follows the page's switch for statistics.
  report::views::Marks off;
  off.statistics = false;
  CHECK(report::views::build(tree({1, 2, 5, 3, 4}), i18n::Lang::nl, off, styled(false, false))[0]
            .spec.dendrogram.references.empty());
  // Invalid trees are not drawn: a leaf merged twice, a step naming a later step, an order that is no permutation.
  Result twice = tree({1, 2, 5, 3, 4});
  twice.tables[0].rows[1][1] = N(-1);
  CHECK(report::views::build(twice, i18n::Lang::nl, {}, styled(false, false)).empty());
  Result later = tree({1, 2, 5, 3, 4});
  later.tables[0].rows[2][2] = N(4);
  CHECK(report::views::build(later, i18n::Lang::nl, {}, styled(false, false)).empty());
  CHECK(report::views::build(tree({1, 2, 5, 3, 3}), i18n::Lang::nl, {}, styled(false, false)).empty());
  // The JSON view names its leaf table.
  const auto j = report::view_json(tree({1, 2, 5, 3, 4}).views[0], i18n::Lang::nl);
  CHECK(j["kind"] == "dendrogram");
  CHECK(j["leaf_table"] == "leaves");
}
