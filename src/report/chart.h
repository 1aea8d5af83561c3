#pragma once
// Charts, laid out once: every chart type computes a Scene of primitives (rectangles, lines, polygons, text) in
// CSS pixels; the screen draws a Scene with ImDrawList (src/ui/charts) and the HTML report writes it as SVG
// (report/svg.h). So the chart in the report is the chart on screen.
//
// Text is measured with one approximate metric (Noto Sans advance widths by character class) on both back ends,
// so label decisions — rotate, abbreviate, skip — are identical everywhere; labels keep a margin for the small
// difference from the real font.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
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
  std::string title;        // short name of the chart (the result's title): SVG <title>
  std::string description;  // one sentence — what is compared, largest and smallest value: SVG <desc>, screen readers
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
  Series() = default;
  Series(std::string n, std::vector<double> v) : name(std::move(n)), values(std::move(v)) {}
  std::string name;
  std::vector<double> values;  // one per category (bars) or per x (lines); NaN = no value (a line breaks there)
  Rgba colour;                 // the colour of the series' meaning (views); else the palette in order
  bool has_colour = false;
  std::vector<double> low, high;  // dot charts: a range per category (min–max), optional
};

enum class MarkStyle : uint8_t { marker, line, band };

struct ReferenceMark {
  ReferenceMark() = default;
  ReferenceMark(std::string l, std::vector<double> v) : label(std::move(l)), values(std::move(v)) {}
  std::string label;  // e.g. "Vlaanderen, evaluatie 2023"
  std::vector<double> values;  // per category (NaN = none) or one value for all
  int series = -1;             // the series it belongs to (its bar / point); -1: the category as a whole
  MarkStyle style = MarkStyle::marker;
  std::vector<double> highs;   // bands: the upper end, parallel to values (NaN = a single value)
};

// The colour of series k: its own when it has one, else the style's palette.
Rgba series_colour(const Series& s, size_t k, const Style& style);

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
  std::vector<Rgba> category_colours;  // one series coloured per category (lopend / afgesloten), optional
  bool show_legend = true;
  // Fixed value axis (small multiples share one); NaN = from the data.
  double axis_min = std::numeric_limits<double>::quiet_NaN(), axis_max = std::numeric_limits<double>::quiet_NaN();
};

// Dot-and-range chart (horizontal): per category a dot per series, with an optional range line (min–max) behind
// it; reference marks as thin ticks. Used for times to steps and for "own organisation vs the others".
struct DotSpec {
  std::vector<std::string> categories;
  std::vector<Series> series;  // values = the dots; low/high = the ranges
  std::vector<std::string> tips;  // per category × series
  std::string value_label, unit_suffix, range_label;
  std::vector<ReferenceMark> references;
  bool show_legend = true;
  bool name_series = false;  // a legend even for one series ("overige organisaties" must say who the dots are)
  double axis_min = std::numeric_limits<double>::quiet_NaN(), axis_max = std::numeric_limits<double>::quiet_NaN();
};

struct HistogramSpec {
  std::vector<double> lower, upper;
  std::vector<double> counts;
  std::string value_label, count_label;
  bool integer_bins = false;  // one bar per whole number: ticks at the bars' centres
  Rgba colour;
  bool has_colour = false;
  std::vector<ReferenceMark> references;  // on the x axis: values[0] (band: to highs[0])
  double axis_max = std::numeric_limits<double>::quiet_NaN();  // fixed count axis (small multiples)
};

struct LineSpec {
  std::vector<double> x;
  std::vector<std::string> x_labels;  // optional: categorical x
  std::vector<Series> series;
  std::string x_label, y_label;
  std::vector<ReferenceMark> references;  // per x (markers) or one value (a line)
  std::vector<std::string> tips;          // per x × series, optional
  std::string unit_suffix;                // on the value ticks, e.g. " %"
  bool direct_labels = false;             // series named at their line ends instead of in the legend
  bool show_legend = true;
  bool markers = true;  // dots at the points (dropped automatically when points are denser than a few pixels)
  double axis_min = std::numeric_limits<double>::quiet_NaN(), axis_max = std::numeric_limits<double>::quiet_NaN();
  // Optional band per series (a median's Q1–Q3): band_lower[k][i] and band_upper[k][i] parallel to
  // series[k].values; a missing vector or a NaN end = no band at that x. Drawn behind the lines as a translucent
  // area in the series' colour, one area per run of consecutive x with both ends (a lone x: a short vertical bar);
  // band_label names it in the tooltips ("Q1–Q3"). The value axis covers the bands.
  std::vector<std::vector<double>> band_lower, band_upper;
  std::string band_label;
};

