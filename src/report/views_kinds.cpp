// Views → chart specs for the kinds that share the category × series pivot: bars, lines, dots and histograms.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "report/format.h"
#include "report/views_detail.h"

namespace zicht::report::views::detail {

using analysis::Result;
using analysis::Table;
using analysis::Unit;
using analysis::View;
using charts::ChartSpec;

namespace {

// Rows grouped by the facet column, in data order (one group of all rows without a facet).
std::vector<std::pair<std::string, std::vector<size_t>>> facets(const Table& t, const View& v,
                                                                const std::vector<size_t>& rows, i18n::Lang lang) {
  std::vector<std::pair<std::string, std::vector<size_t>>> out;
  const int fi = col(t, v.facet);
  for (size_t row : rows) {
    const std::string name = fi >= 0 ? text(t, row, fi, lang) : std::string();
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == name; });
    if (it == out.end()) out.emplace_back(name, std::vector<size_t>{row});
    else it->second.push_back(row);
  }
  return out;
}

void sort_pivot(Pivot& p, analysis::Sort sort) {
  if (sort == analysis::Sort::data || p.series.empty()) return;
  std::vector<size_t> idx(p.categories.size());
  std::iota(idx.begin(), idx.end(), 0);
  const auto& v = p.series[0].values;
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    const double x = std::isfinite(v[a]) ? v[a] : -kInf, y = std::isfinite(v[b]) ? v[b] : -kInf;
    return sort == analysis::Sort::value_desc ? x > y : x < y;
  });
  auto permute = [&](auto& vec) {
    auto copy = vec;
    for (size_t i = 0; i < idx.size(); ++i) vec[i] = copy[idx[i]];
  };
  permute(p.categories);
  permute(p.category_keys);
  permute(p.category_ref_keys);
  for (auto& se : p.series) {
    permute(se.values);
    permute(se.rows);
    permute(se.y_index);
  }
}

std::string cell_name(const Pivot& p, size_t c, size_t k) {
  return p.categories[c] + (p.series.size() > 1 ? " · " + p.series[k].name : "");
}

// Tooltips per category × series: "Veiligheidsplan volwassenen · afgesloten: 126 van 185 (68,1 %)".
std::vector<std::string> tips(const Table& t, const View& v, const Pivot& p, i18n::Lang lang) {
  std::vector<std::string> out;
  const bool pct = v.unit == Unit::percent;
  for (size_t c = 0; c < p.categories.size(); ++c)
    for (size_t k = 0; k < p.series.size(); ++k) {
      const auto& se = p.series[k];
      const std::string what = cell_name(p, c, k);
      double n = 0, d = 0;
      if (se.rows[c] != SIZE_MAX && fraction(t, v, se.rows[c], se.y_index[c], n, d))
        // Percent views draw the table's percentage; shares of counts (100 % stacks) have none and are derived.
        out.push_back(share_tip(what, n, d, pct ? se.values[c] : (d > 0 ? n / d * 100 : kNaN), lang));
      else
        out.push_back(i18n::format(tr("chart.tip.value", lang),
                                   {what, format_number(se.values[c], pct ? 1 : -1, lang) + (pct ? " %" : "")}));
    }
  return out;
}

// The pivot's series as chart series, each in the colour of its meaning.
std::vector<charts::Series> chart_series(const Pivot& p) {
  std::vector<charts::Series> out;
  for (const auto& se : p.series) {
    charts::Series cs{se.name, se.values};
    cs.colour = se.colour;
    cs.has_colour = true;
    out.push_back(std::move(cs));
  }
  return out;
}

bool long_labels(const std::vector<std::string>& labels, const charts::Style& s) {
  for (const auto& l : labels)
    if (charts::text_width(l, s.font) > 95) return true;
  return false;
}

