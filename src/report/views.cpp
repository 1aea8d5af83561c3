#include "report/views.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/format.h"
#include "report/palette.h"
#include "report/views_detail.h"

namespace zicht::report::views {

using analysis::Result;
using analysis::Table;
using analysis::Unit;
using analysis::Value;
using analysis::View;
using analysis::ViewKind;
using charts::ChartSpec;

namespace detail {

int col(const Table& t, const std::string& id) { return id.empty() ? -1 : t.column_index(id); }

const Value& cell(const Table& t, size_t row, int c) {
  static const Value kNa;
  if (c < 0 || row >= t.rows.size() || static_cast<size_t>(c) >= t.rows[row].size()) return kNa;
  return t.rows[row][static_cast<size_t>(c)];
}

double num(const Table& t, size_t row, int c) {
  const Value& v = cell(t, row, c);
  return v.is_number() ? v.as_double() : kNaN;
}

std::string text(const Table& t, size_t row, int c, i18n::Lang lang) {
  return format_value(cell(t, row, c), -1, lang);
}

bool drawn(const Table& t, size_t row, const View& v) {
  for (const auto& rc : v.rows) {
    const std::string k = analysis::view_key(cell(t, row, col(t, rc.column)));
    if (!rc.only.empty() && std::find(rc.only.begin(), rc.only.end(), k) == rc.only.end()) return false;
    if (std::find(rc.except.begin(), rc.except.end(), k) != rc.except.end()) return false;
  }
  return true;
}

std::vector<size_t> drawn_rows(const Table& t, const View& v) {
  std::vector<size_t> out;
  for (size_t i = 0; i < t.rows.size(); ++i)
    if (drawn(t, i, v)) out.push_back(i);
  return out;
}

std::string tr(const char* key, i18n::Lang lang) { return i18n::tr(key, lang); }

std::string policy_label(const std::string& policy, i18n::Lang lang) {
  if (policy.empty()) return std::string();
  return tr(("chart.denominator." + policy).c_str(), lang);
}

std::string axis_title(const View& v, const Result& r, i18n::Lang lang) {
  const std::string of = v.of(lang).empty() ? r.unit.in(lang) : v.of(lang);
  switch (v.unit) {
    case Unit::percent:
      if (v.policy.empty() || v.policy == "fixed") return i18n::format(tr("chart.axis.percent", lang), {of});
      return i18n::format(tr("chart.axis.percent_of", lang), {of, policy_label(v.policy, lang)});
    case Unit::count: return i18n::format(tr("chart.axis.count", lang), {of});
    case Unit::months: return tr("chart.axis.months", lang);
    case Unit::days: return tr("chart.axis.days", lang);
    case Unit::score:
    case Unit::statistic: return of;
  }
  return of;
}

charts::Rgba colour_for(const View& v, const std::string& key, size_t unkeyed_index, const charts::Style& s) {
  charts::Rgba c;
  for (const auto& [k, name] : v.colour_keys)
    if (k == key && charts::named_colour(name, s, c)) return c;
  if (v.colour_keys.empty() && !v.colour_key_all.empty() && charts::semantic_colour(v.colour_key_all, s, c)) return c;
  return s.series[unkeyed_index % 8];
}

Pivot pivot(const Table& t, const View& v, const std::vector<size_t>& rows, i18n::Lang lang, const charts::Style& s) {
  Pivot p;
  const int xi = col(t, v.x), si = col(t, v.series);
  std::map<std::string, size_t> cat_index, series_index;
  auto category = [&](size_t row) {
    const std::string k = analysis::view_key(cell(t, row, xi));
    auto it = cat_index.find(k);
    if (it != cat_index.end()) return it->second;
    cat_index.emplace(k, p.categories.size());
    p.categories.push_back(text(t, row, xi, lang));
    p.category_keys.push_back(k);
    const int kx = col(t, v.x_key);
    p.category_ref_keys.push_back(kx >= 0 ? analysis::view_key(cell(t, row, kx)) : k);
    return p.categories.size() - 1;
  };
  auto add_series = [&](const std::string& key, const std::string& name) {
    auto it = series_index.find(key);
    if (it != series_index.end()) return it->second;
    series_index.emplace(key, p.series.size());
    Pivot::S s0;
    s0.key = key;
    s0.name = name;
    p.series.push_back(std::move(s0));
    return p.series.size() - 1;
  };
  std::vector<int> ys;
  for (const auto& y : v.y) ys.push_back(col(t, y));
  if (si < 0)
    for (size_t k = 0; k < v.y.size(); ++k)
      add_series(v.y[k], ys[k] >= 0 ? t.columns[static_cast<size_t>(ys[k])].label.in(lang) : v.y[k]);
  struct Cell { size_t c, s, row; int y; };
  std::vector<Cell> cells;
  for (size_t row : rows) {
    const size_t c = category(row);
    if (si >= 0) {
      const size_t k = add_series(analysis::view_key(cell(t, row, si)), text(t, row, si, lang));
      cells.push_back({c, k, row, ys.empty() ? -1 : ys[0]});
    } else {
      for (size_t k = 0; k < ys.size(); ++k) cells.push_back({c, k, row, ys[k]});
    }
  }
  for (auto& se : p.series) {
    se.values.assign(p.categories.size(), kNaN);
    se.rows.assign(p.categories.size(), SIZE_MAX);
    se.y_index.assign(p.categories.size(), 0);
  }
  for (const Cell& c : cells) {
    p.series[c.s].values[c.c] = num(t, c.row, c.y);
    p.series[c.s].rows[c.c] = c.row;
    p.series[c.s].y_index[c.c] = static_cast<size_t>(std::find(ys.begin(), ys.end(), c.y) - ys.begin());
  }
  size_t unkeyed = 0;
  for (auto& se : p.series) {
    bool keyed = false;
    charts::Rgba c;
    for (const auto& [k, name] : v.colour_keys) keyed = keyed || (k == se.key && charts::named_colour(name, s, c));
    se.colour = colour_for(v, se.key, keyed ? 0 : unkeyed, s);
    if (!keyed) ++unkeyed;
  }
  return p;
}

// Numerator and denominator of a drawn cell (parallel to y, or one for all).
bool fraction(const Table& t, const View& v, size_t row, size_t y_index, double& n, double& d) {
  if (v.denominators.empty()) return false;
  const std::string& nc = v.numerators.empty() ? std::string() : v.numerators[std::min(y_index, v.numerators.size() - 1)];
  const std::string& dc = v.denominators[std::min(y_index, v.denominators.size() - 1)];
  n = num(t, row, col(t, nc));
  d = num(t, row, col(t, dc));
  return std::isfinite(n) && std::isfinite(d);
}

std::string share_tip(const std::string& what, double n, double d, double pct, i18n::Lang lang) {
  return i18n::format(tr("chart.tip.share", lang),
                      {what, format_number(n, -1, lang), format_number(d, -1, lang), format_number(pct, 1, lang)});
}

// The denominator line: one n when every drawn cell shares it (with the missing and n.v.t. counts the table
// carries), else the range; and the rows that are not categories, with their counts.
std::string footer(const Table& t, const View& v, const Pivot& p, i18n::Lang lang) {
  std::vector<std::string> parts;
  double dmin = kNaN, dmax = kNaN;
  size_t first_row = SIZE_MAX;
  for (const auto& se : p.series)
    for (size_t c = 0; c < se.rows.size(); ++c) {
      if (se.rows[c] == SIZE_MAX) continue;
      double n = 0, d = 0;
      if (!fraction(t, v, se.rows[c], se.y_index[c], n, d)) continue;
      if (first_row == SIZE_MAX) first_row = se.rows[c];
      dmin = std::isfinite(dmin) ? std::min(dmin, d) : d;
      dmax = std::isfinite(dmax) ? std::max(dmax, d) : d;
    }
  if (std::isfinite(dmin) && dmin == dmax) {
    const int dv = col(t, "denom_valid"), da = col(t, "denom_applicable"), dl = col(t, "denom_all");
    const double valid = num(t, first_row, dv), app = num(t, first_row, da), all = num(t, first_row, dl);
    if (v.policy != "fixed" && std::isfinite(valid) && std::isfinite(app) && std::isfinite(all))
      parts.push_back(i18n::format(tr("chart.den_line.one", lang),
                                   {format_number(dmin, 0, lang), policy_label(v.policy, lang),
                                    format_number(app - valid, 0, lang), format_number(all - app, 0, lang)}));
    else
      parts.push_back(i18n::format(tr("chart.den_line.simple", lang), {format_number(dmin, 0, lang)}));
  } else if (std::isfinite(dmin)) {
    parts.push_back(i18n::format(tr("chart.den_line.range", lang),
                                 {format_number(dmin, 0, lang), format_number(dmax, 0, lang)}));
  } else if (v.unit == Unit::count && p.series.size() == 1) {
    // Counts without a denominator column: n is what the bars add up to.
    double sum = 0;
    for (double x : p.series[0].values) sum += std::isfinite(x) ? x : 0;
    parts.push_back(i18n::format(tr("chart.den_line.simple", lang), {format_number(sum, 0, lang)}));
  }
  // Rows left out because they are not categories (Ontbrekend, Niet van toepassing, Totaal).
  const int xi = col(t, v.x);
  const int ni = col(t, v.numerators.empty() ? (v.y.empty() ? std::string() : v.y[0]) : v.numerators[0]);
  std::vector<std::string> left;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (drawn(t, i, v) || !analysis::is_non_category(cell(t, i, xi))) continue;
    const double n = num(t, i, ni);
    left.push_back(text(t, i, xi, lang) + (std::isfinite(n) ? " (" + format_number(n, -1, lang) + ")" : ""));
  }
  if (!left.empty()) {
    std::string joined;
    for (const auto& l : left) joined += (joined.empty() ? "" : ", ") + l;
    parts.push_back(i18n::format(tr("chart.den_line.left_out", lang), {joined}));
  }
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : " · ") + s;
  return out;
}

