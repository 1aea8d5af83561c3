// Zicht core (internal) — what ReadStat hands over for one statistical file, collected by stat_reader.cpp and
// turned into the typed table by stat_table.cpp. Value labels can come after the data (Stata keeps them at the end
// of the file), so cells are kept as values and rendered once everything is known.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/reader.h"
#include "core/table.h"

namespace zicht::core {

// Cell kinds: a value, system missing, user-defined missing (SPSS), or a tagged missing value .a … .z (the tag).
enum : uint8_t { kStatValue = 0, kStatSystemMissing = 1, kStatUserMissing = 2 };

struct StatVariable {
  std::string name, label, format, label_set;
  bool is_string = false;
  std::vector<std::string> user_missing;  // as declared: "98", "-9 thru -1", "LO thru 0"
  std::vector<double> nums;               // numeric variables
  std::vector<uint32_t> strs;             // string variables: codes into dict
  StringDict dict;
  std::vector<uint8_t> kind;              // per cell: kStat* or the tag character of a tagged missing value
};

struct StatData {
  Format format = Format::Unknown;
  std::vector<StatVariable> vars;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> label_sets;  // set -> (code, label)
  int64_t declared_rows = -1;
  std::string encoding;      // as the file declares it ("" = not declared)
  std::string table_name, file_label;
  std::string error_text;    // ReadStat's own message for the last error
  uint64_t cells = 0;
  bool over_budget = false;
};

// A number as text: the shortest form that reads back to the same double ("2.8", "12", "-0.125").
std::string stat_number_text(double v);
// A float (Stata float, SAS 4-byte) as the shortest decimal that reads back to the same float, as a double.
double stat_float_value(float f);

// Builds the table from the collected data (stat_table.cpp): labels, missing values, dates, encodings.
Status build_stat_table(StatData& d, const ReadOptions& opt, ReadReport& rep, Table& out);

}  // namespace zicht::core
