#include "cli/profile_run.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>

#include "analysis/explore.h"
#include "cli/commands.h"
#include "cli/delen.h"
#include "core/mapping.h"
#include "core/werkmap.h"
#include "session/run.h"

namespace zicht::cli {
namespace {

// NAME=FILE → {NAME, FILE}; false when either side is empty.
bool split_assignment(const std::string& v, std::pair<std::string, std::string>& out) {
  const size_t eq = v.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) return false;
  out = {v.substr(0, eq), v.substr(eq + 1)};
  return true;
}

std::vector<std::string> column_names(const core::Table& t) {
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  return names;
}

}  // namespace

Option take_profile_option(const std::vector<std::string>& args, size_t& i, ProfileRun& run, std::string& error) {
  const std::string& a = args[i];
  const i18n::Lang lang = run.lang;
  auto fail = [&](std::string why) {
    error = std::move(why);
    return Option::usage_error;
  };
  std::string v;
  if (a == "--profile") {
    if (!take_value(args, i, run.settings.profile)) return fail(text(lang, "cli.needs_value", {a}));
  } else if (a == "--clients") {
    if (!take_value(args, i, v)) return fail(text(lang, "cli.needs_file", {a}));
    run.tables.push_back({"clients", v});
  } else if (a == "--table") {
    std::pair<std::string, std::string> t;
    if (!take_value(args, i, v) || !split_assignment(v, t)) return fail(text(lang, "cli.needs_form", {a, "NAME=FILE"}));
    run.tables.push_back(std::move(t));
  } else if (a == "--link") {
    std::pair<std::string, std::string> l;
    if (!take_value(args, i, v) || !split_assignment(v, l))
      return fail(text(lang, "cli.needs_form", {a, "PROFILE=FILE"}));
    run.links.push_back(std::move(l));
  } else if (a == "--settings") {
    if (!take_value(args, i, run.settings_path)) return fail(text(lang, "cli.needs_file", {a}));
  } else if (a == "--sheet") {
    if (!take_value(args, i, run.read.sheet) || run.read.sheet.empty())
      return fail(text(lang, "cli.needs_form", {a, "NAME|NUMBER"}));
  } else if (a == "--header-row") {
    if (!take_value(args, i, v) || !parse_header_row(v, run.read.header_row))
      return fail(text(lang, "cli.header_row", {a}));
  } else if (a == "--as-of") {
    if (!take_value(args, i, v) || !std::regex_match(v, std::regex(R"(\d{4}-\d{2}-\d{2})")))
      return fail(text(lang, "cli.needs_date", {a}));
    run.settings.as_of = v;
  } else if (a == "--suppress") {
    if (!take_value(args, i, v)) return fail(text(lang, "cli.suppress_k", {""}));
    if (!parse_suppress_k(v, run.settings.suppress_k, error, lang)) return Option::usage_error;
    run.settings.mode = "delen";
  } else if (a == "--lang") {
    take_value(args, i, v);  // read (and checked) by find_lang before parsing
  } else {
    return Option::not_ours;
  }
  return Option::taken;
}

std::string check_profile(const ProfileRun& run) {
  const i18n::Lang lang = run.lang;
  const std::string& p = run.settings.profile;
  const std::string known = session::profile_names_joined(", ");
  if (p.empty()) return text(lang, "cli.profile_required", {known});
  const session::ProfileSpec* spec = session::find_profile(p);
  if (!spec && p != "generic") return text(lang, "cli.unknown_profile", {p, known});
  for (const auto& [name, file] : run.tables) {
    if (spec && spec->table(name)) continue;
    if (name == "clients" && !spec) return text(lang, "cli.clients_generic");
    std::string tables;
    if (spec)
      for (const auto& t : spec->tables) {
        tables += (tables.empty() ? "" : ", ") + t.id;
        for (const auto& a : t.alternatives) tables += ", " + a;
      }
    return tables.empty() ? text(lang, "cli.table_none", {name, p})
                          : text(lang, "cli.table_unknown", {name, p, tables});
  }
  for (size_t l = 0; l < run.links.size(); ++l) {
    const auto& [profile, file] = run.links[l];
    std::string links;
    bool ok = false;
    if (spec)
      for (const auto& id : spec->links) {
        ok = ok || id == profile;
        links += (links.empty() ? "" : ", ") + id;
      }
    if (!ok)
      return links.empty() ? text(lang, "cli.link_none", {profile, file, p})
                           : text(lang, "cli.link_undeclared", {profile, file, p, links});
    for (size_t m = 0; m < l; ++m)
      if (run.links[m].first == profile) return text(lang, "cli.link_twice", {profile});
  }
  return {};
}

