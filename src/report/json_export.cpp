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
  if (r.chart)
    j["chart"] = {{"kind", r.chart->kind}, {"table", r.chart->table}, {"x", r.chart->x}, {"y", r.chart->y}};
  else
    j["chart"] = nullptr;
  return j;
}

ordered_json results_json(const analysis::ResultSet& set, i18n::Lang lang) {
  const auto& p = set.provenance;
  ordered_json j;
  j["schema"] = "zicht.results/1";
  j["tool"] = {{"version", p.tool_version}, {"build", p.tool_build}};
  ordered_json files = ordered_json::array();
  for (const auto& f : p.files)
    files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"rows_in", f.rows_in}, {"rows_used", f.rows_used},
                     {"rows_excluded", f.rows_excluded}});
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
