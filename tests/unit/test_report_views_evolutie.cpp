// Evolutie views (issue 23): score trajectories as line small multiples on one fixed axis with one legend and gaps
// where a moment has no score; a median line with its Q1–Q3 band (alone and per facet); the swimlane of phases as a
// stacked horizontal bar per youngster with the phase.1–6 ramp; the new View fields in the JSON export. With
// ZICHT_EVOLUTIE_SVG_DIR set, the examples are written there as SVG (light, dark, presentation; wide and narrow)
// to look at.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "report/gallery.h"
#include "report/json_export.h"
#include "report/palette.h"
#include "report/svg.h"
#include "report/views.h"

using namespace zicht;
using analysis::Result;
using analysis::Table;
using analysis::Text;
using analysis::Value;
using analysis::View;
using analysis::ViewKind;
using i18n::Lang;
namespace charts = report::charts;
namespace views = report::views;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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
    col.label = Text{c, c};
    t.columns.push_back(col);
  }
  t.rows = std::move(rows);
  return t;
}

Value S(const std::string& s) { return Value::str(s); }
Value N(double v) { return Value::num(v); }

struct Box2 {
  float l, t, r, b;
};
Box2 text_box(const charts::Prim& p) {
  const float w = charts::text_width(p.text, p.size);
  const float l = p.anchor == charts::Anchor::start ? p.x0 : p.anchor == charts::Anchor::middle ? p.x0 - w / 2 : p.x0 - w;
  return {l, p.y0 - p.size * 0.5f, l + w, p.y0 + p.size * 0.5f};
}
// No two level labels overlap and none runs past the scene's edges.
void check_labels(const charts::Scene& s, const std::string& what) {
  std::vector<Box2> boxes;
  for (const auto& p : s.prims)
    if (p.kind == charts::Prim::Kind::text && p.rotate == 0 && !p.text.empty()) boxes.push_back(text_box(p));
  INFO(what);
  for (size_t i = 0; i < boxes.size(); ++i) {
    CHECK(boxes[i].l >= -1);
    CHECK(boxes[i].r <= s.width + 1);
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const bool overlap = boxes[i].l < boxes[j].r - 1 && boxes[j].l < boxes[i].r - 1 && boxes[i].t < boxes[j].b - 1 &&
                           boxes[j].t < boxes[i].b - 1;
      CHECK_FALSE(overlap);
    }
  }
}

bool well_formed_svg(const std::string& svg) {
  if (svg.rfind("<svg", 0) != 0 || svg.find("</svg>") == std::string::npos) return false;
  for (const char* bad : {"\"nan", "nan\"", "nan,", ",nan", " nan", "nan ", "\"inf", "inf\"", "inf,", ",inf"})
    if (svg.find(bad) != std::string::npos) return false;
  return true;
}

// 3 trajectories × 4 moments × mother/father, with gaps: T2's father only at 0m and einde (two lone points), T3
// without a father at all, T1's mother missing at 6m.
Result trajectories() {
  Result r;
  r.id = "evolutie.trajectories";
  r.title = Text{"Scores per traject", "Scores per pathway"};
  std::vector<std::vector<Value>> rows;
  const char* moments[] = {"0m", "3m", "6m", "einde"};
  const double m1[] = {3, 4, kNaN, 7}, f1[] = {4, 4.5, 5.5, 6};
  const double m2[] = {6, 4, 4.5, 7}, f2[] = {6.5, kNaN, kNaN, 6};
  const double m3[] = {5, 5.5, 5, 6}, f3[] = {kNaN, kNaN, kNaN, kNaN};
  const double* mother[] = {m1, m2, m3};
  const double* father[] = {f1, f2, f3};
  const char* names[] = {"T001 · stijgend", "T002 · U-vorm", "T003 · vlak"};
  for (int t = 0; t < 3; ++t)
    for (int m = 0; m < 4; ++m) {
      if (std::isfinite(mother[t][m])) rows.push_back({S(names[t]), S(moments[m]), S("moeder"), N(mother[t][m])});
      if (std::isfinite(father[t][m])) rows.push_back({S(names[t]), S(moments[m]), S("vader"), N(father[t][m])});
    }
  r.tables.push_back(make_table("scores", {"panel", "moment", "rol", "score"}, std::move(rows)));
  View v;
  v.kind = ViewKind::line;
  v.table = "scores";
  v.x = "moment";
  v.x_scale = analysis::Scale::ordinal;
  v.series = "rol";
  v.y = {"score"};
  v.unit = analysis::Unit::score;
  v.of_nl = "score (0–10)";
  v.of_en = "score (0–10)";
  v.facet = "panel";
  v.axis_min = 0;
  v.axis_max = 10;
  r.views.push_back(v);
  return r;
}

