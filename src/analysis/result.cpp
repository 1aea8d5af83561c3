#include "analysis/result.h"

#include <cmath>

namespace zicht::analysis {

Text Text::key(std::string_view k) { return Text{i18n::tr(k, i18n::Lang::nl), i18n::tr(k, i18n::Lang::en)}; }

Value Value::num(double v) {
  if (std::isnan(v)) return na();
  Value x;
  x.kind = Kind::number;
  x.d = v;
  return x;
}

const char* role_name(Role r) {
  switch (r) {
    case Role::category: return "category";
    case Role::count: return "count";
    case Role::denominator: return "denominator";
    case Role::percent: return "percent";
    case Role::statistic: return "statistic";
    case Role::lower: return "lower";
    case Role::upper: return "upper";
  }
  return "statistic";
}

int Table::column_index(std::string_view id) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == id) return static_cast<int>(i);
  return -1;
}

const Result* ResultSet::find(std::string_view id) const {
  for (const auto& r : results)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace zicht::analysis
