// Zicht core — typed columnar table produced by the readers (CSV, JSON).
//
// Layout: one Column per input column, all columns the same length (Table::rows()).
// Every cell has a CellState (1 byte): Value, Missing, NotApplicable or Invalid.
// Payload per cell depends on the column type:
//   Integer     int64_t  8 bytes + 1 byte state   (= 9 bytes per cell)
//   Decimal     double   8 bytes + 1 byte state   (= 9 bytes per cell)
//   Date        int32_t  4 bytes + 1 byte state   (= 5 bytes per cell; days since 1970-01-01)
//   Boolean     uint8_t  1 byte  + 1 byte state   (= 2 bytes per cell)
//   Categorical uint32_t 4 bytes + 1 byte state   (= 5 bytes per cell) + per-column string dictionary
//   Text        uint32_t 4 bytes + 1 byte state   (= 5 bytes per cell) + per-column string dictionary
// plus 8 bytes per row for provenance (original row number) and, for typed columns only, 8 bytes per
// cell whose raw text differs from its typed value (missing tokens, NVT tokens, invalid cells) so the
// raw text is never lost. For Categorical/Text columns the code always refers to the raw text, also for
// missing and NVT cells (so "Niet van toepassing" stays available as a category).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zicht::core {

enum class ColumnType : uint8_t { Integer, Decimal, Date, Boolean, Categorical, Text };
enum class CellState : uint8_t { Value = 0, Missing = 1, NotApplicable = 2, Invalid = 3 };

const char* column_type_name(ColumnType t);  // "integer", "decimal", "date", "boolean", "categorical", "text"
bool parse_column_type(std::string_view s, ColumnType& out);

// Interning string dictionary: one arena for the bytes, open-addressing hash index; no allocation per string.
// Code 0 is always the empty string.
class StringDict {
 public:
  StringDict();
  uint32_t intern(std::string_view s);
  // Returns UINT32_MAX when s is not in the dictionary.
  uint32_t find(std::string_view s) const;
  std::string_view at(uint32_t code) const {
    return std::string_view(arena_.data() + offsets_[code], offsets_[code + 1] - offsets_[code]);
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  uint64_t memory_bytes() const;
  void clear();

 private:
  void grow();
  std::string arena_;
  std::vector<uint32_t> offsets_;  // size()+1 entries
  std::vector<uint32_t> slots_;    // code+1, 0 = empty
  std::vector<uint32_t> hashes_;   // low 32 bits of the hash per code (fast reject, rehash)
};

struct Column {
  std::string name;
  ColumnType type = ColumnType::Text;
  std::vector<CellState> state;
  std::vector<int64_t> ints;    // Integer
  std::vector<double> reals;    // Decimal
  std::vector<int32_t> days;    // Date: days since 1970-01-01
  std::vector<uint8_t> bools;   // Boolean: 0/1
  std::vector<uint32_t> codes;  // Categorical / Text: code into dict
  StringDict dict;              // Categorical/Text: the values; typed columns: raw text of non-value cells
  // Typed columns only: (row index, dict code) of cells whose raw text is not the typed value, sorted by row.
  std::vector<std::pair<uint32_t, uint32_t>> raw;

  size_t size() const { return state.size(); }
  bool is_value(size_t row) const { return state[row] == CellState::Value; }
  // The cell's original text (UTF-8) for any column type and state; for typed Value cells it is re-rendered
  // from the value only if no raw text was kept (e.g. "12", "2023-01-31", "true").
  std::string raw_text(size_t row) const;
  // Categorical/Text value (empty view for other types).
  std::string_view str(size_t row) const {
    return codes.empty() ? std::string_view() : dict.at(codes[row]);
  }
  uint64_t memory_bytes() const;
};

class Table {
 public:
  std::vector<Column> columns;
  std::vector<int64_t> row_number;  // original 1-based row (record) number in the file; header = row 1

  size_t rows() const { return row_number.size(); }
  size_t cols() const { return columns.size(); }
  const Column* find(std::string_view name) const;
  uint64_t memory_bytes() const;
};

// Dates: civil date <-> days since 1970-01-01 (proleptic Gregorian).
int32_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int32_t z, int& y, unsigned& m, unsigned& d);
bool valid_civil(int y, int m, int d);
std::string format_iso_date(int32_t days);
int year_of(int32_t days);

// The two month conventions of SPEC §4, defined once for analyses and the demo alike: thresholds and categories
// (≤ 8 months, closing year) use completed calendar months (SPSS DATEDIFF "month"); means, medians and
// Kaplan–Meier use exact months = days / 30.4375.
constexpr double kDaysPerMonth = 30.4375;
int completed_months(int32_t from, int32_t to);  // whole months from `from` to `to`; negative when to < from
// `months` calendar months after `day`: the same day of the month, clamped to the month's end (31 Jan + 1 = 28/29 Feb).
int32_t add_months(int32_t day, int months);
inline double exact_months(int32_t from, int32_t to) { return double(to - from) / kDaysPerMonth; }

// year_of and completed_months for loops over every row of a file: the days in the span [lo, hi] by looking up
// their civil dates, computed once; other days as above. The same numbers either way.
class CivilSpan {
 public:
  CivilSpan(int32_t lo, int32_t hi);  // empty when hi < lo
  bool covers(int32_t day) const { return day >= lo_ && int64_t(day) - lo_ < int64_t(month_.size()); }
  int year_of(int32_t day) const;
  int completed_months(int32_t from, int32_t to) const;

 private:
  int32_t lo_;
  std::vector<int32_t> month_;  // per day from lo_: year * 12 + month - 1
  std::vector<uint8_t> mday_;   // per day from lo_: day of the month
};

}  // namespace zicht::core
