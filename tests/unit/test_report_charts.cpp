#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "report/chart.h"
#include "report/svg.h"
#include "report/views.h"

using namespace zicht::report::charts;

namespace {

// Minimal XML well-formedness: tags balance and nest, attributes quoted, no raw '<' or '&' in text.
bool well_formed(const std::string& x) {
  std::vector<std::string> stack;
  size_t i = 0;
  while (i < x.size()) {
    if (x[i] == '<') {
      const size_t end = x.find('>', i);
      if (end == std::string::npos) return false;
      std::string tag = x.substr(i + 1, end - i - 1);
      if (tag.empty()) return false;
      if (tag[0] == '/') {
        if (stack.empty() || stack.back() != tag.substr(1)) return false;
        stack.pop_back();
      } else if (tag.back() != '/') {
        stack.push_back(tag.substr(0, tag.find_first_of(" \n")));
      }
      if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return false;
      i = end + 1;
    } else {
      if (x[i] == '&' && !std::regex_search(x.substr(i, 8), std::regex("^&(amp|lt|gt|quot|#39);"))) return false;
      ++i;
    }
  }
  return stack.empty();
}

std::vector<const Prim*> texts(const Scene& s) {
  std::vector<const Prim*> out;
  for (const auto& p : s.prims)
    if (p.kind == Prim::Kind::text) out.push_back(&p);
  return out;
}

}  // namespace

