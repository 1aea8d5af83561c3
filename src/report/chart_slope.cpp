// Slope graph between two time points.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene slope_chart(const SlopeSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = std::min({spec.names.size(), spec.from.size(), spec.to.size()});
  if (n == 0) return b.scene;
  double lo = kNaN, hi = kNaN;
  for (size_t i = 0; i < n; ++i)
    for (double v : {spec.from[i], spec.to[i]})
      if (std::isfinite(v)) {
        lo = std::isfinite(lo) ? std::min(lo, v) : v;
        hi = std::isfinite(hi) ? std::max(hi, v) : v;
      }
  if (!std::isfinite(lo)) return b.scene;
  if (!(hi > lo)) hi = lo + 1;
  std::vector<std::string> ll(n), rl(n);
  for (size_t i = 0; i < n; ++i) {
    ll[i] = spec.names[i] + "  " + value_text(spec.from[i], spec.decimals, s.lang, spec.unit_suffix);
    rl[i] = value_text(spec.to[i], spec.decimals, s.lang, spec.unit_suffix);
    // The change in words: rising and falling lines differ without colour ("+0,4", "−0,3", "±0,0").
    if (spec.show_change && std::isfinite(spec.from[i]) && std::isfinite(spec.to[i])) {
      const double d = spec.to[i] - spec.from[i];
      const std::string mag = format_number(std::abs(d), spec.decimals, s.lang);
      const bool zero = format_number(0, spec.decimals, s.lang) == mag;
      rl[i] += " (" + std::string(zero ? "±" : d > 0 ? "+" : "−") + mag + ")";
    }
    rl[i] += "  " + spec.names[i];
  }
  const float pad = s.font * 0.5f;
  const float lw = std::min(max_text_width(ll, s.font), width * 0.33f);
  const float rw = std::min(max_text_width(rl, s.font), width * 0.33f);
  const float xl = lw + pad * 4, xr = width - rw - pad * 4;
  const float legend_h = spec.legend_names.empty()
                             ? 0
                             : 6 + legend(b, spec.legend_names, spec.legend_colours, 8, 4, width - 16, s, 0, true);
  const float head = legend_h + s.font * 1.8f;
  b.text(xl, legend_h + (head - legend_h) / 2, spec.from_label, s.muted, Anchor::middle, 0, true);
  b.text(xr, legend_h + (head - legend_h) / 2, spec.to_label, s.muted, Anchor::middle, 0, true);
  const float top = head + s.font, bottom = height - s.font;
  auto Y = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
  b.line(xl, head, xl, height - pad, s.axis);
  b.line(xr, head, xr, height - pad, s.axis);
  std::vector<float> wl, wr;
  for (size_t i = 0; i < n; ++i) {
    wl.push_back(Y(std::isfinite(spec.from[i]) ? spec.from[i] : lo));
    wr.push_back(Y(std::isfinite(spec.to[i]) ? spec.to[i] : lo));
  }
  const float gap = s.font * 1.25f;
  const auto al = spread_labels(wl, gap, head + s.font * 0.6f, height - s.font * 0.6f);
  const auto ar = spread_labels(wr, gap, head + s.font * 0.6f, height - s.font * 0.6f);
  const float r = s.presentation ? 5.5f : 4;
  for (size_t i = 0; i < n; ++i) {
    const double a = spec.from[i], c = spec.to[i];
    const Rgba col = spec.colours.size() == n ? spec.colours[i]
                     : !(std::isfinite(a) && std::isfinite(c)) || std::abs(c - a) < 1e-9 ? s.muted
                     : c > a                                                           ? s.series[0]
                                                                                       : s.series[1];
    if (std::isfinite(a) && std::isfinite(c)) b.line(xl, wl[i], xr, wr[i], col, s.presentation ? 3.5f : 2.2f);
    if (std::isfinite(a)) b.circle(xl, wl[i], r, col);
    if (std::isfinite(c)) b.circle(xr, wr[i], r, col);
    // A leader when the label had to move away from its point.
    if (std::abs(al[i] - wl[i]) > 2) b.line(xl - r - 2, wl[i], xl - pad * 2, al[i], s.grid, 1);
    if (std::abs(ar[i] - wr[i]) > 2) b.line(xr + r + 2, wr[i], xr + pad * 2, ar[i], s.grid, 1);
    b.text(xl - pad * 2 - 2, al[i], fit(ll[i], lw, s.font), s.text, Anchor::end);
    b.text(xr + pad * 2 + 2, ar[i], fit(rl[i], rw, s.font), s.text, Anchor::start);
    if (spec.tips.size() == n) {
      b.hit(xl - 6, wl[i] - 6, xl + 6, wl[i] + 6, spec.tips[i]);
      b.hit(xr - 6, wr[i] - 6, xr + 6, wr[i] + 6, spec.tips[i]);
      continue;
    }
    b.hit(xl - 6, wl[i] - 6, xl + 6, wl[i] + 6, spec.names[i] + " · " + spec.from_label + ": " +
                                                 value_text(a, spec.decimals, s.lang, spec.unit_suffix));
    b.hit(xr - 6, wr[i] - 6, xr + 6, wr[i] + 6, spec.names[i] + " · " + spec.to_label + ": " +
                                                 value_text(c, spec.decimals, s.lang, spec.unit_suffix));
  }
  b.scene.description = std::to_string(n) + " slopes, " + spec.from_label + "–" + spec.to_label;
  return b.scene;
}

}  // namespace zicht::report::charts
