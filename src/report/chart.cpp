#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "report/format.h"

namespace zicht::report::charts {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Rgba rgb(int r, int g, int b, int a = 255) {
  return Rgba{static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b), static_cast<uint8_t>(a)};
}
Rgba with_alpha(Rgba c, int a) {
  c.a = static_cast<uint8_t>(a);
  return c;
}

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
std::string fit(const std::string& text, float max_width, float size) {
  if (text_width(text, size) <= max_width) return text;
  const float budget = max_width - text_width("…", size);
  float w = 0;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    w += text_width(std::string_view(text).substr(i, next - i), size);
    if (w > budget) break;
    end = next;
    i = next;
  }
  return end == 0 ? std::string() : text.substr(0, end) + "…";
}

// Decimals that show every tick of this step exactly (2.5 → 1, 0.25 → 2, 20 → 0).
int decimals_for_step(double step) {
  if (!(step > 0)) return 0;
  for (int d = 0; d < 6; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
  }
  return 6;
}

std::string tick_label(double v, double step, i18n::Lang lang, const std::string& suffix = "") {
  return format_number(v, decimals_for_step(step), lang) + suffix;
}

// Legend across the top; returns its height.
float legend(Builder& b, const std::vector<std::string>& names, const std::vector<Rgba>& colours, float x, float y,
             float max_w, const Style& s, bool reference_last = false) {
  if (names.size() < 2 && !reference_last) return 0;
  const float sw = s.font * 0.8f, gap = s.font * 1.1f, row_h = s.font * 1.5f;
  float cx = x, cy = y + row_h / 2;
  for (size_t i = 0; i < names.size(); ++i) {
    const float w = sw + 6 + text_width(names[i], s.font);
    if (cx > x && cx + w > x + max_w) {
      cx = x;
      cy += row_h;
    }
    const bool is_ref = reference_last && i + 1 == names.size();
    if (is_ref)
      b.line(cx, cy, cx + sw, cy, colours[i], 3);
    else
      b.rect(cx, cy - sw / 2, cx + sw, cy + sw / 2, colours[i]);
    b.text(cx + sw + 6, cy, names[i], s.text);
    cx += w + gap;
  }
  return cy + row_h / 2 - y;
}

struct ValueAxis {
  double lo = 0, hi = 1;
  std::vector<double> ticks;
  double step = 1;
};

ValueAxis value_axis(double lo, double hi) {
  ValueAxis a;
  if (!(hi > lo)) hi = lo + 1;
  a.ticks = nice_ticks(lo, hi, 5);
  a.lo = std::min(lo, a.ticks.front());
  a.hi = std::max(hi, a.ticks.back());
  a.step = a.ticks.size() > 1 ? a.ticks[1] - a.ticks[0] : 1;
  return a;
}

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

float max_text_width(const std::vector<std::string>& v, float size) {
  float m = 0;
  for (const auto& s : v) m = std::max(m, text_width(s, size));
  return m;
}

}  // namespace

