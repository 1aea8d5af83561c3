// Test helpers for the workbook readers (Catch2 side); the packages themselves come from workbook_zip.h.
#pragma once

#include "test_core_helpers.h"
#include "workbook_zip.h"

namespace zicht_test {

inline zicht::core::ReadResult read_book(const std::string& bytes, const std::string& name = "werkmap.xlsx",
                                         const zicht::core::ReadOptions& o = {}) {
  return zicht::core::read_bytes(name, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), o);
}

inline const zicht::core::CellFlag* find_flag(const zicht::core::ReadReport& rep, const std::string& rule) {
  for (auto& f : rep.flags)
    if (f.rule == rule) return &f;
  return nullptr;
}

}  // namespace zicht_test
