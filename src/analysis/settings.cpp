#include "analysis/settings.h"

#include "core/sha256.h"
#include "core/werkmap.h"

namespace zicht::analysis {

std::string latest_date(const std::vector<Input>& inputs) {
  bool any = false;
  int32_t best = 0;
  for (const auto& in : inputs) {
    for (const auto& c : in.data->table.columns) {
      if (c.type != core::ColumnType::Date) continue;
      for (size_t r = 0; r < c.size(); ++r) {
        if (!c.is_value(r)) continue;
        if (!any || c.days[r] > best) best = c.days[r];
        any = true;
      }
    }
  }
  return any ? core::format_iso_date(best) : std::string();
}

Provenance make_provenance(const std::vector<Input>& inputs, const Settings& settings, const std::string& as_of) {
  Provenance p;
  p.profile = settings.profile;
  p.as_of = as_of;
  p.mode = settings.mode;
  p.suppress_k = settings.suppress_k;
  for (const auto& in : inputs) {
    InputFile f;
    f.name = in.name;
    f.sha256 = in.data->report.sha256;
    f.rows_in = in.data->report.rows_in;
    f.rows_used = f.rows_in;  // the generic profile excludes no rows; profiles refine this
    f.rows_excluded = 0;
    p.files.push_back(f);
  }
  nlohmann::json s = {{"profile", settings.profile}, {"as_of", as_of}, {"mode", settings.mode},
                      {"suppress_k", settings.suppress_k}, {"werkmap", settings.werkmap}};
  p.settings_json = s.dump();  // nlohmann::json keeps object keys sorted: a canonical form
  p.settings_sha256 = core::sha256_hex(p.settings_json);
  return p;
}

Provenance make_provenance(const std::vector<Input>& inputs, const std::vector<const core::MappedDataset*>& datasets,
                           const Settings& settings) {
  const core::MappedDataset* first = datasets.empty() ? nullptr : datasets.front();
  Provenance p = make_provenance(inputs, settings, first ? core::format_iso_date(first->as_of) : settings.as_of);
  for (size_t i = 0; i < p.files.size() && i < datasets.size(); ++i) {
    if (!datasets[i]) continue;
    p.files[i].rows_in = datasets[i]->validation.rows_in;
    p.files[i].rows_used = datasets[i]->validation.rows_used;
    p.files[i].rows_excluded = datasets[i]->validation.rows_excluded;
  }
  return p;
}

bool profile_settings(const Settings& settings, std::string_view profile, core::ProfileSettings& out,
                      std::string& error) {
  out = core::ProfileSettings{};
  if (settings.werkmap.is_object() && !settings.werkmap.empty()) {
    core::Werkmap w;
    if (!core::Werkmap::from_settings(settings.werkmap, w, error)) {
      error = "settings: " + error;
      return false;
    }
    out.overrides = w.overrides(profile);
    out.as_of = w.as_of();
  }
  if (!settings.as_of.empty()) {
    int32_t day = 0;
    if (!core::parse_iso_date(settings.as_of, day)) {
      error = "as-of date '" + settings.as_of + "' is not a date YYYY-MM-DD";
      return false;
    }
    out.as_of = day;
  }
  return true;
}

}  // namespace zicht::analysis
