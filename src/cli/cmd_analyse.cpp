// zicht analyse --profile P [--table NAME=FILE] [--clients FILE] [--link PROFILE=FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]
//               [--format json|csv|html] [--out PATH] [--decimal-comma] FILE...
// Runs every analysis of the profile and writes the results (SPEC §7). Exit 0 when it ran (flagged cells are in
// the output), 1 when an input cannot be read, 2 on usage errors.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/profile_run.h"
#include "report/csv_export.h"
#include "report/html_export.h"
#include "report/json_export.h"
#include "session/registry.h"

namespace zicht::cli {
namespace {

int usage_error(const std::string& msg) {
  std::cerr << "zicht analyse: " << msg << "\n"
            << "Usage: zicht analyse --profile " << session::profile_names_joined("|")
            << " [--table NAME=FILE] [--clients FILE] [--link PROFILE=FILE]\n"
               "                     [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]\n"
               "                     [--sheet NAME|NUMBER] [--header-row N]\n"
               "                     [--format json|csv|html] [--out PATH] [--decimal-comma] FILE...\n";
  return kExitUsage;
}

}  // namespace

int run_analyse(const std::vector<std::string>& args) {
  ProfileRun run;
  run.settings.profile.clear();
  std::string format = "json", out, lang_code = "nl";
  bool decimal_comma = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    const Option taken = take_profile_option(args, i, run, error);
    if (taken == Option::usage_error) return usage_error(error);
    if (taken == Option::taken) continue;
    if (a == "--lang") {
      if (!take_value(args, i, lang_code) || (lang_code != "nl" && lang_code != "en")) return usage_error("--lang nl|en");
    } else if (a == "--format") {
      if (!take_value(args, i, format) || (format != "json" && format != "csv" && format != "html"))
        return usage_error("--format json|csv|html");
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage_error("--out needs a path");
    } else if (a == "--decimal-comma") {
      decimal_comma = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else {
      run.files.push_back(a);
    }
  }
  if (const std::string why = check_profile(run); !why.empty()) return usage_error(why);
  if (run.files.empty() && run.tables.empty()) return usage_error("missing FILE");
  if (format == "csv" && out.empty()) return usage_error("--format csv writes a directory: give --out DIR");
  run.lang = i18n::parse_lang(lang_code);

  analysis::ResultSet set;
  if (const int rc = analyse("analyse", run, set); rc != kExitOk) return rc;
  const i18n::Lang lang = i18n::parse_lang(lang_code);

  if (format == "csv") {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    report::CsvOptions opt = decimal_comma ? report::CsvOptions::excel_be() : report::CsvOptions{};
    for (const auto& f : report::results_csv(set, lang, opt)) {
      if (!write_file((std::filesystem::path(out) / f.name).string(), f.content)) {
        std::cerr << "zicht analyse: cannot write " << out << "/" << f.name << "\n";
        return kExitInput;
      }
    }
    return kExitOk;
  }
  const std::string text = format == "html" ? report::results_html(set, lang)
                                            : report::results_json(set, lang).dump(2) + "\n";
  if (out.empty()) {
    std::cout << text;
  } else if (!write_file(out, text)) {
    std::cerr << "zicht analyse: cannot write " << out << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zicht::cli
