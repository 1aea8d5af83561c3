#pragma once
// Building blocks shared by all analyses: the standard tables (frequencies with the three denominators,
// descriptives, histogram bins) in the result model's shape, so every profile lays them out the same way.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "stats/descriptives.h"

namespace zicht::analysis {

// Category counts with missing kinds kept apart (SPEC §2, §4).
struct CategoryCounts {
  std::vector<Value> categories;  // verbatim codes (Value::str) or labels (Value::label)
  std::vector<long> counts;
  long not_applicable = 0, missing = 0, invalid = 0;
};

// Columns: category, n, then for valid / applicable / all: percent and denominator. Rows: every category, then
// "Niet van toepassing", "Ontbrekend" and "Ongeldig" rows (when non-zero) with their share of `all`.
// Invalid cells count as missing in the denominators.
Table frequency_table(std::string id, const CategoryCounts& counts);

// Rows n, missing, mean, SD, median, Q1, Q3, IQR, min, max (R conventions: SD n−1, quantile type 7).
Table descriptives_table(std::string id, const stats::Descriptives& d, int decimals);

// Equal-width bins with a round width (1, 2 or 5 × 10^k; at least 1 for integers), about Sturges' number of
// bins. Columns: lower, upper, n. Bins are [lower, upper), the last one closed.
Table histogram_table(std::string id, const std::vector<double>& values, bool integers);

}  // namespace zicht::analysis
