#pragma once
// Settings every analysis run shares, and the provenance built from them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/reader.h"

namespace zicht::analysis {

struct Settings {
  std::string profile = "generic";
  std::string as_of;          // YYYY-MM-DD; empty = the latest date found in the data (SPEC §4)
  std::string mode = "intern";  // "intern" | "delen" (privacy issue)
  int suppress_k = 0;
  nlohmann::json werkmap = nlohmann::json::object();  // mapping, norms, … (profiles issue)
};

// A loaded input file as the analyses see it.
struct Input {
  std::string name;
  const core::ReadResult* data = nullptr;
};

// The latest valid date in any date column of the inputs, as YYYY-MM-DD; empty when there is none.
std::string latest_date(const std::vector<Input>& inputs);

// Provenance of a run: tool, input hashes and row accounting, canonical settings and their hash.
Provenance make_provenance(const std::vector<Input>& inputs, const Settings& settings, const std::string& as_of);

// Provenance of results computed from mapped datasets (one per input, in order): row accounting from their
// validation (rows in = used + excluded) and the as-of date the first one was analysed with. The app and the CLI
// both use this, so the screen, the JSON and every export carry the same provenance.
Provenance make_provenance(const std::vector<Input>& inputs, const std::vector<const core::MappedDataset*>& datasets,
                           const Settings& settings);

// How a profile's files are mapped under these settings: the werkmap's column choices and recodings for
// `profile` (a settings object without "schema" is read by Werkmap::from_settings) and the as-of date
// (settings.as_of before the werkmap's). False with an English message when either is unusable.
bool profile_settings(const Settings& settings, std::string_view profile, core::ProfileSettings& out,
                      std::string& error);

}  // namespace zicht::analysis
