#pragma once
// Internal to report/views*.cpp: table access, the long-to-wide pivot and the per-kind builders.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "report/views.h"

namespace zicht::report::views::detail {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

int col(const analysis::Table& t, const std::string& id);  // -1 when absent or empty
const analysis::Value& cell(const analysis::Table& t, size_t row, int c);
double num(const analysis::Table& t, size_t row, int c);
std::string text(const analysis::Table& t, size_t row, int c, i18n::Lang lang);
bool drawn(const analysis::Table& t, size_t row, const analysis::View& v);
std::vector<size_t> drawn_rows(const analysis::Table& t, const analysis::View& v);
std::string tr(const char* key, i18n::Lang lang);
std::string policy_label(const std::string& policy, i18n::Lang lang);
std::string axis_title(const analysis::View& v, const analysis::Result& r, i18n::Lang lang);
charts::Rgba colour_for(const analysis::View& v, const std::string& key, size_t unkeyed_index,
                        const charts::Style& s);

// A long or wide table as categories × series (one pivot for every kind).
struct Pivot {
  std::vector<std::string> categories;         // display text, in data order
  std::vector<std::string> category_keys;      // view keys of the x cells
  std::vector<std::string> category_ref_keys;  // view keys of the x_key cells (references, colours)
  struct S {
    std::string key, name;
    charts::Rgba colour;
    std::vector<double> values;   // per category; NaN = no row
    std::vector<size_t> rows;     // per category: the table row (SIZE_MAX = none)
    std::vector<size_t> y_index;  // per category: which y column the value came from
  };
  std::vector<S> series;
};
Pivot pivot(const analysis::Table& t, const analysis::View& v, const std::vector<size_t>& rows, i18n::Lang lang,
            const charts::Style& s);
bool fraction(const analysis::Table& t, const analysis::View& v, size_t row, size_t y_index, double& n, double& d);
// "W&P · afgesloten: 166 van 215 (77,2 %)"; pct is the table's own percentage where it has one, so the tooltip
// shows the number the table, the CSV and the CLI show.
std::string share_tip(const std::string& what, double n, double d, double pct, i18n::Lang lang);
std::string footer(const analysis::Table& t, const analysis::View& v, const Pivot& p, i18n::Lang lang);
std::string describe(const std::string& title, const std::string& what, const Pivot& p, const std::string& suffix,
                     i18n::Lang lang);
bool mark_on(const analysis::ReferenceMark& m, const Marks& marks);
charts::MarkStyle mark_style(analysis::MarkKind k);
std::vector<charts::ReferenceMark> category_marks(const analysis::Table& t, const analysis::View& v, const Pivot& p,
                                                  const Marks& marks, i18n::Lang lang);

bool build_bar(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
               const Marks& marks, const charts::Style& s, Built& out);
bool build_line(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                const Marks& marks, const charts::Style& s, Built& out);
bool build_dot(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
               const Marks& marks, const charts::Style& s, Built& out);
bool build_histogram(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                     const Marks& marks, const charts::Style& s, Built& out);
bool build_km(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
              const charts::Style& s, Built& out);
bool build_box(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
               const charts::Style& s, Built& out);
bool build_heatmap(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                   const charts::Style& s, Built& out);
// A heat map with a series column: the categorical map (views_matrix.cpp).
bool build_category_map(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                        const charts::Style& s, Built& out);
bool build_dendrogram(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, const Marks& marks,
                      i18n::Lang lang, const charts::Style& s, Built& out);
// Survey results (views_survey.cpp): Likert items, slope graphs and the attrition funnel.
bool build_likert(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                  const charts::Style& s, Built& out);
bool build_slope(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                 const charts::Style& s, Built& out);
bool build_funnel(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                  const charts::Style& s, Built& out);
bool build_sankey(const analysis::Result& r, const analysis::Table& t, const analysis::View& v, i18n::Lang lang,
                  const charts::Style& s, Built& out);

}  // namespace zicht::report::views::detail