namespace {
Rgba mix_rgb(Rgba a, Rgba b, float t) {
  auto m = [t](uint8_t x, uint8_t y) { return static_cast<uint8_t>(std::lround(x + (y - x) * t)); };
  return Rgba{m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}
}  // namespace

Style Style::light() {
  Style s;
  s.text = rgb(29, 37, 48);
  s.muted = rgb(92, 101, 114);
  s.grid = rgb(226, 229, 232);
  s.axis = rgb(150, 156, 164);
  s.background = rgb(255, 255, 255);
  s.band = rgb(0, 114, 178, 50);
  // Okabe–Ito, colour-blind safe.
  const Rgba c[8] = {rgb(0, 114, 178), rgb(213, 94, 0), rgb(0, 158, 115), rgb(204, 121, 167),
                     rgb(86, 180, 233), rgb(230, 159, 0), rgb(120, 120, 120), rgb(180, 165, 20)};
  std::copy(c, c + 8, s.series);
  s.reference = rgb(29, 37, 48);
  return s;
}

Style Style::dark_theme() {
  Style s;
  s.dark = true;
  s.text = rgb(230, 233, 237);
  s.muted = rgb(160, 168, 178);
  s.grid = rgb(52, 58, 66);
  s.axis = rgb(110, 118, 128);
  s.background = rgb(33, 37, 44);
  s.band = rgb(86, 180, 233, 60);
  const Rgba c[8] = {rgb(86, 180, 233), rgb(230, 159, 0), rgb(0, 178, 130), rgb(224, 141, 187),
                     rgb(0, 134, 198), rgb(233, 114, 20), rgb(170, 170, 170), rgb(240, 228, 66)};
  std::copy(c, c + 8, s.series);
  s.reference = rgb(240, 240, 240);
  return s;
}

Style Style::scaled_for_presentation() const {
  Style s = *this;
  s.presentation = true;
  s.font = font * 1.45f;
  // High contrast on a projector: secondary text as strong as primary text, firmer grid and axes.
  s.muted = mix_rgb(s.muted, s.text, 0.6f);
  s.axis = s.text;
  s.grid = mix_rgb(s.grid, s.axis, 0.15f);
  return s;
}

float text_width(std::string_view text, float size) {
  // Advance widths of Noto Sans in em, by character class.
  float em = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    if (c >= 0x80) em += 0.58f;         // accented letters, —, …
    else if (c == ' ') em += 0.26f;
    else if (std::string_view("ijl.,:;'|!()[]{}/\\-").find(static_cast<char>(c)) != std::string_view::npos) em += 0.3f;
    else if (std::string_view("frtI").find(static_cast<char>(c)) != std::string_view::npos) em += 0.38f;
    else if (std::string_view("mwMW%@").find(static_cast<char>(c)) != std::string_view::npos) em += 0.86f;
    else if (c >= 'A' && c <= 'Z') em += 0.66f;
    else if (c >= '0' && c <= '9') em += 0.57f;
    else em += 0.55f;
  }
  return em * size;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1;
  const double raw = (hi - lo) / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag * 10;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (mag * m >= raw) {
      step = mag * m;
      break;
    }
  std::vector<double> t;
  const double start = std::floor(lo / step + 1e-9) * step;
  for (double v = start; v <= hi + step * 0.999; v += step) t.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  return t;
}

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
                           : value_axis(0, vmax * (spec.value_labels && !stacked ? 1.08 : 1.0));
  const std::string suffix = pct100 ? " %" : spec.unit_suffix;

  // Legend.
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  for (size_t k = 0; k < ns; ++k) {
    names.push_back(spec.series[k].name);
    colours.push_back(s.series[k % 8]);
  }
  for (const auto& r : spec.references) {
    names.push_back(r.label);
    colours.push_back(s.reference);
  }
  const float top =
      6 + (spec.show_legend ? legend(b, names, colours, 8, 4, width - 16, s, !spec.references.empty()) : 0);

  std::vector<std::string> tick_text;
  for (double t : ax.ticks) tick_text.push_back(tick_label(t, ax.step, s.lang, suffix));
  const float pad = s.font * 0.5f;

  if (spec.horizontal) {
    const float label_w = std::min(max_text_width(spec.categories, s.font), width * 0.38f);
    Box p{label_w + pad * 2, top + pad, width - pad * 2 - text_width(tick_text.back(), s.font) / 2,
          height - s.font * 2.2f - (spec.value_label.empty() ? 0 : s.font * 1.4f)};
    auto X = [&](double v) { return p.l + static_cast<float>((v - ax.lo) / (ax.hi - ax.lo)) * p.w(); };
    for (size_t i = 0; i < ax.ticks.size(); ++i) {
      const float x = X(ax.ticks[i]);
      b.line(x, p.t, x, p.b, s.grid);
      b.text(x, p.b + s.font * 0.9f, tick_text[i], s.muted, Anchor::middle);
    }
    if (!spec.value_label.empty()) b.text(p.l + p.w() / 2, height - s.font * 0.8f, spec.value_label, s.muted, Anchor::middle);
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
        b.rect(x0, y0, x1, y1, s.series[k % 8]);
        const std::string label = tick_label(v, v == std::floor(v) ? 1 : 0.1, s.lang, suffix);
        const size_t tip_i = c * ns + k;
        b.hit(x0, y0, x1, y1,
              tip_i < spec.tips.size() ? spec.tips[tip_i]
                                       : spec.categories[c] + (ns > 1 ? " · " + spec.series[k].name : "") + ": " + label);
        if (spec.value_labels && y1 - y0 >= s.font * 0.9f) {
          const float tw = text_width(label, s.font * 0.9f);
          if (stacked) {
            if (x1 - x0 > tw + 6) b.text((x0 + x1) / 2, (y0 + y1) / 2, label, rgb(255, 255, 255), Anchor::middle, s.font * 0.9f);
          } else {
            // Clear of a reference mark that would run through the label.
            float lx = x1 + 4;
            for (const auto& ref : spec.references) {
              const double rv = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
              if (std::isfinite(rv) && X(rv) >= lx - 3 && X(rv) <= lx + tw + 3) lx = X(rv) + 5;
            }
            if (lx + tw < p.r + pad * 2) b.text(lx, (y0 + y1) / 2, label, s.text, Anchor::start, s.font * 0.9f);
          }
        }
      }
      for (const auto& ref : spec.references) {
        const double v = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
        if (!std::isfinite(v)) continue;
        const float x = X(v);
        b.line(x, cy - band * 0.45f, x, cy + band * 0.45f, s.reference, 3);
        b.hit(x - 3, cy - band * 0.45f, x + 3, cy + band * 0.45f, ref.label + ": " + tick_label(v, 0.1, s.lang, suffix));
      }
    }
    b.line(p.l, p.t, p.l, p.b, s.axis);
  } else {
    const float tick_w = max_text_width(tick_text, s.font);
    const float left = tick_w + pad * 2 + (spec.value_label.empty() ? 0 : s.font * 1.4f);
    const float plot_w = width - left - pad * 2;
    const float band = plot_w / static_cast<float>(nc);
    // Category labels: straight when they fit, else rotated 45°, shortened to a third of the height; when even
    // rotated labels would collide, only every k-th is shown.
    const float label_w = max_text_width(spec.categories, s.font);
    const bool straight = label_w <= band - 6;
    const float rot_h = std::min(label_w * 0.72f + s.font, height * 0.34f);
    const float label_h = straight ? s.font * 1.8f : rot_h;
    const size_t every = straight || band >= s.font * 1.25f ? 1 : static_cast<size_t>(std::ceil(s.font * 1.25f / band));
    Box p{left, top + pad, width - pad * 2, height - label_h - pad};
    auto Y = [&](double v) { return p.b - static_cast<float>((v - ax.lo) / (ax.hi - ax.lo)) * p.h(); };
    for (size_t i = 0; i < ax.ticks.size(); ++i) {
      const float y = Y(ax.ticks[i]);
      b.line(p.l, y, p.r, y, s.grid);
      b.text(p.l - pad, y, tick_text[i], s.muted, Anchor::end);
    }
    if (!spec.value_label.empty())
      b.text(s.font * 0.8f, p.t + p.h() / 2, fit(spec.value_label, p.h(), s.font), s.muted, Anchor::middle, 0, false, -90);
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
        b.rect(x0, y0, x1, y1, s.series[k % 8]);
        const std::string label = tick_label(v, v == std::floor(v) ? 1 : 0.1, s.lang, suffix);
        const size_t tip_i = c * ns + k;
        b.hit(x0, y0, x1, y1,
              tip_i < spec.tips.size() ? spec.tips[tip_i]
                                       : spec.categories[c] + (ns > 1 ? " · " + spec.series[k].name : "") + ": " + label);
        if (spec.value_labels) {
          const float tw = text_width(label, s.font * 0.9f);
          if (stacked) {
            if (y1 - y0 > s.font * 1.1f && x1 - x0 > tw + 4)
              b.text(cx, (y0 + y1) / 2, label, rgb(255, 255, 255), Anchor::middle, s.font * 0.9f);
          } else if (x1 - x0 >= tw * 0.9f) {
            // Above the bar, and above a reference mark that would run through the label.
            float top_y = y0;
            for (const auto& ref : spec.references) {
              const double rv = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
              if (!std::isfinite(rv)) continue;
              const float ry = Y(rv);
              if (ry <= top_y + 2 && ry >= top_y - s.font * 1.3f) top_y = ry - 2;
            }
            b.text((x0 + x1) / 2, top_y - s.font * 0.6f, label, s.text, Anchor::middle, s.font * 0.9f);
          }
        }
      }
      for (const auto& ref : spec.references) {
        const double v = ref.values.size() == 1 ? ref.values[0] : (c < ref.values.size() ? ref.values[c] : kNaN);
        if (!std::isfinite(v)) continue;
        const float y = Y(v);
        b.line(cx - band * 0.45f, y, cx + band * 0.45f, y, s.reference, 3);
        b.hit(cx - band * 0.45f, y - 3, cx + band * 0.45f, y + 3, ref.label + ": " + tick_label(v, 0.1, s.lang, suffix));
      }
    }
    b.line(p.l, p.b, p.r, p.b, s.axis);
  }
  b.scene.description = std::to_string(nc) + " categories, " + std::to_string(ns) + " series";
  return b.scene;
}

Scene histogram(const HistogramSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = spec.counts.size();
  if (n == 0) return b.scene;
  const double cmax = *std::max_element(spec.counts.begin(), spec.counts.end());
  const ValueAxis ay = value_axis(0, std::isfinite(spec.axis_max) ? spec.axis_max : cmax);
  std::vector<std::string> ytext;
  for (double t : ay.ticks) ytext.push_back(tick_label(t, ay.step, s.lang));
  const float pad = s.font * 0.5f;
  Box p{max_text_width(ytext, s.font) + pad * 2 + (spec.count_label.empty() ? 0 : s.font * 1.4f), pad * 2,
        width - pad * 3, height - s.font * 2.0f - (spec.value_label.empty() ? 0 : s.font * 1.4f)};
  const double xlo = spec.lower.front(), xhi = spec.upper.back();
  auto X = [&](double v) { return p.l + static_cast<float>((v - xlo) / (xhi - xlo)) * p.w(); };
  auto Y = [&](double v) { return p.b - static_cast<float>((v - ay.lo) / (ay.hi - ay.lo)) * p.h(); };
  for (size_t i = 0; i < ay.ticks.size(); ++i) {
    b.line(p.l, Y(ay.ticks[i]), p.r, Y(ay.ticks[i]), s.grid);
    b.text(p.l - pad, Y(ay.ticks[i]), ytext[i], s.muted, Anchor::end);
  }
  for (size_t i = 0; i < n; ++i) {
    const float x0 = X(spec.lower[i]) + 0.5f, x1 = X(spec.upper[i]) - 0.5f;
    b.rect(x0, Y(spec.counts[i]), x1, Y(0), s.series[0]);
    b.hit(x0, Y(spec.counts[i]), x1, Y(0),
          "[" + format_number(spec.lower[i], -1, s.lang) + "; " + format_number(spec.upper[i], -1, s.lang) +
              "): " + format_number(spec.counts[i], 0, s.lang));
  }
  // x ticks at round values within the range, skipping labels that would touch.
  const auto xt = nice_ticks(xlo, xhi, std::max(2, static_cast<int>(p.w() / (s.font * 6))));
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
  if (!spec.value_label.empty()) b.text(p.l + p.w() / 2, height - s.font * 0.8f, spec.value_label, s.muted, Anchor::middle);
  if (!spec.count_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, spec.count_label, s.muted, Anchor::middle, 0, false, -90);
  b.line(p.l, p.b, p.r, p.b, s.axis);
  b.scene.description = std::to_string(n) + " bins";
  return b.scene;
}

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
    const Rgba c = s.series[i % 8];
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

