// Zicht core — the reader's internals shared by its parts (not a public header):
//   sniff.cpp         what the file is: format, encoding, delimiter, quote, header (with reasons)
//   csv_scanner.cpp   CSV tokenising into records (the hot loop)
//   json_scanner.cpp  JSON splitting into records and flattening
//   reader.cpp        the driver: IncrementalReader, read_bytes, read_file
//   workbook_reader.cpp  .xlsx/.ods: the zip buffered, then xlsx_reader.cpp / ods_reader.cpp (workbook.h)
//   reader_report.cpp names, message texts, inspect JSON
#pragma once

#include <string>
#include <vector>

#include "core/encoding.h"
#include "core/reader.h"
#include "core/sha256.h"
#include "core/table_builder.h"

namespace zicht::core {

// An error Status: the detail is a code ("error.<name>" in reader.json) with arguments; `message` is its English
// text prefixed with the file, row and column, and followed by the rule.
Status make_error(ErrorCode code, const std::string& file, Note detail, int64_t row = 0,
                  const std::string& column = {}, const std::string& rule = {});

struct IncrementalReader::Impl {
  std::string file;
  ReadOptions opt;
  ReadReport rep;
  Status status;
  TableBuilder builder{opt, rep};
  Table table;
  Sha256 sha;
  Decoder dec;
  uint64_t fed = 0, total = 0;
  bool finished = false;
  bool sniffed = false;
  std::vector<uint8_t> sample;  // raw bytes until sniffed (bounded by opt.sniff_bytes + one chunk)
  std::string text;             // decoded UTF-8 not yet consumed (partial last record)
  enum class Mode { Csv, JsonArray, JsonValues, Whole } mode = Mode::Csv;
  // Workbooks (.xlsx/.xlsm/.ods, workbook_reader.cpp): a zip archive is read from its directory at the end, so the
  // whole file is buffered (memory budget checked) and read at finish().
  bool workbook = false;
  // Mode::Whole (statistical files, .xls): the file's bytes, parsed at finish() by its library (finish_whole).
  std::vector<uint8_t> whole;

  // CSV tokenizer state (offsets relative to text)
  enum St : uint8_t { StartField, Unquoted, Quoted, QuoteInQuoted };
  St st = StartField;
  size_t scan = 0, rec_start = 0, field_start = 0;
  bool field_quoted = false, skip_lf = false, stray = false;
  std::vector<uint32_t> fstart, fend;
  std::vector<uint8_t> fquoted;
  std::vector<std::string_view> views;
  std::vector<std::pair<size_t, size_t>> spans;  // unescaped quoted fields: offset and length in scratch
  std::string scratch;
  // The CSV index of the block being scanned (csv_index.h): offsets from idx_base of its structural bytes; idx_k is
  // the next one not yet passed, idx_end where the block ends. Reset at every scan_csv call (text moves between them).
  std::vector<uint32_t> idx;
  uint32_t (*idx_fn)(const uint8_t*, uint32_t, uint32_t, uint32_t*) = nullptr;  // null: no SIMD, byte by byte
  uint32_t idx_n = 0, idx_k = 0;
  size_t idx_base = 0, idx_end = 0;
  int64_t record_no = 0;  // records seen (header included)
  bool header_done = false;
  size_t expected_fields = 0;
  uint64_t n_lf = 0, n_crlf = 0, n_cr = 0, blank_lines = 0, short_rows = 0, long_rows = 0,
           trailing_empty = 0, stray_quotes = 0;

  // JSON state
  int depth = 0;
  bool in_str = false, esc = false, json_started = false, mode_done = false;
  size_t elem_start = std::string::npos;
  int64_t json_records = 0, json_line = 1, elem_line = 1;
  bool single_object = false;

  Impl(std::string f, ReadOptions o) : file(std::move(f)), opt(std::move(o)) { rep.file_name = file; }

  Status fail(Status s) {
    if (status.ok()) status = std::move(s);
    return status;
  }
  void note(std::string code, std::vector<std::string> args = {}) {
    rep.notes.push_back(Note{std::move(code), std::move(args)});
  }

  // driver (reader.cpp)
  Status sniff(bool complete);
  Status process(bool final);
  Status check_memory();
  Status feed(const uint8_t* p, size_t n);
  Status finish();
  // Whole-file formats (reader.cpp): keep the bytes within the memory budget; parse them at the end.
  Status keep_whole(const uint8_t* p, size_t n);
  Status finish_whole();

  // Workbooks (workbook_reader.cpp)
  Status start_workbook(Format f);
  Status feed_workbook(const uint8_t* p, size_t n);
  Status finish_workbook();
  void note_text_with_binary_extension();

  // CSV (csv_scanner.cpp)
  Status scan_csv(bool final);
  void finish_csv();  // line endings and the ragged-row notes
  void push_field(size_t b, size_t e, bool q);
  void unescape(std::string_view raw, char q);
  Status emit_record();
  bool end_line(size_t& i, char c, size_t n);
  size_t next_structural(size_t i, size_t n, bool quote);

  // JSON (json_scanner.cpp)
  Status start_json(size_t first, bool complete);
  Status json_record(std::string_view s, int64_t row);
  Status scan_json(bool final);
  Status finish_single_object();
};

}  // namespace zicht::core
