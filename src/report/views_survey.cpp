// Views → chart specs for survey results (issue 20; the kerndataset profile): Likert items as diverging stacked
// bars, slope graphs (two means per item, or two moments) and the follow-up attrition funnel. The View fields
// these builders read are documented at each builder and in analysis/view.h.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "report/format.h"
#include "report/palette.h"
#include "report/views_detail.h"

namespace zicht::report::views::detail {

using analysis::Result;
using analysis::Table;
using analysis::Unit;
using analysis::View;
using charts::ChartSpec;

namespace {

// A named column that is absent makes the view undrawable (an empty name is "not used").
bool present(const Table& t, const std::string& id) { return id.empty() || col(t, id) >= 0; }

double finite_or_zero(double x) { return std::isfinite(x) ? x : 0; }

std::string pct_text(double part, double whole, int decimals, i18n::Lang lang) {
  return whole > 0 && std::isfinite(part) ? format_number(part / whole * 100, decimals, lang) : std::string("–");
}

// "+0,4", "−0,3", "±0,0" at the given decimals.
std::string signed_text(double d, int decimals, i18n::Lang lang) {
  if (!std::isfinite(d)) return "–";
  const std::string mag = format_number(std::abs(d), decimals, lang);
  if (mag == format_number(0, decimals, lang)) return "±" + mag;
  return (d > 0 ? "+" : "−") + mag;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

}  // namespace

// Likert items. Table: one row per item; x the item text, x_key the item id; y the level count columns from most
// negative to most positive (their Column.label names the level); columns[0] the neutral level's column id (one of
// y; "" = none), columns[1] an optional n.v.t. count column; missing_column the item's missing count.
bool build_likert(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& style, Built& out) {
  const int xi = col(t, v.x), xk = col(t, v.x_key);
  if (xi < 0 || v.y.size() < 2 || !present(t, v.x_key) || !present(t, v.missing_column)) return false;
  std::vector<int> ys;
  for (const auto& y : v.y) {
    ys.push_back(col(t, y));
    if (ys.back() < 0) return false;
  }
  const std::string neutral_id = v.columns.empty() ? std::string() : v.columns[0];
  const std::string nvt_id = v.columns.size() > 1 ? v.columns[1] : std::string();
  if (!present(t, nvt_id)) return false;
  int neutral = -1;
  if (!neutral_id.empty()) {
    auto it = std::find(v.y.begin(), v.y.end(), neutral_id);
    if (it == v.y.end()) return false;  // the neutral level must be one of the drawn levels
    neutral = static_cast<int>(it - v.y.begin());
  }
  std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty()) return false;
  const size_t nl = ys.size();
  // The positive levels: after the neutral one, or the upper half without one.
  const size_t first_pos = neutral >= 0 ? static_cast<size_t>(neutral) + 1 : nl / 2;
  auto answered = [&](size_t row) {
    double sum = 0;
    for (int y : ys) sum += finite_or_zero(num(t, row, y));
    return sum;
  };
  auto positive = [&](size_t row) {
    double pos = 0;
    for (size_t l = first_pos; l < nl; ++l) pos += finite_or_zero(num(t, row, ys[l]));
    const double n = answered(row);
    return n > 0 ? pos / n * 100 : kNaN;
  };
  if (v.sort != analysis::Sort::data) {
    const bool desc = v.sort == analysis::Sort::value_desc;
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
      const double x = positive(a), y = positive(b);
      const double xa = std::isfinite(x) ? x : (desc ? -kInf : kInf), ya = std::isfinite(y) ? y : (desc ? -kInf : kInf);
      return desc ? xa > ya : xa < ya;
    });
  }
  charts::LikertSpec l;
  l.neutral = neutral;
  l.axis_max = 100;
  for (int y : ys) l.levels.push_back(t.columns[static_cast<size_t>(y)].label.in(lang));
  // colour_keys name a level by its column id: a card vote's agree and disagree keep their meaning's colour.
  if (!v.colour_keys.empty()) {
    bool all = true;
    for (const auto& y : v.y) {
      charts::Rgba c{};
      bool found = false;
      for (const auto& [k, name] : v.colour_keys)
        if (k == y && charts::named_colour(name, style, c)) {
          found = true;
          l.colours.push_back(c);
          l.hatched.push_back(charts::semantic_fill(name) == charts::Fill::hatch);
        }
      all = all && found;
    }
    if (!all) l.colours.clear(), l.hatched.clear();
  }
  double nmin = kInf, nmax = -kInf, missing = 0, nvt = 0;
  double best = -kInf, worst = kInf;
  std::string best_name, worst_name;
  const int mi = col(t, v.missing_column), ni = col(t, nvt_id);
  for (size_t row : rows) {
    std::string item = text(t, row, xi, lang);
    if ((item.empty() || item == "–") && xk >= 0) item = text(t, row, xk, lang);
    l.items.push_back(item);
    std::vector<double> counts;
    for (int y : ys) counts.push_back(finite_or_zero(num(t, row, y)));
    const double n = answered(row);
    for (size_t k = 0; k < nl; ++k)
      l.tips.push_back(share_tip(item + ", " + l.levels[k], counts[k], n, n > 0 ? counts[k] / n * 100 : kNaN, lang));
    l.counts.push_back(std::move(counts));
    nmin = std::min(nmin, n);
    nmax = std::max(nmax, n);
    missing += finite_or_zero(num(t, row, mi));
    nvt += finite_or_zero(num(t, row, ni));
    const double p = positive(row);
    if (std::isfinite(p) && p > best) best = p, best_name = item;
    if (std::isfinite(p) && p < worst) worst = p, worst_name = item;
  }
  // "n = 80–92 per item geantwoord; 3 ontbrekend; 1 niet van toepassing"
  std::string line = nmin == nmax ? i18n::format(tr("chart.den_line.answered_one", lang), {format_number(nmin, 0, lang)})
                                  : i18n::format(tr("chart.den_line.answered_range", lang),
                                                 {format_number(nmin, 0, lang), format_number(nmax, 0, lang)});
  if (mi >= 0) line += "; " + i18n::format(tr("chart.den_line.missing", lang), {format_number(missing, 0, lang)});
  if (ni >= 0) line += "; " + i18n::format(tr("chart.den_line.not_applicable", lang), {format_number(nvt, 0, lang)});
  out.footer = line;
  out.categories = l.items.size();
  out.series = nl;
  if (std::isfinite(best))
    out.description = i18n::format(tr("chart.desc.likert", lang),
                                   {out.chart_title, std::to_string(l.items.size()), std::to_string(nl), best_name,
                                    format_number(best, 1, lang) + " %", worst_name, format_number(worst, 1, lang) + " %"});
  else
    out.description = i18n::format(tr("chart.desc.generic", lang), {out.chart_title, r.unit.in(lang)});
  out.spec.kind = ChartSpec::Kind::likert;
  out.spec.likert = std::move(l);
  return true;
}

