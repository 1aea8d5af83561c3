#pragma once
// One colour per meaning, everywhere (spec/charts.md §2.1): the semantic keys views name (status, role, answer,
// phase, …) mapped to Okabe–Ito colours, adjusted per theme so each keeps its contrast on the background.
#include <string_view>

#include "report/chart.h"

namespace zicht::report::charts {

// The colour of a semantic key in this style ("status.lopend", "role.consulent", "phase.pre", …); false for an
// unknown key (the caller then takes the categorical palette).
bool semantic_colour(std::string_view key, const Style& style, Rgba& out);

// Contrast ratio of two colours (WCAG 2.x relative luminance).
double contrast_ratio(Rgba a, Rgba b);

}  // namespace zicht::report::charts
