#pragma once
// A chart Scene as standalone, well-formed SVG: the same primitives the screen draws, tooltips as <title>.
// Accessible (spec/charts.md §2 rule 9): <svg role="img"> named by its <title> (the scene's title, else its
// description) and described by its <desc> (the description; none when empty). The two elements carry the ids
// `<id>-title` and `<id>-desc`: a document holding several charts gives each its own id (the HTML report uses the
// result id). Deterministic: the same scene, style and id give the same bytes.
#include <string>
#include <string_view>

#include "report/chart.h"

namespace zicht::report::charts {

std::string to_svg(const Scene& scene, const Style& style, std::string_view id = "chart");

}  // namespace zicht::report::charts