// Slope graph. Table: one row per line; x the line's name, y exactly {from, to} (their labels title the two ends);
// series (optional) a column whose values colour the lines through colour_keys; numerators[0] (optional) a per-row
// n shown in the tooltip; missing_column (optional) the missing count for the denominator line.
bool build_slope(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s, Built& out) {
  const int xi = col(t, v.x);
  if (xi < 0 || v.y.size() != 2) return false;
  const int fi = col(t, v.y[0]), ti = col(t, v.y[1]);
  const std::string n_id = v.numerators.empty() ? std::string() : v.numerators[0];
  if (fi < 0 || ti < 0 || !present(t, v.series) || !present(t, n_id) || !present(t, v.missing_column)) return false;
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty()) return false;
  const int si = col(t, v.series), ni = col(t, n_id), mi = col(t, v.missing_column);
  const auto& fc = t.columns[static_cast<size_t>(fi)];
  const auto& tc = t.columns[static_cast<size_t>(ti)];
  charts::SlopeSpec sl;
  sl.from_label = fc.label.in(lang);
  sl.to_label = tc.label.in(lang);
  sl.decimals = fc.decimals >= 0 ? fc.decimals : tc.decimals >= 0 ? tc.decimals : 1;
  sl.unit_suffix = v.unit == Unit::percent ? " %" : "";
  sl.show_change = true;
  // Colours: one per series value (keyed, else the palette in order of appearance), or one for all.
  std::map<std::string, charts::Rgba> by_key;
  size_t unkeyed = 0;
  const std::string of = v.of(lang).empty() ? tr("chart.pairs", lang) : v.of(lang);
  double nmin = kInf, nmax = -kInf, missing = 0;
  double hi = -kInf, lo = kInf;
  std::string hi_name, lo_name;
  for (size_t row : rows) {
    const std::string name = text(t, row, xi, lang);
    const double a = num(t, row, fi), b = num(t, row, ti);
    sl.names.push_back(name);
    sl.from.push_back(a);
    sl.to.push_back(b);
    charts::Rgba c = colour_for(v, "", 0, s);
    if (si >= 0) {
      const std::string key = analysis::view_key(cell(t, row, si));
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        bool keyed = false;
        charts::Rgba kc;
        for (const auto& [k, nm] : v.colour_keys) keyed = keyed || (k == key && charts::named_colour(nm, s, kc));
        c = colour_for(v, key, keyed ? 0 : unkeyed, s);
        if (!keyed) ++unkeyed;
        by_key.emplace(key, c);
        sl.legend_names.push_back(text(t, row, si, lang));
        sl.legend_colours.push_back(c);
      } else {
        c = it->second;
      }
    }
    sl.colours.push_back(c);
    const double d = b - a;
    std::string tip = i18n::format(tr("chart.tip.slope", lang),
                                   {name, sl.from_label, format_number(a, sl.decimals, lang) + sl.unit_suffix,
                                    sl.to_label, format_number(b, sl.decimals, lang) + sl.unit_suffix,
                                    signed_text(d, sl.decimals, lang)});
    const double n = num(t, row, ni);
    if (std::isfinite(n)) {
      tip += "; " + i18n::format(tr("chart.tip.mean_over", lang), {format_number(n, -1, lang), of});
      nmin = std::min(nmin, n);
      nmax = std::max(nmax, n);
    }
    sl.tips.push_back(std::move(tip));
    missing += finite_or_zero(num(t, row, mi));
    if (std::isfinite(d) && d > hi) hi = d, hi_name = name;
    if (std::isfinite(d) && d < lo) lo = d, lo_name = name;
  }
  std::vector<std::string> parts;
  if (std::isfinite(nmin))
    parts.push_back(nmin == nmax ? i18n::format(tr("chart.den_line.simple", lang), {format_number(nmin, 0, lang)})
                                 : i18n::format(tr("chart.den_line.n_range", lang),
                                                {format_number(nmin, 0, lang), format_number(nmax, 0, lang)}));
  if (mi >= 0) parts.push_back(i18n::format(tr("chart.den_line.missing", lang), {format_number(missing, 0, lang)}));
  out.footer = join(parts, "; ");
  out.categories = sl.names.size();
  out.series = std::max<size_t>(1, sl.legend_names.size());
  if (std::isfinite(hi))
    out.description = i18n::format(tr("chart.desc.slope", lang),
                                   {out.chart_title, std::to_string(sl.names.size()), sl.from_label, sl.to_label,
                                    lo_name, signed_text(lo, sl.decimals, lang), hi_name, signed_text(hi, sl.decimals, lang)});
  else
    out.description = i18n::format(tr("chart.desc.generic", lang), {out.chart_title, r.unit.in(lang)});
  // One colour and no series: the colour says nothing, the legend is left out.
  out.spec.kind = ChartSpec::Kind::slope;
  out.spec.slope = std::move(sl);
  return true;
}

