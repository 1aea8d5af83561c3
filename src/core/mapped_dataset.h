// Zicht core — a file read by the reader, understood as a profile: each schema field bound to a column, every
// cell interpreted with the field's own tokens and code list, validated (core/validation.h).
//
// The analyses (sofs, binc) build on this:
//   const MappedField* f = ds.field("veiligheidsplan_volwassenen");
//   for (size_t r = 0; r < ds.rows(); ++r) if (ds.used[r] && f->kind[r] == CellKind::Value) … f->value[r] (days)
//
// Per cell the CellKind says what it means, the int32 `value` carries the payload:
//   field type   Value                       Yes                              No                    payload of Value
//   Step         taken on that date          taken, date unknown ("ja")       not taken ("nee")     days since 1970
//   Date         the date                    —                                "nee" (einddatum: open) days since 1970
//   Count        the count                   a date was entered: ≥ 1, count unknown                 the count
//   Integer      the number                  —                                —                     the number
//   Code         a listed code (or, open lists, any value) —                  —                     index into values
//   Bool         —                           ja                               nee                   —
//   String       present                     —                                —                     — (text via str())
// plus Missing (empty, "Missing", …), NotApplicable (the field's NVT tokens) and Invalid (flagged).
// A date that is flagged but usable (out of range, step after end) stays a Value.
// The dataset points into the Table it was built from: keep the table alive and unchanged while using it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapping.h"
#include "core/reader.h"
#include "core/schema.h"
#include "core/validation.h"

namespace zicht::core {

enum class CellKind : uint8_t { Value, Missing, NotApplicable, Invalid, Yes, No };
const char* cell_kind_name(CellKind k);  // "value", "missing", "nvt", "invalid", "yes", "no"

struct MappedField {
  const FieldSpec* spec = nullptr;
  int column = -1;          // index into Table::columns; -1 = not mapped (kind/value empty)
  std::string column_name;
  std::vector<CellKind> kind;   // per table row
  std::vector<int32_t> value;   // per table row, see the table above
  std::vector<std::string> values;  // Code: the schema's codes in order, then values found outside the list

  bool mapped() const { return column >= 0; }
  bool is_date(size_t row) const { return kind[row] == CellKind::Value && (spec->type == FieldType::Date || spec->type == FieldType::Step); }
  // Step semantics: taken (with or without date).
  bool taken(size_t row) const { return kind[row] == CellKind::Value || kind[row] == CellKind::Yes; }
};

// A value outside a field's code list, with how often it occurs and what the user recoded it to (if anything).
struct UnlistedValue {
  std::string field;
  std::string column;
  std::string value;
  int64_t count = 0;
  std::string recoded_to;  // empty = not recoded (still flagged for closed lists)
};

struct ProfileSettings {
  MappingOverrides overrides;   // columns and recodings (from the werkmap)
  std::optional<int32_t> as_of; // days since 1970; default: derived from the data (see map_dataset)
};

struct MappedDataset {
  std::string file;
  const Schema* schema = nullptr;
  const Table* table = nullptr;
  Mapping mapping;
  std::vector<MappedField> fields;  // one per schema field (also unmapped ones and fields of other kinds)
  std::vector<uint8_t> used;        // per table row: 1 = used, 0 = excluded (unusable as a whole)
  ValidationSummary validation;
  std::vector<UnlistedValue> unlisted;
  int32_t as_of = 0;
  bool as_of_from_data = true;

  size_t rows() const { return used.size(); }
  const MappedField* field(std::string_view id) const;
  int64_t row_number(size_t row) const { return table->row_number[row]; }
  // The cell's text as the reader kept it (identifiers, organisation codes, flagged values).
  std::string text(const MappedField& f, size_t row) const;
};

// Interprets and validates `table` as `schema` with the given mapping (normally match_columns' result).
// The as-of date, unless set: the latest date in the mapped date fields, ignoring implausible outliers (dates more
// than a year after the 95th percentile), so one mistyped 2099 does not move "now".
MappedDataset map_dataset(const std::string& file, const Table& table, const ReadReport& report, const Schema& schema,
                          const Mapping& mapping, const ProfileSettings& settings);

// Convenience: match the columns (with the settings' overrides) and map. kind empty = best fitting kind.
MappedDataset map_file(const ReadResult& read, const Schema& schema, const ProfileSettings& settings,
                       std::string_view kind = {});

// The profile part of `zicht inspect --profile` and of the browser state hook:
// {"profile", "kind", "as_of", "as_of_from_data", "mapping": {field: {"column", "confidence", "method"}},
//  "unmatched_required": [...], "validation": validation_json(...), "unlisted": [{"field","value","count","recoded_to"}]}
nlohmann::json profile_json(const MappedDataset& ds, size_t first_flags = 20);

// `zicht inspect --profile P [--settings S] [--as-of D]`: adds profile_json's keys to `inspect` (the reader's
// inspect_json). "generic" adds only {"profile": "generic"} and the reader's row counts as "validation".
// Returns false with a message in `lang` naming the file and the fields when required fields cannot be mapped.
bool add_profile_inspect(nlohmann::json& inspect, const ReadResult& read, const std::string& profile,
                         const ProfileSettings& settings, std::string& error, i18n::Lang lang = i18n::Lang::en);

}  // namespace zicht::core
