// Heat map on the sequential ramp, with a colour legend.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

// ColorBrewer RdBu (diverging, colour-blind safe) for t in [0, 1], 0.5 = zero: blue below, red above, the
// middle the background's neutral so "no difference" reads as no colour in both themes.
Rgba diverging_colour(double t, const Style& s) {
  static const Rgba lo[4] = {rgb(33, 102, 172), rgb(67, 147, 195), rgb(146, 197, 222), rgb(209, 229, 240)};
  static const Rgba hi[4] = {rgb(253, 219, 199), rgb(244, 165, 130), rgb(214, 96, 77), rgb(178, 24, 43)};
  const Rgba mid = s.dark ? rgb(58, 63, 71) : rgb(247, 247, 247);
  if (!std::isfinite(t)) t = 0.5;
  t = std::clamp(t, 0.0, 1.0);
  if (t < 0.5) {
    const double f = (0.5 - t) * 2 * 4;  // 0 at the middle … 4 at the low end
    const int i = std::min(3, static_cast<int>(f));
    const Rgba a = i == 0 ? mid : lo[4 - i], z = lo[3 - i];
    return mix(a, z, static_cast<float>(f - i));
  }
  const double f = (t - 0.5) * 2 * 4;
  const int i = std::min(3, static_cast<int>(f));
  const Rgba a = i == 0 ? mid : hi[i - 1], z = hi[i];
  return mix(a, z, static_cast<float>(f - i));
}

}  // namespace

Scene heatmap(const HeatmapSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t nr = spec.rows.size(), nc = spec.cols.size();
  if (nr == 0 || nc == 0 || spec.values.size() < nr * nc) return b.scene;
  double lo = kNaN, hi = kNaN;
  for (size_t i = 0; i < nr * nc; ++i) {
    const double v = spec.values[i];
    if (!std::isfinite(v)) continue;
    lo = std::isfinite(lo) ? std::min(lo, v) : v;
    hi = std::isfinite(hi) ? std::max(hi, v) : v;
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (spec.diverging) {  // symmetric around zero
    const double m = std::max(std::fabs(lo), std::fabs(hi));
    lo = -m;
    hi = m;
  }
  const auto ticks = nice_ticks(spec.diverging ? lo : std::min(lo, 0.0), hi, 4);
  const double rlo = ticks.front(), rhi = ticks.back() > rlo ? ticks.back() : rlo + 1;
  const double tstep = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  const float pad = s.font * 0.5f;
  const float label_w = std::min(max_text_width(spec.rows, s.font) * 1.06f, width * 0.3f);
  const float legend_h = s.font * 3.0f;
  const float left = label_w + pad * 2, right = width - pad * 2;
  const float cw = (right - left) / static_cast<float>(nc);
  const float col_h = category_labels_height(spec.cols, cw, height, s);
  Box p{left, pad, right, height - legend_h - col_h};
  const float ch = p.h() / static_cast<float>(nr);
  const float vsize = s.font * 0.9f;
  // Every n-th row label when rows are thinner than a line. Clamped before the cast: with a degenerate height
  // (ch ≤ 0 or tiny) the quotient is infinite or beyond 32 bits, and a 32-bit size_t (wasm) would become 0.
  const double label_ratio = ch > 0 ? std::ceil(s.font * 1.1 / ch) : 1e6;
  const size_t label_every = static_cast<size_t>(std::max(1.0, std::min(1e6, label_ratio)));
  for (size_t r = 0; r < nr; ++r) {
    const float y0 = p.t + ch * static_cast<float>(r);
    if (ch >= s.font * 1.1f || r % label_every == 0)
      b.text(p.l - pad, y0 + ch / 2, fit(spec.rows[r], label_w, s.font), s.text, Anchor::end);
    for (size_t c = 0; c < nc; ++c) {
      const double v = spec.values[r * nc + c];
      const float x0 = p.l + cw * static_cast<float>(c);
      const double t = (v - rlo) / (rhi - rlo);
      const Rgba fill = !std::isfinite(v) ? s.grid : spec.diverging ? diverging_colour(t, s) : ramp_colour(t, s);
      b.rect(x0 + 1, y0 + 1, x0 + cw - 1, y0 + ch - 1, fill);
      const std::string label = value_text(v, spec.decimals, s.lang, spec.unit_suffix);
      if (cw >= text_width(label, vsize) + 8 && ch >= vsize * 1.4f)
        b.text(x0 + cw / 2, y0 + ch / 2, label, std::isfinite(v) ? text_on(fill) : s.muted, Anchor::middle, vsize);
      b.hit(x0, y0, x0 + cw, y0 + ch, spec.rows[r] + " · " + spec.cols[c] + ": " + label);
    }
  }
  category_labels(b, spec.cols, p.l, cw, p.b, col_h, s);
  // Colour legend: title, then the ramp with round ticks under it.
  const float ly = p.b + col_h + s.font * 0.4f;
  float lx = p.l;
  if (!spec.value_label.empty()) {
    const std::string t = fit(spec.value_label, width * 0.3f, s.font);
    b.text(lx, ly + 5, t, s.muted);
    lx += text_width(t, s.font) + s.font;
  }
  const float lw = std::min(280.0f, right - lx - s.font);
  const int steps = 32;
  for (int i = 0; i < steps; ++i) {
    const float x0 = lx + lw * static_cast<float>(i) / steps, x1 = lx + lw * static_cast<float>(i + 1) / steps;
    const double t = (i + 0.5) / steps;
    b.rect(x0, ly, x1 + 0.5f, ly + 10, spec.diverging ? diverging_colour(t, s) : ramp_colour(t, s));
  }
  for (double t : ticks) {
    const float x = lx + static_cast<float>((t - rlo) / (rhi - rlo)) * lw;
    b.line(x, ly + 10, x, ly + 13, s.axis);
    b.text(x, ly + 13 + s.font * 0.6f, tick_label(t, tstep, s.lang, spec.unit_suffix), s.muted, Anchor::middle);
  }
  b.scene.description = std::to_string(nr) + " × " + std::to_string(nc) + " heat map";
  return b.scene;
}

}  // namespace zicht::report::charts
