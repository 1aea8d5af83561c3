// zicht demo --profile sofs|binc [--seed N] [--rows R] [--part modules|clients] [--with-characteristics] --out FILE
// Writes the built-in synthetic demo data (src/demo) as the profile's own CSV export. The file is written in
// pieces, so a 1,000,000-row benchmark file never has to fit in memory twice.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "demo/demo.h"
#include "session/registry.h"

namespace zicht::cli {

namespace {
int demo_usage(const std::string& msg) {
  std::cerr << "zicht demo: " << msg << "\n"
            << "Usage: zicht demo --profile sofs|binc [--seed N] [--rows R] [--part modules|clients] "
               "[--with-characteristics] --out FILE\n";
  return kExitUsage;
}

bool parse_u64(const std::string& s, uint64_t& out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint64_t(c - '0');
  }
  out = v;
  return true;
}
}  // namespace

int run_demo(const std::vector<std::string>& args) {
  demo::DemoOptions opt;
  std::string out_path;
  bool have_profile = false, have_part = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--profile") {
      if (!take_value(args, i, v)) return demo_usage("--profile needs a value");
      opt.profile = v;
      have_profile = true;
    } else if (a == "--seed") {
      if (!take_value(args, i, v) || !parse_u64(v, opt.seed)) return demo_usage("--seed needs a non-negative integer");
    } else if (a == "--rows") {
      if (!take_value(args, i, v) || !parse_u64(v, opt.rows)) return demo_usage("--rows needs a non-negative integer");
    } else if (a == "--part") {
      if (!take_value(args, i, v)) return demo_usage("--part needs a value");
      opt.part = v;
      have_part = true;
    } else if (a == "--with-characteristics") {
      opt.characteristics_in_modules = true;
    } else if (a == "--out") {
      if (!take_value(args, i, v)) return demo_usage("--out needs a file name");
      out_path = v;
    } else {
      return demo_usage("unknown argument " + a);
    }
  }
  if (!have_profile) return demo_usage("missing --profile");
  // The profiles with a built-in demo, and the tables it has (src/session/registry.h).
  const session::ProfileSpec* spec = session::find_profile(opt.profile);
  if (!spec || spec->demo.empty()) {
    std::string names;
    for (const auto& p : session::profiles())
      if (!p.demo.empty()) names += (names.empty() ? "" : "|") + p.id;
    return demo_usage("--profile " + names);
  }

  if (out_path.empty()) return demo_usage("missing --out");
  if (opt.profile == "sofs" && (have_part || opt.characteristics_in_modules))
    return demo_usage("--part and --with-characteristics apply to --profile binc only");
  if (opt.part == "clients" && opt.characteristics_in_modules)
    return demo_usage("--with-characteristics applies to --part modules only");
  std::string problem = demo::validate_options(opt);
  if (!problem.empty()) return demo_usage(problem);

  std::FILE* f = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!f) {
    std::cerr << "zicht demo: cannot open " << out_path << " for writing\n";
    return kExitInput;
  }
  bool write_ok = true;
  uint64_t rows = demo::generate_csv_chunks(opt, [&](std::string_view piece) {
    if (write_ok && std::fwrite(piece.data(), 1, piece.size(), f) != piece.size()) write_ok = false;
  });
  if (f != stdout && std::fclose(f) != 0) write_ok = false;
  if (!write_ok) {
    std::cerr << "zicht demo: could not write " << out_path << "\n";
    return kExitInput;
  }
  std::cerr << "zicht demo: " << rows << " rows written to " << out_path << " (fictitious demo data, seed "
            << opt.seed << ")\n";
  return kExitOk;
}

}  // namespace zicht::cli
