// zicht analyse --profile P [--clients FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]
//               [--format json|csv|html] [--out PATH] [--decimal-comma] FILE...
// Runs every analysis of the profile and writes the results (SPEC §7). Exit 0 when it ran (flagged cells are in
// the output), 1 when an input cannot be read, 2 on usage errors.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "analysis/binc.h"
#include "analysis/explore.h"
#include "analysis/sofs.h"
#include "cli/commands.h"
#include "cli/delen.h"
#include "core/reader.h"
#include "report/csv_export.h"
#include "report/html_export.h"
#include "report/json_export.h"

namespace zicht::cli {
namespace {

int usage_error(const std::string& msg) {
  std::cerr << "zicht analyse: " << msg << "\n"
            << "Usage: zicht analyse --profile generic|sofs|binc [--clients FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]\n"
               "                     [--format json|csv|html] [--out PATH] [--decimal-comma] FILE...\n";
  return kExitUsage;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  return static_cast<bool>(f);
}

}  // namespace

int run_analyse(const std::vector<std::string>& args) {
  analysis::Settings settings;
  settings.profile.clear();
  std::string format = "json", out, lang_code = "nl", settings_path, clients;
  bool decimal_comma = false;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--profile") {
      if (!value(settings.profile)) return usage_error("--profile needs a value");
    } else if (a == "--clients") {
      if (!value(clients)) return usage_error("--clients needs a file");
    } else if (a == "--settings") {
      if (!value(settings_path)) return usage_error("--settings needs a file");
    } else if (a == "--as-of") {
      if (!value(v) || !std::regex_match(v, std::regex(R"(\d{4}-\d{2}-\d{2})")))
        return usage_error("--as-of needs a date YYYY-MM-DD");
      settings.as_of = v;
    } else if (a == "--suppress") {
      std::string why;
      if (!value(v)) return usage_error("--suppress needs a number k >= 2");
      if (!parse_suppress_k(v, settings.suppress_k, why)) return usage_error(why);
      settings.mode = "delen";
    } else if (a == "--lang") {
      if (!value(lang_code) || (lang_code != "nl" && lang_code != "en")) return usage_error("--lang nl|en");
    } else if (a == "--format") {
      if (!value(format) || (format != "json" && format != "csv" && format != "html"))
        return usage_error("--format json|csv|html");
    } else if (a == "--out") {
      if (!value(out)) return usage_error("--out needs a path");
    } else if (a == "--decimal-comma") {
      decimal_comma = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage_error("unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (settings.profile.empty()) return usage_error("--profile is required (generic, sofs or binc)");
  if (settings.profile != "generic" && settings.profile != "sofs" && settings.profile != "binc")
    return usage_error("unknown profile '" + settings.profile + "'; use generic, sofs or binc");
  if (!clients.empty() && settings.profile != "binc") return usage_error("--clients belongs to --profile binc");
  if (files.empty()) return usage_error("missing FILE");
  if (settings.profile != "generic" && files.size() != 1)
    return usage_error("--profile " + settings.profile + " reads one file" +
                       (settings.profile == "binc" ? " (the client file goes with --clients)" : ""));
  if (!clients.empty()) files.push_back(clients);
  if (format == "csv" && out.empty()) return usage_error("--format csv writes a directory: give --out DIR");
  if (!settings_path.empty()) {
    std::ifstream f(settings_path, std::ios::binary);
    if (!f) {
      std::cerr << "zicht analyse: " << settings_path << ": cannot open the settings file\n";
      return kExitInput;
    }
    try {
      settings.werkmap = nlohmann::json::parse(f);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "zicht analyse: " << settings_path << ": not valid JSON (" << e.what() << ")\n";
      return kExitInput;
    }
  }

  std::vector<core::ReadResult> data;
  data.reserve(files.size());
  std::vector<analysis::Input> inputs;
  for (const auto& path : files) {
    data.push_back(core::read_file(path));
    if (!data.back().ok()) {
      std::cerr << "zicht analyse: " << data.back().status.message << "\n";
      return kExitInput;
    }
    inputs.push_back({std::filesystem::path(path).filename().string(), &data.back()});
  }
  const i18n::Lang lang = i18n::parse_lang(lang_code);
  analysis::ResultSet set;
  std::string error;
  bool ok = true;
  if (settings.profile == "sofs") ok = analysis::sofs::analyse(inputs, settings, set, error);
  else if (settings.profile == "binc") ok = analysis::binc::analyse(inputs, !clients.empty(), settings, set, error);
  else set = analysis::explore(inputs, settings);
  if (!ok) {
    std::cerr << "zicht analyse: " << error << "\n";
    return kExitInput;
  }
  if (settings.mode == "delen") apply_delen(set, inputs, settings.suppress_k);

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
