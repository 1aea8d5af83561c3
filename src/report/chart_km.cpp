// Kaplan–Meier curves with confidence bands, censor ticks and the number-at-risk row.
#include "report/chart.h"

#include <algorithm>
#include <cmath>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

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
    colours.push_back(spec.curves[k].has_colour ? spec.curves[k].colour : s.series[k % 8]);
  }
  const float top = 6 + (spec.show_legend ? legend(b, names, colours, 8, 4, width - 16, s) : 0);
  const float risk_h = spec.risk_times.empty() ? 0 : s.font * 1.5f * static_cast<float>(spec.curves.size() + 1);
  // One curve (a panel of small multiples, titled above): its risk row needs no name.
  const bool one = spec.curves.size() == 1;
  const float name_w = spec.risk_times.empty() || one ? 0 : std::min(max_text_width(names, s.font), width * 0.2f);
  // The number-at-risk row is centred on the ticks: the first column must clear the curve names.
  float risk_w = 0;
  for (const auto& row : spec.at_risk)
    for (long v : row) risk_w = std::max(risk_w, text_width(v < 0 ? spec.hidden_label : std::to_string(v), s.font));
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
    const Rgba col = colours[k];
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
    b.text(p.l + p.w() / 2, p.b + s.font * 2.2f, fit(spec.x_label, p.w(), s.font), s.muted, Anchor::middle);
  if (!spec.y_label.empty())
    b.text(s.font * 0.8f, p.t + p.h() / 2, fit(spec.y_label, p.h(), s.font), s.muted, Anchor::middle, 0, false, -90);
  if (!spec.risk_times.empty()) {
    float y = p.b + s.font * 2.2f + (spec.x_label.empty() ? 0 : s.font * 1.4f) + s.font * 0.8f;
    b.text(pad, y, i18n::tr("chart.at_risk", s.lang), s.muted, Anchor::start, 0, true);
    for (size_t k = 0; k < spec.curves.size() && k < spec.at_risk.size(); ++k) {
      y += s.font * 1.5f;
      if (!one) b.text(pad, y, fit(spec.curves[k].name, name_w, s.font), colours[k]);
      for (size_t i = 0; i < spec.risk_times.size() && i < spec.at_risk[k].size(); ++i)
        b.text(X(spec.risk_times[i]), y, spec.at_risk[k][i] < 0 ? spec.hidden_label : std::to_string(spec.at_risk[k][i]),
               s.text, Anchor::middle);
    }
  }
  b.scene.description = std::to_string(spec.curves.size()) + " Kaplan-Meier curves";
  return b.scene;
}

}  // namespace zicht::report::charts
