// Sankey over N stages from links between consecutive stages (a link diagram: weights are links, not conserved
// paths). The three-stage path form stays in chart_sankey.cpp.
#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "report/chart.h"
#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

struct Node {
  std::string name;
  double own = kNaN, in = 0, out = 0;
  float y0 = 0, y1 = 0, in_off = 0, out_off = 0;
  double value() const { return std::max(in, out); }
};

struct Link {
  size_t stage, from, to;
  double n;
};

size_t find_or_add(std::vector<Node>& v, const std::string& name) {
  for (size_t k = 0; k < v.size(); ++k)
    if (v[k].name == name) return k;
  v.push_back(Node{name});
  return v.size() - 1;
}

// A node label in at most max_lines lines of at most max_w: the name wrapped at spaces, its count at the end of the
// last line (alone on it when the name fills the lines before); the name is shortened, never the count.
std::vector<std::string> wrap_label(const std::string& name, const std::string& count, float max_w, float size,
                                    size_t max_lines) {
  if (text_width(name + count, size) <= max_w || max_lines < 2) return {fit(name, max_w - text_width(count, size), size) + count};
  std::vector<std::string> words;
  std::stringstream in(name);
  for (std::string w; in >> w;) {
    // A word wider than the column ("Contextbegeleiding" in presentation) is split with a hyphen rather than cut
    // to "Context…": split at a character boundary (UTF-8), the piece with its hyphen within max_w.
    while (text_width(w, size) > max_w) {
      size_t cut = 0;
      for (size_t i = 1; i < w.size(); ++i) {
        if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;
        if (text_width(w.substr(0, i) + "-", size) > max_w) break;
        cut = i;
      }
      if (cut < 2) break;
      words.push_back(w.substr(0, cut) + "-");
      w = w.substr(cut);
    }
    words.push_back(w);
  }
  std::vector<std::string> lines;
  std::string cur;
  size_t k = 0;
  for (; k < words.size() && lines.size() + 1 < max_lines; ++k) {
    const bool hyphen = !cur.empty() && cur.back() == '-';
    const std::string cand = cur.empty() ? words[k] : cur + (hyphen ? "" : " ") + words[k];
    if (text_width(cand, size) <= max_w || cur.empty()) {
      cur = cand;
    } else {
      lines.push_back(cur);
      cur = words[k];
    }
  }
  std::string rest = cur;
  for (; k < words.size(); ++k) rest += (rest.empty() || rest.back() == '-' ? "" : " ") + words[k];
  const std::string count_trim = count.substr(1);  // "(4)" without its space
  if (text_width(rest + count, size) <= max_w) {
    lines.push_back(rest + count);
  } else if (lines.size() + 1 < max_lines && text_width(rest, size) <= max_w) {
    lines.push_back(rest);
    lines.push_back(count_trim);
  } else {
    lines.push_back(fit(rest, max_w - text_width(count, size), size) + count);
  }
  for (auto& l : lines) l = fit(l, max_w, size);
  return lines;
}

}  // namespace

