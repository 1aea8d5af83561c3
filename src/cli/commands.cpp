#include "cli/commands.h"

#include <iostream>

#include "core/build_info.h"
#include "session/registry.h"

namespace zicht::cli {

int run_inspect(const std::vector<std::string>& args);  // cmd_inspect.cpp
int run_analyse(const std::vector<std::string>& args);  // cmd_analyse.cpp
int run_demo(const std::vector<std::string>& args);     // cmd_demo.cpp
int run_aggregate(const std::vector<std::string>& args);  // cmd_aggregate.cpp
int run_merge(const std::vector<std::string>& args);      // cmd_aggregate.cpp

namespace {

void usage(std::ostream& os, i18n::Lang lang) {
  const std::string p = session::profile_names_joined("|");
  os << "zicht " << ZICHT_VERSION << " (" << core::build_id() << ")\n"
     << text(lang, "cli.usage") << ":\n"
     << "  zicht inspect [--profile " << p << "] [--lang nl|en] FILE\n"
     << "  zicht analyse --profile " << p << " [options] [--lang nl|en] FILE...\n"
     << "  zicht demo --profile P [--seed N] [--rows R] [--lang nl|en] --out FILE\n"
     << "  zicht aggregate --profile P [--suppress K] [--organisation NAME] [--lang nl|en] --out FILE.json FILE\n"
     << "  zicht merge [--suppress K] [--lang nl|en] --out FILE A.json B.json ...\n"
     << "  zicht version\n";
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"inspect", run_inspect},
      {"analyse", run_analyse},
      {"demo", run_demo},
      {"aggregate", run_aggregate},
      {"merge", run_merge},
  };
  return all;
}

int run(const std::vector<std::string>& all) {
  std::vector<std::string> args = all;
  i18n::Lang lang = i18n::Lang::nl;
  find_lang(args, lang);  // only for the messages below; a command checks its own --lang
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout, lang);
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "version" || cmd == "--version") {
    std::cout << "zicht " << ZICHT_VERSION << " (" << core::build_id() << ")\n";
    return kExitOk;
  }
  for (const auto& c : commands())
    if (cmd == c.name) return c.run(args);
  std::cerr << "zicht: " << text(lang, "cli.unknown_command", {cmd}) << "\n";
  usage(std::cerr, lang);
  return kExitUsage;
}

bool take_value(const std::vector<std::string>& args, size_t& i, std::string& v) {
  if (i + 1 >= args.size()) return false;
  v = args[++i];
  return true;
}

bool find_lang(const std::vector<std::string>& args, i18n::Lang& lang) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--lang") continue;
    if (i + 1 >= args.size() || (args[i + 1] != "nl" && args[i + 1] != "en")) return false;
    lang = i18n::parse_lang(args[i + 1]);
  }
  return true;
}

std::string text(i18n::Lang lang, std::string_view key, std::initializer_list<std::string_view> args) {
  return i18n::format(i18n::tr(key, lang), args);
}

void say(const char* command, const std::string& message) {
  std::cerr << "zicht " << command << ": " << message << "\n";
}

int usage_error(const char* command, i18n::Lang lang, const std::string& message, const std::string& synopsis) {
  say(command, message);
  std::cerr << text(lang, "cli.usage") << ": " << synopsis << "\n";
  return kExitUsage;
}

bool parse_header_row(const std::string& v, int& row) {
  if (v.empty() || v.size() > 7 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  long n = std::stol(v);
  if (n < 1 || n > 1048576) return false;
  row = int(n);
  return true;
}

}  // namespace zicht::cli
