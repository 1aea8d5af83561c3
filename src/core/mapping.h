// Zicht core — automatic column matching: which column of an export is which schema field, with a confidence.
//
// Per (field, column) the best of:
//   exact       the column name equals a synonym, the field id or a label (trimmed, case-insensitive)   1.00
//   normalised  equal after folding case, accents, punctuation and whitespace ("KIND-ID" = "Kind ID")    0.90
//   fuzzy       token overlap (Jaccard) or edit-distance similarity ≥ 0.6 on the folded names           0.8 × similarity
// then a greedy assignment, best confidence first, so each field gets at most one column and each column at
// most one field. A user override (the werkmap) fixes a field to a column (method "user", confidence 1) or
// leaves it deliberately unmapped.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/schema.h"

namespace zicht::core {

struct FieldMatch {
  std::string field;      // schema field id
  std::string column;     // column name in the file; empty = not mapped
  int column_index = -1;  // index into the file's columns
  double confidence = 0;  // 0..1
  std::string method;     // "exact", "normalised", "fuzzy", "user", "none"
  std::string matched_name;  // the synonym / label that matched
  bool mapped() const { return column_index >= 0; }
};

// The user's choices for one profile, kept in the werkmap.
struct MappingOverrides {
  // field → column name; std::nullopt = deliberately not mapped. Applied only when the column exists in the file.
  std::map<std::string, std::optional<std::string>> columns;
  // field → (raw value → code): values outside a code list mapped to a listed code (or to a missing/NVT token).
  std::map<std::string, std::map<std::string, std::string>> recode;
};

struct Mapping {
  std::string profile;  // "sofs", "binc", "generic"
  std::string kind;     // file kind within the profile: "trajecten", "modules", "clients"
  std::vector<FieldMatch> fields;  // the fields of this kind, in schema order
  std::vector<std::string> missing_required;  // required field ids without a column
  double score = 0;  // 0..1: how well the file fits (share of its columns explained, weighted by confidence)

  bool ok() const { return missing_required.empty(); }
  const FieldMatch* find(std::string_view field) const;
};

// Matches columns to the fields of `kind` (empty = try every kind of the schema and keep the best fitting one).
// `labels` (optional, one per column, "" for none): the variable labels a statistical file declares beside the names
// ("Kind_ID" labelled "Kind ID"); a column matches by its name or its label, whichever fits better.
Mapping match_columns(const Schema& schema, const std::vector<std::string>& columns,
                      const MappingOverrides* overrides = nullptr, std::string_view kind = {},
                      const std::vector<std::string>* labels = nullptr);
struct ReadReport;
// The variable labels of a file's columns, in column order ("" where there is none), for match_columns.
std::vector<std::string> column_labels(const ReadReport& report);

// The best profile for a file's columns: a schema profile whose required fields all match and that explains a
// fair share of the columns (score ≥ 0.25), else "generic".
struct ProfileGuess {
  std::string profile = "generic";
  std::string kind;
  double score = 0;
};
ProfileGuess detect_profile(const std::vector<std::string>& columns, const std::vector<std::string>* labels = nullptr);

// Similarity of two names after folding, 0..1, and the method it would get (for tests and the UI).
double name_similarity(std::string_view column, std::string_view synonym, std::string* method = nullptr);

// Explanation of unmapped required fields, naming the file and, per field, its label and the names looked for:
// "file.csv: required fields of profile 'sofs' cannot be mapped to a column:\n  start_cb (Startdatum traject …;
// looked for a column named "Startdatum traject", …)\nName the column in the settings …" (keys mapping.unmatched*
// in assets/i18n/<lang>/mapping.json).
i18n::Message unmatched(const Schema& schema, const Mapping& m, const std::string& file_name);
// The same as text in a language (English is the stable rendering of tests and the inspect JSON).
std::string unmatched_message(const Schema& schema, const Mapping& m, const std::string& file_name,
                              i18n::Lang lang = i18n::Lang::en);

}  // namespace zicht::core
