#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

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

// The language of a command's messages (and of its output's labels): `--lang nl|en` anywhere among args, found
// before anything else is parsed so that every message of the command is in it. Dutch when absent, as `analyse`
// and `merge` have always defaulted. False when --lang has no value or another one.
bool find_lang(const std::vector<std::string>& args, i18n::Lang& lang);

// A message of the command line in a language: assets/i18n/<lang>/cli.json.
std::string text(i18n::Lang lang, std::string_view key, std::initializer_list<std::string_view> args = {});

// "zicht <command>: <message>" on standard error.
void say(const char* command, const std::string& message);

// A usage error: the message, then "Usage: <synopsis>" (the synopsis lists options, not words to translate).
// Returns kExitUsage.
int usage_error(const char* command, i18n::Lang lang, const std::string& message, const std::string& synopsis);

}  // namespace zicht::cli
