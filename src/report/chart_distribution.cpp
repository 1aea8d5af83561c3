// Distributions: histogram and box plot.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene histogram(const HistogramSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = spec.counts.size();
  if (n == 0) return b.scene;
  const double cmax = *std::max_element(spec.counts.begin(), spec.counts.end());
  const ValueAxis ay = value_axis(0, std::isfinite(spec.axis_max) ? spec.axis_max : cmax);
  std::vector<std::string> ytext;
  for (double t : ay.ticks) ytext.push_back(tick_label(t, ay.step, s.lang));
  const float pad = s.font * 0.5f;
  // Legend: the reference marks only (a histogram has one series, named by its axis).
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  auto ref_colour = [&](const ReferenceMark& r) {
    return r.style == MarkStyle::band ? with_alpha(s.band, 255) : r.style == MarkStyle::line ? s.muted : s.reference;
  };
  // Bands first (a filled swatch), then lines and markers (a tick swatch).
  int ticks = 0;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& r : spec.references)
      if ((r.style == MarkStyle::band) == (pass == 0) &&
          std::find(names.begin(), names.end(), r.label) == names.end()) {
        names.push_back(r.label);
        colours.push_back(ref_colour(r));
        ticks += pass;
      }
  const float top = names.empty() ? pad * 2 : 6 + legend(b, names, colours, 8, 4, width - 16, s, ticks, true) + pad;
  Box p{max_text_width(ytext, s.font) + pad * 2 + (spec.count_label.empty() ? 0 : s.font * 1.4f), top,
        width - pad * 3, height - s.font * 2.0f - (spec.value_label.empty() ? 0 : s.font * 1.4f)};
  const double xlo = spec.lower.front(), xhi = spec.upper.back();
  auto X = [&](double v) { return p.l + static_cast<float>((v - xlo) / (xhi - xlo)) * p.w(); };
  auto Y = [&](double v) { return p.b - static_cast<float>((v - ay.lo) / (ay.hi - ay.lo)) * p.h(); };
  for (size_t i = 0; i < ay.ticks.size(); ++i) {
    b.line(p.l, Y(ay.ticks[i]), p.r, Y(ay.ticks[i]), s.grid);
    b.text(p.l - pad, Y(ay.ticks[i]), ytext[i], s.muted, Anchor::end);
  }
  // Bands behind the bars (a norm such as the meeting guideline 6–12).
  for (const auto& r : spec.references) {
    if (r.style != MarkStyle::band || r.values.empty() || r.highs.empty() || !std::isfinite(r.values[0])) continue;
    const double a = r.values[0] - (spec.integer_bins ? 0.5 : 0), z = r.highs[0] + (spec.integer_bins ? 0.5 : 0);
    b.rect(X(std::max(a, xlo)), p.t, X(std::min(z, xhi)), p.b, s.band);
    b.hit(X(std::max(a, xlo)), p.t, X(std::min(z, xhi)), p.t + s.font, r.label);
  }
  const Rgba bar = spec.has_colour ? spec.colour : s.series[0];
  for (size_t i = 0; i < n; ++i) {
    const float x0 = X(spec.lower[i]) + 0.5f, x1 = X(spec.upper[i]) - 0.5f;
    b.rect(x0, Y(spec.counts[i]), x1, Y(0), bar);
    b.hit(x0, Y(spec.counts[i]), x1, Y(0),
          (spec.integer_bins ? format_number((spec.lower[i] + spec.upper[i]) / 2, 0, s.lang)
                             : "[" + format_number(spec.lower[i], -1, s.lang) + "; " +
                                   format_number(spec.upper[i], -1, s.lang) + ")") +
              ": " + format_number(spec.counts[i], 0, s.lang));
  }
  // Lines and markers on the x axis (the median; the published median).
  for (const auto& r : spec.references) {
    if (r.style == MarkStyle::band || r.values.empty() || !std::isfinite(r.values[0])) continue;
    const float x = X(r.values[0]);
    if (r.style == MarkStyle::line) {
      b.line(x, p.t, x, p.b, s.muted, 2);
    } else {
      b.line(x, p.b - 6, x, p.t + s.font * 0.2f, s.reference, 3);
      b.poly({x - 5, p.t, x + 5, p.t, x, p.t + 7}, s.reference, true);
    }
    b.hit(x - 3, p.t, x + 3, p.b, r.label + ": " + format_number(r.values[0], -1, s.lang));
  }
  // x ticks: whole numbers under integer bins; otherwise round values within the range. Labels that would
  // touch are skipped.
  std::vector<double> xt = nice_ticks(xlo, xhi, std::max(2, static_cast<int>(p.w() / (s.font * 6))));
  if (spec.integer_bins) {
    xt.clear();
    const double step = std::max(1.0, std::ceil((xhi - xlo) / std::max(2.0f, p.w() / (s.font * 2.4f))));
    for (double v = std::ceil(xlo); v <= xhi; v += step) xt.push_back(v);
  }
  const double xstep = xt.size() > 1 ? xt[1] - xt[0] : 1;
  float last_right = -1e9f;
  for (double t : xt) {
    if (t < xlo - 1e-9 || t > xhi + 1e-9) continue;
    const std::string lab = tick_label(t, xstep, s.lang);
    const float x = X(t), w = text_width(lab, s.font);
    b.line(x, p.b, x, p.b + 4, s.axis);
    if (x - w / 2 > last_right + 6) {
      b.text(x, p.b + s.font * 0.9f, lab, s.muted, Anchor::middle);
      last_right = x + w / 2;
    }
  }
  if (!spec.value_label.empty())
    axis_title(b, spec.value_label, p.l + p.w() / 2, height - s.font * 0.8f, width, s);
  if (!spec.count_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, fit(spec.count_label, p.h(), s.font), s.muted, Anchor::middle, 0, false, -90);
  b.line(p.l, p.b, p.r, p.b, s.axis);
  b.scene.description = std::to_string(n) + " bins";
  return b.scene;
}

