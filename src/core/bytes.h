#pragma once
// Zicht core — byte-string helpers for the reader's hot loops.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace zicht::core {

// Equality of two byte strings of the same length n, 8 bytes at a time (the browser's libc memcmp goes byte by byte).
inline bool same_bytes(const char* a, const char* b, size_t n) {
  while (n >= 8) {
    uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
    a += 8;
    b += 8;
    n -= 8;
  }
  while (n--)
    if (*a++ != *b++) return false;
  return true;
}

}  // namespace zicht::core
