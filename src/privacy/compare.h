#pragma once
// Comparing organisations with consent (SPEC §5): organisations that consented (a werkmap setting) are shown by
// name, all others only pooled into one "overige organisaties" row, never as letters; rows are sorted by name
// (no league table). Works on any table with one row per organisation: counts and denominators of the pooled
// row are sums, its percentages are recomputed from them (numerator = the count column to the left of the
// percentage, denominator = the denominator column to its right); statistics and bounds of the pooled row are
// left empty (they cannot be pooled from the table). Rows labelled "Totaal"/"Total" stay last, unchanged.
// The result is a normal table: in "delen" mode it is suppressed like every other.
#include <string>
#include <vector>

#include "analysis/result.h"

namespace zicht::privacy {

// organisation_column: the id of the column naming the organisation; empty = the first category column.
analysis::Table compare_organisations(const analysis::Table& by_organisation, const std::vector<std::string>& consent,
                                      const std::string& organisation_column = "");

// The evaluation group's four reflection questions (seed 003 L5147–5155), shown next to every comparison.
std::vector<analysis::Text> reflection_questions();

}  // namespace zicht::privacy
