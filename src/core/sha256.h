// Zicht core — SHA-256 (FIPS 180-4), incremental. Used for input provenance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zicht::core {

class Sha256 {
 public:
  Sha256() { reset(); }
  void reset();
  void update(const uint8_t* data, size_t n);
  void update(const std::string& s) { update(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }
  void final(uint8_t out[32]);
  std::string hex();  // finalises; lowercase hex

  // Whether this CPU has the x86 SHA extensions, and whether they are used (tests switch them off to check the
  // portable code against them).
  static bool hardware_available();
  static bool accelerated;

 private:
  void blocks(const uint8_t* p, size_t n);
  void block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

std::string sha256_hex(const uint8_t* data, size_t n);
std::string sha256_hex(const std::string& s);
// A digest as this file writes it: exactly 64 lowercase hex digits.
bool is_sha256_hex(std::string_view s);

}  // namespace zicht::core
