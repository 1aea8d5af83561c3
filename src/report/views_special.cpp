// Views → chart specs for the kinds with their own table shapes: Kaplan–Meier, box plots, heat maps, Sankey.
#include <algorithm>
#include <cmath>

#include "report/format.h"
#include "report/views_detail.h"

namespace zicht::report::views::detail {

using analysis::Result;
using analysis::Table;
using analysis::View;
using charts::ChartSpec;

namespace {

std::vector<std::pair<std::string, std::vector<size_t>>> groups_by(const Table& t, int gi,
                                                                   const std::vector<size_t>& rows,
                                                                   i18n::Lang lang) {
  std::vector<std::pair<std::string, std::vector<size_t>>> out;
  for (size_t row : rows) {
    const std::string name = gi >= 0 ? text(t, row, gi, lang) : std::string();
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == name; });
    if (it == out.end()) out.emplace_back(name, std::vector<size_t>{row});
    else it->second.push_back(row);
  }
  return out;
}

const std::string& column_or(const View& v, size_t i, const std::string& fallback) {
  return v.columns.size() > i ? v.columns[i] : fallback;
}

// One Kaplan–Meier curve from rows in time order, with its number-at-risk at the given times.
// A step whose survival is hidden in delen mode (fewer than k at risk, privacy/suppression.h) cuts the curve there;
// `cut` takes the hidden cell's label ("<5"), which the number-at-risk row shows from then on.
charts::KmCurve km_curve(const Table& t, const View& v, const std::vector<size_t>& rows, std::vector<std::pair<double, double>>& risk,
                         double& last_left, std::string& cut, std::string& hidden_label) {
  static const std::string kTime = "time", kSurv = "survival", kLo = "lower", kUp = "upper", kRisk = "n_risk",
                           kEvent = "n_event", kCensor = "n_censor";
  const int ti = col(t, column_or(v, 0, kTime)), si = col(t, column_or(v, 1, kSurv)), lo = col(t, column_or(v, 2, kLo)),
            up = col(t, column_or(v, 3, kUp)), nr = col(t, column_or(v, 4, kRisk)), ne = col(t, column_or(v, 5, kEvent)),
            nc = col(t, column_or(v, 6, kCensor));
  charts::KmCurve c;
  last_left = 0;
  for (size_t row : rows) {
    auto hidden = [&](int c) {
      return c >= 0 && c < static_cast<int>(t.rows[row].size()) && t.rows[row][c].kind == analysis::Value::Kind::suppressed;
    };
    if (hidden(si) || hidden(ti)) {
      cut = hidden_label = t.rows[row][hidden(si) ? si : ti].s;
      break;
    }
    const double time = num(t, row, ti), surv = num(t, row, si);
    if (!std::isfinite(time) || !std::isfinite(surv)) continue;
    c.time.push_back(time);
    c.survival.push_back(surv);
    c.lower.push_back(num(t, row, lo));
    c.upper.push_back(num(t, row, up));
    const double cens = num(t, row, nc);
    if (std::isfinite(cens) && cens > 0) {
      c.censor_times.push_back(time);
      c.censor_survival.push_back(surv);
    }
    const double n = num(t, row, nr);
    if (hidden(nr)) {  // a complement hidden next to a small cell: the step is shared, its number at risk not
      risk.emplace_back(time, -1);
      last_left = -1;
      hidden_label = t.rows[row][nr].s;
    } else if (std::isfinite(n)) {
      risk.emplace_back(time, n);
      const double ev = num(t, row, ne);
      last_left = n - (std::isfinite(ev) ? ev : 0) - (std::isfinite(cens) ? cens : 0);
    }
  }
  return c;
}

std::vector<long> at_risk(const std::vector<std::pair<double, double>>& risk, double last_left,
                          const std::vector<double>& times, bool cut) {
  std::vector<long> out;
  for (double rt : times) {
    // At risk at rt: the n_risk of the first row at or after rt; after the last row, what was left — or, where the
    // curve was cut for privacy, hidden (-1).
    double n = cut ? -1 : last_left;
    for (const auto& [time, k] : risk)
      if (time >= rt) {
        n = k;
        break;
      }
    out.push_back(n < 0 ? -1 : static_cast<long>(n));
  }
  return out;
}

}  // namespace

