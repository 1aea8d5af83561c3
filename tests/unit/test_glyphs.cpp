// The font atlas holds every character the app shows: each i18n string, each schema label, each value of the
// built-in demo data and the letters of names in Flemish data. "The atlas" = the code points in core/glyphs.h's
// ranges that one of its font files (the same Debian files the wasm build embeds) really has a glyph for, as
// ImGui decides when it builds the atlas (ranges ∩ the font's cmap, later files merged in for what is missing).
#define STB_TRUETYPE_IMPLEMENTATION  // the only translation unit of this test that compiles stb_truetype
#include <stb/stb_truetype.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/assets.h"
#include "core/glyphs.h"
#include "demo/demo.h"

using namespace zicht;
using glyphs::Weight;

namespace {

std::vector<unsigned char> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The code points an atlas built from `files` (in merge order) over core/glyphs.h's ranges can draw.
std::vector<bool> atlas_set(const std::vector<glyphs::FontFile>& files) {
  std::vector<bool> has(0x10000, false);
  for (const glyphs::FontFile& f : files) {
    std::vector<unsigned char> ttf = slurp(f.debian_path);
    INFO(f.debian_path);
    REQUIRE(!ttf.empty());
    stbtt_fontinfo info;
    REQUIRE(stbtt_InitFont(&info, ttf.data(), stbtt_GetFontOffsetForIndex(ttf.data(), 0)) != 0);
    for (const glyphs::Range& r : glyphs::ranges())
      for (char32_t cp = r.first; cp <= r.last; ++cp)
        if (stbtt_FindGlyphIndex(&info, int(cp)) != 0) has[cp] = true;
  }
  return has;
}

struct Atlas {
  std::vector<bool> regular = atlas_set(glyphs::font_files(Weight::regular));
  std::vector<bool> bold = atlas_set(glyphs::font_files(Weight::bold));
  bool has(char32_t cp, Weight w) const {
    const std::vector<bool>& set = w == Weight::bold ? bold : regular;
    return cp < set.size() && set[cp];
  }
};

const Atlas& atlas() {
  static const Atlas a;
  return a;
}

// "" when the regular and the bold atlas can draw all of `text`, else which code point one of them lacks.
std::string uncovered(const std::string& text) {
  for (Weight w : {Weight::regular, Weight::bold}) {
    auto missing = glyphs::first_uncovered(text, [w](char32_t cp) { return atlas().has(cp, w); });
    if (missing)
      return "has " + glyphs::code_point_name(*missing) + ", which the " +
             (w == Weight::bold ? "bold" : "regular") + " font atlas lacks";
  }
  return "";
}

// One assertion per text; a failure names where the text comes from (file and key), the text and the code point.
void check_text(const std::string& where, const std::string& text) {
  INFO(where << ": \"" << text << "\"");
  CHECK(uncovered(text) == "");
}

// Every string in a JSON document, with its path ("fields[3].label.nl").
void json_strings(const nlohmann::json& j, const std::string& path,
                  std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_string()) {
    out.emplace_back(path, j.get<std::string>());
  } else if (j.is_object()) {
    for (auto& [k, v] : j.items()) json_strings(v, path.empty() ? k : path + "." + k, out);
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) json_strings(j[i], path + "[" + std::to_string(i) + "]", out);
  }
}

