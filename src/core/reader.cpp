#include "core/reader.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "core/encoding.h"
#include "core/build_info.h"
#include "core/sha256.h"
#include "core/table_builder.h"
#include "core/values.h"

namespace zicht::core {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf8Bom: return "utf-8-bom";
    case Encoding::Utf16LE: return "utf-16le";
    case Encoding::Utf16BE: return "utf-16be";
    case Encoding::Windows1252: return "windows-1252";
  }
  return "utf-8";
}

bool parse_encoding(const std::string& s0, Encoding& out) {
  std::string s;
  for (char c : s0) s.push_back(char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (s == "utf-8" || s == "utf8") out = Encoding::Utf8;
  else if (s == "utf-8-bom" || s == "utf-8-sig") out = Encoding::Utf8Bom;
  else if (s == "utf-16le" || s == "utf16le" || s == "utf-16") out = Encoding::Utf16LE;
  else if (s == "utf-16be" || s == "utf16be") out = Encoding::Utf16BE;
  else if (s == "windows-1252" || s == "cp1252" || s == "latin1" || s == "iso-8859-1" || s == "ansi")
    out = Encoding::Windows1252;
  else return false;
  return true;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::Unknown: return "unknown";
    case Format::Csv: return "csv";
    case Format::JsonRecords: return "json-records";
    case Format::JsonColumnar: return "json-columnar";
    case Format::NdJson: return "ndjson";
    case Format::Xlsx: return "xlsx";
    case Format::Xls: return "xls";
    case Format::Sav: return "sav";
    case Format::Zip: return "zip";
    case Format::Pdf: return "pdf";
    case Format::Gzip: return "gzip";
  }
  return "unknown";
}

const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::Io: return "io_error";
    case ErrorCode::EmptyFile: return "empty_file";
    case ErrorCode::UnsupportedFormat: return "unsupported_format";
    case ErrorCode::TooLarge: return "too_large";
    case ErrorCode::MalformedJson: return "malformed_json";
    case ErrorCode::NestingTooDeep: return "nesting_too_deep";
    case ErrorCode::TooManyColumns: return "too_many_columns";
    case ErrorCode::Finished: return "finished";
    case ErrorCode::Usage: return "usage";
  }
  return "unknown";
}

namespace {

Status make_error(ErrorCode code, const std::string& file, const std::string& detail, int64_t row = 0,
                  const std::string& column = {}, const std::string& rule = {}) {
  Status s;
  s.code = code;
  s.row = row;
  s.column = column;
  s.rule = rule.empty() ? error_code_name(code) : rule;
  s.message = file;
  if (row > 0) s.message += ", row " + std::to_string(row);
  if (!column.empty()) s.message += ", column \"" + column + "\"";
  s.message += ": " + detail + " [" + s.rule + "]";
  return s;
}

std::string mb(uint64_t b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", double(b) / 1e6);
  return buf;
}

// ---- CSV dialect sniffing ----
struct SniffStats {
  double consistency = 0;
  size_t mode = 0;
  size_t records = 0;
};

// Splits up to max_records records of `s` with delimiter d and quote q; field counts per record.
std::vector<size_t> field_counts(std::string_view s, char d, char q, bool complete, size_t max_records) {
  std::vector<size_t> counts;
  size_t fields = 1, i = 0, n = s.size();
  bool inq = false, line_has = false;
  while (i < n && counts.size() < max_records) {
    char c = s[i];
    if (inq) {
      if (c == q) {
        if (i + 1 < n && s[i + 1] == q) ++i;
        else inq = false;
      }
    } else if (c == q) {
      inq = true;
      line_has = true;
    } else if (c == d) {
      ++fields;
      line_has = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < n && s[i + 1] == '\n') ++i;
      if (line_has) counts.push_back(fields);
      fields = 1;
      line_has = false;
    } else {
      line_has = true;
    }
    ++i;
  }
  if (complete && line_has && !inq && counts.size() < max_records) counts.push_back(fields);
  return counts;
}

SniffStats sniff_delim(std::string_view s, char d, char q, bool complete) {
  SniffStats st;
  auto counts = field_counts(s, d, q, complete, 200);
  st.records = counts.size();
  if (counts.empty()) return st;
  std::map<size_t, size_t> freq;
  for (size_t c : counts) ++freq[c];
  size_t best = 0, bestn = 0;
  for (auto& [c, k] : freq)
    if (k > bestn || (k == bestn && c > best)) { best = c; bestn = k; }
  st.mode = best;
  st.consistency = double(bestn) / double(counts.size());
  return st;
}

}  // namespace