TEST_CASE("nice_ticks gives round steps covering the range") {
  CHECK(nice_ticks(0, 97, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(0, 1, 4) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  CHECK(nice_ticks(-3, 22, 5) == std::vector<double>{-5, 0, 5, 10, 15, 20, 25});
}

TEST_CASE("Bar chart: long category labels never overlap, values and tooltips present") {
  BarSpec spec;
  for (int i = 0; i < 11; ++i) spec.categories.push_back("Organisatie voor bijzondere jeugdzorg nummer " + std::to_string(i));
  spec.series.push_back({"open", {1, 0, 16, 3, 0, 1, 8, 140, 20, 35, 28}});
  spec.series.push_back({"gesloten", {1, 1, 4, 3, 1, 0, 2, 83, 15, 4, 1}});
  const Style st = Style::light();
  for (bool horizontal : {false, true}) {
    spec.horizontal = horizontal;
    Scene s = bar_chart(spec, 640, 360, st);
    CHECK(s.hits.size() == 22);
    // Category labels: their boxes (with the same metric the layout used) do not intersect.
    std::vector<std::pair<float, float>> spans;
    for (const Prim* t : texts(s)) {
      if (t->text.rfind("Organisatie", 0) != 0) continue;
      const float w = text_width(t->text, t->size);
      if (horizontal) spans.push_back({t->y0 - t->size / 2, t->y0 + t->size / 2});
      else if (t->rotate != 0) spans.push_back({t->x0 - t->size * 0.72f, t->x0});  // 45°: horizontal footprint of the line height
      else spans.push_back({t->x0 - w / 2, t->x0 + w / 2});
      CHECK(t->x0 - (t->anchor == Anchor::end ? w * (t->rotate != 0 ? 0.72f : 1.0f) : 0) >= -1);  // not clipped left
    }
    REQUIRE(spans.size() >= 4);
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) CHECK(spans[i].first >= spans[i - 1].second - 0.5f);
    CHECK(well_formed(to_svg(s, st)));
  }
}

TEST_CASE("Stacked 100 % bars sum to the full axis") {
  BarSpec spec;
  spec.mode = BarSpec::Mode::stacked100;
  spec.categories = {"2021", "2022", "2023"};
  spec.series = {{"ja", {13, 79, 34}}, {"nee", {17, 30, 12}}};
  Scene s = bar_chart(spec, 500, 300, Style::light());
  // Bar segments are the filled rectangles taller than a legend swatch.
  auto is_bar = [](const Prim& p) { return p.kind == Prim::Kind::rect && p.filled && p.y1 - p.y0 > 20; };
  float top = 1e9f;
  for (const auto& p : s.prims)
    if (is_bar(p)) top = std::min(top, p.y0);
  // All three stacks reach the same top (100 %).
  int at_top = 0;
  for (const auto& p : s.prims)
    if (is_bar(p) && std::abs(p.y0 - top) < 0.01f) ++at_top;
  CHECK(at_top == 3);
}

TEST_CASE("Every chart type renders to well-formed SVG and escapes its text") {
  const Style st = Style::dark_theme();
  HistogramSpec h{{0, 2, 4, 6}, {2, 4, 6, 8}, {3, 10, 7, 1}, "maanden <8", "trajecten & co"};
  LineSpec l;
  l.x = {2021, 2022, 2023};
  l.x_labels = {"2021", "2022", "2023"};
  l.series = {{"volwassenenplan", {43.3, 72.5, 73.9}}};
  l.references = {{"Vlaanderen, evaluatie 2023", {68.1}}};
  BoxSpec b{{"ja", "nee"}, {0, 0}, {2, 1}, {5, 3}, {8, 6}, {19, 14}, "netwerkberaden"};
  KmSpec k;
  k.curves.push_back({"alle", {1, 3, 5, 8}, {0.9, 0.7, 0.5, 0.2}, {0.8, 0.55, 0.35, 0.08}, {0.97, 0.85, 0.68, 0.4},
                      {4, 9}, {0.7, 0.2}});
  k.risk_times = {0, 4, 8};
  k.at_risk = {{10, 6, 2}};
  k.x_label = "maanden";
  for (const Scene& s : {histogram(h, 600, 300, st), line_chart(l, 600, 300, st), box_plot(b, 600, 300, st),
                         km_chart(k, 600, 360, st)}) {
    const std::string svg = to_svg(s, st);
    INFO(svg.substr(0, 300));
    CHECK(well_formed(svg));
    CHECK(svg.find("<8") == std::string::npos);
    CHECK(s.prims.size() > 10);
  }
  const std::string hs = to_svg(histogram(h, 600, 300, st), st);
  CHECK(hs.find("maanden &lt;8") != std::string::npos);
}

// --- Heat map, Sankey, Likert, slope, small multiples, decimation, gallery ------------------------------------

#include "report/gallery.h"
#include "report/html_export.h"

namespace {

struct Box2 {
  float l, t, r, b;
};
float luminance_of(Rgba c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; }

Box2 text_box(const Prim& p) {
  const float w = text_width(p.text, p.size);
  const float l = p.anchor == Anchor::start ? p.x0 : p.anchor == Anchor::middle ? p.x0 - w / 2 : p.x0 - w;
  return {l, p.y0 - p.size / 2, l + w, p.y0 + p.size / 2};
}
bool overlap(const Box2& a, const Box2& b) { return a.l < b.r - 0.5f && b.l < a.r - 0.5f && a.t < b.b - 0.5f && b.t < a.b - 0.5f; }

// Horizontal text never overlaps other horizontal text, and stays inside the scene.
void check_labels(const Scene& s) {
  std::vector<Box2> boxes;
  for (const Prim* t : texts(s))
    if (t->rotate == 0) boxes.push_back(text_box(*t));
  for (size_t i = 0; i < boxes.size(); ++i) {
    CHECK(boxes[i].l >= -1);
    CHECK(boxes[i].r <= s.width + 1);
    for (size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(overlap(boxes[i], boxes[j]));
  }
}

}  // namespace

TEST_CASE("Heat map: cells on the ramp, legend covers the data range, values only in cells large enough") {
  HeatmapSpec h;
  h.rows = {"a", "b", "c"};
  h.cols = {"x", "y"};
  h.values = {3, 97, 50, 12, std::numeric_limits<double>::quiet_NaN(), 71};
  const Style st = Style::light();
  Scene s = heatmap(h, 500, 300, st);
  CHECK(s.hits.size() == 6);
  bool has0 = false, has100 = false;
  for (const Prim* t : texts(s)) {
    has0 = has0 || t->text == "0";
    has100 = has100 || t->text == "100";
  }
  CHECK(has0);
  CHECK(has100);  // legend ticks span [0, 100] ⊇ [3, 97]
  // The ramp runs light to dark in the light theme, dark to light in the dark one.
  CHECK(luminance_of(ramp_colour(0, st)) > luminance_of(ramp_colour(1, st)));
  CHECK(luminance_of(ramp_colour(0, Style::dark_theme())) < luminance_of(ramp_colour(1, Style::dark_theme())));
  check_labels(s);
  // Tiny cells: no value labels.
  Scene small = heatmap(h, 120, 60, st);
  for (const Prim* t : texts(small)) CHECK(t->text != "97");
}

TEST_CASE("Sankey: node heights proportional to counts, small nodes merged into 'overige'") {
  SankeySpec sp;
  sp.flows = {{"A", "M", "X", 60}, {"A", "N", "Y", 20}, {"B", "M", "Y", 40}, {"C", "N", "X", 3}, {"D", "M", "X", 2}};
  sp.min_node = 5;
  Scene s = sankey(sp, 700, 400, Style::light());
  // Node rectangles: filled rects with a hit whose tip starts with the node name.
  std::map<std::string, float> height;
  for (const auto& h : s.hits)
    if (h.tip.find("»") == std::string::npos) height[h.tip.substr(0, h.tip.find(':'))] += 0;
  float a = 0, b = 0, m = 0, n = 0, other = 0;
  for (const auto& h : s.hits) {
    const std::string name = h.tip.substr(0, h.tip.find(':'));
    if (h.tip.find("»") != std::string::npos) continue;
    const float hh = h.y1 - h.y0;
    if (name == "A") a = hh;
    if (name == "B") b = hh;
    if (name == "M") m = hh;
    if (name == "N") n = hh;
    if (name == "overige") other = hh;
  }
  REQUIRE(a > 0);
  CHECK(b / a == Approx(40.0 / 80.0).epsilon(0.01));
  CHECK(m / a == Approx(102.0 / 80.0).epsilon(0.01));
  CHECK(n / a == Approx(23.0 / 80.0).epsilon(0.01));
  CHECK(other / a == Approx(5.0 / 80.0).epsilon(0.05));  // C (3) and D (2) merged
  for (const Prim* t : texts(s)) {
    CHECK(t->text.rfind("C (", 0) != 0);
    CHECK(t->text.rfind("D (", 0) != 0);
  }
  check_labels(s);
  CHECK(well_formed(to_svg(s, Style::light())));
}

TEST_CASE("Likert: bars centred on the middle of the neutral level") {
  LikertSpec l;
  l.levels = {"--", "-", "0", "+", "++"};
  l.items = {"een", "twee", "drie"};
  l.counts = {{10, 10, 20, 30, 30}, {40, 30, 10, 10, 10}, {0, 0, 100, 0, 0}};
  Scene s = likert_chart(l, 600, 300, Style::light());
  std::vector<float> centres;
  for (const auto& h : s.hits)
    if (h.tip.find(" · 0:") != std::string::npos) centres.push_back((h.x0 + h.x1) / 2);
  REQUIRE(centres.size() == 3);
  CHECK(centres[1] == Approx(centres[0]).margin(0.01));
  CHECK(centres[2] == Approx(centres[0]).margin(0.01));
  // Negative levels end where the neutral begins: left of centre exactly 20 % + 10 % for item one.
  float neg_w = 0, neu_w = 0;
  for (const auto& h : s.hits) {
    if (h.tip.rfind("een · --", 0) == 0 || h.tip.rfind("een · -:", 0) == 0) neg_w += h.x1 - h.x0;
    if (h.tip.rfind("een · 0:", 0) == 0) neu_w = h.x1 - h.x0;
  }
  CHECK(neg_w == Approx(neu_w).margin(0.05));  // 10 + 10 = 20 = neutral share
  check_labels(s);
}

TEST_CASE("Slope graph: end labels at least a line apart however close the values") {
  SlopeSpec sp;
  sp.from_label = "2022";
  sp.to_label = "2024";
  sp.names = {"a", "b", "c", "d", "e", "f", "g"};
  sp.from = {10, 10.1, 10.2, 10.3, 50, 50.05, 90};
  sp.to = {20, 20, 20.1, 80, 80.1, 80.2, 10};
  const Style st = Style::light();
  Scene s = slope_chart(sp, 600, 360, st);
  std::vector<float> left, right;
  for (const Prim* t : texts(s)) {
    if (t->text == "2022" || t->text == "2024") continue;
    (t->anchor == Anchor::end ? left : right).push_back(t->y0);
  }
  REQUIRE(left.size() == 7);
  REQUIRE(right.size() == 7);
  for (auto* v : {&left, &right}) {
    std::sort(v->begin(), v->end());
    for (size_t i = 1; i < v->size(); ++i) CHECK((*v)[i] - (*v)[i - 1] >= st.font - 0.01f);
  }
  check_labels(s);
}

TEST_CASE("spread_labels keeps order, gaps and bounds") {
  const auto y = spread_labels({50, 51, 52, 10, 200}, 14, 0, 100);
  CHECK(y[3] < y[0]);
  CHECK(y[1] - y[0] >= 14 - 1e-3f);
  CHECK(y[2] - y[1] >= 14 - 1e-3f);
  CHECK(y[4] <= 100);
  CHECK(y[4] - y[2] >= 14 - 1e-3f);
}

TEST_CASE("Small multiples share one value scale") {
  SmallMultiplesSpec m;
  for (double scale : {1.0, 3.0}) {
    ChartSpec p;
    p.kind = ChartSpec::Kind::bar;
    p.bar.categories = {"a", "b"};
    p.bar.series = {{"n", {10 * scale, 20 * scale}}};
    p.bar.value_labels = false;
    m.panels.push_back(p);
    m.titles.push_back("paneel");
  }
  m.columns = 2;
  Scene s = small_multiples(m, 600, 300, Style::light());
  // Both panels carry the same tick labels (0 … 60), so their axes match.
  int sixty = 0;
  for (const Prim* t : texts(s)) sixty += t->text == "60";
  CHECK(sixty == 2);
  // The panel with 10/20 draws bars a third as tall as the one with 30/60.
  std::vector<float> hs;
  for (const auto& h : s.hits) hs.push_back(h.y1 - h.y0);
  REQUIRE(hs.size() == 4);
  CHECK(hs[0] / hs[2] == Approx(1.0 / 3).epsilon(0.01));
}

TEST_CASE("Decimation: a million points stay far below the vertex budget and keep the extremes") {
  LineSpec l;
  Series se{"s", {}};
  for (int i = 0; i < 1000000; ++i) {
    l.x.push_back(i);
    se.values.push_back(i == 500000 ? 1000 : std::sin(i * 0.001) * 10);
  }
  l.series.push_back(se);
  const Style st = Style::light();
  Scene s = line_chart(l, 800, 300, st);
  CHECK(estimate_vertices(s) < 100000);
  // The spike survives decimation: some point reaches the top of the scale.
  float min_y = 1e9f;
  for (const auto& p : s.prims)
    if (p.kind == Prim::Kind::polyline)
      for (size_t i = 1; i < p.pts.size(); i += 2) min_y = std::min(min_y, p.pts[i]);
  CHECK(min_y < 40);
  // The whole gallery over a million underlying points: every chart within budget.
  for (const auto& g : gallery(zicht::i18n::Lang::nl, 1000000)) {
    INFO(g.id);
    CHECK(estimate_vertices(draw(g.spec, 900, g.height, st)) < 100000);
  }
}

TEST_CASE("Gallery: every chart type, well-formed SVG in light, dark and presentation style, no overlapping labels") {
  const auto g = gallery(zicht::i18n::Lang::nl);
  std::set<ChartSpec::Kind> kinds;
  for (const auto& c : g) kinds.insert(c.spec.kind);
  CHECK(kinds.size() == 12);
  for (const Style& st : {Style::light(), Style::dark_theme(), Style::light().scaled_for_presentation()}) {
    for (const auto& c : g) {
      INFO(c.id);
      const Scene s = draw(c.spec, 720, c.height * (st.presentation ? 1.3f : 1), st);
      CHECK(s.prims.size() > 10);
      CHECK(well_formed(to_svg(s, st)));
      if (c.spec.kind != ChartSpec::Kind::line && c.spec.kind != ChartSpec::Kind::km) check_labels(s);
    }
  }
}

TEST_CASE("views draw every kind from their named columns and decline when columns are absent") {
  using namespace zicht::analysis;
  namespace views = zicht::report::views;
  auto table = [](std::vector<std::string> cols, std::vector<std::vector<Value>> rows) {
    Table t;
    t.id = "t";
    for (auto& c : cols) {
      Column col;
      col.id = c;
      col.label = Text{c, c};
      t.columns.push_back(col);
    }
    t.rows = std::move(rows);
    return t;
  };
  auto result = [&](ViewKind kind, Table t, std::string x, std::vector<std::string> y, std::vector<std::string> cols = {},
                    std::string series = {}) {
    Result r;
    r.id = "r";
    r.title = Text{"titel", "title"};
    r.tables.push_back(std::move(t));
    View v;
    v.kind = kind;
    v.table = "t";
    v.x = std::move(x);
    v.y = std::move(y);
    v.columns = std::move(cols);
    v.series = std::move(series);
    r.views.push_back(std::move(v));
    return r;
  };
  auto S = [](const char* s) { return Value::str(s); };
  auto N = [](double v) { Value x; x.kind = Value::Kind::number; x.d = v; return x; };
  const Style st = Style::light();
  auto draws = [&](const Result& r) {
    const auto scenes = views::scenes(r, zicht::i18n::Lang::nl, 600, {}, st);
    return scenes.size() == 1 && scenes[0].prims.size() > 5 && !scenes[0].description.empty();
  };
  const auto km = table({"time", "n_risk", "n_event", "n_censor", "survival", "lower", "upper", "group"},
                        {{N(1), N(10), N(1), N(0), N(0.9), N(0.7), N(1), S("a")},
                         {N(3), N(9), N(2), N(1), N(0.7), N(0.5), N(0.9), S("a")},
                         {N(2), N(8), N(1), N(0), N(0.875), N(0.6), N(1), S("b")}});
  Result kmr = result(ViewKind::km, km, "time", {"survival"}, {}, "group");
  CHECK(draws(kmr));
  const auto kmb = views::build(kmr, zicht::i18n::Lang::nl, {}, st);
  REQUIRE(kmb.size() == 1);
  CHECK(kmb[0].spec.km.curves.size() == 2);  // one curve per group, never one line through both
  CHECK(draws(result(ViewKind::sankey, table({"pre", "middle", "post", "n"}, {{S("a"), S("b"), S("c"), N(4)}}), "pre",
                     {"n"}, {"pre", "middle", "post"})));
  CHECK(draws(result(ViewKind::heatmap, table({"x", "v", "w"}, {{S("a"), N(4), N(1)}, {S("c"), N(2), N(-1)}}), "x",
                     {"v", "w"})));
  CHECK(draws(result(ViewKind::line, table({"jaar", "pct"}, {{N(2021), N(3)}, {N(2022), N(4)}}), "jaar", {"pct"})));
  CHECK(draws(result(ViewKind::box, table({"g", "min", "q1", "median", "q3", "max"}, {{S("a"), N(1), N(2), N(3), N(4), N(5)}}),
                     "g", {"median"}, {"min", "q1", "median", "q3", "max"})));
  CHECK(draws(result(ViewKind::dot, table({"item", "mean", "min", "max"}, {{S("a"), N(2), N(1), N(5)}}), "item", {"mean"},
                     {"mean", "min", "max"})));
  CHECK(draws(result(ViewKind::bar, table({"c", "n"}, {{S("a"), N(2)}, {S("b"), N(5)}}), "c", {"n"})));
  // Absent columns, an absent table or a kind no wave-1 result draws: no chart, no crash.
  CHECK_FALSE(draws(result(ViewKind::km, table({"x"}, {{N(1)}}), "time", {"survival"})));
  CHECK_FALSE(draws(result(ViewKind::sankey, table({"pre", "n"}, {{S("a"), N(1)}}), "pre", {"n"}, {"pre", "middle", "post"})));
  CHECK_FALSE(draws(result(ViewKind::heatmap, table({"x"}, {{S("a")}}), "x", {})));
  CHECK_FALSE(draws(result(ViewKind::funnel, table({"x"}, {{S("a")}}), "x", {})));
  Result none = result(ViewKind::bar, table({"c", "n"}, {{S("a"), N(2)}}), "c", {"n"});
  none.views[0].table = "absent";
  CHECK_FALSE(draws(none));
}

TEST_CASE("HTML report: every gallery chart's SVG is well-formed and embedded") {
  zicht::analysis::ResultSet set;
  zicht::report::HtmlOptions opt;
  const auto g = gallery(zicht::i18n::Lang::nl);
  for (const auto& c : g) {
    const std::string svg = to_svg(draw(c.spec, 720, c.height, Style::light()), Style::light());
    INFO(c.id);
    CHECK(well_formed(svg));
    opt.figures.push_back({c.id, c.title, svg});
  }
  const std::string html = zicht::report::results_html(set, zicht::i18n::Lang::nl, opt);
  CHECK(well_formed(html.substr(html.find("<html"))));
  for (const auto& c : g) {
    CHECK(html.find("data-kind=\"" + c.id + "\"") != std::string::npos);
    CHECK(html.find(opt.figures[&c - g.data()].svg) != std::string::npos);
  }
}
