// Zicht core — readers for CSV (sniffed dialect, encodings) and JSON (records, columnar, NDJSON).
//
// Usage (incremental, e.g. from the browser main loop):
//   IncrementalReader r("data.csv", opts);
//   r.set_total_bytes(size);                 // optional: enables progress() and the memory estimate
//   while (chunk) if (!r.feed(p, n).ok()) break;   // cancel = stop feeding and destroy the reader
//   Status s = r.finish();
//   Table t = r.take_table(); const ReadReport& rep = r.report();
// Errors are values (Status), never exceptions across this API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/i18n.h"
#include "core/table.h"

namespace zicht::core {

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };
enum class Format { Unknown, Csv, JsonRecords, JsonColumnar, NdJson, Xlsx, Xls, Sav, Zip, Pdf, Gzip, Ods,
                    Zsav, Por, Dta, Sas7bdat, Xpt };  // statistical files: stat_reader.h
enum class DateOrder { DMY, MDY, YMD };

const char* encoding_name(Encoding e);  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"
bool parse_encoding(const std::string& s, Encoding& out);
const char* format_name(Format f);      // "csv", "json-records", "json-columnar", "ndjson", "xlsx", ...

// Stable error codes (the UI maps them to Dutch/English text; `message` is the English detail).
enum class ErrorCode {
  Ok = 0,
  Io,                 // "io_error": file cannot be opened/read
  EmptyFile,          // "empty_file": no bytes (or only a byte-order mark / whitespace)
  UnsupportedFormat,  // "unsupported_format": .xls/.sav/.zip/.pdf/.gz — save as CSV; encrypted workbooks
  TooLarge,           // "too_large": file too large for the memory budget (browser memory)
  MalformedJson,      // "malformed_json"
  NestingTooDeep,     // "nesting_too_deep": JSON nested deeper than ReadOptions::max_json_depth
  TooManyColumns,     // "too_many_columns"
  Finished,           // "finished": feed()/finish() after finish()
  Usage,              // "usage": invalid options
  BrokenWorkbook,     // "broken_workbook": .xlsx/.ods that is truncated, corrupt, a zip bomb or hostile XML
  NoSuchSheet,        // "no_such_sheet": ReadOptions::sheet names no sheet of the workbook
  MalformedFile,      // "malformed_file": a binary file (SPSS, Stata, SAS, …) that is damaged or truncated
};
const char* error_code_name(ErrorCode c);

// A message as a code with arguments: the text lives in assets/i18n/<lang>/reader.json under "reader.<code>"
// with {0}, {1}, … for the arguments (render_note() below). Codes are stable; tests and the inspect JSON use them.
// Examples: "note.short_rows" {"3"}, "error.invalid_json" {"…"}.
struct Note {
  std::string code;
  std::vector<std::string> args;
  bool empty() const { return code.empty(); }
  bool operator==(const Note& o) const { return code == o.code && args == o.args; }
};
// The text of a note in a language (English is the stable rendering of the CLI and the JSON "notes").
std::string render_note(const Note& note, i18n::Lang lang = i18n::Lang::en);

struct Status {
  ErrorCode code = ErrorCode::Ok;
  std::string message;  // English, names file, row, column and rule where they apply (= render_status(…, en))
  int64_t row = 0;      // 1-based row in the file (0 = not applicable)
  std::string column;
  std::string rule;
  Note detail;  // what went wrong as a code ("error.…"); empty for statuses made outside the reader (use message)
  bool ok() const { return code == ErrorCode::Ok; }
  static Status success() { return Status{}; }
};
// The status as text in a language: "file, row 3, column "x": detail [rule]". Falls back to `message` when the
// status has no detail code.
std::string render_status(const Status& s, const std::string& file_name, i18n::Lang lang);

// Which tokens count as Missing / Not applicable in a column. Compared trimmed and case-insensitively.
// Default = the generic suggestion; a schema/profile replaces it per field (SPEC §2).
struct MissingPolicy {
  std::vector<std::string> missing{"", "Missing", "#N/A", "NA", "N/A", "#NULL!", "NULL"};
  std::vector<std::string> nvt{"NVT", "n.v.t.", "n.v.t", "nvt.", "Niet van toepassing"};
  static MissingPolicy generic() { return MissingPolicy{}; }
  static MissingPolicy none() { return MissingPolicy{{""}, {}}; }  // only empty is missing
};

