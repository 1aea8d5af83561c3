// The matrix options in the werkmap (settings.matrix): the version analysed and the one compared with, the
// workshop recodings (named versions as overrides of a base), the forms compared, the similarity's groups, the
// facets, the thresholds and the user's legend colours.
#include <cmath>

#include "analysis/matrix.h"
#include "core/schema.h"

namespace zicht::analysis::matrix {

namespace {

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

std::string string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int integer(const nlohmann::json& j, const char* key, int fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o;
  if (const core::Schema* s = core::find_schema("matrix")) {
    o.rare_max_forms = integer(s->settings, "rare_max_forms", o.rare_max_forms);
    o.min_shared_rows = integer(s->settings, "min_shared_rows", o.min_shared_rows);
    o.nearest = integer(s->settings, "nearest", o.nearest);
  }
  o.policy = core::denominator_id(w.denominator());
  const nlohmann::json& j = w.options("matrix", "settings");
  if (!j.is_object()) return o;
  o.active = string(j, "active");
  o.compare_with = string(j, "compare_with");
  o.compare_forms = strings(j, "compare_forms");
  o.similarity_groups = strings(j, "similarity_groups");
  o.groups = strings(j, "groups");
  o.levels = strings(j, "levels");
  o.regies = strings(j, "regies");
  o.regions = strings(j, "regions");
  o.insteek = strings(j, "insteek");
  o.citation = string(j, "citation");
  o.executes = string(j, "executes");
  if (auto it = j.find("age"); it != j.end() && it->is_number()) o.age = it->get<double>();
  o.rare_max_forms = integer(j, "rare_max_forms", o.rare_max_forms);
  o.min_shared_rows = integer(j, "min_shared_rows", o.min_shared_rows);
  o.nearest = integer(j, "nearest", o.nearest);
  if (auto it = j.find("colours"); it != j.end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_string()) o.colours[k] = v.get<std::string>();
  if (auto it = j.find("recodings"); it != j.end() && it->is_array())
    for (const auto& r : *it) {
      if (!r.is_object()) continue;
      Recoding rc{string(r, "name"), string(r, "base"), {}};
      if (auto c = r.find("cells"); c != r.end() && c->is_object())
        for (const auto& [k, v] : c->items())
          if (v.is_string()) rc.cells[k] = v.get<std::string>();
      if (!rc.name.empty()) o.recodings.push_back(std::move(rc));
    }
  return o;
}

void Options::store(core::Werkmap& w) const {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&](const char* key, const std::vector<std::string>& v) {
    if (!v.empty()) j[key] = v;
  };
  if (!active.empty()) j["active"] = active;
  if (!compare_with.empty()) j["compare_with"] = compare_with;
  put("compare_forms", compare_forms);
  put("similarity_groups", similarity_groups);
  put("groups", groups);
  put("levels", levels);
  put("regies", regies);
  put("regions", regions);
  put("insteek", insteek);
  if (!citation.empty()) j["citation"] = citation;
  if (!executes.empty()) j["executes"] = executes;
  if (std::isfinite(age)) j["age"] = age;
  const Options defaults = [] {
    core::Werkmap empty;
    return from_werkmap(empty);
  }();
  if (rare_max_forms != defaults.rare_max_forms) j["rare_max_forms"] = rare_max_forms;
  if (min_shared_rows != defaults.min_shared_rows) j["min_shared_rows"] = min_shared_rows;
  if (nearest != defaults.nearest) j["nearest"] = nearest;
  if (!colours.empty()) j["colours"] = colours;
  if (!recodings.empty()) {
    nlohmann::json rs = nlohmann::json::array();
    for (const auto& r : recodings) rs.push_back({{"name", r.name}, {"base", r.base}, {"cells", r.cells}});
    j["recodings"] = rs;
  }
  w.set_options("matrix", "settings", j.empty() ? nlohmann::json() : j);
}

const Recoding* Options::recoding(std::string_view name) const {
  for (const auto& r : recodings)
    if (r.name == name) return &r;
  return nullptr;
}

Recoding& Options::recoding_for_edit(const std::string& name, const std::string& base) {
  for (auto& r : recodings)
    if (r.name == name) return r;
  recodings.push_back({name, base, {}});
  return recodings.back();
}

}  // namespace zicht::analysis::matrix
