#pragma once
// Shareable aggregates (SPEC §5): one JSON file per organisation holding only suppressed aggregates, merged into
// a regional overview without any record leaving any organisation.
//
// Schema "zicht.aggregate/1":
//   {"schema", "organisation", "period", "k", "profile",
//    "provenance": {"tool": {"version", "build"}, "input_sha256": [...], "settings_sha256", "as_of", "mode": "delen",
//                   "suppress_k"},
//    "results": [{"id", "title": {"nl", "en"}, "unit": {"nl", "en"},
//                 "tables": [{"id", "title": {"nl", "en"}, "columns": [{"id", "label": {"nl", "en"}, "role"}],
//                             "rows": [[cell, …], …]}]}]}
// A cell is a number, null (missing), "<k" (suppressed; in a count, denominator or percent column) or, in a
// category column, the verbatim code (a string) or a label {"nl", "en"}.
// Only tables made of category, count, denominator and percent columns go in: never statistics (a minimum or
// maximum is one person's value), never tests, notes, flags, row numbers, identifiers or file names, and no
// histograms (bins follow each file's range, so they cannot be merged), counts of distinct values (not additive)
// or tables that describe the input files.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/result.h"
#include "core/i18n.h"

namespace zicht::privacy {

constexpr const char* kAggregateSchema = "zicht.aggregate/1";

// `set` should already be in delen mode with this k (privacy::apply with the inputs' column policy); an intern set
// is suppressed here first (suppression only: use apply() to also leave out personal columns). Throws
// std::invalid_argument when the set was suppressed with another k.
nlohmann::ordered_json make_aggregate(const analysis::ResultSet& set, int k, const std::string& period,
                                      const std::string& organisation);

// Plain-language lines saying what an aggregate file holds (or why it is not one), in `lang`.
std::vector<std::string> describe_aggregate(const nlohmann::json& aggregate, i18n::Lang lang);

// Sums counts and denominators of matching (result id, table id, category cells) rows, recomputes percentages,
// adds Pearson's chi-square where a cross-table is complete, then suppresses again with k. A "<k" cell in any
// input makes the merged cell "<k" (never guessed). Throws std::invalid_argument with a readable message when a
// file is not an aggregate or the profiles differ.
analysis::ResultSet merge_aggregates(const std::vector<nlohmann::json>& aggregates, int k);

}  // namespace zicht::privacy
