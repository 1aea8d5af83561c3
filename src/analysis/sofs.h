#pragma once
// The SofS dashboard analyses (SPEC §2.1, §3.1; seed 003 L4987–5536): every result id of SPEC §3.1, computed from
// a MappedDataset of profile "sofs". One function computes all results so the screen, the CLI and every export
// show the same numbers; the app calls `results` again whenever a filter or norm changes (no re-mapping).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::sofs {

// Norms, denominator and filters. All come from the werkmap (the sofs profile's "norms", "filters" and "consent",
// and the shared denominator), so a saved werkmap reproduces a page exactly.
struct Options {
  // Norms (werkmap profiles.sofs.norms): the network-meeting guideline band, the duration guideline in completed months,
  // and which steps make up "alle stappen" (field ids; "netwerkberaden" = at least one network meeting).
  int meetings_low = 6, meetings_high = 12;
  int duration_months = 8;
  std::vector<std::string> all_steps;  // empty = the 10 date steps + "netwerkberaden"
  core::Denominator denominator = core::Denominator::valid;  // the one shown first
  // Filters (werkmap profiles.sofs.filters). Dates are days since 1970; empty lists = everything.
  std::optional<int32_t> period_from, period_to;
  bool period_by_end = false;  // false: by start_cb; true: by einddatum (closed trajectories only)
  std::vector<std::string> organisations;
  std::vector<std::string> typering;
  std::string status;  // "" | "open" | "closed"
  // Organisations that consented to be shown by name (werkmap profiles.sofs.consent); others pooled.
  std::vector<std::string> consent;

  static Options from_werkmap(const core::Werkmap& werkmap);
  // From werkmap JSON in any version's layout (with or without "schema"); defaults where it is unusable.
  static Options from_werkmap(const nlohmann::json& werkmap);
  // Writes these options into the werkmap (the sofs sections and the shared denominator).
  void store(core::Werkmap& werkmap) const;
  nlohmann::json to_json() const;  // a werkmap fragment with just these options (version 2 layout)
};

// Every result of SPEC §3.1 in page order: sofs.overview, sofs.case_type, sofs.steps, sofs.all_steps,
// sofs.partnership, sofs.network_meetings, sofs.network_figures, sofs.plan_b, sofs.plan_vs_steps,
// sofs.plan_adult_groups, sofs.time_to_step, sofs.trend, sofs.by_organisation, sofs.quality.
std::vector<Result> results(const core::MappedDataset& ds, const Options& options);

// How each result is drawn (spec/charts.md §3), with the published figures and the options' norms as references.
void add_views(std::vector<Result>& results, const Options& options);

}  // namespace zicht::analysis::sofs
