// Diverging stacked bars for Likert items.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

namespace {

// Diagonal lines every 6 px over a segment, so a level is told apart without its colour.
void hatch(Builder& b, float x0, float y0, float x1, float y1, Rgba c) {
  const float gap = 6;
  if (x1 - x0 < 1 || y1 - y0 < 1) return;
  for (float u = x0 + y0 + gap * 0.5f; u < x1 + y1; u += gap) {
    const float xa = std::max(x0, u - y1), xb = std::min(x1, u - y0);
    if (xb - xa < 0.5f) continue;
    b.line(xa, u - xa, xb, u - xb, c, 1.2f);
  }
}

// Greedy word wrap into at most max_lines lines of max_width; the last line shortened with "…" when the text does
// not fit. `cut` tells whether anything was left out (the full text then goes in a tooltip).
std::vector<std::string> wrap(const std::string& text, float max_width, float size, size_t max_lines, bool& cut) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t sp = text.find(' ', pos);
    const std::string w = text.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
    if (!w.empty()) words.push_back(w);
    if (sp == std::string::npos) break;
    pos = sp + 1;
  }
  std::vector<std::string> lines;
  std::string cur;
  size_t k = 0;
  for (; k < words.size(); ++k) {
    const std::string joined = cur.empty() ? words[k] : cur + " " + words[k];
    if (cur.empty() || text_width(joined, size) <= max_width) {
      cur = joined;
      continue;
    }
    if (lines.size() + 1 == max_lines) break;  // the rest goes on the last line, shortened
    lines.push_back(cur);
    cur = words[k];
  }
  std::string rest = cur;
  for (; k < words.size(); ++k) rest += " " + words[k];
  const std::string last = fit(rest, max_width, size);
  cut = last != rest;
  for (const auto& l : lines) cut = cut || text_width(l, size) > max_width;
  for (auto& l : lines) l = fit(l, max_width, size);
  lines.push_back(last);
  return lines;
}

}  // namespace

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
  if (spec.colours.size() == nl) colours = spec.colours;
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
  const double want = std::isfinite(spec.axis_max) && spec.axis_max > 0 ? std::max(spec.axis_max, extent) : extent;
  auto ticks = nice_ticks(0, std::min(100.0, std::max(want, 1.0)), 3);
  while (ticks.size() > 1 && ticks.back() > 100) ticks.pop_back();  // never beyond 100 %
  const double T = std::max(ticks.back(), std::min(100.0, want));
  const float pad = s.font * 0.5f;
  const float top = 6 + legend(b, spec.levels, colours, 8, 4, width - 16, s);
  const float label_w = std::min(max_text_width(spec.items, s.font), width * 0.36f);
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
  // Long statements: wrapped onto as many lines as the band holds, then shortened (the full text in a tooltip).
  const float line_h = s.font * 1.15f;
  const size_t max_lines = std::clamp<size_t>(static_cast<size_t>((band - s.font * 0.2f) / line_h), 1, 3);
  for (size_t i = 0; i < ni; ++i) {
    const float cy = p.t + band * (static_cast<float>(i) + 0.5f);
    bool cut = false;
    const auto lines = wrap(spec.items[i], label_w, s.font, max_lines, cut);
    for (size_t k = 0; k < lines.size(); ++k)
      b.text(p.l - pad, cy + (static_cast<float>(k) - static_cast<float>(lines.size() - 1) / 2) * line_h, lines[k],
             s.text, Anchor::end);
    if (cut) b.hit(p.l - pad - label_w, cy - band / 2, p.l - pad, cy + band / 2, spec.items[i]);
    double acc = -left[i];
    for (size_t l = 0; l < nl; ++l) {
      const float x0 = X(acc), x1 = X(acc + pct[i][l]);
      acc += pct[i][l];
      if (x1 - x0 <= 0) continue;
      b.rect(x0, cy - bar_h / 2, x1, cy + bar_h / 2, colours[l]);
      if (l < spec.hatched.size() && spec.hatched[l]) hatch(b, x0, cy - bar_h / 2, x1, cy + bar_h / 2, mix(colours[l], text_on(colours[l]), 0.45f));
      const std::string lab = format_number(pct[i][l], 0, s.lang) + " %";
      if (x1 - x0 >= text_width(lab, vsize) + 6 && bar_h >= vsize * 1.2f)
        b.text((x0 + x1) / 2, cy, lab, text_on(colours[l]), Anchor::middle, vsize);
      const double n = i < spec.counts.size() && l < spec.counts[i].size() ? spec.counts[i][l] : 0;
      if (spec.tips.size() == ni * nl) {
        b.hit(x0, cy - bar_h / 2, x1, cy + bar_h / 2, spec.tips[i * nl + l]);
        continue;
      }
      b.hit(x0, cy - bar_h / 2, x1, cy + bar_h / 2,
            spec.items[i] + " · " + spec.levels[l] + ": " + format_number(n, -1, s.lang) + " " +
                i18n::tr("chart.of", s.lang) + " " + format_number(totals[i], -1, s.lang) + " (" +
                format_number(pct[i][l], 1, s.lang) + " %)");
    }
  }
  b.scene.description = std::to_string(ni) + " Likert items";
  return b.scene;
}

}  // namespace zicht::report::charts
