#pragma once
// Small-cell suppression for the "delen" mode (SPEC §5), generic over the result model: any analysis::Table.
//
// How a table is read (the conventions every profile's tables follow; see analysis/tables.h):
// - Count cells are the integer cells of Role::count columns. Counts 1…k−1 are suppressed (primary); zeros stay
//   (unless one is the only possible complement, below).
// - Margins. A count column named "total"/"totaal", or equal to the sum of the other count columns in every row
//   (at least three non-empty rows, so a coincidence does not count), is a total column; a row labelled
//   "Totaal"/"Total" (or an unlabelled last row that is the sum of the others) is a total row. The remaining
//   count columns and rows form the inner table.
//   * 1-D (one inner count column, e.g. frequency_table): for every denominator column, rows sharing one
//     denominator value whose counts add up to it form a published sum (valid / applicable / all); the sum over
//     all rows is known anyway (the number of rows in the file is in the provenance). Without a denominator the
//     column total is assumed published.
//   * 2-D (two or more inner count columns): every inner row and every inner column has a total: the total
//     column / total row when the table has one, a denominator equal to the row sum, else a margin assumed
//     published elsewhere — unless it is itself a count below k, then it is an unknown (hidden wherever it is
//     published) whose sum with the other small margins is known (the grand total is public).
// - Secondary suppression: every sum above is a linear equation. A small cell is "recoverable" when the
//   published cells and totals determine it uniquely (checked exactly: Gauss–Jordan elimination over the
//   integers on the suppressed unknowns). While some small cell is recoverable, one more cell is suppressed:
//   the smallest published non-zero cell whose suppression makes it unrecoverable (inner cells before totals
//   before denominators, then by count, row, column), else the cheapest such pair, else (last resort, where the
//   other cells of a row are zeros shown next to a published total) a zero cell, else the smallest cell that
//   shares a sum with it; repeated to a fixed point. Complements of k or more may themselves stay recoverable:
//   they reveal nothing small. When nothing inside the table can help (a total the public row count fixes is
//   itself below k), the cell is counted as `unprotected` and the result gets a note not to share it.
// - Percentages (and lower/upper bounds) belong to the nearest count column to their left (their numerator) and
//   the first denominator column to their right: suppressed when either is suppressed.
// - Statistics of small groups (mean, SD, median, minimum, maximum, …): (a) row-wise, when the row has a count
//   column "n" (or the table has exactly one count column) below k, every statistic/lower/upper cell of the row
//   is suppressed (a Kaplan–Meier step table's "n_risk" counts as its "n": time, survival and bounds of the steps
//   with fewer than k at risk are hidden, so the published curve stops there; such a step table has no margins
//   and gets no secondary suppression); (b) column-wise (descriptives_table layout), a row labelled "n" gives the group size of each
//   statistic column: below k, every other number in that column is suppressed. Count-like rows of such tables
//   ("n", "ontbrekend"/"missing") follow the primary rule.
// - Not covered (documented limitation): sums that link different tables or results (a count published in one
//   table and again in another) are not modelled; each table is protected against its own margins.
// All suppressed cells read "<k" (the JSON contract), also the complementary ones, so a reader cannot tell which
// ones are small; the note on each result says so.
#include <string>
#include <vector>

#include "analysis/result.h"

namespace zicht::privacy {

struct TableSummary {
  std::string result_id, table_id;
  int primary = 0;      // count cells 1…k−1
  int secondary = 0;    // complementary cells (counts, totals, denominators) so no suppressed cell can be recomputed
  int dependent = 0;    // percentages, bounds and statistics suppressed with them (or groups below k)
  int unprotected = 0;  // suppressed cells still recoverable from published totals (only when the total itself < k)
  int total() const { return primary + secondary + dependent; }
};

struct SuppressionSummary {
  std::vector<TableSummary> tables;  // one per table that had any suppressed cell
  int primary = 0, secondary = 0, dependent = 0, unprotected = 0;
  int tables_seen = 0;
  void add(const TableSummary& t);
};

// Suppresses one table in place with threshold k (≥ 2). Returns the table's counts (added to `summary` when
// anything was suppressed); result_id/table_id are filled from the arguments/table.
TableSummary suppress(analysis::Table& table, int k, SuppressionSummary& summary, const std::string& result_id = "");

// Pairs a percent / lower / upper column with its numerator count column and its denominator column (-1 = none).
struct PercentPairing {
  int numerator = -1, denominator = -1;
  // A count column "n" further left, when the nearest count is another one ("n", "n_known", "pct_valid": the share
  // may be of either): the percentage is hidden when either is, so a share never gives a hidden count back.
  int also = -1;
};
PercentPairing percent_pairing(const analysis::Table& table, int column);

// The inner table as the suppression reads it: rows and count columns without total rows/columns.
struct InnerLayout {
  std::vector<int> rows, columns;
};
InnerLayout inner_layout(const analysis::Table& table);

bool is_count_value(const analysis::Value& v);  // integer, or a number with an integral value
int64_t count_value(const analysis::Value& v);

}  // namespace zicht::privacy
