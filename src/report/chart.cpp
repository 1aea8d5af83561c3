#include "report/chart.h"

#include <algorithm>
#include <cmath>

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

int decimals_for_step(double step) {
  if (step >= 1 || step <= 0) return 0;
  return std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
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

float max_text_width(const std::vector<std::string>& v, float size) {
  float m = 0;
  for (const auto& s : v) m = std::max(m, text_width(s, size));
  return m;
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
  const ValueAxis ax = value_axis(0, vmax * (spec.value_labels && !stacked ? 1.08 : 1.0));
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
  const float top = 6 + legend(b, names, colours, 8, 4, width - 16, s, !spec.references.empty());

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
          } else if (x1 + 4 + tw < p.r + pad * 2) {
            b.text(x1 + 4, (y0 + y1) / 2, label, s.text, Anchor::start, s.font * 0.9f);
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
            b.text((x0 + x1) / 2, y0 - s.font * 0.6f, label, s.text, Anchor::middle, s.font * 0.9f);
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
  const ValueAxis ay = value_axis(0, cmax);
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
  const float top = 6 + legend(b, names, colours, 8, 4, width - 16, s, !spec.references.empty());
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
  for (size_t i = 0; i < n; ++i) {
    const std::string lab = i < spec.x_labels.size() ? spec.x_labels[i] : format_number(spec.x[i], -1, s.lang);
    const float x = X(spec.x[i]), w = text_width(lab, s.font);
    if (x - w / 2 > last_right + 6) {
      b.text(x, p.b + s.font * 0.9f, lab, s.muted, Anchor::middle);
      last_right = x + w / 2;
    }
  }
  for (size_t k = 0; k < spec.series.size(); ++k) {
    std::vector<float> pts;
    const auto& se = spec.series[k];
    for (size_t i = 0; i < n && i < se.values.size(); ++i) {
      if (!std::isfinite(se.values[i])) continue;
      pts.push_back(X(spec.x[i]));
      pts.push_back(Y(se.values[i]));
    }
    b.poly(pts, s.series[k % 8], false, s.presentation ? 3.5f : 2.5f);
    for (size_t i = 0; i + 1 < pts.size(); i += 2) {
      b.circle(pts[i], pts[i + 1], s.presentation ? 5 : 3.5f, s.series[k % 8]);
      b.hit(pts[i] - 6, pts[i + 1] - 6, pts[i] + 6, pts[i + 1] + 6,
            se.name + ": " + format_number(se.values[i / 2 < se.values.size() ? i / 2 : 0], -1, s.lang));
    }
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
  Box p{std::max(text_width("100 %", s.font) + pad * 2 + (spec.y_label.empty() ? 0 : s.font * 1.4f), name_w + pad * 2),
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
    std::vector<float> line{X(0), Y(1)};
    double prev = 1;
    for (size_t i = 0; i < c.time.size(); ++i) {
      line.insert(line.end(), {X(c.time[i]), Y(prev), X(c.time[i]), Y(c.survival[i])});
      prev = c.survival[i];
    }
    line.insert(line.end(), {X(c.time.empty() ? 0 : std::max(c.time.back(), c.censor_times.empty() ? 0.0 : c.censor_times.back())), Y(prev)});
    if (spec.show_ci && c.lower.size() == c.time.size() && !c.time.empty()) {
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
    b.poly(line, col, false, s.presentation ? 3.5f : 2.2f);
    for (size_t i = 0; i < c.censor_times.size(); ++i) {
      const float x = X(c.censor_times[i]);
      const float y = Y(i < c.censor_survival.size() ? c.censor_survival[i] : prev);
      b.line(x, y - 4, x, y + 4, col, 1.5f);
    }
    for (size_t i = 0; i < c.time.size(); ++i)
      b.hit(X(c.time[i]) - 4, Y(c.survival[i]) - 6, X(c.time[i]) + 4, Y(c.survival[i]) + 6,
            c.name + ": " + format_number(c.time[i], 1, s.lang) + " → " +
                format_number(c.survival[i] * 100, 1, s.lang) + " %");
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
  if (xi < 0) return false;
  if (r.chart->kind == "bar") {
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
  } else {
    return false;
  }
  out.description = r.title.in(lang);
  return true;
}

}  // namespace zicht::report::charts
