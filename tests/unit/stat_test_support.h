// Shared by the statistical-file tests (test_core_stat*.cpp): whether this build reads them at all.
#pragma once

#include "core/stat_reader.h"
#include "test_core_helpers.h"

namespace zicht_test {

// A browser build without ReadStat's sources (scripts/install-deps.sh could not fetch them) reads no statistical
// file: then each case asserts the message that says so, instead of the reading.
inline bool stat_in_this_build() {
  using namespace zicht::core;
  if (stat_format_available(Format::Sav)) return true;
  ReadResult r = read_file(data_path("stat/binc_like.sav"));
  CHECK(!r.ok());
  CHECK(r.status.detail.code == "error.stat_unavailable");
  return false;
}

}  // namespace zicht_test