struct BoxSpec {
  std::vector<std::string> groups;
  std::vector<double> min, q1, median, q3, max;  // whiskers at min/max (or 1.5 IQR fences when given so)
  std::string value_label;
  std::vector<Rgba> colours;  // per group, optional
  double axis_min = std::numeric_limits<double>::quiet_NaN(), axis_max = std::numeric_limits<double>::quiet_NaN();
};

struct KmCurve {
  std::string name;
  std::vector<double> time, survival, lower, upper;  // step function starting at (0, 1)
  std::vector<double> censor_times;
  std::vector<double> censor_survival;
  Rgba colour;  // the colour of the group's meaning (views); else the palette in order
  bool has_colour = false;
};

struct KmSpec {
  std::vector<KmCurve> curves;
  std::vector<double> risk_times;            // times for the number-at-risk row
  std::vector<std::vector<long>> at_risk;    // per curve, per risk time; -1 = hidden (delen: fewer than k left)
  std::string hidden_label = "<k";           // what a hidden number at risk reads ("<5")
  std::string x_label, y_label;
  bool show_ci = true;
  bool show_legend = true;
};

// Heat map: a rows × cols matrix on a sequential, colour-blind-safe ramp (YlGnBu; reversed lightness in the dark
// theme) with a colour legend; values are written in the cells when the cells are large enough.
struct HeatmapSpec {
  std::vector<std::string> rows, cols;
  std::vector<double> values;  // rows × cols, row-major; NaN = no value
  std::string value_label;     // legend title
  std::string unit_suffix;
  int decimals = -1;           // -1: integers as integers, else one decimal
  bool diverging = false;      // signed values (adjusted residuals) on a blue–red ramp centred on zero
};

// Categorical heat map (the matrix profile's rows × forms): each cell takes the colour of its class, hatched or
// outlined for technical states; rows grouped under header rows; column labels rotated upright; a legend names
// every class with its label. Colour is never the only carrier: the legend, the codes in the cells (when every
// code fits) and the tooltips name the class.
enum class Fill : uint8_t { solid, hatch, hatch_outline, outline };
struct CategoryClass {
  std::string code, label;  // "P", "positief"
  Rgba colour;              // the class colour (semantic, or an explicit user colour)
  Fill fill = Fill::solid;
};
struct CategoryMapSpec {
  std::vector<std::string> rows, cols;  // row and column labels, in drawing order
  std::vector<std::string> row_groups;  // per row: its group ("" = none); a header row opens each run of a group
  std::vector<CategoryClass> classes;   // legend order
  std::vector<int> cells;               // rows × cols, row-major: index into classes, -1 = no cell
  std::vector<std::string> tips;        // rows × cols, optional
  std::string legend_title;
  bool codes_in_cells = true;           // write the codes when every code fits its cell
};

// Dendrogram (R's hclust: merge, height, order), horizontal: leaves at the left with their labels, the distance
// axis along the bottom from 0, merges drawn as brackets at their height; optional dashed cut lines.
struct DendrogramSpec {
  std::vector<std::string> labels;  // by leaf index: R's leaf −1 is labels[0]
  std::vector<int> left, right;     // per merge: < 0 leaf −i, > 0 the merge of step i (1-based, an earlier step)
  std::vector<double> heights;      // per merge
  std::vector<int> order;           // leaves top to bottom, 1-based (R's order); empty: the tree's own order
  std::string axis_label;
  std::vector<ReferenceMark> references;  // values[0]: a dashed line at that height, labelled
  double axis_max = std::numeric_limits<double>::quiet_NaN();  // NaN: max(1, the highest merge)
};
// Whether merges and labels form one valid tree (n leaves, n − 1 merges, every index in range and used once).
bool valid_dendrogram(const DendrogramSpec& spec);
// R's order for a tree: the leaves left to right as the merges nest them (1-based).
std::vector<int> dendrogram_order(const DendrogramSpec& spec);