// ================= IncrementalReader =================
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
  enum class Mode { Csv, JsonArray, JsonValues } mode = Mode::Csv;

  // CSV tokenizer state (offsets relative to text)
  enum St : uint8_t { StartField, Unquoted, Quoted, QuoteInQuoted };
  St st = StartField;
  size_t scan = 0, rec_start = 0, field_start = 0;
  bool field_quoted = false, skip_lf = false, stray = false;
  std::vector<uint32_t> fstart, fend;
  std::vector<uint8_t> fquoted;
  std::vector<std::string_view> views;
  std::string scratch;
  int64_t record_no = 0;  // records seen (header included)
  bool header_done = false;
  size_t expected_fields = 0;
  uint64_t n_lf = 0, n_crlf = 0, n_cr = 0, blank_lines = 0, short_rows = 0, long_rows = 0,
           trailing_empty = 0, stray_quotes = 0;

  // JSON state
  int depth = 0;
  bool in_str = false, esc = false, json_started = false;
  size_t elem_start = std::string::npos;
  int64_t json_records = 0, json_line = 1, elem_line = 1;
  bool single_object = false;

  Impl(std::string f, ReadOptions o) : file(std::move(f)), opt(std::move(o)) {
    rep.file_name = file;
  }

  Status fail(Status s) {
    if (status.ok()) status = std::move(s);
    return status;
  }

  // ---------- sniffing ----------
  Status sniff(bool complete) {
    sniffed = true;
    const uint8_t* p = sample.data();
    size_t n = sample.size();
    Format bin = detect_binary_format(p, n);
    if (bin != Format::Unknown) {
      rep.format = bin;
      static const std::map<Format, std::string> what = {
          {Format::Xlsx, "an Excel workbook (.xlsx)"}, {Format::Xls, "an old Excel workbook (.xls)"},
          {Format::Sav, "an SPSS data file (.sav)"},   {Format::Zip, "a zip archive"},
          {Format::Pdf, "a PDF document"},             {Format::Gzip, "a gzip-compressed file"}};
      return fail(make_error(ErrorCode::UnsupportedFormat, file,
                             "this is " + what.at(bin) + ", not a text file; save it as CSV (UTF-8) and load the CSV",
                             0, "", "unsupported_format"));
    }
    Encoding enc = Encoding::Utf8;
    size_t bom = detect_bom(p, n, enc);
    if (opt.encoding) {
      enc = *opt.encoding;
      rep.encoding_overridden = true;
      rep.encoding_reason = "set by the user";
      if (bom) {
        Encoding b2;
        detect_bom(p, n, b2);
        if (!((b2 == Encoding::Utf8Bom && (enc == Encoding::Utf8 || enc == Encoding::Utf8Bom)) || b2 == enc)) bom = 0;
      }
    } else if (bom) {
      rep.encoding_reason = "byte-order mark";
    } else if (guess_utf16(p, n, enc)) {
      rep.encoding_reason = "no byte-order mark; NUL byte pattern looks like UTF-16";
    } else {
      size_t good = 0;
      size_t bad = count_invalid_utf8(p, n, complete, &good);
      if (bad && good > bad) {
        // Mostly UTF-8 with a few stray bytes: keep UTF-8, decode the stray bytes as Windows-1252 (noted).
        enc = Encoding::Utf8;
        rep.encoding_reason = "UTF-8 (" + std::to_string(good) + " valid multi-byte characters) with " +
                              std::to_string(bad) + " invalid bytes decoded as Windows-1252";
      } else if (bad) {
        enc = Encoding::Windows1252;
        rep.encoding_reason = "not valid UTF-8 (" + std::to_string(bad) +
                              " invalid sequences in the first " + std::to_string(n) +
                              " bytes): decoded as Windows-1252";
      } else {
        enc = Encoding::Utf8;
        rep.encoding_reason = "valid UTF-8";
      }
    }
    rep.encoding = enc;
    dec.set_encoding(enc);
    dec.decode(p + bom, n - bom, text);
    if (complete) dec.flush(text);
    std::vector<uint8_t>().swap(sample);

    // Format: JSON if the first non-space character is [ or {
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
    if (i == text.size() && complete)
      return fail(make_error(ErrorCode::EmptyFile, file, "the file is empty (no data)", 0, "", "empty_file"));
    if (i < text.size() && (text[i] == '[' || text[i] == '{')) return start_json(i, complete);
    rep.format = Format::Csv;
    mode = Mode::Csv;
    sniff_dialect(complete);
    return status;
  }

  void sniff_dialect(bool complete) {
    std::string_view s(text);
    Dialect& d = rep.dialect;
    d.quote = opt.quote ? *opt.quote : '"';
    d.quote_sniffed = !opt.quote;
    if (opt.delimiter) {
      d.delimiter = *opt.delimiter;
      d.delimiter_sniffed = false;
    } else {
      const char cands[4] = {';', ',', '\t', '|'};
      double best_score = -1;
      char best = ',';
      for (char c : cands) {
        SniffStats st = sniff_delim(s, c, d.quote, complete);
        if (st.mode < 2) continue;
        double score = std::floor(st.consistency * 10.0) * 1e6 + double(st.mode);
        if (score > best_score) { best_score = score; best = c; }
      }
      d.delimiter = best;
      if (best_score < 0) rep.notes.push_back("no delimiter found in the first rows: read as a single column");
    }
    if (!opt.quote) {
      // A single-quote quoting style: fields starting with ' right after a delimiter and no double quotes.
      size_t dq = 0, sq = 0;
      for (size_t i = 0; i + 1 < s.size(); ++i) {
        bool at_start = i == 0 || s[i - 1] == d.delimiter || s[i - 1] == '\n';
        if (!at_start) continue;
        if (s[i] == '"') ++dq;
        else if (s[i] == '\'') ++sq;
      }
      if (dq == 0 && sq >= 3) d.quote = '\'';
    }
    if (opt.header) {
      d.header = *opt.header;
      d.header_sniffed = false;
    } else {
      // No header when a first-row field looks like a number or a date (column names rarely do).
      d.header = true;
      size_t end = 0;
      bool inq = false;
      while (end < s.size()) {
        char c = s[end];
        if (c == d.quote) inq = !inq;
        else if (!inq && (c == '\n' || c == '\r')) break;
        ++end;
      }
      bool has_second = end < s.size();
      if (has_second) {
        std::string_view first = s.substr(0, end);
        size_t b = 0;
        while (b <= first.size()) {
          size_t e = first.find(d.delimiter, b);
          if (e == std::string_view::npos) e = first.size();
          std::string_view f = trim_ws(first.substr(b, e - b));
          if (f.size() >= 2 && f.front() == d.quote && f.back() == d.quote) f = f.substr(1, f.size() - 2);
          double v;
          DateParts dp;
          if (!f.empty() && (parse_number(f, ',', v) || parse_number(f, '.', v) || date_shape(f, dp))) {
            d.header = false;
            break;
          }
          b = e + 1;
        }
        if (!d.header) rep.notes.push_back("first row holds numbers or dates: read as data (no header row)");
      }
    }
  }

  // ---------- CSV tokenizer ----------
  void push_field(size_t b, size_t e, bool q) {
    fstart.push_back(uint32_t(b - rec_start));
    fend.push_back(uint32_t(e - rec_start));
    fquoted.push_back(q);
  }

  // Unescape a quoted field: "" -> ", a lone quote toggles quoting (lenient, like spreadsheet programs).
  void unescape(std::string_view raw, char q) {
    bool inq = false;
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == q) {
        if (inq && i + 1 < raw.size() && raw[i + 1] == q) { scratch.push_back(q); ++i; }
        else inq = !inq;
      } else scratch.push_back(c);
    }
  }

  Status emit_record() {
    ++record_no;
    const char q = rep.dialect.quote;
    size_t nf = fstart.size();
    if (nf > opt.max_columns)
      return fail(make_error(ErrorCode::TooManyColumns, file,
                             "record has " + std::to_string(nf) + " fields; at most " + std::to_string(opt.max_columns) +
                                 " columns are supported",
                             record_no, "", "too_many_columns"));
    const char* base = text.data() + rec_start;
    scratch.clear();
    // first pass: unescape quoted fields into scratch (offsets), then build views
    std::vector<std::pair<size_t, size_t>>& spans = spans_;
    spans.resize(nf);
    for (size_t j = 0; j < nf; ++j) {
      if (fquoted[j]) {
        size_t o = scratch.size();
        unescape(std::string_view(base + fstart[j], fend[j] - fstart[j]), q);
        spans[j] = {o, scratch.size() - o};
      }
    }
    views.resize(nf);
    for (size_t j = 0; j < nf; ++j)
      views[j] = fquoted[j] ? std::string_view(scratch.data() + spans[j].first, spans[j].second)
                            : std::string_view(base + fstart[j], fend[j] - fstart[j]);
    if (stray) {
      ++stray_quotes;
      builder.flag(record_no, "", "", "stray_quote");
      stray = false;
    }
    fstart.clear();
    fend.clear();
    fquoted.clear();
    if (!header_done) {
      header_done = true;
      if (rep.dialect.header) {
        std::vector<std::string> names(views.begin(), views.end());
        builder.set_header(names);
        expected_fields = nf;
        return status;
      }
      for (size_t j = 0; j < nf; ++j) builder.add_column("column_" + std::to_string(j + 1));
      expected_fields = nf;
    }
    if (nf == 1 && views[0].empty() && builder.column_count() > 1) {
      ++blank_lines;
      return status;
    }
    size_t nc = builder.column_count();
    if (nf < expected_fields) {
      ++short_rows;
      builder.flag(record_no, "", std::to_string(nf) + " of " + std::to_string(expected_fields) + " fields",
                   "short_row");
    } else if (nf > nc) {
      // Extra fields: empty ones (trailing delimiters) are ignored, others become new columns.
      size_t last = nf;
      while (last > nc && views[last - 1].empty()) --last;
      if (last < nf) ++trailing_empty;
      if (last > nc) {
        ++long_rows;
        builder.flag(record_no, "", std::to_string(nf) + " fields, header has " + std::to_string(expected_fields),
                     "long_row");
        while (builder.column_count() < last) builder.add_column("");
      }
      nf = last;
    }
    builder.append_row(record_no, views.data(), nf);
    return status;
  }
  std::vector<std::pair<size_t, size_t>> spans_;

  Status scan_csv(bool final) {
    const char d = rep.dialect.delimiter, q = rep.dialect.quote;
    size_t i = scan;
    const size_t n = text.size();
    while (i < n) {
      const char* b = text.data();
      if (skip_lf) {
        skip_lf = false;
        if (b[i] == '\n') { ++n_crlf; ++i; rec_start = i; continue; }
        ++n_cr;
      }
      switch (st) {
        case StartField: {
          char c = b[i];
          field_start = i;
          field_quoted = false;
          if (c == q) { field_quoted = true; st = Quoted; ++i; }
          else if (c == d) { push_field(i, i, false); ++i; }
          else if (c == '\n' || c == '\r') {
            push_field(i, i, false);
            if (end_line(i, c, n)) return status;
          } else st = Unquoted;
          break;
        }
        case Unquoted: {
          while (i < n) {
            char c = b[i];
            if (c == d || c == '\n' || c == '\r') break;
            ++i;
          }
          if (i == n) break;
          char c = b[i];
          push_field(field_start, i, field_quoted);
          if (c == d) { ++i; st = StartField; }
          else if (end_line(i, c, n)) return status;
          break;
        }
        case Quoted: {
          const void* p = std::memchr(b + i, q, n - i);
          if (!p) { i = n; break; }
          i = size_t(static_cast<const char*>(p) - b) + 1;
          st = QuoteInQuoted;
          break;
        }
        case QuoteInQuoted: {
          char c = b[i];
          if (c == q) { st = Quoted; ++i; }
          else if (c == d) { push_field(field_start, i, true); ++i; st = StartField; }
          else if (c == '\n' || c == '\r') {
            push_field(field_start, i, true);
            if (end_line(i, c, n)) return status;
          } else { stray = true; st = Unquoted; }
          break;
        }
      }
    }
    scan = i;
    if (final) {
      if (skip_lf) { ++n_cr; skip_lf = false; }
      bool pending = st != StartField || !fstart.empty();
      if (st == Quoted) {
        builder.flag(record_no + 1, "", std::string_view(text.data() + field_start, std::min<size_t>(n - field_start, 60)),
                     "unbalanced_quote");
        rep.notes.push_back("row " + std::to_string(record_no + 1) +
                            ": a quote is opened but never closed; the rest of the file (" +
                            std::to_string(n - field_start) + " bytes) was read into one field");
      }
      if (pending) {
        push_field(field_start, n, field_quoted || st == Quoted || st == QuoteInQuoted);
        emit_record();
      }
      text.clear();
      scan = rec_start = 0;
      st = StartField;
      return status;
    }
    // compact: drop consumed records
    if (rec_start > 0) {
      text.erase(0, rec_start);
      scan -= rec_start;
      field_start -= std::min(field_start, rec_start);
      rec_start = 0;
    }
    return status;
  }

  // Ends the record at line terminator c at position i; advances i. Returns true on error.
  bool end_line(size_t& i, char c, size_t n) {
    if (c == '\r') {
      if (i + 1 < n) {
        if (text[i + 1] == '\n') { ++n_crlf; i += 2; }
        else { ++n_cr; i += 1; }
      } else { skip_lf = true; i += 1; }
    } else { ++n_lf; i += 1; }
    size_t next = i;
    emit_record();
    rec_start = next;
    st = StartField;
    return !status.ok();
  }

  // ---------- JSON ----------
  Status start_json(size_t first, bool complete) {
    if (text[first] == '[') {
      mode = Mode::JsonArray;
      rep.format = Format::JsonRecords;
    } else {
      mode = Mode::JsonValues;
      // NDJSON if a second top-level value follows the first on a later line; else a single (columnar) object.
      rep.format = Format::NdJson;
      int dd = 0;
      bool s = false, e = false;
      size_t k = first;
      for (; k < text.size(); ++k) {
        char c = text[k];
        if (s) { if (e) e = false; else if (c == '\\') e = true; else if (c == '"') s = false; continue; }
        if (c == '"') s = true;
        else if (c == '{' || c == '[') ++dd;
        else if (c == '}' || c == ']') { if (--dd == 0) break; }
      }
      if (k >= text.size()) {
        single_object = true;  // first value not complete within the sample: buffer as one object
      } else {
        size_t m = k + 1;
        while (m < text.size() && (text[m] == ' ' || text[m] == '\t' || text[m] == '\r' || text[m] == '\n')) ++m;
        if (m >= text.size() && complete) single_object = true;
      }
      if (single_object) rep.format = Format::JsonColumnar;  // confirmed (or demoted to one record) at finish
    }
    (void)complete;
    return status;
  }

  // Flattening SAX handler: one record of scalar cells with dotted names.
  struct Flattener {
    Impl& im;
    std::string path;
    std::vector<size_t> lens;
    std::vector<int64_t> idx;  // -1 for object levels, next index for arrays
    std::vector<std::pair<std::string, std::string>> cells;
    int depth = 0;
    std::string error;
    explicit Flattener(Impl& i) : im(i) {}
    void name_for_value() {
      if (!idx.empty() && idx.back() >= 0) {
        path.resize(lens.back());
        if (!path.empty()) path.push_back('.');
        path += std::to_string(idx.back()++);
      }
    }
    bool scalar(std::string v) {
      name_for_value();
      cells.emplace_back(path.empty() ? std::string("value") : path, std::move(v));
      return true;
    }
    bool null() { return scalar(std::string()); }
    bool boolean(bool b) { return scalar(b ? "true" : "false"); }
    bool number_integer(int64_t v) { return scalar(std::to_string(v)); }
    bool number_unsigned(uint64_t v) { return scalar(std::to_string(v)); }
    bool number_float(double, const std::string& s) { return scalar(s); }
    bool string(std::string& s) { return scalar(std::move(s)); }
    bool binary(std::vector<uint8_t>&) { return scalar(std::string()); }
    bool open(int64_t kind) {
      if (++depth > im.opt.max_json_depth) { error = "nesting_too_deep"; return false; }
      name_for_value();
      lens.push_back(path.size());
      idx.push_back(kind);
      return true;
    }
    bool close() {
      --depth;
      idx.pop_back();
      path.resize(lens.back());
      lens.pop_back();
      return true;
    }
    bool start_object(std::size_t) { return open(-1); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(0); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
      path.resize(lens.back());
      if (!path.empty()) path.push_back('.');
      path += k;
      return true;
    }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::json::exception& ex) {
      error = std::string(ex.what()) + " (at byte " + std::to_string(pos) + " of the record)";
      return false;
    }
  };

  Status json_record(std::string_view s, int64_t row) {
    Flattener f(*this);
    bool ok = false;
    try {
      ok = nlohmann::json::sax_parse(s.begin(), s.end(), &f, nlohmann::json::input_format_t::json, true);
    } catch (const std::exception& e) {  // defensive: the SAX parser reports errors via parse_error
      f.error = e.what();
    }
    if (!ok) {
      if (f.error == "nesting_too_deep")
        return fail(make_error(ErrorCode::NestingTooDeep, file,
                               "JSON nested deeper than " + std::to_string(opt.max_json_depth) + " levels", row, "",
                               "nesting_too_deep"));
      return fail(make_error(ErrorCode::MalformedJson, file, "invalid JSON: " + f.error, row, "", "malformed_json"));
    }
    if (!header_done) header_done = true;
    builder.begin_row(row);
    for (auto& [name, v] : f.cells) builder.set(builder.column_by_name(name), v);
    return status;
  }

  // Splits top-level array elements (JsonArray) or top-level values (JsonValues) and parses each.
  Status scan_json(bool final) {
    size_t i = scan;
    const size_t n = text.size();
    for (; i < n; ++i) {
      char c = text[i];
      if (c == '\n') ++json_line;
      if (in_str) {
        if (esc) esc = false;
        else if (c == '\\') esc = true;
        else if (c == '"') in_str = false;
        continue;
      }
      int base = mode == Mode::JsonArray ? 1 : 0;
      if (c == '"') {
        in_str = true;
        if (depth == base && elem_start == std::string::npos) { elem_start = i; elem_line = json_line; }
        continue;
      }
      if (c == '{' || c == '[') {
        if (mode == Mode::JsonArray && !json_started) {
          if (c != '[') return fail(make_error(ErrorCode::MalformedJson, file, "expected '['", 0, "", "malformed_json"));
          json_started = true;
          depth = 1;
          continue;
        }
        if (depth == base && elem_start == std::string::npos) { elem_start = i; elem_line = json_line; }
        if (++depth > opt.max_json_depth + base)
          return fail(make_error(ErrorCode::NestingTooDeep, file,
                                 "JSON nested deeper than " + std::to_string(opt.max_json_depth) + " levels",
                                 mode == Mode::JsonArray ? json_records + 1 : json_line, "", "nesting_too_deep"));
        continue;
      }
      if (c == '}' || c == ']') {
        if (depth <= base) {
          if (mode == Mode::JsonArray && depth == 1 && c == ']') {
            if (elem_start != std::string::npos) {
              if (!json_record(std::string_view(text).substr(elem_start, i - elem_start), ++json_records).ok()) return status;
              elem_start = std::string::npos;
            }
            depth = 0;
            json_started = false;  // anything after is trailing
            mode_done = true;
            continue;
          }
          return fail(make_error(ErrorCode::MalformedJson, file, std::string("unexpected '") + c + "'",
                                 mode == Mode::JsonArray ? json_records + 1 : json_line, "", "malformed_json"));
        }
        --depth;
        if (depth == base && mode == Mode::JsonValues && !single_object) {
          int64_t row = ++json_records;  // NDJSON: row = record number (errors name the line)
          if (!json_record(std::string_view(text).substr(elem_start, i + 1 - elem_start), row).ok()) return status;
          elem_start = std::string::npos;
        }
        continue;
      }
      if (c == ',' && depth == base && mode == Mode::JsonArray) {
        if (elem_start != std::string::npos) {
          if (!json_record(std::string_view(text).substr(elem_start, i - elem_start), ++json_records).ok()) return status;
          elem_start = std::string::npos;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      if (mode_done)
        return fail(make_error(ErrorCode::MalformedJson, file, "text after the end of the JSON array", 0, "",
                               "malformed_json"));
      if (depth == base && elem_start == std::string::npos) {
        if (mode == Mode::JsonArray && !json_started)
          return fail(make_error(ErrorCode::MalformedJson, file, "expected '['", 0, "", "malformed_json"));
        elem_start = i;
        elem_line = json_line;
      }
    }
    scan = i;
    if (final) {
      if (in_str || depth > (mode == Mode::JsonArray && json_started ? 1 : 0) ||
          (mode == Mode::JsonArray && json_started && !mode_done))
        return fail(make_error(ErrorCode::MalformedJson, file, "unexpected end of file inside a JSON value", 0, "",
                               "malformed_json"));
      if (mode == Mode::JsonValues && single_object) return finish_single_object();
      if (mode == Mode::JsonValues && elem_start != std::string::npos) {
        // a trailing scalar top-level value (NDJSON of scalars)
        if (!json_record(std::string_view(text).substr(elem_start), ++json_records).ok()) return status;
      }
      text.clear();
      return status;
    }
    // compact: keep from the current element start
    if (!single_object) {
      size_t keep = elem_start == std::string::npos ? i : elem_start;
      text.erase(0, keep);
      if (elem_start != std::string::npos) elem_start = 0;
      scan = i - keep;
    }
    return status;
  }
  bool mode_done = false;

  Status finish_single_object() {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);  // depth already checked by the splitter
    } catch (const std::exception& e) {
      return fail(make_error(ErrorCode::MalformedJson, file, std::string("invalid JSON: ") + e.what(), 0, "",
                             "malformed_json"));
    }
    text.clear();
    text.shrink_to_fit();
    auto it = j.find("columns");
    if (j.is_object() && it != j.end() && it->is_object()) {
      rep.format = Format::JsonColumnar;
      size_t nrows = 0;
      for (auto& [k, v] : it->items()) nrows = std::max(nrows, v.is_array() ? v.size() : size_t(1));
      for (auto& [k, v] : it->items()) {
        if (v.is_array() && v.size() != nrows)
          rep.notes.push_back("column \"" + k + "\" has " + std::to_string(v.size()) + " values, others " +
                              std::to_string(nrows) + ": padded with missing values");
      }
      std::vector<size_t> colidx;
      std::vector<std::pair<std::string, const nlohmann::json*>> cols;
      for (auto& [k, v] : it->items()) cols.emplace_back(k, &v);
      for (auto& [k, v] : cols) colidx.push_back(builder.column_by_name(k));
      for (size_t r = 0; r < nrows; ++r) {
        builder.begin_row(int64_t(r + 1));
        for (size_t c = 0; c < cols.size(); ++c) {
          const nlohmann::json& arr = *cols[c].second;
          const nlohmann::json* v = arr.is_array() ? (r < arr.size() ? &arr[r] : nullptr) : (r == 0 ? &arr : nullptr);
          if (!v || v->is_null()) continue;
          if (v->is_string()) builder.set(colidx[c], v->get_ref<const std::string&>());
          else if (v->is_primitive()) builder.set(colidx[c], v->dump());
          else {
            // nested value inside a column: flatten to name.sub
            Flattener f(*this);
            std::string s = v->dump();
            nlohmann::json::sax_parse(s, &f);
            for (auto& [nm, val] : f.cells) builder.set(builder.column_by_name(cols[c].first + "." + nm), val);
          }
        }
      }
      return status;
    }
    rep.format = Format::JsonRecords;
    rep.notes.push_back("a single JSON object: read as one record");
    std::string s = j.dump();
    return json_record(s, 1);
  }

  // ---------- driving ----------
  Status process(bool final) {
    if (mode == Mode::Csv) return scan_csv(final);
    return scan_json(final);
  }

  Status check_memory() {
    uint64_t used = builder.memory_bytes() + text.capacity();
    uint64_t projected = used;
    if (total > fed && fed >= (1u << 20)) projected = uint64_t(double(used) * double(total) / double(fed));
    // The typed table needs up to ~2x the coded columns while converting.
    if (projected + projected / 2 > opt.memory_budget_bytes && fed >= (1u << 20))
      return fail(make_error(ErrorCode::TooLarge, file,
                             "file too large for browser memory: " + mb(fed) + " read of " + mb(total ? total : fed) +
                                 " uses " + mb(used) + ", estimated " + mb(projected + projected / 2) +
                                 " needed for the whole file, budget " + mb(opt.memory_budget_bytes),
                             builder.rows() + 1, "", "memory_budget"));
    return status;
  }

  Status feed(const uint8_t* p, size_t n) {
    if (!status.ok()) return status;
    if (finished) return fail(make_error(ErrorCode::Finished, file, "feed() after finish()"));
    if (opt.compute_sha256) sha.update(p, n);
    fed += n;
    if (!sniffed) {
      // Sniff on exactly the first sniff_bytes (deterministic whatever the chunking), then go on.
      size_t want = opt.sniff_bytes > sample.size() ? opt.sniff_bytes - sample.size() : 0;
      size_t take = std::min(want, n);
      sample.insert(sample.end(), p, p + take);
      p += take;
      n -= take;
      if (sample.size() < opt.sniff_bytes) return status;
      if (!sniff(false).ok()) return status;
      if (n) dec.decode(p, n, text);
      if (!process(false).ok()) return status;
      return check_memory();
    }
    dec.decode(p, n, text);
    if (!process(false).ok()) return status;
    if ((fed >> 20) != ((fed - n) >> 20)) check_memory();  // about once per MiB
    return status;
  }

  Status finish() {
    if (finished) return status;
    finished = true;
    if (opt.compute_sha256) rep.sha256 = sha.hex();
    rep.bytes = fed;
    if (!status.ok()) return status;
    if (!is_sha256_hex(rep.sha256))
      return fail(make_error(ErrorCode::Usage, file,
                             "the file's SHA-256 was not computed: expected 64 hex digits from the caller, got \"" +
                                 rep.sha256.substr(0, 80) + "\"",
                             0, "", "sha256"));
    if (!sniffed) {
      if (sample.empty())
        return fail(make_error(ErrorCode::EmptyFile, file, "the file is empty (0 bytes)", 0, "", "empty_file"));
      if (!sniff(true).ok()) return status;
    } else {
      dec.flush(text);
    }
    if (!process(true).ok()) return status;
    if (dec.invalid_count() && rep.encoding != Encoding::Windows1252)
      rep.notes.push_back(std::to_string(dec.invalid_count()) + " invalid " + encoding_name(rep.encoding) +
                          " sequences (first at byte " + std::to_string(dec.first_invalid_offset()) +
                          ") were decoded as Windows-1252 characters");
    if (dec.nul_count()) rep.notes.push_back(std::to_string(dec.nul_count()) + " NUL bytes were removed");
    if (mode == Mode::Csv) {
      Dialect& d = rep.dialect;
      int kinds = (n_lf > 0) + (n_crlf > 0) + (n_cr > 0);
      d.line_endings = kinds == 0 ? "none" : kinds > 1 ? "mixed" : n_lf ? "LF" : n_crlf ? "CRLF" : "CR";
      if (kinds > 1)
        rep.notes.push_back("mixed line endings (LF " + std::to_string(n_lf) + ", CRLF " + std::to_string(n_crlf) +
                            ", CR " + std::to_string(n_cr) + ")");
      if (blank_lines) rep.notes.push_back(std::to_string(blank_lines) + " empty lines skipped");
      if (short_rows)
        rep.notes.push_back(std::to_string(short_rows) + " rows have fewer fields than the header (missing cells)");
      if (long_rows)
        rep.notes.push_back(std::to_string(long_rows) + " rows have more fields than the header (extra columns added)");
      if (trailing_empty)
        rep.notes.push_back(std::to_string(trailing_empty) + " rows end with empty fields beyond the header (ignored)");
      if (stray_quotes) rep.notes.push_back(std::to_string(stray_quotes) + " rows have text after a closing quote");
      if (header_done && builder.rows() == 0) rep.notes.push_back("no data rows (header only)");
    } else {
      rep.dialect.delimiter = 0;
      rep.dialect.quote = '"';
      rep.dialect.header = false;
      rep.dialect.line_endings = "";
    }
    std::string().swap(text);
    builder.finish(table, mode != Mode::Csv);
    if (rep.flags_total > int64_t(rep.flags.size()))
      rep.notes.push_back(std::to_string(rep.flags_total) + " flags in total; the first " +
                          std::to_string(rep.flags.size()) + " are listed");
    return status;
  }
};

