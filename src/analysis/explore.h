#pragma once
// "Verkennen": the generic analysis of any loaded file. Per column its type, kinds of missing values, distinct
// values, and frequencies (categories) or descriptives and a histogram (numbers) or counts per year (dates), each
// with a chart suggestion. Identifier-like and free-text columns are counted but their values never listed, so no
// export carries them.
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"

namespace zicht::analysis {

struct ExploreOptions {
  int max_categories = 40;  // above this many distinct values a text column is not tabulated
};

ResultSet explore(const std::vector<Input>& inputs, const Settings& settings, const ExploreOptions& options = {});

// A stable id fragment from a column or file name: lowercase ASCII letters, digits and '_'.
std::string slug(std::string_view name);

}  // namespace zicht::analysis
