// Common result vocabulary for zicht::stats.
//
// Every statistical function in this directory is pure (no I/O, no globals, no threads) and returns a
// struct that starts with a `ResultInfo`: the method name (as a reader would cite it), the variant (the
// options that change the numbers, e.g. "Yates continuity correction"), the number of observations N
// actually used and a list of warnings. Warnings carry a stable machine code (for the UI, tests and the JSON
// contract) and readable English text (for logs; the UI translates by code). Numbers that R would report as
// NA are NaN here.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace zicht::stats {

struct Warning {
  std::string code;  // stable machine code, e.g. "expected_lt5"
  std::string text;  // readable English text
};

struct ResultInfo {
  std::string method;   // e.g. "Pearson's chi-squared test"
  std::string variant;  // e.g. "no continuity correction"
  long n = 0;           // observations used
  std::vector<Warning> warnings;

  void warn(std::string code, std::string text) { warnings.push_back({std::move(code), std::move(text)}); }
  bool has_warning(const std::string& code) const {
    for (const auto& w : warnings)
      if (w.code == code) return true;
    return false;
  }
};

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace zicht::stats