Scene sankey_stages(const SankeySpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  size_t stages = spec.stage_names.size();
  for (const auto& l : spec.links) stages = std::max(stages, l.from_stage + 2);
  if (stages < 2) return b.scene;
  std::vector<std::vector<Node>> nodes(stages);
  for (const auto& n : spec.nodes)
    if (n.stage < stages) nodes[n.stage][find_or_add(nodes[n.stage], n.name)].own = n.n;
  std::vector<Link> links;
  for (const auto& l : spec.links) {
    if (!(l.n > 0) || l.from_stage + 1 >= stages) continue;
    const size_t a = find_or_add(nodes[l.from_stage], l.from), c = find_or_add(nodes[l.from_stage + 1], l.to);
    auto it = std::find_if(links.begin(), links.end(),
                           [&](const Link& x) { return x.stage == l.from_stage && x.from == a && x.to == c; });
    if (it != links.end()) it->n += l.n;
    else links.push_back({l.from_stage, a, c, l.n});
    nodes[l.from_stage][a].out += l.n;
    nodes[l.from_stage + 1][c].in += l.n;
  }
  if (links.empty()) return b.scene;
  // Ribbons leave a node in the order of their targets and enter in the order of their sources: fewer crossings.
  std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& c) {
    return a.stage != c.stage ? a.stage < c.stage : a.from != c.from ? a.from < c.from : a.to < c.to;
  });
  const float pad = s.font * 0.5f;
  const float nw = std::max(8.0f, s.font * 0.6f);
  auto count_of = [&](const Node& n) { return std::isfinite(n.own) ? n.own : n.value(); };
  auto count_text = [&](const Node& n) { return " (" + format_number(count_of(n), -1, s.lang) + ")"; };
  std::vector<std::string> first_labels, last_labels;
  for (const auto& n : nodes.front()) first_labels.push_back(n.name + count_text(n));
  for (const auto& n : nodes.back()) last_labels.push_back(n.name + count_text(n));
  const float lw = std::min(max_text_width(first_labels, s.font), width * 0.18f);
  const float rw = std::min(max_text_width(last_labels, s.font), width * 0.18f);
  const float x_first = lw + pad * 2, x_last = width - rw - pad * 2 - nw;
  const float spacing = (x_last - x_first) / static_cast<float>(stages - 1);
  std::vector<float> xpos(stages);
  for (size_t st = 0; st < stages; ++st) xpos[st] = x_first + spacing * static_cast<float>(st);
  // Stage headings centred over their columns (the outer ones flush with the chart's edges). When one does not fit
  // its share of the width they alternate over two rows, each then with twice the room, and are shortened there:
  // neighbours never meet.
  const float line_h = s.font * 1.25f;
  auto heading = [&](size_t st) { return st < spec.stage_names.size() ? spec.stage_names[st] : std::string(); };
  auto room_of = [&](size_t st, size_t step) {
    const float cx = xpos[st] + nw / 2;
    const float lo = st < step ? pad : (cx + xpos[st - step] + nw / 2) / 2 + pad / 2;
    const float hi = st + step >= stages ? width - pad : (cx + xpos[st + step] + nw / 2) / 2 - pad / 2;
    if (st == 0) return hi - lo;
    if (st + 1 == stages) return hi - lo;
    return 2 * std::min(cx - lo, hi - cx);
  };
  bool one_row = true;
  for (size_t st = 0; st < stages; ++st)
    if (text_width(heading(st), s.font) > room_of(st, 1)) one_row = false;
  const size_t step = one_row ? 1 : 2;
  for (size_t st = 0; st < stages; ++st) {
    if (heading(st).empty()) continue;
    const float y = pad + line_h * (one_row || st % 2 == 0 ? 0.5f : 1.5f);
    const std::string t = fit(heading(st), std::max(room_of(st, step), s.font), s.font);
    if (st == 0)
      b.text(pad, y, t, s.muted, Anchor::start, 0, true);
    else if (st + 1 == stages)
      b.text(width - pad, y, t, s.muted, Anchor::end, 0, true);
    else
      b.text(xpos[st] + nw / 2, y, t, s.muted, Anchor::middle, 0, true);
  }
  const size_t lines = one_row ? 1 : 2;
  const float top = pad * 2 + line_h * static_cast<float>(lines), bottom = height - pad;
  const float gap = std::max(4.0f, s.font * 0.6f);
  // One scale for every stage: the fullest stage (its nodes plus gaps) fills the height.
  float scale = std::numeric_limits<float>::max();
  for (const auto& ns : nodes) {
    double sum = 0;
    for (const auto& n : ns) sum += n.value();
    if (sum > 0)
      scale = std::min(scale, std::max(0.0f, (bottom - top) - gap * static_cast<float>(ns.size() - 1)) /
                                  static_cast<float>(sum));
  }
  for (auto& ns : nodes) {
    float used = gap * static_cast<float>(ns.size() > 0 ? ns.size() - 1 : 0);
    for (const auto& n : ns) used += static_cast<float>(n.value()) * scale;
    float y = top + std::max(0.0f, (bottom - top) - used) / 2;
    for (auto& n : ns) {
      n.y0 = y;
      n.y1 = y + static_cast<float>(n.value()) * scale;
      y = n.y1 + gap;
    }
  }
  auto neutral = [&](const Node& n) {
    return std::find(spec.neutral.begin(), spec.neutral.end(), n.name) != spec.neutral.end();
  };
  auto colour = [&](const Node& n) { return neutral(n) ? s.series[6] : s.series[0]; };
  const int seg = 24;
  for (const auto& l : links) {
    Node& a = nodes[l.stage][l.from];
    Node& c = nodes[l.stage + 1][l.to];
    const float th = static_cast<float>(l.n) * scale;
    const float ay0 = a.y0 + a.out_off, cy0 = c.y0 + c.in_off;
    a.out_off += th;
    c.in_off += th;
    const float xa = xpos[l.stage] + nw, xc = xpos[l.stage + 1];
    std::vector<float> up, low;
    for (int i = 0; i <= seg; ++i) {
      const float t = static_cast<float>(i) / seg;
      const float x = xa + (xc - xa) * t;
      const float e = t * t * (3 - 2 * t);
      up.insert(up.end(), {x, ay0 + (cy0 - ay0) * e});
      low.insert(low.end(), {x, ay0 + th + (cy0 - ay0) * e});
    }
    for (size_t k = low.size(); k >= 2; k -= 2) up.insert(up.end(), {low[k - 2], low[k - 1]});
    // A light tint of the source node.
    b.poly(up, with_alpha(colour(a), s.dark ? 95 : 70), true);
    const float mx = (xa + xc) / 2, my = (ay0 + cy0) / 2 + th / 2;
    b.hit(mx - 6, my - std::max(3.0f, th / 2), mx + 6, my + std::max(3.0f, th / 2),
          a.name + " » " + c.name + ": " + format_number(l.n, -1, s.lang));
  }
  for (size_t st = 0; st < stages; ++st) {
    auto& ns = nodes[st];
    std::vector<float> want;
    const std::string stage = st < spec.stage_names.size() ? spec.stage_names[st] : std::string();
    for (const auto& n : ns) {
      b.rect(xpos[st], n.y0, xpos[st] + nw, std::max(n.y1, n.y0 + 2), colour(n));
      b.hit(xpos[st], n.y0, xpos[st] + nw, std::max(n.y1, n.y0 + 3),
            (stage.empty() ? "" : stage + " — ") + n.name + ": " + format_number(count_of(n), -1, s.lang));
      want.push_back((n.y0 + std::max(n.y1, n.y0 + 2)) / 2);
    }
    const float room = st == 0 ? lw : st + 1 == stages ? rw : spacing - nw - pad * 2 - 6;
    // Middle labels may take two lines (over the ribbons, on a background plate); the outer ones one.
    // Up to three lines while the stage's labels stacked stay within its nodes' span (so each stays next to its
    // node), else fewer.
    const float span = ns.empty() ? 0 : std::max(ns.back().y1, ns.back().y0 + 2) - ns.front().y0 + gap;
    size_t max_lines = 3;
    while (max_lines > 1 && static_cast<float>(ns.size() * max_lines) * s.font * 1.2f > span) --max_lines;
    std::vector<std::vector<std::string>> labels;
    size_t most = 1;
    for (const auto& n : ns) {
      const std::string count = count_text(n);
      if (st == 0 || st + 1 == stages) labels.push_back({fit(n.name, room - text_width(count, s.font), s.font) + count});
      else labels.push_back(wrap_label(n.name, count, room, s.font, max_lines));
      most = std::max(most, labels.back().size());
    }
    const float lh = s.font * 1.2f;
    const float half = lh * static_cast<float>(most) / 2;
    const auto at = spread_labels(want, lh * static_cast<float>(most) + s.font * 0.15f, top + half, bottom - half);
    for (size_t k = 0; k < ns.size(); ++k) {
      const auto& ls = labels[k];
      const float y0 = at[k] - lh * static_cast<float>(ls.size() - 1) / 2;
      if (st == 0) {
        b.text(xpos[0] - pad, at[k], ls[0], s.text, Anchor::end);
      } else if (st + 1 == stages) {
        b.text(xpos[st] + nw + pad, at[k], ls[0], s.text, Anchor::start);
      } else {
        const float x = xpos[st] + nw + pad;
        float tw = 0;
        for (const auto& l : ls) tw = std::max(tw, text_width(l, s.font));
        b.rect(x - 3, y0 - lh / 2, x + tw + 3, y0 + lh * static_cast<float>(ls.size() - 1) + lh / 2,
               with_alpha(s.background, 220));
        for (size_t i = 0; i < ls.size(); ++i)
          b.text(x, y0 + lh * static_cast<float>(i), ls[i], s.text, Anchor::start);
      }
    }
  }
  size_t n_nodes = 0;
  for (const auto& ns : nodes) n_nodes += ns.size();
  b.scene.description = "Sankey, " + std::to_string(stages) + " stages, " + std::to_string(n_nodes) + " nodes, " +
                        std::to_string(links.size()) + " links";
  return b.scene;
}

}  // namespace zicht::report::charts
