#include "analysis/view.h"

#include <cmath>
#include <cstdio>

#include "analysis/result.h"

namespace zicht::analysis {

const char* view_kind_name(ViewKind k) {
  switch (k) {
    case ViewKind::bar: return "bar";
    case ViewKind::histogram: return "histogram";
    case ViewKind::line: return "line";
    case ViewKind::km: return "km";
    case ViewKind::box: return "box";
    case ViewKind::heatmap: return "heatmap";
    case ViewKind::sankey: return "sankey";
    case ViewKind::likert: return "likert";
    case ViewKind::slope: return "slope";
    case ViewKind::funnel: return "funnel";
    case ViewKind::dot: return "dot";
    case ViewKind::dendrogram: return "dendrogram";
  }
  return "bar";
}

const char* scale_name(Scale s) {
  switch (s) {
    case Scale::nominal: return "nominal";
    case Scale::ordinal: return "ordinal";
    case Scale::numeric: return "numeric";
    case Scale::date: return "date";
  }
  return "nominal";
}

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::percent: return "percent";
    case Unit::count: return "count";
    case Unit::months: return "months";
    case Unit::days: return "days";
    case Unit::score: return "score";
    case Unit::statistic: return "statistic";
  }
  return "count";
}

const char* bar_mode_name(BarMode m) {
  switch (m) {
    case BarMode::grouped: return "grouped";
    case BarMode::stacked: return "stacked";
    case BarMode::stacked100: return "stacked100";
  }
  return "grouped";
}

const char* orientation_name(Orientation o) {
  switch (o) {
    case Orientation::automatic: return "auto";
    case Orientation::vertical: return "vertical";
    case Orientation::horizontal: return "horizontal";
  }
  return "auto";
}

const char* sort_name(Sort s) {
  switch (s) {
    case Sort::data: return "data";
    case Sort::value_desc: return "value_desc";
    case Sort::value_asc: return "value_asc";
  }
  return "data";
}

const char* mark_kind_name(MarkKind m) {
  switch (m) {
    case MarkKind::marker: return "marker";
    case MarkKind::line: return "line";
    case MarkKind::band: return "band";
  }
  return "marker";
}

const char* ref_source_name(RefSource s) {
  switch (s) {
    case RefSource::published: return "published";
    case RefSource::norm: return "norm";
    case RefSource::statistic: return "statistic";
  }
  return "published";
}

std::string view_key(const Value& v) {
  switch (v.kind) {
    case Value::Kind::integer: return std::to_string(v.i);
    case Value::Kind::number: {
      if (std::isfinite(v.d) && v.d == std::floor(v.d) && std::fabs(v.d) < 1e15)
        return std::to_string(static_cast<long long>(v.d));
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.15g", v.d);
      return buf;
    }
    case Value::Kind::text:
    case Value::Kind::suppressed: return v.s;
    case Value::Kind::missing: return std::string();
  }
  return std::string();
}

bool is_non_category(const Value& v) {
  if (v.kind != Value::Kind::text || v.en.empty()) return false;  // verbatim codes are always categories
  static const char* kKeys[] = {"row.nvt", "row.missing", "row.invalid", "binc.row.total", "privacy.row.total",
                                "row.total"};
  for (const char* k : kKeys)
    if (v.s == i18n::tr(k, i18n::Lang::nl)) return true;
  return false;
}

RowCondition category_rows(const Table& t, const std::string& column) {
  RowCondition c;
  c.column = column;
  const int ci = t.column_index(column);
  if (ci < 0) return c;
  for (const auto& row : t.rows)
    if (static_cast<size_t>(ci) < row.size() && is_non_category(row[static_cast<size_t>(ci)]))
      c.except.push_back(view_key(row[static_cast<size_t>(ci)]));
  return c;
}

View percent_view(const Table& t, const std::string& x, const std::string& policy, const Text& of) {
  View v;
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = x;
  v.unit = Unit::percent;
  v.y = {"pct_" + policy};
  v.numerators = {"n"};
  v.denominators = {"denom_" + policy};
  v.policy = policy;
  v.of_nl = of.nl;
  v.of_en = of.en;
  v.rows.push_back(category_rows(t, x));
  return v;
}

View count_view(const Table& t, const std::string& x, const std::string& y, const Text& of) {
  View v;
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = x;
  v.unit = Unit::count;
  v.y = {y};
  v.of_nl = of.nl;
  v.of_en = of.en;
  v.rows.push_back(category_rows(t, x));
  return v;
}

ReferenceMark reference(std::string id, const Text& label, MarkKind mark, RefSource source) {
  ReferenceMark m;
  m.id = std::move(id);
  m.label_nl = label.nl;
  m.label_en = label.en;
  m.mark = mark;
  m.source = source;
  return m;
}

View quality_view(const Table& t, const std::string& x) {
  View v = count_view(t, x, "n", Text::key("of.flags"));
  v.orientation = Orientation::horizontal;
  v.colour_key_all = "quality.flag";
  return v;
}

View km_view(const std::string& table, const std::string& facet, const Text& of) {
  View v;
  v.id = "km";
  v.kind = ViewKind::km;
  v.table = table;
  v.x = "time";
  v.x_scale = Scale::numeric;
  v.facet = facet;
  v.y = {"survival"};
  v.columns = {"time", "survival", "lower", "upper", "n_risk", "n_event", "n_censor"};
  v.unit = Unit::months;
  v.of_nl = of.nl;
  v.of_en = of.en;
  return v;
}

}  // namespace zicht::analysis
