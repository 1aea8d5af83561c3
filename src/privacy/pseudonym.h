#pragma once
// Pseudonyms for identifiers in "delen" outputs (SPEC §5): HMAC-SHA256 of the identifier under a per-session
// random salt, truncated to 48 bits ("p_" + 12 hex digits). Stable within a session (the same id gives the same
// pseudonym in every output), unlinkable across sessions (a new salt gives new pseudonyms), and not reversible
// without the salt, which never leaves memory.
//
// The salt comes from a caller-provided random source so tests can fix it; `system_random()` uses
// std::random_device (natively the OS generator; in the browser build Emscripten backs it with getentropy, i.e.
// crypto.getRandomValues).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zicht::privacy {

using RandomSource = std::function<void(uint8_t* out, size_t n)>;

RandomSource system_random();
std::vector<uint8_t> make_salt(const RandomSource& random, size_t bytes = 32);

// HMAC-SHA256 (RFC 2104) as lowercase hex.
std::string hmac_sha256_hex(const std::vector<uint8_t>& key, std::string_view message);

class Pseudonymiser {
 public:
  explicit Pseudonymiser(std::vector<uint8_t> salt) : salt_(std::move(salt)) {}
  explicit Pseudonymiser(const RandomSource& random) : salt_(make_salt(random)) {}
  std::string operator()(std::string_view id) const;  // "p_" + 12 hex digits

 private:
  std::vector<uint8_t> salt_;
};

}  // namespace zicht::privacy
