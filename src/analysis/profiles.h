#pragma once
// Every profile's analyses behind one call: generic (Verkennen), sofs, binc. The CLI's `analyse` and `aggregate`
// go through here, so both run exactly the same analyses for the same profile.
#include <string>
#include <string_view>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"

namespace zicht::analysis {

// True for "generic", "sofs" and "binc".
bool has_analyses(std::string_view profile);

// Runs settings.profile's analyses on the inputs (binc: inputs[1] is the client file when has_clients). False
// with an English message naming the file and the fields when required fields cannot be mapped.
bool analyse_profile(const std::vector<Input>& inputs, bool has_clients, const Settings& settings, ResultSet& out,
                     std::string& error);

}  // namespace zicht::analysis
