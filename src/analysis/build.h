#pragma once
// Small builders the profiles' result files share: a column, result or table titled from assets/i18n keys, and a
// percentage that is Missing when its denominator is 0 (SPEC §4: never a share of nothing).
#include <climits>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "analysis/result.h"
#include "core/table.h"

namespace zicht::analysis::build {

inline Column col(std::string id, const std::string& key, Role role, int decimals = -1) {
  return Column{std::move(id), Text::key(key), role, decimals};
}
inline Result make_result(std::string id, const std::string& title_key, const std::string& unit_key) {
  Result r;
  r.id = std::move(id);
  r.title = Text::key(title_key);
  r.unit = Text::key(unit_key);
  return r;
}
inline Table make_table(std::string id, const std::string& title_key) {
  Table t;
  t.id = std::move(id);
  t.title = Text::key(title_key);
  return t;
}
inline Value pct(long num, long den) { return den > 0 ? Value::num(100.0 * double(num) / double(den)) : Value::na(); }

// "No date" in the models' day numbers (days since 1970-01-01).
constexpr int32_t kNoDay = INT32_MIN;

// A model's data-quality findings: a count per rule and the first flags (file, row, column, value, rule).
struct QualityRule {
  std::string id;
  long n = 0;
};
struct QualityLog {
  static constexpr size_t kMaxFlags = 5000;
  std::vector<QualityRule> rules;
  std::vector<Flag> flags;
  void count(const std::string& rule, long n = 1) {
    for (auto& r : rules)
      if (r.id == rule) {
        r.n += n;
        return;
      }
    rules.push_back({rule, n});
  }
  void flag(const std::string& rule, const std::string& file, int64_t row, const std::string& column,
            const std::string& value) {
    count(rule);
    if (flags.size() < kMaxFlags) flags.push_back(Flag{file, row, column, value, rule});
  }
};

// A view's axis title ("what is counted") and its heading, from assets/i18n.
inline void set_of(View& v, const std::string& key) {
  const Text t = Text::key(key);
  v.of_nl = t.nl;
  v.of_en = t.en;
}
inline void set_title(View& v, const std::string& key) {
  const Text t = Text::key(key);
  v.title_nl = t.nl;
  v.title_en = t.en;
}
// A note ending in a count: "<text of key> 3".
inline Text counted(const std::string& key, long n) {
  const Text t = Text::key(key);
  return Text{t.nl + " " + std::to_string(n), t.en + " " + std::to_string(n)};
}
// dd/mm/yyyy; "" for INT32_MIN (no date).
inline std::string day_text(int32_t d) {
  if (d == kNoDay) return {};
  int y;
  unsigned m, dd;
  core::civil_from_days(d, y, m, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", dd, m, y);
  return buf;
}
// A test line for Result::tests; NaN df or p are written as "not applicable" (−1).
inline TestResult make_test(const std::string& name, const std::string& variant, long n, double statistic,
                            const std::string& statistic_name, double df, double p) {
  TestResult t;
  t.name = name;
  t.variant = variant;
  t.n = n;
  t.statistic = statistic;
  t.statistic_name = statistic_name;
  t.df = std::isfinite(df) ? df : -1;
  t.p = std::isfinite(p) ? p : -1;
  return t;
}

}  // namespace zicht::analysis::build