charts::BarSpec bar_spec(const Table& t, const View& v, const Pivot& p, const Result& r, i18n::Lang lang,
                         const Marks& marks, const charts::Style& s) {
  charts::BarSpec b;
  b.mode = v.mode == analysis::BarMode::stacked100 ? charts::BarSpec::Mode::stacked100
           : v.mode == analysis::BarMode::stacked  ? charts::BarSpec::Mode::stacked
                                                   : charts::BarSpec::Mode::grouped;
  b.categories = p.categories;
  b.series = chart_series(p);
  b.tips = tips(t, v, p, lang);
  if (v.unit == Unit::percent) {
    b.axis_min = 0;
    b.axis_max = 100;
    b.unit_suffix = " %";
  }
  if (std::isfinite(v.axis_max)) {
    b.axis_min = std::isfinite(v.axis_min) ? v.axis_min : 0;
    b.axis_max = v.axis_max;
  }
  b.value_label = axis_title(v, r, lang);
  b.references = category_marks(t, v, p, marks, lang);
  b.show_legend = p.series.size() > 1 || !b.references.empty();
  b.horizontal = v.orientation == analysis::Orientation::horizontal ||
                 (v.orientation == analysis::Orientation::automatic &&
                  (p.categories.size() > 7 || long_labels(p.categories, s)));
  return b;
}

// The drawn rows pivoted, and what every kind says around its chart: counts, the denominator line, the sentence.
bool pivot_drawn(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s, Built& out,
                 Pivot& p) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty() || v.y.empty()) return false;
  p = pivot(t, v, rows, lang, s);
  out.categories = p.categories.size();
  out.series = p.series.size();
  out.footer = footer(t, v, p, lang);
  out.description = describe(out.chart_title, axis_title(v, r, lang), p, v.unit == Unit::percent ? " %" : "", lang);
  return true;
}

}  // namespace

bool build_bar(const Result& r, const Table& t, const View& view, i18n::Lang lang, const Marks& marks,
               const charts::Style& s, Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, view);
  if (rows.empty() || view.y.empty()) return false;
  // Series by the category itself (status bars: lopend, afgesloten): one series, each bar in its category's colour.
  const bool by_category = !view.series.empty() && view.series == view.x;
  View v = view;
  if (by_category) v.series.clear();
  Pivot all = pivot(t, v, rows, lang, s);
  sort_pivot(all, v.sort);
  out.categories = all.categories.size();
  out.series = all.series.size();
  out.footer = footer(t, v, all, lang);
  const std::string what = axis_title(v, r, lang);
  out.description = describe(out.chart_title, what, all, v.unit == Unit::percent ? " %" : "", lang);
  if (v.mode == analysis::BarMode::stacked100) {
    // Stacks of counts: describe the shares, not the counts.
    Pivot shares = all;
    for (size_t c = 0; c < shares.categories.size(); ++c) {
      double sum = 0;
      for (const auto& se : all.series) sum += std::isfinite(se.values[c]) ? se.values[c] : 0;
      for (auto& se : shares.series) se.values[c] = sum > 0 ? se.values[c] / sum * 100 : kNaN;
    }
    out.description = describe(out.chart_title, what, shares, " %", lang);
  }
  if (v.facet.empty()) {
    out.spec.kind = ChartSpec::Kind::bar;
    out.spec.bar = bar_spec(t, v, all, r, lang, marks, s);
    if (by_category)
      for (size_t c = 0; c < all.categories.size(); ++c)
        out.spec.bar.category_colours.push_back(colour_for(view, all.category_keys[c], c, s));
    return true;
  }
  out.spec.kind = ChartSpec::Kind::multiples;
  for (const auto& [name, frows] : facets(t, v, rows, lang)) {
    Pivot p = pivot(t, v, frows, lang, s);
    sort_pivot(p, v.sort);
    ChartSpec panel;
    panel.kind = ChartSpec::Kind::bar;
    panel.bar = bar_spec(t, v, p, r, lang, marks, s);
    out.spec.multiples.titles.push_back(name);
    out.spec.multiples.panels.push_back(std::move(panel));
  }
  out.spec.multiples.columns = 1;
  // The view's own axis is the same in every panel already.
  out.spec.multiples.shared_axis = !std::isfinite(v.axis_max);
  return true;
}

