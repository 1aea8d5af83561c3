#include "analysis/choices.h"

#include <algorithm>
#include <set>

#include "core/table.h"

namespace zicht::analysis {

std::vector<std::string> field_values(const core::MappedDataset& ds, std::string_view field) {
  const core::MappedField* f = ds.field(field);
  std::vector<std::string> out;
  if (!f || !f->mapped()) return out;
  if (f->spec->type == core::FieldType::Code) {
    std::vector<uint8_t> seen(f->values.size(), 0);
    for (size_t r = 0; r < ds.rows(); ++r) {
      if (!ds.used[r] || f->kind[r] != core::CellKind::Value) continue;
      const auto v = static_cast<size_t>(f->value[r]);
      if (v < seen.size()) seen[v] = 1;
    }
    for (size_t i = 0; i < seen.size(); ++i)
      if (seen[i]) out.push_back(f->values[i]);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::set<std::string> s;
  for (size_t r = 0; r < ds.rows(); ++r) {
    if (!ds.used[r] || f->kind[r] != core::CellKind::Value) continue;
    std::string t = ds.text(*f, r);
    if (!t.empty()) s.insert(std::move(t));
  }
  return {s.begin(), s.end()};
}

}  // namespace zicht::analysis
