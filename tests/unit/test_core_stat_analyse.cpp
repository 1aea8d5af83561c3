// spec/formats.md §5: the profile test files as SPSS (.sav) and Stata (.dta) fixtures give the same `zicht analyse`
// JSON as the CSVs they were made from — inputs aside. "Inputs aside" means: the "input" block (names, hashes), the
// file names inside texts, and the column names in flags, which are the files' own variable names ("Kind_ID", whose
// variable label "Kind ID" is the CSV header; SPSS and Stata names cannot hold spaces). The mapping itself matches
// by the labels, so every result, count and test statistic is the same.
#include <iostream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/stat_reader.h"
#include "cli_test_support.h"
#include "stat_test_support.h"

using namespace zicht;
using namespace zicht_test;

namespace {


void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

// Variable names back to their labels (exact strings only) and the fixture's file names back to the CSV's.
void as_csv(nlohmann::json& j, const std::map<std::string, std::string>& names,
            const std::vector<std::pair<std::string, std::string>>& files) {
  if (j.is_object() || j.is_array()) {
    for (auto& x : j) as_csv(x, names, files);
  } else if (j.is_string()) {
    std::string s = j.get<std::string>();
    if (auto it = names.find(s); it != names.end()) s = it->second;
    for (auto& [from, to] : files) replace_all(s, from, to);
    j = s;
  }
}

// "" when equal, else the path of the first difference.
std::string first_difference(const nlohmann::json& a, const nlohmann::json& b, const std::string& path = "") {
  if (a.type() != b.type()) return path + ": type";
  if (a.is_object()) {
    for (auto& [k, v] : a.items()) {
      if (!b.contains(k)) return path + "/" + k + ": missing";
      std::string d = first_difference(v, b[k], path + "/" + k);
      if (!d.empty()) return d;
    }
    return a.size() == b.size() ? "" : path + ": keys";
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return path + ": length " + std::to_string(a.size()) + " vs " + std::to_string(b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      std::string d = first_difference(a[i], b[i], path + "/" + std::to_string(i));
      if (!d.empty()) return d;
    }
    return "";
  }
  return a == b ? "" : path + ": " + a.dump() + " vs " + b.dump();
}

void check_same_analysis(const std::string& profile, const std::vector<std::string>& stems, const std::string& ext) {
  INFO(profile << " " << ext);
  std::vector<std::string> csv_args{"analyse", "--profile", profile}, stat_args = csv_args;
  std::map<std::string, std::string> names;
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& stem : stems) {
    csv_args.push_back(data_path("profiles/" + stem + ".csv"));
    const std::string stat = data_path("stat/" + stem + ext);
    stat_args.push_back(stat);
    files.emplace_back(stem + ext, stem + ".csv");
    core::ReadResult r = core::read_file(stat);
    REQUIRE(r.ok());
    for (auto& c : r.report.columns)
      if (!c.label.empty()) names[c.name] = c.label;
  }
  std::string csv_out, stat_out;
  REQUIRE(cli_run(csv_args, csv_out) == 0);
  REQUIRE(cli_run(stat_args, stat_out) == 0);
  nlohmann::json a = nlohmann::json::parse(csv_out), b = nlohmann::json::parse(stat_out);
  REQUIRE(a["input"]["files"].size() == stems.size());
  for (size_t i = 0; i < stems.size(); ++i)
    CHECK(a["input"]["files"][i]["rows_used"] == b["input"]["files"][i]["rows_used"]);
  a.erase("input");
  b.erase("input");
  as_csv(b, names, files);
  CHECK(first_difference(a, b) == "");
  CHECK(!a["results"].empty());
}


}  // namespace

TEST_CASE("stat: binc modules and clients as .sav and .dta give the CSVs' analyse JSON") {
  if (!stat_in_this_build()) return;
  check_same_analysis("binc", {"binc_modules", "binc_clients"}, ".sav");
  check_same_analysis("binc", {"binc_modules", "binc_clients"}, ".dta");
}

TEST_CASE("stat: the SofS export as .sav and .dta gives the CSV's analyse JSON") {
  if (!stat_in_this_build()) return;
  check_same_analysis("sofs", {"sofs_export"}, ".sav");
  check_same_analysis("sofs", {"sofs_export"}, ".dta");
}
