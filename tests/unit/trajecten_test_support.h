// Shared by the trajecten analysis tests: run the profile on CSV text (or a file) as the app and the CLI do, and
// read cells of its results.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "analysis/trajecten.h"
#include "core/reader.h"
#include "demo/demo.h"
#include "session/registry.h"
#include "session/run.h"

namespace trajecten_test {

using namespace zicht;

struct Run {
  core::ReadResult read;
  analysis::ResultSet set;
};

inline std::unique_ptr<Run> run_csv(const std::string& csv, const std::string& as_of = "",
                                    const nlohmann::json& settings = nlohmann::json(), const std::string& name = "t.csv") {
  auto r = std::make_unique<Run>();
  r->read = core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
  REQUIRE(r->read.ok());
  analysis::Settings s;
  s.profile = "trajecten";
  s.as_of = as_of;
  if (!settings.is_null()) s.werkmap = {{"schema", "zicht.werkmap/2"}, {"profiles", {{"trajecten", {{"settings", settings}}}}}};
  std::string error;
  REQUIRE(session::analyse(*session::find_profile("trajecten"), {{"registratie", name, &r->read}}, s, r->set, error));
  return r;
}

inline std::unique_ptr<Run> run_demo(uint64_t seed, const nlohmann::json& settings = nlohmann::json()) {
  return run_csv(demo::trajecten_csv(demo::generate_trajecten(seed)), "2025-03-31", settings, "demo_trajecten.csv");
}

inline std::string file_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f.good());
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline const analysis::Result& result(const analysis::ResultSet& rs, const std::string& id) {
  const analysis::Result* r = rs.find(id);
  REQUIRE(r);
  return *r;
}

inline const analysis::Table& table(const analysis::ResultSet& rs, const std::string& rid, const std::string& tid) {
  for (const auto& t : result(rs, rid).tables)
    if (t.id == tid) return t;
  FAIL("no table " << tid << " in " << rid);
  throw;
}

// The number in column `column` of the row whose first cell starts with `label`.
inline double cell(const analysis::Table& t, const std::string& label, const std::string& column) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  for (const auto& row : t.rows)
    if (row[0].s.rfind(label, 0) == 0) return row[size_t(c)].as_double();
  FAIL("no row " << label << " in " << t.id);
  throw;
}

inline long rule_count(const analysis::ResultSet& rs, const std::string& rule) {
  long n = 0;
  for (const auto& f : result(rs, "trajecten.quality").flags) n += f.rule == rule;
  return n;
}

}  // namespace trajecten_test