struct ReadOptions {
  std::optional<Encoding> encoding;    // override the detected encoding
  std::optional<char> delimiter;       // override the sniffed delimiter
  std::optional<char> quote;           // override the sniffed quote character
  std::optional<bool> header;          // override header detection
  std::optional<DateOrder> date_order; // force dd/mm or mm/dd for slash/dash/dot dates (all date columns)
  std::map<std::string, ColumnType> type_overrides;  // by column name (after renaming duplicates)
  std::map<std::string, MissingPolicy> missing;      // by column name; others use default_missing
  MissingPolicy default_missing = MissingPolicy::generic();
  uint64_t memory_budget_bytes = uint64_t(1536) << 20;  // 1.5 GiB (browser: wasm heap)
  size_t sniff_bytes = 64 * 1024;
  int max_json_depth = 512;
  size_t max_columns = 100000;
  size_t max_stored_flags = 10000;  // all flags are counted; only the first N are stored
  size_t examples_per_column = 5;
  // false: the caller computes the file's SHA-256 itself and hands it over with set_sha256() before finish() (the
  // browser digests the file with WebCrypto, natively and on another thread, while the reader parses it).
  bool compute_sha256 = true;
  // Workbooks (.xlsx, .xlsm, .ods): the sheet by name or 1-based number ("" = the first sheet holding data) and the
  // 1-based sheet row of the header (0 = detect: title rows, logos and empty rows above it are skipped).
  std::string sheet;
  int header_row = 0;
};

struct Dialect {
  char delimiter = ',';
  char quote = '"';
  bool header = true;
  std::string line_endings;  // "LF", "CRLF", "CR", "mixed", "none"
  bool delimiter_sniffed = true, quote_sniffed = true, header_sniffed = true;
};

// What the sniffer decided and why (DuckDB's sniffer style): each decision has the chosen value, a short stable
// reason code and the evidence behind it. The reason's text is "reader.sniff.<what>.<reason>" with the evidence
// as {0}, {1}, … (render_reason). Decisions that do not apply (delimiter of a JSON file) have reason "not_csv".
struct SniffDecision {
  std::string value;                  // "utf-8", ";", "\"", "yes"/"no", "csv" …; "" when not applicable
  std::string reason;                 // "bom", "valid_utf8", "consistent_fields", "user", "first_row_values", …
  std::vector<std::string> evidence;  // numbers and samples behind the reason
  bool operator==(const SniffDecision& o) const {
    return value == o.value && reason == o.reason && evidence == o.evidence;
  }
};
struct DelimiterCandidate {
  char delimiter = 0;
  size_t rows = 0;        // records in the sample
  size_t fields = 0;      // most common field count
  size_t consistent = 0;  // records with that field count
};
struct Sniff {
  SniffDecision format, encoding, delimiter, quote, header;
  std::vector<DelimiterCandidate> delimiter_candidates;  // CSV: every candidate tried, in order ; , tab |
};
// The reason of one decision as text; `what` is "format", "encoding", "delimiter", "quote" or "header".
std::string render_reason(std::string_view what, const SniffDecision& d, i18n::Lang lang = i18n::Lang::en);

struct CellFlag {
  std::string file;
  int64_t row = 0;      // 1-based row (record) in the file, header = row 1
  std::string column;
  std::string value;    // raw text (truncated to 200 bytes)
  std::string rule;     // e.g. "invalid_date", "not_a_number", "ragged_row", "stray_quote"
  std::string cell;     // workbooks: sheet and cell, "Blad1!F12" ("" for CSV/JSON)
};

struct ColumnInfo {
  std::string name;
  std::string original_name;  // before renaming duplicates / empty names
  ColumnType type = ColumnType::Text;
  bool type_overridden = false;
  int64_t values = 0, missing = 0, nvt = 0, invalid = 0;
  int64_t distinct = 0;  // distinct non-missing raw values
  std::vector<std::string> examples;
  std::vector<std::string> missing_tokens_seen;  // tokens that were counted as Missing / NVT
  std::vector<std::string> nvt_tokens_seen;
  // Numbers: ',' or '.' decimal separator used; dates: the order used and whether it was ambiguous.
  char decimal_separator = 0;
  DateOrder date_order = DateOrder::DMY;
  bool date_order_ambiguous = false;
  // Where the type came from when not (only) from the cell text: "excel_date_format" (detail: the number format,
  // e.g. "dd/mm/yyyy"), "ods_date" (cells of value type date); "" = the text of the cells.
  std::string type_source, type_source_detail;
  std::string cell_range;  // workbooks: the column's cells, "Blad1!B3:B40"
  // Statistical files (stat_reader.h): what the file itself declares about the column.
  std::string label;                   // variable label, beside the name (column matching uses both)
  std::string source_format;           // the file's display format: "F8.2", "A20", "DATE11", "%td", "MMDDYY10"
  std::vector<std::string> type_from;  // where the type came from: "value_labels", "user_missing", "date_format"
  std::vector<std::pair<std::string, std::string>> value_labels;  // code -> label, as declared
  std::vector<std::string> user_missing;  // declared user-missing codes and ranges ("98", "-9 thru -1")
  std::vector<std::string> missing_codes;  // the declared-missing codes that occur ("-5", "99", ".a"): Missing cells
};

