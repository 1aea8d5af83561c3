#pragma once
// The `procesflow` profile (spec/concept.md §3): Co-ncept's procesflow micro → meso → macro — meetings (overleggen)
// with their attendance, the themes they raise, the learning networks' findings (bevindingen), the forum's dot
// votes and card statements, its action points and the recommendations with the trail behind each. Eleven record
// types, each its own file (one JSON with one array per type also works), linked to a loaded `trajecten` register by
// traject_id.
//
// Two record contracts the workshop mode relies on (it calls priorities() and statements() on its own in-memory
// records, mapped with this schema):
//   stemming  overleg_id;optie;stemmen — one row per option with its count (0 allowed), or one row per dot (stemmen
//             empty → 1). `optie` is a bevinding_id when one matches (label = bevinding.tekst), else its own text
//             is the label; an empty optie is a quality flag, never an unlabeled slice.
//   stelling  stelling_id;overleg_id;nummer;tekst;schaal;uitkomst_tekst;positie;aantal;argumenten — one row per
//             statement (no positie/aantal) or one per statement × position (statement fields repeated);
//             stelling_stem (stelling_id;positie;aantal;argumenten) is the normalised alternative; both combine.
//             A statement with only uitkomst_tekst has tallies Missing (not zero).
// Votes, attendance and tallies are not client units (client_unit = false). Free text (quotes, arguments) is
// Intern only unless vrijgegeven = ja.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::procesflow {

struct Inputs {
  const core::MappedDataset *overleg = nullptr, *aanwezigheid = nullptr, *thema = nullptr, *overleg_thema = nullptr,
                            *bevinding = nullptr, *actiepunt = nullptr, *aanbeveling = nullptr, *stemming = nullptr,
                            *stelling = nullptr, *stelling_stem = nullptr, *citaat = nullptr,
                            *trajecten = nullptr;  // the linked `trajecten` register (registratie), when loaded
};

// The werkmap's procesflow options (settings.procesflow) with the schema's defaults.
struct Options {
  std::string overleg;  // "" = all; else only this overleg's votes and statements (priorities, statements)
  static Options from_werkmap(const core::Werkmap& w);
  void store(core::Werkmap& w) const;
};

// Every result of spec §3.3 in page order: procesflow.cadence, flow, themes, attendance, priorities, statements,
// actions, recommendations, quotes, quality. A result whose record type is not loaded says so in a note.
std::vector<Result> results(const Inputs& in, const Options& o);

// "procesflow.priorities": per overleg (one view per vote set) each option's votes and % of the set's votes,
// sorted bars with labels; n = total votes under the chart. client_unit = false.
Result priorities(const Inputs& in, const Options& o);
// "procesflow.statements": per statement its tallies per position, % agree with the Clopper–Pearson 95 % CI
// (agree = akkoord, ja, eens, geen kader nodig; "half" counts in n, not as agree) and the verbal outcome;
// diverging bars. client_unit = false; arguments Intern only.
Result statements(const Inputs& in, const Options& o);

}  // namespace zicht::analysis::procesflow