namespace {

// A facet's pivot on the whole table's categories and series, so every panel has the same x and the same series
// in the same colours (one legend for the grid); what the facet lacks is NaN (a gap).
Pivot align(const Pivot& all, const Pivot& part) {
  Pivot out;
  out.categories = all.categories;
  out.category_keys = all.category_keys;
  out.category_ref_keys = all.category_ref_keys;
  for (const auto& se : all.series) {
    Pivot::S a;
    a.key = se.key;
    a.name = se.name;
    a.colour = se.colour;
    a.values.assign(all.categories.size(), kNaN);
    a.rows.assign(all.categories.size(), SIZE_MAX);
    a.y_index.assign(all.categories.size(), 0);
    for (const auto& ps : part.series) {
      if (ps.key != se.key) continue;
      for (size_t pc = 0; pc < part.categories.size(); ++pc) {
        const auto it = std::find(all.category_keys.begin(), all.category_keys.end(), part.category_keys[pc]);
        if (it == all.category_keys.end()) continue;
        const size_t c = static_cast<size_t>(it - all.category_keys.begin());
        a.values[c] = ps.values[pc];
        a.rows[c] = ps.rows[pc];
        a.y_index[c] = ps.y_index[pc];
      }
    }
    out.series.push_back(std::move(a));
  }
  return out;
}

charts::LineSpec line_spec(const Table& t, const View& v, const Pivot& p, const Result& r, i18n::Lang lang,
                           const Marks& marks, const std::string& facet_name) {
  charts::LineSpec l;
  const bool numeric = v.x_scale == analysis::Scale::numeric;
  for (size_t c = 0; c < p.categories.size(); ++c) {
    double x = static_cast<double>(c);
    if (numeric) {
      for (const auto& se : p.series)
        if (se.rows[c] != SIZE_MAX) x = num(t, se.rows[c], col(t, v.x));
    } else {
      l.x_labels.push_back(p.categories[c]);  // ordinal: years and moments are categories, never 2021,25
    }
    l.x.push_back(x);
  }
  l.series = chart_series(p);
  l.tips = tips(t, v, p, lang);
  // A band per point (a median's Q1–Q3): columns [0] and [1] of the same row.
  const int lo = v.columns.size() >= 2 ? col(t, v.columns[0]) : -1, hi = v.columns.size() >= 2 ? col(t, v.columns[1]) : -1;
  if (lo >= 0 && hi >= 0) {
    for (const auto& se : p.series) {
      std::vector<double> bl, bu;
      for (size_t row : se.rows) {
        bl.push_back(row == SIZE_MAX ? kNaN : num(t, row, lo));
        bu.push_back(row == SIZE_MAX ? kNaN : num(t, row, hi));
      }
      l.band_lower.push_back(std::move(bl));
      l.band_upper.push_back(std::move(bu));
    }
    l.band_label = t.columns[size_t(lo)].label.in(lang) + "–" + t.columns[size_t(hi)].label.in(lang);
    // "T012 · 6m · moeder: Mediaan 6,0 (Q1–Q3 4,5 … 7,0)"
    const int yc = col(t, v.y[0]);
    const std::string value_name = yc >= 0 ? t.columns[size_t(yc)].label.in(lang) : v.y[0];
    for (size_t c = 0; c < p.categories.size(); ++c)
      for (size_t k = 0; k < p.series.size(); ++k) {
        const size_t i = c * p.series.size() + k;
        const double m = p.series[k].values[c], a = l.band_lower[k][c], b = l.band_upper[k][c];
        if (i >= l.tips.size() || !std::isfinite(m)) continue;
        l.tips[i] = cell_name(p, c, k) + ": " + value_name + " " + format_number(m, 1, lang) +
                    (std::isfinite(a) && std::isfinite(b) ? " (" + l.band_label + " " + format_number(a, 1, lang) +
                                                                " … " + format_number(b, 1, lang) + ")"
                                                          : std::string());
      }
  }
  if (!facet_name.empty())
    for (auto& tip : l.tips) tip = facet_name + " · " + tip;
  l.y_label = axis_title(v, r, lang);
  l.x_label = t.columns[static_cast<size_t>(std::max(0, col(t, v.x)))].label.in(lang);
  if (v.unit == Unit::percent) {
    l.axis_min = 0;
    l.axis_max = 100;
    l.unit_suffix = " %";
  }
  if (std::isfinite(v.axis_min)) l.axis_min = v.axis_min;
  if (std::isfinite(v.axis_max)) l.axis_max = v.axis_max;
  l.references = category_marks(t, v, p, marks, lang);
  l.direct_labels = p.series.size() > 1;
  l.show_legend = !l.references.empty() || p.series.size() > 1;
  return l;
}

}  // namespace

