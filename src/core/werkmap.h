// Zicht core — the *werkmap*: one small, versioned JSON file with the user's choices, never data (SPEC §5, §6):
//
// {"schema": "zicht.werkmap/1",
//  "profiles": {"sofs": {"columns": {"start_cb": "Startdatum traject", "plan_b": null},   // null = not mapped
//                        "recode": {"typering": {"Emotioneel": "EM"}}}},
//  "as_of": "2023-10-05" | null, "denominator": "valid",
//  "norms": {}, "clusters": {}, "consent": {}, "filters": {}, "notes": {}}
//
// The whole document is kept as JSON: keys this version does not know are preserved on load and save, so settings
// that later versions add survive a round trip through an older Zicht. Older versions load (zicht.werkmap/0, the
// pre-release layout with a flat "mapping", is migrated); a newer major version is refused with a clear message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/mapping.h"

namespace zicht::core {

class Werkmap {
 public:
  static constexpr const char* kSchema = "zicht.werkmap/1";
  static constexpr int kVersion = 1;

  Werkmap();  // an empty werkmap of the current version

  // Parses a werkmap; false with an English message (naming what is wrong) when it is not one or too new.
  static bool parse(std::string_view text, Werkmap& out, std::string& error);
  static bool from_json(const nlohmann::json& doc, Werkmap& out, std::string& error);
  // Pretty-printed JSON (stable key order), ready to download.
  std::string dump() const;

  MappingOverrides overrides(std::string_view profile) const;
  void set_overrides(std::string_view profile, const MappingOverrides& o);
  void set_column(std::string_view profile, std::string_view field, std::optional<std::string> column);
  void set_recode(std::string_view profile, std::string_view field, std::string_view value, std::string_view code);
  void clear_recode(std::string_view profile, std::string_view field, std::string_view value);

  std::optional<int32_t> as_of() const;  // days since 1970
  void set_as_of(std::optional<int32_t> days);
  std::string denominator() const;       // "all" | "applicable" | "valid" (default)
  void set_denominator(std::string_view d);

  // Free-form sections later issues fill: "norms", "clusters", "consent", "filters", "notes".
  nlohmann::json& section(const std::string& name);
  // Applies an RFC 7386 merge patch (null removes a key) to the sections that hold analysis options — "norms",
  // "filters", "consent", "notes", "clusters", "settings", "denominator" — and ignores any other key, so a patch can
  // never change the schema version or the mapping.
  void patch_options(const nlohmann::json& patch);
  const nlohmann::json& doc() const { return doc_; }
  int loaded_version() const { return loaded_version_; }

 private:
  nlohmann::json doc_;
  int loaded_version_ = kVersion;
};

// True when bytes are a JSON object whose top-level "schema" is "zicht.werkmap/<n>" (a werkmap, not data).
bool looks_like_werkmap(const uint8_t* data, size_t n);

// "YYYY-MM-DD" ↔ days since 1970 (strict ISO; false for impossible dates).
bool parse_iso_date(std::string_view s, int32_t& days);

}  // namespace zicht::core
