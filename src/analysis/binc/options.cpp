// The Binc options (the werkmap's settings, clusters, consent, denominator and norms for "binc") and the report's
// default clusters (Table 8), kept as data in the binc schema.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "analysis/binc.h"
#include "core/schema.h"

namespace zicht::analysis::binc {

const char* unit_id(Unit u) {
  switch (u) {
    case Unit::kinderen: return "kinderen";
    case Unit::modules: return "modules";
    case Unit::schakelingen: return "schakelingen";
    case Unit::kind_jaar: return "kind_jaar";
    case Unit::gezinnen: return "gezinnen";
  }
  return "kinderen";
}

namespace {

bool parse_unit(const std::string& s, Unit& u) {
  for (Unit x : {Unit::kinderen, Unit::modules, Unit::schakelingen, Unit::kind_jaar, Unit::gezinnen})
    if (s == unit_id(x)) {
      u = x;
      return true;
    }
  return false;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o;
  const nlohmann::json& b = w.options("binc", "settings");
  if (b.is_object()) {
    if (b.contains("sofs_module_type") && b["sofs_module_type"].is_string() &&
        !b["sofs_module_type"].get<std::string>().empty())
      o.sofs_module_type = b["sofs_module_type"].get<std::string>();
    if (b.contains("orgtype_from") && b["orgtype_from"].is_string())
      o.orgtype_from_last_sofs = b["orgtype_from"].get<std::string>() == "last_sofs";
    if (b.contains("unit") && b["unit"].is_string()) o.unit_chosen = parse_unit(b["unit"].get<std::string>(), o.unit);
  }
  const nlohmann::json& f = w.options("binc", "filters");
  if (f.is_object() && f.contains("organisations") && f["organisations"].is_array())
    for (const auto& x : f["organisations"])
      if (x.is_string()) o.organisations.push_back(x.get<std::string>());
  const nlohmann::json& c = w.options("binc", "clusters");
  if (c.is_object())
    for (auto it = c.begin(); it != c.end(); ++it)
      if (it.value().is_string()) o.clusters[it.key()] = it.value().get<std::string>();
  const nlohmann::json& consent = w.options("binc", "consent");
  if (consent.is_array())
    for (const auto& x : consent)
      if (x.is_string()) o.consent.push_back(x.get<std::string>());
  o.denominator = w.denominator();
  const nlohmann::json& n = w.options("binc", "norms");
  if (n.is_object() && n.contains("min_path") && n["min_path"].is_number_integer())
    o.min_path = std::max(1, n["min_path"].get<int>());
  return o;
}

Options Options::from_werkmap(const nlohmann::json& doc) {
  core::Werkmap w;
  std::string error;
  if (!core::Werkmap::from_settings(doc, w, error)) return Options{};
  return from_werkmap(w);
}

namespace {

struct DefaultClusters {
  std::vector<std::string> names;                  // Table 8's order, then the other cluster
  std::map<std::string, std::string> by_type;
};

const DefaultClusters& default_clusters() {
  static const DefaultClusters d = [] {
    DefaultClusters out;
    const core::Schema* schema = core::find_schema("binc");
    const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json& settings = schema ? schema->settings : none;
    for (const auto& c : settings.value("clusters", nlohmann::json::array())) {
      const std::string name = c.value("cluster", std::string());
      out.names.push_back(name);
      for (const auto& t : c.value("module_types", nlohmann::json::array())) out.by_type[t.get<std::string>()] = name;
    }
    out.names.push_back(settings.value("other_cluster", std::string("Overige")));
    return out;
  }();
  return d;
}

}  // namespace

const std::vector<std::string>& default_cluster_names() { return default_clusters().names; }

std::string default_cluster(const std::string& module_type) {
  const DefaultClusters& d = default_clusters();
  auto it = d.by_type.find(module_type);
  return it == d.by_type.end() ? d.names.back() : it->second;
}

void Options::store(core::Werkmap& w) const {
  w.set_options("binc", "settings",
                {{"sofs_module_type", sofs_module_type},
                 {"orgtype_from", orgtype_from_last_sofs ? "last_sofs" : "latest"},
                 {"unit", unit_chosen ? nlohmann::json(unit_id(unit)) : nlohmann::json(nullptr)}});
  w.set_options("binc", "filters", {{"organisations", organisations}});
  nlohmann::json c = nlohmann::json::object();
  for (const auto& kv : clusters) c[kv.first] = kv.second;
  w.set_options("binc", "clusters", c);
  w.set_options("binc", "consent", consent);
  w.set_options("binc", "norms", {{"min_path", min_path}});
  w.set_denominator(denominator);
}

nlohmann::json Options::to_json() const {
  core::Werkmap w;
  store(w);
  return {{"profiles", {{"binc", w.doc()["profiles"]["binc"]}}}, {"denominator", core::denominator_id(denominator)}};
}

}  // namespace zicht::analysis::binc
