#include "privacy/pseudonym.h"

#include <random>

#include "core/sha256.h"

namespace zicht::privacy {

RandomSource system_random() {
  return [](uint8_t* out, size_t n) {
    std::random_device rd;
    for (size_t i = 0; i < n; i += 4) {
      const uint32_t x = rd();
      for (size_t j = 0; j < 4 && i + j < n; ++j) out[i + j] = static_cast<uint8_t>(x >> (8 * j));
    }
  };
}

std::vector<uint8_t> make_salt(const RandomSource& random, size_t bytes) {
  std::vector<uint8_t> salt(bytes, 0);
  random(salt.data(), salt.size());
  return salt;
}

std::string hmac_sha256_hex(const std::vector<uint8_t>& key, std::string_view message) {
  uint8_t k[64] = {0};
  if (key.size() > 64) {
    core::Sha256 h;
    h.update(key.data(), key.size());
    h.final(k);
  } else {
    std::copy(key.begin(), key.end(), k);
  }
  uint8_t ipad[64], opad[64];
  for (int i = 0; i < 64; ++i) {
    ipad[i] = static_cast<uint8_t>(k[i] ^ 0x36);
    opad[i] = static_cast<uint8_t>(k[i] ^ 0x5c);
  }
  uint8_t inner[32];
  core::Sha256 hi;
  hi.update(ipad, 64);
  hi.update(reinterpret_cast<const uint8_t*>(message.data()), message.size());
  hi.final(inner);
  core::Sha256 ho;
  ho.update(opad, 64);
  ho.update(inner, 32);
  return ho.hex();
}

std::string Pseudonymiser::operator()(std::string_view id) const {
  return "p_" + hmac_sha256_hex(salt_, id).substr(0, 12);
}

}  // namespace zicht::privacy
