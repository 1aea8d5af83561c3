#pragma once
// Every chart type on fixed, fictitious data: the developer gallery page draws these, the HTML report test writes
// them as SVG, and the chart benchmark lays them out over a million underlying points. One set for all three.
#include <cstddef>
#include <string>
#include <vector>

#include "report/chart.h"

namespace zicht::report::charts {

struct GalleryChart {
  std::string id;     // stable: "bar_grouped", "sankey", … (anchors and file names)
  std::string title;  // in the requested language
  ChartSpec spec;
  float height = 340;  // preferred height in CSS pixels at the normal font size
};

// points: the number of underlying points of the dense charts (the long line series, the values behind the
// histogram, the subjects behind the Kaplan–Meier curves).
// style: the theme in which the view-built charts resolve their semantic colours (the evolutie phases); nullptr:
// those charts take the palette by index, right in every theme.
std::vector<GalleryChart> gallery(i18n::Lang lang, size_t points = 20000, const Style* style = nullptr);

// The evolutie views (issue 23) on fictitious results, as the analysis emits them: score trajectories as small
// multiples on a fixed 0–10 axis, medians with a Q1–Q3 band per domain, a swimlane of days per phase per youngster
// (gallery_evolutie.cpp). gallery() appends them built through report/views.
std::vector<analysis::Result> evolutie_examples();
void add_evolutie_gallery(std::vector<GalleryChart>& g, i18n::Lang lang, const Style* style);

}  // namespace zicht::report::charts
