#pragma once
#include <string>
#include <vector>

namespace zicht::cli {

// Exit codes of every subcommand (SPEC §7).
constexpr int kExitOk = 0;
constexpr int kExitInput = 1;  // input unreadable or required fields unmappable
constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
};

// Every subcommand, registered in commands.cpp.
const std::vector<Command>& commands();

}  // namespace zicht::cli
