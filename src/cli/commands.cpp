#include "cli/commands.h"

namespace zicht::cli {

int run_inspect(const std::vector<std::string>& args);  // cmd_inspect.cpp
int run_analyse(const std::vector<std::string>& args);  // cmd_analyse.cpp
int run_demo(const std::vector<std::string>& args);     // cmd_demo.cpp

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"inspect", run_inspect},
      {"analyse", run_analyse},
      {"demo", run_demo},
  };
  return all;
}

}  // namespace zicht::cli
