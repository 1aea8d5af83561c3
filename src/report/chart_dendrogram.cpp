// Dendrogram (R's hclust convention), horizontal: labels at the left, distance along the bottom.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

bool valid_dendrogram(const DendrogramSpec& d) {
  const size_t n = d.labels.size();
  if (n < 2 || d.left.size() != n - 1 || d.right.size() != n - 1 || d.heights.size() != n - 1) return false;
  std::vector<char> leaf_used(n, 0), step_used(n - 1, 0);
  for (size_t i = 0; i < n - 1; ++i) {
    if (!std::isfinite(d.heights[i]) || d.heights[i] < 0) return false;
    for (int k : {d.left[i], d.right[i]}) {
      if (k < 0) {
        const size_t leaf = static_cast<size_t>(-static_cast<long>(k)) - 1;
        if (leaf >= n || leaf_used[leaf]) return false;
        leaf_used[leaf] = 1;
      } else {
        if (k == 0 || static_cast<size_t>(k) > i || step_used[static_cast<size_t>(k) - 1]) return false;
        step_used[static_cast<size_t>(k) - 1] = 1;
      }
    }
  }
  if (!d.order.empty()) {
    if (d.order.size() != n) return false;
    std::vector<char> seen(n, 0);
    for (int k : d.order) {
      if (k < 1 || static_cast<size_t>(k) > n || seen[static_cast<size_t>(k) - 1]) return false;
      seen[static_cast<size_t>(k) - 1] = 1;
    }
  }
  return true;
}

std::vector<int> dendrogram_order(const DendrogramSpec& d) {
  std::vector<int> out;
  if (d.left.empty()) return out;
  // Depth first from the last merge, left before right (no recursion: trees can be deep).
  std::vector<int> stack{static_cast<int>(d.left.size())};
  while (!stack.empty()) {
    const int k = stack.back();
    stack.pop_back();
    if (k < 0) {
      out.push_back(-k);
      continue;
    }
    const size_t i = static_cast<size_t>(k) - 1;
    if (i >= d.left.size()) continue;
    stack.push_back(d.right[i]);
    stack.push_back(d.left[i]);
  }
  return out;
}

float dendrogram_height(const DendrogramSpec& d, const Style& s) {
  const bool refs = !d.references.empty();
  return std::ceil(static_cast<float>(d.labels.size()) * s.font * 1.8f + s.font * (refs ? 6.5f : 5.0f));
}

Scene dendrogram(const DendrogramSpec& d, float width, float height, const Style& s) {
  Builder b(width, height, s);
  if (!valid_dendrogram(d)) return b.scene;
  const size_t n = d.labels.size();
  const std::vector<int> order = d.order.empty() ? dendrogram_order(d) : d.order;
  double top_h = 0;
  for (double h : d.heights) top_h = std::max(top_h, h);
  const double amax = std::isfinite(d.axis_max) && d.axis_max > 0 ? d.axis_max : std::max(1.0, top_h);
  const std::vector<double> ticks = nice_ticks(0, amax, 5);
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : amax;
  const float f = s.font, pad = f * 0.5f;
  const float lw = std::min(max_text_width(d.labels, f) * 1.04f, width * 0.35f);
  const float last_tick = text_width(tick_label(ticks.back(), step, s.lang), f);
  const Box p{pad * 2 + lw, pad + (d.references.empty() ? 0 : f * 1.5f), width - pad - last_tick / 2,
              height - f * 3.4f};
  auto x_of = [&](double h) { return p.l + static_cast<float>(std::min(h, amax) / amax) * p.w(); };
  const float row = p.h() / static_cast<float>(n);
  // Grid and axis.
  for (double t : ticks) {
    if (t > amax + 1e-9) continue;
    const float x = x_of(t);
    b.line(x, p.t, x, p.b, s.grid);
    b.line(x, p.b, x, p.b + 4, s.axis);
    b.text(x, p.b + 4 + f * 0.7f, tick_label(t, step, s.lang), s.muted, Anchor::middle);
  }
  b.line(p.l, p.b, p.r, p.b, s.axis);
  if (!d.axis_label.empty()) axis_title(b, d.axis_label, (p.l + p.r) / 2, p.b + f * 2.4f, width, s);
  // Leaves at their rows, in order.
  std::vector<float> leaf_y(n, 0);
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t leaf = static_cast<size_t>(order[k]) - 1;
    leaf_y[leaf] = p.t + row * (static_cast<float>(k) + 0.5f);
    b.text(p.l - pad, leaf_y[leaf], fit(d.labels[leaf], lw, f), s.text, Anchor::end);
    b.hit(pad, leaf_y[leaf] - row / 2, p.l, leaf_y[leaf] + row / 2, d.labels[leaf]);
  }
  // Merges as brackets: each child's horizontal arm from its own height to the merge's, joined by a vertical line.
  const Rgba ink = s.text;
  const float lw_mark = s.presentation ? 2.2f : 1.5f;
  std::vector<float> node_y(n - 1, 0);
  std::vector<std::string> members(n - 1);
  for (size_t i = 0; i + 1 < n; ++i) {
    const float xm = x_of(d.heights[i]);
    float ys[2];
    std::string names;
    const int kids[2] = {d.left[i], d.right[i]};
    for (int j = 0; j < 2; ++j) {
      const int k = kids[j];
      float x0;
      std::string name;
      if (k < 0) {
        ys[j] = leaf_y[static_cast<size_t>(-k) - 1];
        x0 = p.l;
        name = d.labels[static_cast<size_t>(-k) - 1];
      } else {
        ys[j] = node_y[static_cast<size_t>(k) - 1];
        x0 = x_of(d.heights[static_cast<size_t>(k) - 1]);
        name = members[static_cast<size_t>(k) - 1];
      }
      b.line(x0, ys[j], xm, ys[j], ink, lw_mark);
      names += (j ? " + " : "") + name;
    }
    b.line(xm, ys[0], xm, ys[1], ink, lw_mark);
    node_y[i] = (ys[0] + ys[1]) / 2;
    members[i] = names.size() > 240 ? fit(names, 240 * f * 0.55f, f) : names;
    b.hit(xm - 4, std::min(ys[0], ys[1]), xm + 4, std::max(ys[0], ys[1]),
          format_number(d.heights[i], 2, s.lang) + ": " + members[i]);
  }
  // Cut lines: dashed, labelled above the plot.
  for (const auto& r : d.references) {
    if (r.values.empty() || !std::isfinite(r.values[0])) continue;
    const float x = x_of(r.values[0]);
    for (float y = p.t; y < p.b; y += 7) b.line(x, y, x, std::min(p.b, y + 4), s.reference, 1.2f);
    const std::string label = fit(r.label + " (" + format_number(r.values[0], 2, s.lang) + ")", width - 2 * pad, f);
    const float w = text_width(label, f);
    const float lx = std::clamp(x, pad + w / 2, std::max(pad + w / 2, width - pad - w / 2));
    b.text(lx, p.t - f * 0.8f, label, s.text, Anchor::middle);
  }
  b.scene.description = std::to_string(n) + " leaves";
  return b.scene;
}

}  // namespace zicht::report::charts
