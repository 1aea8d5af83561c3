#pragma once
// What `zicht analyse` and `zicht aggregate` share: the profile options (--profile, --table, --clients, --link,
// --settings, --as-of, --suppress), reading the settings file and the inputs, and running the profile through
// session::analyse — the function the app's session runs it through too.
#include <string>
#include <utility>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/i18n.h"
#include "core/reader.h"

namespace zicht::cli {

struct ProfileRun {
  analysis::Settings settings;  // profile, as_of, mode ("delen" once --suppress is given), suppress_k, werkmap
  std::string settings_path;
  i18n::Lang lang = i18n::Lang::en;  // the language of messages (--lang where the command has it)
  std::vector<std::string> files;                            // data files in the order given
  std::vector<std::pair<std::string, std::string>> tables;  // --table NAME=FILE (and --clients FILE)
  std::vector<std::pair<std::string, std::string>> links;   // --link PROFILE=FILE
  core::ReadOptions read;                                    // --sheet NAME|NUMBER, --header-row N (workbooks)
  // Filled by analyse(): the files read and the inputs pointing into them, in the profile's table order.
  std::vector<core::ReadResult> data;
  std::vector<analysis::Input> inputs;
};

enum class Option { not_ours, taken, usage_error };

// Takes args[i] (and its value, advancing i) when it is a profile option. On a usage error, `error` says why.
Option take_profile_option(const std::vector<std::string>& args, size_t& i, ProfileRun& run, std::string& error);

// The usage problems every profile command checks (profile given and registered, --table names one of its
// tables, --link one of its links); empty when there are none.
std::string check_profile(const ProfileRun& run);

// Reads the settings file and the inputs, runs the profile's analyses and, in delen mode, applies it. On a problem
// prints "zicht <command>: …" and returns kExitInput (kExitUsage when two files claim one table); kExitOk otherwise.
int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set);

// Writes text to a file; false when it cannot.
bool write_file(const std::string& path, const std::string& content);

}  // namespace zicht::cli
