// zicht inspect [--profile P [--settings S.json] [--as-of YYYY-MM-DD]] [--encoding E] [--delimiter D]
//               [--header yes|no] [--type COL=TYPE]... [--sheet NAME|NUMBER] [--header-row N] FILE
// Prints the reader's report as JSON (SPEC §7): "sniff" says what was detected and why (format, encoding, delimiter,
// quote, header: value, reason code, evidence, English text), "notes" the notes in English with "note_codes" next to
// them; with a profile also "mapping" and "validation". Exit 1 when the input cannot be read or required fields
// cannot be mapped, 2 on usage errors.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "session/registry.h"
#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "core/schema.h"
#include "core/werkmap.h"

namespace zicht::cli {

namespace {
int usage_error(const std::string& msg) {
  std::cerr << "zicht inspect: " << msg << "\n"
            << "Usage: zicht inspect [--profile sofs|binc|generic [--settings S.json] [--as-of YYYY-MM-DD]] "
               "[--encoding utf-8|utf-16le|utf-16be|windows-1252] [--delimiter C] "
               "[--header yes|no] [--type COLUMN=integer|decimal|date|boolean|categorical|text] "
               "[--sheet NAME|NUMBER] [--header-row N] FILE\n";
  return kExitUsage;
}
}  // namespace

int run_inspect(const std::vector<std::string>& args) {
  core::ReadOptions opt;
  std::string file, profile, settings_path;
  std::optional<int32_t> as_of;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--profile") {
      if (!take_value(args, i, v) || (v != "generic" && !session::find_profile(v)))
        return usage_error("--profile " + session::profile_names_joined("|"));
      profile = v;
    } else if (a == "--settings") {
      if (!take_value(args, i, settings_path)) return usage_error("--settings needs a werkmap file");
    } else if (a == "--as-of") {
      int32_t d;
      if (!take_value(args, i, v) || !core::parse_iso_date(v, d)) return usage_error("--as-of needs a date YYYY-MM-DD");
      as_of = d;
    } else if (a == "--encoding") {
      core::Encoding e;
      if (!take_value(args, i, v) || !core::parse_encoding(v, e)) return usage_error("unknown encoding");
      opt.encoding = e;
    } else if (a == "--delimiter") {
      if (!take_value(args, i, v)) return usage_error("--delimiter needs a value");
      if (v == "\\t" || v == "tab") v = "\t";
      if (v.size() != 1) return usage_error("--delimiter must be one character");
      opt.delimiter = v[0];
    } else if (a == "--header") {
      if (!take_value(args, i, v) || (v != "yes" && v != "no")) return usage_error("--header yes|no");
      opt.header = v == "yes";
    } else if (a == "--sheet") {
      if (!take_value(args, i, opt.sheet) || opt.sheet.empty()) return usage_error("--sheet needs a sheet name or number");
    } else if (a == "--header-row") {
      if (!take_value(args, i, v) || !parse_header_row(v, opt.header_row))
        return usage_error("--header-row needs a row number >= 1");
    } else if (a == "--type") {
      if (!take_value(args, i, v)) return usage_error("--type needs COLUMN=TYPE");
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
    std::cerr << "zicht inspect: " << core::render_status(r.status, file, i18n::Lang::en) << "\n";
    std::cout << core::inspect_json(r).dump(2) << "\n";
    return kExitInput;
  }
  nlohmann::json out = core::inspect_json(r);
  if (!profile.empty()) {
    core::Werkmap werkmap;
    if (!settings_path.empty()) {
      std::ifstream in(settings_path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string error;
      if (!in || !core::Werkmap::parse(ss.str(), werkmap, error)) {
        std::cerr << "zicht inspect: " << settings_path << ": " << (in ? error : "cannot be read") << "\n";
        return kExitUsage;
      }
    }
    core::ProfileSettings ps;
    ps.overrides = werkmap.overrides(profile);
    ps.as_of = as_of ? as_of : werkmap.as_of();
    std::string error;
    if (!core::add_profile_inspect(out, r, profile, ps, error)) {
      std::cerr << "zicht inspect: " << error << "\n";
      std::cout << out.dump(2) << "\n";
      return kExitInput;
    }
  }
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace zicht::cli
