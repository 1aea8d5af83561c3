// Line charts (dense series reduced per pixel column).
#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene line_chart(const LineSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = spec.x.size();
  if (n == 0 || spec.series.empty()) return b.scene;
  double lo = 0, hi = 0;
  bool any = false;
  for (const auto& se : spec.series)
    for (double v : se.values)
      if (std::isfinite(v)) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
      }
  for (const auto& r : spec.references)
    for (double v : r.values)
      if (std::isfinite(v)) hi = std::max(hi, v);
  lo = std::min(lo, 0.0);
  if (std::isfinite(spec.axis_min)) lo = spec.axis_min;
  if (std::isfinite(spec.axis_max)) hi = spec.axis_max;
  const ValueAxis ay = value_axis(lo, hi);
  std::vector<std::string> ytext;
  for (double t : ay.ticks) ytext.push_back(tick_label(t, ay.step, s.lang));
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  for (size_t k = 0; k < spec.series.size(); ++k) {
    names.push_back(spec.series[k].name);
    colours.push_back(s.series[k % 8]);
  }
  for (const auto& r : spec.references) {
    names.push_back(r.label);
    colours.push_back(s.reference);
  }
  const float pad = s.font * 0.5f;
  const float top =
      6 + (spec.show_legend ? legend(b, names, colours, 8, 4, width - 16, s, !spec.references.empty()) : 0);
  Box p{max_text_width(ytext, s.font) + pad * 2 + (spec.y_label.empty() ? 0 : s.font * 1.4f), top + pad,
        width - pad * 4, height - s.font * 2.0f - (spec.x_label.empty() ? 0 : s.font * 1.4f)};
  const double xlo = spec.x.front(), xhi = spec.x.back() > xlo ? spec.x.back() : xlo + 1;
  auto X = [&](double v) { return p.l + static_cast<float>((v - xlo) / (xhi - xlo)) * p.w(); };
  auto Y = [&](double v) { return p.b - static_cast<float>((v - ay.lo) / (ay.hi - ay.lo)) * p.h(); };
  for (size_t i = 0; i < ay.ticks.size(); ++i) {
    b.line(p.l, Y(ay.ticks[i]), p.r, Y(ay.ticks[i]), s.grid);
    b.text(p.l - pad, Y(ay.ticks[i]), ytext[i], s.muted, Anchor::end);
  }
  float last_right = -1e9f;
  // Numeric x with many points: round ticks; otherwise a label per point. Labels that would touch are skipped,
  // labels that would run past the chart's edges are not drawn.
  std::vector<std::pair<double, std::string>> xlabels;
  if (spec.x_labels.empty() && n > 12) {
    const auto xt = nice_ticks(xlo, xhi, std::max(2, static_cast<int>(p.w() / (s.font * 6))));
    const double xstep = xt.size() > 1 ? xt[1] - xt[0] : 1;
    for (double t : xt)
      if (t >= xlo - 1e-9 && t <= xhi + 1e-9) xlabels.emplace_back(t, tick_label(t, xstep, s.lang));
  } else {
    for (size_t i = 0; i < n; ++i)
      xlabels.emplace_back(spec.x[i], i < spec.x_labels.size() ? spec.x_labels[i] : format_number(spec.x[i], -1, s.lang));
  }
  for (const auto& [xv, lab] : xlabels) {
    const float x = X(xv), w = text_width(lab, s.font);
    if (x - w / 2 > last_right + 6 && x - w / 2 >= 0 && x + w / 2 <= width) {
      b.line(x, p.b, x, p.b + 4, s.axis);
      b.text(x, p.b + s.font * 0.9f, lab, s.muted, Anchor::middle);
      last_right = x + w / 2;
    }
  }
  // Dense data: markers only when points are at least 8 px apart; hits at most one per 6 px column.
  const bool dots = spec.markers && static_cast<float>(n) <= p.w() / 8;
  for (size_t k = 0; k < spec.series.size(); ++k) {
    const auto& se = spec.series[k];
    ColumnReducer line;
    float last_hit = -1e9f;
    for (size_t i = 0; i < n && i < se.values.size(); ++i) {
      if (!std::isfinite(se.values[i])) continue;
      const float x = X(spec.x[i]), y = Y(se.values[i]);
      line.add(x, y);
      if (dots) b.circle(x, y, s.presentation ? 5 : 3.5f, s.series[k % 8]);
      if (x - last_hit >= 6 || dots) {
        const std::string xl = i < spec.x_labels.size() ? spec.x_labels[i] : format_number(spec.x[i], -1, s.lang);
        b.hit(x - 6, y - 6, x + 6, y + 6, se.name + " · " + xl + ": " + format_number(se.values[i], -1, s.lang));
        last_hit = x;
      }
    }
    b.poly(line.finish(), s.series[k % 8], false, s.presentation ? 3.5f : 2.5f);
  }
  for (const auto& r : spec.references) {
    if (r.values.size() == 1) {
      b.line(p.l, Y(r.values[0]), p.r, Y(r.values[0]), s.reference, 2);
    } else {
      std::vector<float> pts;
      for (size_t i = 0; i < n && i < r.values.size(); ++i)
        if (std::isfinite(r.values[i])) {
          pts.push_back(X(spec.x[i]));
          pts.push_back(Y(r.values[i]));
        }
      b.poly(pts, s.reference, false, 2);
    }
  }
  if (!spec.x_label.empty()) b.text(p.l + p.w() / 2, height - s.font * 0.8f, spec.x_label, s.muted, Anchor::middle);
  if (!spec.y_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, spec.y_label, s.muted, Anchor::middle, 0, false, -90);
  b.line(p.l, p.b, p.r, p.b, s.axis);
  b.scene.description = std::to_string(spec.series.size()) + " series over " + std::to_string(n) + " points";
  return b.scene;
}

}  // namespace zicht::report::charts
