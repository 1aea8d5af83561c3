// Zicht demo — helpers shared by the generators (internal).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.h"
#include "demo/demo.h"
#include "demo/rng.h"

namespace zicht::demo::detail {

inline int32_t ymd(int y, unsigned m, unsigned d) { return core::days_from_civil(y, m, d); }

// The date k calendar months after `day` (k may be negative); the day of month is clamped to the month's length.
int32_t add_months(int32_t day, int k);

using core::exact_months;  // SPEC §4's exact months (core/table.h)

// Splits `total` over `weights` by largest remainder (ties to the lower index): exact integer quotas.
std::vector<int> apportion(int total, const std::vector<int>& weights);

// Organisation index per record: the published size split over the 20 organisations by fixed weights, shuffled.
std::vector<int> organisation_quota(int n, Rng& rng);

// Ids: "ZD-0000001" (trajectories), "KD-0000001" (children), "GD-0000001" (families), "MD-0000001" (modules).
// Appends one CSV field (';'-separated; quoted only when needed).
void csv_field(std::string& out, std::string_view v, bool first = false);
// A date as dd/mm/yyyy, kNoDate empty; a count, negative empty.
inline void csv_date(std::string& out, int32_t v) { csv_field(out, v == kNoDate ? std::string() : format_date(v)); }
inline void csv_count(std::string& out, int v) { csv_field(out, v < 0 ? std::string() : std::to_string(v)); }
// One record type as CSV: the header, then `row(out, record)` for the first `limit` records (0 = all), CRLF ends.
template <class T, class Row>
std::string csv_part(const std::vector<T>& rows, const std::vector<const char*>& head, uint64_t limit, Row row) {
  std::string out;
  for (size_t i = 0; i < head.size(); ++i) csv_field(out, head[i], i == 0);
  out += "\r\n";
  const size_t n = limit == 0 ? rows.size() : static_cast<size_t>(std::min<uint64_t>(limit, rows.size()));
  for (size_t i = 0; i < n; ++i) {
    row(out, rows[i]);
    out += "\r\n";
  }
  return out;
}

std::string trajectory_id(uint64_t n);
std::string child_id(uint64_t n);
std::string family_id(uint64_t n);
std::string module_id(uint64_t n);

// One copy of the published design with ids numbered from first_number (replicas for large files).
SofsDemo generate_sofs_block(uint64_t seed, uint64_t first_child_number);
// The SofS generator's last pass (case_panel.cpp): swaps whole plan-B tuples so the 18 case-panel trajectories
// show the published plan-B picture while every SofS total stays as it was.
void align_panel_plan_b(Rng& rng, std::vector<SofsTrajectory>& trajectories);
// Children numbered from first_child_number, modules from first_module_number, families from first_family_number.
BincDemo generate_binc_block(uint64_t seed, uint64_t first_child_number, uint64_t first_module_number,
                             uint64_t first_family_number);

// Matrix: distance between two forms' cells (mean |s_a − s_b| over rows both code P/GP/NP; −1 when none), and the
// three nearest forms of each form (indices into the grid, ties by form order).
double matrix_distance(const std::vector<MatrixDemoCell>& a, const std::vector<MatrixDemoCell>& b);
std::vector<std::vector<int>> matrix_nearest(const std::vector<std::vector<MatrixDemoCell>>& grid);

}  // namespace zicht::demo::detail