std::string describe(const std::string& title, const std::string& what, const Pivot& p, const std::string& suffix,
                     i18n::Lang lang) {
  double hi = -kInf, lo = kInf;
  std::string hi_name, lo_name;
  for (const auto& se : p.series)
    for (size_t c = 0; c < se.values.size(); ++c) {
      const double x = se.values[c];
      if (!std::isfinite(x)) continue;
      const std::string name = p.categories[c] + (p.series.size() > 1 ? " · " + se.name : "");
      if (x > hi) hi = x, hi_name = name;
      if (x < lo) lo = x, lo_name = name;
    }
  if (!std::isfinite(hi)) return i18n::format(tr("chart.desc.generic", lang), {title, what});
  // Whole numbers as they are (counts), everything else with one decimal (shares, means, months).
  auto shown = [&](double x) { return format_number(x, x == std::floor(x) ? 0 : 1, lang) + suffix; };
  return i18n::format(tr("chart.desc.bar", lang), {title, what, hi_name, shown(hi), lo_name, shown(lo)});
}

bool mark_on(const analysis::ReferenceMark& m, const Marks& marks) {
  switch (m.source) {
    case analysis::RefSource::published: return marks.published;
    case analysis::RefSource::norm: return marks.norms;
    case analysis::RefSource::statistic: return marks.statistics;
  }
  return true;
}

