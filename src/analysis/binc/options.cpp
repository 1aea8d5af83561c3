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

Options Options::from_werkmap(const nlohmann::json& w) {
  Options o;
  if (!w.is_object()) return o;
  auto obj = [](const nlohmann::json& j, const char* k) -> const nlohmann::json* {
    if (!j.is_object()) return nullptr;
    auto it = j.find(k);
    return it != j.end() && it->is_object() ? &*it : nullptr;
  };
  if (const auto* s = obj(w, "settings"))
    if (const auto* b = obj(*s, "binc")) {
      if (b->contains("sofs_module_type") && (*b)["sofs_module_type"].is_string() &&
          !(*b)["sofs_module_type"].get<std::string>().empty())
        o.sofs_module_type = (*b)["sofs_module_type"].get<std::string>();
      if (b->contains("orgtype_from") && (*b)["orgtype_from"].is_string())
        o.orgtype_from_last_sofs = (*b)["orgtype_from"].get<std::string>() == "last_sofs";
      if (b->contains("unit") && (*b)["unit"].is_string())
        o.unit_chosen = parse_unit((*b)["unit"].get<std::string>(), o.unit);
      if (b->contains("organisations") && (*b)["organisations"].is_array())
        for (const auto& x : (*b)["organisations"])
          if (x.is_string()) o.organisations.push_back(x.get<std::string>());
    }
  if (const auto* c = obj(w, "clusters"))
    if (const auto* b = obj(*c, "binc"))
      for (auto it = b->begin(); it != b->end(); ++it)
        if (it.value().is_string()) o.clusters[it.key()] = it.value().get<std::string>();
  if (const auto* c = obj(w, "consent")) {
    auto it = c->find("binc");
    if (it != c->end() && it->is_array())
      for (const auto& x : *it)
        if (x.is_string()) o.consent.push_back(x.get<std::string>());
  }
  if (w.contains("denominator") && w["denominator"].is_string()) {
    const std::string d = w["denominator"].get<std::string>();
    if (d == "all" || d == "applicable" || d == "valid") o.denominator = d;
  }
  if (const auto* n = obj(w, "norms"))
    if (const auto* b = obj(*n, "binc"))
      if (b->contains("min_path") && (*b)["min_path"].is_number_integer())
        o.min_path = std::max(1, (*b)["min_path"].get<int>());
  return o;
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

nlohmann::json Options::to_json() const {
  nlohmann::json j = nlohmann::json::object();
  j["settings"]["binc"] = {{"sofs_module_type", sofs_module_type},
                           {"orgtype_from", orgtype_from_last_sofs ? "last_sofs" : "latest"},
                           {"unit", unit_chosen ? nlohmann::json(unit_id(unit)) : nlohmann::json(nullptr)},
                           {"organisations", organisations}};
  j["clusters"]["binc"] = nlohmann::json::object();
  for (const auto& kv : clusters) j["clusters"]["binc"][kv.first] = kv.second;
  j["consent"]["binc"] = consent;
  j["denominator"] = denominator;
  j["norms"]["binc"] = {{"min_path", min_path}};
  return j;
}
}  // namespace zicht::analysis::binc
