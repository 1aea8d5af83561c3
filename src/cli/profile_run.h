#pragma once
// What `zicht analyse` and `zicht aggregate` share: the profile options (--profile, --table, --clients, --link,
// --settings, --as-of, --suppress, --lang), reading the settings file and the inputs, and running the profile through
// session::analyse — the function the app's session runs it through too.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/i18n.h"
#include "core/reader.h"
#include "core/werkmap.h"

namespace zicht::cli {

struct ProfileRun {
  analysis::Settings settings;  // profile, as_of, mode ("delen" once --suppress is given), suppress_k, werkmap
  std::string settings_path;
  i18n::Lang lang = i18n::Lang::nl;  // the language of messages and labels (--lang, found by find_lang)
  std::vector<std::string> files;                            // data files in the order given
  std::vector<std::pair<std::string, std::string>> tables;  // --table NAME=FILE (and --clients FILE)
  std::vector<std::pair<std::string, std::string>> links;   // --link PROFILE=FILE
  core::ReadOptions read;                                    // --sheet NAME|NUMBER, --header-row N (workbooks)
  // A command's own options written into the werkmap once the settings file is read (analyse --person), so the
  // provenance records them like any other setting.
  std::function<void(core::Werkmap&)> adjust_werkmap;
  // Filled by analyse(): the files read and the inputs pointing into them, in the profile's table order, then the
  // linked files.
  std::vector<core::ReadResult> data;
  std::vector<analysis::Input> inputs;
};

enum class Option { not_ours, taken, usage_error };

// Takes args[i] (and its value, advancing i) when it is a profile option (or --lang, which find_lang has read). On
// a usage error, `error` says why, in run.lang.
Option take_profile_option(const std::vector<std::string>& args, size_t& i, ProfileRun& run, std::string& error);

// The usage problems every profile command checks (profile given and registered, --table names one of its
// tables, --link one of its links, each once); empty when there are none, else the message in run.lang.
std::string check_profile(const ProfileRun& run);

// Reads the settings file, the inputs and the linked files (each mapped as its own profile's primary table), runs
// the profile's analyses and, in delen mode, applies it. On a problem prints "zicht <command>: …" in run.lang and
// returns kExitInput (kExitUsage when two files claim one table); kExitOk otherwise.
int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set);

// Writes text to a file; false when it cannot.
bool write_file(const std::string& path, const std::string& content);

}  // namespace zicht::cli
