#include "core/validation.h"

namespace zicht::core {

void ValidationSummary::add(ValidationFlag f) {
  ++flags_total;
  ++flags_by_rule[f.rule];
  if (flags.size() < max_stored) flags.push_back(std::move(f));
}

const std::vector<std::string>& validation_rules() {
  static const std::vector<std::string> kRules = {
      "row_no_identifier", "row_no_start",   "invalid_date",     "impossible_date",   "date_out_of_range",
      "date_in_count",     "not_a_number",   "out_of_range",     "not_in_code_list",  "invalid_bool",
      "step_after_end",    "step_before_start", "end_before_start", "duplicate_identifier"};
  return kRules;
}

nlohmann::json validation_json(const ValidationSummary& v, size_t first_n) {
  nlohmann::json j;
  j["rows_in"] = v.rows_in;
  j["rows_used"] = v.rows_used;
  j["rows_excluded"] = v.rows_excluded;
  j["flags_total"] = v.flags_total;
  j["flags_by_rule"] = nlohmann::json::object();
  for (const auto& [rule, n] : v.flags_by_rule) j["flags_by_rule"][rule] = n;
  j["excluded_by_rule"] = nlohmann::json::object();
  for (const auto& [rule, n] : v.excluded_by_rule) j["excluded_by_rule"][rule] = n;
  j["first_flags"] = nlohmann::json::array();
  for (size_t i = 0; i < v.flags.size() && i < first_n; ++i) {
    const auto& f = v.flags[i];
    j["first_flags"].push_back(
        {{"file", f.file}, {"row", f.row}, {"column", f.column}, {"field", f.field}, {"value", f.value}, {"rule", f.rule}});
  }
  return j;
}

}  // namespace zicht::core
