#pragma once
// Which characters the UI's font atlas can draw: the code-point ranges it is built for and the font files, in merge
// order. One source of truth for src/ui/fonts.cpp (builds the atlas), cmake/app.cmake (embeds the files named in
// glyphs.cpp into the wasm build) and tests/unit/test_glyphs.cpp (checks every i18n string and demo value against
// the glyphs those files really hold). Plain C++: no ImGui here.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zicht::glyphs {

struct Range {
  char32_t first;
  char32_t last;  // inclusive
};

// The code points the atlas is built for, ascending and disjoint. All below U+10000 (ImGui's 16-bit ImWchar).
const std::vector<Range>& ranges();
bool in_ranges(char32_t cp);

// One font file: where the build installs it from (Debian) and where the app reads it (the embedded /fonts/).
struct FontFile {
  const char* debian_path;  // e.g. /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
  const char* app_path;     // e.g. /fonts/NotoSans-Regular.ttf
};

// The files for one weight, in merge order: the first is the base font; each later one is merged in (ImGui
// MergeMode) and supplies only the code points the earlier ones lack. Same ranges for every file.
enum class Weight { regular, bold };
const std::vector<FontFile>& font_files(Weight weight);

// The first code point of utf8 for which has() is false; nullopt when has() holds for all of them. Invalid UTF-8
// yields U+FFFD (which the atlas does not hold), so bad bytes are reported too.
std::optional<char32_t> first_uncovered(std::string_view utf8, const std::function<bool(char32_t)>& has);

// Every code point of utf8 in order (invalid sequences as U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view utf8);

// "U+2212"
std::string code_point_name(char32_t cp);

}  // namespace zicht::glyphs
