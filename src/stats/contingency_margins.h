#pragma once
// Internal to the contingency-table tests (contingency.cpp, fisher_exact.cpp, monte_carlo.cpp): margins of a
// count table and the checks and clean-up every test starts with. Not part of the public interface.
#include <cstddef>
#include <vector>

#include "stats/contingency.h"

namespace zicht::stats::detail {

struct Margins {
  std::vector<long> rows, columns;
  long total = 0;
};

Margins margins_of(const CountTable& t);
bool is_rectangular_nonnegative(const CountTable& t);
// Removes rows and columns whose total is zero: they carry no information and make expected counts 0.
CountTable drop_empty_margins(const CountTable& t, std::vector<size_t>& kept_rows, std::vector<size_t>& kept_cols);

}  // namespace zicht::stats::detail
