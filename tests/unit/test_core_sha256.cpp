#include <catch2/catch.hpp>

#include <string>

#include "core/sha256.h"

using namespace zicht::core;

TEST_CASE("SHA-256 FIPS 180-4 test vectors") {
  const bool hw = GENERATE(false, true);
  if (hw && !Sha256::hardware_available()) return;
  INFO("x86 SHA extensions: " << hw);
  Sha256::accelerated = hw;
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                   "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  std::string million(1000000, 'a');
  CHECK(sha256_hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256::accelerated = Sha256::hardware_available();
}

TEST_CASE("SHA-256 incremental updates equal one-shot for every split") {
  std::string s;
  for (int i = 0; i < 300; ++i) s.push_back(char('a' + i % 26));
  const std::string want = sha256_hex(s);
  for (size_t step : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u}) {
    Sha256 h;
    for (size_t o = 0; o < s.size(); o += step)
      h.update(reinterpret_cast<const uint8_t*>(s.data()) + o, std::min(step, s.size() - o));
    CHECK(h.hex() == want);
  }
  // lengths around the padding boundary
  CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
}

TEST_CASE("is_sha256_hex accepts exactly the form the reader writes") {
  CHECK(is_sha256_hex(sha256_hex("abc")));
  CHECK_FALSE(is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  CHECK_FALSE(is_sha256_hex("ba7816bf"));
  CHECK_FALSE(is_sha256_hex(""));
}

TEST_CASE("SHA-256: the x86 SHA extensions give the portable code's digest for every length and split") {
  if (!Sha256::hardware_available()) return;  // nothing to compare on this CPU
  std::string s;
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) s.push_back(char((x = x * 1103515245u + 12345u) >> 24));
  for (size_t len : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 128u, 1000u, 4999u, 5000u}) {
    Sha256::accelerated = false;
    const std::string want = sha256_hex(reinterpret_cast<const uint8_t*>(s.data()), len);
    Sha256::accelerated = true;
    CHECK(sha256_hex(reinterpret_cast<const uint8_t*>(s.data()), len) == want);
    Sha256 h;
    for (size_t o = 0; o < len; o += 77) h.update(reinterpret_cast<const uint8_t*>(s.data()) + o, std::min<size_t>(77, len - o));
    CHECK(h.hex() == want);
  }
  Sha256::accelerated = Sha256::hardware_available();
}
