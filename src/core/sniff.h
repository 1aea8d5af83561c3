// Zicht core — sniffing: what a file is (binary format, JSON or CSV), its encoding and its CSV dialect (delimiter,
// quote, header). Each function fills a SniffDecision with the value chosen, a reason code and the evidence, so
// `zicht inspect` and the Gegevens page can say why (reader.h: Sniff). Used by the reader's driver on the first
// ReadOptions::sniff_bytes of the file; nothing here keeps state between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/reader.h"

namespace zicht::core {

// Binary formats by magic bytes; Format::Unknown for text. Fills `why` when a binary format is found.
Format sniff_binary_format(const uint8_t* p, size_t n, SniffDecision& why);

struct EncodingSniff {
  Encoding encoding = Encoding::Utf8;
  size_t bom = 0;  // bytes of byte-order mark to skip
  SniffDecision why;
};
// The encoding of a raw sample; `complete` = the sample is the whole file (a cut sequence at the end is invalid).
EncodingSniff sniff_encoding(const uint8_t* p, size_t n, bool complete, const ReadOptions& opt);

// JSON when the first non-blank character of the decoded sample is '[' or '{': returns its offset, or npos for CSV.
// Sets `why` for CSV; the JSON scanner refines it (records, NDJSON, columnar).
size_t sniff_json_start(std::string_view text, SniffDecision& why);

// Delimiter, quote and header of a CSV sample (decoded UTF-8). Fills d, the three decisions and the candidates, and
// adds notes for a single-column read and a header-less file.
void sniff_dialect(std::string_view text, bool complete, const ReadOptions& opt, Dialect& d, Sniff& sniff,
                   std::vector<Note>& notes);

// The decisions of a file that is not CSV: delimiter, quote and header do not apply.
void sniff_not_csv(Sniff& sniff);

}  // namespace zicht::core
