#pragma once
// What `zicht analyse` and `zicht aggregate` share: the profile options (--profile, --clients, --settings, --as-of,
// --suppress), reading the settings file and the inputs, and running the profile's analyses in the chosen mode.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/reader.h"

namespace zicht::cli {

struct ProfileRun {
  analysis::Settings settings;  // profile, as_of, mode ("delen" once --suppress is given), suppress_k, werkmap
  std::string settings_path, clients;
  std::vector<std::string> files;  // data files in the order given (the client file is not among them)
  // Filled by analyse(): the files read (the client file last) and the inputs pointing into them.
  std::vector<core::ReadResult> data;
  std::vector<analysis::Input> inputs;
};

enum class Option { not_ours, taken, usage_error };

// Takes args[i] (and its value, advancing i) when it is a profile option. On a usage error, `error` says why.
Option take_profile_option(const std::vector<std::string>& args, size_t& i, ProfileRun& run, std::string& error);

// The usage problems every profile command checks (profile given and known, --clients only with binc); empty
// when there are none.
std::string check_profile(const ProfileRun& run);

// Reads the settings file and the inputs, runs the profile's analyses and, in delen mode, applies it. On a problem
// prints "zicht <command>: …" and returns kExitInput; kExitOk otherwise.
int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set);

// Writes text to a file; false when it cannot.
bool write_file(const std::string& path, const std::string& content);

}  // namespace zicht::cli