// The distinct cells of a ';'-separated CSV (quotes kept: they are drawn too when a user opens the file raw).
std::set<std::string> csv_cells(const std::string& csv) {
  std::set<std::string> cells;
  std::string cell;
  for (char c : csv) {
    if (c == ';' || c == '\n' || c == '\r') {
      if (!cell.empty()) cells.insert(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (!cell.empty()) cells.insert(cell);
  return cells;
}

}  // namespace

TEST_CASE("The atlas check can fail: a code point outside the ranges is reported") {
  const auto has = [](char32_t cp) { return atlas().has(cp, Weight::regular); };
  CHECK_FALSE(glyphs::in_ranges(0x4E2D));
  CHECK(glyphs::first_uncovered("Zicht 中文", has) == std::optional<char32_t>(0x4E2D));
  CHECK(glyphs::code_point_name(0x4E2D) == "U+4E2D");
  CHECK(glyphs::first_uncovered("Zicht − ≥ 1", has) == std::nullopt);
  // Bad UTF-8 is reported as U+FFFD, which the atlas does not hold.
  CHECK(glyphs::first_uncovered("a\xC3(b", has) == std::optional<char32_t>(0xFFFD));
  CHECK(glyphs::first_uncovered("\xE2\x88", has) == std::optional<char32_t>(0xFFFD));
  CHECK(glyphs::first_uncovered("\xC0\xAF", has) == std::optional<char32_t>(0xFFFD));  // overlong '/'
  CHECK(glyphs::decode_utf8("a≥€") == std::vector<char32_t>{U'a', 0x2265, 0x20AC});
}

TEST_CASE("Noto Sans alone lacks the maths signs: the fallback font supplies them") {
  // Why font_files() has a second entry: the base files lack − ≥ ≤ → ≈ (they showed as "?").
  for (Weight w : {Weight::regular, Weight::bold}) {
    const auto& files = glyphs::font_files(w);
    REQUIRE(files.size() >= 2);
    std::vector<bool> base = atlas_set({files.front()});
    for (char32_t cp : {0x2212, 0x2265, 0x2264, 0x2192, 0x2248}) {
      INFO(glyphs::code_point_name(cp));
      CHECK_FALSE(base[cp]);
      CHECK(atlas().has(cp, w));
    }
  }
}

TEST_CASE("The atlas holds the punctuation, maths signs and the letters of names in Flemish data") {
  // Punctuation and maths the results use.
  check_text("maths and punctuation", "− ≥ ≤ → ← ↔ × ≈ … ‰ – — ‘ ’ “ ” „ € · • ± ² ³ ° § ½ √ ≠ ∞ χ η β σ");
  // Letters of names (Flemish data: Dutch, French, German, Turkish, Polish, Hungarian, Romanian, Scandinavian, …).
  check_text("name letters", "ł ş ő ğ ç ë ï é à è ê ô û ñ ø å æ œ ß ü ö ä ı ű ć č š ž ą ę ń ś ź ż ř ů ă ș ț ţ í á ú ó â î");
  check_text("name letters (capitals)", "Ł Ş Ő Ğ Ç Ë Ï É À È Ê Ô Û Ñ Ø Å Æ Œ Ü Ö Ä İ Ű Ć Č Š Ž Ą Ę Ń Ś Ź Ż Ř Ů Ă Ș Ț Ţ Í Á Ú Ó Â Î");
  // Every code point of Latin-1 Supplement (printable) and Latin Extended-A.
  int missing = 0;
  for (char32_t cp = 0x00A1; cp <= 0x017F; ++cp)
    for (Weight w : {Weight::regular, Weight::bold})
      if (cp != 0x00AD && !atlas().has(cp, w)) {  // U+00AD soft hyphen is never drawn
        UNSCOPED_INFO(glyphs::code_point_name(cp) << " (Latin-1 Supplement / Latin Extended-A) is not in the atlas");
        ++missing;
      }
  CHECK(missing == 0);
}

TEST_CASE("Every i18n string can be drawn") {
  const std::vector<std::string_view> files = assets::list("i18n/");
  REQUIRE(files.size() >= 14);  // nl and en, seven files each
  size_t strings = 0;
  for (std::string_view path : files) {
    const auto j = nlohmann::json::parse(*assets::find(path));
    std::vector<std::pair<std::string, std::string>> all;
    json_strings(j, "", all);
    for (const auto& [key, text] : all) {
      check_text("i18n " + std::string(path) + " key \"" + key + "\"", text);
      ++strings;
    }
  }
  CHECK(strings > 1000);
}

TEST_CASE("Every schema string can be drawn") {
  const std::vector<std::string_view> files = assets::list("schemas/");
  REQUIRE(!files.empty());
  for (std::string_view path : files) {
    std::vector<std::pair<std::string, std::string>> all;
    json_strings(nlohmann::json::parse(*assets::find(path)), "", all);
    for (const auto& [key, text] : all) check_text("schema " + std::string(path) + " " + key, text);
  }
}

TEST_CASE("Every value of the built-in demo data can be drawn") {
  const std::vector<std::pair<std::string, demo::DemoOptions>> demos = {
      {"sofs", {"sofs"}},
      {"binc modules", {"binc", 2023, 0, "modules", true}},
      {"binc clients", {"binc", 2023, 0, "clients"}},
  };
  for (const auto& [name, options] : demos) {
    const std::set<std::string> cells = csv_cells(demo::generate_csv(options));
    CHECK(cells.size() > 50);
    for (const std::string& cell : cells) check_text("demo " + name + " cell", cell);
  }
  for (const std::string& org : demo::demo_organisations()) check_text("demo organisation", org);
}