Scene km_chart(const KmSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  if (spec.curves.empty()) return b.scene;
  double tmax = 0;
  for (const auto& c : spec.curves)
    for (double t : c.time) tmax = std::max(tmax, t);
  for (double t : spec.risk_times) tmax = std::max(tmax, t);
  const auto xt = nice_ticks(0, tmax > 0 ? tmax : 1, 6);
  const double xhi = xt.back();
  const float pad = s.font * 0.5f;
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  for (size_t k = 0; k < spec.curves.size(); ++k) {
    names.push_back(spec.curves[k].name);
    colours.push_back(s.series[k % 8]);
  }
  const float top = 6 + legend(b, names, colours, 8, 4, width - 16, s);
  const float risk_h = spec.risk_times.empty() ? 0 : s.font * 1.5f * static_cast<float>(spec.curves.size() + 1);
  const float name_w = spec.risk_times.empty() ? 0 : std::min(max_text_width(names, s.font), width * 0.2f);
  // The number-at-risk row is centred on the ticks: the first column must clear the curve names.
  float risk_w = 0;
  for (const auto& row : spec.at_risk)
    for (long v : row) risk_w = std::max(risk_w, text_width(std::to_string(v), s.font));
  Box p{std::max(text_width("100 %", s.font) + pad * 2 + (spec.y_label.empty() ? 0 : s.font * 1.4f),
                 name_w + pad * 3 + risk_w / 2),
        top + pad, width - pad * 4, height - s.font * 2.2f - risk_h - (spec.x_label.empty() ? 0 : s.font * 1.4f)};
  auto X = [&](double v) { return p.l + static_cast<float>(v / xhi) * p.w(); };
  auto Y = [&](double v) { return p.b - static_cast<float>(v) * p.h(); };
  for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    b.line(p.l, Y(t), p.r, Y(t), s.grid);
    b.text(p.l - pad, Y(t), format_number(t * 100, 0, s.lang) + " %", s.muted, Anchor::end);
  }
  for (double t : xt) {
    b.line(X(t), p.b, X(t), p.b + 4, s.axis);
    b.text(X(t), p.b + s.font * 0.9f, format_number(t, -1, s.lang), s.muted, Anchor::middle);
  }
  for (size_t k = 0; k < spec.curves.size(); ++k) {
    const auto& c = spec.curves[k];
    const Rgba col = s.series[k % 8];
    // Step function: horizontal to the next event time, then down.
    ColumnReducer line;
    line.add(X(0), Y(1));
    double prev = 1;
    for (size_t i = 0; i < c.time.size(); ++i) {
      const float x = X(c.time[i]);
      line.add(x, Y(prev));
      line.add(x, Y(c.survival[i]));
      prev = c.survival[i];
    }
    line.add(X(c.time.empty() ? 0 : std::max(c.time.back(), c.censor_times.empty() ? 0.0 : c.censor_times.back())), Y(prev));
    const bool dense = static_cast<float>(c.time.size()) * 2 > p.w();
    if (spec.show_ci && dense && c.lower.size() == c.time.size() && c.upper.size() == c.time.size()) {
      // Many events: the band sampled once per pixel column (upper forward, lower back, aligned in x).
      std::vector<float> up, lo;
      const float x_end = X(c.time.back());
      double pu = 1, pl = 1;
      size_t i = 0;
      for (float x = X(0); x <= x_end + 0.5f; x += 1) {
        float umax = static_cast<float>(pu), lmin = static_cast<float>(pl);
        while (i < c.time.size() && X(c.time[i]) <= x) {
          if (std::isfinite(c.upper[i])) pu = c.upper[i];
          if (std::isfinite(c.lower[i])) pl = c.lower[i];
          umax = std::max(umax, static_cast<float>(pu));
          lmin = std::min(lmin, static_cast<float>(pl));
          ++i;
        }
        up.insert(up.end(), {x, Y(umax)});
        lo.insert(lo.end(), {x, Y(lmin)});
      }
      for (size_t k = lo.size(); k >= 2; k -= 2) up.insert(up.end(), {lo[k - 2], lo[k - 1]});
      b.poly(up, with_alpha(col, 45), true);
    } else if (spec.show_ci && c.lower.size() == c.time.size() && !c.time.empty()) {
      // CI band as one polygon: upper steps forward, lower steps back.
      std::vector<float> band{X(0), Y(1)};
      double pu = 1, pl = 1;
      for (size_t i = 0; i < c.time.size(); ++i) {
        const double u = std::isfinite(c.upper[i]) ? c.upper[i] : pu;
        band.insert(band.end(), {X(c.time[i]), Y(pu), X(c.time[i]), Y(u)});
        pu = u;
      }
      band.insert(band.end(), {X(c.time.back()), Y(pu)});
      std::vector<float> lower_pts{X(0), Y(1)};
      for (size_t i = 0; i < c.time.size(); ++i) {
        const double l = std::isfinite(c.lower[i]) ? c.lower[i] : pl;
        lower_pts.insert(lower_pts.end(), {X(c.time[i]), Y(pl), X(c.time[i]), Y(l)});
        pl = l;
      }
      lower_pts.insert(lower_pts.end(), {X(c.time.back()), Y(pl)});
      for (size_t i = lower_pts.size(); i >= 2; i -= 2) {
        band.push_back(lower_pts[i - 2]);
        band.push_back(lower_pts[i - 1]);
      }
      b.poly(band, with_alpha(col, 45), true);
    }
    b.poly(line.finish(), col, false, s.presentation ? 3.5f : 2.2f);
    // Censor ticks where they can be told apart; with censoring denser than one per 8 px they would only turn the
    // curve into a comb, so they are left out (the at-risk row still tells the story).
    float last_tick = -1e9f;
    const bool ticks = static_cast<float>(c.censor_times.size()) <= p.w() / 8;
    for (size_t i = 0; ticks && i < c.censor_times.size(); ++i) {
      const float x = X(c.censor_times[i]);
      if (x - last_tick < 6) continue;  // dense censoring: one tick per 6 px, or the curve turns into a comb
      last_tick = x;
      const float y = Y(i < c.censor_survival.size() ? c.censor_survival[i] : prev);
      b.line(x, y - 4, x, y + 4, col, s.presentation ? 2.5f : 1.5f);
    }
    float last_hit = -1e9f;
    for (size_t i = 0; i < c.time.size(); ++i) {
      if (X(c.time[i]) - last_hit < 6) continue;
      last_hit = X(c.time[i]);
      b.hit(X(c.time[i]) - 4, Y(c.survival[i]) - 6, X(c.time[i]) + 4, Y(c.survival[i]) + 6,
            c.name + ": " + format_number(c.time[i], 1, s.lang) + " · " +
                format_number(c.survival[i] * 100, 1, s.lang) + " %");
    }
  }
  b.line(p.l, p.b, p.r, p.b, s.axis);
  if (!spec.x_label.empty())
    b.text(p.l + p.w() / 2, p.b + s.font * 2.2f, spec.x_label, s.muted, Anchor::middle);
  if (!spec.y_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, spec.y_label, s.muted, Anchor::middle, 0, false, -90);
  if (!spec.risk_times.empty()) {
    float y = p.b + s.font * 2.2f + (spec.x_label.empty() ? 0 : s.font * 1.4f) + s.font * 0.8f;
    b.text(pad, y, i18n::tr("chart.at_risk", s.lang), s.muted, Anchor::start, 0, true);
    for (size_t k = 0; k < spec.curves.size() && k < spec.at_risk.size(); ++k) {
      y += s.font * 1.5f;
      b.text(pad, y, fit(spec.curves[k].name, name_w, s.font), s.series[k % 8]);
      for (size_t i = 0; i < spec.risk_times.size() && i < spec.at_risk[k].size(); ++i)
        b.text(X(spec.risk_times[i]), y, std::to_string(spec.at_risk[k][i]), s.text, Anchor::middle);
    }
  }
  b.scene.description = std::to_string(spec.curves.size()) + " Kaplan-Meier curves";
  return b.scene;
}