bool build_km(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s, Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty()) return false;
  // Panels per facet value; within a panel, one curve per series value (or one curve).
  const auto panels = groups_by(t, col(t, v.facet), rows, lang);
  double tmax = 0;
  for (size_t row : rows) {
    const double x = num(t, row, col(t, column_or(v, 0, "time")));
    if (std::isfinite(x)) tmax = std::max(tmax, x);
  }
  const std::vector<double> times = charts::nice_ticks(0, tmax > 0 ? tmax : 1, 6);
  std::vector<ChartSpec> specs;
  std::vector<std::string> medians;
  size_t unkeyed = 0, curves = 0;
  std::string cut_label;  // a curve cut in delen mode: the line under the chart says where and why
  for (const auto& [name, prow] : panels) {
    charts::KmSpec k;
    for (const auto& [sname, srows] : groups_by(t, col(t, v.series), prow, lang)) {
      std::vector<std::pair<double, double>> risk;
      double left = 0;
      std::string cut, hidden_label;
      charts::KmCurve c = km_curve(t, v, srows, risk, left, cut, hidden_label);
      if (c.time.empty()) continue;
      c.name = !sname.empty() ? sname : !name.empty() ? name : r.title.in(lang);
      c.colour = colour_for(v, analysis::view_key(cell(t, srows.front(), col(t, v.series))), unkeyed++, s);
      c.has_colour = true;
      k.at_risk.push_back(at_risk(risk, left, times, !cut.empty()));
      if (!hidden_label.empty()) k.hidden_label = hidden_label;
      if (!cut.empty()) cut_label = cut;
      k.curves.push_back(std::move(c));
      ++curves;
    }
    if (k.curves.empty()) continue;
    k.risk_times = times;
    k.x_label = tr("chart.axis.months", lang);
    k.y_label = tr("chart.axis.survival", lang);
    k.show_legend = k.curves.size() > 1;
    ChartSpec cs;
    cs.kind = ChartSpec::Kind::km;
    cs.km = std::move(k);
    specs.push_back(std::move(cs));
    medians.push_back(name);
  }
  if (specs.empty()) return false;
  out.categories = specs.size();
  out.series = curves;
  std::string names;
  for (const auto& m : medians) names += (names.empty() ? "" : ", ") + m;
  out.description = i18n::format(tr("chart.desc.km", lang), {out.chart_title, names.empty() ? r.title.in(lang) : names});
  if (!cut_label.empty()) out.footer += (out.footer.empty() ? "" : "; ") + i18n::format(tr("chart.km_cut", lang), {cut_label});
  if (specs.size() == 1) {
    out.spec = std::move(specs.front());
    return true;
  }
  out.spec.kind = ChartSpec::Kind::multiples;
  out.spec.multiples.titles = medians;
  out.spec.multiples.panels = std::move(specs);
  return true;
}

