#pragma once
// The Binc module-pathway analyses (SPEC §2.2, §3.2; seed 003 L4438–4983): every result id of SPEC §3.2, from a
// MappedDataset of profile "binc" kind "modules" and, optionally, one of kind "clients" joined on kind_id.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::binc {

// The counting unit (SPEC §2.2); every title names it.
enum class Unit { kinderen, modules, schakelingen, kind_jaar, gezinnen };
const char* unit_id(Unit u);  // "kinderen", "modules", "schakelingen", "kind_jaar", "gezinnen"

struct Options {
  std::string sofs_module_type = "Contextbegeleiding i.f.v. veiligheidsplanning SofS";
  // Module type → cluster (Table 8). Empty = the report's 8 clusters; unlisted types go to "overige".
  std::map<std::string, std::string> clusters;
  bool orgtype_from_last_sofs = false;  // default: organisation type of the child's latest-starting module
  // The counting unit where a result can be counted in several units. Until the user chooses one
  // (unit_chosen), each result counts in its own natural unit, as the evaluation's tables do: the profile
  // (Table 5) in kinderen, the pre- and post-trajectories (Table 8) in schakelingen.
  Unit unit = Unit::kinderen;
  bool unit_chosen = false;
  int min_path = 5;                     // Sankey: paths with fewer children merged into "overige"
  core::Denominator denominator = core::Denominator::valid;
  std::vector<std::string> organisations;  // filter; empty = all
  std::vector<std::string> consent;

  // From the werkmap: the binc profile's "settings" (sofs_module_type, orgtype_from, unit), "filters"
  // (organisations), "clusters", "consent", "norms" (min_path) and the shared denominator.
  static Options from_werkmap(const core::Werkmap& werkmap);
  // From werkmap JSON in any version's layout (with or without "schema"); defaults where it is unusable.
  static Options from_werkmap(const nlohmann::json& werkmap);
  void store(core::Werkmap& werkmap) const;
  nlohmann::json to_json() const;  // a werkmap fragment with just these options (version 2 layout)
};

// The report's clusters (Table 8), kept as data in the binc schema's settings ("clusters", "other_cluster"): the
// default when Options::clusters is empty. A non-empty Options::clusters replaces the default as a whole.
// Cluster names in Table 8's row order, then the cluster of everything unlisted ("Overige").
const std::vector<std::string>& default_cluster_names();
std::string default_cluster(const std::string& module_type);  // "Overige" when not listed

// Every result of SPEC §3.2 in page order: binc.profile, binc.orgtype_by_status, binc.module_frequency,
// binc.module_combination, binc.module_rank, binc.pre_post, binc.transitions, binc.durations, binc.quality.
// `clients` may be null (characteristics then come from the module file, when present there).
std::vector<Result> results(const core::MappedDataset& modules, const core::MappedDataset* clients,
                            const Options& options);

// How each result is drawn (spec/charts.md §3; binc/views.cpp).
void add_views(std::vector<Result>& results, const Options& options);

}  // namespace zicht::analysis::binc