int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set) {
  const i18n::Lang lang = run.lang;
  // The werkmap in its canonical form (older versions migrated, defaults filled in): the app's session holds the
  // same document, so the provenance of the same choices is the same on screen and here.
  core::Werkmap werkmap;
  if (!run.settings_path.empty()) {
    std::ifstream f(run.settings_path, std::ios::binary);
    if (!f) {
      say(command, text(lang, "cli.settings_open", {run.settings_path}));
      return kExitInput;
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(f);
    } catch (const nlohmann::json::exception& e) {
      say(command, text(lang, "cli.not_json", {run.settings_path, e.what()}));
      return kExitInput;
    }
    if (doc.is_object() && !doc.contains("schema")) doc["schema"] = core::Werkmap::kSchema;
    std::string error;
    if (!core::Werkmap::from_json(doc, werkmap, error)) {
      say(command, text(lang, "cli.settings_unusable", {run.settings_path, error}));
      return kExitInput;
    }
  }
  if (run.adjust_werkmap) run.adjust_werkmap(werkmap);
  run.settings.werkmap = werkmap.doc();
  const session::ProfileSpec* spec = session::find_profile(run.settings.profile);
  // Every file, with the table it is: named with --table, else by its columns (the profile's primary table when
  // they fit no other record type of it).
  struct Given {
    std::string path, table;
  };
  std::vector<Given> given;
  for (const auto& f : run.files) given.push_back({f, ""});
  for (const auto& [table, f] : run.tables) given.push_back({f, table});
  run.data.clear();
  run.data.reserve(given.size() + run.links.size());  // inputs point into data: no reallocation
  for (auto& g : given) {
    // A workbook's sheet and header row: --sheet / --header-row, else what the werkmap remembers for the file.
    core::ReadOptions read = run.read;
    const core::FileRead remembered = werkmap.file_read(g.path);
    if (read.sheet.empty()) read.sheet = remembered.sheet;
    if (read.header_row == 0) read.header_row = remembered.header_row;
    run.data.push_back(core::read_file(g.path, read));
    if (!run.data.back().ok()) {
      say(command, core::render_status(run.data.back().status, g.path, lang));
      return kExitInput;
    }
    if (spec && g.table.empty()) {
      const std::vector<std::string> labels = core::column_labels(run.data.back().report);
      const session::Detected d = session::detect(column_names(run.data.back().table), &labels);
      g.table = d.profile == spec->id && !d.table.empty() ? d.table : spec->tables.front().id;
    }
  }
  run.inputs.clear();
  if (!spec) {  // generic: every file described
    for (size_t i = 0; i < given.size(); ++i)
      run.inputs.push_back({std::filesystem::path(given[i].path).filename().string(), &run.data[i]});
    set = analysis::explore(run.inputs, run.settings);
  } else {
    std::vector<session::TableInput> inputs;
    for (const auto& t : spec->tables) {
      for (size_t i = 0; i < given.size(); ++i) {
        if (!t.accepts(given[i].table)) continue;
        for (const auto& in : inputs)
          if (t.accepts(in.table)) {
            say(command, text(lang, "cli.table_twice", {given[i].path, t.id, spec->id}));
            return kExitUsage;
          }
        inputs.push_back({given[i].table, std::filesystem::path(given[i].path).filename().string(), &run.data[i]});
        run.inputs.push_back({inputs.back().name, &run.data[i]});
      }
    }
    // Each linked file, read and mapped as its own profile's primary table; a problem names the flag and the file.
    std::vector<session::LinkInput> links;
    std::vector<std::optional<core::MappedDataset>> linked(run.links.size());
    for (size_t l = 0; l < run.links.size(); ++l) {
      const auto& [profile, path] = run.links[l];
      const std::string flag = "--link " + profile + "=" + path;
      run.data.push_back(core::read_file(path));
      if (!run.data.back().ok()) {
        say(command, flag + ": " + core::render_status(run.data.back().status, path, lang));
        return kExitInput;
      }
      session::LinkInput link{profile, std::filesystem::path(path).filename().string(), &run.data.back(), nullptr};
      i18n::Message why;
      if (!session::map_link(link, run.settings, linked[l], why)) {
        say(command, flag + ": " + why.text(lang));
        return kExitInput;
      }
      link.mapped = &*linked[l];
      links.push_back(link);
      run.inputs.push_back({link.name, link.data});
    }
    i18n::Message error;
    if (!session::analyse(*spec, inputs, links, run.settings, set, error)) {
      say(command, error.text(lang));
      return kExitInput;
    }
  }
  if (run.settings.mode == "delen") apply_delen(set, run.inputs, run.settings.suppress_k);
  return kExitOk;
}

bool write_file(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  return static_cast<bool>(f);
}

}  // namespace zicht::cli
