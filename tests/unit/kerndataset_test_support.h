// Shared by the kerndataset demo tests (test_demo_kerndataset*.cpp): the seeds, the schema, a CSV splitter, the
// SofS demo linked to the kerndataset demo of the same seed, and the calendar-month due dates.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/assets.h"
#include "core/schema.h"
#include "demo/demo.h"

namespace kerndataset_test {

using namespace zicht;
using namespace zicht::demo;

inline const std::vector<uint64_t> kSeeds = {1, 2, 3, 7, 11, 2023};

inline const core::Schema& schema() {
  static const core::Schema s = [] {
    core::Schema out;
    auto text = assets::find("schemas/kerndataset.json");
    REQUIRE(text);
    auto doc = nlohmann::json::parse(text->begin(), text->end(), nullptr, false);
    std::string error;
    REQUIRE(parse_schema(doc, out, error));
    return out;
  }();
  return s;
}

// CSV lines (CRLF) split into fields (';', '"' quoting).
inline std::vector<std::vector<std::string>> parse(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  size_t start = 0;
  while (start < csv.size()) {
    size_t end = csv.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends with CRLF
    const std::string line = csv.substr(start, end - start);
    std::vector<std::string> f(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const char ch = line[i];
      if (quoted) {
        if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') f.back() += '"', ++i;
        else if (ch == '"') quoted = false;
        else f.back() += ch;
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ';') {
        f.emplace_back();
      } else {
        f.back() += ch;
      }
    }
    rows.push_back(f);
    start = end + 2;
  }
  return rows;
}

inline bool is_date(const std::string& s) {
  return s.size() == 10 && s[2] == '/' && s[5] == '/' &&
         std::all_of(s.begin(), s.end(), [](char c) { return c == '/' || (c >= '0' && c <= '9'); });
}

// Every header is a schema field of the record type; every cell is empty, NVT, a code of the field, ja/nee, a
// dd/mm/yyyy date or a number in range, except the deliberate out-of-range "6".
inline void check_against_schema(const std::string& csv, const std::string& kind, int expected_bad_cells) {
  auto rows = parse(csv);
  REQUIRE(rows.size() > 1);
  const auto& head = rows[0];
  std::vector<const core::FieldSpec*> fields;
  for (const auto& h : head) {
    INFO(kind << " column " << h);
    const core::FieldSpec* f = schema().field(h);
    REQUIRE(f);
    CHECK(f->in_kind(kind));
    CHECK(f->role != "contact");  // no contact data column in the demo
    fields.push_back(f);
  }
  int bad = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == head.size());
    for (size_t c = 0; c < head.size(); ++c) {
      const std::string& v = rows[r][c];
      const core::FieldSpec& f = *fields[c];
      if (v.empty() || f.is_nvt_token(v)) continue;
      bool ok = true;
      switch (f.type) {
        case core::FieldType::Code: ok = f.find_code(v).has_value() && *f.find_code(v) == v; break;
        case core::FieldType::Bool: ok = v == "ja" || v == "nee"; break;
        case core::FieldType::Date: ok = is_date(v); break;
        case core::FieldType::Integer:
        case core::FieldType::Count: {
          ok = std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
          if (ok && f.min) ok = std::stod(v) >= *f.min;
          if (ok && f.max) ok = std::stod(v) <= *f.max;
          break;
        }
        default: break;
      }
      if (!ok) {
        ++bad;
        UNSCOPED_INFO(kind << " row " << r << " " << head[c] << " = '" << v << "'");
      }
    }
  }
  CHECK(bad == expected_bad_cells);
}

struct Linked {
  SofsDemo sofs;
  KerndatasetDemo d;
  std::map<std::string, const SofsTrajectory*> by_id;
};

inline Linked make(uint64_t seed) {
  Linked l{generate_sofs(seed), generate_kerndataset(seed), {}};
  for (const auto& t : l.sofs.trajectories) l.by_id[t.traject_id] = &t;
  return l;
}

inline int moment_index(const std::string& m) { return m == "6m" ? 0 : m == "12m" ? 1 : m == "24m" ? 2 : -1; }
inline const int kMonths[3] = {6, 12, 24};

inline int32_t add_months(int32_t day, int k) {  // same day, clamped to the month end
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  int total = y * 12 + int(m) - 1 + k;
  int ny = total / 12;
  unsigned nm = unsigned(total - ny * 12) + 1;
  unsigned last = 31;
  while (!core::valid_civil(ny, int(nm), int(last))) --last;
  return core::days_from_civil(ny, nm, std::min(d, last));
}

}  // namespace kerndataset_test
