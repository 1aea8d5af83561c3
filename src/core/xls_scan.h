// Zicht core (internal) — what libfreexl does not tell about an .xls (BIFF5/BIFF8) workbook, read by a small,
// bounded walk of the OLE2 compound file (header, FAT/DIFAT, directory, the "Workbook"/"Book" stream, also from the
// mini stream) and of that stream's record headers. freexl 1.0.6 skips FORMULA records (a formula cell would be
// silently empty), returns an error cell (BOOLERR with fError) as the integer 1, does not report hidden sheets, rows
// and columns nor merged cells, and trusts the declared DIMENSION (a cell outside it fails the whole file, a huge
// one is allocated up front). So this walk collects only: the sheets (name, hidden, where their records start),
// DATEMODE, FILEPASS, the number format of each XF (freexl types dates itself but keeps the format code
// to itself: the code gives dd/mm/yyyy text as for .xlsx, and a formula's number result its date type), per sheet the DIMENSION, the extent of value cells, FORMULA cells with their cached result
// (number, boolean, error, or text from the STRING record that follows), BOOLERR cells, MERGEDCELLS, hidden rows
// (ROW) and columns (COLINFO), and which number cells have a date format. Cell values themselves come from freexl. Every offset is checked against the bytes
// present; chains are bounded by the number of sectors; nothing is allocated beyond the file's size and `budget`.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/workbook.h"

namespace zicht::core {

struct XlsCell {
  enum Kind : uint8_t { Number, Text, Bool, Error, Unread } kind = Number;
  bool formula = false;
  uint32_t row = 0;  // 0-based, as in the file
  uint16_t col = 0;
  double num = 0;
  uint8_t code = 0;  // Bool: 0/1; Error: the BIFF error code
  uint16_t xf = 0;   // the cell's format (XF index)
  std::string text;  // Text: the formula's string result (UTF-8)
};

struct XlsSheet {
  std::string name;
  bool hidden = false;
  uint8_t type = 0;          // BOUNDSHEET dt: 0 worksheet, 2 chart, 6 VB module
  uint32_t bof = 0;          // stream offset of the sheet's BOF
  bool has_dim = false;
  uint32_t dim_rows = 0;     // DIMENSION rwMac, colMac (one past the last)
  uint32_t dim_cols = 0;
  int64_t max_row = -1;      // largest 0-based row / column of a value record
  int32_t max_col = -1;
  std::vector<XlsCell> cells;  // FORMULA and BOOLERR cells, in stream order
  std::vector<MergeRange> merges;  // 1-based
  std::set<int64_t> hidden_rows;   // 1-based
  std::set<int32_t> hidden_cols;   // 1-based
  std::map<uint32_t, std::pair<uint16_t, uint16_t>> row_cols;  // rows with value cells: first and last column
  std::unordered_map<uint32_t, uint16_t> date_xf;  // NUMBER/RK/MULRK cells in a date format: row * 256 + col → XF
};

struct XlsDateFormat {
  NumFmtKind kind = NumFmtKind::Number;
  std::string code;  // the number format's code ("dd/mm/yyyy"; built-in ids by builtin_number_format)
};

struct XlsScan {
  int biff = 0;  // 5 or 8
  bool date1904 = false, filepass = false;
  std::vector<XlsDateFormat> xf;  // per XF index (FORMAT and XF records of the globals)
  // What freexl will allocate for cells: every DIMENSION record anywhere in the stream, rows × columns (read both
  // the BIFF8 and the BIFF5 way, the larger counts), summed; and whether one declares more than Excel 97 allows.
  uint64_t declared_cells = 0;
  bool dimension_beyond_limits = false;
  bool dimension_repeated = false;  // two DIMENSION records in one substream (freexl allocates, and leaks, both)
  bool dimension_short = false;     // a DIMENSION record too short for the sizes freexl reads from it
  // A LABEL or FORMAT record whose text is longer than the record: freexl 1.0.6 would read past its buffer.
  bool text_overrun = false;
  std::vector<XlsSheet> sheets;
};

enum class XlsScanError { None, NotOle, Truncated, Corrupt, NoWorkbookStream, TooLarge };

// `detail`: what is wrong, in English, for the message ("sector 12 lies beyond the end of the file").
XlsScanError scan_xls(const uint8_t* p, size_t n, uint64_t budget, XlsScan& out, std::string& detail);

// 0x07 → "#DIV/0!" (BIFF error codes); "#ERR" for an unknown code.
const char* xls_error_name(uint8_t code);

}  // namespace zicht::core
