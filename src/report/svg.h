#pragma once
// A chart Scene as standalone, well-formed SVG: the same primitives the screen draws, tooltips as <title>.
#include <string>

#include "report/chart.h"

namespace zicht::report::charts {

std::string to_svg(const Scene& scene, const Style& style);

}  // namespace zicht::report::charts
