// zicht inspect [--profile P [--settings S.json] [--as-of YYYY-MM-DD]] [--encoding E] [--delimiter D]
//               [--header yes|no] [--type COL=TYPE]... [--sheet NAME|NUMBER] [--header-row N] [--lang nl|en] FILE
// Prints the reader's report as JSON (SPEC §7): "sniff" says what was detected and why (format, encoding, delimiter,
// quote, header: value, reason code, evidence, English text), "notes" the notes in English with "note_codes" next to
// them (the JSON's texts stay English whatever --lang says: codes and English are its stable form); with a profile
// also "kind" (the record type: the table `--table NAME=FILE` would name) with its "score", "mapping" and
// "validation". Messages on standard error in --lang (default Dutch). Exit 1 when the input cannot be read or
// required fields cannot be mapped, 2 on usage errors.
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
int usage(i18n::Lang lang, const std::string& msg) {
  return usage_error("inspect", lang, msg,
                     "zicht inspect [--profile " + session::profile_names_joined("|") +
                         " [--settings S.json] [--as-of YYYY-MM-DD]] "
                         "[--encoding utf-8|utf-16le|utf-16be|windows-1252] [--delimiter C] "
                         "[--header yes|no] [--type COLUMN=integer|decimal|date|boolean|categorical|text] "
                         "[--sheet NAME|NUMBER] [--header-row N] [--lang nl|en] FILE");
}
}  // namespace

int run_inspect(const std::vector<std::string>& args) {
  i18n::Lang lang = i18n::Lang::nl;
  if (!find_lang(args, lang)) return usage(lang, text(lang, "cli.choices", {"--lang", "nl|en"}));
  core::ReadOptions opt;
  std::string file, profile, settings_path;
  std::optional<int32_t> as_of;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--profile") {
      if (!take_value(args, i, v) || (v != "generic" && !session::find_profile(v)))
        return usage(lang, text(lang, "cli.choices", {a, session::profile_names_joined("|")}));
      profile = v;
    } else if (a == "--settings") {
      if (!take_value(args, i, settings_path)) return usage(lang, text(lang, "cli.needs_file", {a}));
    } else if (a == "--as-of") {
      int32_t d;
      if (!take_value(args, i, v) || !core::parse_iso_date(v, d)) return usage(lang, text(lang, "cli.needs_date", {a}));
      as_of = d;
    } else if (a == "--encoding") {
      core::Encoding e;
      if (!take_value(args, i, v) || !core::parse_encoding(v, e))
        return usage(lang, text(lang, "cli.choices", {a, "utf-8|utf-16le|utf-16be|windows-1252"}));
      opt.encoding = e;
    } else if (a == "--delimiter") {
      if (!take_value(args, i, v)) return usage(lang, text(lang, "cli.needs_value", {a}));
      if (v == "\\t" || v == "tab") v = "\t";
      if (v.size() != 1) return usage(lang, text(lang, "cli.one_character", {a}));
      opt.delimiter = v[0];
    } else if (a == "--header") {
      if (!take_value(args, i, v) || (v != "yes" && v != "no"))
        return usage(lang, text(lang, "cli.choices", {a, "yes|no"}));
      opt.header = v == "yes";
    } else if (a == "--sheet") {
      if (!take_value(args, i, opt.sheet) || opt.sheet.empty())
        return usage(lang, text(lang, "cli.needs_form", {a, "NAME|NUMBER"}));
    } else if (a == "--header-row") {
      if (!take_value(args, i, v) || !parse_header_row(v, opt.header_row))
        return usage(lang, text(lang, "cli.header_row", {a}));
    } else if (a == "--type") {
      if (!take_value(args, i, v)) return usage(lang, text(lang, "cli.needs_form", {a, "COLUMN=TYPE"}));
      auto eq = v.rfind('=');
      core::ColumnType t;
      if (eq == std::string::npos || !core::parse_column_type(v.substr(eq + 1), t))
        return usage(lang, text(lang, "cli.needs_form", {a, "COLUMN=TYPE"}));
      opt.type_overrides[v.substr(0, eq)] = t;
    } else if (a == "--lang") {
      take_value(args, i, v);  // read by find_lang
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      return usage(lang, text(lang, "cli.unknown_option", {a}));
    } else {
      if (!file.empty()) return usage(lang, text(lang, "cli.one_file"));
      file = a;
    }
  }
  if (file.empty()) return usage(lang, text(lang, "cli.missing_file"));
  // The werkmap (with --settings): its mapping for --profile, and the sheet / header row it remembers for a workbook
  // (--sheet and --header-row win).
  core::Werkmap werkmap;
  if (!settings_path.empty()) {
    std::ifstream in(settings_path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string error;
    if (!in) {
      say("inspect", text(lang, "cli.settings_open", {settings_path}));
      return kExitUsage;
    }
    if (!core::Werkmap::parse(ss.str(), werkmap, error)) {
      say("inspect", text(lang, "cli.settings_unusable", {settings_path, error}));
      return kExitUsage;
    }
  }
  const core::FileRead remembered = werkmap.file_read(file);
  if (opt.sheet.empty()) opt.sheet = remembered.sheet;
  if (opt.header_row == 0) opt.header_row = remembered.header_row;
  core::ReadResult r = core::read_file(file, opt);
  if (!r.ok()) {
    say("inspect", core::render_status(r.status, file, lang));
    std::cout << core::inspect_json(r).dump(2) << "\n";
    return kExitInput;
  }
  nlohmann::json out = core::inspect_json(r);
  if (!profile.empty()) {
    core::ProfileSettings ps;
    ps.overrides = werkmap.overrides(profile);
    ps.as_of = as_of ? as_of : werkmap.as_of();
    std::string error;
    if (!core::add_profile_inspect(out, r, profile, ps, error, lang)) {
      say("inspect", error);
      std::cout << out.dump(2) << "\n";
      return kExitInput;
    }
  }
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace zicht::cli
