// Categorical heat map: rows × columns of class colours, grouped rows, upright column labels, a class legend.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/palette.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

// Diagonal lines (lower left to upper right) every `gap` px, clipped to the rectangle.
void hatch(Builder& b, float x0, float y0, float x1, float y1, Rgba c, float gap) {
  if (x1 - x0 < 1 || y1 - y0 < 1) return;
  for (float u = x0 + y0 + gap * 0.5f; u < x1 + y1; u += gap) {
    // Points on x + y = u inside the box.
    const float xa = std::max(x0, u - y1), xb = std::min(x1, u - y0);
    if (xb - xa < 0.5f) continue;
    b.line(xa, u - xa, xb, u - xb, c, 1);
  }
}

// A cell or a legend swatch in the class's fill.
void paint(Builder& b, float x0, float y0, float x1, float y1, const CategoryClass& c, const Style& s) {
  switch (c.fill) {
    case Fill::solid:
      b.rect(x0, y0, x1, y1, c.colour);
      // A user colour too light for the background (a pale yellow field) keeps a visible edge.
      if (contrast_ratio(c.colour, s.background) < 3.0) b.rect(x0, y0, x1, y1, mix(c.colour, s.text, 0.5f), false, 1);
      break;
    case Fill::hatch:
    case Fill::hatch_outline:
      hatch(b, x0, y0, x1, y1, c.colour, 4.5f);
      if (c.fill == Fill::hatch_outline) b.rect(x0 + 0.75f, y0 + 0.75f, x1 - 0.75f, y1 - 0.75f, c.colour, false, 1.5f);
      break;
    case Fill::outline: b.rect(x0 + 0.5f, y0 + 0.5f, x1 - 0.5f, y1 - 0.5f, c.colour, false, 1); break;
  }
}

std::string legend_name(const CategoryClass& c) {
  return c.label.empty() || c.label == c.code ? c.code : c.code + ": " + c.label;
}

// The class legend from (x, y), wrapping within max_w; returns its height. Measures only when b is null.
float class_legend(Builder* b, const CategoryMapSpec& spec, float x, float y, float max_w, const Style& s) {
  if (spec.classes.empty()) return 0;
  const float sw = s.font * 0.9f, gap = s.font * 1.1f, row_h = s.font * 1.6f;
  float cx = x, cy = y + row_h / 2;
  if (!spec.legend_title.empty()) {
    const std::string t = fit(spec.legend_title, max_w, s.font);
    if (b) b->text(cx, cy, t, s.muted);
    cx += text_width(t, s.font) + gap;
  }
  for (const auto& c : spec.classes) {
    const std::string name = fit(legend_name(c), max_w - sw - 6, s.font);
    const float w = sw + 6 + text_width(name, s.font);
    if (cx > x && cx + w > x + max_w) {
      cx = x;
      cy += row_h;
    }
    if (b) {
      paint(*b, cx, cy - sw / 2, cx + sw, cy + sw / 2, c, s);
      b->text(cx + sw + 6, cy, name, s.text);
    }
    cx += w + gap;
  }
  return cy + row_h / 2 - y;
}

// Drawing rows: a header row opens each run of one group.
struct Line {
  bool header;
  size_t index;  // the row, or (header) the row whose group it opens
};
std::vector<Line> lines(const CategoryMapSpec& spec) {
  std::vector<Line> out;
  for (size_t r = 0; r < spec.rows.size(); ++r) {
    const std::string& g = r < spec.row_groups.size() ? spec.row_groups[r] : std::string();
    const std::string& prev = r > 0 && r - 1 < spec.row_groups.size() ? spec.row_groups[r - 1] : std::string();
    if (!g.empty() && (r == 0 || g != prev)) out.push_back({true, r});
    out.push_back({false, r});
  }
  return out;
}

// Column labels: one line, or two side by side when a long label and a wide enough column allow it.
struct ColumnLabels {
  float size = 0, height = 0;
  std::vector<std::vector<std::string>> text;
};
ColumnLabels column_labels(const CategoryMapSpec& spec, float cw, float width, const Style& s) {
  ColumnLabels c;
  c.size = std::max(6.0f, std::min(s.font * 0.92f, cw * 0.8f));
  // The header's height: room for about 25 characters, more on a wide chart.
  const float cap = std::max(s.font * 11, std::min(s.font * 16, width * 0.22f));
  const bool two = cw >= c.size * 2.4f;
  float longest = 0;
  for (const auto& label : spec.cols) {
    std::vector<std::string> parts{label};
    if (two && text_width(label, c.size) > cap) {
      // Break at the space nearest the middle.
      size_t best = std::string::npos;
      for (size_t i = label.find(' '); i != std::string::npos; i = label.find(' ', i + 1))
        if (best == std::string::npos || std::abs(static_cast<long>(i) - static_cast<long>(label.size() / 2)) <
                                             std::abs(static_cast<long>(best) - static_cast<long>(label.size() / 2)))
          best = i;
      if (best != std::string::npos) parts = {label.substr(0, best), label.substr(best + 1)};
    }
    for (auto& p : parts) {
      p = fit(p, cap, c.size);
      longest = std::max(longest, text_width(p, c.size));
    }
    c.text.push_back(std::move(parts));
  }
  c.height = longest + s.font * 0.6f;
  return c;
}

