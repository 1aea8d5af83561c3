// Shared helpers for the core reader tests (header-only; not a test file itself).
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/reader.h"

namespace zicht_test {

inline std::string data_path(const std::string& rel) { return std::string(ZICHT_SOURCE_DIR) + "/tests/data/" + rel; }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline zicht::core::ReadResult read_str(const std::string& s, const zicht::core::ReadOptions& o = {},
                                        const std::string& name = "test.csv") {
  return zicht::core::read_bytes(name, reinterpret_cast<const uint8_t*>(s.data()), s.size(), o);
}

// Reads in chunks of `step` bytes through the incremental API.
inline zicht::core::ReadResult read_chunked(const std::string& s, size_t step, zicht::core::ReadOptions o = {}) {
  zicht::core::ReadResult res;
  zicht::core::IncrementalReader r("test.csv", o);
  r.set_total_bytes(s.size());
  for (size_t off = 0; off < s.size(); off += step)
    if (!r.feed(reinterpret_cast<const uint8_t*>(s.data()) + off, std::min(step, s.size() - off)).ok()) break;
  res.status = r.finish();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

// Two tables hold the same typed data: names, types, states, values, raw text and row numbers.
inline std::string table_diff(const zicht::core::Table& a, const zicht::core::Table& b, bool compare_rows = true) {
  using namespace zicht::core;
  if (a.cols() != b.cols()) return "column count " + std::to_string(a.cols()) + " vs " + std::to_string(b.cols());
  if (a.rows() != b.rows()) return "row count " + std::to_string(a.rows()) + " vs " + std::to_string(b.rows());
  if (compare_rows && a.row_number != b.row_number) return "row numbers differ";
  for (size_t j = 0; j < a.cols(); ++j) {
    const Column &x = a.columns[j], &y = b.columns[j];
    if (x.name != y.name) return "name " + x.name + " vs " + y.name;
    if (x.type != y.type)
      return x.name + ": type " + column_type_name(x.type) + " vs " + column_type_name(y.type);
    for (size_t r = 0; r < a.rows(); ++r) {
      std::string where = x.name + " row " + std::to_string(r);
      if (x.state[r] != y.state[r]) return where + ": state differs";
      if (x.state[r] != CellState::Value) continue;
      switch (x.type) {
        case ColumnType::Integer: if (x.ints[r] != y.ints[r]) return where + ": int differs"; break;
        case ColumnType::Decimal: if (x.reals[r] != y.reals[r]) return where + ": decimal differs"; break;
        case ColumnType::Date: if (x.days[r] != y.days[r]) return where + ": date differs"; break;
        case ColumnType::Boolean: if (x.bools[r] != y.bools[r]) return where + ": bool differs"; break;
        default: if (x.str(r) != y.str(r)) return where + ": \"" + std::string(x.str(r)) + "\" vs \"" + std::string(y.str(r)) + "\""; break;
      }
    }
  }
  return "";
}

}  // namespace zicht_test
