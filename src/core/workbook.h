// Zicht core (internal) — what the workbook readers (.xlsx: xlsx_reader.cpp, .ods: ods_reader.cpp, .xls: xls_reader.cpp) share: cell
// addresses, number formats and date serials, the sheet list and the choice of sheet, and SheetAssembler, which
// turns a sheet's cells, row by row as the XML streams past, into TableBuilder rows: header row found below title
// rows, two-row and merged headers joined, merged / hidden / error cells flagged with their address ("Blad1!F12").
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/reader.h"
#include "core/table_builder.h"
#include "core/xml_sax.h"
#include "core/zip.h"

namespace zicht::core {

constexpr int32_t kMaxSheetCols = 16384;     // XFD
constexpr int64_t kMaxSheetRows = 1048576;
constexpr size_t kMaxCellChars = 32767;      // Excel's limit on the text of a cell

// "F12" → row 12, column 6 (both 1-based). False when not an address inside the sheet limits.
bool parse_cell_ref(std::string_view ref, int64_t& row, int32_t& col);
std::string column_letters(int32_t col);               // 6 → "F"
std::string cell_ref(int64_t row, int32_t col);        // "F12"
// Cuts UTF-8 text at kMaxCellChars code points; true when it was longer.
bool cap_cell_text(std::string& s);

// Number formats: what a number in a cell with this format is.
enum class NumFmtKind : uint8_t { Number, Date, DateTime, Time };
NumFmtKind classify_number_format(int id, std::string_view code);  // code "" for built-in ids
std::string builtin_number_format(int id);                          // 14 → "m/d/yyyy"; "" when not a date/time
// A day-first date format ("dd/mm/yyyy", "d-m-yy", "DD.MM.YYYY", optional time after a space): its separator,
// else 0. Such dates keep that text, as a CSV export of the sheet would.
char dmy_separator(const std::string& code);
// A serial day number as text: "2021-05-02", "2021-05-02 10:30:00" or "10:30:00". False when out of range.
bool serial_to_text(double serial, bool date1904, NumFmtKind kind, std::string& out);

struct MergeRange {
  int64_t r1 = 0, r2 = 0;
  int32_t c1 = 0, c2 = 0;
};

// What the first pass over a sheet learns (its extent and merges) — sizes for the sheet list, merges for the header.
struct SheetScan {
  SheetInfo info;
  std::vector<MergeRange> merges;
  int64_t first_row = 0;  // first row holding a value
};

// Picks the sheet to read: ReadOptions::sheet by name or number, else the first visible sheet holding data (then
// the first hidden one). Returns -1 with `error` set to a Status when the asked sheet does not exist.
int choose_sheet(const std::vector<SheetInfo>& sheets, const ReadOptions& opt, const std::string& file,
                 std::string& reason, Status& error);

// Unread: a cell whose value the format's library cannot give (an .xls formula result): Missing, flagged.
enum class CellKind : uint8_t { Text, Number, Bool, Date, Error, Unread };

class SheetAssembler {
 public:
  SheetAssembler(TableBuilder& b, ReadReport& rep, const ReadOptions& opt, std::string sheet,
                 std::vector<MergeRange> merges, const char* date_source);
  // A one-pass reader's assembler: the merges come later, through set_merges_late().
  SheetAssembler(TableBuilder& b, ReadReport& rep, const ReadOptions& opt, std::string sheet, const char* date_source)
      : SheetAssembler(b, rep, opt, std::move(sheet), {}, date_source) { merges_known_ = false; }
  void set_hidden_columns(std::set<int32_t> cols) { hidden_cols_ = std::move(cols); }  // flagged in finish()
  // One-pass readers (.xlsx: merges follow the cells): constructed without merges, given them before complete().
  // True when the header was decided mid-sheet without them and they would have changed it (a range starting in
  // the header row): the sheet must then be read again with the merges known from the start.
  bool set_merges_late(std::vector<MergeRange> merges);
  void begin_row(int64_t row, bool hidden);
  // A cell of the current row. `text` is the value as text (numbers canonical, dates ISO); Error: the error
  // ("#DIV/0!"); `fmt`: for Date, the number format it came from (type source). `key` >= 0: a shared-string
  // index (equal keys = equal text), so a string referenced a million times is hashed once per column.
  void cell(int32_t col, std::string_view text, CellKind kind, const std::string& fmt = {}, int64_t key = -1);
  void end_row();
  void flag_truncated(int32_t col, std::string_view text);  // the cell's text was cut at 32,767 characters
  void finish();    // after the last row (before TableBuilder::finish): header of a short sheet, merged/hidden flags
  void annotate();  // after TableBuilder::finish: flags get their cell, columns their range and type source
  // The end of every workbook reader: finish(), the builder's rows into `table`, annotate().
  void complete(Table& table);
  bool too_large() const { return too_large_; }
  int64_t rows_seen() const { return rows_seen_; }

