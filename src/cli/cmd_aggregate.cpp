// zicht aggregate --profile P [--clients FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K]
//                 [--organisation NAME] [--period TEXT] --out FILE.json FILE
// zicht merge [--suppress K] [--lang nl|en] [--format json|html] --out regional.json A.json B.json …
// A shareable aggregate holds only suppressed count/denominator/percent tables (privacy/aggregate.h); merge sums
// several into a regional overview and suppresses again. Exit 0 ok, 1 input problems, 2 usage errors.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/delen.h"
#include "cli/profile_run.h"
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

}  // namespace

int run_aggregate(const std::vector<std::string>& args) {
  ProfileRun run;
  run.settings.profile.clear();
  run.settings.mode = "delen";  // an aggregate is always for sharing
  run.settings.suppress_k = privacy::kDefaultK;
  std::string out, organisation, period;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    const Option taken = take_profile_option(args, i, run, error);
    if (taken == Option::usage_error) return usage("aggregate", error);
    if (taken == Option::taken) continue;
    if (a == "--organisation") {
      if (!take_value(args, i, organisation)) return usage("aggregate", "--organisation needs a name");
    } else if (a == "--period") {
      if (!take_value(args, i, period)) return usage("aggregate", "--period needs a text such as 2021-05-01/2023-10-05");
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage("aggregate", "--out needs a file");
    } else if (!a.empty() && a[0] == '-') {
      return usage("aggregate", "unknown option " + a);
    } else {
      run.files.push_back(a);
    }
  }
  if (const std::string why = check_profile(run); !why.empty()) return usage("aggregate", why);
  if (run.files.size() != 1) return usage("aggregate", "give exactly one data FILE (one organisation per aggregate)");
  if (out.empty()) return usage("aggregate", "--out FILE.json is required");
  analysis::ResultSet set;
  if (const int rc = analyse("aggregate", run, set); rc != kExitOk) return rc;
  const int k = run.settings.suppress_k;
  const auto aggregate = privacy::make_aggregate(set, k, period, organisation);
  if (!write_file(out, aggregate.dump(2) + "\n")) {
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
    std::string v;
    if (a == "--suppress") {
      std::string why;
      if (!take_value(args, i, v)) return usage("merge", "--suppress needs a number k >= 2");
      if (!parse_suppress_k(v, k, why)) return usage("merge", why);
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage("merge", "--out needs a file");
    } else if (a == "--lang") {
      if (!take_value(args, i, lang_code) || (lang_code != "nl" && lang_code != "en")) return usage("merge", "--lang nl|en");
    } else if (a == "--format") {
      if (!take_value(args, i, format) || (format != "json" && format != "html")) return usage("merge", "--format json|html");
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
  if (!write_file(out, text)) {
    std::cerr << "zicht merge: cannot write " << out << "\n";
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zicht::cli
