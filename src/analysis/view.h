#pragma once
// Views: how a result is drawn, said by the analysis that knows what its table means (spec/charts.md §1). A view
// is a mark plus channels, after Vega-Lite's encoding in a few plain structs: a kind, the table, x with its scale,
// a series column (a long table becomes one series per value), the value column(s) with their unit, the
// denominator columns behind every percentage, which rows are drawn, facets, reference marks, semantic colour keys,
// sort and orientation. report/views turns a view into a chart scene; nothing downstream guesses from column names.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/i18n.h"

namespace zicht::analysis {

struct Text;

enum class ViewKind : uint8_t { bar, histogram, line, km, box, heatmap, sankey, likert, slope, funnel, dot, dendrogram };
enum class Scale : uint8_t { nominal, ordinal, numeric, date };
// The unit of the value axis, from the value column's role: percent runs 0–100.
enum class Unit : uint8_t { percent, count, months, days, score, statistic };
enum class BarMode : uint8_t { grouped, stacked, stacked100 };
enum class Orientation : uint8_t { automatic, vertical, horizontal };
enum class Sort : uint8_t { data, value_desc, value_asc };
enum class MarkKind : uint8_t { marker, line, band };
// Where a reference value comes from: the page switches each source on or off.
enum class RefSource : uint8_t { published, norm, statistic };

const char* view_kind_name(ViewKind k);
const char* scale_name(Scale s);
const char* unit_name(Unit u);
const char* bar_mode_name(BarMode m);
const char* orientation_name(Orientation o);
const char* sort_name(Sort s);
const char* mark_kind_name(MarkKind m);
const char* ref_source_name(RefSource s);

// One reference value: for a category (and optionally one series), or for the whole chart when category is empty.
struct RefPoint {
  std::string category, series;  // x value and series value as their verbatim table text ("" = any)
  double value = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();  // bands: [value, high]
};

struct ReferenceMark {
  std::string id;        // stable: "vlaanderen_2023", "norm.meetings", "median"
  std::string label_nl, label_en;
  MarkKind mark = MarkKind::marker;
  RefSource source = RefSource::published;
  // The denominator policy a published percentage was computed with ("valid", "all", …; "" = not a share). It
  // is drawn only where the chart's denominator is the same number, so a marker never compares unlike shares.
  std::string policy;
  std::vector<RefPoint> points;
  const std::string& label(i18n::Lang lang) const { return lang == i18n::Lang::en ? label_en : label_nl; }
};

// Which rows of the table are drawn. A row is drawn when every condition holds: its `column` value (verbatim
// text; numbers as written in JSON) is in `only` (when not empty) and not in `except`. `except` names the rows
// that are not categories — Totaal, Ontbrekend, Niet van toepassing — which go in the denominator line instead.
struct RowCondition {
  std::string column;
  std::vector<std::string> only, except;
};

// Two shapes beyond the channels above (report/views_matrix.cpp draws them):
//
// Categorical heat map — kind heatmap with a `series` column (a numeric heat map has y columns and no series).
// The table is long, one row per cell:
//   x        the column label column ("column_label"); x_key the column id ("column_id"), default x. Columns are
//            drawn in the order their ids first appear.
//   series   the class code per cell ("class"): P, GP, NP, GI, GB, AK, UNC, NFD, EMPTY. A missing value: no cell.
//   columns  [0] row id ("row_id"), [1] row label ("row_label"), [2] group ("group"; "" = no groups),
//            [3] class label ("class_label"; legend and tooltip; "" = the code), [4] optional: a detail text
//            appended to the cell's tooltip. Rows in the order their ids first appear, kept together per group
//            (groups in the order they first appear); each group opens with a header row.
//   colour_keys  class code → a semantic key ("class.P", …, "class.UNC" and "class.NFD" hatched, "class.EMPTY"
//            an outline) or an explicit colour "#RRGGBB" (a user-set legend colour_hex). The legend lists the
//            classes present, keyed classes first in colour_keys order, then the others in data order.
//   of_nl/of_en  the legend's title (optional).
//
// Dendrogram — kind dendrogram, R's hclust convention:
//   table    one row per merge step, in step order; columns (View.columns, defaults) step, left, right, height:
//            left/right < 0 is leaf −i (1-based), > 0 the merge of that earlier step; height the merge distance.
//   leaf_table  one row per leaf in R's `order` (drawn top to bottom): x_key the 1-based leaf index (default
//            "leaf"), x the label (default "label"). Without it: leaves named by index, in the tree's own order.
//   of_nl/of_en  the distance axis' title ("afstand"); the axis runs from 0 to max(1, highest merge).
//   references  a line mark with one point (category "") at a height: a dashed cut line, labelled.
//
// Sankey (report/views_special.cpp) — kind sankey, two table shapes, told apart by the number of columns:
//   paths    columns [0..2] three stage columns (pre, middle, post), y[0] the count of the path: one flow per row,
//            stage headings from the columns' labels (binc, trajecten.blocking).
//   links    columns [0] from_stage, [1] from, [2] to_stage, [3] to, y[0] n: a long table, one row per link
//            between two nodes of consecutive stages (a link whose to_stage is not the next one is not drawn).
//            Stages in the order they first appear in the rows; nodes in the order they first appear in the
//            nodes table, then in the links. A node's height is max(sum in, sum out).
//            leaf_table (optional) the nodes' own counts, one row per node: columns [4] stage (default "stage"),
//            [5] node ("node"), [6] n ("n") — "Overleggen (9)" while 18 links arrive. colour_keys: a node
//            whose key maps to "group.none" or "group.others" is grey (neutral).
//
// Lines (report/views_kinds.cpp):
//   facet    small multiples: one panel per facet value in data order, every panel with the same x categories and
//            the same series (one legend for the grid; colours from colour_keys, else the palette in the order the
//            series first appear in the whole table), all on one value axis. A missing value breaks its line; a
//            point without neighbours is a dot.
//   columns  optional band per point: [0] its lower end, [1] its upper end (a median's "q1", "q3"), drawn as a
//            translucent area in the series' colour behind the line. Name the band in of_nl/of_en, which titles
//            the value axis ("mediaan (band: Q1–Q3)").
//   axis_min/axis_max  a fixed value axis (an instrument's 0–10); NaN: from the data (0–100 for percentages).
struct View {
  std::string id = "main";      // unique within its result
  ViewKind kind = ViewKind::bar;
  std::string table;            // table id
  std::string x;                // category / time column
  std::string x_key;            // the column whose values reference marks and colour keys name (default: x)
  Scale x_scale = Scale::nominal;
  std::string series;           // column whose values become series (long tables); empty: each y column is one
  std::vector<std::string> y;   // value column(s)
  Unit unit = Unit::count;
  std::string of_nl, of_en;     // what the value counts, for the axis title: "afgesloten trajecten"
  // Percentages: the numerator and denominator columns (tooltips, the denominator line), one for all y columns or
  // one per y column, and the policy the user chose ("valid", "applicable", "all"; "fixed" when the result has
  // one denominator only).
  std::vector<std::string> numerators, denominators;
  std::string policy;
  std::string missing_column;   // per row: how many were missing (the denominator line), optional
  std::vector<RowCondition> rows;
  std::string facet;            // small multiples, one panel per value, on one shared value axis
  std::vector<ReferenceMark> references;
  // Semantic colour key per series value (or per y column id when there is no series column): "status.lopend",
  // "role.consulent", "phase.pre", "answer.ja", … Unkeyed series take the categorical palette in order.
  std::vector<std::pair<std::string, std::string>> colour_keys;
  std::string colour_key_all;   // one key for every series (a one-series view's semantic colour)
  Sort sort = Sort::data;
  Orientation orientation = Orientation::automatic;
  BarMode mode = BarMode::grouped;
  std::string title_nl, title_en;  // a heading above the chart when a result has several views
  // Kind-specific columns: box (min, q1, median, q3, max), km (time, survival, lower, upper, n_risk, n_event,
  // n_censor), dot (value, low, high), histogram (lower, upper), sankey (three stage columns, or the four link
  // columns and the node columns above).
  std::vector<std::string> columns;
  bool integer_bins = false;    // histogram of counts: one bar per whole number
  std::string group;            // views of one result with the same group are panels of one chart (or a picker)
  std::string leaf_table;       // dendrogram: the table of leaves (below)
  // A fixed value axis, e.g. the instrument's range 0–10 for scores; NaN = from the data. Lines and bars (and so
  // their small multiples) draw it; JSON writes it only when set.
  double axis_min = std::numeric_limits<double>::quiet_NaN();
  double axis_max = std::numeric_limits<double>::quiet_NaN();
  const std::string& of(i18n::Lang lang) const { return lang == i18n::Lang::en ? of_en : of_nl; }
  const std::string& title(i18n::Lang lang) const { return lang == i18n::Lang::en ? title_en : title_nl; }
};

}  // namespace zicht::analysis
