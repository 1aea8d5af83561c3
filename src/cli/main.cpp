// zicht — the native command line. Each subcommand lives in its own cmd_*.cpp; cli::run dispatches (commands.cpp).
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) { return zicht::cli::run(std::vector<std::string>(argv + 1, argv + argc)); }
