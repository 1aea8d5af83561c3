// Zicht core — profile schemas (SPEC §2): which fields a profile knows, their types, roles, verbatim code lists,
// per-field missing / NVT tokens and the column-name synonyms used to find them in an export.
// The schemas are JSON files under assets/schemas/ compiled into every binary; `generic` is the profile without a
// schema (the reader's detection is then all there is).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace zicht::core {

// How a field's cells are read.
//   String  any text (ids, organisation codes)
//   Date    a date; optional `no` tokens ("nee") mean "explicitly not" (einddatum: open)
//   Step    a SofS step: a date = taken on that date, `yes` ("ja") = taken, date unknown, `no` ("nee") = not taken
//   Count   a non-negative whole number (netwerkberaden: a date there means "≥ 1, count unknown")
//   Integer a whole number with optional min/max
//   Code    one of a verbatim code list (Dutch labels are the codes); `multi` joins several codes ("+")
//   Bool    ja/nee (who was involved in a step)
enum class FieldType { String, Date, Step, Count, Integer, Code, Bool };
const char* field_type_name(FieldType t);

struct CodeEntry {
  std::string code;                  // verbatim Dutch label = the code
  std::string en;                    // English gloss
  std::vector<std::string> aliases;  // other spellings recoded to this code automatically
};

struct FieldSpec {
  std::string id;    // stable id (SPEC §2): traject_id, start_cb, mapping_familie, …
  FieldType type = FieldType::String;
  std::string role;  // identifier, organisation, date, step, count, code, characteristic
  bool required = false;
  std::string label_nl, label_en;
  std::vector<std::string> synonyms;  // column names (Dutch and English) that mean this field
  std::vector<CodeEntry> codes;
  bool closed = true;               // Code: values outside the list are flagged (false: open list, e.g. module types)
  std::string multi;                // Code: separator of multi-valued cells ("+"), empty = single
  std::vector<std::string> missing; // tokens meaning Missing (compared trimmed, case-insensitively)
  std::vector<std::string> nvt;     // tokens meaning Niet van toepassing (empty for vzb_organisatietype)
  std::vector<std::string> yes, no; // Step/Date/Bool tokens
  std::optional<double> min, max;   // Count/Integer plausible range
  std::vector<std::string> kinds;   // file kinds the field can appear in (empty = all)
  std::string step, who;            // Bool partnership fields: which step, "cb" or "consulent"
  std::string note;

  bool is_missing_token(std::string_view s) const;
  bool is_nvt_token(std::string_view s) const;
  bool is_yes(std::string_view s) const;
  bool is_no(std::string_view s) const;
  // The code a value means (exact, case-insensitive, alias; multi-valued parts normalised), or nullopt.
  std::optional<std::string> find_code(std::string_view value) const;
  bool in_kind(std::string_view kind) const;
  const std::string& label(bool english) const { return english ? label_en : label_nl; }
};

// A kind of file within a profile (binc: a module file, or a separate client file keyed by kind_id).
struct FileKind {
  std::string id;
  std::string label_nl, label_en;
  std::vector<std::string> required;  // field ids that must be mapped
  std::string identifier;             // row unusable without it
  std::string start, end;             // row unusable without start (when set); end-before-start check
  bool unique_identifier = false;     // duplicate ids are flagged
  // At least this many fields of this role must be mapped (matrix's wide sheet: two support-form columns), so a
  // kind without required fields never claims an unrelated file.
  std::string min_role;
  int min_role_count = 0;
};

struct Schema {
  std::string id;  // "sofs", "binc"
  std::string title_nl, title_en;
  std::string unit;
  std::vector<FieldSpec> fields;
  std::vector<FileKind> kinds;
  nlohmann::json settings;  // profile defaults (e.g. binc's SofS module type)

  const FieldSpec* field(std::string_view id) const;
  int field_index(std::string_view id) const;  // -1 if unknown
  const FileKind* kind(std::string_view id) const;
};

// Text folding used for matching names and code values: lowercase, accents removed (é → e, ë → e, …),
// whitespace collapsed and trimmed; with `punctuation` also every non-alphanumeric character becomes a space
// ("W&P" → "w p", "Kind-ID" → "kind id").
std::string fold_text(std::string_view s, bool punctuation);

// Profiles with a schema, in a fixed order ("sofs", "binc"); "generic" is not listed (it has no schema).
std::vector<std::string> profile_ids();
bool is_known_profile(std::string_view id);  // a profile id or "generic"
// The compiled-in schema of a profile (cached); nullptr for "generic" or an unknown id.
const Schema* find_schema(std::string_view profile);
// Parses a schema document; on error returns false with a message.
bool parse_schema(const nlohmann::json& doc, Schema& out, std::string& error);

}  // namespace zicht::core
