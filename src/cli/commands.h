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

// The whole command line (args without the program name): usage, version, or the subcommand. Returns the exit code.
int run(const std::vector<std::string>& args);

// The value of the option at args[i]: args[i + 1] into v, and i moves onto it. False when the option is last.
bool take_value(const std::vector<std::string>& args, size_t& i, std::string& v);
// --header-row N: a sheet row number 1…1048576.
bool parse_header_row(const std::string& v, int& row);

}  // namespace zicht::cli
