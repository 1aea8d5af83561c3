// Hostile and broken statistical files (spec/formats.md §4): a .sav with a wrong header, damaged and truncated
// .sav/.dta files, a file beyond the memory budget. Each gets a clear message naming the file; nothing crashes.
#include "core/stat_reader.h"
#include "stat_test_support.h"

using namespace zicht::core;
using namespace zicht_test;

namespace {

ReadResult read_named(const std::string& name, const std::string& bytes, ReadOptions o = {}) {
  return read_bytes(name, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), o);
}


}  // namespace

TEST_CASE("stat hostile: a .sav whose header is not SPSS's says so, naming the file and its first bytes") {
  std::string bytes = slurp(data_path("stat/binc_like.sav"));
  bytes.replace(0, 4, "XXXX");
  ReadResult r = read_named("kapot.sav", bytes);
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::UnsupportedFormat);
  CHECK(r.status.rule == "bad_header_spss");
  CHECK(r.status.detail.code == "error.stat_bad_header");
  CHECK(r.status.message.find("kapot.sav") == 0);
  CHECK(r.status.message.find("XXXX") != std::string::npos);
  CHECK(render_status(r.status, "kapot.sav", zicht::i18n::Lang::nl).find("beschadigd") != std::string::npos);
  // A CSV saved under a .dta name likewise.
  ReadResult d = read_named("export.dta", "Kind ID;Geslacht\nK001;Man\n");
  REQUIRE(!d.ok());
  CHECK(d.status.rule == "bad_header_stata");
}

TEST_CASE("stat hostile: the SPSS magic followed by garbage is a damaged file, not a crash") {
  if (!stat_in_this_build()) return;
  // Only the start of a header (what the reader once refused as "save it as CSV").
  ReadResult h = read_named("test.csv", "$FL2@(#) IBM SPSS STATISTICS");
  REQUIRE(!h.ok());
  CHECK(h.report.format == Format::Sav);
  CHECK(h.status.code == ErrorCode::MalformedFile);
  CHECK(h.status.message.find("damaged or truncated") != std::string::npos);

  std::string bytes = "$FL2" + std::string(600, '\x7f');
  ReadResult r = read_named("rommel.sav", bytes);
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::MalformedFile);
  CHECK(r.status.detail.code == "error.stat_damaged");
  CHECK(r.status.rule == "damaged_spss");
  CHECK(r.status.message.find("rommel.sav") == 0);
}

TEST_CASE("stat hostile: truncated .sav and .dta files get a message naming the file") {
  if (!stat_in_this_build()) return;
  for (const char* name : {"binc_like.sav", "binc_like.dta", "binc_like.zsav", "binc_like.xpt"}) {
    std::string whole = slurp(data_path(std::string("stat/") + name));
    REQUIRE(whole.size() > 1000);
    for (size_t cut : {size_t(5), size_t(100), size_t(500), whole.size() / 2 + 7, whole.size() - 40}) {
      INFO(name << " cut at " << cut << " of " << whole.size());
      ReadResult r = read_named(name, whole.substr(0, cut));
      REQUIRE(!r.ok());  // (a .zsav in the browser build: "not in this build", before any parsing)
      CHECK(r.status.message.find(name) == 0);
      CHECK((r.status.code == ErrorCode::MalformedFile || r.status.code == ErrorCode::UnsupportedFormat));
    }
  }
  // A SAS transport file is 80-byte records throughout: cut on a record boundary, the rows present are read (fewer).
  std::string xpt = slurp(data_path("stat/binc_like.xpt"));
  ReadResult part = read_named("deel.xpt", xpt.substr(0, xpt.size() / 160 * 80));
  REQUIRE(part.ok());
  CHECK(part.report.rows_in < 40);
  // The message says how far it got.
  std::string sav = slurp(data_path("stat/binc_like.sav"));
  ReadResult r = read_named("half.sav", sav.substr(0, sav.size() - 40));
  REQUIRE(!r.ok());
  CHECK(r.status.detail.code == "error.stat_damaged");
  REQUIRE(r.status.detail.args.size() == 4);
  CHECK(r.status.detail.args[0] == "sav");
  CHECK(r.status.detail.args[2] == "11");  // variables read
}

TEST_CASE("stat hostile: a file beyond the memory budget is refused before it is parsed") {
  if (!stat_in_this_build()) return;
  std::string sav = slurp(data_path("stat/binc_like.sav"));
  ReadOptions o;
  o.memory_budget_bytes = 8 * 1024;
  ReadResult r = read_named("groot.sav", sav, o);
  REQUIRE(!r.ok());
  CHECK(r.status.code == ErrorCode::TooLarge);
  CHECK(r.status.rule == "memory_budget");
}