// Funnel. Table: one row per stage in order; x the stage, y[0] the count; facet (optional) one funnel per value
// as small multiples on one shared scale; of_nl/of_en what is counted.
bool build_funnel(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s, Built& out) {
  const int xi = col(t, v.x);
  if (xi < 0 || v.y.empty() || !present(t, v.facet)) return false;
  const int yi = col(t, v.y[0]), fi = col(t, v.facet);
  if (yi < 0) return false;
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty()) return false;
  std::vector<std::pair<std::string, std::vector<size_t>>> groups;
  for (size_t row : rows) {
    const std::string name = fi >= 0 ? text(t, row, fi, lang) : std::string();
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == name; });
    if (it == groups.end()) groups.emplace_back(name, std::vector<size_t>{row});
    else it->second.push_back(row);
  }
  const std::string of = v.of(lang).empty() ? r.unit.in(lang) : v.of(lang);
  const charts::Rgba colour = colour_for(v, "", 0, s);
  std::vector<ChartSpec> panels;
  std::vector<std::string> foot;
  std::string desc_what;
  for (const auto& [name, grows] : groups) {
    charts::FunnelSpec f;
    f.colour = colour;
    f.has_colour = true;
    f.value_label = axis_title(v, r, lang);
    for (size_t row : grows) {
      f.stages.push_back(text(t, row, xi, lang));
      f.counts.push_back(num(t, row, yi));
    }
    const double first = f.counts.front();
    for (size_t i = 0; i < f.counts.size(); ++i) {
      const double c = f.counts[i];
      const std::string count = format_number(c, -1, lang);
      if (i == 0) {
        f.labels.push_back(count + (of.empty() ? "" : " " + of));
        f.tips.push_back(i18n::format(tr("chart.tip.value", lang), {f.stages[0], f.labels[0]}));
        continue;
      }
      const double prev = f.counts[i - 1];
      f.labels.push_back(i18n::format(tr("chart.funnel.label", lang),
                                      {count, pct_text(c, prev, 0, lang), pct_text(c, first, 0, lang)}));
      f.tips.push_back(i18n::format(tr("chart.tip.funnel", lang),
                                    {f.stages[i], count, format_number(prev, -1, lang), pct_text(c, prev, 1, lang),
                                     pct_text(c, first, 1, lang), of}));
    }
    const std::string n = i18n::format(tr("chart.den_line.simple", lang), {format_number(first, 0, lang)});
    foot.push_back(name.empty() ? n : name + ": " + n);
    const std::string span = i18n::format(tr("chart.desc.funnel_span", lang),
                                          {std::to_string(f.stages.size()), f.stages.front(), format_number(first, -1, lang),
                                           f.stages.back(), format_number(f.counts.back(), -1, lang),
                                           pct_text(f.counts.back(), first, 1, lang)});
    desc_what += (desc_what.empty() ? "" : "; ") + (name.empty() ? span : name + ": " + span);
    ChartSpec p;
    p.kind = ChartSpec::Kind::funnel;
    p.funnel = std::move(f);
    panels.push_back(std::move(p));
  }
  out.footer = join(foot, " · ");
  out.categories = panels.front().funnel.stages.size();
  out.series = panels.size();
  out.description = i18n::format(tr("chart.desc.generic", lang), {out.chart_title, desc_what});
  if (fi < 0) {
    out.spec = std::move(panels.front());
    return true;
  }
  out.spec.kind = ChartSpec::Kind::multiples;
  for (size_t i = 0; i < groups.size(); ++i) out.spec.multiples.titles.push_back(groups[i].first);
  out.spec.multiples.panels = std::move(panels);
  out.spec.multiples.shared_axis = true;
  return true;
}

}  // namespace zicht::report::views::detail
