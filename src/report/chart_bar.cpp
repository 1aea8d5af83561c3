// Bar charts: grouped, stacked and 100 % stacked; vertical or horizontal; reference marks.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene bar_chart(const BarSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t nc = spec.categories.size(), ns = spec.series.size();
  if (nc == 0 || ns == 0) return b.scene;
  const bool stacked = spec.mode != BarSpec::Mode::grouped;
  const bool pct100 = spec.mode == BarSpec::Mode::stacked100;

  // Extent of the values (stacks add up).
  double vmax = 0;
  std::vector<double> totals(nc, 0);
  for (size_t c = 0; c < nc; ++c)
    for (size_t k = 0; k < ns; ++k) {
      const double v = c < spec.series[k].values.size() ? spec.series[k].values[c] : kNaN;
      if (std::isfinite(v)) {
        totals[c] += v;
        if (!stacked) vmax = std::max(vmax, v);
      }
    }
  if (stacked) vmax = pct100 ? 100 : *std::max_element(totals.begin(), totals.end());
  for (const auto& ref : spec.references)
    for (double v : ref.values)
      if (std::isfinite(v)) vmax = std::max(vmax, v);
  const ValueAxis ax = std::isfinite(spec.axis_max)
                           ? value_axis(std::isfinite(spec.axis_min) ? spec.axis_min : 0, spec.axis_max)
                           : value_axis(0, vmax * (spec.value_labels && !stacked ? 1.08 : 1.0),
                                        !pct100 && spec.unit_suffix.empty() && whole_values(spec.series));
  const std::string suffix = pct100 ? " %" : spec.unit_suffix;

  // Legend.
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  const int refs = legend_entries(spec.series, ns > 1, spec.references, s, names, colours);
  const float top = 6 + (spec.show_legend ? legend(b, names, colours, 8, 4, width - 16, s, refs) : 0);
  // The fill of bar (c, k): its category's colour when the series is the category itself, else its series'.
  auto fill_of = [&](size_t c, size_t k) {
    return c < spec.category_colours.size() ? spec.category_colours[c] : series_colour(spec.series[k], k, s);
  };
  // A reference value at category c (one value for all, or one per category) and its band end.
  auto ref_at = [](const ReferenceMark& r, size_t c, double& v, double& hi) {
    v = r.values.size() == 1 ? r.values[0] : (c < r.values.size() ? r.values[c] : kNaN);
    hi = r.highs.size() == 1 ? r.highs[0] : (c < r.highs.size() ? r.highs[c] : kNaN);
    return std::isfinite(v);
  };

  std::vector<std::string> tick_text;
  for (double t : ax.ticks) tick_text.push_back(tick_label(t, ax.step, s.lang, suffix));
  const float pad = s.font * 0.5f;

  if (spec.horizontal) {
    const float label_w = std::min(max_text_width(spec.categories, s.font) * 1.06f, width * 0.38f);  // the metric runs a little short
    Box p{label_w + pad * 2, top + pad, width - pad * 2 - text_width(tick_text.back(), s.font) / 2,
          height - s.font * 2.2f - (spec.value_label.empty() ? 0 : s.font * 1.4f)};
    auto X = [&](double v) { return p.l + static_cast<float>((v - ax.lo) / (ax.hi - ax.lo)) * p.w(); };
    for (size_t i = 0; i < ax.ticks.size(); ++i) {
      const float x = X(ax.ticks[i]);
      b.line(x, p.t, x, p.b, s.grid);
      b.text(x, p.b + s.font * 0.9f, tick_text[i], s.muted, Anchor::middle);
    }
    if (!spec.value_label.empty())
      axis_title(b, spec.value_label, p.l + p.w() / 2, height - s.font * 0.8f, width, s);
    const float band = p.h() / static_cast<float>(nc);
    const float bar_h = stacked ? band * 0.62f : band * 0.8f / static_cast<float>(ns);
    const bool show_all_labels = band >= s.font * 1.1f;
    const size_t every = show_all_labels ? 1 : static_cast<size_t>(std::ceil(s.font * 1.1f / band));
    for (size_t c = 0; c < nc; ++c) {
      const float cy = p.t + band * (static_cast<float>(c) + 0.5f);
      if (c % every == 0) b.text(p.l - pad, cy, fit(spec.categories[c], label_w, s.font), s.text, Anchor::end);
      double acc = 0;
      for (size_t k = 0; k < ns; ++k) {
        double v = c < spec.series[k].values.size() ? spec.series[k].values[c] : kNaN;
        if (!std::isfinite(v)) continue;
        if (pct100) v = totals[c] > 0 ? v / totals[c] * 100 : 0;
        float y0, y1, x0, x1;
        if (stacked) {
          y0 = cy - bar_h / 2;
          y1 = cy + bar_h / 2;
          x0 = X(acc);
          x1 = X(acc + v);
          acc += v;
        } else {
          y0 = cy - band * 0.4f + bar_h * static_cast<float>(k);
          y1 = y0 + bar_h * 0.92f;
          x0 = X(0);
          x1 = X(v);
        }
        b.rect(x0, y0, x1, y1, fill_of(c, k));
        const std::string label = tick_label(v, v == std::floor(v) ? 1 : 0.1, s.lang, suffix);
        const size_t tip_i = c * ns + k;
        b.hit(x0, y0, x1, y1,
              tip_i < spec.tips.size() ? spec.tips[tip_i]
                                       : spec.categories[c] + (ns > 1 ? " · " + spec.series[k].name : "") + ": " + label);
        if (spec.value_labels && y1 - y0 >= s.font * 0.9f) {
          const float tw = text_width(label, s.font * 0.9f);
          if (stacked) {
            if (x1 - x0 > tw + 6)
              b.text((x0 + x1) / 2, (y0 + y1) / 2, label, text_on(fill_of(c, k)), Anchor::middle,
                     s.font * 0.9f);
          } else {
            // Clear of a reference mark that would run through the label.
            float lx = x1 + 4;
            for (const auto& ref : spec.references) {
              const double rv = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
              if (std::isfinite(rv) && X(rv) >= lx - 3 && X(rv) <= lx + tw + 3) lx = X(rv) + 5;
            }
            const Rgba fill = fill_of(c, k);
            if (lx + tw < p.r + pad * 2)
              b.text(lx, (y0 + y1) / 2, label, s.text, Anchor::start, s.font * 0.9f);
            else if (x1 - x0 > tw + 10)  // no room beyond a long bar: inside its end, in the bar's text colour
              b.text(x1 - 5, (y0 + y1) / 2, label, text_on(fill), Anchor::end, s.font * 0.9f);
          }
        }
      }
      for (const auto& ref : spec.references) {
        double v, hi;
        if (!ref_at(ref, c, v, hi)) continue;
        // On its own series' bar when it belongs to one, else across the category's band.
        float y0 = cy - band * 0.45f, y1 = cy + band * 0.45f;
        if (ref.series >= 0 && !stacked) {
          y0 = cy - band * 0.4f + bar_h * static_cast<float>(ref.series) - 2;
          y1 = y0 + bar_h * 0.92f + 4;
        }
        const std::string what = ref.label + ": " + tick_label(v, 0.1, s.lang, suffix) +
                                  (std::isfinite(hi) ? "–" + tick_label(hi, 0.1, s.lang, suffix) : std::string());
        if (std::isfinite(hi)) b.rect(X(v), y0, X(hi), y1, with_alpha(s.reference, 150));
        const float x = std::isfinite(hi) ? X((v + hi) / 2) : X(v);
        b.line(x, y0, x, y1, s.reference, 3);
        b.hit(x - 3, y0, x + 3, y1, what);
      }
    }
    b.line(p.l, p.t, p.l, p.b, s.axis);
  } else {
    const float tick_w = max_text_width(tick_text, s.font);
    const float left = tick_w + pad * 2;
    const float plot_w = width - left - pad * 2;
    const float band = plot_w / static_cast<float>(nc);
    // Category labels: straight when they fit, else rotated 45°, shortened to a third of the height; when even
    // rotated labels would collide, only every k-th is shown.
    const float label_w = max_text_width(spec.categories, s.font);
    const bool straight = label_w <= band - 6;
    const float rot_h = std::min(label_w * 0.72f + s.font, height * 0.34f);
    const float label_h = straight ? s.font * 1.8f : rot_h;
    const size_t every = straight || band >= s.font * 1.25f ? 1 : static_cast<size_t>(std::ceil(s.font * 1.25f / band));
    // The value axis is titled above the plot, level: rotated, a long title would be cut short by the height.
    const float title_h = spec.value_label.empty() ? 0 : s.font * 1.5f;
    if (!spec.value_label.empty()) b.text(pad, top + pad + s.font * 0.5f, fit(spec.value_label, width - pad * 2, s.font), s.muted);
    Box p{left, top + pad + title_h + s.font * 0.4f, width - pad * 2, height - label_h - pad};
    auto Y = [&](double v) { return p.b - static_cast<float>((v - ax.lo) / (ax.hi - ax.lo)) * p.h(); };
    for (size_t i = 0; i < ax.ticks.size(); ++i) {
      const float y = Y(ax.ticks[i]);
      b.line(p.l, y, p.r, y, s.grid);
      b.text(p.l - pad, y, tick_text[i], s.muted, Anchor::end);
    }
    const float bar_w = stacked ? band * 0.62f : band * 0.8f / static_cast<float>(ns);
    for (size_t c = 0; c < nc; ++c) {
      const float cx = p.l + band * (static_cast<float>(c) + 0.5f);
      if (c % every == 0) {
        if (straight)
          b.text(cx, p.b + s.font * 0.9f, spec.categories[c], s.text, Anchor::middle);
        else
          // A 45° label runs down-left from its tick: it may not run past the chart's left edge either.
          b.text(cx + s.font * 0.3f, p.b + s.font * 0.6f,
                 fit(spec.categories[c], std::min(rot_h - s.font, cx + s.font * 0.3f - 2) / 0.72f, s.font), s.text,
                 Anchor::end, 0, false, -45);
      }
      double acc = 0;
      for (size_t k = 0; k < ns; ++k) {
        double v = c < spec.series[k].values.size() ? spec.series[k].values[c] : kNaN;
        if (!std::isfinite(v)) continue;
        if (pct100) v = totals[c] > 0 ? v / totals[c] * 100 : 0;
        float x0, x1, y0, y1;
        if (stacked) {
          x0 = cx - bar_w / 2;
          x1 = cx + bar_w / 2;
          y1 = Y(acc);
          y0 = Y(acc + v);
          acc += v;
        } else {
          x0 = cx - band * 0.4f + bar_w * static_cast<float>(k);
          x1 = x0 + bar_w * 0.92f;
          y0 = Y(v);
          y1 = Y(0);
        }
        b.rect(x0, y0, x1, y1, fill_of(c, k));
        const std::string label = tick_label(v, v == std::floor(v) ? 1 : 0.1, s.lang, suffix);
        const size_t tip_i = c * ns + k;
        b.hit(x0, y0, x1, y1,
              tip_i < spec.tips.size() ? spec.tips[tip_i]
                                       : spec.categories[c] + (ns > 1 ? " · " + spec.series[k].name : "") + ": " + label);
        if (spec.value_labels) {
          const float tw = text_width(label, s.font * 0.9f);
          if (stacked) {
            if (y1 - y0 > s.font * 1.1f && x1 - x0 > tw + 4)
              b.text(cx, (y0 + y1) / 2, label, text_on(fill_of(c, k)), Anchor::middle, s.font * 0.9f);
          } else if (x1 - x0 >= tw * 0.9f) {
            // Above the bar, and above a reference mark that would run through the label.
            float top_y = y0;
            for (const auto& ref : spec.references) {
              const double rv = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
              if (!std::isfinite(rv)) continue;
              const float ry = Y(rv);
              if (ry <= top_y + 2 && ry >= top_y - s.font * 1.3f) top_y = ry - 2;
            }
            if (top_y - s.font * 1.1f >= p.t - s.font * 0.5f)
              b.text((x0 + x1) / 2, top_y - s.font * 0.6f, label, s.text, Anchor::middle, s.font * 0.9f);
            else if (y1 - y0 > s.font * 1.4f)  // a bar at the top of the axis: the label inside its top
              b.text((x0 + x1) / 2, y0 + s.font * 0.7f, label, text_on(fill_of(c, k)),
                     Anchor::middle, s.font * 0.9f);
          }
        }
      }
      for (const auto& ref : spec.references) {
        double v, hi;
        if (!ref_at(ref, c, v, hi)) continue;
        float x0 = cx - band * 0.45f, x1 = cx + band * 0.45f;
        if (ref.series >= 0 && !stacked) {
          x0 = cx - band * 0.4f + bar_w * static_cast<float>(ref.series) - 2;
          x1 = x0 + bar_w * 0.92f + 4;
        }
        const std::string what = ref.label + ": " + tick_label(v, 0.1, s.lang, suffix) +
                                  (std::isfinite(hi) ? "–" + tick_label(hi, 0.1, s.lang, suffix) : std::string());
        if (std::isfinite(hi)) b.rect(x0, Y(v), x1, Y(hi), with_alpha(s.reference, 150));
        const float y = std::isfinite(hi) ? Y((v + hi) / 2) : Y(v);
        b.line(x0, y, x1, y, s.reference, 3);
        b.hit(x0, y - 3, x1, y + 3, what);
      }
    }
    b.line(p.l, p.b, p.r, p.b, s.axis);
  }
  b.scene.description = std::to_string(nc) + " categories, " + std::to_string(ns) + " series";
  return b.scene;
}

}  // namespace zicht::report::charts
