#pragma once
// Which input columns may never leave the room in "delen" mode (SPEC §5): personal columns (names, addresses,
// phone numbers, e-mail addresses, free text) are left out of every output; identifier columns are
// pseudonymised wherever their values appear.
//
// Detection, per column, first by header words (Dutch and English, on the slug of the name: "Voornaam",
// "E-mailadres", "GSM", "Opmerkingen", …), then by content on up to 500 values: e-mail (local@domain.tld),
// phone numbers (Belgian 0x… / 04xx … / +32 …, or + and 9–14 digits), street and number ("Kerkstraat 12",
// "Rue de la Loi 16"), person names (two to four capitalised words, nearly all distinct) and free text (long
// values of six or more words, nearly all distinct). A content rule needs at least half of the examined values.
// Identifiers: header words (id, nummer, dossier, rijksregisternummer, …) with more than 10 distinct values, or
// every value distinct in 20 or more values.
#include <set>
#include <string>
#include <vector>

#include "analysis/settings.h"
#include "core/reader.h"

namespace zicht::privacy {

enum class ColumnKind { ordinary, identifier, name, address, phone, email, free_text };
const char* column_kind_name(ColumnKind k);  // "ordinary", "identifier", "name", "address", "phone", …

struct ColumnClass {
  std::string file, column;
  ColumnKind kind = ColumnKind::ordinary;
  bool by_header = false;  // detected from the header (else from the values)
};

ColumnKind classify_column(const core::ColumnInfo& info, const core::Column& column, bool* by_header = nullptr);

// Everything the "delen" mode needs to know about the inputs.
struct ColumnPolicy {
  std::vector<ColumnClass> columns;     // only the non-ordinary ones
  std::set<std::string> personal_values;  // raw values of personal columns (length ≥ 3), to catch any leak
  std::set<std::string> identifier_values;  // raw values of identifier columns
  std::vector<std::string> file_names;  // shown as "bestand 1", "bestand 2", … in delen outputs
  bool personal(const std::string& column) const;
  bool identifier(const std::string& column) const;
};

ColumnPolicy column_policy(const std::vector<analysis::Input>& inputs);

}  // namespace zicht::privacy