Result median_band(bool facet, bool series) {
  Result r;
  r.id = "evolutie.median";
  r.title = Text{"Mediaan", "Median"};
  std::vector<std::vector<Value>> rows;
  const char* moments[] = {"0m", "3m", "6m", "einde"};
  for (const char* dom : {"Veiligheid", "Netwerk"})
    for (const char* who : {"moeder", "vader"})
      for (int m = 0; m < 4; ++m) {
        const double med = 4 + m * 0.5 + (std::string(who) == "vader" ? 0.5 : 0);
        rows.push_back({S(dom), S(who), S(moments[m]), N(med), N(med - 1.5), N(med + 1)});
      }
  r.tables.push_back(make_table("domains", {"domain", "rol", "moment", "median", "q1", "q3"}, std::move(rows)));
  View v;
  v.kind = ViewKind::line;
  v.table = "domains";
  v.x = "moment";
  v.x_scale = analysis::Scale::ordinal;
  v.y = {"median"};
  v.columns = {"q1", "q3"};
  v.unit = analysis::Unit::score;
  v.of_nl = "mediaan (band: Q1–Q3)";
  v.of_en = "median (band: Q1–Q3)";
  if (facet) v.facet = "domain";
  if (series) v.series = "rol";
  if (!facet) v.rows = {{"domain", {"Veiligheid"}, {}}};
  if (!series) v.rows.push_back({"rol", {"moeder"}, {}});
  r.views.push_back(v);
  return r;
}

}  // namespace

TEST_CASE("evolutie: a faceted line is small multiples, one panel per facet in data order, on the view's axis") {
  const Result r = trajectories();
  for (const auto& st : all_styles()) {
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::multiples);
    const auto& m = b.spec.multiples;
    REQUIRE(m.panels.size() == 3);
    CHECK(m.titles == std::vector<std::string>{"T001 · stijgend", "T002 · U-vorm", "T003 · vlak"});
    for (const auto& p : m.panels) {
      REQUIRE(p.kind == charts::ChartSpec::Kind::line);
      // Every panel: the same moments, the same two series in the same colours, the view's 0–10 axis.
      CHECK(p.line.x_labels == std::vector<std::string>{"0m", "3m", "6m", "einde"});
      REQUIRE(p.line.series.size() == 2);
      CHECK(p.line.series[0].name == "moeder");
      CHECK(p.line.series[1].name == "vader");
      const auto& first = m.panels[0].line.series;
      for (size_t k = 0; k < 2; ++k)
        CHECK((p.line.series[k].colour.r == first[k].colour.r && p.line.series[k].colour.g == first[k].colour.g &&
               p.line.series[k].colour.b == first[k].colour.b));
      CHECK(p.line.axis_min == 0);
      CHECK(p.line.axis_max == 10);
      CHECK_FALSE(p.line.direct_labels);  // one legend for the grid instead
      CHECK(p.line.y_label == "score (0–10)");
    }
    // Gaps stay gaps: T001's mother at 6m, T002's father at 3m and 6m, T003 without a father.
    CHECK(std::isnan(m.panels[0].line.series[0].values[2]));
    CHECK(m.panels[0].line.series[0].values[3] == 7);
    CHECK(std::isnan(m.panels[1].line.series[1].values[1]));
    CHECK(std::isnan(m.panels[1].line.series[1].values[2]));
    CHECK(m.panels[1].line.series[1].values[0] == 6.5);
    for (double x : m.panels[2].line.series[1].values) CHECK(std::isnan(x));
    // The tooltip names the trajectory; the sentence finds the highest and lowest point over all panels.
    CHECK(m.panels[1].line.tips[0].find("T002 · U-vorm") == 0);
    CHECK(b.description.find("T001 · stijgend · einde · moeder") != std::string::npos);  // 7, the highest
    CHECK(b.description.find("T001 · stijgend · 0m · moeder") != std::string::npos);     // 3, the lowest
  }
}

