// Funnel (attrition): centred horizontal bars, one per stage, widths on one count scale.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

float row_height(const Style& s) { return s.font * 4.8f; }
float head_height(const FunnelSpec& spec, const Style& s) { return spec.value_label.empty() ? 0 : s.font * 1.8f; }

}  // namespace

float funnel_height(const FunnelSpec& spec, const Style& s) {
  return head_height(spec, s) + static_cast<float>(spec.stages.size()) * row_height(s) + s.font;
}

Scene funnel_chart(const FunnelSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = std::min(spec.stages.size(), spec.counts.size());
  if (n == 0) return b.scene;
  double top_count = 0;
  for (size_t i = 0; i < n; ++i)
    if (std::isfinite(spec.counts[i])) top_count = std::max(top_count, spec.counts[i]);
  const double scale = std::isfinite(spec.axis_max) && spec.axis_max > 0 ? std::max(spec.axis_max, top_count)
                                                                        : std::max(top_count, 1.0);
  const float pad = s.font * 0.5f;
  const float head = head_height(spec, s);
  if (head > 0) b.text(pad, head / 2, fit(spec.value_label, width - pad * 2, s.font * 0.92f), s.muted, Anchor::start, s.font * 0.92f);
  // Stage names at the left of their bars when they fit a third of the width, else on a line above each bar
  // (narrow panels of small multiples), so a name is never cut to a stub.
  const float names_w = max_text_width(spec.stages, s.font);
  const bool side = names_w <= width * 0.3f;
  const float label_w = side ? names_w : 0;
  const float l = side ? label_w + pad * 3 : pad, r = width - pad;
  const float pw = std::max(1.0f, r - l), cx = (l + r) / 2;
  const float name_h = side ? 0 : s.font * 1.2f;
  const float rh = std::max(s.font * (side ? 2.4f : 3.6f), (height - head - pad) / static_cast<float>(n));
  const float bar_h = std::clamp(rh - s.font * 1.8f - name_h, s.font * 0.6f, s.font * 2.2f);
  const Rgba colour = spec.has_colour ? spec.colour : s.series[0];
  const float lsize = s.font * 0.9f;
  for (size_t i = 0; i < n; ++i) {
    const double c = spec.counts[i];
    const float y0 = head + static_cast<float>(i) * rh + pad * 0.5f + name_h, y1 = y0 + bar_h;
    const float w = std::isfinite(c) && c > 0 ? std::max(1.0f, static_cast<float>(c / scale) * pw) : 0;
    if (w > 0) b.rect(cx - w / 2, y0, cx + w / 2, y1, colour);
    else b.line(cx, y0, cx, y1, s.axis, 1.5f);  // zero: a hairline where the bar would be
    if (side) b.text(l - pad * 2, (y0 + y1) / 2, spec.stages[i], s.text, Anchor::end);
    else b.text(cx, y0 - name_h / 2, fit(spec.stages[i], width - pad * 2, s.font), s.text, Anchor::middle);
    const std::string lab = i < spec.labels.size() && !spec.labels[i].empty() ? spec.labels[i] : value_text(c, -1, s.lang);
    // A narrow panel keeps the first share ("142 — 60 % van vorige") rather than cutting the second in half; the
    // tooltip has both.
    std::string shown = lab;
    if (text_width(shown, lsize) > pw)
      if (const size_t comma = shown.rfind(", "); comma != std::string::npos) shown = shown.substr(0, comma);
    b.text(cx, y1 + s.font * 0.8f, fit(shown, pw, lsize), s.text, Anchor::middle, lsize);
    const std::string tip = i < spec.tips.size() && !spec.tips[i].empty() ? spec.tips[i]
                                                                            : spec.stages[i] + ": " + value_text(c, -1, s.lang);
    b.hit(0, y0 - name_h, width, y1 + s.font * 1.4f, tip);
  }
  b.scene.description = std::to_string(n) + " stages";
  return b.scene;
}

}  // namespace zicht::report::charts
