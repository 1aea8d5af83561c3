// The demo files are the profiles' own exports: they read with the reader and map with the schemas without any
// mapping changes; same seed → same bytes; scaling keeps the format.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "core/schema.h"
#include "demo/demo.h"

using namespace zicht;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

core::ReadResult read(const std::string& csv, const std::string& name) {
  return core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size());
}

// Reads and maps `csv` as `profile` (kind), and checks: ';' dialect, every column mapped exactly, required fields
// present, no value outside a code list, nothing excluded.
core::MappedDataset check_maps(const std::string& csv, const std::string& profile, const std::string& kind,
                               core::ReadResult& r, size_t expected_rows) {
  r = read(csv, profile + "_" + kind + ".csv");
  REQUIRE(r.ok());
  CHECK(r.report.dialect.delimiter == ';');
  CHECK(r.report.rows_in == int64_t(expected_rows));
  const core::Schema* schema = core::find_schema(profile);
  REQUIRE(schema);
  core::MappedDataset ds = core::map_file(r, *schema, core::ProfileSettings{}, kind);
  CHECK(ds.mapping.kind == kind);
  CHECK(ds.mapping.ok());
  CHECK(ds.mapping.missing_required.empty());
  int mapped = 0;
  for (const auto& f : ds.mapping.fields) {
    if (!f.mapped()) continue;
    ++mapped;
    INFO(f.field << " <- " << f.column);
    CHECK(f.method == "exact");
  }
  CHECK(mapped == int(r.table.columns.size()));  // every column found its field
  for (const auto& u : ds.unlisted) {
    INFO(u.field << ": " << u.value);
    CHECK(false);
  }
  CHECK(ds.validation.rows_excluded == 0);
  return ds;
}

}  // namespace

TEST_CASE("demo sofs CSV reads and maps with no mapping changes") {
  core::ReadResult r;
  std::string csv = demo::generate_csv({"sofs"});
  core::MappedDataset ds = check_maps(csv, "sofs", "trajecten", r, 370);
  // The as-of date derived from the data is the end of the extract (5 October 2023).
  CHECK(ds.as_of == core::days_from_civil(2023, 10, 5));
  // Dates in the meeting-count column are read as "≥ 1, count unknown", not as invalid.
  const core::MappedField* meetings = ds.field("netwerkberaden");
  REQUIRE(meetings->mapped());
  int dates = 0, counts = 0;
  for (size_t i = 0; i < ds.rows(); ++i) {
    dates += meetings->kind[i] == core::CellKind::Yes;
    counts += meetings->kind[i] == core::CellKind::Value;
  }
  CHECK(dates == 91);
  CHECK(counts == 246);
  // Closed trajectories (einddatum a date) and plan B codes recoded from the dashboard wording.
  const core::MappedField* end = ds.field("einddatum");
  int closed = 0;
  for (size_t i = 0; i < ds.rows(); ++i) closed += end->kind[i] == core::CellKind::Value;
  CHECK(closed == 236);
  const core::MappedField* planb = ds.field("plan_b");
  int netwerk = 0;
  for (size_t i = 0; i < ds.rows(); ++i)
    netwerk += planb->kind[i] == core::CellKind::Value && planb->values[size_t(planb->value[i])] == "netwerk";
  CHECK(netwerk == 37 + 38 + 60);
  // Round trip of the step cells: the all-11-steps composite read back from the CSV is 67 of 236 closed, and the
  // adult plan `valid` 126/185 (the structured counts are checked in test_demo_targets.cpp).
  int composite = 0, adult = 0, adult_valid = 0;
  for (size_t i = 0; i < ds.rows(); ++i) {
    if (end->kind[i] != core::CellKind::Value) continue;
    bool all = meetings->kind[i] == core::CellKind::Yes ||
               (meetings->kind[i] == core::CellKind::Value && meetings->value[i] >= 1);
    for (const char* step : demo::kStepIds) all = all && ds.field(step)->taken(i);
    composite += all;
    const core::MappedField* plan = ds.field("veiligheidsplan_volwassenen");
    adult += plan->taken(i);
    adult_valid += plan->kind[i] != core::CellKind::Missing;
  }
  CHECK(composite == 67);
  CHECK(adult == 126);
  CHECK(adult_valid == 185);
}

TEST_CASE("demo binc CSVs (modules, clients, modules with characteristics) read and map") {
  core::ReadResult r1, r2, r3;
  check_maps(demo::generate_csv({"binc", 2023, 0, "modules"}), "binc", "modules", r1, 1365);
  check_maps(demo::generate_csv({"binc", 2023, 0, "clients"}), "binc", "clients", r2, 368);
  demo::DemoOptions with;
  with.profile = "binc";
  with.characteristics_in_modules = true;
  core::MappedDataset ds = check_maps(demo::generate_csv(with), "binc", "modules", r3, 1365);
  CHECK(ds.field("schuldenlast")->mapped());
  CHECK(ds.field("arbeidssituatie")->mapped());
  // "Niet van toepassing" is a real organisation type (Table 6), not a missing value.
  const core::MappedField* type = ds.field("vzb_organisatietype");
  int nvt_cells = 0;
  for (size_t i = 0; i < ds.rows(); ++i) nvt_cells += type->kind[i] == core::CellKind::NotApplicable;
  CHECK(nvt_cells == 0);
}