charts::MarkStyle mark_style(analysis::MarkKind k) {
  switch (k) {
    case analysis::MarkKind::marker: return charts::MarkStyle::marker;
    case analysis::MarkKind::line: return charts::MarkStyle::line;
    case analysis::MarkKind::band: return charts::MarkStyle::band;
  }
  return charts::MarkStyle::marker;
}

// References on categories (and series): one chart mark per (reference, series) with a value per category.
// Whether a published share computed under `policy` is the same kind of number as the drawn cell: the same
// policy, or a denominator that happens to be equal (no missing cells, say).
bool comparable(const Table& t, const View& v, const Pivot& p, const std::string& policy, int si, size_t c) {
  if (policy.empty() || policy == v.policy) return true;
  const int want = col(t, "denom_" + policy);
  for (size_t k = 0; k < p.series.size(); ++k) {
    if (si >= 0 && static_cast<int>(k) != si) continue;
    const size_t row = p.series[k].rows[c];
    if (row == SIZE_MAX) continue;
    double n = 0, d = 0;
    if (!fraction(t, v, row, p.series[k].y_index[c], n, d) || want < 0) return false;
    if (num(t, row, want) != d) return false;
  }
  return true;
}

std::vector<charts::ReferenceMark> category_marks(const Table& t, const View& v, const Pivot& p, const Marks& marks,
                                                  i18n::Lang lang) {
  std::vector<charts::ReferenceMark> out;
  for (const auto& m : v.references) {
    if (!mark_on(m, marks)) continue;
    std::map<int, charts::ReferenceMark> by_series;
    for (const auto& pt : m.points) {
      int si = -1;
      if (!pt.series.empty())
        for (size_t k = 0; k < p.series.size(); ++k)
          if (p.series[k].key == pt.series) si = static_cast<int>(k);
      if (!pt.series.empty() && si < 0) continue;
      auto& cm = by_series[si];
      cm.label = m.label(lang);
      cm.series = si;
      cm.style = mark_style(m.mark);
      if (pt.category.empty()) {
        cm.values = {pt.value};
        cm.highs = {pt.high};
        continue;
      }
      cm.values.resize(p.categories.size(), kNaN);
      cm.highs.resize(p.categories.size(), kNaN);
      for (size_t c = 0; c < p.categories.size(); ++c)
        if ((p.category_ref_keys[c] == pt.category || p.category_keys[c] == pt.category) &&
            comparable(t, v, p, m.policy, si, c)) {
          cm.values[c] = pt.value;
          cm.highs[c] = pt.high;
        }
    }
    for (auto& [si, cm] : by_series) {
      const bool any = std::any_of(cm.values.begin(), cm.values.end(), [](double x) { return std::isfinite(x); });
      if (any) out.push_back(std::move(cm));
    }
  }
  return out;
}

}  // namespace detail

