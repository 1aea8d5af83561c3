#pragma once
// Internal to the matrix analyses: the matrix as the results read it — the dictionary (characteristics, forms,
// legend), the codings (versions) as forms × characteristics grids with resolved cross-references, the selection of
// the facets, and the data-quality findings. Built once per run from the mapped files and the options.
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/build.h"
#include "analysis/matrix.h"

namespace zicht::analysis::matrix::detail {

// A result's tables moved into place (a braced list {a, b} would copy every table, cells and all).
template <class... T>
std::vector<Table> table_list(T&&... t) {
  std::vector<Table> v;
  v.reserve(sizeof...(t));
  (v.push_back(std::forward<T>(t)), ...);
  return v;
}

struct Characteristic {
  std::string id, group, group_type, principle, label, level, to_text, to_sources, remark, filled_by_design,
      moved_to;
  bool has_citation = false;
};

struct Form {
  std::string id, label, full_name, regie, region, insteek, synonyms;
  double age_min = NAN, age_max = NAN;
  int executes = -1;  // voert de ondersteuning zelf uit: 1 ja, 0 nee, −1 unknown
};

struct LegendEntry {
  std::string code, label_nl, label_en, colour_hex;
};

struct Cell {
  State state = State::EMPTY;
  bool present = false;  // a row (or wide cell) of the file said something about this cell
  std::string origin, note, text_style, citations, ref_type, ref_target, unit, file;
  bool uncertain = false;
  double num_min = NAN, num_max = NAN;
  int64_t row = 0;  // file row (header = 1); 0 = not from a file (a recoding or the default EMPTY)
  // The cross-reference resolved to the cell whose text it stands for (chains followed); −1 = none.
  int ref_form = -1, ref_char = -1;
  std::string ref_problem;  // "dangling" | "circular" | "" (resolved or none)
  bool recoded = false;     // set by a workshop recoding of this version
};

struct Coding {
  std::string name;
  std::vector<Cell> cells;  // forms × characteristics: cells[f * nchars + c]
};

struct QualityRule {
  std::string id;
  long n = 0;
};

struct Model {
  std::vector<Characteristic> chars;
  std::vector<Form> forms;
  std::vector<LegendEntry> legend;
  std::vector<Coding> versions;
  bool builtin_chars = true, builtin_forms = true, builtin_legend = true;
  bool wide = false;
  bool fictitious = false;  // some classification is labelled fictief
  std::string cells_file;
  long rows_in = 0, rows_used = 0, rows_flagged = 0;
  std::vector<QualityRule> rules;
  std::vector<Flag> flags;
  // The selection (facets): which characteristics and forms the results count.
  std::vector<char> row_on, form_on;
  size_t active = 0, other = 0;  // indices into versions; other == active when there is one version only

  size_t nc() const { return chars.size(); }
  size_t nf() const { return forms.size(); }
  const Coding& coding() const { return versions[active]; }
  const Cell& cell(size_t f, size_t c) const { return versions[active].cells[f * nc() + c]; }
  int char_index(const std::string& id) const;
  int form_index(const std::string& id) const;
  const LegendEntry* legend_entry(State s) const;
  void flag(const std::string& rule, const std::string& file, int64_t row, const std::string& column,
            const std::string& value);
};

Model build_model(const Inputs& in, const Options& o);

// Helpers shared by the result files.
using build::col;
using build::make_result;
using build::make_table;
using build::pct;
Value state_label(State s, const Model& m);  // the legend's label (nl) with the English gloss
std::string fold(std::string_view s);        // lower case, Dutch diacritics folded, spaces collapsed

// The uncertainty markers of spec §4.3 in a cell's text ("?", "al dan niet", "niet duidelijk", "geen …
// informatie"); empty when none.
std::string uncertainty_marker(const std::string& note);

// Distance of two forms on the parallel scale over the selected rows (and groups when given): mean |s_a − s_b|
// over rows both classify P/GP/NP; shared = that number of rows. NaN when none are shared.
double form_distance(const Model& m, const Coding& v, size_t a, size_t b, const std::vector<char>& rows, long& shared);

std::vector<Result> coverage_results(const Model& m, const Options& o);
Result similarity_result(const Model& m, const Options& o);
Result heatmap_result(const Model& m, const Options& o);
Result compare_result(const Model& m, const Options& o);
Result facets_result(const Model& m, const Options& o);
Result uncertainty_result(const Model& m, const Options& o);
Result versions_result(const Model& m, const Options& o);
Result quality_result(const Model& m, const Options& o);

}  // namespace zicht::analysis::matrix::detail