bool build_box(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s, Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty() || v.columns.size() < 5) return false;
  int c5[5];
  for (size_t i = 0; i < 5; ++i) c5[i] = col(t, v.columns[i]);
  const int xi = col(t, v.x);
  std::vector<ChartSpec> specs;
  std::vector<std::string> titles;
  double mlo = kInf, mhi = -kInf;
  for (const auto& [name, prow] : groups_by(t, col(t, v.facet), rows, lang)) {
    charts::BoxSpec b;
    for (size_t row : prow) {
      double q[5];
      for (size_t i = 0; i < 5; ++i) q[i] = num(t, row, c5[i]);
      if (!std::all_of(q, q + 5, [](double x) { return std::isfinite(x); })) continue;
      b.groups.push_back(text(t, row, xi, lang));
      b.colours.push_back(colour_for(v, analysis::view_key(cell(t, row, xi)), b.groups.size() - 1, s));
      b.min.push_back(q[0]);
      b.q1.push_back(q[1]);
      b.median.push_back(q[2]);
      b.q3.push_back(q[3]);
      b.max.push_back(q[4]);
      mlo = std::min(mlo, q[2]);
      mhi = std::max(mhi, q[2]);
    }
    if (b.groups.empty()) continue;
    b.value_label = name.empty() ? axis_title(v, r, lang) : name;
    ChartSpec cs;
    cs.kind = ChartSpec::Kind::box;
    cs.box = std::move(b);
    specs.push_back(std::move(cs));
    titles.push_back(name);
  }
  if (specs.empty()) return false;
  out.categories = specs.size();
  out.series = specs.front().box.groups.size();
  out.description = i18n::format(tr("chart.desc.box", lang), {out.chart_title, std::to_string(out.series),
                                                              format_number(mlo, 1, lang), format_number(mhi, 1, lang)});
  if (specs.size() == 1) {
    out.spec = std::move(specs.front());
    return true;
  }
  out.spec.kind = ChartSpec::Kind::multiples;
  out.spec.multiples.titles = titles;
  out.spec.multiples.panels = std::move(specs);
  out.spec.multiples.shared_axis = false;  // different variables: each panel its own scale
  return true;
}

bool build_heatmap(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style&,
                   Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty() || v.y.empty()) return false;
  charts::HeatmapSpec h;
  const int xi = col(t, v.x);
  std::vector<int> ys;
  for (const auto& y : v.y)
    if (int c = col(t, y); c >= 0) {
      ys.push_back(c);
      h.cols.push_back(t.columns[static_cast<size_t>(c)].label.in(lang));
    }
  if (ys.empty()) return false;
  double hi = -kInf, lo = kInf;
  std::string hi_name, lo_name;
  for (size_t row : rows) {
    h.rows.push_back(text(t, row, xi, lang));
    for (size_t k = 0; k < ys.size(); ++k) {
      const double x = num(t, row, ys[k]);
      h.values.push_back(x);
      if (!std::isfinite(x)) continue;
      if (x > hi) hi = x, hi_name = h.rows.back() + " · " + h.cols[k];
      if (x < lo) lo = x, lo_name = h.rows.back() + " · " + h.cols[k];
    }
  }
  h.diverging = v.colour_key_all == "diverging";
  h.decimals = 1;
  h.value_label = v.of(lang).empty() ? axis_title(v, r, lang) : v.of(lang);
  out.categories = h.rows.size();
  out.series = h.cols.size();
  out.description = i18n::format(tr("chart.desc.heatmap", lang),
                                 {out.chart_title, std::to_string(h.rows.size()), std::to_string(h.cols.size()),
                                  hi_name, format_number(hi, 1, lang), lo_name, format_number(lo, 1, lang)});
  out.spec.kind = ChartSpec::Kind::heatmap;
  out.spec.heatmap = std::move(h);
  return true;
}