// ---------------------------------------------------------------------------------------------------------------
// Heat map, Sankey, diverging (Likert) bars, slope graph, small multiples.

namespace {

Rgba mix(Rgba a, Rgba b, float t) {
  auto m = [t](uint8_t x, uint8_t y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
  return rgb(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a));
}

float luminance(Rgba c) { return (0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b) / 255.0f; }

// Readable text on a filled area.
Rgba text_on(Rgba fill) { return luminance(fill) > 0.55f ? rgb(20, 24, 30) : rgb(255, 255, 255); }

std::string value_text(double v, int decimals, i18n::Lang lang, const std::string& suffix = "") {
  if (!std::isfinite(v)) return "–";
  const int d = decimals >= 0 ? decimals : (v == std::floor(v) ? 0 : 1);
  return format_number(v, d, lang) + suffix;
}

void offset_scene(Scene& dst, const Scene& src, float dx, float dy) {
  for (Prim p : src.prims) {
    p.x0 += dx;
    p.y0 += dy;
    if (p.kind == Prim::Kind::rect || p.kind == Prim::Kind::line) {
      p.x1 += dx;
      p.y1 += dy;
    }
    for (size_t i = 0; i + 1 < p.pts.size(); i += 2) {
      p.pts[i] += dx;
      p.pts[i + 1] += dy;
    }
    dst.prims.push_back(std::move(p));
  }
  for (Hit h : src.hits) {
    h.x0 += dx;
    h.x1 += dx;
    h.y0 += dy;
    h.y1 += dy;
    dst.hits.push_back(std::move(h));
  }
}

// Category labels under a band of cells or bars: straight when they fit, else rotated 45° and shortened; every
// k-th when even rotated ones would touch. Returns the height used.
float category_labels_height(const std::vector<std::string>& labels, float band, float height, const Style& s) {
  const float label_w = max_text_width(labels, s.font);
  if (label_w <= band - 6) return s.font * 1.8f;
  return std::min(label_w * 0.72f + s.font, height * 0.3f);
}

void category_labels(Builder& b, const std::vector<std::string>& labels, float left, float band, float y,
                     float used_h, const Style& s) {
  const float label_w = max_text_width(labels, s.font);
  const bool straight = label_w <= band - 6;
  const size_t every = straight || band >= s.font * 1.25f ? 1 : static_cast<size_t>(std::ceil(s.font * 1.25f / band));
  for (size_t c = 0; c < labels.size(); c += every) {
    const float cx = left + band * (static_cast<float>(c) + 0.5f);
    if (straight)
      b.text(cx, y + s.font * 0.9f, labels[c], s.text, Anchor::middle);
    else
      b.text(cx + s.font * 0.3f, y + s.font * 0.6f,
             fit(labels[c], std::min(used_h - s.font, cx + s.font * 0.3f - 2) / 0.72f, s.font), s.text, Anchor::end,
             0, false, -45);
  }
}

}  // namespace

Rgba ramp_colour(double t, const Style& style) {
  // ColorBrewer YlGnBu (sequential, colour-blind safe); in the dark theme the ramp runs from dark to light so that
  // "more" is always the stronger contrast with the background.
  static const Rgba stops[9] = {rgb(255, 255, 217), rgb(237, 248, 177), rgb(199, 233, 180), rgb(127, 205, 187),
                                rgb(65, 182, 196),  rgb(29, 145, 192),  rgb(34, 94, 168),   rgb(37, 52, 148),
                                rgb(8, 29, 88)};
  if (!std::isfinite(t)) t = 0;
  t = std::clamp(t, 0.0, 1.0);
  if (style.dark) t = 1 - t;
  const double f = t * 8;
  const int i = std::min(7, static_cast<int>(f));
  return mix(stops[i], stops[i + 1], static_cast<float>(f - i));
}

std::vector<float> spread_labels(const std::vector<float>& ys, float gap, float lo, float hi) {
  const size_t n = ys.size();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ys[a] < ys[b]; });
  std::vector<float> y(n);
  for (size_t k = 0; k < n; ++k) y[k] = std::clamp(ys[order[k]], lo, std::max(lo, hi));
  // Clusters of labels that touch are centred on their wanted positions, then merged until none overlap
  // (the classic iterative label-placement pass; converges in at most n merges).
  struct Cluster {
    size_t first, count;
    float top;
  };
  std::vector<Cluster> cl;
  for (size_t k = 0; k < n; ++k) {
    cl.push_back({k, 1, y[k]});
    while (cl.size() > 1) {
      Cluster& a = cl[cl.size() - 2];
      Cluster& c = cl.back();
      if (a.top + gap * static_cast<float>(a.count) <= c.top + 1e-4f) break;
      // Merge: place the joint block centred on the mean of the wanted positions.
      float sum = 0;
      const size_t count = a.count + c.count;
      for (size_t j = a.first; j < a.first + count; ++j) sum += y[j] - gap * static_cast<float>(j - a.first);
      a.count = count;
      a.top = sum / static_cast<float>(count);
      cl.pop_back();
    }
  }
  // Keep the blocks inside [lo, hi] (pushing from the bottom, then from the top).
  float limit = hi;
  for (size_t i = cl.size(); i-- > 0;) {
    const float bottom = cl[i].top + gap * static_cast<float>(cl[i].count - 1);
    if (bottom > limit) cl[i].top -= bottom - limit;
    limit = cl[i].top - gap;
  }
  float floor_y = lo;
  for (auto& c : cl) {
    if (c.top < floor_y) c.top = floor_y;
    floor_y = c.top + gap * static_cast<float>(c.count);
  }
  std::vector<float> out(n);
  for (const auto& c : cl)
    for (size_t j = 0; j < c.count; ++j) out[order[c.first + j]] = c.top + gap * static_cast<float>(j);
  return out;
}

