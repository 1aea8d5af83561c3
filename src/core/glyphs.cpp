#include "core/glyphs.h"

#include <cstdio>

namespace zicht::glyphs {

const std::vector<Range>& ranges() {
  static const std::vector<Range> r = {
      {0x0020, 0x007E},  // Basic Latin
      {0x00A0, 0x00FF},  // Latin-1 Supplement (é ë ï ç ß × · ² » …)
      {0x0100, 0x017F},  // Latin Extended-A (ł ş ő ğ œ: names in Flemish data)
      {0x0180, 0x024F},  // Latin Extended-B
      {0x0370, 0x03FF},  // Greek (χ², η², β, σ)
      {0x2000, 0x206F},  // General Punctuation (– — ‘ ’ “ ” … ‰ •)
      {0x2070, 0x209F},  // Superscripts and subscripts
      {0x20AC, 0x20AC},  // €
      // From the arrows and maths blocks only what text and data use: every glyph is rasterised three times
      // (regular, bold, large) before the first frame, and the whole blocks (~470 glyphs from DejaVu) made the
      // demo appear half a second later from disk.
      {0x2190, 0x2194},  // ← ↑ → ↓ ↔
      {0x21D2, 0x21D2},  // ⇒
      {0x2212, 0x2212},  // − (minus)
      {0x221A, 0x221A},  // √
      {0x221E, 0x221E},  // ∞
      {0x2248, 0x2248},  // ≈
      {0x2260, 0x2260},  // ≠
      {0x2264, 0x2265},  // ≤ ≥
  };
  return r;
}

bool in_ranges(char32_t cp) {
  for (const Range& r : ranges())
    if (cp >= r.first && cp <= r.last) return true;
  return false;
}

// Noto Sans lacks the maths operators (− ≥ ≤ ≈ √ ≠ ∞) and the arrows (→ ⇒). DejaVu Sans Mono has every one of them
// in a file of 343 kB, a quarter of DejaVu Sans regular + bold: embedded files are parsed before main(), and the
// two larger files tripled the time to the first frame. One file serves both weights (these signs barely differ).
// cmake/app.cmake embeds every "/usr/share/fonts/….ttf" path named in this file, once, at its app_path.
const std::vector<FontFile>& font_files(Weight weight) {
  static const std::vector<FontFile> regular = {
      {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/fonts/NotoSans-Regular.ttf"},
      {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/fonts/DejaVuSansMono.ttf"},
  };
  static const std::vector<FontFile> bold = {
      {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "/fonts/NotoSans-Bold.ttf"},
      {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/fonts/DejaVuSansMono.ttf"},
  };
  return weight == Weight::bold ? bold : regular;
}

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at s[i], advancing i; strict (no overlongs, surrogates or values above U+10FFFF).
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + len > s.size()) {
    i = s.size();
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      i += k;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  return cp;
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view utf8) {
  std::vector<char32_t> out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

std::optional<char32_t> first_uncovered(std::string_view utf8, const std::function<bool(char32_t)>& has) {
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (!has(cp)) return cp;
  }
  return std::nullopt;
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace zicht::glyphs
