// Zicht core (internal) — accumulates cells as dictionary codes while parsing, then types the columns.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bytes.h"
#include "core/reader.h"

namespace zicht::core {

class TableBuilder {
 public:
  TableBuilder(const ReadOptions& opt, ReadReport& rep) : opt_(opt), rep_(rep) {}

  // Positional columns (CSV). Names are made unique ("x", "x_2") and non-empty ("column_3").
  void set_header(const std::vector<std::string>& names);
  size_t add_column(const std::string& name);  // returns index (made unique)
  size_t column_count() const { return cols_.size(); }
  // Named columns (JSON): index by exact (unique) name, created on first use.
  size_t column_by_name(std::string_view name);

  // A row: call begin_row, then set cells, then end_row. Unset cells are empty (Missing).
  void begin_row(int64_t row_number);
  // A text equal to the last one this column interned reuses its code without hashing (exports repeat a value over
  // consecutive rows: a child's characteristics on each of its modules).
  void set(size_t col, std::string_view text) { cols_[col].codes.back() = cols_[col].code_of(text); }
  // Workbooks: intern once, then set the same code for every cell that references the same shared string.
  uint32_t intern(size_t col, std::string_view text) { return cols_[col].dict.intern(text); }
  void set_code(size_t col, uint32_t code) { cols_[col].codes.back() = code; }
  const std::string& column_name(size_t col) const { return cols_[col].name; }
  // Fast path for CSV: append a whole row positionally (extra fields create columns).
  void append_row(int64_t row_number, const std::string_view* fields, size_t n);

  uint64_t memory_bytes() const;
  int64_t rows() const { return int64_t(row_numbers_.size()); }
  void flag(int64_t row, const std::string& column, std::string_view value, const char* rule);

  // Types every column and moves the result into `out`; fills rep_.columns, flags, notes.
  void finish(Table& out, bool json_numbers);

  struct Col {
    std::string name, original;
    bool unnamed = false;
    std::vector<uint32_t> codes;
    StringDict dict;
    uint32_t last = 0;  // the code this column interned last (its previous cell, in a CSV): compared first
    // The code of `text`: the last one again without hashing when the bytes are the same, else interned.
    uint32_t code_of(std::string_view text) {
      const std::string_view prev = dict.at(last);
      if (prev.size() != text.size() || !same_bytes(prev.data(), text.data(), text.size())) last = dict.intern(text);
      return last;
    }
  };

 private:
  std::string unique_name(const std::string& want);
  void type_column(Col& c, Column& out, ColumnInfo& info, bool json_numbers);

  const ReadOptions& opt_;
  ReadReport& rep_;
  std::vector<Col> cols_;
  std::vector<int64_t> row_numbers_;
  std::unordered_map<std::string, size_t> by_name_;
  std::unordered_map<std::string, int> used_names_;
};

}  // namespace zicht::core
