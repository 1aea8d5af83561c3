// zicht — the native command line. Each subcommand lives in its own cmd_*.cpp.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/build_info.h"

namespace {

void usage(std::ostream& os) {
  os << "zicht " << ZICHT_VERSION << " (" << zicht::core::build_id() << ")\n"
     << "Usage:\n"
     << "  zicht inspect [--profile P] FILE\n"
     << "  zicht analyse --profile P [options] FILE...\n"
     << "  zicht demo --profile P [--seed N] [--rows R] --out FILE\n"
     << "  zicht aggregate --profile P [--suppress K] [--organisation NAME] --out FILE.json FILE\n"
     << "  zicht merge [--suppress K] --out FILE A.json B.json ...\n"
     << "  zicht version\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  const std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "version" || cmd == "--version") {
    std::cout << "zicht " << ZICHT_VERSION << " (" << zicht::core::build_id() << ")\n";
    return 0;
  }
  for (const auto& c : zicht::cli::commands())
    if (cmd == c.name) return c.run(args);
  std::cerr << "zicht: unknown command '" << cmd << "'\n";
  usage(std::cerr);
  return 2;
}