IncrementalReader::IncrementalReader(std::string file_name, ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(file_name), std::move(options))) {}
IncrementalReader::~IncrementalReader() = default;
void IncrementalReader::set_total_bytes(uint64_t t) { impl_->total = t; }
void IncrementalReader::set_sha256(std::string hex) { impl_->rep.sha256 = std::move(hex); }
Status IncrementalReader::feed(const uint8_t* data, size_t n) {
  try {
    return impl_->feed(data, n);
  } catch (const std::bad_alloc&) {
    return impl_->fail(make_error(ErrorCode::TooLarge, impl_->file, "out of memory while reading", 0, "", "memory_budget"));
  } catch (const std::exception& e) {
    return impl_->fail(make_error(ErrorCode::MalformedJson, impl_->file, e.what()));
  }
}
Status IncrementalReader::finish() {
  try {
    return impl_->finish();
  } catch (const std::bad_alloc&) {
    return impl_->fail(make_error(ErrorCode::TooLarge, impl_->file, "out of memory while reading", 0, "", "memory_budget"));
  } catch (const std::exception& e) {
    return impl_->fail(make_error(ErrorCode::MalformedJson, impl_->file, e.what()));
  }
}
double IncrementalReader::progress(uint64_t total_bytes) const {
  if (total_bytes == 0) return impl_->finished ? 1.0 : 0.0;
  double p = double(impl_->fed) / double(total_bytes);
  return p > 1 ? 1 : p;
}
double IncrementalReader::progress() const { return progress(impl_->total); }
uint64_t IncrementalReader::bytes_fed() const { return impl_->fed; }
const ReadReport& IncrementalReader::report() const { return impl_->rep; }
Table IncrementalReader::take_table() { return std::move(impl_->table); }
const Status& IncrementalReader::status() const { return impl_->status; }

