#pragma once
// The `evolutie` profile (spec/evolutie.md): repeated scores per person, domain and moment — the SofS safety scale
// asked at the start, after three and six months and at the end, Evoluator-like life-domain scores — with the counts
// at start and end per trajectory, and the six phases of Bruggen na(ar) 18. Linked to a loaded `sofs` file by
// traject_id: start and end dates and the safety-scale step come from there (spec/shared-rules.md).
//
// A score is a number on its instrument's range; "niet gesteld" is NVT by practice (the scale was not used) and kept
// as its own class; a due moment without a row is Missing; a moment due after the trajectory's end is NVT.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::evolutie {

// The werkmap's evolutie options (settings.evolutie) with the schema's defaults.
struct Options {
  double delta = 1.0;                 // the evolution classes' threshold (points)
  int moment_window_weeks = 8;        // a measurement's date within ± this of its moment's due date
  std::string change_from = "0m", change_to = "6m";  // the two moments of `change`
  bool nested = false;                // the mixed model: parents nested in trajectories
  std::string instrument;             // the instrument analysed ("" = the safety scale when present, else the first)
  std::string domain;                 // the domain of `change`, `repeated` and `pattern` ("" = the instrument's first)
  std::string person;                 // the one-page sheet's person ("" = the first scored)
  std::string policy = "valid";       // the werkmap's denominator (valid | applicable | all)

  static Options from_werkmap(const core::Werkmap& w);
  void store(core::Werkmap& w) const;
};

struct Inputs {
  const core::MappedDataset* meting = nullptr;
  const core::MappedDataset* instrument = nullptr;
  const core::MappedDataset* telling = nullptr;
  const core::MappedDataset* fase = nullptr;
  const core::MappedDataset* sofs = nullptr;  // the linked SofS dashboard file, when loaded
};

// Every result of spec §5.3 in page order: evolutie.series, change, repeated, pattern, domains, phases,
// completeness, quality, then evolutie.person (the one-page sheet of Options::person). A result whose record type
// is not loaded says so in a note and has no table.
std::vector<Result> results(const Inputs& in, const Options& o);

// One person's sheet: the scores per domain and moment with the direction of each change, as few words as possible
// (result id "evolutie.person"; every table Intern only). The first scored person when `person` is unknown.
Result person_sheet(const Inputs& in, const Options& o, const std::string& person);

}  // namespace zicht::analysis::evolutie
