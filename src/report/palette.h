#pragma once
// One colour per meaning, everywhere (spec/charts.md §2.1): the semantic keys views name (status, role, answer,
// phase, …) mapped to Okabe–Ito colours, adjusted per theme so each keeps its contrast on the background.
#include <string_view>

#include "report/chart.h"

namespace zicht::report::charts {

// The colour of a semantic key in this style ("status.lopend", "role.consulent", "phase.pre", …); false for an
// unknown key (the caller then takes the categorical palette).
bool semantic_colour(std::string_view key, const Style& style, Rgba& out);

// How a key's areas are filled: the matrix's technical states are patterns (class.NFD hatched, class.UNC hatched
// and outlined, class.EMPTY an outline); every other key is solid.
Fill semantic_fill(std::string_view key);

// "#RRGGBB" (a user-set colour, e.g. a legend's colour_hex) as a colour; false for anything else.
bool hex_colour(std::string_view text, Rgba& out);

// A colour named in a view's colour_keys: an explicit "#RRGGBB" (the user's, used as given in every theme) or a
// semantic key.
bool named_colour(std::string_view name, const Style& style, Rgba& out);

// Contrast ratio of two colours (WCAG 2.x relative luminance).
double contrast_ratio(Rgba a, Rgba b);

}  // namespace zicht::report::charts
