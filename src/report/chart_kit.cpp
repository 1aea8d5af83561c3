#include "report/chart_kit.h"

#include <algorithm>
#include <cmath>

#include "report/format.h"

namespace zicht::report::charts {

Rgba series_colour(const Series& se, size_t k, const Style& style) {
  return se.has_colour ? se.colour : style.series[k % 8];
}

namespace kit {

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
  if (!(step > 0)) return 0;
  for (int d = 0; d < 6; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
  }
  return 6;
}

std::string tick_label(double v, double step, i18n::Lang lang, const std::string& suffix) {
  return format_number(v, decimals_for_step(step), lang) + suffix;
}

float legend(Builder& b, const std::vector<std::string>& names, const std::vector<Rgba>& colours, float x, float y,
             float max_w, const Style& s, int references, bool always) {
  if (names.empty() || (names.size() < 2 && references == 0 && !always)) return 0;
  const float sw = s.font * 0.8f, gap = s.font * 1.1f, row_h = s.font * 1.5f;
  float cx = x, cy = y + row_h / 2;
  const size_t first_ref = names.size() - std::min(names.size(), static_cast<size_t>(std::max(0, references)));
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string name = fit(names[i], max_w - sw - 6, s.font);
    const float w = sw + 6 + text_width(name, s.font);
    if (cx > x && cx + w > x + max_w) {
      cx = x;
      cy += row_h;
    }
    if (i >= first_ref)  // a reference mark: the short thick tick it is drawn with
      b.line(cx + sw / 2, cy - sw * 0.7f, cx + sw / 2, cy + sw * 0.7f, colours[i], 3);
    else
      b.rect(cx, cy - sw / 2, cx + sw, cy + sw / 2, colours[i]);
    b.text(cx + sw + 6, cy, name, s.text);
    cx += w + gap;
  }
  return cy + row_h / 2 - y;
}

ValueAxis value_axis(double lo, double hi, bool whole) {
  ValueAxis a;
  if (!(hi > lo)) hi = lo + 1;
  a.ticks = nice_ticks(lo, hi, 5);
  // Counts: no "2,5 trajecten" — a step that is not a whole number (0.25, 0.5, 2.5) becomes 1 or 2.
  const double step0 = a.ticks.size() > 1 ? a.ticks[1] - a.ticks[0] : 1;
  if (whole && std::fabs(step0 - std::round(step0)) > 1e-9) {
    const double step = std::max(1.0, std::floor(step0));
    a.ticks.clear();
    for (double t = std::floor(lo / step) * step; t <= hi + 1e-9; t += step) a.ticks.push_back(t);
    if (a.ticks.size() < 2 || a.ticks.back() < hi) a.ticks.push_back(a.ticks.back() + step);
  }
  a.lo = std::min(lo, a.ticks.front());
  a.hi = std::max(hi, a.ticks.back());
  a.step = a.ticks.size() > 1 ? a.ticks[1] - a.ticks[0] : 1;
  return a;
}

bool whole_values(const std::vector<Series>& series) {
  for (const auto& se : series)
    for (double v : se.values)
      if (std::isfinite(v) && v != std::floor(v)) return false;
  return true;
}

void axis_title(Builder& b, const std::string& text, float centre, float y, float width, const Style& s) {
  const std::string t = fit(text, width - 8, s.font);
  const float w = text_width(t, s.font);
  const float x = std::clamp(centre, 4 + w / 2, std::max(4 + w / 2, width - 4 - w / 2));
  b.text(x, y, t, s.muted, Anchor::middle);
}

int legend_entries(const std::vector<Series>& series, bool with_series, const std::vector<ReferenceMark>& refs,
                   const Style& s, std::vector<std::string>& names, std::vector<Rgba>& colours) {
  if (with_series)
    for (size_t k = 0; k < series.size(); ++k) {
      names.push_back(series[k].name);
      colours.push_back(series_colour(series[k], k, s));
    }
  const std::vector<std::string> ref_names = reference_labels(refs);
  for (const auto& r : ref_names) {
    names.push_back(r);
    colours.push_back(s.reference);
  }
  return static_cast<int>(ref_names.size());
}

std::vector<std::string> reference_labels(const std::vector<ReferenceMark>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs)
    if (std::find(out.begin(), out.end(), r.label) == out.end()) out.push_back(r.label);
  return out;
}

float max_text_width(const std::vector<std::string>& v, float size) {
  float m = 0;
  for (const auto& s : v) m = std::max(m, text_width(s, size));
  return m;
}

Rgba mix(Rgba a, Rgba b, float t) {
  auto m = [t](uint8_t x, uint8_t y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
  return rgb(m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a));
}

float luminance(Rgba c) { return (0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b) / 255.0f; }

Rgba text_on(Rgba fill) { return luminance(fill) > 0.55f ? rgb(20, 24, 30) : rgb(255, 255, 255); }

std::string value_text(double v, int decimals, i18n::Lang lang, const std::string& suffix) {
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

}  // namespace kit

using namespace kit;

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
  // Okabe–Ito, each at 3:1 or more against white (orange, sky blue, purple and yellow a step darker).
  const Rgba c[8] = {rgb(0, 114, 178), rgb(213, 94, 0), rgb(0, 158, 115), rgb(190, 100, 150),
                     rgb(46, 139, 192), rgb(184, 125, 0), rgb(120, 120, 120), rgb(150, 135, 0)};
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
    if (c >= 0xE0) em += 0.86f;         // U+0800 and up: —, …, and − ≥ → from the wider DejaVu fallback
    else if (c >= 0x80) em += 0.58f;    // accented letters
    else if (c == '&') em += 0.72f;
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

}  // namespace zicht::report::charts
