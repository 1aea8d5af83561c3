// zicht analyse --profile P [--table NAME=FILE] [--clients FILE] [--link PROFILE=FILE] [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]
//               [--format json|csv|html|sheet] [--person ID] [--out PATH] [--decimal-comma] FILE...
// Runs every analysis of the profile and writes the results (SPEC §7). `--format sheet` (evolutie, Intern only) writes
// the printable one-page sheet of one person instead: --person ID, else the werkmap's settings.evolutie.person, else
// the analysis' default. Exit 0 when it ran (flagged cells are in
// the output), 1 when an input cannot be read, 2 on usage errors. Messages and labels in --lang (default Dutch).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "analysis/evolutie.h"
#include "cli/profile_run.h"
#include "report/csv_export.h"
#include "report/html_export.h"
#include "report/json_export.h"
#include "report/person_sheet.h"
#include "session/registry.h"

namespace zicht::cli {
namespace {

int usage(i18n::Lang lang, const std::string& msg) {
  return usage_error("analyse", lang, msg,
                     "zicht analyse --profile " + session::profile_names_joined("|") +
                         " [--table NAME=FILE] [--clients FILE] [--link PROFILE=FILE]\n"
                         "                     [--settings S.json] [--as-of YYYY-MM-DD] [--suppress K] [--lang nl|en]\n"
                         "                     [--sheet NAME|NUMBER] [--header-row N]\n"
                         "                     [--format json|csv|html|sheet] [--person ID] [--out PATH] [--decimal-comma] FILE...");
}

}  // namespace

int run_analyse(const std::vector<std::string>& args) {
  ProfileRun run;
  run.settings.profile.clear();
  if (!find_lang(args, run.lang)) return usage(run.lang, text(run.lang, "cli.choices", {"--lang", "nl|en"}));
  const i18n::Lang lang = run.lang;
  std::string format = "json", out, person;
  bool person_given = false;
  bool decimal_comma = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    const Option taken = take_profile_option(args, i, run, error);
    if (taken == Option::usage_error) return usage(lang, error);
    if (taken == Option::taken) continue;
    if (a == "--format") {
      if (!take_value(args, i, format) || (format != "json" && format != "csv" && format != "html" && format != "sheet"))
        return usage(lang, text(lang, "cli.choices", {a, "json|csv|html|sheet"}));
    } else if (a == "--person") {
      if (!take_value(args, i, person) || person.empty()) return usage(lang, text(lang, "cli.needs_value", {a}));
      person_given = true;
    } else if (a == "--out") {
      if (!take_value(args, i, out)) return usage(lang, text(lang, "cli.needs_path", {a}));
    } else if (a == "--decimal-comma") {
      decimal_comma = true;
    } else if (!a.empty() && a[0] == '-') {
      return usage(lang, text(lang, "cli.unknown_option", {a}));
    } else {
      run.files.push_back(a);
    }
  }
  if (const std::string why = check_profile(run); !why.empty()) return usage(lang, why);
  if (run.files.empty() && run.tables.empty()) return usage(lang, text(lang, "cli.missing_file"));
  if (format == "csv" && out.empty()) return usage(lang, text(lang, "cli.csv_needs_out"));
  const bool evolutie = run.settings.profile == "evolutie";
  if (format == "sheet" && !evolutie) return usage(lang, text(lang, "cli.sheet_evolutie_only"));
  if (person_given && !evolutie) return usage(lang, text(lang, "cli.person_evolutie_only"));
  // The sheet is a list of one person's scores: never in Delen (spec/shared-rules.md), so refused before any reading.
  if (format == "sheet" && run.settings.mode == "delen") return usage(lang, text(lang, "cli.sheet_intern_only"));
  if (person_given)
    run.adjust_werkmap = [&person](core::Werkmap& w) {
      analysis::evolutie::Options o = analysis::evolutie::Options::from_werkmap(w);
      o.person = person;
      o.store(w);
    };

  analysis::ResultSet set;
  if (const int rc = analyse("analyse", run, set); rc != kExitOk) return rc;

  if (format == "csv") {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    report::CsvOptions opt = decimal_comma ? report::CsvOptions::excel_be() : report::CsvOptions{};
    for (const auto& f : report::results_csv(set, lang, opt)) {
      const std::string path = (std::filesystem::path(out) / f.name).string();
      if (!write_file(path, f.content)) {
        say("analyse", text(lang, "cli.cannot_write", {path}));
        return kExitInput;
      }
    }
    return kExitOk;
  }
  std::string body;
  if (format == "sheet") {
    const analysis::Result* sheet = set.find("evolutie.person");
    // An unknown --person would silently print someone else's page (the analysis falls back to the first person).
    const analysis::Table* who = nullptr;
    if (sheet)
      for (const auto& t : sheet->tables)
        if (t.id == "who") who = &t;
    if (person_given && (!who || who->rows.empty() || who->rows.front().front().s != person)) {
      say("analyse", text(lang, "cli.person_unknown", {person}));
      return kExitUsage;
    }
    body = sheet ? report::person_sheet_html(*sheet, set.provenance, lang) : std::string();
  } else {
    body = format == "html" ? report::results_html(set, lang) : report::results_json(set, lang).dump(2) + "\n";
  }
  if (out.empty()) {
    std::cout << body;
  } else if (!write_file(out, body)) {
    say("analyse", text(lang, "cli.cannot_write", {out}));
    return kExitInput;
  }
  return kExitOk;
}

}  // namespace zicht::cli
