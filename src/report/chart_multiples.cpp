// Small multiples on one shared value scale, and draw(): any ChartSpec to a Scene.
#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

// Value extent of a panel (for a shared scale): false when the kind has no value axis to share.
bool value_extent(const ChartSpec& c, double& lo, double& hi) {
  auto take = [&](double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  };
  switch (c.kind) {
    case ChartSpec::Kind::bar: {
      if (c.bar.mode == BarSpec::Mode::stacked100) return false;
      const size_t nc = c.bar.categories.size();
      for (size_t i = 0; i < nc; ++i) {
        double sum = 0;
        for (const auto& se : c.bar.series) {
          const double v = i < se.values.size() ? se.values[i] : kNaN;
          if (!std::isfinite(v)) continue;
          sum += v;
          if (c.bar.mode == BarSpec::Mode::grouped) take(v);
        }
        if (c.bar.mode == BarSpec::Mode::stacked) take(sum);
      }
      for (const auto& r : c.bar.references)
        for (double v : r.values) take(v);
      take(0);
      return true;
    }
    case ChartSpec::Kind::line:
      for (const auto& se : c.line.series)
        for (double v : se.values) take(v);
      for (const auto& band : c.line.band_lower)
        for (double v : band) take(v);
      for (const auto& band : c.line.band_upper)
        for (double v : band) take(v);
      for (const auto& r : c.line.references)
        for (double v : r.values) take(v);
      // A fixed axis (an instrument's 0–10, a percentage's 0–100) is the shared scale unless data leave it.
      take(c.line.axis_min);
      take(c.line.axis_max);
      return true;
    case ChartSpec::Kind::histogram:
      for (double v : c.histogram.counts) take(v);
      take(0);
      return true;
    case ChartSpec::Kind::box:
      for (double v : c.box.min) take(v);
      for (double v : c.box.max) take(v);
      return true;
    case ChartSpec::Kind::funnel:
      for (double v : c.funnel.counts) take(v);
      take(0);
      return true;
    default: return false;
  }
}

}  // namespace

Scene small_multiples(const SmallMultiplesSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = spec.panels.size();
  if (n == 0) return b.scene;
  const size_t cols = spec.columns > 0 ? static_cast<size_t>(spec.columns)
                                       : std::clamp<size_t>(static_cast<size_t>(width / spec.min_panel_width), 1, n);
  const size_t rows = (n + cols - 1) / cols;
  // One value scale for all panels that have one.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  bool shared = spec.shared_axis;
  for (const auto& pnl : spec.panels) shared = value_extent(pnl, lo, hi) && shared;
  // One legend for all (taken from the first panel's series).
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  const ChartSpec& first = spec.panels.front();
  const std::vector<Series>* series = first.kind == ChartSpec::Kind::bar    ? &first.bar.series
                                      : first.kind == ChartSpec::Kind::line ? &first.line.series
                                                                            : nullptr;
  if (series && series->size() > 1)
    for (size_t k = 0; k < series->size(); ++k) {
      names.push_back((*series)[k].name);
      colours.push_back(series_colour((*series)[k], k, s));
    }
  std::vector<std::string> refs;
  for (const auto& pnl : spec.panels)
    for (const auto& r : reference_labels(pnl.kind == ChartSpec::Kind::bar ? pnl.bar.references : pnl.line.references))
      if (std::find(refs.begin(), refs.end(), r) == refs.end()) refs.push_back(r);
  for (const auto& r : refs) {
    names.push_back(r);
    colours.push_back(s.reference);
  }
  const float top = names.size() > 1 || !refs.empty()
                        ? 6 + legend(b, names, colours, 8, 4, width - 16, s, static_cast<int>(refs.size()))
                        : 0;
  const float gap = s.font;
  const float cw = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float chh = (height - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  const float title_h = s.font * 1.6f;
  for (size_t i = 0; i < n; ++i) {
    ChartSpec pnl = spec.panels[i];
    if (shared && std::isfinite(lo)) {
      pnl.bar.axis_min = pnl.line.axis_min = pnl.box.axis_min = lo;
      pnl.bar.axis_max = pnl.line.axis_max = pnl.box.axis_max = pnl.histogram.axis_max = pnl.funnel.axis_max = hi;
    }
    pnl.bar.show_legend = pnl.line.show_legend = pnl.km.show_legend = false;
    const float x = static_cast<float>(i % cols) * (cw + gap), y = top + static_cast<float>(i / cols) * (chh + gap);
    // Bold runs about 8 % wider than the metric: the title keeps clear of the next panel.
    if (i < spec.titles.size())
      b.text(x + 4, y + title_h / 2, fit(spec.titles[i], (cw - 12) / 1.08f, s.font), s.text, Anchor::start, 0, true);
    const Scene sub = draw(pnl, cw, chh - title_h, s);
    offset_scene(b.scene, sub, x, y + title_h);
  }
  b.scene.description = std::to_string(n) + " small multiples";
  return b.scene;
}

Scene draw(const ChartSpec& c, float width, float height, const Style& s) {
  switch (c.kind) {
    case ChartSpec::Kind::bar: return bar_chart(c.bar, width, height, s);
    case ChartSpec::Kind::histogram: return histogram(c.histogram, width, height, s);
    case ChartSpec::Kind::line: return line_chart(c.line, width, height, s);
    case ChartSpec::Kind::box: return box_plot(c.box, width, height, s);
    case ChartSpec::Kind::km: return km_chart(c.km, width, height, s);
    case ChartSpec::Kind::heatmap: return heatmap(c.heatmap, width, height, s);
    case ChartSpec::Kind::sankey: return sankey(c.sankey, width, height, s);
    case ChartSpec::Kind::likert: return likert_chart(c.likert, width, height, s);
    case ChartSpec::Kind::slope: return slope_chart(c.slope, width, height, s);
    case ChartSpec::Kind::multiples: return small_multiples(c.multiples, width, height, s);
    case ChartSpec::Kind::dot: return dot_chart(c.dot, width, height, s);
    case ChartSpec::Kind::category_map: return category_map(c.category_map, width, height, s);
    case ChartSpec::Kind::dendrogram: return dendrogram(c.dendrogram, width, height, s);
    case ChartSpec::Kind::funnel: return funnel_chart(c.funnel, width, height, s);
  }
  return Scene{};
}

}  // namespace zicht::report::charts