// Sankey over three stages (pre → middle → post), one flow per path. Nodes are stacked per stage with gaps, on one
// scale for all stages (heights proportional to counts); nodes smaller than min_node in a stage are merged into
// one "overige" node of that stage.
struct SankeyFlow {
  std::string pre, middle, post;
  double n = 0;
};
// N-stage form (links, not paths): when `links` is not empty the chart draws stage_names.size() ≥ 2 columns from
// links between consecutive stages (from_stage → from_stage + 1, weight n; other links are not drawn). A node's
// height is max(sum in, sum out) on one scale for all stages; its label carries its own count when `nodes` gives
// one (entities are not links: "Overleggen (9)" while 18 links arrive), else that height. Nodes in the order they
// first appear in `nodes`, then in `links`; `neutral` names grey nodes ("Geen lerend netwerk").
struct SankeyLink {
  size_t from_stage = 0;
  std::string from, to;
  double n = 0;
};
struct SankeyNode {
  size_t stage = 0;
  std::string name;
  double n = std::numeric_limits<double>::quiet_NaN();  // its own count; NaN: none
};
struct SankeySpec {
  std::vector<SankeyFlow> flows;
  std::string stages[3];  // column headings, e.g. "instroom", "hulp", "uitstroom"
  std::vector<std::string> stage_names;  // N-stage form: the column headings
  std::vector<SankeyLink> links;
  std::vector<SankeyNode> nodes;
  double min_node = 0;
  std::string other_label;  // empty: "overige" in the style's language
  std::vector<std::string> neutral;  // node names drawn grey ("Geen voortraject", "Overige paden")
};

// Diverging stacked bars for Likert items: per item the shares of each level, centred on the neutral level (half
// left, half right of the centre line) or, without a neutral level, on the boundary between the halves.
struct LikertSpec {
  std::vector<std::string> items, levels;      // levels ordered from most negative to most positive
  std::vector<std::vector<double>> counts;     // per item, per level
  int neutral = -2;                            // index of the neutral level; -1: none; -2: the middle one if odd
  // Optional (views fill them): the full item texts for the tooltips when a label has to be wrapped or shortened,
  // a tooltip per item × level (row-major), and a fixed axis extent in % each side of the centre (NaN: from the
  // data; never beyond 100).
  std::vector<std::string> tips;
  double axis_max = std::numeric_limits<double>::quiet_NaN();
  // Per level (optional, from the view's colour_keys): a semantic colour instead of the orange–blue ramp, and a
  // hatch over the colour (a card vote's "niet akkoord": colour is never the only carrier).
  std::vector<Rgba> colours;
  std::vector<bool> hatched;
};

// Slope graph: one line per name between two time points; labels at both ends, nudged apart so they never overlap.
struct SlopeSpec {
  std::string from_label, to_label;
  std::vector<std::string> names;
  std::vector<double> from, to;
  std::string unit_suffix;
  int decimals = 1;
  // Optional (views fill them): a colour per line (else rising lines in the first palette colour, falling ones in
  // the second), a tooltip per line, the change written after the end value ("+0,4") so rising and falling lines
  // differ without colour, and a legend (the series the colours stand for).
  std::vector<Rgba> colours;
  std::vector<std::string> tips;
  bool show_change = false;
  std::vector<std::string> legend_names;
  std::vector<Rgba> legend_colours;
};

