#pragma once
// The `matrix` profile (spec/matrix.md): 24 support forms against the characteristics of trajectondersteuning.
// A cell holds a legend class (P, GP, NP, GI, GB, AK), a technical state (UNC, NFD, EMPTY), its verbatim text and
// cross-references ("zie voorgaande"). Read in the long format (cells + optional characteristics, support forms and
// legend; the built-in Odisee dictionary fills in what is not loaded) or as the wide sheet the researchers keep
// (one row per characteristic, one column per form, "P" or "P | tekst" per cell).
//
// Codings are versions: the loaded file's `version` column (the first one is the base), and named recodings made
// in a workshop, kept in the werkmap as overrides of a base version. One version is analysed ("active"); the
// `versions` result compares it with another.
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "core/werkmap.h"

namespace zicht::analysis::matrix {

enum class State : uint8_t { P, GP, NP, GI, GB, AK, UNC, NFD, EMPTY };
constexpr int kStates = 9;
const char* state_code(State s);                 // "P" … "EMPTY"
bool parse_state(std::string_view code, State& out);  // exact code, case-insensitive
inline bool on_scale(State s) { return s == State::P || s == State::GP || s == State::NP; }
inline double scale_value(State s) { return s == State::P ? 1.0 : s == State::GP ? 0.5 : 0.0; }
// Not applicable by design: NFD and UNC leave the `applicable` denominator.
inline bool not_applicable(State s) { return s == State::NFD || s == State::UNC; }

// The werkmap's matrix options (settings.matrix).
struct Recoding {
  std::string name, base;                      // a named version and the version it overrides
  std::map<std::string, std::string> cells;   // "form_id|characteristic_id" → state code
};

struct Options {
  std::string active;                // the version analysed ("" = the first)
  std::string compare_with;          // the version `versions` compares with ("" = the next one)
  std::vector<Recoding> recodings;   // workshop versions
  std::vector<std::string> compare_forms;       // 2–3 form ids for `compare` ("" = the first named overlap)
  std::vector<std::string> similarity_groups;   // group_nl values the similarity uses (empty = all)
  // Facets: rows (group, level, TO citation) and forms (regie, region, insteek, voert zelf uit, age).
  std::vector<std::string> groups, levels, regies, regions, insteek;
  std::string citation;              // "" | "ja" | "nee"
  std::string executes;              // "" | "ja" | "nee"
  double age = NAN;                  // forms whose age range includes this age (years)
  int rare_max_forms = 3;            // "rare": P in at most this many forms
  int min_shared_rows = 10;          // similarity pairs with fewer shared rows are flagged
  int nearest = 3;
  std::map<std::string, std::string> colours;  // state code → #rrggbb (the user's legend colours)
  std::string policy = "valid";      // the werkmap's denominator (valid | applicable | all)

  static Options from_werkmap(const core::Werkmap& w);
  void store(core::Werkmap& w) const;
  const Recoding* recoding(std::string_view name) const;
  Recoding& recoding_for_edit(const std::string& name, const std::string& base);
};

struct Inputs {
  const core::MappedDataset* cells = nullptr;            // kind "cells" or "wide" (required)
  const core::MappedDataset* characteristics = nullptr;  // optional: the built-in dictionary otherwise
  const core::MappedDataset* support_forms = nullptr;
  const core::MappedDataset* legend = nullptr;
};

// Every result of spec §4.3, in page order: matrix.heatmap, coverage_rows, coverage_forms, similarity, compare,
// facets, uncertainty, versions, quality.
std::vector<Result> results(const Inputs& in, const Options& o);

// What the page's controls choose from, before any facet: the versions (file versions, then the werkmap's
// recodings), the row groups and level tags, the forms (id, label) and their regie, region and insteek values.
struct Catalog {
  std::vector<std::string> versions, groups, levels, regies, regions, insteek;
  std::vector<std::pair<std::string, std::string>> forms;
};
Catalog catalog(const Inputs& in, const Options& o);

}  // namespace zicht::analysis::matrix
