#pragma once
// The one way a profile runs, for the app (Session) and `zicht analyse` / `zicht aggregate` alike: map its tables
// from the werkmap, run its analyses, build the provenance, and in delen mode share the result set. Two run paths
// cannot drift because there is one.
#include <optional>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/i18n.h"
#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "session/registry.h"

namespace zicht::session {

// A file given to a profile: which of its tables (TableSpec id) it is, its name as shown, and its bytes as read.
struct TableInput {
  std::string table;
  std::string name;
  const core::ReadResult* data = nullptr;
};

// A file given for a link (ProfileSpec::links): the linked profile, the file's name as shown, its bytes as read and
// the primary table of that profile made from it (filled by map_link, or by the session from its loaded file).
struct LinkInput {
  std::string profile;
  std::string name;
  const core::ReadResult* data = nullptr;
  const core::MappedDataset* mapped = nullptr;
};

// Which record type a file is, by its columns: the profile and table with the best mapping score among the
// registered profiles whose required fields all map (empty profile when none fits).
struct Detected {
  std::string profile, table;
  double score = 0;
};
Detected detect(const std::vector<std::string>& columns, const std::vector<std::string>* labels = nullptr);

// The mapping settings of a profile under the run's settings: the werkmap's column choices and recodings, the
// as-of date (settings.as_of before the werkmap's). False with an English message when either is unusable.
bool mapping_settings(const ProfileSpec& spec, const analysis::Settings& settings, core::ProfileSettings& out,
                      std::string& error);

// Maps one file as one table of the profile; flags name the file as `name` (no directories).
core::MappedDataset map_table(const ProfileSpec& spec, const std::string& table, const std::string& name,
                              const core::ReadResult& data, const core::ProfileSettings& ps);

// Maps the profile's tables: out[i] is spec.tables[i] (empty when an optional table is not given). The primary
// table is mapped first and the others with its as-of date, so one "now" holds for all. False with a message
// (keys run.* and mapping.*) naming the file and fields when a required table is missing or its required fields
// cannot be mapped.
bool map_tables(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const analysis::Settings& settings,
                std::vector<std::optional<core::MappedDataset>>& out, i18n::Message& error);

// Maps a linked profile's file as that profile's primary table, the way `zicht analyse --profile <link.profile>
// FILE` maps it: its own columns and recodings from the werkmap, its own as-of date (settings.as_of, else the
// werkmap's, else its data's latest date). False with a message when the profile is unknown or the file's required
// fields cannot be mapped.
bool map_link(const LinkInput& link, const analysis::Settings& settings, std::optional<core::MappedDataset>& out,
              i18n::Message& error);

// Runs the analyses on mapped tables (in spec.tables order, null = absent): results and provenance. `inputs` are
// the files behind them, in the same order. `links` are the linked profiles' files with their mapped primary
// tables: RunInputs::links[i] is the one for spec.links[i] (null when none is given); each one given is an input
// of the provenance too (its hash and row accounting, marked with the profile it is).
analysis::ResultSet run_profile(const ProfileSpec& spec, const std::vector<TableInput>& inputs,
                                const std::vector<const core::MappedDataset*>& tables,
                                const analysis::Settings& settings, const std::vector<LinkInput>& links = {});

// map_tables + map_link for each link not mapped yet + run_profile: what the CLI calls. A link to a profile that
// spec.links does not name is an error.
bool analyse(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const std::vector<LinkInput>& links,
             const analysis::Settings& settings, analysis::ResultSet& out, i18n::Message& error);
// The same without links, the message in English.
bool analyse(const ProfileSpec& spec, const std::vector<TableInput>& inputs, const analysis::Settings& settings,
             analysis::ResultSet& out, std::string& error);

}  // namespace zicht::session
