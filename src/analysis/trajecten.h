#pragma once
// The `trajecten` profile (spec/concept.md §2): Co-ncept's register of the planmakers, one row per registration
// (aanmelding). Counts per calendar year (registrations, starts, closures, stock on 1 January and 31 December),
// Tables 2–4 of the progress report recomputed from the rows (age, region, referrer of the *started*
// trajectories), reasons, registrations never started, wait and duration (Kaplan–Meier to closure), blocking before
// and after (Bowker, Stuart–Maxwell, McNemar), youngsters and families, data quality, and what the Delen mode's
// coarsening (age bands, referrer level 1, merged regions) keeps of Tables 2–4 for the chosen k.
//
// Missing vs NVT (§2.2): an empty `afronding` is lopend, not Missing; an empty `opstart` is pending, and Missing
// only once the registration is older than Options::pending_missing_days; the reasons for not starting are NVT for
// started registrations, blocking is NVT for registrations never started (and blokkade_na while lopend).
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::trajecten {

struct Referrer {
  std::string code;                   // level 1, verbatim ("Voorziening")
  std::vector<std::string> children;  // level 2 ("INOA", "Tordale", "VOT")
};

// The werkmap's trajecten options (settings.trajecten) with the schema's defaults.
struct Options {
  int pending_missing_days = 90;   // an empty opstart older than this is Missing (else pending)
  int minimum_months = 3;          // the minimum duration (completed months; 001:L399–403)
  int k = 5;                       // the small-cell threshold the coarsening result counts against
  bool coarsen_age = false, coarsen_referrer = false, coarsen_region = false;
  std::vector<std::pair<int, int>> age_bands;                     // inclusive [lo, hi]
  std::vector<std::pair<std::string, std::string>> region_merge;  // region → merged name
  std::vector<Referrer> referrers;                                // the editable hierarchical list

  static Options from_werkmap(const core::Werkmap& w);
  void store(core::Werkmap& w) const;
};

// Every result of spec §2.3 in page order: trajecten.flow, age, region, referrer, reasons, units, no_start, timing,
// blocking, quality, coarsening. Without a file every result says so in a note.
std::vector<Result> results(const core::MappedDataset* registratie, const Options& o);

}  // namespace zicht::analysis::trajecten
