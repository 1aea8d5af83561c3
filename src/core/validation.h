// Zicht core — validation of a mapped file (SPEC §2, §2.1, §4): problems are flagged per cell and never silently
// dropped; a row is excluded only when it is unusable as a whole (no identifier, no start date).
// rows_in = rows_used + rows_excluded, always.
//
// Rules (stable ids; the UI shows i18n "rule.<id>"):
//   row_no_identifier    row excluded: the identifier cell is empty / missing / NVT
//   row_no_start         row excluded: the start date is empty, missing or not a usable date
//   invalid_date         not a date and not an allowed token ("ja"/"nee" where the field allows them)
//   impossible_date      date-shaped but not a calendar date (31/02/2023)
//   date_out_of_range    before 1900-01-01 or after the as-of date + 1 year (kept, flagged)
//   date_in_count        a date in a count field (netwerkberaden: means "≥ 1, count unknown")
//   not_a_number         a count / integer field holding text
//   out_of_range         a number outside the field's plausible range (negative count, age 40)
//   not_in_code_list     a value outside a closed code list (after recoding)
//   invalid_bool         a partnership cell that is not ja/nee
//   step_after_end       a SofS step dated after einddatum (kept as taken)
//   step_before_start    a SofS step dated before start_cb (kept as taken)
//   end_before_start     einddatum / einde before the start date
//   duplicate_identifier the identifier repeats where it must be unique (SofS trajectories, Binc client file)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace zicht::core {

struct ValidationFlag {
  std::string file;
  int64_t row = 0;      // ORIGINAL 1-based row number in the file (Table::row_number; header = row 1)
  std::string column;   // column name in the file
  std::string field;    // schema field id
  std::string value;    // the cell's text
  std::string rule;
};

struct ValidationSummary {
  int64_t rows_in = 0, rows_used = 0, rows_excluded = 0;
  int64_t flags_total = 0;
  std::map<std::string, int64_t> flags_by_rule;     // every flag, row-level ones included
  std::map<std::string, int64_t> excluded_by_rule;  // row_no_identifier / row_no_start
  std::vector<ValidationFlag> flags;                // the first max_stored flags, in row order per rule pass
  size_t max_stored = 200000;

  void add(ValidationFlag f);
};

// All rule ids, in display order.
const std::vector<std::string>& validation_rules();

// {"rows_in", "rows_used", "rows_excluded", "flags_total", "flags_by_rule", "excluded_by_rule",
//  "first_flags": [{"file","row","column","field","value","rule"}…]} (first `first_n` flags).
nlohmann::json validation_json(const ValidationSummary& v, size_t first_n = 20);

}  // namespace zicht::core
