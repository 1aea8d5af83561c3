// Dot-and-range chart: horizontal rows, one dot per series, an optional min–max line behind it (Fig. 12's means
// with their spread; an organisation against the pooled others). Reference marks are short dark ticks.
#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene dot_chart(const DotSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t nc = spec.categories.size(), ns = spec.series.size();
  if (nc == 0 || ns == 0) return b.scene;
  double lo = 0, hi = 0;
  auto take = [&](double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  };
  for (const auto& se : spec.series) {
    for (double v : se.values) take(v);
    for (double v : se.low) take(v);
    for (double v : se.high) take(v);
  }
  for (const auto& r : spec.references)
    for (double v : r.values) take(v);
  if (std::isfinite(spec.axis_min)) lo = spec.axis_min;
  if (std::isfinite(spec.axis_max)) hi = spec.axis_max;
  const ValueAxis ax = value_axis(lo, hi);
  std::vector<std::string> tick_text;
  for (double t : ax.ticks) tick_text.push_back(tick_label(t, ax.step, s.lang, spec.unit_suffix));

  // Legend: the series (when more than one), the range, the reference marks.
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  const bool ranges = !spec.series.front().low.empty();
  // One series gets a legend entry only when the range beside it needs telling apart, or when asked to.
  if (ns > 1 || ranges || spec.name_series)
    for (size_t k = 0; k < ns; ++k) {
      names.push_back(spec.series[k].name);
      colours.push_back(series_colour(spec.series[k], k, s));
    }
  if (ranges && !spec.range_label.empty()) {
    names.push_back(spec.range_label);
    colours.push_back(s.axis);
  }
  std::vector<std::string> ref_names;
  for (const auto& r : spec.references)
    if (std::find(ref_names.begin(), ref_names.end(), r.label) == ref_names.end()) {
      ref_names.push_back(r.label);
      names.push_back(r.label);
      colours.push_back(r.style == MarkStyle::line ? s.muted : s.reference);  // norms quieter than published figures
    }
  const float pad = s.font * 0.5f;
  const float top = 6 + (spec.show_legend && !names.empty()
                             ? legend(b, names, colours, 8, 4, width - 16, s, static_cast<int>(ref_names.size()), spec.name_series)
                             : 0);
  const float label_w = std::min(max_text_width(spec.categories, s.font) * 1.06f, width * 0.38f);  // the metric runs a little short
  Box p{label_w + pad * 2, top + pad, width - pad * 2 - text_width(tick_text.back(), s.font) / 2,
        height - s.font * 2.2f - (spec.value_label.empty() ? 0 : s.font * 1.4f)};
  auto X = [&](double v) { return p.l + static_cast<float>((v - ax.lo) / (ax.hi - ax.lo)) * p.w(); };
  for (size_t i = 0; i < ax.ticks.size(); ++i) {
    const float x = X(ax.ticks[i]);
    b.line(x, p.t, x, p.b, ax.ticks[i] == 0 ? s.axis : s.grid);
    b.text(x, p.b + s.font * 0.9f, tick_text[i], s.muted, Anchor::middle);
  }
  if (!spec.value_label.empty())
    axis_title(b, spec.value_label, p.l + p.w() / 2, height - s.font * 0.8f, width, s);
  const float band = p.h() / static_cast<float>(nc);
  const float r = s.presentation ? 6.5f : 5.0f;
  for (size_t c = 0; c < nc; ++c) {
    const float cy = p.t + band * (static_cast<float>(c) + 0.5f);
    if (c % 2 == 1) b.rect(p.l, cy - band / 2, p.r, cy + band / 2, with_alpha(s.grid, 90));
    b.text(p.l - pad, cy, fit(spec.categories[c], label_w, s.font), s.text, Anchor::end);
    for (size_t k = 0; k < ns; ++k) {
      const Series& se = spec.series[k];
      const Rgba col = series_colour(se, k, s);
      // Several series side by side within the row, so dots never hide each other.
      const float y = ns > 1 ? cy - band * 0.3f + band * 0.6f * static_cast<float>(k) / static_cast<float>(ns - 1) : cy;
      const double lo_v = c < se.low.size() ? se.low[c] : kNaN, hi_v = c < se.high.size() ? se.high[c] : kNaN;
      if (std::isfinite(lo_v) && std::isfinite(hi_v)) {
        b.line(X(lo_v), y, X(hi_v), y, s.axis, s.presentation ? 3 : 2);
        b.line(X(lo_v), y - 4, X(lo_v), y + 4, s.axis, 1.5f);
        b.line(X(hi_v), y - 4, X(hi_v), y + 4, s.axis, 1.5f);
      }
      const double v = c < se.values.size() ? se.values[c] : kNaN;
      if (!std::isfinite(v)) continue;
      b.circle(X(v), y, r, col);
      const size_t ti = c * ns + k;
      b.hit(X(v) - r - 2, y - r - 2, X(v) + r + 2, y + r + 2,
            ti < spec.tips.size() ? spec.tips[ti] : spec.categories[c] + ": " + value_text(v, 1, s.lang, spec.unit_suffix));
    }
    for (const auto& ref : spec.references) {
      const double v = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
      if (!std::isfinite(v) || ref.style == MarkStyle::line) continue;
      const float x = X(v);
      b.line(x, cy - band * 0.42f, x, cy + band * 0.42f, s.reference, 3);
      b.hit(x - 3, cy - band * 0.42f, x + 3, cy + band * 0.42f, ref.label + ": " + value_text(v, 1, s.lang, spec.unit_suffix));
    }
  }
  // Lines across the whole chart (a norm: "richtlijn 8 maanden").
  for (const auto& ref : spec.references) {
    if (ref.style != MarkStyle::line || ref.values.size() != 1 || !std::isfinite(ref.values[0])) continue;
    const float x = X(ref.values[0]);
    b.line(x, p.t, x, p.b, s.muted, 2);
    b.hit(x - 3, p.t, x + 3, p.b, ref.label);
  }
  b.line(p.l, p.t, p.l, p.b, s.axis);
  b.scene.description = std::to_string(nc) + " categories, " + std::to_string(ns) + " series";
  return b.scene;
}

}  // namespace zicht::report::charts
