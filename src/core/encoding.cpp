#include "core/encoding.h"

#include <cstring>

namespace zicht::core {

namespace {
// Stata, SAS and SPSS portable files (the system files start with $FL2/$FL3 below).
Format detect_stat_format(const uint8_t* p, size_t n) {
  auto starts = [&](const char* m, size_t len) { return n >= len && std::memcmp(p, m, len) == 0; };
  if (starts("<stata_dta>", 11)) return Format::Dta;  // Stata 13 and later (formats 117-119)
  // Stata 8-12 (formats 104-115): version byte, byte order 1 (HILO) or 2 (LOHI), file type 1, a zero byte.
  if (n >= 4 && p[0] >= 104 && p[0] <= 115 && (p[1] == 1 || p[1] == 2) && p[2] == 1 && p[3] == 0) return Format::Dta;
  static const uint8_t sas7bdat[32] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc2, 0xea, 0x81, 0x60,
                                       0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c,
                                       0x18, 0x1f, 0x10, 0x11};
  if (n >= 32 && std::memcmp(p, sas7bdat, 32) == 0) return Format::Sas7bdat;
  if (starts("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!", 48) ||
      starts("HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!", 48))
    return Format::Xpt;
  // SPSS portable: a 200-byte vanity header, a 256-byte character table, then "SPSSPORT" (80-column lines, so
  // line breaks may shift it by a few bytes).
  if (n >= 464) {
    size_t lim = n < 600 ? n : 600;
    for (size_t i = 456; i + 8 <= lim; ++i)
      if (std::memcmp(p + i, "SPSSPORT", 8) == 0) return Format::Por;
  }
  return Format::Unknown;
}
}  // namespace

Format detect_binary_format(const uint8_t* p, size_t n) {
  auto starts = [&](const char* m, size_t len) { return n >= len && std::memcmp(p, m, len) == 0; };
  if (starts("PK\x03\x04", 4) || starts("PK\x05\x06", 4)) {
    // An .xlsx is a zip whose entries are [Content_Types].xml, xl/..., docProps/...
    size_t lim = n < 4096 ? n : 4096;
    const char* s = reinterpret_cast<const char*>(p);
    for (size_t i = 0; i + 3 <= lim; ++i)
      if ((s[i] == 'x' && s[i + 1] == 'l' && s[i + 2] == '/') ||
          (i + 19 <= lim && std::memcmp(s + i, "[Content_Types].xml", 19) == 0))
        return Format::Xlsx;
    return Format::Zip;
  }
  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) return Format::Xls;
  if (starts("$FL2", 4)) return Format::Sav;
  if (starts("$FL3", 4)) return Format::Zsav;
  if (Format f = detect_stat_format(p, n); f != Format::Unknown) return f;
  if (starts("%PDF-", 5)) return Format::Pdf;
  if (starts("\x1F\x8B", 2)) return Format::Gzip;
  return Format::Unknown;
}

size_t detect_bom(const uint8_t* p, size_t n, Encoding& enc) {
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) { enc = Encoding::Utf8Bom; return 3; }
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) { enc = Encoding::Utf16LE; return 2; }
  if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) { enc = Encoding::Utf16BE; return 2; }
  return 0;
}

bool guess_utf16(const uint8_t* p, size_t n, Encoding& enc) {
  if (n < 4) return false;
  size_t even0 = 0, odd0 = 0, pairs = n / 2;
  for (size_t i = 0; i + 1 < n; i += 2) {
    even0 += p[i] == 0;
    odd0 += p[i + 1] == 0;
  }
  if (odd0 * 10 >= pairs * 6 && even0 * 10 <= pairs) { enc = Encoding::Utf16LE; return true; }
  if (even0 * 10 >= pairs * 6 && odd0 * 10 <= pairs) { enc = Encoding::Utf16BE; return true; }
  return false;
}

namespace {
// Length of a valid UTF-8 sequence at p (n bytes available), 0 if invalid, -1 if truncated but valid so far.
inline int utf8_seq(const uint8_t* p, size_t n) {
  uint8_t c = p[0];
  if (c < 0x80) return 1;
  int len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
  else return 0;
  for (int k = 1; k < len; ++k) {
    if (size_t(k) >= n) return -1;
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
    if (k == 1) {  // reject overlongs / surrogates / > U+10FFFF early
      if (len == 3 && c == 0xE0 && p[1] < 0xA0) return 0;
      if (len == 3 && c == 0xED && p[1] >= 0xA0) return 0;
      if (len == 4 && c == 0xF0 && p[1] < 0x90) return 0;
      if (len == 4 && c == 0xF4 && p[1] >= 0x90) return 0;
    }
  }
  return len;
}
}  // namespace

size_t count_invalid_utf8(const uint8_t* p, size_t n, bool complete, size_t* valid_multibyte) {
  size_t bad = 0, i = 0, good = 0;
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    int l = utf8_seq(p + i, n - i);
    if (l > 0) { i += size_t(l); ++good; }
    else if (l < 0) { if (complete) ++bad; break; }
    else { ++bad; ++i; }
  }
  if (valid_multibyte) *valid_multibyte = good;
  return bad;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) out.push_back(char(cp));
  else if (cp < 0x800) { out.push_back(char(0xC0 | (cp >> 6))); out.push_back(char(0x80 | (cp & 0x3F))); }
  else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

