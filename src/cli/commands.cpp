#include "cli/commands.h"

namespace zicht::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {};
  return all;
}

}  // namespace zicht::cli
