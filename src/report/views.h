#pragma once
// Views → scenes: the one step that turns a result's typed views (analysis/view.h) into chart specs and scenes.
// It pivots long tables into series, keeps only category rows, gives every series the colour of its meaning,
// titles the value axis with unit and denominator, writes the tooltips with numerator and denominator, places the
// reference marks the page has switched on, and adds the denominator line under the chart. Screen, HTML report,
// PNG and SVG all draw what this step builds, so they show the same chart.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "report/chart.h"

namespace zicht::report::views {

// Which reference marks are drawn (the page's switches; all on by default).
struct Marks {
  bool published = true;   // "Vlaanderen, evaluatie 2023"
  bool norms = true;       // the werkmap's norms (meeting band, duration)
  bool statistics = true;  // medians and the like computed from the data
  bool operator==(const Marks& o) const {
    return published == o.published && norms == o.norms && statistics == o.statistics;
  }
};

// One view resolved against its table: the spec to lay out, plus what goes around it.
struct Built {
  std::string view_id, group;
  std::string title;        // the view's own heading ("" for a result's only view)
  charts::ChartSpec spec;
  std::string footer;       // the denominator line: n, the policy, what was left out
  std::string chart_title;  // the result's title (+ the view's): SVG <title>
  std::string description;  // one sentence: what is compared, the largest and smallest value
  size_t categories = 0, series = 0;  // after pivoting (tests and height)
  // The width below which the chart must shorten its labels (an eight-stage Sankey: every stage needs room for its
  // node names); a page or report gives it up to this much when it has the room. 0 = any width.
  float wide = 0;
};

// Every view of a result, in order; views whose table is missing or has no drawable rows are left out.
std::vector<Built> build(const analysis::Result& r, i18n::Lang lang, const Marks& marks, const charts::Style& style);
bool build_one(const analysis::Result& r, const analysis::View& v, i18n::Lang lang, const Marks& marks,
               const charts::Style& style, Built& out);

// The height a view wants at this width (horizontal bars grow with their rows, small multiples with their panels).
float preferred_height(const Built& b, float width, const charts::Style& style);

// The scene at this size: the chart, the denominator line under it, and the title and description.
charts::Scene layout(const Built& b, float width, float height, const charts::Style& style);

// Every view of a result laid out at its preferred height for this width (HTML report, tests).
std::vector<charts::Scene> scenes(const analysis::Result& r, i18n::Lang lang, float width, const Marks& marks,
                                  const charts::Style& style);

}  // namespace zicht::report::views
