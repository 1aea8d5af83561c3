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

}  // namespace zicht_test
