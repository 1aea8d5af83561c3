// zicht demo --profile sofs|binc|matrix|kerndataset|evolutie|trajecten [--seed N] [--rows R] [--part P] [--with-characteristics]
//            [--lang nl|en] --out FILE
// Writes the built-in synthetic demo data (src/demo) as the profile's own CSV export. The file is written in
// pieces, so a 1,000,000-row benchmark file never has to fit in memory twice.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "demo/demo.h"
#include "session/registry.h"

namespace zicht::cli {

namespace {
int demo_usage(i18n::Lang lang, const std::string& msg) {
  return usage_error("demo", lang, msg,
                     "zicht demo --profile sofs|binc|matrix|kerndataset|evolutie|trajecten [--seed N] [--rows R] "
                     "[--part modules|clients|cells|characteristics|support_forms|legend|"
                     "ouder|kind|opvolging|zelfevaluatie|casus|meting|telling|fase|instrument|registratie] "
                     "[--with-characteristics] [--lang nl|en] --out FILE");
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
  i18n::Lang lang = i18n::Lang::nl;
  if (!find_lang(args, lang)) return demo_usage(lang, text(lang, "cli.choices", {"--lang", "nl|en"}));
  std::string out_path;
  bool have_profile = false, have_part = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (a == "--profile") {
      if (!take_value(args, i, v)) return demo_usage(lang, text(lang, "cli.needs_value", {a}));
      opt.profile = v;
      have_profile = true;
    } else if (a == "--seed" || a == "--rows") {
      if (!take_value(args, i, v) || !parse_u64(v, a == "--seed" ? opt.seed : opt.rows))
        return demo_usage(lang, text(lang, "cli.needs_count", {a}));
    } else if (a == "--part") {
      if (!take_value(args, i, v)) return demo_usage(lang, text(lang, "cli.needs_value", {a}));
      opt.part = v;
      have_part = true;
    } else if (a == "--with-characteristics") {
      opt.characteristics_in_modules = true;
    } else if (a == "--out") {
      if (!take_value(args, i, v)) return demo_usage(lang, text(lang, "cli.needs_file", {a}));
      out_path = v;
    } else if (a == "--lang") {
      take_value(args, i, v);  // read by find_lang
    } else {
      return demo_usage(lang, text(lang, "cli.unknown_option", {a}));
    }
  }
  if (!have_profile) return demo_usage(lang, text(lang, "cli.missing_option", {"--profile"}));
  // The profiles with a built-in demo, and the tables it has (src/session/registry.h), plus those the generators
  // know before the app registers them (kerndataset, evolutie, trajecten).
  auto generator_knows = [](const std::string& id) {
    const auto& ids = demo::demo_profiles();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  const session::ProfileSpec* spec = session::find_profile(opt.profile);
  if ((!spec || spec->demo.empty()) && !generator_knows(opt.profile)) {
    std::string names;
    for (const auto& p : session::profiles())
      if (!p.demo.empty()) names += (names.empty() ? "" : "|") + p.id;
    for (const auto& id : demo::demo_profiles())
      if (!session::find_profile(id)) names += (names.empty() ? "" : "|") + id;
    return demo_usage(lang, text(lang, "cli.choices", {"--profile", names}));
  }

  if (out_path.empty()) return demo_usage(lang, text(lang, "cli.missing_option", {"--out"}));
  if (opt.profile == "sofs" && (have_part || opt.characteristics_in_modules))
    return demo_usage(lang, text(lang, "cli.demo_binc_only"));
  if (opt.part == "clients" && opt.characteristics_in_modules)
    return demo_usage(lang, text(lang, "cli.demo_modules_only"));
  if (!demo::validate_options(opt).empty())  // an unknown --part, or a profile the generator does not know
    return demo_usage(lang, opt.profile == "binc"     ? text(lang, "cli.choices", {"--part", "modules|clients"})
                            : opt.profile == "matrix" ? text(lang, "cli.choices",
                                                             {"--part", "cells|characteristics|support_forms|legend"})
                            : opt.profile == "kerndataset"
                                ? text(lang, "cli.choices", {"--part", "ouder|kind|opvolging|zelfevaluatie|casus"})
                            : opt.profile == "evolutie"
                                ? text(lang, "cli.choices", {"--part", "meting|telling|fase|instrument"})
                            : opt.profile == "procesflow"
                                ? text(lang, "cli.choices", {"--part", "overleg|aanwezigheid|thema|bevinding|"
                                                                       "actiepunt|aanbeveling|stemming|stelling|citaat"})
                            : opt.profile == "trajecten" ? text(lang, "cli.choices", {"--part", "registratie"})
                                : text(lang, "cli.choices", {"--profile", "sofs|binc|matrix|kerndataset|evolutie|trajecten|procesflow"}));

  std::FILE* f = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
  if (!f) {
    say("demo", text(lang, "cli.cannot_write", {out_path}));
    return kExitInput;
  }
  bool write_ok = true;
  uint64_t rows = demo::generate_csv_chunks(opt, [&](std::string_view piece) {
    if (write_ok && std::fwrite(piece.data(), 1, piece.size(), f) != piece.size()) write_ok = false;
  });
  if (f != stdout && std::fclose(f) != 0) write_ok = false;
  if (!write_ok) {
    say("demo", text(lang, "cli.cannot_write", {out_path}));
    return kExitInput;
  }
  say("demo", text(lang, "cli.demo_written", {std::to_string(rows), out_path, std::to_string(opt.seed)}));
  return kExitOk;
}

}  // namespace zicht::cli
