#include <catch2/catch.hpp>

#include <cmath>
#include <regex>

#include "report/chart.h"
#include "report/svg.h"

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
