// Zicht core — byte-level helpers for the readers: magic bytes, BOMs, streaming decoders to UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/reader.h"

namespace zicht::core {

// Format from magic bytes (binary formats only); Format::Unknown for text.
Format detect_binary_format(const uint8_t* p, size_t n);
// Byte-order mark: returns its length (0 if none) and sets enc.
size_t detect_bom(const uint8_t* p, size_t n, Encoding& enc);
// Guess UTF-16 without BOM from NUL byte patterns; returns true and sets enc if it looks like UTF-16.
bool guess_utf16(const uint8_t* p, size_t n, Encoding& enc);
// Number of invalid UTF-8 sequences in p[0..n); a truncated sequence at the very end is not counted when
// `complete` is false.
size_t count_invalid_utf8(const uint8_t* p, size_t n, bool complete, size_t* valid_multibyte = nullptr);

// Streaming decoder: appends UTF-8 to `out`; keeps an incomplete trailing sequence for the next call.
class Decoder {
 public:
  explicit Decoder(Encoding e = Encoding::Utf8) : enc_(e) {}
  void set_encoding(Encoding e) { enc_ = e; }
  Encoding encoding() const { return enc_; }
  void decode(const uint8_t* p, size_t n, std::string& out);
  void flush(std::string& out);  // end of input: decode what is pending
  uint64_t invalid_count() const { return invalid_; }  // invalid sequences replaced/decoded as cp1252
  uint64_t first_invalid_offset() const { return first_invalid_; }
  uint64_t nul_count() const { return nuls_; }

 private:
  void decode_utf8(const uint8_t* p, size_t n, std::string& out, bool final);
  void decode_utf16(const uint8_t* p, size_t n, std::string& out, bool final);
  void decode_cp1252(const uint8_t* p, size_t n, std::string& out);
  void note_invalid(uint64_t off);
  Encoding enc_;
  uint8_t pend_[4];
  size_t pend_n_ = 0;
  uint32_t hi_surrogate_ = 0;
  uint64_t offset_ = 0;  // bytes consumed so far (for first_invalid_)
  uint64_t invalid_ = 0, first_invalid_ = 0, nuls_ = 0;
};

void append_utf8(std::string& out, uint32_t cp);
uint32_t cp1252_to_unicode(uint8_t b);

}  // namespace zicht::core
