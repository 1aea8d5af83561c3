#include "cli/commands.h"

namespace zicht::cli {

int run_inspect(const std::vector<std::string>& args);  // cmd_inspect.cpp

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"inspect", run_inspect},
  };
  return all;
}

}  // namespace zicht::cli