// Workbooks: every sheet (size from its cells, not from its declared dimension), the chosen one and its header.
struct SheetInfo {
  std::string name;
  bool hidden = false;
  int64_t rows = 0, cols = 0;  // extent of the cells holding a value (last row/column, 1-based); 0 = empty
  int64_t cells = 0;           // cells holding a value
  std::string declared;        // the declared dimension ("A1:W1048576"), "" when none
};
struct WorkbookInfo {
  std::vector<SheetInfo> sheets;
  int chosen = -1;            // index into sheets
  std::string chosen_reason;  // "user_name", "user_number", "first_with_data"
  int header_row = 0;         // 1-based sheet row of the header (0 = none)
  int header_rows = 0;        // 1, or 2 when a merged / two-row header was joined
  std::string header_reason;  // "user", "detected", "first_row", "no_header"
  bool date1904 = false;
};

struct ReadReport {
  std::string file_name;
  std::string sha256;  // of the raw bytes, lowercase hex (filled by finish())
  uint64_t bytes = 0;
  Format format = Format::Unknown;
  Encoding encoding = Encoding::Utf8;
  bool encoding_overridden = false;
  std::string encoding_reason;  // English text of sniff.encoding ("byte-order mark", "valid UTF-8", …)
  Dialect dialect;
  Sniff sniff;                  // what was detected and why (format, encoding, delimiter, quote, header)
  int64_t rows_in = 0;          // data rows in the table
  std::vector<ColumnInfo> columns;
  std::vector<CellFlag> flags;  // first max_stored_flags flags
  int64_t flags_total = 0;
  std::map<std::string, int64_t> flags_by_rule;
  std::vector<Note> notes;  // renamed columns, ambiguities, ragged rows, …: render_note(note, lang) for the text
  WorkbookInfo workbook;    // .xlsx/.ods only (sheets empty otherwise)
};

struct ReadResult {
  Status status;
  ReadReport report;
  Table table;
  bool ok() const { return status.ok(); }
};

class IncrementalReader {
 public:
  IncrementalReader(std::string file_name, ReadOptions options = {});
  ~IncrementalReader();
  IncrementalReader(const IncrementalReader&) = delete;
  IncrementalReader& operator=(const IncrementalReader&) = delete;

  void set_total_bytes(uint64_t total);  // optional; used by progress() and the memory estimate
  // With ReadOptions::compute_sha256 = false: the digest of all bytes fed, as 64 hex digits; required before finish().
  void set_sha256(std::string hex);
  Status feed(const uint8_t* data, size_t n);
  Status finish();
  double progress(uint64_t total_bytes) const;  // 0..1 of bytes fed
  double progress() const;                      // uses set_total_bytes (0 if unknown)
  uint64_t bytes_fed() const;
  const ReadReport& report() const;
  Table take_table();
  const Status& status() const;  // first error (sticky)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

ReadResult read_bytes(std::string file_name, const uint8_t* data, size_t n, const ReadOptions& options = {});
ReadResult read_file(const std::string& path, const ReadOptions& options = {});

// The `zicht inspect` JSON (SPEC §7); also used by the browser state hook. "notes" holds the English text,
// "note_codes" the same notes as {"code", "args"}; "sniff" the detection decisions with their reasons.
nlohmann::json inspect_json(const ReadResult& result);
// Status as JSON: {"error": code, "message", "file", "row", "column", "rule"} and, from the reader, "detail":
// {"code", "args"}.
nlohmann::json status_json(const Status& s, const std::string& file_name);

}  // namespace zicht::core