size_t estimate_vertices(const Scene& scene) {
  size_t v = 0;
  for (const auto& p : scene.prims) {
    switch (p.kind) {
      case Prim::Kind::rect: v += p.filled ? 4 : 16; break;
      case Prim::Kind::line: v += 8; break;
      case Prim::Kind::polyline: v += p.pts.size() / 2 * 4; break;
      case Prim::Kind::polygon: v += (p.pts.size() / 4) * 8; break;
      case Prim::Kind::circle: v += 24; break;
      case Prim::Kind::text:
        for (unsigned char c : p.text)
          if ((c & 0xC0) != 0x80 && c != ' ') v += 4;
        break;
    }
  }
  return v;
}

Scene heatmap(const HeatmapSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t nr = spec.rows.size(), nc = spec.cols.size();
  if (nr == 0 || nc == 0 || spec.values.size() < nr * nc) return b.scene;
  double lo = kNaN, hi = kNaN;
  for (size_t i = 0; i < nr * nc; ++i) {
    const double v = spec.values[i];
    if (!std::isfinite(v)) continue;
    lo = std::isfinite(lo) ? std::min(lo, v) : v;
    hi = std::isfinite(hi) ? std::max(hi, v) : v;
  }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  const auto ticks = nice_ticks(std::min(lo, 0.0), hi, 4);
  const double rlo = ticks.front(), rhi = ticks.back() > rlo ? ticks.back() : rlo + 1;
  const double tstep = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  const float pad = s.font * 0.5f;
  const float label_w = std::min(max_text_width(spec.rows, s.font), width * 0.3f);
  const float legend_h = s.font * 3.0f;
  const float left = label_w + pad * 2, right = width - pad * 2;
  const float cw = (right - left) / static_cast<float>(nc);
  const float col_h = category_labels_height(spec.cols, cw, height, s);
  Box p{left, pad, right, height - legend_h - col_h};
  const float ch = p.h() / static_cast<float>(nr);
  const float vsize = s.font * 0.9f;
  // Every n-th row label when rows are thinner than a line. Clamped before the cast: with a degenerate height
  // (ch ≤ 0 or tiny) the quotient is infinite or beyond 32 bits, and a 32-bit size_t (wasm) would become 0.
  const double label_ratio = ch > 0 ? std::ceil(s.font * 1.1 / ch) : 1e6;
  const size_t label_every = static_cast<size_t>(std::max(1.0, std::min(1e6, label_ratio)));
  for (size_t r = 0; r < nr; ++r) {
    const float y0 = p.t + ch * static_cast<float>(r);
    if (ch >= s.font * 1.1f || r % label_every == 0)
      b.text(p.l - pad, y0 + ch / 2, fit(spec.rows[r], label_w, s.font), s.text, Anchor::end);
    for (size_t c = 0; c < nc; ++c) {
      const double v = spec.values[r * nc + c];
      const float x0 = p.l + cw * static_cast<float>(c);
      const Rgba fill = std::isfinite(v) ? ramp_colour((v - rlo) / (rhi - rlo), s) : s.grid;
      b.rect(x0 + 1, y0 + 1, x0 + cw - 1, y0 + ch - 1, fill);
      const std::string label = value_text(v, spec.decimals, s.lang, spec.unit_suffix);
      if (cw >= text_width(label, vsize) + 8 && ch >= vsize * 1.4f)
        b.text(x0 + cw / 2, y0 + ch / 2, label, std::isfinite(v) ? text_on(fill) : s.muted, Anchor::middle, vsize);
      b.hit(x0, y0, x0 + cw, y0 + ch, spec.rows[r] + " · " + spec.cols[c] + ": " + label);
    }
  }
  category_labels(b, spec.cols, p.l, cw, p.b, col_h, s);
  // Colour legend: title, then the ramp with round ticks under it.
  const float ly = p.b + col_h + s.font * 0.4f;
  float lx = p.l;
  if (!spec.value_label.empty()) {
    const std::string t = fit(spec.value_label, width * 0.3f, s.font);
    b.text(lx, ly + 5, t, s.muted);
    lx += text_width(t, s.font) + s.font;
  }
  const float lw = std::min(280.0f, right - lx - s.font);
  const int steps = 32;
  for (int i = 0; i < steps; ++i) {
    const float x0 = lx + lw * static_cast<float>(i) / steps, x1 = lx + lw * static_cast<float>(i + 1) / steps;
    b.rect(x0, ly, x1 + 0.5f, ly + 10, ramp_colour((i + 0.5) / steps, s));
  }
  for (double t : ticks) {
    const float x = lx + static_cast<float>((t - rlo) / (rhi - rlo)) * lw;
    b.line(x, ly + 10, x, ly + 13, s.axis);
    b.text(x, ly + 13 + s.font * 0.6f, tick_label(t, tstep, s.lang, spec.unit_suffix), s.muted, Anchor::middle);
  }
  b.scene.description = std::to_string(nr) + " × " + std::to_string(nc) + " heat map";
  return b.scene;
}