 private:
  struct Cell {
    int32_t col;
    CellKind kind;
    std::string text, fmt;
  };
  struct Row {
    int64_t row = 0;
    bool hidden = false;
    std::vector<Cell> cells;
  };
  void decide_header();
  void set_columns(const std::vector<std::pair<int32_t, std::string>>& names);
  void emit(const Row& r);
  void put(int64_t row, int32_t col, std::string_view text, CellKind kind, const std::string& fmt, int64_t key);
  size_t column_for(int32_t sheet_col);
  void flag_at(int64_t row, const std::string& column, std::string_view value, const char* rule, std::string cell);
  std::string where(int64_t row, int32_t col) const { return sheet_ + "!" + cell_ref(row, col); }

  TableBuilder& b_;
  ReadReport& rep_;
  const ReadOptions& opt_;
  std::string sheet_;
  std::vector<MergeRange> merges_;
  std::set<int32_t> hidden_cols_;
  const char* date_source_;
  bool header_decided_ = false, too_large_ = false;
  bool merges_known_ = true;      // false from construction by a one-pass reader until set_merges_late()
  int64_t early_header_row_ = -1;  // header decided before the merges were known: its row (0: no header)
  std::vector<Row> buffered_;
  size_t buffered_bytes_ = 0;
  Row cur_;
  bool in_row_ = false;
  int64_t rows_seen_ = 0, first_data_row_ = 0, last_data_row_ = 0;
  std::vector<int32_t> col_of_sheet_;   // sheet column (1-based) → builder column + 1 (0 = none yet)
  std::vector<int32_t> sheet_of_col_;   // builder column → sheet column
  std::vector<int64_t> date_cells_;     // per builder column
  std::vector<std::string> date_fmt_;   // per builder column: first date format seen
  struct KeyCodes {                  // per builder column: shared string → code
    std::vector<uint32_t> flat;      // by key: code + 1 (0: not met yet)
    std::unordered_map<int64_t, uint32_t> far;  // keys beyond what `flat` may grow to
    uint64_t count = 0;              // keys met
  };
  std::vector<KeyCodes> key_codes_;
  struct SheetColumn {
    int32_t col = 0;
    int64_t date_cells = 0;
    std::string date_fmt;
  };
  std::map<std::string, SheetColumn> columns_;  // by final column name
};

// What a format reader works with (workbook_reader.cpp sets it up from the buffered file).
struct WorkbookContext {
  const std::string& file;
  const ReadOptions& opt;
  ReadReport& rep;
  TableBuilder& builder;
  ZipArchive& zip;
  Table& table;
};
// An error Status for a zip problem in `part` (entry name), with the reader.json code for its kind.
Status zip_status(const WorkbookContext& cx, ZipError e, const std::string& detail);
// Streams one part of the archive through a SAX parser; an error Status names the part (and a DTD as such).
// `handler_error`: where the SAX handler puts its own error when it stops the parse (returned as is).
Status parse_part(WorkbookContext& cx, const ZipEntry& e, XmlSax& sax, const Status* handler_error = nullptr);
// A small part (relationships, workbook, styles) whole; "" when the archive lacks it. Status on zip errors.
Status read_small_part(WorkbookContext& cx, const std::string& name, std::string& out, bool& found);
// Once the table is built: the sheet list note and the declared-dimension note.
void note_sheets(ReadReport& rep);

Status read_xlsx(WorkbookContext& cx);
Status read_ods(WorkbookContext& cx);
// .xls (BIFF5/8) through libfreexl plus xls_scan.cpp, from the whole file (the driver's Mode::Whole).
Status read_xls(const std::string& file, const uint8_t* data, size_t n, const ReadOptions& opt, ReadReport& rep,
                TableBuilder& builder, Table& table);

}  // namespace zicht::core
