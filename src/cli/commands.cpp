#include "cli/commands.h"

namespace zicht::cli {

int run_inspect(const std::vector<std::string>& args);  // cmd_inspect.cpp
int run_analyse(const std::vector<std::string>& args);  // cmd_analyse.cpp
int run_demo(const std::vector<std::string>& args);     // cmd_demo.cpp
int run_aggregate(const std::vector<std::string>& args);  // cmd_aggregate.cpp
int run_merge(const std::vector<std::string>& args);      // cmd_aggregate.cpp

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

bool take_value(const std::vector<std::string>& args, size_t& i, std::string& v) {
  if (i + 1 >= args.size()) return false;
  v = args[++i];
  return true;
}

}  // namespace zicht::cli
