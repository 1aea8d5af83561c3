// chart_for_result: the chart a Result suggests, from its table's column conventions (see report/chart.h).
#include "report/chart.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "report/chart_kit.h"
#include "report/format.h"

namespace zicht::report::charts {

using namespace kit;

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
