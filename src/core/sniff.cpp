#include "core/sniff.h"

#include <cmath>
#include <map>

#include "core/encoding.h"
#include "core/values.h"

namespace zicht::core {
namespace {

std::string num(size_t v) { return std::to_string(v); }

SniffDecision decision(std::string value, std::string reason, std::vector<std::string> evidence = {}) {
  return SniffDecision{std::move(value), std::move(reason), std::move(evidence)};
}

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

// The most common field count over the first 200 records and how many records have it.
DelimiterCandidate try_delimiter(std::string_view s, char d, char q, bool complete) {
  DelimiterCandidate c;
  c.delimiter = d;
  auto counts = field_counts(s, d, q, complete, 200);
  c.rows = counts.size();
  if (counts.empty()) return c;
  std::map<size_t, size_t> freq;
  for (size_t k : counts) ++freq[k];
  for (auto& [fields, k] : freq)
    if (k > c.consistent || (k == c.consistent && fields > c.fields)) { c.fields = fields; c.consistent = k; }
  return c;
}

void sniff_delimiter(std::string_view s, bool complete, const ReadOptions& opt, Dialect& d, Sniff& sn,
                     std::vector<Note>& notes) {
  if (opt.delimiter) {
    d.delimiter = *opt.delimiter;
    d.delimiter_sniffed = false;
    sn.delimiter = decision(std::string(1, d.delimiter), "user");
    return;
  }
  // Score: consistency in tenths first, then more fields (so ';' with 5 fields beats ',' splitting decimals).
  double best_score = -1;
  const DelimiterCandidate* best = nullptr;
  sn.delimiter_candidates.clear();
  sn.delimiter_candidates.reserve(4);
  for (char c : {';', ',', '\t', '|'}) sn.delimiter_candidates.push_back(try_delimiter(s, c, d.quote, complete));
  for (const DelimiterCandidate& c : sn.delimiter_candidates) {
    if (c.fields < 2) continue;
    double consistency = double(c.consistent) / double(c.rows);
    double score = std::floor(consistency * 10.0) * 1e6 + double(c.fields);
    if (score > best_score) { best_score = score; best = &c; }
  }
  if (!best) {
    d.delimiter = ',';
    sn.delimiter = decision(",", "none_found", {num(sn.delimiter_candidates.front().rows)});
    notes.push_back({"note.no_delimiter", {}});
    return;
  }
  d.delimiter = best->delimiter;
  sn.delimiter = decision(std::string(1, d.delimiter), "consistent_fields",
                          {num(best->consistent), num(best->rows), num(best->fields)});
}

void sniff_quote(std::string_view s, const ReadOptions& opt, Dialect& d, Sniff& sn) {
  if (opt.quote) {
    sn.quote = decision(std::string(1, d.quote), "user");
    return;
  }
  // A single-quote quoting style: fields starting with ' right after a delimiter and no double quotes.
  size_t dq = 0, sq = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    bool at_start = i == 0 || s[i - 1] == d.delimiter || s[i - 1] == '\n';
    if (!at_start) continue;
    if (s[i] == '"') ++dq;
    else if (s[i] == '\'') ++sq;
  }
  if (dq == 0 && sq >= 3) {
    d.quote = '\'';
    sn.quote = decision("'", "single_quotes", {num(sq)});
  } else {
    sn.quote = decision("\"", "double_quote", {num(dq), num(sq)});
  }
}

void sniff_header(std::string_view s, const ReadOptions& opt, Dialect& d, Sniff& sn, std::vector<Note>& notes) {
  if (opt.header) {
    d.header = *opt.header;
    d.header_sniffed = false;
    sn.header = decision(d.header ? "yes" : "no", "user");
    return;
  }
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
  if (end >= s.size()) {
    sn.header = decision("yes", "single_line");
    return;
  }
  std::string_view first = s.substr(0, end);
  size_t b = 0, fields = 0;
  while (b <= first.size()) {
    size_t e = first.find(d.delimiter, b);
    if (e == std::string_view::npos) e = first.size();
    ++fields;
    std::string_view f = trim_ws(first.substr(b, e - b));
    if (f.size() >= 2 && f.front() == d.quote && f.back() == d.quote) f = f.substr(1, f.size() - 2);
    double v;
    DateParts dp;
    if (!f.empty() && (parse_number(f, ',', v) || parse_number(f, '.', v) || date_shape(f, dp))) {
      d.header = false;
      sn.header = decision("no", "first_row_values", {std::string(f.substr(0, 40)), num(fields)});
      notes.push_back({"note.no_header", {}});
      return;
    }
    b = e + 1;
  }
  sn.header = decision("yes", "first_row_names", {num(fields)});
}

}  // namespace

Format sniff_binary_format(const uint8_t* p, size_t n, SniffDecision& why) {
  Format f = detect_binary_format(p, n);
  if (f != Format::Unknown) why = decision(format_name(f), "magic_bytes");
  return f;
}

EncodingSniff sniff_encoding(const uint8_t* p, size_t n, bool complete, const ReadOptions& opt) {
  EncodingSniff r;
  Encoding enc = Encoding::Utf8;
  size_t bom = detect_bom(p, n, enc);
  if (opt.encoding) {
    Encoding bom_enc = enc;
    enc = *opt.encoding;
    r.why = decision(encoding_name(enc), "user");
    // Skip the byte-order mark only when it belongs to the encoding asked for.
    if (bom && !((bom_enc == Encoding::Utf8Bom && (enc == Encoding::Utf8 || enc == Encoding::Utf8Bom)) || bom_enc == enc))
      bom = 0;
  } else if (bom) {
    r.why = decision(encoding_name(enc), "bom", {num(bom)});
  } else if (guess_utf16(p, n, enc)) {
    r.why = decision(encoding_name(enc), "utf16_nul_pattern");
  } else {
    size_t good = 0;
    size_t bad = count_invalid_utf8(p, n, complete, &good);
    if (bad && good > bad) {
      // Mostly UTF-8 with a few stray bytes: keep UTF-8, decode the stray bytes as Windows-1252 (noted).
      enc = Encoding::Utf8;
      r.why = decision(encoding_name(enc), "mostly_utf8", {num(good), num(bad)});
    } else if (bad) {
      enc = Encoding::Windows1252;
      r.why = decision(encoding_name(enc), "invalid_utf8", {num(bad), num(n)});
    } else {
      enc = Encoding::Utf8;
      r.why = decision(encoding_name(enc), "valid_utf8", {num(good), num(n)});
    }
  }
  r.encoding = enc;
  r.bom = bom;
  return r;
}

size_t sniff_json_start(std::string_view text, SniffDecision& why) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  if (i < text.size() && (text[i] == '[' || text[i] == '{')) return i;
  why = decision(format_name(Format::Csv), "not_json");
  return std::string_view::npos;
}

void sniff_dialect(std::string_view text, bool complete, const ReadOptions& opt, Dialect& d, Sniff& sniff,
                   std::vector<Note>& notes) {
  d.quote = opt.quote ? *opt.quote : '"';
  d.quote_sniffed = !opt.quote;
  sniff_delimiter(text, complete, opt, d, sniff, notes);
  sniff_quote(text, opt, d, sniff);
  sniff_header(text, opt, d, sniff, notes);
}

void sniff_not_csv(Sniff& sniff) {
  sniff.delimiter = sniff.quote = sniff.header = decision("", "not_csv");
  sniff.delimiter_candidates.clear();
}

}  // namespace zicht::core
