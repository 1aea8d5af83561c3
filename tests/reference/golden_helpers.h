// Helpers for the zicht::stats golden tests: load tests/reference/golden_stats.json (written by
// make_golden.R) and compare numbers with a relative tolerance. Header-only, used by tests/unit/test_stats_*.cpp.
#pragma once

#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace golden {

using nlohmann::json;

inline const json& data() {
  static const json j = [] {
    const std::string path = std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_stats.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return json::parse(in);
  }();
  return j;
}

// A JSON number, or NaN for null (R's NA / non-finite).
inline double num(const json& j) { return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : j.get<double>(); }

// jsonlite writes length-1 vectors as scalars (auto_unbox): accept both; a lone null is [NA].
inline std::vector<double> vec(const json& j) {
  std::vector<double> v;
  if (j.is_array())
    for (const auto& e : j) v.push_back(num(e));
  else
    v.push_back(num(j));
  return v;
}

inline std::vector<long> lvec(const json& j) {
  std::vector<long> v;
  for (double d : vec(j)) v.push_back(static_cast<long>(std::llround(d)));
  return v;
}

inline std::vector<std::vector<long>> table(const json& j) {
  std::vector<std::vector<long>> t;
  for (const auto& row : j) t.push_back(lvec(row));
  return t;
}

inline const json& named(const json& array, const std::string& name) {
  for (const auto& e : array)
    if (e.contains("name") && e["name"] == name) return e;
  throw std::runtime_error("no golden case named " + name);
}

// |a - b| <= rel * |b| + abs; two NaNs (both "NA") also agree.
inline bool near(double a, double b, double rel, double abs = 0) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= rel * std::fabs(b) + abs;
}

inline std::string show(double a, double b) {
  std::ostringstream s;
  s << std::setprecision(17) << "zicht " << a << " vs R " << b;
  return s.str();
}

}  // namespace golden

// Relative comparison with a readable failure message.
#define CHECK_NEAR_REL(actual, expected, rel)                   \
  do {                                                          \
    const double zicht_a_ = (actual), zicht_e_ = (expected);    \
    INFO(#actual << ": " << golden::show(zicht_a_, zicht_e_));  \
    CHECK(golden::near(zicht_a_, zicht_e_, (rel)));             \
  } while (0)

#define CHECK_NEAR_ABS(actual, expected, rel, abs)                   \
  do {                                                               \
    const double zicht_a_ = (actual), zicht_e_ = (expected);         \
    INFO(#actual << ": " << golden::show(zicht_a_, zicht_e_));       \
    CHECK(golden::near(zicht_a_, zicht_e_, (rel), (abs)));           \
  } while (0)
