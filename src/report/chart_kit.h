#pragma once
// The chart kit: the internals every chart family (src/report/chart_*.cpp) draws with — the Scene builder, plot
// boxes, value axes, tick and value labels, legends, category labels and colour helpers. Internal to the chart
// files: everything else uses report/chart.h.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "report/chart.h"

namespace zicht::report::charts::kit {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

inline Rgba rgb(int r, int g, int b, int a = 255) {
  return Rgba{static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b), static_cast<uint8_t>(a)};
}
inline Rgba with_alpha(Rgba c, int a) {
  c.a = static_cast<uint8_t>(a);
  return c;
}
// Linear blend of two colours (t = 0: a, t = 1: b).
Rgba mix(Rgba a, Rgba b, float t);
float luminance(Rgba c);
// Readable text on a filled area.
Rgba text_on(Rgba fill);

struct Box {
  float l, t, r, b;
  float w() const { return r - l; }
  float h() const { return b - t; }
};

class Builder {
 public:
  Builder(float w, float h, const Style& s) : s_(s) {
    scene.width = w;
    scene.height = h;
  }
  void rect(float x0, float y0, float x1, float y1, Rgba c, bool filled = true, float width = 1) {
    Prim p;
    p.kind = Prim::Kind::rect;
    p.x0 = std::min(x0, x1);
    p.y0 = std::min(y0, y1);
    p.x1 = std::max(x0, x1);
    p.y1 = std::max(y0, y1);
    p.color = c;
    p.filled = filled;
    p.width = width;
    scene.prims.push_back(std::move(p));
  }
  void line(float x0, float y0, float x1, float y1, Rgba c, float width = 1) {
    Prim p;
    p.kind = Prim::Kind::line;
    p.x0 = x0;
    p.y0 = y0;
    p.x1 = x1;
    p.y1 = y1;
    p.color = c;
    p.width = width;
    scene.prims.push_back(std::move(p));
  }
  void poly(std::vector<float> pts, Rgba c, bool closed, float width = 1.5f) {
    if (pts.size() < 4) return;
    Prim p;
    p.kind = closed ? Prim::Kind::polygon : Prim::Kind::polyline;
    p.pts = std::move(pts);
    p.color = c;
    p.width = width;
    scene.prims.push_back(std::move(p));
  }
  void circle(float x, float y, float r, Rgba c) {
    Prim p;
    p.kind = Prim::Kind::circle;
    p.x0 = x;
    p.y0 = y;
    p.x1 = r;
    p.color = c;
    scene.prims.push_back(std::move(p));
  }
  // (x, y): the anchor point; y is the vertical middle of the text line.
  void text(float x, float y, std::string t, Rgba c, Anchor a = Anchor::start, float size = 0, bool bold = false,
            float rotate = 0) {
    Prim p;
    p.kind = Prim::Kind::text;
    p.x0 = x;
    p.y0 = y;
    p.text = std::move(t);
    p.color = c;
    p.anchor = a;
    p.size = size > 0 ? size : s_.font;
    p.bold = bold;
    p.rotate = rotate;
    scene.prims.push_back(std::move(p));
  }
  void hit(float x0, float y0, float x1, float y1, std::string tip) {
    scene.hits.push_back(Hit{std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1), std::move(tip)});
  }
  Scene scene;

 private:
  const Style& s_;
};

// Shortens text with "…" until it fits max_width (one pass: labels can be 100 kB of user text).
std::string fit(const std::string& text, float max_width, float size);
// Decimals that show every tick of this step exactly (2.5 → 1, 0.25 → 2, 20 → 0).
int decimals_for_step(double step);
std::string tick_label(double v, double step, i18n::Lang lang, const std::string& suffix = "");
// A value in a cell or at a point: "–" when missing; decimals -1: integers as integers, else one decimal.
std::string value_text(double v, int decimals, i18n::Lang lang, const std::string& suffix = "");
float max_text_width(const std::vector<std::string>& v, float size);

// Legend across the top; returns its height. The last `references` names are reference marks (a tick swatch).
// A single name gets no legend (its title says what it is) unless it is a reference or `always`.
float legend(Builder& b, const std::vector<std::string>& names, const std::vector<Rgba>& colours, float x, float y,
             float max_w, const Style& s, int references = 0, bool always = false);

// An axis title centred under the plot, shortened to the chart's width and moved in so it never leaves the chart.
void axis_title(Builder& b, const std::string& text, float centre, float y, float width, const Style& s);

// Legend entries: the series (when `with_series`), then the distinct reference labels; returns how many of the
// entries are references (legend()'s `references`).
int legend_entries(const std::vector<Series>& series, bool with_series, const std::vector<ReferenceMark>& refs,
                   const Style& s, std::vector<std::string>& names, std::vector<Rgba>& colours);

// The distinct labels of reference marks, in order (a mark per series shares one legend entry).
std::vector<std::string> reference_labels(const std::vector<ReferenceMark>& refs);

struct ValueAxis {
  double lo = 0, hi = 1;
  std::vector<double> ticks;
  double step = 1;
};

// Round ticks covering [lo, hi] (about 5), the axis extended to the outer ticks.
// whole: every value is a whole number (counts) — ticks never fall between two whole numbers.
ValueAxis value_axis(double lo, double hi, bool whole = false);
// True when every finite value of these series is a whole number (a count axis).
bool whole_values(const std::vector<Series>& series);

// Polyline points (x non-decreasing) reduced to the first, lowest, highest and last point per pixel column while
// they stream in: the drawn shape is the same, the vertex count bounded by the width, and a million points are
// never copied.
class ColumnReducer {
 public:
  void add(float x, float y) {
    const int c = static_cast<int>(x);  // x ≥ 0 inside a chart: truncation is the pixel column
    if (open_ && c == col_) {
      if (y < lo_[1]) lo_[0] = x, lo_[1] = y;
      if (y > hi_[1]) hi_[0] = x, hi_[1] = y;
      last_[0] = x, last_[1] = y;
      return;
    }
    flush();
    open_ = true;
    col_ = c;
    first_[0] = lo_[0] = hi_[0] = last_[0] = x;
    first_[1] = lo_[1] = hi_[1] = last_[1] = y;
  }
  std::vector<float> finish() {
    flush();
    return std::move(out_);
  }

 private:
  void emit(const float* p) {
    const size_t n = out_.size();
    if (n >= 2 && out_[n - 2] == p[0] && out_[n - 1] == p[1]) return;
    out_.push_back(p[0]);
    out_.push_back(p[1]);
  }
  void flush() {
    if (!open_) return;
    emit(first_);
    if (lo_[0] <= hi_[0]) {
      emit(lo_);
      emit(hi_);
    } else {
      emit(hi_);
      emit(lo_);
    }
    emit(last_);
    open_ = false;
  }
  bool open_ = false;
  int col_ = 0;
  float first_[2] = {0, 0}, lo_[2] = {0, 0}, hi_[2] = {0, 0}, last_[2] = {0, 0};
  std::vector<float> out_;
};

// Category labels under a band of cells or bars: straight when they fit, else rotated 45° and shortened; every
// k-th when even rotated ones would touch. Returns the height used.
float category_labels_height(const std::vector<std::string>& labels, float band, float height, const Style& s);
void category_labels(Builder& b, const std::vector<std::string>& labels, float left, float band, float y,
                     float used_h, const Style& s);

// Appends src's primitives and hits to dst, moved by (dx, dy) (a panel inside small multiples).
void offset_scene(Scene& dst, const Scene& src, float dx, float dy);

}  // namespace zicht::report::charts::kit
