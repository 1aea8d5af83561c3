#pragma once
// Small builders the profiles' result files share: a column, result or table titled from assets/i18n keys, and a
// percentage that is Missing when its denominator is 0 (SPEC §4: never a share of nothing).
#include <string>
#include <utility>

#include "analysis/result.h"

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

}  // namespace zicht::analysis::build