ReadResult read_bytes(std::string file_name, const uint8_t* data, size_t n, const ReadOptions& options) {
  ReadResult res;
  IncrementalReader r(std::move(file_name), options);
  r.set_total_bytes(n);
  const size_t chunk = size_t(1) << 20;
  for (size_t off = 0; off < n; off += chunk) {
    if (!r.feed(data + off, std::min(chunk, n - off)).ok()) break;
  }
  res.status = r.finish();
  if (!r.status().ok()) res.status = r.status();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

ReadResult read_file(const std::string& path, const ReadOptions& options) {
  ReadResult res;
  std::string name = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    res.status = make_error(ErrorCode::Io, path, "cannot open the file", 0, "", "io_error");
    res.report.file_name = path;
    return res;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  IncrementalReader r(name, options);
  if (size > 0) r.set_total_bytes(uint64_t(size));
  std::vector<char> buf(size_t(1) << 20);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    if (!r.feed(reinterpret_cast<const uint8_t*>(buf.data()), size_t(got)).ok()) break;
  }
  if (in.bad()) {
    res.status = make_error(ErrorCode::Io, path, "read error", 0, "", "io_error");
    res.report = r.report();
    return res;
  }
  res.status = r.finish();
  if (!r.status().ok()) res.status = r.status();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

// Invalid UTF-8 cannot go into nlohmann::json::dump(); all our text is UTF-8 already, but be safe.
static std::string safe(const std::string& s) {
  if (count_invalid_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size(), true) == 0) return s;
  std::string out;
  Decoder d(Encoding::Utf8);
  d.decode(reinterpret_cast<const uint8_t*>(s.data()), s.size(), out);
  d.flush(out);
  return out;
}
nlohmann::json status_json(const Status& s, const std::string& file_name) {
  nlohmann::json j;
  j["error"] = error_code_name(s.code);
  j["message"] = safe(s.message);
  j["file"] = safe(file_name);
  j["row"] = s.row;
  j["column"] = safe(s.column);
  j["rule"] = safe(s.rule);
  return j;
}

