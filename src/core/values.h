// Zicht core — cell value parsers shared by the readers and the profiles.
// All take UTF-8 text; leading/trailing ASCII whitespace is ignored.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/reader.h"

namespace zicht::core {

std::string_view trim_ws(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive

// Plain integer: optional sign, digits only.
bool parse_plain_int(std::string_view s, int64_t& out);
// Number with decimal separator `dec` (',' or '.') and optional thousands separator (the other one, or a
// space / no-break space) in groups of three; optional exponent. `integral` says whether there was no fraction.
bool parse_number(std::string_view s, char dec, double& out, bool* integral = nullptr);

// Date shapes: d{1,2}[/-.]d{1,2}[/-.]yyyy, yyyy-mm-dd (also yyyy/mm/dd), optionally followed by a time
// ("dd/mm/yyyy hh:mm[:ss]", "yyyy-mm-ddThh:mm:ss") which is ignored.
struct DateParts {
  int a = 0, b = 0, y = 0;  // for ISO: a = month, b = day
  bool iso = false;
};
bool date_shape(std::string_view s, DateParts& p);
// Full parse with an order (YMD is used only for ISO shapes; DMY/MDY apply to the others).
bool parse_date(std::string_view s, DateOrder order, int32_t& days);
bool date_from_parts(const DateParts& p, DateOrder order, int32_t& days);
// Excel serial day number (1900 system, 1 = 1900-01-01, with Excel's fictitious 1900-02-29).
bool excel_serial_to_days(double serial, int32_t& days);

// ja/nee, yes/no, waar/onwaar, true/false, 1/0 (also j/n, y/n, wahr? no).
bool parse_bool(std::string_view s, bool& out);
bool is_bool_word(std::string_view s);  // a boolean token other than 1/0

}  // namespace zicht::core
