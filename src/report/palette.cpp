#include "report/palette.h"

#include <algorithm>
#include <cmath>

namespace zicht::report::charts {
namespace {

struct Entry {
  std::string_view key;
  Rgba light, dark;
};

constexpr Rgba c(uint8_t r, uint8_t g, uint8_t b) { return Rgba{r, g, b, 255}; }

// Okabe–Ito: blue #0072B2, orange #E69F00, bluish green #009E73, vermilion #D55E00, sky blue #56B4E9,
// reddish purple #CC79A7, yellow #F0E442, black. Every mark keeps 3:1 against its background (WCAG 1.4.11): on
// white the orange, sky blue and purple are taken a step darker, on the dark background the blues are lifted.
const Entry kEntries[] = {
    {"status.afgesloten", c(0, 114, 178), c(86, 180, 233)},
    {"status.lopend", c(184, 125, 0), c(230, 159, 0)},
    {"status.alle", c(0, 114, 178), c(86, 180, 233)},
    {"role.contextbegeleider", c(0, 158, 115), c(0, 178, 130)},
    {"role.consulent", c(190, 100, 150), c(224, 141, 187)},
    {"answer.ja", c(0, 114, 178), c(86, 180, 233)},
    {"answer.nee", c(213, 94, 0), c(233, 114, 20)},
    {"phase.pre", c(46, 139, 192), c(86, 180, 233)},
    {"phase.sofs", c(0, 114, 178), c(0, 134, 198)},
    {"phase.post", c(213, 94, 0), c(233, 114, 20)},
    {"duration.long", c(0, 114, 178), c(86, 180, 233)},
    {"duration.short", c(184, 125, 0), c(230, 159, 0)},
    {"group.others", c(120, 120, 120), c(170, 170, 170)},
    {"group.none", c(120, 120, 120), c(170, 170, 170)},
    {"quality.flag", c(213, 94, 0), c(233, 114, 20)},
};

double channel(uint8_t v) {
  const double s = v / 255.0;
  return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}
double luminance(Rgba x) { return 0.2126 * channel(x.r) + 0.7152 * channel(x.g) + 0.0722 * channel(x.b); }

}  // namespace

bool semantic_colour(std::string_view key, const Style& style, Rgba& out) {
  for (const Entry& e : kEntries)
    if (e.key == key) {
      out = style.dark ? e.dark : e.light;
      return true;
    }
  return false;
}

double contrast_ratio(Rgba a, Rgba b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace zicht::report::charts
