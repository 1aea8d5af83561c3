#pragma once
// The `kerndataset` profile (spec/kerndataset.md): the core dataset the SofS evaluation proposes — the parent survey
// at closure (28 Likert items in two blocks of 14), the child survey (11 Ja/Soms/Nee rows), follow-up at closure,
// +6, +12 and +24 months under the family's consent, the teams' implementation self-assessment, and the 18-case
// impact panel. Linked to a loaded `sofs` file by traject_id: closure dates, plan B and the step composite come from
// there (spec/shared-rules.md).
//
// Consent is data: a later moment counts only when the `afronding` row says `toestemming = ja`; a withdrawal
// (`toestemming_ingetrokken`) removes every row of that trajectory dated after it, from every result, with a flag.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::kerndataset {

// The follow-up moments in order; index 0 is closure.
constexpr int kMoments = 4;
extern const char* const kMomentCodes[kMoments];  // "afronding", "6m", "12m", "24m"
constexpr int kMomentMonths[kMoments] = {0, 6, 12, 24};
constexpr int kParentItems = 28, kBlockItems = 14, kChildRows = 11, kSelfItems = 16;

// The werkmap's kerndataset options (settings.kerndataset) with the schema's defaults.
struct Options {
  double scale_min_answered = 0.8;  // a subscale score needs at least this share of its items answered
  int moment_window_weeks = 8;      // a follow-up row's date within ± this of its due date
  bool perspective_gap = false;     // the workers' estimate next to the parents' answers (off until switched on)
  std::string rereferral_group = "all_steps";  // log-rank grouping: "all_steps" | "plan_b" | "" (none)
  std::string sustainability_from = "6m", sustainability_to = "12m";  // McNemar's two moments
  std::string policy = "valid";     // the werkmap's denominator (valid | applicable | all)

  static Options from_werkmap(const core::Werkmap& w);
  void store(core::Werkmap& w) const;
};

struct Inputs {
  const core::MappedDataset* opvolging = nullptr;
  const core::MappedDataset* ouder = nullptr;
  const core::MappedDataset* kind = nullptr;
  const core::MappedDataset* zelfevaluatie = nullptr;
  const core::MappedDataset* casus = nullptr;
  const core::MappedDataset* sofs = nullptr;  // the linked SofS dashboard file, when loaded
};

// Every result of spec §1.3 in page order: kerndataset.overview, parent_items, parent_scales, child_items,
// perspective_gap, followup, rereferral, placement, network, sustainability, impact_profile, fidelity_link,
// self_assessment, case_panel, quality. A result whose record type is not loaded says so in a note and has no table.
std::vector<Result> results(const Inputs& in, const Options& o);

}  // namespace zicht::analysis::kerndataset
