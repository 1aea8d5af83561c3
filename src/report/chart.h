#pragma once
// Charts, laid out once: every chart type computes a Scene of primitives (rectangles, lines, polygons, text) in
// CSS pixels; the screen draws a Scene with ImDrawList (src/ui/charts) and the HTML report writes it as SVG
// (report/svg.h). So the chart in the report is the chart on screen.
//
// Text is measured with one approximate metric (Noto Sans advance widths by character class) on both back ends,
// so label decisions — rotate, abbreviate, skip — are identical everywhere; labels keep a margin for the small
// difference from the real font.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/result.h"

namespace zicht::report::charts {

struct Rgba {
  uint8_t r = 0, g = 0, b = 0, a = 255;
};

enum class Anchor : uint8_t { start, middle, end };

struct Prim {
  enum class Kind : uint8_t { rect, line, polyline, polygon, circle, text } kind = Kind::rect;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // rect: corners; line: ends; circle: centre (x0, y0), radius x1
  std::vector<float> pts;                // polyline / polygon: x, y pairs
  Rgba color;
  float width = 1;                       // stroke width (lines, outlines)
  bool filled = true;                    // rect, polygon, circle
  std::string text;
  float size = 13;                       // font size in px
  Anchor anchor = Anchor::start;
  float rotate = 0;                      // degrees, counter-clockwise (text only: 0 or 45)
  bool bold = false;
};

// A region with a tooltip ("Pleegzorg: 138 van 649 (21,3 %)").
struct Hit {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string tip;
};

struct Scene {
  float width = 0, height = 0;
  std::vector<Prim> prims;
  std::vector<Hit> hits;
  std::string description;  // one sentence for screen readers and the SVG <title>
};

struct Style {
  bool dark = false;
  bool presentation = false;  // large type, thicker marks
  i18n::Lang lang = i18n::Lang::nl;  // number format and the few words a chart writes
  float font = 13;
  Rgba text, muted, grid, axis, background, band;
  Rgba series[8];
  Rgba reference;
  static Style light();
  static Style dark_theme();
  Style scaled_for_presentation() const;
};

// Approximate advance width of UTF-8 text at a font size (Noto Sans proportions).
float text_width(std::string_view text, float size);

// Round tick values covering [lo, hi], about `target` of them (1, 2, 2.5 or 5 × 10^k steps).
std::vector<double> nice_ticks(double lo, double hi, int target);

struct Series {
  std::string name;
  std::vector<double> values;  // one per category (bars) or per x (lines); NaN = no value
};

struct ReferenceMark {
  std::string label;  // e.g. "Vlaanderen, evaluatie 2023"
  std::vector<double> values;  // per category (NaN = none) or one value for all
};

struct BarSpec {
  enum class Mode : uint8_t { grouped, stacked, stacked100 } mode = Mode::grouped;
  bool horizontal = false;
  std::vector<std::string> categories;
  std::vector<Series> series;
  std::string value_label;  // axis title, e.g. "% van trajecten"
  std::string unit_suffix;  // appended to value labels, e.g. " %"
  bool value_labels = true;
  std::vector<ReferenceMark> references;
  std::vector<std::string> tips;  // per category × series (row-major), optional: with numerator/denominator
};

struct HistogramSpec {
  std::vector<double> lower, upper;
  std::vector<double> counts;
  std::string value_label, count_label;
};

struct LineSpec {
  std::vector<double> x;
  std::vector<std::string> x_labels;  // optional: categorical x
  std::vector<Series> series;
  std::string x_label, y_label;
  std::vector<ReferenceMark> references;
};

struct BoxSpec {
  std::vector<std::string> groups;
  std::vector<double> min, q1, median, q3, max;  // whiskers at min/max (or 1.5 IQR fences when given so)
  std::string value_label;
};

struct KmCurve {
  std::string name;
  std::vector<double> time, survival, lower, upper;  // step function starting at (0, 1)
  std::vector<double> censor_times;
  std::vector<double> censor_survival;
};

struct KmSpec {
  std::vector<KmCurve> curves;
  std::vector<double> risk_times;            // times for the number-at-risk row
  std::vector<std::vector<long>> at_risk;    // per curve, per risk time
  std::string x_label, y_label;
  bool show_ci = true;
};

Scene bar_chart(const BarSpec& spec, float width, float height, const Style& style);
Scene histogram(const HistogramSpec& spec, float width, float height, const Style& style);
Scene line_chart(const LineSpec& spec, float width, float height, const Style& style);
Scene box_plot(const BoxSpec& spec, float width, float height, const Style& style);
Scene km_chart(const KmSpec& spec, float width, float height, const Style& style);

// The chart a Result suggests (bar of a frequency table, histogram of bins, …), in the result's language;
// false when the result has no chart or its table lacks the columns.
bool chart_for_result(const analysis::Result& r, i18n::Lang lang, float width, float height, const Style& style,
                      Scene& out);

}  // namespace zicht::report::charts
