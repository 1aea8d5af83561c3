// Zicht core — the *werkmap*: one small, versioned JSON file with the user's choices, never data (SPEC §5, §6).
// One layout for every profile (version 2):
//
// {"schema": "zicht.werkmap/2",
//  "as_of": "2023-10-05" | null,                 // the analysis date; null = the latest date in the data
//  "denominator": "valid" | "applicable" | "all", // the percentage shown first, on every page
//  "marks": {"published": true, "norms": true},   // reference marks on the charts
//  "profiles": {"sofs": {"columns": {"start_cb": "Startdatum traject", "plan_b": null},   // null = not mapped
//                        "recode":   {"typering": {"Emotioneel": "EM"}},
//                        "filters":  {…}, "norms": {…}, "clusters": {…}, "consent": […], "settings": {…},
//                        "notes":    {"stappen": "Het verhaal achter de cijfers"}}},   // per page
//  "files": {"dashboard.xlsx": {"sheet": "Gegevens", "header_row": 3}}}   // how a workbook is read, by file name
//
// What each profile keeps in filters/norms/clusters/consent/settings is its own (its Options read and write them);
// the werkmap types what every profile shares. The whole document is kept as JSON: keys this version does not know
// are preserved on load and save, so settings that later versions add survive a round trip through an older Zicht.
// Every older version loads: zicht.werkmap/1 kept options per section and profile ("norms": {"sofs": …}) and notes
// as "sofs.stappen"; zicht.werkmap/0 (pre-release) had a flat "mapping". A newer major version is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/mapping.h"

namespace zicht::core {

// Which percentage a page shows first (SPEC §4): of the valid answers, of the applicable cases, of all cases.
enum class Denominator : uint8_t { valid, applicable, all };
const char* denominator_id(Denominator d);  // "valid" | "applicable" | "all"
bool parse_denominator(std::string_view s, Denominator& out);
inline constexpr Denominator kDenominators[] = {Denominator::valid, Denominator::applicable, Denominator::all};

// The reference marks drawn on the charts (spec/charts.md §1): published Flemish figures, the werkmap's norms.
struct Marks {
  bool published = true;
  bool norms = true;
  bool operator==(const Marks& o) const { return published == o.published && norms == o.norms; }
};

// How one workbook is read: the sheet (name, or number as text) and the header row (1-based; 0 = detected).
struct FileRead {
  std::string sheet;
  int header_row = 0;
  bool empty() const { return sheet.empty() && header_row == 0; }
  bool operator==(const FileRead& o) const { return sheet == o.sheet && header_row == o.header_row; }
};

class Werkmap {
 public:
  static constexpr const char* kSchema = "zicht.werkmap/2";
  static constexpr int kVersion = 2;
  // The option sections of a profile, next to its "columns", "recode" and "notes".
  static constexpr const char* kOptionSections[] = {"filters", "norms", "clusters", "consent", "settings"};

  Werkmap();  // an empty werkmap of the current version

  // Parses a werkmap; false with an English message (naming what is wrong) when it is not one or too new.
  static bool parse(std::string_view text, Werkmap& out, std::string& error);
  static bool from_json(const nlohmann::json& doc, Werkmap& out, std::string& error);
  // Settings given without a "schema" (a hand-written --settings file, a test): read in the layout of version 1
  // or 2, whichever its keys say.
  static bool from_settings(const nlohmann::json& doc, Werkmap& out, std::string& error);
  // Pretty-printed JSON (stable key order), ready to download.
  std::string dump() const;

  // --- Mapping (per profile) ---
  MappingOverrides overrides(std::string_view profile) const;
  void set_overrides(std::string_view profile, const MappingOverrides& o);
  void set_column(std::string_view profile, std::string_view field, std::optional<std::string> column);
  void set_recode(std::string_view profile, std::string_view field, std::string_view value, std::string_view code);
  void clear_recode(std::string_view profile, std::string_view field, std::string_view value);

  // --- Shared by every profile ---
  std::optional<int32_t> as_of() const;  // days since 1970
  void set_as_of(std::optional<int32_t> days);
  Denominator denominator() const;
  void set_denominator(Denominator d);
  Marks marks() const;
  void set_marks(const Marks& m);

  // --- A profile's options and notes ---
  // One of kOptionSections of a profile; null when absent. "consent" falls back to a top-level list (version 1
  // allowed one list for every profile).
  const nlohmann::json& options(std::string_view profile, std::string_view section) const;
  // Replaces a section (null removes it). Unknown section names are refused (false).
  bool set_options(std::string_view profile, std::string_view section, nlohmann::json value);
  // The note of a page ("" when none); an empty text removes it.
  std::string note(std::string_view profile, std::string_view page) const;
  void set_note(std::string_view profile, std::string_view page, std::string_view text);

  // --- How a workbook is read, by its file name without folders (the app's sheet choice, the CLI's --settings) ---
  FileRead file_read(std::string_view file) const;  // empty when the werkmap says nothing about the file
  void set_file_read(std::string_view file, const FileRead& r);  // an empty FileRead removes the entry

  const nlohmann::json& doc() const { return doc_; }
  int loaded_version() const { return loaded_version_; }

 private:
  nlohmann::json& profile(std::string_view id);
  nlohmann::json doc_;
  int loaded_version_ = kVersion;
};

// True when bytes are a JSON object whose top-level "schema" is "zicht.werkmap/<n>" (a werkmap, not data).
bool looks_like_werkmap(const uint8_t* data, size_t n);

// "YYYY-MM-DD" ↔ days since 1970 (strict ISO; false for impossible dates).
bool parse_iso_date(std::string_view s, int32_t& days);

}  // namespace zicht::core
