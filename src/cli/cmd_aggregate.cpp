// zicht aggregate --profile P [--clients FILE] [--link PROFILE=FILE] [--settings S.json] [--as-of YYYY-MM-DD]
//                 [--suppress K] [--organisation NAME] [--period TEXT] [--lang nl|en] --out FILE.json FILE
// zicht merge [--suppress K] [--lang nl|en] [--format json|html] --out regional.json A.json B.json …
// A shareable aggregate holds only suppressed count/denominator/percent tables (privacy/aggregate.h); merge sums
// several into a regional overview and suppresses again. Exit 0 ok, 1 input problems, 2 usage errors. Messages in
// --lang (default Dutch).
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/delen.h"
#include "cli/profile_run.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "report/html_export.h"
#include "report/json_export.h"
#include "session/registry.h"

namespace zicht::cli {
namespace {

int usage(const char* cmd, i18n::Lang lang, const std::string& msg) {
  if (std::string(cmd) == "aggregate")
    return usage_error(cmd, lang, msg,
                       "zicht aggregate --profile " + session::profile_names_joined("|") +
                           " [--clients FILE] [--link PROFILE=FILE] [--settings S.json]\n"
                           "                       [--as-of YYYY-MM-DD] [--suppress K] [--organisation NAME] "
                           "[--period TEXT] [--lang nl|en]\n"
                           "                       --out FILE.json FILE");
  return usage_error(cmd, lang, msg,
                     "zicht merge [--suppress K] [--lang nl|en] [--format json|html] --out FILE A.json B.json ...");
}

}  // namespace

int run_aggregate(const std::vector<std::string>& args) {
  ProfileRun run;
  run.settings.profile.clear();
  run.settings.mode = "delen";  // an aggregate is always for sharing
  run.settings.suppress_k = privacy::kDefaultK;
  if (!find_lang(args, run.lang))
    return usage("aggregate", run.lang, text(run.lang, "cli.choices", {"--lang", "nl|en"}));
  const i18n::Lang lang = run.lang;
  std::string out, organisation, period;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    const Option taken = take_profile_option(args, i, run, error);
    if (taken == Option::usage_error) return usage("aggregate", lang, error);
    if (taken == Option::taken) continue;
    if (a == "--organisation") {
      if (!take_value(args, i, organisation)) return usage("aggregate", lang, text(lang, "cli.needs_name", {a}));
    } else if (a == "--period") {
      if (!take_value(args, i, period)) return usage("aggregate", lang, text(lang, "cli.needs_period", {a}));
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage("aggregate", lang, text(lang, "cli.needs_file", {a}));
    } else if (!a.empty() && a[0] == '-') {
      return usage("aggregate", lang, text(lang, "cli.unknown_option", {a}));
    } else {
      run.files.push_back(a);
    }
  }
  if (const std::string why = check_profile(run); !why.empty()) return usage("aggregate", lang, why);
  // One organisation's data: its one file, or (a profile with several record types) its files, one per table.
  const session::ProfileSpec* spec = session::find_profile(run.settings.profile);
  const bool several = spec && spec->tables.size() > 1;
  if (several ? run.files.empty() && run.tables.empty() : run.files.size() != 1)
    return usage("aggregate", lang, text(lang, "cli.aggregate_one_file"));
  if (out.empty()) return usage("aggregate", lang, text(lang, "cli.out_required", {"--out FILE.json"}));
  analysis::ResultSet set;
  if (const int rc = analyse("aggregate", run, set); rc != kExitOk) return rc;
  const int k = run.settings.suppress_k;
  const auto aggregate = privacy::make_aggregate(set, k, period, organisation);
  if (!write_file(out, aggregate.dump(2) + "\n")) {
    say("aggregate", text(lang, "cli.cannot_write", {out}));
    return kExitInput;
  }
  for (const auto& line : privacy::describe_aggregate(nlohmann::json::parse(aggregate.dump()), lang))
    std::cerr << line << "\n";
  return kExitOk;
}

int run_merge(const std::vector<std::string>& args) {
  int k = privacy::kDefaultK;
  i18n::Lang lang = i18n::Lang::nl;
  if (!find_lang(args, lang)) return usage("merge", lang, text(lang, "cli.choices", {"--lang", "nl|en"}));
  std::string out, format = "json";
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--suppress") {
      std::string why;
      if (!take_value(args, i, v)) return usage("merge", lang, text(lang, "cli.suppress_k", {""}));
      if (!parse_suppress_k(v, k, why, lang)) return usage("merge", lang, why);
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage("merge", lang, text(lang, "cli.needs_file", {a}));
    } else if (a == "--lang") {
      take_value(args, i, v);  // read by find_lang
    } else if (a == "--format") {
      if (!take_value(args, i, format) || (format != "json" && format != "html"))
        return usage("merge", lang, text(lang, "cli.choices", {a, "json|html"}));
    } else if (!a.empty() && a[0] == '-') {
      return usage("merge", lang, text(lang, "cli.unknown_option", {a}));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return usage("merge", lang, text(lang, "cli.merge_files"));
  if (out.empty()) return usage("merge", lang, text(lang, "cli.out_required", {"--out FILE"}));
  std::vector<nlohmann::json> aggregates;
  for (const auto& path : files) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      say("merge", text(lang, "cli.cannot_open", {path}));
      return kExitInput;
    }
    try {
      aggregates.push_back(nlohmann::json::parse(f));
    } catch (const nlohmann::json::exception& e) {
      say("merge", text(lang, "cli.not_json", {path, e.what()}));
      return kExitInput;
    }
    if (aggregates.back().value("schema", std::string()) != privacy::kAggregateSchema) {
      say("merge", text(lang, "cli.not_aggregate", {path, privacy::kAggregateSchema}));
      return kExitInput;
    }
  }
  analysis::ResultSet set;
  try {
    set = privacy::merge_aggregates(aggregates, k);
  } catch (const std::invalid_argument& e) {
    say("merge", e.what());  // privacy/aggregate.cpp's own (English) explanation of the clash
    return kExitInput;
  }
  const std::string body =
      format == "html" ? report::results_html(set, lang) : report::results_json(set, lang).dump(2) + "\n";
  if (!write_file(out, body)) {
    say("merge", text(lang, "cli.cannot_write", {out}));
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zicht::cli
