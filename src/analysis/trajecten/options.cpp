// The trajecten options in the werkmap (settings.trajecten): the pending → Missing days, the minimum duration, the
// small-cell k the coarsening result counts against, the three coarsening switches with their age bands and region
// merge, and the editable referrer list; defaults from the schema. And the coarsened categories themselves.
#include <algorithm>

#include "analysis/trajecten/model.h"
#include "core/schema.h"

namespace zicht::analysis::trajecten {

namespace {

void read_into(Options& o, const nlohmann::json& j) {
  if (!j.is_object()) return;
  auto integer = [&](const char* key, int& out, int lo) {
    if (auto it = j.find(key); it != j.end() && it->is_number_integer() && it->get<int>() >= lo) out = it->get<int>();
  };
  integer("pending_missing_days", o.pending_missing_days, 0);
  integer("minimum_months", o.minimum_months, 1);
  integer("k", o.k, 1);
  auto flag = [&](const char* key, bool& out) {
    if (auto it = j.find(key); it != j.end() && it->is_boolean()) out = it->get<bool>();
  };
  flag("coarsen_age", o.coarsen_age);
  flag("coarsen_referrer", o.coarsen_referrer);
  flag("coarsen_region", o.coarsen_region);
  if (auto it = j.find("age_bands"); it != j.end() && it->is_array()) {
    std::vector<std::pair<int, int>> bands;
    for (const auto& b : *it)
      if (b.is_array() && b.size() == 2 && b[0].is_number_integer() && b[1].is_number_integer() &&
          b[0].get<int>() <= b[1].get<int>())
        bands.push_back({b[0].get<int>(), b[1].get<int>()});
    if (!bands.empty()) o.age_bands = bands;
  }
  if (auto it = j.find("region_merge"); it != j.end() && it->is_object()) {
    o.region_merge.clear();
    for (auto e = it->begin(); e != it->end(); ++e)
      if (e.value().is_string()) o.region_merge.push_back({e.key(), e.value().get<std::string>()});
  }
  if (auto it = j.find("referrers"); it != j.end() && it->is_array()) {
    std::vector<Referrer> list;
    for (const auto& r : *it) {
      if (!r.is_object() || !r.contains("code") || !r["code"].is_string()) continue;
      Referrer x;
      x.code = r["code"].get<std::string>();
      if (auto c = r.find("children"); c != r.end() && c->is_array())
        for (const auto& s : *c)
          if (s.is_string()) x.children.push_back(s.get<std::string>());
      list.push_back(std::move(x));
    }
    if (!list.empty()) o.referrers = list;
  }
}

Options defaults_from_schema() {
  Options o;
  if (const core::Schema* s = core::find_schema("trajecten")) read_into(o, s->settings);
  return o;
}

nlohmann::json referrers_json(const std::vector<Referrer>& list) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : list) {
    nlohmann::json x = {{"code", r.code}};
    if (!r.children.empty()) x["children"] = r.children;
    a.push_back(x);
  }
  return a;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o = defaults_from_schema();
  read_into(o, w.options("trajecten", "settings"));
  return o;
}

void Options::store(core::Werkmap& w) const {
  const Options d = defaults_from_schema();
  nlohmann::json j = nlohmann::json::object();
  if (pending_missing_days != d.pending_missing_days) j["pending_missing_days"] = pending_missing_days;
  if (minimum_months != d.minimum_months) j["minimum_months"] = minimum_months;
  if (k != d.k) j["k"] = k;
  if (coarsen_age != d.coarsen_age) j["coarsen_age"] = coarsen_age;
  if (coarsen_referrer != d.coarsen_referrer) j["coarsen_referrer"] = coarsen_referrer;
  if (coarsen_region != d.coarsen_region) j["coarsen_region"] = coarsen_region;
  if (age_bands != d.age_bands) {
    nlohmann::json b = nlohmann::json::array();
    for (const auto& [lo, hi] : age_bands) b.push_back({lo, hi});
    j["age_bands"] = b;
  }
  if (region_merge != d.region_merge) {
    nlohmann::json b = nlohmann::json::object();
    for (const auto& [from, to] : region_merge) b[from] = to;
    j["region_merge"] = b;
  }
  if (referrers_json(referrers) != referrers_json(d.referrers)) j["referrers"] = referrers_json(referrers);
  w.set_options("trajecten", "settings", j.empty() ? nlohmann::json() : j);
}

namespace detail {

std::string age_label(const Options& o, int age, bool coarse) {
  if (coarse)
    for (const auto& [lo, hi] : o.age_bands)
      if (age >= lo && age <= hi) return std::to_string(lo) + "–" + std::to_string(hi);
  return std::to_string(age);  // an age outside every band keeps its own row
}

std::string region_label(const Options& o, const std::string& region, bool coarse) {
  if (coarse)
    for (const auto& [from, to] : o.region_merge)
      if (from == region) return to;
  return region;
}

// The cells of Tables 2–4 (started trajectories) as the result tables show them: every age from the youngest to the
// oldest (or every band between them), every region of the list (or merged), every listed referrer row (level 1
// subtotals and, unless coarse, the level-2 rows).
}  // namespace detail
}  // namespace zicht::analysis::trajecten