bool build_line(const Result& r, const Table& t, const View& v, i18n::Lang lang, const Marks& marks,
                const charts::Style& s, Built& out) {
  Pivot p;
  if (!pivot_drawn(r, t, v, lang, s, out, p)) return false;
  if (v.facet.empty()) {
    out.spec.kind = ChartSpec::Kind::line;
    out.spec.line = line_spec(t, v, p, r, lang, marks, std::string());
    return true;
  }
  if (col(t, v.facet) < 0) return false;
  // Small multiples: one panel per facet value, the same moments and series in each, one legend for the grid
  // (small_multiples draws it), no direct labels in panels this narrow; the moment axis is named once per panel
  // by its labels alone.
  out.spec.kind = ChartSpec::Kind::multiples;
  // The whole table's pivot keeps one value per moment and series (the last facet's): the sentence and the
  // denominator line are made from every panel's points instead, each named with its facet.
  Pivot every;
  every.series = p.series;
  for (auto& se : every.series) se.values.clear(), se.rows.clear(), se.y_index.clear();
  for (const auto& [name, frows] : facets(t, v, drawn_rows(t, v), lang)) {
    const Pivot panel_pivot = align(p, pivot(t, v, frows, lang, s));
    ChartSpec panel;
    panel.kind = ChartSpec::Kind::line;
    panel.line = line_spec(t, v, panel_pivot, r, lang, marks, name);
    panel.line.direct_labels = false;
    panel.line.x_label.clear();
    out.spec.multiples.titles.push_back(name);
    out.spec.multiples.panels.push_back(std::move(panel));
    for (size_t c = 0; c < panel_pivot.categories.size(); ++c) {
      every.categories.push_back(name + " · " + panel_pivot.categories[c]);
      every.category_keys.push_back(panel_pivot.category_keys[c]);
      every.category_ref_keys.push_back(panel_pivot.category_ref_keys[c]);
      for (size_t k = 0; k < every.series.size(); ++k) {
        every.series[k].values.push_back(panel_pivot.series[k].values[c]);
        every.series[k].rows.push_back(panel_pivot.series[k].rows[c]);
        every.series[k].y_index.push_back(panel_pivot.series[k].y_index[c]);
      }
    }
  }
  out.footer = footer(t, v, every, lang);
  out.description = describe(out.chart_title, axis_title(v, r, lang), every, v.unit == Unit::percent ? " %" : "", lang);
  return true;
}

bool build_dot(const Result& r, const Table& t, const View& v, i18n::Lang lang, const Marks& marks,
               const charts::Style& s, Built& out) {
  Pivot p;
  if (!pivot_drawn(r, t, v, lang, s, out, p)) return false;
  const bool pct = v.unit == Unit::percent;
  charts::DotSpec d;
  d.categories = p.categories;
  const int lo = v.columns.size() >= 3 ? col(t, v.columns[1]) : -1, hi = v.columns.size() >= 3 ? col(t, v.columns[2]) : -1;
  d.series = chart_series(p);
  if (lo >= 0 && hi >= 0)
    for (size_t k = 0; k < p.series.size(); ++k)
      for (size_t row : p.series[k].rows) {
        d.series[k].low.push_back(row == SIZE_MAX ? kNaN : num(t, row, lo));
        d.series[k].high.push_back(row == SIZE_MAX ? kNaN : num(t, row, hi));
      }
  d.tips = tips(t, v, p, lang);
  if (lo >= 0 && hi >= 0) {
    // "Veiligheidsplan volwassenen: gemiddelde 7,6 (min–max −3,0 … 22,0)" for a mean with its min and max; other
    // dots and ranges are named by their columns ("i2c: Mediaan 4,0 (Q1–Q3 2,0 … 7,0)").
    const bool mean_min_max = v.columns[0] == "mean" && v.columns[1] == "min" && v.columns[2] == "max";
    const int vc = col(t, v.columns[0]);
    const std::string value_name = mean_min_max || vc < 0 ? tr("chart.mean", lang) : t.columns[size_t(vc)].label.in(lang);
    const std::string range_name = mean_min_max ? tr("chart.range", lang)
                                                : t.columns[size_t(lo)].label.in(lang) + "–" + t.columns[size_t(hi)].label.in(lang);
    for (size_t c = 0; c < p.categories.size(); ++c)
      for (size_t k = 0; k < p.series.size(); ++k) {
        const size_t i = c * p.series.size() + k;
        if (i < d.tips.size() && k < d.series.size() && c < d.series[k].low.size())
          d.tips[i] = cell_name(p, c, k) + ": " + value_name + " " +
                      format_number(p.series[k].values[c], 1, lang) + " (" + range_name + " " +
                      format_number(d.series[k].low[c], 1, lang) + " … " + format_number(d.series[k].high[c], 1, lang) + ")";
      }
    d.range_label = range_name;
  }
  if (pct) {
    d.axis_min = 0;
    d.axis_max = 100;
    d.unit_suffix = " %";
  }
  if (std::isfinite(v.axis_min)) d.axis_min = v.axis_min;  // a fixed axis: the instrument's 0–10
  if (std::isfinite(v.axis_max)) d.axis_max = v.axis_max;
  d.value_label = axis_title(v, r, lang);
  d.references = category_marks(t, v, p, marks, lang);
  d.name_series = !v.series.empty();
  d.show_legend = p.series.size() > 1 || !d.references.empty() || (lo >= 0 && hi >= 0) || d.name_series;
  out.spec.kind = ChartSpec::Kind::dot;
  out.spec.dot = std::move(d);
  return true;
}