namespace {
std::string delim_name(char c) {
  if (c == '\t') return "\\t";
  if (c == 0) return "";
  return std::string(1, c);
}
}  // namespace

nlohmann::json inspect_json(const ReadResult& r) {
  using nlohmann::json;
  const ReadReport& rep = r.report;
  json j;
  j["schema"] = "zicht.inspect/1";
  j["tool"] = {{"version", ZICHT_VERSION}, {"build", build_id()}};
  j["file"] = {{"name", safe(rep.file_name)}, {"sha256", rep.sha256}, {"bytes", rep.bytes}};
  j["format"] = format_name(rep.format);
  j["encoding"] = {{"name", encoding_name(rep.encoding)}, {"detected", !rep.encoding_overridden},
                   {"reason", rep.encoding_reason}};
  if (rep.format == Format::Csv)
    j["dialect"] = {{"delimiter", delim_name(rep.dialect.delimiter)},
                    {"quote", std::string(1, rep.dialect.quote)},
                    {"header", rep.dialect.header},
                    {"line_endings", rep.dialect.line_endings}};
  else
    j["dialect"] = nullptr;
  if (!r.status.ok()) j["error"] = status_json(r.status, rep.file_name);
  j["rows"] = rep.rows_in;
  json cols = json::array();
  for (auto& c : rep.columns) {
    json cj = {{"name", safe(c.name)},
               {"type", column_type_name(c.type)},
               {"type_overridden", c.type_overridden},
               {"values", c.values},
               {"missing", c.missing},
               {"nvt", c.nvt},
               {"invalid", c.invalid},
               {"distinct", c.distinct}};
    json ex = json::array();
    for (auto& e : c.examples) ex.push_back(safe(e.size() > 80 ? e.substr(0, 80) : e));
    cj["examples"] = ex;
    if (c.original_name != c.name) cj["original_name"] = safe(c.original_name);
    if (c.type == ColumnType::Decimal || c.type == ColumnType::Integer)
      if (c.decimal_separator) cj["decimal_separator"] = std::string(1, c.decimal_separator);
    if (c.type == ColumnType::Date) {
      cj["date_order"] = c.date_order == DateOrder::MDY ? "mm/dd/yyyy" : "dd/mm/yyyy";
      cj["date_order_ambiguous"] = c.date_order_ambiguous;
    }
    cols.push_back(cj);
  }
  j["columns"] = cols;
  json fl;
  fl["total"] = rep.flags_total;
  fl["by_rule"] = json::object();
  for (auto& [k, v] : rep.flags_by_rule) fl["by_rule"][k] = v;
  json first = json::array();
  for (size_t i = 0; i < rep.flags.size() && i < 20; ++i) {
    auto& f = rep.flags[i];
    first.push_back({{"row", f.row}, {"column", safe(f.column)}, {"value", safe(f.value)}, {"rule", f.rule}});
  }
  fl["first"] = first;
  j["flags"] = fl;
  json notes = json::array();
  for (auto& n : rep.notes) notes.push_back(safe(n));
  j["notes"] = notes;
  return j;
}

}  // namespace zicht::core
