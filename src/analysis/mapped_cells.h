#pragma once
// Reading one cell of a mapped field as the multi-table profiles' models do (kerndataset, evolutie): the field when
// it is mapped (else null), the cell's kind, a code's text, a date, a whole number, ja/nee, the cell's text.
#include <climits>
#include <cstdint>
#include <string>

#include "core/mapped_dataset.h"

namespace zicht::analysis::cells {

constexpr int32_t kNoDay = INT32_MIN;  // = build::kNoDay

inline const core::MappedField* field(const core::MappedDataset* ds, const char* id) {
  if (!ds) return nullptr;
  const core::MappedField* f = ds->field(id);
  return f && f->mapped() ? f : nullptr;
}
inline core::CellKind kind(const core::MappedField* f, size_t r) { return f ? f->kind[r] : core::CellKind::Missing; }
// A code's text (the schema's code, or an unlisted value as found); "" when the cell holds no value.
inline std::string code(const core::MappedField* f, size_t r) {
  if (!f || f->kind[r] != core::CellKind::Value) return {};
  const int32_t v = f->value[r];
  return v >= 0 && size_t(v) < f->values.size() ? f->values[size_t(v)] : std::string();
}
inline int32_t day(const core::MappedField* f, size_t r) {
  return f && f->kind[r] == core::CellKind::Value ? f->value[r] : kNoDay;
}
inline int number(const core::MappedField* f, size_t r) {
  return f && f->kind[r] == core::CellKind::Value ? f->value[r] : -1;
}
// 1 ja, 0 nee, −2 NVT, −1 anything else.
inline int yes_no(const core::MappedField* f, size_t r) {
  switch (kind(f, r)) {
    case core::CellKind::Yes: return 1;
    case core::CellKind::No: return 0;
    case core::CellKind::NotApplicable: return -2;
    default: return -1;
  }
}
inline std::string text(const core::MappedDataset* ds, const core::MappedField* f, size_t r) {
  return f ? ds->text(*f, r) : std::string();
}

}  // namespace zicht::analysis::cells
