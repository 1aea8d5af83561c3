// The evolutie options in the werkmap (settings.evolutie): the class threshold δ, the moment window, the two moments
// of `change`, the nested mixed model, and the instrument and domain analysed; defaults from the schema.
#include <cmath>

#include "analysis/evolutie.h"
#include "core/schema.h"

namespace zicht::analysis::evolutie {

namespace {

std::string string(const nlohmann::json& j, const char* key, const std::string& fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool is_moment(const std::string& m) {
  for (const char* c : {"0m", "3m", "6m", "9m", "12m", "18m", "24m", "einde"})
    if (m == c) return true;
  return false;
}

Options defaults_from_schema() {
  Options o;
  if (const core::Schema* s = core::find_schema("evolutie")) {
    const nlohmann::json& j = s->settings;
    if (auto it = j.find("delta"); it != j.end() && it->is_number()) o.delta = it->get<double>();
    if (auto it = j.find("moment_window_weeks"); it != j.end() && it->is_number_integer())
      o.moment_window_weeks = it->get<int>();
    o.change_from = string(j, "change_from", o.change_from);
    o.change_to = string(j, "change_to", o.change_to);
    if (auto it = j.find("nested"); it != j.end() && it->is_boolean()) o.nested = it->get<bool>();
  }
  return o;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o = defaults_from_schema();
  o.policy = core::denominator_id(w.denominator());
  const nlohmann::json& j = w.options("evolutie", "settings");
  if (!j.is_object()) return o;
  if (auto it = j.find("delta"); it != j.end() && it->is_number()) {
    const double v = it->get<double>();
    if (std::isfinite(v) && v > 0) o.delta = v;
  }
  if (auto it = j.find("moment_window_weeks"); it != j.end() && it->is_number_integer() && it->get<int>() > 0)
    o.moment_window_weeks = it->get<int>();
  const std::string a = string(j, "change_from", o.change_from), b = string(j, "change_to", o.change_to);
  if (is_moment(a) && is_moment(b) && a != b) {
    o.change_from = a;
    o.change_to = b;
  }
  if (auto it = j.find("nested"); it != j.end() && it->is_boolean()) o.nested = it->get<bool>();
  o.instrument = string(j, "instrument", o.instrument);
  o.domain = string(j, "domain", o.domain);
  o.person = string(j, "person", o.person);
  return o;
}

void Options::store(core::Werkmap& w) const {
  const Options d = defaults_from_schema();
  nlohmann::json j = nlohmann::json::object();
  if (delta != d.delta) j["delta"] = delta;
  if (moment_window_weeks != d.moment_window_weeks) j["moment_window_weeks"] = moment_window_weeks;
  if (change_from != d.change_from) j["change_from"] = change_from;
  if (change_to != d.change_to) j["change_to"] = change_to;
  if (nested != d.nested) j["nested"] = nested;
  if (!instrument.empty()) j["instrument"] = instrument;
  if (!domain.empty()) j["domain"] = domain;
  if (!person.empty()) j["person"] = person;
  w.set_options("evolutie", "settings", j.empty() ? nlohmann::json() : j);
}

}  // namespace zicht::analysis::evolutie