Scene box_plot(const BoxSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = spec.groups.size();
  if (n == 0) return b.scene;
  double lo = spec.min[0], hi = spec.max[0];
  for (size_t i = 0; i < n; ++i) {
    lo = std::min(lo, spec.min[i]);
    hi = std::max(hi, spec.max[i]);
  }
  if (std::isfinite(spec.axis_min)) lo = spec.axis_min;
  if (std::isfinite(spec.axis_max)) hi = spec.axis_max;
  const ValueAxis ay = value_axis(std::min(0.0, lo), hi);
  std::vector<std::string> ytext;
  for (double t : ay.ticks) ytext.push_back(tick_label(t, ay.step, s.lang));
  const float pad = s.font * 0.5f;
  Box p{max_text_width(ytext, s.font) + pad * 2 + (spec.value_label.empty() ? 0 : s.font * 1.4f), pad * 2,
        width - pad * 2, height - s.font * 2.0f};
  auto Y = [&](double v) { return p.b - static_cast<float>((v - ay.lo) / (ay.hi - ay.lo)) * p.h(); };
  for (size_t i = 0; i < ay.ticks.size(); ++i) {
    b.line(p.l, Y(ay.ticks[i]), p.r, Y(ay.ticks[i]), s.grid);
    b.text(p.l - pad, Y(ay.ticks[i]), ytext[i], s.muted, Anchor::end);
  }
  const float band = p.w() / static_cast<float>(n);
  for (size_t i = 0; i < n; ++i) {
    const float cx = p.l + band * (static_cast<float>(i) + 0.5f), hw = std::min(band * 0.3f, 40.0f);
    const Rgba c = i < spec.colours.size() ? spec.colours[i] : s.series[i % 8];
    b.line(cx, Y(spec.min[i]), cx, Y(spec.q1[i]), s.axis, 1.5f);
    b.line(cx, Y(spec.q3[i]), cx, Y(spec.max[i]), s.axis, 1.5f);
    b.line(cx - hw / 2, Y(spec.min[i]), cx + hw / 2, Y(spec.min[i]), s.axis, 1.5f);
    b.line(cx - hw / 2, Y(spec.max[i]), cx + hw / 2, Y(spec.max[i]), s.axis, 1.5f);
    b.rect(cx - hw, Y(spec.q3[i]), cx + hw, Y(spec.q1[i]), with_alpha(c, 90));
    b.rect(cx - hw, Y(spec.q3[i]), cx + hw, Y(spec.q1[i]), c, false, 1.5f);
    b.line(cx - hw, Y(spec.median[i]), cx + hw, Y(spec.median[i]), c, 3);
    b.text(cx, p.b + s.font * 0.9f, fit(spec.groups[i], band - 4, s.font), s.text, Anchor::middle);
    auto f = [&](const char* key, double v) { return i18n::tr(key, s.lang) + " " + format_number(v, -1, s.lang); };
    b.hit(cx - hw, Y(spec.max[i]), cx + hw, Y(spec.min[i]),
          spec.groups[i] + ": " + f("stat.min", spec.min[i]) + ", " + f("stat.q1", spec.q1[i]) + ", " +
              f("stat.median", spec.median[i]) + ", " + f("stat.q3", spec.q3[i]) + ", " + f("stat.max", spec.max[i]));
  }
  if (!spec.value_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, spec.value_label, s.muted, Anchor::middle, 0, false, -90);
  b.line(p.l, p.b, p.r, p.b, s.axis);
  b.scene.description = std::to_string(n) + " groups";
  return b.scene;
}

}  // namespace zicht::report::charts
