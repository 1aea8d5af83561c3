#pragma once
// Settings every analysis run shares, and the provenance built from them.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
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

}  // namespace zicht::analysis
