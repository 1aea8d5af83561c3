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
    // Matrix classes (issue 22). P, GP, NP one ordered scale: P the strongest bluish green, GP a lighter one on
    // white (a dimmer one on the dark background: always the weaker contrast), NP vermilion. GI neutral grey; GB
    // the source's "licht geel veld", on white taken to a legible ochre; AK reddish purple. UNC (purple, hatched
    // and outlined), NFD (grey, hatched) and EMPTY (an outline on the background) are drawn as patterns.
    {"class.P", c(0, 107, 80), c(40, 200, 150)},
    {"class.GP", c(0, 158, 115), c(0, 140, 100)},
    {"class.NP", c(213, 94, 0), c(233, 114, 20)},
    {"class.GI", c(118, 118, 118), c(150, 150, 150)},
    {"class.GB", c(160, 128, 0), c(240, 228, 66)},
    {"class.AK", c(190, 100, 150), c(224, 141, 187)},
    {"class.UNC", c(117, 62, 160), c(180, 140, 225)},
    {"class.NFD", c(128, 128, 128), c(135, 135, 135)},
    {"class.EMPTY", c(125, 125, 125), c(140, 140, 140)},
    // Answers that are frequency steps (the child survey's Ja / Soms / Nee, issue 20): one ordered set, not a
    // diverging scale with a grey middle. Ja the strongest blue, Soms a lighter blue on white (a dimmer one on the
    // dark background: always the weaker contrast), Nee vermilion.
    {"freq.ja", c(0, 94, 150), c(120, 196, 240)},
    {"freq.soms", c(60, 146, 200), c(0, 134, 198)},
    {"freq.nee", c(213, 94, 0), c(233, 114, 20)},
    // The impact profile's +, −, ?: positive blue, negative vermilion, unknown grey (the code in the cell and the
    // legend say which, so colour is never the only carrier).
    {"impact.plus", c(0, 114, 178), c(86, 180, 233)},
    {"impact.min", c(213, 94, 0), c(233, 114, 20)},
    {"impact.onbekend", c(118, 118, 118), c(150, 150, 150)},
    // The evolution classes (issue 23): a rise blue and a fall vermilion, as impact + and −; a U-shape reddish
    // purple (a dip that recovered: neither); no change bluish green; mixed ochre; start only and not asked grey
    // (nothing known about a change; the bar's label says which).
    {"evolution.stijging", c(0, 114, 178), c(86, 180, 233)},
    {"evolution.u_vorm", c(190, 100, 150), c(224, 141, 187)},
    {"evolution.enkel_start", c(120, 120, 120), c(170, 170, 170)},
    {"evolution.niet_bevraagd", c(120, 120, 120), c(170, 170, 170)},
    {"evolution.geen_evolutie", c(0, 158, 115), c(0, 178, 130)},
    {"evolution.daling", c(213, 94, 0), c(233, 114, 20)},
    {"evolution.gemengd", c(184, 125, 0), c(230, 159, 0)},
    // An action point's status (issue 21): open grey (nothing done yet), lopend ochre as a running trajectory,
    // gerealiseerd bluish green (done) — never the blue that means "afgesloten" elsewhere next to an unkeyed blue.
    {"action.open", c(118, 118, 118), c(150, 150, 150)},
    {"action.lopend", c(184, 125, 0), c(230, 159, 0)},
    {"action.gerealiseerd", c(0, 140, 100), c(0, 178, 130)},
    // A card vote or statement (issue 21): agree bluish green, disagree vermilion and hatched (the pattern carries
    // the meaning for colour-blind readers), "half" grey.
    {"vote.agree", c(0, 140, 100), c(0, 178, 130)},
    {"vote.disagree", c(213, 94, 0), c(233, 114, 20)},
    {"vote.half", c(118, 118, 118), c(150, 150, 150)},
    // The evolutie phases 1–6 (issue 23, a swimlane per youngster): one ordinal ramp along viridis' hues —
    // purple, blue, teal, green, yellow-green — so neighbouring phases differ in hue as well as lightness. On white
    // phase 1 is the darkest and phase 6 the lightest that keeps 3:1; on the dark background the lightness runs
    // the other way (phase 1 the dimmest at 3:1, phase 6 bright yellow), as the heat-map ramp does.
    {"phase.1", c(58, 10, 74), c(138, 108, 203)},
    {"phase.2", c(83, 48, 127), c(79, 134, 198)},
    {"phase.3", c(53, 86, 142), c(31, 160, 166)},
    {"phase.4", c(31, 122, 140), c(45, 186, 128)},
    {"phase.5", c(46, 143, 90), c(147, 210, 76)},
    {"phase.6", c(110, 148, 20), c(242, 229, 64)},
};

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

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

Fill semantic_fill(std::string_view key) {
  if (key == "class.NFD") return Fill::hatch;
  if (key == "class.UNC") return Fill::hatch_outline;
  if (key == "class.EMPTY") return Fill::outline;
  if (key == "vote.disagree") return Fill::hatch;
  return Fill::solid;
}

bool hex_colour(std::string_view text, Rgba& out) {
  if (text.size() != 7 || text[0] != '#') return false;
  int v[6];
  for (size_t i = 0; i < 6; ++i)
    if ((v[i] = hex_digit(text[i + 1])) < 0) return false;
  out = Rgba{static_cast<uint8_t>(v[0] * 16 + v[1]), static_cast<uint8_t>(v[2] * 16 + v[3]),
             static_cast<uint8_t>(v[4] * 16 + v[5]), 255};
  return true;
}

bool named_colour(std::string_view name, const Style& style, Rgba& out) {
  return hex_colour(name, out) || semantic_colour(name, style, out);
}

double contrast_ratio(Rgba a, Rgba b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace zicht::report::charts