uint32_t cp1252_to_unicode(uint8_t b) {
  static const uint16_t hi[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  if (b >= 0x80 && b < 0xA0) return hi[b - 0x80];
  return b;
}

void Decoder::note_invalid(uint64_t off) {
  if (invalid_ == 0) first_invalid_ = off;
  ++invalid_;
}

void Decoder::decode(const uint8_t* p, size_t n, std::string& out) {
  switch (enc_) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom: decode_utf8(p, n, out, false); break;
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: decode_utf16(p, n, out, false); break;
    case Encoding::Windows1252: decode_cp1252(p, n, out); break;
  }
}

void Decoder::flush(std::string& out) {
  if (enc_ == Encoding::Utf16LE || enc_ == Encoding::Utf16BE) decode_utf16(nullptr, 0, out, true);
  else if (enc_ != Encoding::Windows1252) decode_utf8(nullptr, 0, out, true);
}

void Decoder::decode_cp1252(const uint8_t* p, size_t n, std::string& out) {
  out.reserve(out.size() + n + n / 8);
  for (size_t i = 0; i < n; ++i) {
    uint8_t b = p[i];
    if (b < 0x80) {
      if (b == 0) { ++nuls_; continue; }
      out.push_back(char(b));
    } else append_utf8(out, cp1252_to_unicode(b));
  }
  offset_ += n;
}

void Decoder::decode_utf8(const uint8_t* p, size_t n, std::string& out, bool final) {
  // Join a pending partial sequence with the start of this chunk.
  if (pend_n_) {
    uint8_t tmp[8];
    size_t t = pend_n_;
    std::memcpy(tmp, pend_, t);
    size_t take = 0;
    while (t < 4 && take < n) tmp[t++] = p[take++];
    int l = utf8_seq(tmp, t);
    if (l < 0 && !final) {  // still incomplete (tiny chunks)
      std::memcpy(pend_, tmp, t);
      pend_n_ = t;
      offset_ += take;
      return;
    }
    if (l > 0) {
      out.append(reinterpret_cast<const char*>(tmp), size_t(l));
      size_t used_new = size_t(l) - pend_n_;
      p += used_new; n -= used_new; offset_ += used_new;
    } else {  // invalid (or truncated at the end): first byte as cp1252, retry the rest as new input
      note_invalid(offset_ - pend_n_);
      append_utf8(out, cp1252_to_unicode(pend_[0]));
      // re-feed remaining pending bytes (they came before p)
      uint8_t rest[4];
      size_t rn = pend_n_ - 1;
      std::memcpy(rest, pend_ + 1, rn);
      pend_n_ = 0;
      for (size_t k = 0; k < rn; ++k) {
        if (rest[k] < 0x80) { if (rest[k]) out.push_back(char(rest[k])); else ++nuls_; }
        else { note_invalid(offset_); append_utf8(out, cp1252_to_unicode(rest[k])); }
      }
    }
    pend_n_ = 0;
  }
  size_t i = 0;
  out.reserve(out.size() + n);
  while (i < n) {
    // ASCII fast path, 8 bytes at a time
    size_t start = i;
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      // NUL check: any zero byte?
      if ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) break;
      i += 8;
    }
    while (i < n && p[i] < 0x80 && p[i] != 0) ++i;
    if (i > start) out.append(reinterpret_cast<const char*>(p + start), i - start);
    if (i >= n) break;
    if (p[i] == 0) { ++nuls_; ++i; continue; }
    int l = utf8_seq(p + i, n - i);
    if (l > 0) {
      out.append(reinterpret_cast<const char*>(p + i), size_t(l));
      i += size_t(l);
    } else if (l < 0 && !final) {
      pend_n_ = n - i;
      std::memcpy(pend_, p + i, pend_n_);
      i = n;
    } else {
      note_invalid(offset_ + i);
      append_utf8(out, cp1252_to_unicode(p[i]));
      ++i;
    }
  }
  offset_ += n - pend_n_ + (pend_n_ ? 0 : 0);
}

void Decoder::decode_utf16(const uint8_t* p, size_t n, std::string& out, bool final) {
  bool le = enc_ == Encoding::Utf16LE;
  auto unit = [&](uint8_t a, uint8_t b) -> uint32_t { return le ? (uint32_t(b) << 8 | a) : (uint32_t(a) << 8 | b); };
  auto emit = [&](uint32_t u) {
    if (hi_surrogate_) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((hi_surrogate_ - 0xD800) << 10) + (u - 0xDC00));
        hi_surrogate_ = 0;
        return;
      }
      note_invalid(offset_);
      append_utf8(out, 0xFFFD);
      hi_surrogate_ = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) { hi_surrogate_ = u; return; }
    if (u >= 0xDC00 && u <= 0xDFFF) { note_invalid(offset_); append_utf8(out, 0xFFFD); return; }
    if (u == 0) { ++nuls_; return; }
    append_utf8(out, u);
  };
  size_t i = 0;
  if (pend_n_ && n) {
    emit(unit(pend_[0], p[0]));
    pend_n_ = 0;
    i = 1;
  }
  out.reserve(out.size() + n / 2 + 8);
  for (; i + 1 < n; i += 2) emit(unit(p[i], p[i + 1]));
  if (i < n) { pend_[0] = p[i]; pend_n_ = 1; }
  offset_ += n;
  if (final) {
    if (pend_n_) { note_invalid(offset_); append_utf8(out, 0xFFFD); pend_n_ = 0; }
    if (hi_surrogate_) { note_invalid(offset_); append_utf8(out, 0xFFFD); hi_surrogate_ = 0; }
  }
}

}  // namespace zicht::core
