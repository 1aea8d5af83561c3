// Test support shared by the tests that run the command line in-process next to a session: a scratch folder,
// writing a file into it, and cli::run with its standard output and error captured.
#pragma once

#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.h"

namespace zicht_test {

inline std::filesystem::path temp_dir(const std::string& prefix) {
  const auto dir = std::filesystem::temp_directory_path() / (prefix + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

struct CliRun {
  int rc = 0;
  std::string out, err;
};

// Runs `zicht <args>` in-process.
inline CliRun run_cli(const std::vector<std::string>& args) {
  std::ostringstream captured, errors;
  std::streambuf* old_out = std::cout.rdbuf(captured.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(errors.rdbuf());
  CliRun r;
  r.rc = zicht::cli::run(args);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = captured.str();
  r.err = errors.str();
  return r;
}

// `zicht <args>` in-process: its exit code, its standard output in `out` (standard error shown when it fails).
inline int cli_run(const std::vector<std::string>& args, std::string& out) {
  const CliRun r = run_cli(args);
  out = r.out;
  if (r.rc != 0) UNSCOPED_INFO("stderr: " << r.err);
  return r.rc;
}

// An analysis JSON without what names the input (file names, hashes) and the provenance built from them.
inline nlohmann::json results_only(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("input");
  j.erase("provenance");
  if (j.contains("settings")) j["settings"].erase("input_hashes");
  return j;
}

}  // namespace zicht_test