TEST_CASE("evolutie: the multiples scene has one shared axis, one legend, broken lines and dots for lone points") {
  const Result r = trajectories();
  const auto st = styled(false, false);
  views::Built b;
  REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
  const float w = 1100;
  const charts::Scene sc = views::layout(b, w, views::preferred_height(b, w, st), st);
  // One legend: "moeder" and "vader" each written once (panels have no legends or direct labels).
  int moeder = 0, vader = 0, ten = 0, eleven = 0;
  for (const auto& p : sc.prims) {
    if (p.kind != charts::Prim::Kind::text) continue;
    moeder += p.text == "moeder";
    vader += p.text == "vader";
    ten += p.text == "10";
    eleven += p.text == "12";
  }
  CHECK(moeder == 1);
  CHECK(vader == 1);
  CHECK(ten == 3);     // every panel's axis ends at 10 …
  CHECK(eleven == 0);  // … and no panel's runs further
  // T002's father: two lone points (0m, einde) are dots, never a line across the missing moments. Lines: T001
  // mother 0m–3m (einde alone: a dot), father 1; T002 mother 1; T003 mother 1 → 4 polylines of the series.
  size_t polylines = 0;
  for (const auto& p : sc.prims)
    if (p.kind == charts::Prim::Kind::polyline && p.width > 2) ++polylines;
  CHECK(polylines == 4);
  // A wide page: the panels side by side (at most 6 columns), a narrow one: 2–3 columns.
  CHECK(views::preferred_height(b, 1100, st) < views::preferred_height(b, 500, st));
  check_labels(sc, "multiples 1100");
  const charts::Scene narrow = views::layout(b, 480, views::preferred_height(b, 480, st), st);
  check_labels(narrow, "multiples 480");
  CHECK(well_formed_svg(charts::to_svg(sc, st)));
}

TEST_CASE("evolutie: eighteen trajectories make a grid of 4–6 columns on a wide page and 2–3 on a narrow one") {
  Result r = trajectories();
  auto& rows = r.tables[0].rows;
  const auto base = rows;
  rows.clear();
  for (int k = 0; k < 6; ++k)
    for (auto row : base) {
      row[0] = S("T0" + std::to_string(10 + k) + row[0].s.substr(4));
      rows.push_back(row);
    }
  auto columns = [](const charts::Scene& sc) {
    std::vector<float> xs;
    for (const auto& p : sc.prims)
      if (p.kind == charts::Prim::Kind::text && p.bold && p.text.rfind("T0", 0) == 0 &&
          std::find(xs.begin(), xs.end(), p.x0) == xs.end())
        xs.push_back(p.x0);
    return xs.size();
  };
  for (const auto& st : all_styles()) {
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
    REQUIRE(b.spec.multiples.panels.size() == 18);
    const auto wide = views::layout(b, 1280, views::preferred_height(b, 1280, st), st);
    const auto narrow = views::layout(b, 600, views::preferred_height(b, 600, st), st);
    INFO((st.dark ? "dark" : "light") << (st.presentation ? " presentation" : ""));
    if (st.presentation) {
      CHECK(columns(wide) >= 3);  // the projector's larger type: fewer, larger panels
      CHECK(columns(narrow) >= 1);
    } else {
      CHECK(columns(wide) >= 4);
      CHECK(columns(wide) <= 6);
      CHECK(columns(narrow) >= 2);
      CHECK(columns(narrow) <= 3);
    }
    check_labels(wide, "18 panels wide");
    check_labels(narrow, "18 panels narrow");
  }
}

TEST_CASE("evolutie: the lone-point rule and gaps in the line chart itself") {
  charts::LineSpec l;
  l.x = {0, 1, 2, 3, 4};
  l.x_labels = {"a", "b", "c", "d", "e"};
  l.series = {{"s", {1, 2, kNaN, 4, kNaN}}};
  l.markers = false;
  const auto st = styled(false, false);
  const charts::Scene sc = charts::line_chart(l, 400, 240, st);
  size_t polylines = 0, circles = 0;
  for (const auto& p : sc.prims) {
    polylines += p.kind == charts::Prim::Kind::polyline;
    circles += p.kind == charts::Prim::Kind::circle;
  }
  CHECK(polylines == 1);  // a–b; c breaks it
  CHECK(circles == 1);    // d has no neighbour: a dot even without markers
}