TEST_CASE("demo templates read and map with no mapping changes") {
  core::ReadResult r;
  check_maps(slurp(ZICHT_SOURCE_DIR "/assets/templates/sofs.csv"), "sofs", "trajecten", r, 2);
  check_maps(slurp(ZICHT_SOURCE_DIR "/assets/templates/binc_modules.csv"), "binc", "modules", r, 2);
  check_maps(slurp(ZICHT_SOURCE_DIR "/assets/templates/binc_clients.csv"), "binc", "clients", r, 2);
  // The templates carry the same header rows as the generated files.
  auto header = [](const std::string& s) { return s.substr(0, s.find('\r')); };
  CHECK(header(slurp(ZICHT_SOURCE_DIR "/assets/templates/sofs.csv")) == header(demo::generate_csv({"sofs"})));
  CHECK(header(slurp(ZICHT_SOURCE_DIR "/assets/templates/binc_modules.csv")) ==
        header(demo::generate_csv({"binc", 2023, 0, "modules"})));
  CHECK(header(slurp(ZICHT_SOURCE_DIR "/assets/templates/binc_clients.csv")) ==
        header(demo::generate_csv({"binc", 2023, 0, "clients"})));
}

TEST_CASE("demo determinism: same seed same bytes, other seed other bytes") {
  for (const char* profile : {"sofs", "binc"}) {
    INFO(profile);
    std::string a = demo::generate_csv({profile, 2023});
    std::string b = demo::generate_csv({profile, 2023});
    std::string c = demo::generate_csv({profile, 2024});
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a.size() > 1000);
  }
  // Portable bytes: a fingerprint of the default files, identical on native (libstdc++) and wasm (libc++).
  auto fnv = [](const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
    return h;
  };
  const uint64_t sofs_fp = fnv(demo::generate_csv({"sofs"}));
  const uint64_t binc_fp = fnv(demo::generate_csv({"binc"}));
  INFO("sofs " << sofs_fp << " binc " << binc_fp);
  // Recorded from a native (g++/libstdc++) build and checked equal under em++/libc++ (wasm32, Node): update them
  // only on purpose, when the demo design changes. (SofS changed with the kerndataset case panel's plan-B pass,
  // sofs_generator.cpp: recorded natively; the wasm check of the new values is still to be done.)
  CHECK(sofs_fp == 7491717393616408298ull);
  CHECK(binc_fp == 10541355401912045718ull);
  CHECK(fnv(demo::generate_csv({"binc", 2023, 0, "clients"})) == 5213176168398441981ull);
  CHECK(fnv(demo::generate_csv({"sofs", 7, 5000})) == 9860603548646454227ull);
}

TEST_CASE("demo scaling: exact row counts, the published design first, fresh ids, chunks = whole") {
  demo::DemoOptions o{"sofs", 2023, 1000};
  std::string big = demo::generate_csv(o);
  core::ReadResult r;
  core::MappedDataset ds = check_maps(big, "sofs", "trajecten", r, 1000);
  // Trajectory ids stay unique across copies of the design.
  std::set<std::string> ids;
  const core::MappedField* id = ds.field("traject_id");
  for (size_t i = 0; i < ds.rows(); ++i) ids.insert(ds.text(*id, i));
  CHECK(ids.size() == 1000);
  // The first 370 rows are the published design.
  std::string base = demo::generate_csv({"sofs"});
  CHECK(big.compare(0, base.size(), base) == 0);

  demo::DemoOptions b{"binc", 2023, 5000, "modules"};
  std::string chunked;
  uint64_t rows = demo::generate_csv_chunks(b, [&](std::string_view p) { chunked.append(p.data(), p.size()); }, 4096);
  CHECK(rows == 5000);
  CHECK(chunked == demo::generate_csv(b));
  core::ReadResult rb;
  check_maps(chunked, "binc", "modules", rb, 5000);
  demo::DemoOptions small{"binc", 2023, 10, "clients"};
  core::ReadResult rc;
  check_maps(demo::generate_csv(small), "binc", "clients", rc, 10);
  CHECK(demo::validate_options({"no-such-profile"}) != "");
  CHECK(demo::validate_options({"trajecten", 1, 0, "cells"}) != "");
  CHECK(demo::validate_options({"binc", 1, 0, "kinderen"}) != "");
}