float label_width(const CategoryMapSpec& spec, float width, const Style& s) {
  return std::min(max_text_width(spec.rows, s.font) * 1.04f, width * 0.32f);
}

}  // namespace

float category_map_height(const CategoryMapSpec& spec, float width, const Style& s) {
  const float pad = s.font * 0.5f;
  const float legend_h = class_legend(nullptr, spec, pad, 0, width - 2 * pad, s);
  const float left = pad * 2 + label_width(spec, width, s);
  const float cw = spec.cols.empty() ? width : (width - pad - left) / static_cast<float>(spec.cols.size());
  const float header_h = column_labels(spec, cw, width, s).height;
  return std::ceil(legend_h + pad + header_h + static_cast<float>(lines(spec).size()) * s.font * 1.45f + pad);
}

Scene category_map(const CategoryMapSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t nr = spec.rows.size(), nc = spec.cols.size();
  if (nr == 0 || nc == 0 || spec.cells.size() < nr * nc) return b.scene;
  const float f = s.font, pad = f * 0.5f;
  const float legend_h = class_legend(&b, spec, pad, 0, width - 2 * pad, s) + (spec.classes.empty() ? 0 : pad);
  const float lw = label_width(spec, width, s);
  const float left = pad * 2 + lw, right = width - pad;
  const float cw = (right - left) / static_cast<float>(nc);
  const ColumnLabels cl = column_labels(spec, cw, width, s);
  const float top = legend_h + cl.height, bottom = height - pad;
  const std::vector<Line> ls = lines(spec);
  const float ch = (bottom - top) / static_cast<float>(ls.size());
  const float rf = std::max(6.0f, std::min(f, ch * 0.85f));
  // Codes in the cells only when every code fits: a partly written grid would read as if the rest were empty.
  const float vs = std::min(f * 0.8f, ch * 0.7f);
  bool codes = spec.codes_in_cells && ch >= vs * 1.1f;
  for (const auto& c : spec.classes)
    if (c.fill == Fill::solid && text_width(c.code, vs) + 4 > cw) codes = false;
  // Column labels, upright (reading upwards), their foot just above the grid.
  for (size_t c = 0; c < nc; ++c) {
    const float cx = left + cw * (static_cast<float>(c) + 0.5f);
    const auto& parts = cl.text[c];
    for (size_t i = 0; i < parts.size(); ++i) {
      const float dx = parts.size() == 1 ? 0 : (static_cast<float>(i) - 0.5f) * cl.size * 1.1f;
      b.text(cx + dx, top - f * 0.3f, parts[i], s.text, Anchor::start, cl.size, false, -90);
    }
    b.hit(cx - cw / 2, legend_h, cx + cw / 2, top, spec.cols[c]);
  }
  for (size_t k = 0; k < ls.size(); ++k) {
    const float y0 = top + ch * static_cast<float>(k), yc = y0 + ch / 2;
    const size_t r = ls[k].index;
    if (ls[k].header) {
      b.line(pad, y0 + 0.5f, right, y0 + 0.5f, s.axis);
      b.text(pad, yc, fit(spec.row_groups[r], (right - pad) / 1.08f, rf), s.text, Anchor::start, rf, true);
      continue;
    }
    b.text(left - pad, yc, fit(spec.rows[r], lw, rf), s.text, Anchor::end, rf);
    for (size_t c = 0; c < nc; ++c) {
      const float x0 = left + cw * static_cast<float>(c);
      const int ci = spec.cells[r * nc + c];
      if (ci < 0 || static_cast<size_t>(ci) >= spec.classes.size()) continue;
      const CategoryClass& cls = spec.classes[static_cast<size_t>(ci)];
      paint(b, x0 + 1, y0 + 1, x0 + cw - 1, y0 + ch - 1, cls, s);
      if (codes && cls.fill == Fill::solid)
        b.text(x0 + cw / 2, yc, cls.code, text_on(cls.colour), Anchor::middle, vs);
      const size_t i = r * nc + c;
      b.hit(x0, y0, x0 + cw, y0 + ch,
            i < spec.tips.size() && !spec.tips[i].empty() ? spec.tips[i]
                                                          : spec.rows[r] + " · " + spec.cols[c] + ": " + legend_name(cls));
    }
  }
  b.scene.description = std::to_string(nr) + " × " + std::to_string(nc) + " class map";
  return b.scene;
}

}  // namespace zicht::report::charts