using namespace detail;

std::vector<Built> build(const Result& r, i18n::Lang lang, const Marks& marks, const charts::Style& style) {
  std::vector<Built> out;
  for (const auto& v : r.views) {
    Built b;
    if (build_one(r, v, lang, marks, style, b)) out.push_back(std::move(b));
  }
  return out;
}

bool build_one(const Result& r, const View& v, i18n::Lang lang, const Marks& marks, const charts::Style& style,
               Built& out) {
  const Table* t = nullptr;
  for (const auto& tab : r.tables)
    if (tab.id == v.table) t = &tab;
  if (!t) return false;
  charts::Style s = style;
  s.lang = lang;
  out = Built{};
  out.view_id = v.id;
  out.group = v.group;
  out.title = v.title(lang);
  out.chart_title = r.title.in(lang) + (out.title.empty() ? "" : " — " + out.title);
  bool ok = false;
  switch (v.kind) {
    case ViewKind::bar: ok = build_bar(r, *t, v, lang, marks, s, out); break;
    case ViewKind::line: ok = build_line(r, *t, v, lang, marks, s, out); break;
    case ViewKind::dot: ok = build_dot(r, *t, v, lang, marks, s, out); break;
    case ViewKind::histogram: ok = build_histogram(r, *t, v, lang, marks, s, out); break;
    case ViewKind::km: ok = build_km(r, *t, v, lang, s, out); break;
    case ViewKind::box: ok = build_box(r, *t, v, lang, s, out); break;
    case ViewKind::heatmap:
      ok = v.series.empty() ? build_heatmap(r, *t, v, lang, s, out) : build_category_map(r, *t, v, lang, s, out);
      break;
    case ViewKind::dendrogram: ok = build_dendrogram(r, *t, v, marks, lang, s, out); break;
    case ViewKind::sankey: ok = build_sankey(r, *t, v, lang, s, out); break;
    case ViewKind::likert: ok = build_likert(r, *t, v, lang, s, out); break;
    case ViewKind::slope: ok = build_slope(r, *t, v, lang, s, out); break;
    case ViewKind::funnel: ok = build_funnel(r, *t, v, lang, s, out); break;
  }
  return ok;
}

