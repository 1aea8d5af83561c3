// Sankey over three stages.
#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

Scene sankey(const SankeySpec& spec, float width, float height, const Style& s) {
  if (!spec.links.empty()) return sankey_stages(spec, width, height, s);
  Builder b(width, height, s);
  const std::string other = spec.other_label.empty() ? i18n::tr("chart.other", s.lang) : spec.other_label;
  // Nodes per stage in order of first appearance; small ones merged into "overige" (last).
  struct Node {
    std::string name;
    double n = 0;
    float y0 = 0, y1 = 0, in_off = 0, out_off = 0;
  };
  std::vector<Node> nodes[3];
  std::vector<std::vector<size_t>> path_nodes;  // per flow, node index per stage
  double total = 0;
  {
    std::vector<std::pair<std::string, double>> raw[3];
    auto add = [](std::vector<std::pair<std::string, double>>& v, const std::string& k, double n) {
      for (auto& e : v)
        if (e.first == k) {
          e.second += n;
          return;
        }
      v.emplace_back(k, n);
    };
    for (const auto& f : spec.flows) {
      if (!(f.n > 0)) continue;
      add(raw[0], f.pre, f.n);
      add(raw[1], f.middle, f.n);
      add(raw[2], f.post, f.n);
      total += f.n;
    }
    for (int st = 0; st < 3; ++st) {
      double merged = 0;
      for (const auto& [k, n] : raw[st]) {
        if (n < spec.min_node || k == other)
          merged += n;
        else
          nodes[st].push_back({k, n});
      }
      if (merged > 0) nodes[st].push_back({other, merged});
    }
    for (const auto& f : spec.flows) {
      if (!(f.n > 0)) continue;
      std::vector<size_t> ix(3);
      const std::string* names[3] = {&f.pre, &f.middle, &f.post};
      for (int st = 0; st < 3; ++st) {
        ix[static_cast<size_t>(st)] = nodes[st].size() - 1;  // "overige" unless found
        for (size_t k = 0; k < nodes[st].size(); ++k)
          if (nodes[st][k].name == *names[st]) ix[static_cast<size_t>(st)] = k;
      }
      path_nodes.push_back(ix);
    }
  }
  if (total <= 0) return b.scene;
  // Links between consecutive stages, aggregated.
  struct Link {
    size_t from, to;
    double n;
  };
  std::vector<Link> links[2];
  {
    size_t fi = 0;
    for (const auto& f : spec.flows) {
      if (!(f.n > 0)) continue;
      const auto& ix = path_nodes[fi++];
      for (int st = 0; st < 2; ++st) {
        bool found = false;
        for (auto& l : links[st])
          if (l.from == ix[static_cast<size_t>(st)] && l.to == ix[static_cast<size_t>(st) + 1]) {
            l.n += f.n;
            found = true;
          }
        if (!found) links[st].push_back({ix[static_cast<size_t>(st)], ix[static_cast<size_t>(st) + 1], f.n});
      }
    }
    for (auto& ls : links)
      std::stable_sort(ls.begin(), ls.end(), [](const Link& a, const Link& c) {
        return a.from != c.from ? a.from < c.from : a.to < c.to;
      });
  }
  const float pad = s.font * 0.5f;
  const float nw = std::max(10.0f, s.font * 0.8f);
  auto label_of = [&](const Node& n) { return n.name + " (" + format_number(n.n, -1, s.lang) + ")"; };
  std::vector<std::string> lab[3];
  for (int st = 0; st < 3; ++st)
    for (const auto& n : nodes[st]) lab[st].push_back(label_of(n));
  const float lw = std::min(max_text_width(lab[0], s.font), width * 0.3f);
  const float rw = std::min(max_text_width(lab[2], s.font), width * 0.3f);
  const float xs[3] = {lw + pad * 2, 0, width - rw - pad * 2 - nw};
  const float x_mid = (xs[0] + xs[2]) / 2;
  const float xpos[3] = {xs[0], x_mid, xs[2]};
  const float head_h = s.font * 1.8f;
  // Stage headings over their columns: the outer ones flush with the chart's edges so the three never meet.
  for (int st = 0; st < 3; ++st)
    if (!spec.stages[st].empty())
      b.text(st == 0 ? pad : st == 2 ? width - pad : xpos[1] + nw / 2, head_h / 2,
             fit(spec.stages[st], width / 3 - pad * 2, s.font), s.muted,
             st == 0 ? Anchor::start : st == 2 ? Anchor::end : Anchor::middle, 0, true);
  const float top = head_h + pad, bottom = height - pad;
  const float gap = std::max(4.0f, s.font * 0.6f);
  size_t most = 1;
  for (const auto& ns : nodes) most = std::max(most, ns.size());
  const float scale = std::max(0.0f, (bottom - top) - gap * static_cast<float>(most - 1)) / static_cast<float>(total);
  for (int st = 0; st < 3; ++st) {
    const float used = static_cast<float>(total) * scale + gap * static_cast<float>(nodes[st].size() - 1);
    float y = top + ((bottom - top) - used) / 2;
    for (auto& n : nodes[st]) {
      n.y0 = y;
      n.y1 = y + static_cast<float>(n.n) * scale;
      y = n.y1 + gap;
    }
  }
  // One colour per meaning: a cluster keeps its colour before and after; "overige" and "geen …" stay grey.
  std::vector<std::string> palette_names;
  auto node_colour = [&](int st, size_t k) {
    const std::string& name = nodes[st][k].name;
    if (name == other || std::find(spec.neutral.begin(), spec.neutral.end(), name) != spec.neutral.end())
      return s.series[6];
    if (st == 1) return s.series[0];  // the middle stage (the SofS module) in the first colour, reserved for it
    auto it = std::find(palette_names.begin(), palette_names.end(), name);
    if (it == palette_names.end()) it = palette_names.insert(palette_names.end(), name);
    const size_t i = static_cast<size_t>(it - palette_names.begin());
    return s.series[1 + i % 5];
  };
  // Ribbons: cubic curves between node edges, as polygons (upper edge forward, lower edge back, same x per step).
  const int seg = 24;
  for (int st = 0; st < 2; ++st) {
    for (const auto& l : links[st]) {
      Node& a = nodes[st][l.from];
      Node& c = nodes[st + 1][l.to];
      const float th = static_cast<float>(l.n) * scale;
      const float ay0 = a.y0 + a.out_off, cy0 = c.y0 + c.in_off;
      a.out_off += th;
      c.in_off += th;
      const float xa = xpos[st] + nw, xc = xpos[st + 1];
      std::vector<float> up, low;
      for (int i = 0; i <= seg; ++i) {
        const float t = static_cast<float>(i) / seg, u = 1 - t;
        const float x = u * u * u * xa + 3 * u * u * t * (xa + xc) / 2 + 3 * u * t * t * (xa + xc) / 2 + t * t * t * xc;
        const float e = t * t * (3 - 2 * t);  // the y part of the same curve (control points at the ends' heights)
        up.insert(up.end(), {x, ay0 + (cy0 - ay0) * e});
        low.insert(low.end(), {x, ay0 + th + (cy0 - ay0) * e});
      }
      for (size_t k = low.size(); k >= 2; k -= 2) up.insert(up.end(), {low[k - 2], low[k - 1]});
      // Ribbons take the colour of their cluster: the source before the middle stage, the destination after it.
      b.poly(up, with_alpha(st == 0 ? node_colour(0, l.from) : node_colour(2, l.to), s.dark ? 110 : 90), true);
      const float mx = (xa + xc) / 2, my = (ay0 + cy0) / 2 + th / 2;
      b.hit(mx - 6, my - std::max(3.0f, th / 2), mx + 6, my + std::max(3.0f, th / 2),
            a.name + " » " + c.name + ": " + format_number(l.n, -1, s.lang));
    }
  }
  for (int st = 0; st < 3; ++st) {
    std::vector<float> want;
    for (size_t k = 0; k < nodes[st].size(); ++k) {
      const Node& n = nodes[st][k];
      b.rect(xpos[st], n.y0, xpos[st] + nw, std::max(n.y1, n.y0 + 1), node_colour(st, k));
      b.hit(xpos[st], n.y0, xpos[st] + nw, std::max(n.y1, n.y0 + 2),
            n.name + ": " + format_number(n.n, -1, s.lang) + " " + i18n::tr("chart.of", s.lang) + " " +
                format_number(total, -1, s.lang) + " (" + format_number(n.n / total * 100, 1, s.lang) + " %)");
      want.push_back((n.y0 + n.y1) / 2);
    }
    const auto at = spread_labels(want, s.font * 1.2f, top + s.font * 0.5f, bottom - s.font * 0.5f);
    const float room = st == 1 ? xpos[2] - xpos[1] - nw - pad * 3 : st == 0 ? lw : rw;
    for (size_t k = 0; k < nodes[st].size(); ++k) {
      // The name is shortened, never its count.
      const std::string count = " (" + format_number(nodes[st][k].n, -1, s.lang) + ")";
      const std::string t = fit(nodes[st][k].name, room - text_width(count, s.font), s.font) + count;
      if (st == 0)
        b.text(xpos[0] - pad, at[k], t, s.text, Anchor::end);
      else if (st == 2)
        b.text(xpos[2] + nw + pad, at[k], t, s.text, Anchor::start);
      else {
        // Over the ribbons: a background plate keeps the label legible.
        const float tw = text_width(t, s.font);
        b.rect(xpos[1] + nw + pad - 3, at[k] - s.font * 0.6f, xpos[1] + nw + pad + tw + 3, at[k] + s.font * 0.6f,
               with_alpha(s.background, 215));
        b.text(xpos[1] + nw + pad, at[k], t, s.text, Anchor::start);
      }
    }
  }
  b.scene.description = "Sankey, " + format_number(total, -1, s.lang) + " paths";
  return b.scene;
}

}  // namespace zicht::report::charts
