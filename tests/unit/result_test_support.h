// Finding a result and a table by id in the analyses' output, failing the test when they are missing. Shared by the
// SofS and Binc analysis tests.
#pragma once

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/result.h"

inline const zicht::analysis::Result& result(const std::vector<zicht::analysis::Result>& rs, const std::string& id) {
  for (const auto& r : rs)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}

inline const zicht::analysis::Table& table(const zicht::analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}
