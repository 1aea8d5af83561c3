#pragma once
// For tests that check drawn text: the code points the app's font atlas holds (core/glyphs.h's ranges ∩ the glyphs
// its Debian font files really have, regular weight), loaded once per test binary. Include it in one test file per
// binary: stb_truetype is compiled here, static.
#define STB_TRUETYPE_IMPLEMENTATION
#define STBTT_STATIC
#include <stb/stb_truetype.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "core/glyphs.h"

namespace glyph_atlas {

inline const std::vector<bool>& atlas() {
  static const std::vector<bool> has = [] {
    std::vector<bool> h(0x10000, false);
    for (const auto& f : zicht::glyphs::font_files(zicht::glyphs::Weight::regular)) {
      std::ifstream in(f.debian_path, std::ios::binary);
      std::vector<unsigned char> ttf{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      if (ttf.empty()) continue;
      stbtt_fontinfo info;
      if (!stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0))) continue;
      for (const auto& r : zicht::glyphs::ranges())
        for (char32_t cp = r.first; cp <= r.last; ++cp)
          if (!h[cp] && stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) != 0) h[cp] = true;
    }
    return h;
  }();
  return has;
}

// The first code point of utf8 the atlas cannot draw; 0 when it can draw them all.
inline char32_t first_missing(const std::string& utf8) {
  const auto& has = atlas();
  const auto miss = zicht::glyphs::first_uncovered(utf8, [&](char32_t cp) {
    return cp == '\n' || (cp < has.size() && has[cp]);
  });
  return miss ? *miss : 0;
}

}  // namespace glyph_atlas
