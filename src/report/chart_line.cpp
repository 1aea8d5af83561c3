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
  auto take = [&](const std::vector<double>& vs) {
    for (double v : vs)
      if (std::isfinite(v)) {
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
      }
  };
  for (const auto& se : spec.series) take(se.values);
  for (const auto& band : spec.band_lower) take(band);
  for (const auto& band : spec.band_upper) take(band);
  for (const auto& r : spec.references)
    for (double v : r.values)
      if (std::isfinite(v)) hi = std::max(hi, v);
  lo = std::min(lo, 0.0);
  if (std::isfinite(spec.axis_min)) lo = spec.axis_min;
  if (std::isfinite(spec.axis_max)) hi = spec.axis_max;
  const ValueAxis ay = value_axis(lo, hi, spec.unit_suffix.empty() && spec.band_lower.empty() && whole_values(spec.series) &&
                                              !std::isfinite(spec.axis_max));
  std::vector<std::string> ytext;
  for (double t : ay.ticks) ytext.push_back(tick_label(t, ay.step, s.lang, spec.unit_suffix));
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  const int refs =
      legend_entries(spec.series, !spec.direct_labels && spec.series.size() > 1, spec.references, s, names, colours);
  const float pad = s.font * 0.5f;
  const float top =
      6 + (spec.show_legend ? legend(b, names, colours, 8, 4, width - 16, s, refs) : 0);
  // Direct labels at the line ends take a column on the right (at most 40 % of the width).
  std::vector<std::string> end_names;
  for (const auto& se : spec.series) end_names.push_back(se.name);
  const float label_col = spec.direct_labels ? std::min(max_text_width(end_names, s.font) + pad * 2, width * 0.4f) : 0;
  // The value axis is titled above the plot, level: a rotated title would be cut short by the plot's height.
  const float title_h = spec.y_label.empty() ? 0 : s.font * 1.5f;
  Box p{max_text_width(ytext, s.font) + pad * 2, top + pad + title_h,
        width - pad * 4 - label_col, height - s.font * 2.0f - (spec.x_label.empty() ? 0 : s.font * 1.4f)};
  if (!spec.y_label.empty()) b.text(pad, top + pad + s.font * 0.5f, fit(spec.y_label, width - pad * 2, s.font), s.muted);
  // Categorical x (years, moments): half a step of room at both ends, so the first and last labels fit.
  const bool categorical = !spec.x_labels.empty();
  const double xlo = spec.x.front() - (categorical ? 0.5 : 0),
               xhi = (spec.x.back() > spec.x.front() ? spec.x.back() : spec.x.front() + 1) + (categorical ? 0.5 : 0);
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
  // Categories (moments in a small panel) are all named when they fit at a slightly smaller size: a skipped
  // moment would leave a point without a name.
  float label_size = s.font;
  if (categorical && xlabels.size() > 1) {
    const float step = std::fabs(X(xlabels[1].first) - X(xlabels[0].first));
    float widest = 0;
    for (const auto& xl : xlabels) widest = std::max(widest, text_width(xl.second, s.font));
    if (widest + 6 > step) label_size = std::max(s.font * 0.8f, s.font * (step - 4) / widest);
  }
  for (const auto& [xv, lab] : xlabels) {
    const float x = X(xv), w = text_width(lab, label_size);
    if (x - w / 2 > last_right + 3 && x - w / 2 >= 0 && x + w / 2 <= width) {
      b.line(x, p.b, x, p.b + 4, s.axis);
      b.text(x, p.b + s.font * 0.9f, lab, s.muted, Anchor::middle, label_size == s.font ? 0 : label_size);
      last_right = x + w / 2;
    }
  }
  // Bands (a median's Q1–Q3) behind every line: one translucent area per run of x with both ends, upper edge
  // forward and lower edge back (the screen fills it as strips between paired points); a lone x a short bar.
  for (size_t k = 0; k < spec.series.size() && k < spec.band_lower.size() && k < spec.band_upper.size(); ++k) {
    const auto& bl = spec.band_lower[k];
    const auto& bu = spec.band_upper[k];
    const Rgba fill = with_alpha(series_colour(spec.series[k], k, s), s.dark ? 75 : 60);
    std::vector<float> up, down;
    auto close_run = [&] {
      if (up.size() == 2) {
        const float half = s.presentation ? 5 : 4;
        b.rect(up[0] - half, up[1], up[0] + half, down[1], fill);
      } else if (up.size() > 2) {
        for (size_t j = down.size(); j >= 2; j -= 2) up.insert(up.end(), {down[j - 2], down[j - 1]});
        b.poly(std::move(up), fill, true, 0);
      }
      up.clear();
      down.clear();
    };
    for (size_t i = 0; i < n && i < bl.size() && i < bu.size(); ++i) {
      if (!std::isfinite(bl[i]) || !std::isfinite(bu[i])) {
        close_run();
        continue;
      }
      const float x = X(spec.x[i]);
      up.insert(up.end(), {x, Y(std::max(bl[i], bu[i]))});
      down.insert(down.end(), {x, Y(std::min(bl[i], bu[i]))});
    }
    close_run();
  }
  // Dense data: markers only when points are at least 8 px apart; hits at most one per 6 px column. A missing
  // value breaks the line; a point with no neighbour is a dot even when the markers are off.
  const bool dots = spec.markers && static_cast<float>(n) <= p.w() / 8;
  const float dot_r = s.presentation ? 5 : 3.5f, line_w = s.presentation ? 3.5f : 2.5f;
  for (size_t k = 0; k < spec.series.size(); ++k) {
    const auto& se = spec.series[k];
    const Rgba colour = series_colour(se, k, s);
    ColumnReducer line;
    size_t run = 0;
    float run_x = 0, run_y = 0;
    auto close_run = [&] {
      std::vector<float> pts = line.finish();
      line = ColumnReducer();
      if (run == 1 && !dots) b.circle(run_x, run_y, dot_r, colour);
      if (pts.size() >= 4) b.poly(std::move(pts), colour, false, line_w);
      run = 0;
    };
    float last_hit = -1e9f;
    for (size_t i = 0; i < n && i < se.values.size(); ++i) {
      if (!std::isfinite(se.values[i])) {
        close_run();
        continue;
      }
      const float x = X(spec.x[i]), y = Y(se.values[i]);
      line.add(x, y);
      ++run;
      run_x = x;
      run_y = y;
      if (dots) b.circle(x, y, dot_r, colour);
      if (x - last_hit >= 6 || dots) {
        const size_t ti = i * spec.series.size() + k;
        const std::string xl = i < spec.x_labels.size() ? spec.x_labels[i] : format_number(spec.x[i], -1, s.lang);
        std::string band;
        if (k < spec.band_lower.size() && k < spec.band_upper.size() && i < spec.band_lower[k].size() &&
            i < spec.band_upper[k].size() && std::isfinite(spec.band_lower[k][i]) && std::isfinite(spec.band_upper[k][i]))
          band = " (" + (spec.band_label.empty() ? std::string() : spec.band_label + " ") +
                 format_number(spec.band_lower[k][i], -1, s.lang) + " … " +
                 format_number(spec.band_upper[k][i], -1, s.lang) + ")";
        b.hit(x - 6, y - 6, x + 6, y + 6,
              ti < spec.tips.size() ? spec.tips[ti]
                                    : se.name + " · " + xl + ": " + format_number(se.values[i], -1, s.lang) +
                                          spec.unit_suffix + band);
        last_hit = x;
      }
    }
    close_run();
  }
  // Series named at their last point, nudged apart so names never overlap.
  if (spec.direct_labels) {
    std::vector<float> want;
    std::vector<size_t> which;
    for (size_t k = 0; k < spec.series.size(); ++k) {
      const auto& v = spec.series[k].values;
      for (size_t i = std::min(n, v.size()); i-- > 0;)
        if (std::isfinite(v[i])) {
          want.push_back(Y(v[i]));
          which.push_back(k);
          break;
        }
    }
    const std::vector<float> placed = spread_labels(want, s.font * 1.25f, p.t + s.font * 0.6f, p.b - s.font * 0.6f);
    for (size_t j = 0; j < which.size(); ++j) {
      const size_t k = which[j];
      b.text(p.r + pad * 1.5f, placed[j], fit(spec.series[k].name, label_col - pad * 2, s.font),
             series_colour(spec.series[k], k, s), Anchor::start, 0, true);
    }
  }
  for (const auto& r : spec.references) {
    if (r.values.size() == 1 && std::isfinite(r.values[0])) {
      b.line(p.l, Y(r.values[0]), p.r, Y(r.values[0]), r.style == MarkStyle::line ? s.muted : s.reference, 2);
      continue;
    }
    // Published values per x: hollow diamonds beside the series' own points.
    for (size_t i = 0; i < n && i < r.values.size(); ++i) {
      if (!std::isfinite(r.values[i])) continue;
      const float x = X(spec.x[i]), y = Y(r.values[i]), d = s.presentation ? 7 : 5.5f;
      b.poly({x, y - d, x + d, y, x, y + d, x - d, y}, s.reference, true, 0);
      b.poly({x, y - d, x + d, y, x, y + d, x - d, y, x, y - d}, s.background, false, 1.2f);
      b.hit(x - d, y - d, x + d, y + d,
            r.label + (r.series >= 0 && static_cast<size_t>(r.series) < spec.series.size()
                           ? " · " + spec.series[static_cast<size_t>(r.series)].name
                           : std::string()) +
                " · " + (i < spec.x_labels.size() ? spec.x_labels[i] : format_number(spec.x[i], -1, s.lang)) + ": " +
                format_number(r.values[i], 1, s.lang) + spec.unit_suffix);
    }
  }
  if (!spec.x_label.empty())
    axis_title(b, spec.x_label, p.l + p.w() / 2, height - s.font * 0.8f, width, s);

  b.line(p.l, p.b, p.r, p.b, s.axis);
  b.scene.description = std::to_string(spec.series.size()) + " series over " + std::to_string(n) + " points";
  return b.scene;
}

}  // namespace zicht::report::charts
