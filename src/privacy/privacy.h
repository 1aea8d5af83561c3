#pragma once
// The "delen" mode (SPEC §5) applied to a whole result set, whatever profile produced it:
//   zicht::privacy::ColumnPolicy policy = privacy::column_policy(inputs);
//   zicht::privacy::Pseudonymiser pseudo(privacy::system_random());     // one per session
//   privacy::apply(set, {5, &policy, &pseudo});
// After apply():
// - provenance mode "delen" and suppress_k = k (and the settings hash recomputed with them);
// - results about personal columns (name, address, phone, e-mail, free text; a result is about column X when the
//   last segment of its id is slug(X), the Verkennen convention) are left out, and any table that still shows a
//   value of such a column is left out too (belt and braces); identifier values anywhere in a table become
//   pseudonyms, and number summaries of identifier columns (descriptives, histograms) are left out;
// - input file names, in tables and in the provenance, become "bestand 1", "bestand 2", … (hashes stay);
// - every table is suppressed (privacy/suppression.h);
// - flags (row-level data-quality lists with row numbers and values) are dropped;
// - tests of a result with any suppressed cell keep name, variant, n and df only: the statistic, p and effect
//   size of a table with published margins can be solved back to a small cell (a 2×2 χ² fixes the cell up to
//   two candidates), so they become null with warning "privacy_suppressed";
// - every result with suppressed cells gets a note, and a result "privacy.summary" lists per table how many cells
//   were suppressed (primary, secondary, dependent) and which columns were left out or pseudonymised.
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "privacy/columns.h"
#include "privacy/pseudonym.h"
#include "privacy/suppression.h"

namespace zicht::privacy {

struct PrivacyOptions {
  int k = 5;
  const ColumnPolicy* columns = nullptr;         // null: suppression only
  const Pseudonymiser* pseudonymiser = nullptr;  // null: a fresh one from system_random()
  bool add_summary = true;                       // append the "privacy.summary" result
};

constexpr int kDefaultK = 5;
constexpr const char* kSummaryId = "privacy.summary";

// Throws std::invalid_argument when k < 2.
SuppressionSummary apply(analysis::ResultSet& set, const PrivacyOptions& options);

// apply() for a result set made from `inputs`: their column policy (personal columns left out, identifiers
// pseudonymised with `pseudonymiser`, one per session), suppression with k. What the app, the CLI and the
// aggregate dialog all call, so every delen output is made the same way.
SuppressionSummary share(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs, int k,
                         const Pseudonymiser& pseudonymiser, bool add_summary = true);

// Suppresses every table of one result and reduces its tests; returns that result's counts.
SuppressionSummary suppress_result(analysis::Result& result, int k);

// The "privacy.summary" result for a summary (and the policy's left-out / pseudonymised columns).
analysis::Result summary_result(const SuppressionSummary& summary, int k, const ColumnPolicy* columns);

}  // namespace zicht::privacy
