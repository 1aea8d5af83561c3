// zicht aggregate --profile P [--clients FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K]
//                 [--organisation NAME] [--period TEXT] --out FILE.json FILE
// zicht merge [--suppress K] [--lang nl|en] [--format json|html] --out regional.json A.json B.json …
// A shareable aggregate holds only suppressed count/denominator/percent tables (privacy/aggregate.h); merge sums
// several into a regional overview and suppresses again. Exit 0 ok, 1 input problems, 2 usage errors.
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
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "report/html_export.h"
#include "report/json_export.h"

namespace zicht::cli {
namespace {

int usage(const char* cmd, const std::string& msg) {
  std::cerr << "zicht " << cmd << ": " << msg << "\n";
  if (std::string(cmd) == "aggregate")
    std::cerr << "Usage: zicht aggregate --profile generic|sofs|binc [--clients FILE] [--settings S.json]\n"
                 "                       [--as-of YYYY-MM-DD] [--suppress K] [--organisation NAME] [--period TEXT]\n"
                 "                       --out FILE.json FILE\n";
  else
    std::cerr << "Usage: zicht merge [--suppress K] [--lang nl|en] [--format json|html] --out FILE A.json B.json ...\n";
  return kExitUsage;
}

bool write_text(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  f << text;
  return static_cast<bool>(f);
}

}  // namespace

int run_aggregate(const std::vector<std::string>& args) {
  analysis::Settings settings;
  settings.profile.clear();
  settings.mode = "delen";
  settings.suppress_k = privacy::kDefaultK;
  std::string out, settings_path, clients, organisation, period;
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
      if (!value(settings.profile)) return usage("aggregate", "--profile needs a value");
    } else if (a == "--clients") {
      if (!value(clients)) return usage("aggregate", "--clients needs a file");
    } else if (a == "--settings") {
      if (!value(settings_path)) return usage("aggregate", "--settings needs a file");
    } else if (a == "--as-of") {
      if (!value(v) || !std::regex_match(v, std::regex(R"(\d{4}-\d{2}-\d{2})")))
        return usage("aggregate", "--as-of needs a date YYYY-MM-DD");
      settings.as_of = v;
    } else if (a == "--suppress") {
      std::string why;
      if (!value(v)) return usage("aggregate", "--suppress needs a number k >= 2");
      if (!parse_suppress_k(v, settings.suppress_k, why)) return usage("aggregate", why);
    } else if (a == "--organisation") {
      if (!value(organisation)) return usage("aggregate", "--organisation needs a name");
    } else if (a == "--period") {
      if (!value(period)) return usage("aggregate", "--period needs a text such as 2021-05-01/2023-10-05");
    } else if (a == "--out") {
      if (!value(out)) return usage("aggregate", "--out needs a file");
    } else if (!a.empty() && a[0] == '-') {
      return usage("aggregate", "unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (settings.profile.empty()) return usage("aggregate", "--profile is required (generic, sofs or binc)");
  if (settings.profile != "generic" && settings.profile != "sofs" && settings.profile != "binc")
    return usage("aggregate", "unknown profile '" + settings.profile + "'; use generic, sofs or binc");
  if (!clients.empty() && settings.profile != "binc") return usage("aggregate", "--clients belongs to --profile binc");
  if (files.size() != 1) return usage("aggregate", "give exactly one data FILE (one organisation per aggregate)");
  if (out.empty()) return usage("aggregate", "--out FILE.json is required");
  if (!clients.empty()) files.push_back(clients);
  if (!settings_path.empty()) {
    std::ifstream f(settings_path, std::ios::binary);
    if (!f) {
      std::cerr << "zicht aggregate: " << settings_path << ": cannot open the settings file\n";
      return kExitInput;
    }
    try {
      settings.werkmap = nlohmann::json::parse(f);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "zicht aggregate: " << settings_path << ": not valid JSON (" << e.what() << ")\n";
      return kExitInput;
    }
  }
  std::vector<core::ReadResult> data;
  data.reserve(files.size());
  std::vector<analysis::Input> inputs;
  for (const auto& path : files) {
    data.push_back(core::read_file(path));
    if (!data.back().ok()) {
      std::cerr << "zicht aggregate: " << data.back().status.message << "\n";
      return kExitInput;
    }
    inputs.push_back({std::filesystem::path(path).filename().string(), &data.back()});
  }
  analysis::ResultSet set;
  std::string error;
  bool ok = true;
  if (settings.profile == "sofs") ok = analysis::sofs::analyse(inputs, settings, set, error);
  else if (settings.profile == "binc") ok = analysis::binc::analyse(inputs, !clients.empty(), settings, set, error);
  else set = analysis::explore(inputs, settings);
  if (!ok) {
    std::cerr << "zicht aggregate: " << error << "\n";
    return kExitInput;
  }
  apply_delen(set, inputs, settings.suppress_k);
  const auto aggregate = privacy::make_aggregate(set, settings.suppress_k, period, organisation);
  if (!write_text(out, aggregate.dump(2) + "\n")) {
    std::cerr << "zicht aggregate: cannot write " << out << "\n";
    return kExitInput;
  }
  for (const auto& line : privacy::describe_aggregate(nlohmann::json::parse(aggregate.dump()), i18n::Lang::nl))
    std::cerr << line << "\n";
  return kExitOk;
}

int run_merge(const std::vector<std::string>& args) {
  int k = privacy::kDefaultK;
  std::string out, lang_code = "nl", format = "json";
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) return false;
      v = args[++i];
      return true;
    };
    std::string v;
    if (a == "--suppress") {
      std::string why;
      if (!value(v)) return usage("merge", "--suppress needs a number k >= 2");
      if (!parse_suppress_k(v, k, why)) return usage("merge", why);
    } else if (a == "--out") {
      if (!value(out)) return usage("merge", "--out needs a file");
    } else if (a == "--lang") {
      if (!value(lang_code) || (lang_code != "nl" && lang_code != "en")) return usage("merge", "--lang nl|en");
    } else if (a == "--format") {
      if (!value(format) || (format != "json" && format != "html")) return usage("merge", "--format json|html");
    } else if (!a.empty() && a[0] == '-') {
      return usage("merge", "unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return usage("merge", "give the aggregate files to merge");
  if (out.empty()) return usage("merge", "--out FILE is required");
  std::vector<nlohmann::json> aggregates;
  for (const auto& path : files) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      std::cerr << "zicht merge: " << path << ": cannot open\n";
      return kExitInput;
    }
    try {
      aggregates.push_back(nlohmann::json::parse(f));
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "zicht merge: " << path << ": not valid JSON (" << e.what() << ")\n";
      return kExitInput;
    }
    if (aggregates.back().value("schema", std::string()) != privacy::kAggregateSchema) {
      std::cerr << "zicht merge: " << path << ": not a Zicht aggregate (schema " << privacy::kAggregateSchema
                << " expected)\n";
      return kExitInput;
    }
  }
  analysis::ResultSet set;
  try {
    set = privacy::merge_aggregates(aggregates, k);
  } catch (const std::invalid_argument& e) {
    std::cerr << "zicht merge: " << e.what() << "\n";
    return kExitInput;
  }
  const i18n::Lang lang = i18n::parse_lang(lang_code);
  const std::string text =
      format == "html" ? report::results_html(set, lang) : report::results_json(set, lang).dump(2) + "\n";
  if (!write_text(out, text)) {
    std::cerr << "zicht merge: cannot write " << out << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zicht::cli
