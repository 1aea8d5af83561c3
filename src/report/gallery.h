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
std::vector<GalleryChart> gallery(i18n::Lang lang, size_t points = 20000);

}  // namespace zicht::report::charts
