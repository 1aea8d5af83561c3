// The kerndataset options in the werkmap (settings.kerndataset): the subscale threshold, the moment window, the
// perspective-gap switch, the re-referral grouping and the two moments McNemar compares; defaults from the schema.
#include "analysis/kerndataset.h"
#include "core/schema.h"

namespace zicht::analysis::kerndataset {

const char* const kMomentCodes[kMoments] = {"afronding", "6m", "12m", "24m"};

namespace {

std::string string(const nlohmann::json& j, const char* key, const std::string& fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

bool is_moment(const std::string& m) {
  for (const char* c : kMomentCodes)
    if (m == c) return true;
  return false;
}

Options defaults_from_schema() {
  Options o;
  if (const core::Schema* s = core::find_schema("kerndataset")) {
    const nlohmann::json& j = s->settings;
    if (auto it = j.find("scale_min_answered"); it != j.end() && it->is_number()) o.scale_min_answered = it->get<double>();
    if (auto it = j.find("moment_window_weeks"); it != j.end() && it->is_number_integer())
      o.moment_window_weeks = it->get<int>();
    if (auto it = j.find("perspective_gap"); it != j.end() && it->is_boolean()) o.perspective_gap = it->get<bool>();
  }
  return o;
}

}  // namespace

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o = defaults_from_schema();
  o.policy = core::denominator_id(w.denominator());
  const nlohmann::json& j = w.options("kerndataset", "settings");
  if (!j.is_object()) return o;
  if (auto it = j.find("scale_min_answered"); it != j.end() && it->is_number()) {
    const double v = it->get<double>();
    if (v > 0 && v <= 1) o.scale_min_answered = v;
  }
  if (auto it = j.find("moment_window_weeks"); it != j.end() && it->is_number_integer() && it->get<int>() > 0)
    o.moment_window_weeks = it->get<int>();
  if (auto it = j.find("perspective_gap"); it != j.end() && it->is_boolean()) o.perspective_gap = it->get<bool>();
  const std::string g = string(j, "rereferral_group", o.rereferral_group);
  if (g.empty() || g == "all_steps" || g == "plan_b") o.rereferral_group = g;
  const std::string a = string(j, "sustainability_from", o.sustainability_from);
  const std::string b = string(j, "sustainability_to", o.sustainability_to);
  if (is_moment(a) && is_moment(b) && a != b && a != "afronding" && b != "afronding") {
    o.sustainability_from = a;
    o.sustainability_to = b;
  }
  return o;
}

void Options::store(core::Werkmap& w) const {
  const Options d = defaults_from_schema();
  nlohmann::json j = nlohmann::json::object();
  if (scale_min_answered != d.scale_min_answered) j["scale_min_answered"] = scale_min_answered;
  if (moment_window_weeks != d.moment_window_weeks) j["moment_window_weeks"] = moment_window_weeks;
  if (perspective_gap != d.perspective_gap) j["perspective_gap"] = perspective_gap;
  if (rereferral_group != d.rereferral_group) j["rereferral_group"] = rereferral_group;
  if (sustainability_from != d.sustainability_from) j["sustainability_from"] = sustainability_from;
  if (sustainability_to != d.sustainability_to) j["sustainability_to"] = sustainability_to;
  w.set_options("kerndataset", "settings", j.empty() ? nlohmann::json() : j);
}

}  // namespace zicht::analysis::kerndataset
