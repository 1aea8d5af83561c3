#pragma once
// Internal to the small-cell suppression (suppression.cpp, suppression_structure.cpp, suppression_solver.cpp): the
// linear system a table's published sums make, how a table is read into it, and the search for complementary
// suppressions on it. Not part of the public interface (privacy/suppression.h).
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "analysis/result.h"

namespace zicht::privacy::detail {

// One unknown of the linear system: an inner cell, a total cell, or a denominator shown in several rows.
struct Var {
  enum Kind { inner = 0, total = 1, denominator = 2 };
  Kind kind = inner;
  std::vector<std::pair<int, int>> cells;
  int64_t value = 0;
  bool known = false;  // its value is public anyway (the table's grand total): never an unknown
  bool suppressed = false, primary = false;
};

// sum(vars) − total = 0; total −1 = a published constant.
struct Sum {
  std::vector<int> vars;
  int total = -1;
};

// The system of one table: its unknowns, its sums, and where each cell sits in it.
struct Structure {
  std::vector<Var> vars;
  std::vector<Sum> sums;
  std::vector<std::vector<int>> var_at;  // [row][column] → var index or -1
  std::vector<int> inner_rows, inner_cols;
};

// Reads a table into its system (suppression_structure.cpp): count cells, total rows and columns, denominators and
// the sums between them (see privacy/suppression.h for the conventions).
Structure build(const analysis::Table& t, int k);
// A category cell that reads one of `words` (ASCII case-insensitive, Dutch or English text).
bool label_is(const analysis::Value& v, std::initializer_list<const char*> words);

// For every var: true when it is a suppressed unknown that the published cells and sums determine uniquely.
// Gauss–Jordan elimination over the integers (rows kept primitive by their gcd), so the answer is exact: x is
// determined iff e_x lies in the row space, i.e. iff x's pivot row has no other non-zero entry.
std::vector<bool> determined(const std::vector<Var>& vars, const std::vector<Sum>& sums);
// Chooses complementary suppressions until no suppressed unknown is determined (suppression_solver.cpp). Returns
// the cells given up on (still recoverable).
int secondary_suppression(Structure& s);

}  // namespace zicht::privacy::detail
