// Zicht core — CSV scanning: splits decoded UTF-8 into records and fields with the sniffed dialect and hands each
// record to the TableBuilder. The hot loop of the reader (bench/bench_parse): no allocation per cell, fields are
// offsets into the text buffer, quoted fields are unescaped into one scratch buffer per record; the structural bytes
// come from the CSV index (csv_index.h).
#include <algorithm>
#include <cstring>

#include "core/csv_index.h"
#include "core/reader_impl.h"

namespace zicht::core {

namespace {
constexpr size_t kIndexBlock = size_t(1) << 16;  // bytes indexed at a time (256 KiB of offsets at most)
}  // namespace


inline void IncrementalReader::Impl::push_field(size_t b, size_t e, bool q) {
  fstart.push_back(uint32_t(b - rec_start));
  fend.push_back(uint32_t(e - rec_start));
  fquoted.push_back(q);
}

// Unescape a quoted field: "" -> ", a lone quote toggles quoting (lenient, like spreadsheet programs).
inline void IncrementalReader::Impl::unescape(std::string_view raw, char q) {
  bool inq = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == q) {
      if (inq && i + 1 < raw.size() && raw[i + 1] == q) { scratch.push_back(q); ++i; }
      else inq = !inq;
    } else scratch.push_back(c);
  }
}

Status IncrementalReader::Impl::emit_record() {
  ++record_no;
  const char q = rep.dialect.quote;
  size_t nf = fstart.size();
  if (nf > opt.max_columns)
    return fail(make_error(ErrorCode::TooManyColumns, file,
                           {"error.too_many_fields", {std::to_string(nf), std::to_string(opt.max_columns)}}, record_no,
                           "", "too_many_columns"));
  const char* base = text.data() + rec_start;
  scratch.clear();
  // first pass: unescape quoted fields into scratch (offsets), then build views
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

// Ends the record at line terminator c at position i; advances i. Returns true on error.
inline bool IncrementalReader::Impl::end_line(size_t& i, char c, size_t n) {
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

// The first byte at or after i that ends an unquoted field (delimiter, CR, LF) — or, with `quote`, the first quote —
// or n when there is none in text[i, n). With a SIMD kernel it walks the CSV index, indexing the next block of text
// when it runs out; without one (idx_fn null) it tests byte by byte, which is faster than a scalar index.
inline size_t IncrementalReader::Impl::next_structural(size_t i, size_t n, bool quote) {
  const char* b = text.data();
  const char d = rep.dialect.delimiter, q = rep.dialect.quote;
  if (!idx_fn) {
    if (quote) {
      const void* p = std::memchr(b + i, q, n - i);
      return p ? size_t(static_cast<const char*>(p) - b) : n;
    }
    while (i < n) {
      const char c = b[i];
      if (c == d || c == '\n' || c == '\r') break;
      ++i;
    }
    return i;
  }
  for (;;) {
    while (idx_k < idx_n) {
      const size_t p = idx_base + idx[idx_k];
      if (p >= i) {
        const char c = b[p];
        if (quote ? c == q : (c == d || c == '\n' || c == '\r')) return p;
      }
      ++idx_k;
    }
    const size_t from = std::max(i, idx_end);
    if (from >= n) return n;
    const size_t len = std::min<size_t>(n - from, kIndexBlock);
    if (idx.size() < len) idx.resize(len);
    idx_n = idx_fn(reinterpret_cast<const uint8_t*>(b + from), uint32_t(len), csv_index::pack(d, q, '\n', '\r'),
                   idx.data());
    idx_k = 0;
    idx_base = from;
    idx_end = from + len;
  }
}

// The scanner's state machine: StartField and QuoteInQuoted look at one byte; Unquoted and Quoted jump to the next
// structural byte through the CSV index (16 bytes at a time where the host has SIMD).
Status IncrementalReader::Impl::scan_csv(bool final) {
  const char d = rep.dialect.delimiter, q = rep.dialect.quote;
  size_t i = scan;
  const size_t n = text.size();
  idx_n = idx_k = 0;
  idx_base = idx_end = 0;
  idx_fn = csv_index::kernel();
  if (idx_fn == &csv_index::scalar) idx_fn = nullptr;
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
        i = next_structural(i, n, false);
        if (i == n) break;
        char c = b[i];
        push_field(field_start, i, field_quoted);
        if (c == d) { ++i; st = StartField; }
        else if (end_line(i, c, n)) return status;
        break;
      }
      case Quoted: {
        const size_t p = next_structural(i, n, true);
        if (p == n) { i = n; break; }
        i = p + 1;
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
      note("note.unbalanced_quote", {std::to_string(record_no + 1), std::to_string(n - field_start)});
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

void IncrementalReader::Impl::finish_csv() {
  Dialect& d = rep.dialect;
  int kinds = (n_lf > 0) + (n_crlf > 0) + (n_cr > 0);
  d.line_endings = kinds == 0 ? "none" : kinds > 1 ? "mixed" : n_lf ? "LF" : n_crlf ? "CRLF" : "CR";
  if (kinds > 1) note("note.mixed_line_endings", {std::to_string(n_lf), std::to_string(n_crlf), std::to_string(n_cr)});
  if (blank_lines) note("note.blank_lines", {std::to_string(blank_lines)});
  if (short_rows) note("note.short_rows", {std::to_string(short_rows)});
  if (long_rows) note("note.long_rows", {std::to_string(long_rows)});
  if (trailing_empty) note("note.trailing_empty", {std::to_string(trailing_empty)});
  if (stray_quotes) note("note.stray_quotes", {std::to_string(stray_quotes)});
  if (header_done && builder.rows() == 0) note("note.header_only");
}

}  // namespace zicht::core
