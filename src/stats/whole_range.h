// Counting instead of sorting (zicht::stats): when every value of a sample is a whole number in a range not
// much wider than the sample (counts, days), order statistics, ranks and value counts follow from one count
// per value in O(n + range), with exactly the values a sort would give. -0 is not whole here: counting would
// give it back as +0. NaN values are the caller's to skip.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace zicht::stats {

struct WholeRange {
  double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
  size_t n = 0;
  bool whole = true;

  void add(double v) {
    whole &= v == std::floor(v) && !(v == 0 && std::signbit(v));
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    ++n;
  }
  // Counting pays (and its table stays small): whole numbers spanning at most 4 n + 1024 values.
  bool countable() const { return n > 0 && whole && hi - lo < static_cast<double>(4 * n + 1024); }
  size_t size() const { return static_cast<size_t>(hi - lo) + 1; }      // when countable()
  size_t index(double v) const { return static_cast<size_t>(v - lo); }  // v in the sample
  double value(size_t index) const { return lo + static_cast<double>(index); }
};

}  // namespace zicht::stats
