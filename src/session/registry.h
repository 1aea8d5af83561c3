#pragma once
// The profile registry: everything the app shell, the navigation, the CLI (`--profile`, `zicht demo`) and the start
// page's templates know about a profile comes from here. A profile is a plug-in: its own file under
// src/session/profiles/ returns its ProfileSpec, and one line in registry.cpp lists it. "generic" (Verkennen) has
// no schema and is not a registered profile.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "demo/demo.h"

namespace zicht::session {

// A page of the profile: its id (nav anchor nav.<profile>.<id>, werkmap note key <profile>.<id>), title and the
// results it shows, in order.
struct PageSpec {
  std::string id, title_key;
  std::vector<std::string> results;
};

// A record type: a schema kind ("modules", "clients"). The first is the profile's primary table; the others are
// linked to it by key (spec/shared-rules.md) and share its as-of date.
struct TableSpec {
  std::string id;
  bool required = true;
  std::string key;  // the field linking rows of this table to the primary table ("" for the primary itself)
  // Other record types that stand in for this one (matrix: the wide sheet for the long cells); the table's
  // mapped dataset then has that kind.
  std::vector<std::string> alternatives;
  bool accepts(std::string_view kind) const {
    if (kind == id) return true;
    for (const auto& a : alternatives)
      if (a == kind) return true;
    return false;
  }
};

// A template the start page offers (assets/templates/<file>, downloaded as zicht-sjabloon-<file>).
struct TemplateSpec {
  std::string file, title_key;
};

// One file of the built-in demo, and which table it is.
struct DemoFile {
  std::string name, table;
  demo::DemoOptions options;
};

// What a profile's analyses see: its mapped tables (in TableSpec order, null when an optional table is absent), the
// primary tables of the profiles it links to (in ProfileSpec::links order, null when that profile's file is not
// loaded; spec/shared-rules.md) and the werkmap.
struct RunInputs {
  std::vector<const core::MappedDataset*> tables;
  std::vector<const core::MappedDataset*> links;
  const core::Werkmap* werkmap = nullptr;
};

// The profile's analyses: inputs → results. Pure: same inputs, same results.
using ResultsFn = std::function<std::vector<analysis::Result>(const RunInputs& in)>;

struct ProfileSpec {
  std::string id;       // "sofs"
  std::string nav_key;  // i18n key of the navigation section
  std::shared_ptr<const core::Schema> schema;
  std::vector<TableSpec> tables;
  std::vector<std::string> links;  // profiles whose file this profile may link to
  std::vector<PageSpec> pages;
  std::vector<TemplateSpec> templates;
  std::vector<DemoFile> demo;
  ResultsFn results;

  const TableSpec* table(std::string_view id) const;
  const PageSpec* page(std::string_view id) const;
};

// The registered profiles, in navigation order.
const std::vector<ProfileSpec>& profiles();
// nullptr for "generic" and unknown ids.
const ProfileSpec* find_profile(std::string_view id);
// Adds a profile (or replaces the one with the same id). For plug-ins and tests; the built-in ones are listed in
// registry.cpp. Pointers from find_profile stay valid until the next registration.
void register_profile(ProfileSpec spec);
// "generic" followed by every registered id: what `--profile` accepts.
std::vector<std::string> profile_names();
// The same as one string for usage messages: "generic|sofs|binc".
std::string profile_names_joined(const char* separator);

// The built-in profiles (src/session/profiles/*.cpp).
ProfileSpec sofs_profile();
ProfileSpec binc_profile();
ProfileSpec matrix_profile();
ProfileSpec kerndataset_profile();
ProfileSpec evolutie_profile();
ProfileSpec procesflow_profile();

}  // namespace zicht::session
