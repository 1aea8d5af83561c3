#pragma once
// Display formatting shared by the screen and the HTML report, so both show the same text for a number:
// Dutch uses a decimal comma and '.' thousands separators (English the reverse); groups from 10,000 up so
// years and small counts stay unbroken.
#include <string>

#include "analysis/result.h"

namespace zicht::report {

std::string format_number(double v, int decimals, i18n::Lang lang);  // decimals -1: up to 4, trailing zeros cut
std::string format_integer(int64_t v, i18n::Lang lang);
// A cell as displayed: numbers formatted, text in lang, missing as "–", suppressed as "<k".
std::string format_value(const analysis::Value& v, int decimals, i18n::Lang lang);

// A test result as one line: "name (variant): N = …, df = …, statistic = …, p = …, effect = …" — the same text
// on screen and in the HTML report.
std::string format_test(const analysis::TestResult& t, i18n::Lang lang);

}  // namespace zicht::report