namespace {

// The narrowest a small-multiples panel may be: Kaplan–Meier panels carry a risk table; line panels (a trajectory
// over a few moments) read at about fifteen characters' width, so a wide page holds 4–6 of them, a narrow one 2–3,
// and the presentation type makes them wider still.
float panel_min_width(const ChartSpec& first, const charts::Style& s) {
  if (first.kind == ChartSpec::Kind::km) return 340;
  if (first.kind == ChartSpec::Kind::line) return s.font * 15;
  return 300;
}

size_t panel_columns(const ChartSpec& c, float width, const charts::Style& s) {
  const size_t n = std::max<size_t>(1, c.multiples.panels.size());
  if (c.multiples.columns > 0) return static_cast<size_t>(c.multiples.columns);
  const size_t most = c.multiples.panels.front().kind == ChartSpec::Kind::line ? std::min<size_t>(n, 6) : n;
  return std::clamp<size_t>(static_cast<size_t>(width / panel_min_width(c.multiples.panels.front(), s)), 1, most);
}

}  // namespace

float preferred_height(const Built& b, float width, const charts::Style& s) {
  const float f = s.font;
  const float footer = b.footer.empty() ? 0 : f * 1.6f * (1 + static_cast<float>(charts::text_width(b.footer, f) > width));
  const ChartSpec& c = b.spec;
  float h = 320;
  switch (c.kind) {
    case ChartSpec::Kind::bar:
      if (c.bar.horizontal) {
        const float ns = c.bar.mode == charts::BarSpec::Mode::grouped ? static_cast<float>(c.bar.series.size()) : 1;
        const float band = std::max(ns * f * 1.25f + f * 0.5f, f * 1.7f);
        h = static_cast<float>(c.bar.categories.size()) * band + f * 6;
      } else {
        h = std::clamp(width * 0.42f, 240.0f, 380.0f);
      }
      break;
    case ChartSpec::Kind::dot: h = static_cast<float>(c.dot.categories.size()) * f * 2.0f + f * 7; break;
    case ChartSpec::Kind::heatmap: h = static_cast<float>(c.heatmap.rows.size()) * f * 2.0f + f * 6; break;
    case ChartSpec::Kind::km: h = 300 + f * 1.5f * static_cast<float>(c.km.curves.size() + 2); break;
    case ChartSpec::Kind::sankey: {
      h = 440;
      // Stages from links: room for up to three lines of label per node of the fullest stage (theme names).
      std::map<size_t, std::set<std::string>> per_stage;
      for (const auto& l : c.sankey.links) {
        per_stage[l.from_stage].insert(l.from);
        per_stage[l.from_stage + 1].insert(l.to);
      }
      size_t most = 0;
      for (const auto& [stage, names] : per_stage) most = std::max(most, names.size());
      h = std::max(h, static_cast<float>(most) * f * 4.2f + f * 5);
      break;
    }
    case ChartSpec::Kind::category_map: h = charts::category_map_height(c.category_map, width, s); break;
    case ChartSpec::Kind::dendrogram: h = charts::dendrogram_height(c.dendrogram, s); break;
    case ChartSpec::Kind::funnel: h = charts::funnel_height(c.funnel, s); break;
    case ChartSpec::Kind::likert: {
      // Room for two lines of a long statement per item, the legend of the levels and the axis.
      const float legend_rows = std::ceil(charts::text_width(
          [&] {
            std::string all;
            for (const auto& l : c.likert.levels) all += l + "      ";
            return all;
          }(), f) / std::max(1.0f, width - 16));
      h = static_cast<float>(c.likert.items.size()) * f * 2.9f + f * (4.5f + 1.6f * std::max(1.0f, legend_rows));
      break;
    }
    case ChartSpec::Kind::slope:
      h = std::max(260.0f, static_cast<float>(c.slope.names.size()) * f * 1.6f + f * 5 +
                               (c.slope.legend_names.empty() ? 0 : f * 2));
      break;
    case ChartSpec::Kind::multiples: {
      const ChartSpec& first = c.multiples.panels.front();
      float panel = 230;
      if (first.kind == ChartSpec::Kind::km) panel = 250 + f * 3.2f;
      if (first.kind == ChartSpec::Kind::funnel) panel = charts::funnel_height(first.funnel, s);
      if (first.kind == ChartSpec::Kind::bar && first.bar.horizontal)
        panel = static_cast<float>(first.bar.categories.size()) * f * 2.2f + f * 5;
      if (first.kind == ChartSpec::Kind::line) panel = std::max(170.0f, f * 13);
      const size_t cols = panel_columns(c, width, s);
      const float rows = static_cast<float>((c.multiples.panels.size() + cols - 1) / cols);
      h = rows * (panel + f * 2.6f) + f * 2.5f;
      break;
    }
    default: h = std::clamp(width * 0.42f, 240.0f, 380.0f);
  }
  return std::ceil(h * (s.presentation ? 1.15f : 1.0f) + footer);
}

