// Zicht demo — a small, portable PRNG: xoshiro256** seeded by splitmix64, with our own integer ranges and shuffle.
// std::uniform_int_distribution and std::shuffle differ between libstdc++ (native) and libc++ (wasm); these do
// not, so the same seed gives byte-identical demo files everywhere. Only 64-bit integer arithmetic (fine on wasm32).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace zicht::demo {

inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (auto& w : s_) w = splitmix64(sm);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n) without modulo bias (rejection on the top of the 64-bit range); n > 0.
  uint64_t below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = next(); while (x >= limit);
    return x % n;
  }
  // Uniform integer in [lo, hi] (inclusive); hi >= lo.
  int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(below(uint64_t(hi - lo) + 1)); }
  // True with probability num/den.
  bool chance(uint64_t num, uint64_t den) { return below(den) < num; }
  // Uniform in [0, 1) with 53 bits.
  double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[size_t(below(i))]);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// A seed for a sub-stream (one per replica or per purpose) that does not overlap the parent's first draws.
inline uint64_t derive_seed(uint64_t seed, uint64_t stream) {
  uint64_t s = seed ^ (0xD1B54A32D192ED03ull * (stream + 1));
  return splitmix64(s);
}

// A vector holding `count` copies of each value, in order (for exact quotas to be shuffled afterwards).
template <class T>
std::vector<T> quota(std::initializer_list<std::pair<T, int>> parts) {
  std::vector<T> out;
  for (const auto& p : parts)
    for (int i = 0; i < p.second; ++i) out.push_back(p.first);
  return out;
}

}  // namespace zicht::demo