TEST_CASE("evolutie: a median with columns q1, q3 carries its band into LineSpec and the SVG") {
  const auto st = styled(false, false);
  SECTION("one series, no facet") {
    const Result r = median_band(false, false);
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::line);
    const auto& l = b.spec.line;
    REQUIRE(l.band_lower.size() == 1);
    REQUIRE(l.band_upper.size() == 1);
    CHECK(l.band_lower[0] == std::vector<double>{2.5, 3, 3.5, 4});
    CHECK(l.band_upper[0] == std::vector<double>{5, 5.5, 6, 6.5});
    CHECK(l.band_label == "q1–q3");
    CHECK(l.y_label == "mediaan (band: Q1–Q3)");
    CHECK(l.tips[1] == "3m: median 4,5 (q1–q3 3,0 … 5,5)");
    const charts::Scene sc = views::layout(b, 700, views::preferred_height(b, 700, st), st);
    // The band: one translucent polygon in the series' colour, 4 points forward and 4 back.
    const charts::Prim* band = nullptr;
    for (const auto& p : sc.prims)
      if (p.kind == charts::Prim::Kind::polygon && p.pts.size() == 16) band = &p;
    REQUIRE(band);
    CHECK(band->color.a < 255);
    CHECK((band->color.r == l.series[0].colour.r && band->color.g == l.series[0].colour.g));
    // Drawn behind the line.
    size_t band_i = 0, line_i = 0;
    for (size_t i = 0; i < sc.prims.size(); ++i) {
      if (&sc.prims[i] == band) band_i = i;
      if (sc.prims[i].kind == charts::Prim::Kind::polyline && sc.prims[i].width > 2) line_i = i;
    }
    CHECK(band_i < line_i);
    const std::string svg = charts::to_svg(sc, st);
    CHECK(well_formed_svg(svg));
    CHECK(svg.find("<polygon") != std::string::npos);
    CHECK(svg.find("fill-opacity") != std::string::npos);
  }
  SECTION("series and facets: a band per series in every panel, the axis covering the bands") {
    const Result r = median_band(true, true);
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::en, {}, st, b));
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::multiples);
    REQUIRE(b.spec.multiples.panels.size() == 2);
    for (const auto& p : b.spec.multiples.panels) {
      CHECK(p.line.band_lower.size() == 2);
      CHECK(p.line.band_upper.size() == 2);
      CHECK(p.line.y_label == "median (band: Q1–Q3)");
    }
    const charts::Scene sc = views::layout(b, 900, views::preferred_height(b, 900, st), st);
    size_t bands = 0;
    for (const auto& p : sc.prims) bands += p.kind == charts::Prim::Kind::polygon && p.color.a < 255 && p.pts.size() == 16;
    CHECK(bands == 4);  // 2 panels × 2 series
    check_labels(sc, "median multiples");
  }
  SECTION("a band with a missing end: the run breaks, a lone x is a short bar") {
    charts::LineSpec l;
    l.x = {0, 1, 2, 3};
    l.x_labels = {"0m", "3m", "6m", "einde"};
    l.series = {{"mediaan", {4, 5, 5, 6}}};
    l.band_lower = {{3, 4, kNaN, 5}};
    l.band_upper = {{5, 6, 6, 7}};
    const charts::Scene sc = charts::line_chart(l, 400, 240, st);
    size_t polygons = 0, thin_rects = 0;
    for (const auto& p : sc.prims) {
      polygons += p.kind == charts::Prim::Kind::polygon && p.color.a < 255;
      thin_rects += p.kind == charts::Prim::Kind::rect && p.color.a < 255 && p.x1 - p.x0 < 12;
    }
    CHECK(polygons == 1);
    CHECK(thin_rects == 1);
  }
}

TEST_CASE("evolutie: the phase keys are an ordinal ramp at 3:1 or more on light, dark and presentation") {
  for (const auto& s : all_styles()) {
    double previous = 0;
    for (int f = 1; f <= 6; ++f) {
      const std::string key = "phase." + std::to_string(f);
      charts::Rgba c;
      REQUIRE(charts::semantic_colour(key, s, c));
      INFO(key << (s.dark ? " dark" : " light") << (s.presentation ? " presentation" : ""));
      CHECK(charts::contrast_ratio(c, s.background) >= 3.0);
      CHECK(charts::semantic_fill(key) == charts::Fill::solid);
      // Ordinal: the lightness moves one way along the phases (darker to lighter on white, dimmer to brighter on
      // the dark background).
      const double lum = charts::contrast_ratio(c, charts::Rgba{0, 0, 0, 255});
      if (f > 1) CHECK(lum > previous);
      previous = lum;
    }
  }
}