// Funnel (attrition): one centred horizontal bar per stage, in order, its width the count on one scale (the
// largest stage, or axis_max when small multiples share one, is the full width); each stage named at the left and
// labelled under its bar with its count and its shares of the previous and the first stage.
struct FunnelSpec {
  std::vector<std::string> stages;
  std::vector<double> counts;
  std::vector<std::string> labels;  // per stage, optional: "102 — 78 % van vorige, 43 % van alle"
  std::vector<std::string> tips;    // per stage, optional
  std::string value_label;          // what is counted ("aantal trajecten"), written above the bars
  Rgba colour;
  bool has_colour = false;
  double axis_max = std::numeric_limits<double>::quiet_NaN();
};
// The height a funnel wants (its stages decide it).
float funnel_height(const FunnelSpec& spec, const Style& style);

struct ChartSpec;

// Small multiples: a grid of panels of any chart kind; bars, lines, histograms and box plots share one value
// scale so panels can be compared at a glance.
struct SmallMultiplesSpec {
  std::vector<std::string> titles;
  std::vector<ChartSpec> panels;
  int columns = 0;  // 0: as many as fit at about min_panel_width px per panel
  float min_panel_width = 260;
  bool shared_axis = true;  // one value scale for all panels
};

struct ChartSpec {
  enum class Kind : uint8_t {
    bar, histogram, line, box, km, heatmap, sankey, likert, slope, multiples, dot, category_map, dendrogram, funnel
  };
  Kind kind = Kind::bar;
  BarSpec bar;
  HistogramSpec histogram;
  LineSpec line;
  BoxSpec box;
  KmSpec km;
  HeatmapSpec heatmap;
  SankeySpec sankey;
  LikertSpec likert;
  SlopeSpec slope;
  SmallMultiplesSpec multiples;
  DotSpec dot;
  CategoryMapSpec category_map;
  DendrogramSpec dendrogram;
  FunnelSpec funnel;
};

Scene bar_chart(const BarSpec& spec, float width, float height, const Style& style);
Scene histogram(const HistogramSpec& spec, float width, float height, const Style& style);
Scene line_chart(const LineSpec& spec, float width, float height, const Style& style);
Scene box_plot(const BoxSpec& spec, float width, float height, const Style& style);
Scene km_chart(const KmSpec& spec, float width, float height, const Style& style);
Scene heatmap(const HeatmapSpec& spec, float width, float height, const Style& style);
Scene sankey(const SankeySpec& spec, float width, float height, const Style& style);
// The N-stage form of a SankeySpec (its links); sankey() calls it when links are given.
Scene sankey_stages(const SankeySpec& spec, float width, float height, const Style& style);
Scene likert_chart(const LikertSpec& spec, float width, float height, const Style& style);
Scene slope_chart(const SlopeSpec& spec, float width, float height, const Style& style);
Scene small_multiples(const SmallMultiplesSpec& spec, float width, float height, const Style& style);
Scene dot_chart(const DotSpec& spec, float width, float height, const Style& style);
Scene category_map(const CategoryMapSpec& spec, float width, float height, const Style& style);
Scene dendrogram(const DendrogramSpec& spec, float width, float height, const Style& style);
Scene funnel_chart(const FunnelSpec& spec, float width, float height, const Style& style);
// The height these two want at a width (their rows decide it).
float category_map_height(const CategoryMapSpec& spec, float width, const Style& style);
float dendrogram_height(const DendrogramSpec& spec, const Style& style);
Scene draw(const ChartSpec& spec, float width, float height, const Style& style);

// Large data: lines and Kaplan–Meier curves with more points than pixel columns are reduced to the first, lowest,
// highest and last point per pixel column, so a chart stays far below ~100,000 vertices whatever the data size.
// A rough count of the vertices ImGui makes for a scene (tests and the benchmark check the budget with it).
size_t estimate_vertices(const Scene& scene);

// Places labels wanted at ys (any order) in [lo, hi] at least gap apart, moving each as little as possible and
// keeping their order; returns the placed positions in the input order.
std::vector<float> spread_labels(const std::vector<float>& ys, float gap, float lo, float hi);

// Colour of t in [0, 1] on the heat-map ramp.
Rgba ramp_colour(double t, const Style& style);

}  // namespace zicht::report::charts