namespace {

// The N-stage form (view.h): links from_stage, from, to_stage, to, n; the nodes' own counts from leaf_table.
bool build_sankey_stages(const Result& r, const Table& t, const View& v, i18n::Lang lang, Built& out) {
  const std::vector<size_t> rows = drawn_rows(t, v);
  const int fs = col(t, v.columns[0]), fr = col(t, v.columns[1]), ts = col(t, v.columns[2]), to = col(t, v.columns[3]),
            n = col(t, v.y[0]);
  if (rows.empty() || fs < 0 || fr < 0 || ts < 0 || to < 0 || n < 0) return false;
  charts::SankeySpec s;
  auto stage_index = [&](const std::string& name) {
    auto it = std::find(s.stage_names.begin(), s.stage_names.end(), name);
    if (it != s.stage_names.end()) return static_cast<size_t>(it - s.stage_names.begin());
    s.stage_names.push_back(name);
    return s.stage_names.size() - 1;
  };
  auto neutral = [&](const analysis::Value& c, const std::string& name) {
    for (const auto& [key, colour] : v.colour_keys)
      if ((colour == "group.none" || colour == "group.others") && analysis::view_key(c) == key &&
          std::find(s.neutral.begin(), s.neutral.end(), name) == s.neutral.end())
        s.neutral.push_back(name);
  };
  double total = 0;
  for (size_t row : rows) {
    const double x = num(t, row, n);
    const size_t a = stage_index(text(t, row, fs, lang)), c = stage_index(text(t, row, ts, lang));
    if (!std::isfinite(x) || x <= 0 || c != a + 1) continue;  // only links between consecutive stages are drawn
    s.links.push_back({a, text(t, row, fr, lang), text(t, row, to, lang), x});
    neutral(cell(t, row, fr), s.links.back().from);
    neutral(cell(t, row, to), s.links.back().to);
    total += x;
  }
  if (s.links.empty()) return false;
  for (const auto& nt : r.tables) {
    if (v.leaf_table.empty() || nt.id != v.leaf_table) continue;
    const int st = col(nt, column_or(v, 4, "stage")), nd = col(nt, column_or(v, 5, "node")),
              nn = col(nt, column_or(v, 6, "n"));
    if (st < 0 || nd < 0) break;
    for (size_t row = 0; row < nt.rows.size(); ++row) {
      const std::string stage = text(nt, row, st, lang);
      auto it = std::find(s.stage_names.begin(), s.stage_names.end(), stage);
      if (it == s.stage_names.end()) continue;  // a stage without links is not drawn
      s.nodes.push_back({static_cast<size_t>(it - s.stage_names.begin()), text(nt, row, nd, lang), num(nt, row, nn)});
      neutral(cell(nt, row, nd), s.nodes.back().name);
    }
  }
  out.categories = s.links.size();
  out.series = 1;
  out.wide = 190.0f * static_cast<float>(s.stage_names.size());
  out.description = i18n::format(tr("chart.desc.sankey_stages", lang),
                                 {out.chart_title, std::to_string(s.stage_names.size()), std::to_string(s.links.size())});
  out.spec.kind = ChartSpec::Kind::sankey;
  out.spec.sankey = std::move(s);
  return true;
}

}  // namespace

bool build_sankey(const Result& r, const Table& t, const View& v, i18n::Lang lang, const charts::Style&, Built& out) {
  if (v.columns.size() >= 4 && !v.y.empty()) return build_sankey_stages(r, t, v, lang, out);
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty() || v.columns.size() < 3 || v.y.empty()) return false;
  const int a = col(t, v.columns[0]), m = col(t, v.columns[1]), p = col(t, v.columns[2]), n = col(t, v.y[0]);
  if (a < 0 || m < 0 || p < 0 || n < 0) return false;
  charts::SankeySpec s;
  double total = 0;
  for (size_t row : rows) {
    const double x = num(t, row, n);
    if (!std::isfinite(x) || x <= 0) continue;
    s.flows.push_back({text(t, row, a, lang), text(t, row, m, lang), text(t, row, p, lang), x});
    total += x;
  }
  if (s.flows.empty()) return false;
  s.stages[0] = t.columns[static_cast<size_t>(a)].label.in(lang);
  s.stages[1] = t.columns[static_cast<size_t>(m)].label.in(lang);
  s.stages[2] = t.columns[static_cast<size_t>(p)].label.in(lang);
  s.min_node = 0;  // the result has merged its small paths already (Options::min_path)
  // Nodes whose colour key is neutral ("geen voortraject", "overige paden") are grey, every other keeps one
  // colour on both sides.
  for (const auto& [key, colour] : v.colour_keys)
    if (colour == "group.none" || colour == "group.others") {
      s.neutral.push_back(key);
      for (size_t row : rows)
        for (int c : {a, p})
          if (analysis::view_key(cell(t, row, c)) == key) s.neutral.push_back(text(t, row, c, lang));
    }
  out.categories = s.flows.size();
  out.series = 1;
  out.footer = i18n::format(tr("chart.den_line.simple", lang), {format_number(total, 0, lang)}) + " " + v.of(lang);
  out.description = i18n::format(tr("chart.desc.sankey", lang), {out.chart_title, std::to_string(s.flows.size())});
  out.spec.kind = ChartSpec::Kind::sankey;
  out.spec.sankey = std::move(s);
  return true;
}

}  // namespace zicht::report::views::detail