TEST_CASE("evolutie: the swimlane is a stacked horizontal bar per youngster in the phase colours, 40 rows readable") {
  const auto examples = charts::evolutie_examples();
  REQUIRE(examples.size() == 3);
  const Result& r = examples[2];
  for (const auto& st : all_styles()) {
    views::Built b;
    REQUIRE(views::build_one(r, r.views[0], Lang::nl, {}, st, b));
    REQUIRE(b.spec.kind == charts::ChartSpec::Kind::bar);
    const auto& bar = b.spec.bar;
    CHECK(bar.horizontal);
    CHECK(bar.mode == charts::BarSpec::Mode::stacked);
    CHECK(bar.categories.size() == 40);
    REQUIRE(bar.series.size() >= 5);
    for (size_t k = 0; k < bar.series.size(); ++k) {
      CHECK(bar.series[k].name == "Fase " + std::to_string(k + 1));  // the phases stack in their order
      charts::Rgba want;
      REQUIRE(charts::semantic_colour("phase." + std::to_string(k + 1), st, want));
      CHECK((bar.series[k].colour.r == want.r && bar.series[k].colour.g == want.g && bar.series[k].colour.b == want.b));
    }
    const float w = st.presentation ? 1100 : 800;
    const float h = views::preferred_height(b, w, st);
    CHECK(h / 40 >= st.font * 1.5f);  // a row per youngster at least one and a half lines high
    const charts::Scene sc = views::layout(b, w, h, st);
    // Every youngster named at the left.
    for (const char* id : {"J01", "J20", "J40"}) {
      bool found = false;
      for (const auto& p : sc.prims) found = found || (p.kind == charts::Prim::Kind::text && p.text == id);
      CHECK(found);
    }
    check_labels(sc, "swimlane");
  }
}

TEST_CASE("evolutie: the JSON export writes axis_min/axis_max only when set") {
  const Result r = trajectories();
  const auto j = report::view_json(r.views[0], Lang::nl);
  CHECK(j["axis_min"] == 0.0);
  CHECK(j["axis_max"] == 10.0);
  CHECK(j["facet"] == "panel");
  View plain = r.views[0];
  plain.axis_min = plain.axis_max = kNaN;
  const auto k = report::view_json(plain, Lang::nl);
  CHECK_FALSE(k.contains("axis_min"));
  CHECK_FALSE(k.contains("axis_max"));
}

TEST_CASE("evolutie: the gallery draws the three views without overlapping labels, and writes them for a look") {
  for (Lang lang : {Lang::nl, Lang::en}) {
    for (const auto& st : {charts::Style::light(), charts::Style::dark_theme(),
                           charts::Style::light().scaled_for_presentation()}) {
      const auto g = charts::gallery(lang, 2000, &st);
      size_t found = 0;
      for (const auto& c : g) {
        if (c.id != "line_multiples" && c.id != "line_band" && c.id != "swimlane") continue;
        ++found;
        CHECK(c.title.rfind("gallery.", 0) != 0);
        const auto s = charts::draw(c.spec, 720, c.height * (st.presentation ? 1.3f : 1), st);
        CHECK(s.prims.size() > 20);
        check_labels(s, c.id);
        CHECK(well_formed_svg(charts::to_svg(s, st)));
      }
      CHECK(found == 3);
    }
  }
  const char* dir = std::getenv("ZICHT_EVOLUTIE_SVG_DIR");
  if (!dir) return;
  const char* names[] = {"multiples", "band", "swimlane"};
  const auto examples = charts::evolutie_examples();
  for (size_t i = 0; i < examples.size(); ++i)
    for (int theme = 0; theme < 3; ++theme)
      for (float w : {1200.0f, 640.0f}) {
        const auto st = theme == 0 ? charts::Style::light()
                        : theme == 1 ? charts::Style::dark_theme()
                                     : charts::Style::light().scaled_for_presentation();
        const auto sc = views::scenes(examples[i], Lang::nl, w, {}, st);
        REQUIRE(sc.size() == 1);
        std::ofstream(std::string(dir) + "/" + names[i] + "_" + (theme == 0 ? "light" : theme == 1 ? "dark" : "presentation") +
                      "_" + std::to_string(static_cast<int>(w)) + ".svg")
            << charts::to_svg(sc[0], st);
      }
}