charts::Scene layout(const Built& b, float width, float height, const charts::Style& s) {
  const float f = s.font;
  std::vector<std::string> lines;
  if (!b.footer.empty()) {
    // Wrap the denominator line at its separators when it is wider than the chart: between its parts (" · ")
    // and, when one part alone is too wide, after its semicolons ("n = 80–92 per item geantwoord; 3 ontbrekend").
    std::vector<std::pair<std::string, std::string>> segs;  // text, the separator before it
    const std::string& ft = b.footer;
    std::string sep;
    size_t pos = 0;
    while (pos <= ft.size()) {
      const size_t dot = ft.find(" · ", pos), semi = ft.find("; ", pos);
      const size_t next = std::min(dot, semi);
      segs.emplace_back(ft.substr(pos, next == std::string::npos ? std::string::npos : next - pos), sep);
      if (next == std::string::npos) break;
      sep = next == dot ? " · " : "; ";
      pos = next + sep.size();
    }
    std::string cur;
    for (const auto& [part, before] : segs) {
      const std::string joined = cur.empty() ? part : cur + before + part;
      if (!cur.empty() && charts::text_width(joined, f * 0.92f) > width - 8) {
        lines.push_back(before == "; " ? cur + ";" : cur);
        cur = part;
      } else {
        cur = joined;
      }
    }
    if (!cur.empty()) lines.push_back(cur);
  }
  const float footer_h = lines.empty() ? 0 : f * 1.5f * static_cast<float>(lines.size()) + f * 0.3f;
  charts::ChartSpec spec = b.spec;
  if (spec.kind == ChartSpec::Kind::multiples) {
    spec.multiples.min_panel_width = panel_min_width(spec.multiples.panels.front(), s);
    spec.multiples.columns = static_cast<int>(panel_columns(spec, width, s));
  }
  charts::Scene scene = charts::draw(spec, width, std::max(120.0f, height - footer_h), s);
  scene.height = height;
  float y = height - footer_h + f * 0.9f;
  for (const auto& l : lines) {
    charts::Prim p;
    p.kind = charts::Prim::Kind::text;
    p.x0 = 4;
    p.y0 = y;
    p.text = l;
    p.color = s.muted;
    p.size = f * 0.92f;
    scene.prims.push_back(std::move(p));
    y += f * 1.5f;
  }
  scene.title = b.chart_title;
  scene.description = b.description;
  return scene;
}

std::vector<charts::Scene> scenes(const Result& r, i18n::Lang lang, float width, const Marks& marks,
                                  const charts::Style& style) {
  std::vector<charts::Scene> out;
  charts::Style s = style;
  s.lang = lang;
  for (const Built& b : build(r, lang, marks, s)) out.push_back(layout(b, width, preferred_height(b, width, s), s));
  return out;
}

}  // namespace zicht::report::views
