#include "cli/profile_run.h"

#include <filesystem>
#include <fstream>
#include <iostream>
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
  auto fail = [&](std::string why) {
    error = std::move(why);
    return Option::usage_error;
  };
  std::string v;
  if (a == "--profile") {
    if (!take_value(args, i, run.settings.profile)) return fail("--profile needs a value");
  } else if (a == "--clients") {
    if (!take_value(args, i, v)) return fail("--clients needs a file");
    run.tables.push_back({"clients", v});
  } else if (a == "--table") {
    std::pair<std::string, std::string> t;
    if (!take_value(args, i, v) || !split_assignment(v, t)) return fail("--table needs NAME=FILE");
    run.tables.push_back(std::move(t));
  } else if (a == "--link") {
    std::pair<std::string, std::string> l;
    if (!take_value(args, i, v) || !split_assignment(v, l)) return fail("--link needs PROFILE=FILE");
    run.links.push_back(std::move(l));
  } else if (a == "--settings") {
    if (!take_value(args, i, run.settings_path)) return fail("--settings needs a file");
  } else if (a == "--as-of") {
    if (!take_value(args, i, v) || !std::regex_match(v, std::regex(R"(\d{4}-\d{2}-\d{2})")))
      return fail("--as-of needs a date YYYY-MM-DD");
    run.settings.as_of = v;
  } else if (a == "--suppress") {
    if (!take_value(args, i, v)) return fail("--suppress needs a number k >= 2");
    if (!parse_suppress_k(v, run.settings.suppress_k, error)) return Option::usage_error;
    run.settings.mode = "delen";
  } else {
    return Option::not_ours;
  }
  return Option::taken;
}

std::string check_profile(const ProfileRun& run) {
  const std::string& p = run.settings.profile;
  const std::string known = session::profile_names_joined(", ");
  if (p.empty()) return "--profile is required (" + known + ")";
  const session::ProfileSpec* spec = session::find_profile(p);
  if (!spec && p != "generic") return "unknown profile '" + p + "'; use " + known;
  for (const auto& [name, file] : run.tables) {
    if (spec && spec->table(name)) continue;
    std::string tables;
    if (spec)
      for (const auto& t : spec->tables) tables += (tables.empty() ? "" : ", ") + t.id;
    if (name == "clients" && !spec) return "--clients belongs to a profile with a clients table";
    return "--table " + name + ": profile '" + p + "' has " +
           (tables.empty() ? std::string("no tables") : "the tables " + tables);
  }
  for (const auto& [profile, file] : run.links) {
    bool ok = false;
    if (spec)
      for (const auto& l : spec->links) ok = ok || l == profile;
    if (!ok) return "--link " + profile + ": profile '" + p + "' does not link to it";
  }
  return {};
}

int analyse(const char* command, ProfileRun& run, analysis::ResultSet& set) {
  // The werkmap in its canonical form (older versions migrated, defaults filled in): the app's session holds the
  // same document, so the provenance of the same choices is the same on screen and here.
  core::Werkmap werkmap;
  if (!run.settings_path.empty()) {
    std::ifstream f(run.settings_path, std::ios::binary);
    if (!f) {
      std::cerr << "zicht " << command << ": " << run.settings_path << ": cannot open the settings file\n";
      return kExitInput;
    }
    nlohmann::json doc;
    try {
      doc = nlohmann::json::parse(f);
    } catch (const nlohmann::json::exception& e) {
      std::cerr << "zicht " << command << ": " << run.settings_path << ": not valid JSON (" << e.what() << ")\n";
      return kExitInput;
    }
    if (doc.is_object() && !doc.contains("schema")) doc["schema"] = core::Werkmap::kSchema;
    std::string error;
    if (!core::Werkmap::from_json(doc, werkmap, error)) {
      std::cerr << "zicht " << command << ": " << run.settings_path << ": " << error << "\n";
      return kExitInput;
    }
  }
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
  run.data.reserve(given.size());  // inputs point into data: no reallocation
  for (auto& g : given) {
    run.data.push_back(core::read_file(g.path));
    if (!run.data.back().ok()) {
      std::cerr << "zicht " << command << ": " << core::render_status(run.data.back().status, g.path, run.lang) << "\n";
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
        if (given[i].table != t.id) continue;
        for (const auto& in : inputs)
          if (in.table == t.id) {
            std::cerr << "zicht " << command << ": " << given[i].path << " and another file are both the "
                      << t.id << " table of profile '" << spec->id << "' (name them with --table NAME=FILE)\n";
            return kExitUsage;
          }
        inputs.push_back({t.id, std::filesystem::path(given[i].path).filename().string(), &run.data[i]});
        run.inputs.push_back({inputs.back().name, &run.data[i]});
      }
    }
    std::string error;
    if (!session::analyse(*spec, inputs, run.settings, set, error)) {
      std::cerr << "zicht " << command << ": " << error << "\n";
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
