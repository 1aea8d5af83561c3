#include "cli/profile_run.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "analysis/profiles.h"
#include "cli/commands.h"
#include "cli/delen.h"

namespace zicht::cli {

Option take_profile_option(const std::vector<std::string>& args, size_t& i, ProfileRun& run, std::string& error) {
  const std::string& a = args[i];
  auto fail = [&](std::string why) {
    error = std::move(why);
    return Option::usage_error;
  };
  std::string v;
  if (a == "--profile") {
    if (!take_value(args, i, run.settings.profile)) return fail("--profile needs a value");
  } else if (a == "--clients") {
    if (!take_value(args, i, run.clients)) return fail("--clients needs a file");
  } else if (a == "--settings") {
    if (!take_value(args, i, run.settings_path)) return fail("--settings needs a file");
  } else if (a == "--as-of") {
    if (!take_value(args, i, v) || !std::regex_match(v, std::regex(R"(\d{4}-\d{2}-\d{2})")))
      return fail("--as-of needs a date YYYY-MM-DD");
    run.settings.as_of = v;
  } else if (a == "--suppress") {
    if (!take_value(args, i, v)) return fail("--suppress needs a number k >= 2");
    if (!parse_suppress_k(v, run.settings.suppress_k, error)) return Option::usage_error;
    run.settings.mode = "delen";
  } else {
    return Option::not_ours;
  }
  return Option::taken;
}

std::string check_profile(const ProfileRun& run) {
  const std::string& p = run.settings.profile;
  if (p.empty()) return "--profile is required (generic, sofs or binc)";
  if (!analysis::has_analyses(p)) return "unknown profile '" + p + "'; use generic, sofs or binc";
  if (!run.clients.empty() && p != "binc") return "--clients belongs to --profile binc";
  return {};
}

int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set) {
  if (!run.settings_path.empty()) {
    std::ifstream f(run.settings_path, std::ios::binary);
    if (!f) {
      std::cerr << "zicht " << command << ": " << run.settings_path << ": cannot open the settings file\n";
      return kExitInput;
    }
    try {
      run.settings.werkmap = nlohmann::json::parse(f);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "zicht " << command << ": " << run.settings_path << ": not valid JSON (" << e.what() << ")\n";
      return kExitInput;
    }
  }
  std::vector<std::string> paths = run.files;
  if (!run.clients.empty()) paths.push_back(run.clients);
  run.data.clear();
  run.data.reserve(paths.size());  // inputs point into data: no reallocation
  run.inputs.clear();
  for (const auto& path : paths) {
    run.data.push_back(core::read_file(path));
    if (!run.data.back().ok()) {
      std::cerr << "zicht " << command << ": " << run.data.back().status.message << "\n";
      return kExitInput;
    }
    run.inputs.push_back({std::filesystem::path(path).filename().string(), &run.data.back()});
  }
  std::string error;
  if (!analysis::analyse_profile(run.inputs, !run.clients.empty(), run.settings, set, error)) {
    std::cerr << "zicht " << command << ": " << error << "\n";
    return kExitInput;
  }
  if (run.settings.mode == "delen") apply_delen(set, run.inputs, run.settings.suppress_k);
  return kExitOk;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  return static_cast<bool>(f);
}

}  // namespace zicht::cli