bool build_histogram(const Result& r, const Table& t, const View& v, i18n::Lang lang, const Marks& marks,
                     const charts::Style& s, Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty() || v.y.empty()) return false;
  charts::HistogramSpec h;
  const int xi = col(t, v.x), yi = col(t, v.y[0]);
  if (v.integer_bins) {
    // One bar per whole number, gaps filled with zero: 0, 1, 2, … up to the largest value.
    double lo = kInf, hi = -kInf;
    for (size_t row : rows) {
      const double x = num(t, row, xi);
      if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    }
    if (!std::isfinite(lo)) return false;
    lo = std::min(lo, 0.0);
    for (double x = lo; x <= hi + 1e-9; x += 1) {
      h.lower.push_back(x - 0.5);
      h.upper.push_back(x + 0.5);
      h.counts.push_back(0);
    }
    for (size_t row : rows) {
      const double x = num(t, row, xi), n = num(t, row, yi);
      if (std::isfinite(x) && std::isfinite(n)) h.counts[static_cast<size_t>(std::llround(x - lo))] += n;
    }
    h.integer_bins = true;
  } else {
    const int li = col(t, v.columns.size() > 0 ? v.columns[0] : "lower"),
              ui = col(t, v.columns.size() > 1 ? v.columns[1] : "upper");
    if (li < 0 || ui < 0) return false;
    for (size_t row : rows) {
      h.lower.push_back(num(t, row, li));
      h.upper.push_back(num(t, row, ui));
      h.counts.push_back(num(t, row, yi));
    }
  }
  charts::Rgba c = colour_for(v, "", 0, s);
  h.colour = c;
  h.has_colour = true;
  h.value_label = r.title.in(lang);
  h.count_label = axis_title(v, r, lang);
  for (const auto& m : v.references) {
    if (!mark_on(m, marks)) continue;
    for (const auto& pt : m.points) {
      charts::ReferenceMark cm;
      cm.label = m.label(lang);
      cm.style = mark_style(m.mark);
      cm.values = {pt.value};
      cm.highs = {pt.high};
      h.references.push_back(std::move(cm));
    }
  }
  double total = 0, top = 0;
  size_t top_i = 0;
  for (size_t i = 0; i < h.counts.size(); ++i) {
    total += h.counts[i];
    if (h.counts[i] > top) top = h.counts[i], top_i = i;
  }
  out.categories = h.counts.size();
  out.series = 1;
  out.footer = i18n::format(tr("chart.den_line.simple", lang), {format_number(total, 0, lang)});
  const std::string peak = v.integer_bins ? format_number((h.lower[top_i] + h.upper[top_i]) / 2, 0, lang)
                                          : format_number(h.lower[top_i], -1, lang) + "–" +
                                                format_number(h.upper[top_i], -1, lang);
  out.description = i18n::format(tr("chart.desc.histogram", lang),
                                 {out.chart_title, h.count_label, peak, format_number(top, 0, lang),
                                  v.integer_bins ? format_number(h.lower.front() + 0.5, 0, lang) + " … " +
                                                       format_number(h.upper.back() - 0.5, 0, lang)
                                                 : format_number(h.lower.front(), -1, lang) + " … " +
                                                       format_number(h.upper.back(), -1, lang),
                                  format_number(total, 0, lang)});
  out.spec.kind = ChartSpec::Kind::histogram;
  out.spec.histogram = std::move(h);
  return true;
}

}  // namespace zicht::report::views::detail
