// Shared helpers for the privacy tests (test_privacy_*.cpp; header-only, not a test file itself): reading a CSV,
// whether a cell is suppressed, an r×c count table with or without totals, a fixed random source, and a Verkennen
// run in delen mode with the column policy and pseudonyms applied.
#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/explore.h"
#include "privacy/privacy.h"

namespace zicht_test {

inline zicht::core::ReadResult read(const std::string& text, const std::string& name = "t.csv") {
  return zicht::core::read_bytes(name, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

inline bool hidden(const zicht::analysis::Value& v) { return v.kind == zicht::analysis::Value::Kind::suppressed; }

inline zicht::analysis::Table cross_table(const std::vector<std::vector<long>>& m, bool with_totals) {
  using zicht::analysis::Role;
  using zicht::analysis::Text;
  using zicht::analysis::Value;
  zicht::analysis::Table t;
  t.id = "cross";
  t.columns.push_back({"category", Text::same("category"), Role::category, -1});
  const size_t c = m[0].size();
  for (size_t j = 0; j < c; ++j) t.columns.push_back({"c" + std::to_string(j), Text::same("c"), Role::count, -1});
  if (with_totals) t.columns.push_back({"total", Text::same("Totaal"), Role::count, -1});
  std::vector<long> col_tot(c, 0);
  long all = 0;
  for (size_t i = 0; i < m.size(); ++i) {
    std::vector<Value> row = {Value::str("r" + std::to_string(i))};
    long rt = 0;
    for (size_t j = 0; j < c; ++j) {
      row.push_back(Value::of(m[i][j]));
      rt += m[i][j];
      col_tot[j] += m[i][j];
    }
    all += rt;
    if (with_totals) row.push_back(Value::of(rt));
    t.rows.push_back(std::move(row));
  }
  if (with_totals) {
    std::vector<Value> row = {Value::label(Text{"Totaal", "Total"})};
    for (long x : col_tot) row.push_back(Value::of(x));
    row.push_back(Value::of(all));
    t.rows.push_back(std::move(row));
  }
  return t;
}

inline zicht::privacy::RandomSource fixed_source(uint8_t seed) {
  return [seed](uint8_t* out, size_t n) {
    for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed * 31 + i * 13);
  };
}

inline zicht::analysis::ResultSet delen(const std::vector<zicht::analysis::Input>& inputs, int k, uint8_t salt = 7) {
  zicht::analysis::Settings settings;
  settings.mode = "delen";
  settings.suppress_k = k;
  zicht::analysis::ResultSet set = zicht::analysis::explore(inputs, settings);
  const zicht::privacy::ColumnPolicy policy = zicht::privacy::column_policy(inputs);
  const zicht::privacy::Pseudonymiser pseudo(fixed_source(salt));
  zicht::privacy::PrivacyOptions opt;
  opt.k = k;
  opt.columns = &policy;
  opt.pseudonymiser = &pseudo;
  zicht::privacy::apply(set, opt);
  return set;
}

}  // namespace zicht_test
