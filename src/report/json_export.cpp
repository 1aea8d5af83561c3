#include "report/json_export.h"

#include <cmath>

namespace zicht::report {

using nlohmann::ordered_json;

ordered_json value_json(const analysis::Value& v, i18n::Lang lang) {
  using K = analysis::Value::Kind;
  switch (v.kind) {
    case K::missing: return nullptr;
    case K::suppressed: return v.s;
    case K::integer: return v.i;
    case K::number: return std::isfinite(v.d) ? ordered_json(v.d) : ordered_json(nullptr);
    case K::text: return v.text_in(lang);
  }
  return nullptr;
}

namespace {

ordered_json text_json(const analysis::Text& t) { return ordered_json{{"nl", t.nl}, {"en", t.en}}; }

ordered_json number_or_null(double x) { return std::isfinite(x) ? ordered_json(x) : ordered_json(nullptr); }

}  // namespace

ordered_json view_json(const analysis::View& v, i18n::Lang lang) {
  ordered_json j;
  j["id"] = v.id;
  j["kind"] = analysis::view_kind_name(v.kind);
  j["table"] = v.table;
  j["x"] = {{"column", v.x}, {"scale", analysis::scale_name(v.x_scale)}};
  if (!v.x_key.empty()) j["x"]["key"] = v.x_key;
  j["series"] = v.series.empty() ? ordered_json(nullptr) : ordered_json(v.series);
  j["y"] = {{"columns", v.y}, {"unit", analysis::unit_name(v.unit)}, {"of", v.of(lang)}};
  if (!v.columns.empty()) j["columns"] = v.columns;
  if (v.kind == analysis::ViewKind::histogram) j["integer_bins"] = v.integer_bins;
  j["denominator"] = v.denominators.empty() ? ordered_json(nullptr)
                                            : ordered_json{{"numerator", v.numerators},
                                                           {"denominator", v.denominators}, {"policy", v.policy}};
  ordered_json rows = ordered_json::array();
  for (const auto& c : v.rows) rows.push_back({{"column", c.column}, {"only", c.only}, {"except", c.except}});
  j["rows"] = rows;
  j["facet"] = v.facet.empty() ? ordered_json(nullptr) : ordered_json(v.facet);
  ordered_json refs = ordered_json::array();
  for (const auto& m : v.references) {
    ordered_json pts = ordered_json::array();
    for (const auto& p : m.points) {
      ordered_json pj;
      if (!p.category.empty()) pj["category"] = p.category;
      if (!p.series.empty()) pj["series"] = p.series;
      pj["value"] = number_or_null(p.value);
      if (std::isfinite(p.high)) pj["high"] = p.high;
      pts.push_back(std::move(pj));
    }
    refs.push_back({{"id", m.id}, {"label", m.label(lang)}, {"mark", analysis::mark_kind_name(m.mark)},
                    {"source", analysis::ref_source_name(m.source)},
                    {"policy", m.policy.empty() ? ordered_json(nullptr) : ordered_json(m.policy)}, {"values", pts}});
  }
  j["references"] = refs;
  ordered_json keys = ordered_json::object();
  for (const auto& [series, key] : v.colour_keys) keys[series] = key;
  if (!v.colour_key_all.empty()) keys["*"] = v.colour_key_all;
  j["colour_key"] = keys;
  j["sort"] = analysis::sort_name(v.sort);
  j["orientation"] = analysis::orientation_name(v.orientation);
  if (v.kind == analysis::ViewKind::bar) j["mode"] = analysis::bar_mode_name(v.mode);
  if (!v.title(lang).empty()) j["title"] = v.title(lang);
  if (!v.group.empty()) j["group"] = v.group;
  if (!v.leaf_table.empty()) j["leaf_table"] = v.leaf_table;
  if (std::isfinite(v.axis_min)) j["axis_min"] = v.axis_min;
  if (std::isfinite(v.axis_max)) j["axis_max"] = v.axis_max;
  return j;
}

ordered_json result_json(const analysis::Result& r, i18n::Lang lang) {
  ordered_json j;
  j["id"] = r.id;
  j["title"] = text_json(r.title);
  j["unit"] = r.unit.in(lang);
  j["tables"] = ordered_json::array();
  for (const auto& t : r.tables) {
    ordered_json tj;
    tj["id"] = t.id;
    tj["title"] = t.title.in(lang);
    tj["columns"] = ordered_json::array();
    for (const auto& c : t.columns)
      tj["columns"].push_back({{"id", c.id}, {"label", c.label.in(lang)}, {"role", analysis::role_name(c.role)}});
    tj["rows"] = ordered_json::array();
    for (const auto& row : t.rows) {
      ordered_json rj = ordered_json::array();
      for (const auto& v : row) rj.push_back(value_json(v, lang));
      tj["rows"].push_back(std::move(rj));
    }
    j["tables"].push_back(std::move(tj));
  }
  j["tests"] = ordered_json::array();
  for (const auto& t : r.tests) {
    ordered_json tj;
    tj["name"] = t.name;
    tj["variant"] = t.variant;
    tj["n"] = t.n;
    tj["df"] = t.df < 0 ? ordered_json(nullptr) : ordered_json(t.df);
    tj["statistic"] = number_or_null(t.statistic);
    tj["statistic_name"] = t.statistic_name;
    tj["p"] = t.p < 0 ? ordered_json(nullptr) : number_or_null(t.p);
    tj["effect"] = t.effect_name.empty() ? ordered_json(nullptr)
                                         : ordered_json{{"name", t.effect_name}, {"value", number_or_null(t.effect)}};
    tj["warnings"] = t.warnings;
    j["tests"].push_back(std::move(tj));
  }
  j["notes"] = ordered_json::array();
  for (const auto& n : r.notes) j["notes"].push_back(n.in(lang));
  j["flags"] = ordered_json::array();
  for (const auto& f : r.flags)
    j["flags"].push_back({{"file", f.file}, {"row", f.row}, {"column", f.column}, {"value", f.value}, {"rule", f.rule}});
  j["views"] = ordered_json::array();
  for (const auto& v : r.views) j["views"].push_back(view_json(v, lang));
  return j;
}

ordered_json results_json(const analysis::ResultSet& set, i18n::Lang lang) {
  const auto& p = set.provenance;
  ordered_json j;
  j["schema"] = "zicht.results/2";
  j["tool"] = {{"version", p.tool_version}, {"build", p.tool_build}};
  ordered_json files = ordered_json::array();
  for (const auto& f : p.files) {
    files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"rows_in", f.rows_in}, {"rows_used", f.rows_used},
                     {"rows_excluded", f.rows_excluded}});
    if (!f.link.empty()) files.back()["link"] = f.link;  // a linked profile's file (spec/shared-rules.md)
  }
  j["input"] = {{"files", files}};
  ordered_json settings = ordered_json::parse(p.settings_json);
  settings["lang"] = i18n::code(lang);
  j["settings"] = settings;
  j["provenance"] = {{"settings_sha256", p.settings_sha256}, {"as_of", p.as_of}, {"mode", p.mode},
                     {"suppress_k", p.suppress_k}};
  j["results"] = ordered_json::array();
  for (const auto& r : set.results) j["results"].push_back(result_json(r, lang));
  return j;
}

}  // namespace zicht::report
