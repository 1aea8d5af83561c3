// zicht inspect [--profile P] [--encoding E] [--delimiter D] [--header yes|no] [--type COL=TYPE]... FILE
// Prints the reader's report as JSON (SPEC §7). Exit 1 when the input cannot be read, 2 on usage errors.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/reader.h"

namespace zicht::cli {

namespace {
int usage_error(const std::string& msg) {
  std::cerr << "zicht inspect: " << msg << "\n"
            << "Usage: zicht inspect [--encoding utf-8|utf-16le|utf-16be|windows-1252] [--delimiter C] "
               "[--header yes|no] [--type COLUMN=integer|decimal|date|boolean|categorical|text] FILE\n";
  return kExitUsage;
}
}  // namespace

int run_inspect(const std::vector<std::string>& args) {
  core::ReadOptions opt;
  std::string file;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--profile") {
      if (!value(v)) return usage_error("--profile needs a value");
      std::cerr << "zicht inspect: profile not yet supported (--profile " << v << ")\n";
      return kExitUsage;
    } else if (a == "--encoding") {
      core::Encoding e;
      if (!value(v) || !core::parse_encoding(v, e)) return usage_error("unknown encoding");
      opt.encoding = e;
    } else if (a == "--delimiter") {
      if (!value(v)) return usage_error("--delimiter needs a value");
      if (v == "\\t" || v == "tab") v = "\t";
      if (v.size() != 1) return usage_error("--delimiter must be one character");
      opt.delimiter = v[0];
    } else if (a == "--header") {
      if (!value(v) || (v != "yes" && v != "no")) return usage_error("--header yes|no");
      opt.header = v == "yes";
    } else if (a == "--type") {
      if (!value(v)) return usage_error("--type needs COLUMN=TYPE");
      auto eq = v.rfind('=');
      core::ColumnType t;
      if (eq == std::string::npos || !core::parse_column_type(v.substr(eq + 1), t))
        return usage_error("--type needs COLUMN=TYPE");
      opt.type_overrides[v.substr(0, eq)] = t;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage_error("unknown option " + a);
    } else {
      if (!file.empty()) return usage_error("exactly one FILE");
      file = a;
    }
  }
  if (file.empty()) return usage_error("missing FILE");
  core::ReadResult r = core::read_file(file, opt);
  if (!r.ok()) {
    std::cerr << "zicht inspect: " << r.status.message << "\n";
    std::cout << core::inspect_json(r).dump(2) << "\n";
    return kExitInput;
  }
  std::cout << core::inspect_json(r).dump(2) << "\n";
  return kExitOk;
}

}  // namespace zicht::cli