Scene sankey(const SankeySpec& spec, float width, float height, const Style& s) {
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
  const float lw = std::min(max_text_width(lab[0], s.font), width * 0.22f);
  const float rw = std::min(max_text_width(lab[2], s.font), width * 0.22f);
  const float xs[3] = {lw + pad * 2, 0, width - rw - pad * 2 - nw};
  const float x_mid = (xs[0] + xs[2]) / 2;
  const float xpos[3] = {xs[0], x_mid, xs[2]};
  const float head_h = s.font * 1.8f;
  for (int st = 0; st < 3; ++st)
    if (!spec.stages[st].empty())
      b.text(st == 0 ? xpos[0] : st == 2 ? xpos[2] + nw : xpos[1] + nw / 2, head_h / 2, spec.stages[st], s.muted,
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
  auto node_colour = [&](int st, size_t k) {
    return nodes[st][k].name == other ? s.series[6] : s.series[k % 6];
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
      b.poly(up, with_alpha(node_colour(st, l.from), s.dark ? 110 : 90), true);
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
      const std::string t = fit(lab[st][k], room, s.font);
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

Scene likert_chart(const LikertSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t ni = spec.items.size(), nl = spec.levels.size();
  if (ni == 0 || nl == 0) return b.scene;
  const int neutral = spec.neutral >= -1 ? spec.neutral : (nl % 2 == 1 ? static_cast<int>(nl / 2) : -1);
  // Colours: a diverging orange–blue scale (colour-blind safe), neutral grey; strongest at the extremes.
  std::vector<Rgba> colours(nl);
  const Rgba neg = s.dark ? rgb(233, 114, 20) : rgb(213, 94, 0), pos = s.dark ? rgb(86, 180, 233) : rgb(0, 114, 178);
  const Rgba pale = s.dark ? rgb(90, 96, 106) : rgb(236, 236, 236);
  const size_t half = neutral >= 0 ? static_cast<size_t>(neutral) : nl / 2;
  for (size_t l = 0; l < nl; ++l) {
    if (static_cast<int>(l) == neutral) {
      colours[l] = s.dark ? rgb(128, 134, 142) : rgb(190, 190, 190);
    } else if (l < half) {
      colours[l] = mix(neg, pale, 0.55f * static_cast<float>(l) / static_cast<float>(std::max<size_t>(1, half)));
    } else {
      const size_t first_pos = neutral >= 0 ? half + 1 : half;
      const size_t npos = nl - first_pos;
      colours[l] = mix(pos, pale, 0.55f * static_cast<float>(nl - 1 - l) / static_cast<float>(std::max<size_t>(1, npos)));
    }
  }
  // Shares per item; extent left and right of the centre.
  std::vector<std::vector<double>> pct(ni, std::vector<double>(nl, 0));
  std::vector<double> totals(ni, 0), left(ni, 0);
  double extent = 0;
  for (size_t i = 0; i < ni; ++i) {
    for (size_t l = 0; l < nl; ++l) {
      const double v = i < spec.counts.size() && l < spec.counts[i].size() ? spec.counts[i][l] : 0;
      totals[i] += std::isfinite(v) ? v : 0;
    }
    double r = 0;
    for (size_t l = 0; l < nl; ++l) {
      const double v = i < spec.counts.size() && l < spec.counts[i].size() ? spec.counts[i][l] : 0;
      pct[i][l] = totals[i] > 0 && std::isfinite(v) ? v / totals[i] * 100 : 0;
      if (static_cast<int>(l) == neutral) {
        left[i] += pct[i][l] / 2;
        r += pct[i][l] / 2;
      } else if (l < half) {
        left[i] += pct[i][l];
      } else {
        r += pct[i][l];
      }
    }
    extent = std::max({extent, left[i], r});
  }
  const auto ticks = nice_ticks(0, std::max(extent, 1.0), 3);
  const double T = ticks.back();
  const float pad = s.font * 0.5f;
  const float top = 6 + legend(b, spec.levels, colours, 8, 4, width - 16, s);
  const float label_w = std::min(max_text_width(spec.items, s.font), width * 0.34f);
  Box p{label_w + pad * 2, top + pad, width - pad * 2 - text_width("100 %", s.font) / 2, height - s.font * 2.2f};
  const float cx = (p.l + p.r) / 2;
  auto X = [&](double v) { return cx + static_cast<float>(v / T) * p.w() / 2; };
  for (double t : ticks) {
    for (double sgn : {-1.0, 1.0}) {
      if (t == 0 && sgn < 0) continue;
      const float x = X(sgn * t);
      b.line(x, p.t, x, p.b, s.grid);
      b.text(x, p.b + s.font * 0.9f, format_number(t, 0, s.lang) + " %", s.muted, Anchor::middle);
    }
  }
  const float band = p.h() / static_cast<float>(ni);
  const float bar_h = std::min(band * 0.68f, s.font * 2.6f);
  b.line(cx, p.t, cx, p.b, s.text, s.presentation ? 2.5f : 1.5f);  // behind the bars: visible between them
  const float vsize = s.font * 0.85f;
  for (size_t i = 0; i < ni; ++i) {
    const float cy = p.t + band * (static_cast<float>(i) + 0.5f);
    b.text(p.l - pad, cy, fit(spec.items[i], label_w, s.font), s.text, Anchor::end);
    double acc = -left[i];
    for (size_t l = 0; l < nl; ++l) {
      const float x0 = X(acc), x1 = X(acc + pct[i][l]);
      acc += pct[i][l];
      if (x1 - x0 <= 0) continue;
      b.rect(x0, cy - bar_h / 2, x1, cy + bar_h / 2, colours[l]);
      const std::string lab = format_number(pct[i][l], 0, s.lang) + " %";
      if (x1 - x0 >= text_width(lab, vsize) + 6 && bar_h >= vsize * 1.2f)
        b.text((x0 + x1) / 2, cy, lab, text_on(colours[l]), Anchor::middle, vsize);
      const double n = i < spec.counts.size() && l < spec.counts[i].size() ? spec.counts[i][l] : 0;
      b.hit(x0, cy - bar_h / 2, x1, cy + bar_h / 2,
            spec.items[i] + " · " + spec.levels[l] + ": " + format_number(n, -1, s.lang) + " " +
                i18n::tr("chart.of", s.lang) + " " + format_number(totals[i], -1, s.lang) + " (" +
                format_number(pct[i][l], 1, s.lang) + " %)");
    }
  }
  b.scene.description = std::to_string(ni) + " Likert items";
  return b.scene;
}

Scene slope_chart(const SlopeSpec& spec, float width, float height, const Style& s) {
  Builder b(width, height, s);
  const size_t n = std::min({spec.names.size(), spec.from.size(), spec.to.size()});
  if (n == 0) return b.scene;
  double lo = kNaN, hi = kNaN;
  for (size_t i = 0; i < n; ++i)
    for (double v : {spec.from[i], spec.to[i]})
      if (std::isfinite(v)) {
        lo = std::isfinite(lo) ? std::min(lo, v) : v;
        hi = std::isfinite(hi) ? std::max(hi, v) : v;
      }
  if (!std::isfinite(lo)) return b.scene;
  if (!(hi > lo)) hi = lo + 1;
  std::vector<std::string> ll(n), rl(n);
  for (size_t i = 0; i < n; ++i) {
    ll[i] = spec.names[i] + "  " + value_text(spec.from[i], spec.decimals, s.lang, spec.unit_suffix);
    rl[i] = value_text(spec.to[i], spec.decimals, s.lang, spec.unit_suffix) + "  " + spec.names[i];
  }
  const float pad = s.font * 0.5f;
  const float lw = std::min(max_text_width(ll, s.font), width * 0.33f);
  const float rw = std::min(max_text_width(rl, s.font), width * 0.33f);
  const float xl = lw + pad * 4, xr = width - rw - pad * 4;
  const float head = s.font * 1.8f;
  b.text(xl, head / 2, spec.from_label, s.muted, Anchor::middle, 0, true);
  b.text(xr, head / 2, spec.to_label, s.muted, Anchor::middle, 0, true);
  const float top = head + s.font, bottom = height - s.font;
  auto Y = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };
  b.line(xl, head, xl, height - pad, s.axis);
  b.line(xr, head, xr, height - pad, s.axis);
  std::vector<float> wl, wr;
  for (size_t i = 0; i < n; ++i) {
    wl.push_back(Y(std::isfinite(spec.from[i]) ? spec.from[i] : lo));
    wr.push_back(Y(std::isfinite(spec.to[i]) ? spec.to[i] : lo));
  }
  const float gap = s.font * 1.25f;
  const auto al = spread_labels(wl, gap, head + s.font * 0.6f, height - s.font * 0.6f);
  const auto ar = spread_labels(wr, gap, head + s.font * 0.6f, height - s.font * 0.6f);
  const float r = s.presentation ? 5.5f : 4;
  for (size_t i = 0; i < n; ++i) {
    const double a = spec.from[i], c = spec.to[i];
    const Rgba col = !(std::isfinite(a) && std::isfinite(c)) || std::abs(c - a) < 1e-9 ? s.muted
                     : c > a                                                           ? s.series[0]
                                                                                       : s.series[1];
    if (std::isfinite(a) && std::isfinite(c)) b.line(xl, wl[i], xr, wr[i], col, s.presentation ? 3.5f : 2.2f);
    if (std::isfinite(a)) b.circle(xl, wl[i], r, col);
    if (std::isfinite(c)) b.circle(xr, wr[i], r, col);
    // A leader when the label had to move away from its point.
    if (std::abs(al[i] - wl[i]) > 2) b.line(xl - r - 2, wl[i], xl - pad * 2, al[i], s.grid, 1);
    if (std::abs(ar[i] - wr[i]) > 2) b.line(xr + r + 2, wr[i], xr + pad * 2, ar[i], s.grid, 1);
    b.text(xl - pad * 2 - 2, al[i], fit(ll[i], lw, s.font), s.text, Anchor::end);
    b.text(xr + pad * 2 + 2, ar[i], fit(rl[i], rw, s.font), s.text, Anchor::start);
    b.hit(xl - 6, wl[i] - 6, xl + 6, wl[i] + 6, spec.names[i] + " · " + spec.from_label + ": " +
                                                 value_text(a, spec.decimals, s.lang, spec.unit_suffix));
    b.hit(xr - 6, wr[i] - 6, xr + 6, wr[i] + 6, spec.names[i] + " · " + spec.to_label + ": " +
                                                 value_text(c, spec.decimals, s.lang, spec.unit_suffix));
  }
  b.scene.description = std::to_string(n) + " slopes, " + spec.from_label + "–" + spec.to_label;
  return b.scene;
}

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
      for (const auto& r : c.line.references)
        for (double v : r.values) take(v);
      return true;
    case ChartSpec::Kind::histogram:
      for (double v : c.histogram.counts) take(v);
      take(0);
      return true;
    case ChartSpec::Kind::box:
      for (double v : c.box.min) take(v);
      for (double v : c.box.max) take(v);
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
                                       : std::clamp<size_t>(static_cast<size_t>(width / 260), 1, n);
  const size_t rows = (n + cols - 1) / cols;
  // One value scale for all panels that have one.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  bool shared = true;
  for (const auto& pnl : spec.panels) shared = value_extent(pnl, lo, hi) && shared;
  // One legend for all (taken from the first panel's series).
  std::vector<std::string> names;
  std::vector<Rgba> colours;
  const ChartSpec& first = spec.panels.front();
  if (first.kind == ChartSpec::Kind::bar)
    for (size_t k = 0; k < first.bar.series.size(); ++k) names.push_back(first.bar.series[k].name);
  if (first.kind == ChartSpec::Kind::line)
    for (size_t k = 0; k < first.line.series.size(); ++k) names.push_back(first.line.series[k].name);
  for (size_t k = 0; k < names.size(); ++k) colours.push_back(s.series[k % 8]);
  const float top = names.size() > 1 ? 6 + legend(b, names, colours, 8, 4, width - 16, s) : 0;
  const float gap = s.font;
  const float cw = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const float chh = (height - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  const float title_h = s.font * 1.6f;
  for (size_t i = 0; i < n; ++i) {
    ChartSpec pnl = spec.panels[i];
    if (shared && std::isfinite(lo)) {
      pnl.bar.axis_min = pnl.line.axis_min = pnl.box.axis_min = lo;
      pnl.bar.axis_max = pnl.line.axis_max = pnl.box.axis_max = pnl.histogram.axis_max = hi;
    }
    pnl.bar.show_legend = pnl.line.show_legend = false;
    const float x = static_cast<float>(i % cols) * (cw + gap), y = top + static_cast<float>(i / cols) * (chh + gap);
    if (i < spec.titles.size()) b.text(x + 4, y + title_h / 2, fit(spec.titles[i], cw - 8, s.font), s.text, Anchor::start, 0, true);
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
  }
  return Scene{};
}

bool chart_for_result(const analysis::Result& r, i18n::Lang lang, float width, float height, const Style& base,
                      Scene& out) {
  Style style = base;
  style.lang = lang;
  if (!r.chart) return false;
  const analysis::Table* t = nullptr;
  for (const auto& tab : r.tables)
    if (tab.id == r.chart->table) t = &tab;
  if (!t) return false;
  const int xi = t->column_index(r.chart->x);
  const std::string& kind = r.chart->kind;
  if (xi < 0 && kind != "km" && kind != "sankey") return false;
  auto col = [&](const std::string& id) { return t->column_index(id); };
  auto num_at = [&](const std::vector<analysis::Value>& row, int i) {
    return i >= 0 && static_cast<size_t>(i) < row.size() && row[static_cast<size_t>(i)].is_number()
               ? row[static_cast<size_t>(i)].as_double()
               : kNaN;
  };
  auto text_at = [&](const std::vector<analysis::Value>& row, int i) {
    return i >= 0 && static_cast<size_t>(i) < row.size() ? format_value(row[static_cast<size_t>(i)], -1, lang)
                                                         : std::string();
  };
  auto label_of = [&](int i) { return t->columns[static_cast<size_t>(i)].label.in(lang); };
  if (kind == "bar") {
    BarSpec spec;
    const int valid = t->column_index("pct_valid");
    const int dv = t->column_index("denom_valid");
    std::vector<int> ys;
    for (const auto& y : r.chart->y)
      if (int yi = t->column_index(y); yi >= 0) ys.push_back(yi);
    if (ys.empty()) return false;
    for (int yi : ys) spec.series.push_back(Series{t->columns[static_cast<size_t>(yi)].label.in(lang), {}});
    for (const auto& row : t->rows) {
      // Missing and not-applicable rows are reported in the table, not drawn as categories.
      if (valid >= 0 && row[static_cast<size_t>(valid)].kind == analysis::Value::Kind::missing) continue;
      const std::string cat = format_value(row[static_cast<size_t>(xi)], -1, lang);
      spec.categories.push_back(cat);
      for (size_t k = 0; k < ys.size(); ++k) {
        const auto& v = row[static_cast<size_t>(ys[k])];
        spec.series[k].values.push_back(v.is_number() ? v.as_double() : kNaN);
        std::string tip = cat + ": " + format_value(v, -1, lang);
        if (valid >= 0 && dv >= 0 && row[static_cast<size_t>(valid)].is_number())
          tip += " " + i18n::tr("chart.of", lang) + " " + format_value(row[static_cast<size_t>(dv)], -1, lang) + " (" +
                 format_number(row[static_cast<size_t>(valid)].as_double(), 1, lang) + " %)";
        spec.tips.push_back(tip);
      }
    }
    spec.value_label = spec.series.size() == 1 ? r.unit.in(lang) : "";
    spec.horizontal = spec.categories.size() > 7 || max_text_width(spec.categories, style.font) > width / 10;
    out = bar_chart(spec, width, height, style);
  } else if (r.chart->kind == "histogram") {
    const int ui = t->column_index("upper"), ni = t->column_index("n");
    if (ui < 0 || ni < 0) return false;
    HistogramSpec spec;
    for (const auto& row : t->rows) {
      spec.lower.push_back(row[static_cast<size_t>(xi)].as_double());
      spec.upper.push_back(row[static_cast<size_t>(ui)].as_double());
      spec.counts.push_back(row[static_cast<size_t>(ni)].as_double());
    }
    spec.value_label = r.title.in(lang);
    spec.count_label = r.unit.in(lang);
    out = histogram(spec, width, height, style);
  } else if (kind == "line") {
    LineSpec spec;
    std::vector<int> ys;
    for (const auto& y : r.chart->y)
      if (int yi = col(y); yi >= 0) ys.push_back(yi);
    if (ys.empty() || t->rows.empty()) return false;
    bool numeric_x = true;
    for (const auto& row : t->rows) numeric_x = numeric_x && std::isfinite(num_at(row, xi));
    for (int yi : ys) spec.series.push_back(Series{label_of(yi), {}});
    for (size_t i = 0; i < t->rows.size(); ++i) {
      const auto& row = t->rows[i];
      spec.x.push_back(numeric_x ? num_at(row, xi) : static_cast<double>(i));
      if (!numeric_x) spec.x_labels.push_back(text_at(row, xi));
      for (size_t k = 0; k < ys.size(); ++k) spec.series[k].values.push_back(num_at(row, ys[k]));
    }
    spec.x_label = label_of(xi);
    spec.y_label = ys.size() == 1 ? label_of(ys[0]) : r.unit.in(lang);
    out = line_chart(spec, width, height, style);
  } else if (kind == "km") {
    const int ti = xi >= 0 ? xi : col("time"), si = col("survival"), lo = col("lower"), up = col("upper");
    const int nr = col("n_risk"), ne = col("n_event"), nce = col("n_censor"), gi = col("group");
    if (ti < 0 || si < 0) return false;
    KmSpec spec;
    std::vector<std::vector<std::pair<double, double>>> risk;  // per curve: (time, n_risk) rows
    std::vector<double> last_left;                               // per curve: at risk after the last row
    for (const auto& row : t->rows) {
      const std::string g = gi >= 0 ? text_at(row, gi) : std::string();
      size_t k = 0;
      while (k < spec.curves.size() && spec.curves[k].name != g) ++k;
      if (k == spec.curves.size()) {
        spec.curves.push_back(KmCurve{g, {}, {}, {}, {}, {}, {}});
        risk.emplace_back();
        last_left.push_back(0);
      }
      KmCurve& c = spec.curves[k];
      const double time = num_at(row, ti), surv = num_at(row, si);
      if (!std::isfinite(time) || !std::isfinite(surv)) continue;
      c.time.push_back(time);
      c.survival.push_back(surv);
      c.lower.push_back(lo >= 0 ? num_at(row, lo) : kNaN);
      c.upper.push_back(up >= 0 ? num_at(row, up) : kNaN);
      const double cens = num_at(row, nce);
      if (std::isfinite(cens) && cens > 0) {
        c.censor_times.push_back(time);
        c.censor_survival.push_back(surv);
      }
      if (nr >= 0 && std::isfinite(num_at(row, nr))) {
        risk[k].emplace_back(time, num_at(row, nr));
        const double ev = num_at(row, ne);
        last_left[k] = num_at(row, nr) - (std::isfinite(ev) ? ev : 0) - (std::isfinite(cens) ? cens : 0);
      }
    }
    if (spec.curves.empty()) return false;
    if (spec.curves.size() == 1 && spec.curves[0].name.empty()) spec.curves[0].name = r.title.in(lang);
    if (lo < 0 || up < 0) spec.show_ci = false;
    if (nr >= 0) {
      double tmax = 0;
      for (const auto& c : spec.curves)
        for (double v : c.time) tmax = std::max(tmax, v);
      spec.risk_times = nice_ticks(0, tmax > 0 ? tmax : 1, 6);
      for (size_t k = 0; k < spec.curves.size(); ++k) {
        std::vector<long> at;
        for (double rt : spec.risk_times) {
          // At risk at time rt: the n_risk of the first row at or after rt; after the last row, what was left.
          double v = last_left[k];
          for (const auto& [time, n] : risk[k])
            if (time >= rt) {
              v = n;
              break;
            }
          at.push_back(static_cast<long>(std::max(0.0, v)));
        }
        spec.at_risk.push_back(std::move(at));
      }
    }
    spec.x_label = label_of(ti);
    spec.y_label = label_of(si);
    out = km_chart(spec, width, height, style);
  } else if (kind == "sankey") {
    const int a = col("pre"), m = col("middle"), p = col("post"), n = col("n");
    if (a < 0 || m < 0 || p < 0 || n < 0) return false;
    SankeySpec spec;
    for (const auto& row : t->rows) {
      const double v = num_at(row, n);
      if (std::isfinite(v) && v > 0) spec.flows.push_back({text_at(row, a), text_at(row, m), text_at(row, p), v});
    }
    if (spec.flows.empty()) return false;
    spec.stages[0] = label_of(a);
    spec.stages[1] = label_of(m);
    spec.stages[2] = label_of(p);
    out = sankey(spec, width, height, style);
  } else if (kind == "heatmap") {
    const int yi = col(!r.chart->y.empty() ? r.chart->y[0] : "y");
    int vi = r.chart->y.size() > 1 ? col(r.chart->y[1]) : col("value");
    if (vi < 0) vi = col("n");
    if (yi < 0 || vi < 0) return false;
    HeatmapSpec spec;
    auto index_of = [](std::vector<std::string>& v, const std::string& k) {
      for (size_t i = 0; i < v.size(); ++i)
        if (v[i] == k) return i;
      v.push_back(k);
      return v.size() - 1;
    };
    std::vector<std::tuple<size_t, size_t, double>> cells;
    for (const auto& row : t->rows) {
      const size_t c = index_of(spec.cols, text_at(row, xi)), rr = index_of(spec.rows, text_at(row, yi));
      cells.emplace_back(rr, c, num_at(row, vi));
    }
    if (cells.empty()) return false;
    spec.values.assign(spec.rows.size() * spec.cols.size(), kNaN);
    for (const auto& [rr, c, v] : cells) spec.values[rr * spec.cols.size() + c] = v;
    spec.value_label = label_of(vi);
    out = heatmap(spec, width, height, style);
  } else if (kind == "box") {
    const int a = col("min"), q1 = col("q1"), md = col("median"), q3 = col("q3"), b = col("max");
    if (a < 0 || q1 < 0 || md < 0 || q3 < 0 || b < 0) return false;
    BoxSpec spec;
    for (const auto& row : t->rows) {
      const double v[5] = {num_at(row, a), num_at(row, q1), num_at(row, md), num_at(row, q3), num_at(row, b)};
      if (!std::all_of(v, v + 5, [](double x) { return std::isfinite(x); })) continue;
      spec.groups.push_back(text_at(row, xi));
      spec.min.push_back(v[0]);
      spec.q1.push_back(v[1]);
      spec.median.push_back(v[2]);
      spec.q3.push_back(v[3]);
      spec.max.push_back(v[4]);
    }
    if (spec.groups.empty()) return false;
    spec.value_label = r.unit.in(lang);
    out = box_plot(spec, width, height, style);
  } else if (kind == "likert") {
    LikertSpec spec;
    std::vector<int> ys;
    for (const auto& y : r.chart->y)
      if (int yi = col(y); yi >= 0) ys.push_back(yi);
    if (ys.size() < 2) return false;
    for (int yi : ys) spec.levels.push_back(label_of(yi));
    for (const auto& row : t->rows) {
      spec.items.push_back(text_at(row, xi));
      std::vector<double> c;
      for (int yi : ys) c.push_back(std::isfinite(num_at(row, yi)) ? num_at(row, yi) : 0);
      spec.counts.push_back(std::move(c));
    }
    if (spec.items.empty()) return false;
    out = likert_chart(spec, width, height, style);
  } else if (kind == "slope") {
    if (r.chart->y.size() < 2) return false;
    const int a = col(r.chart->y[0]), c = col(r.chart->y[1]);
    if (a < 0 || c < 0) return false;
    SlopeSpec spec;
    spec.from_label = label_of(a);
    spec.to_label = label_of(c);
    for (const auto& row : t->rows) {
      spec.names.push_back(text_at(row, xi));
      spec.from.push_back(num_at(row, a));
      spec.to.push_back(num_at(row, c));
    }
    if (spec.names.empty()) return false;
    out = slope_chart(spec, width, height, style);
  } else {
    return false;
  }
  out.description = r.title.in(lang);
  return true;
}

}  // namespace zicht::report::charts
