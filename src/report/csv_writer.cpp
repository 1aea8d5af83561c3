#include "report/csv_writer.h"

#include <cstring>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace zicht::report {

std::string csv_escape(std::string_view v, char delimiter) {
  std::string s;
  // Spreadsheet formula injection: =, +, -, @, TAB and CR start a formula or are stripped into one.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    s.push_back('\'');
  s.append(v);
  bool quote = false;
  for (char c : s)
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') quote = true;
  if (!quote) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q.push_back('"');
  return q;
}

CsvWriter::CsvWriter(CsvOptions options) : opt_(options) {
  if (opt_.bom) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::comment(std::string_view line) {
  out_ += "# ";
  for (char c : line) out_.push_back(c == '\n' || c == '\r' ? ' ' : c);
  out_ += "\r\n";
}

void CsvWriter::separator() {
  if (row_started_) out_.push_back(opt_.delimiter);
  row_started_ = true;
}

void CsvWriter::text(std::string_view value) {
  separator();
  out_ += csv_escape(value, opt_.delimiter);
}

void CsvWriter::number(double value, int decimals) {
  separator();
  if (!std::isfinite(value)) return;  // written as an empty cell
  char buf[64];
  if (decimals >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  } else {
    // Shortest representation that reads back to the same double.
    for (int prec = 1; prec <= 17; ++prec) {
      std::snprintf(buf, sizeof buf, "%.*g", prec, value);
      if (std::strtod(buf, nullptr) == value) break;
    }
    // %g switches to an exponent for round numbers (100 → "1e+02"), which spreadsheets and readers of a
    // percentage column should never see: in the everyday range, the fewest fixed decimals that read back exactly.
    const double mag = std::fabs(value);
    if (std::strchr(buf, 'e') && mag >= 1e-6 && mag < 1e15) {
      for (int d = 0; d <= 20; ++d) {
        std::snprintf(buf, sizeof buf, "%.*f", d, value);
        if (std::strtod(buf, nullptr) == value) break;
      }
    }
  }
  std::string s = buf;
  if (opt_.decimal_comma)
    for (char& c : s)
      if (c == '.') c = ',';
  if (s.find(opt_.delimiter) != std::string::npos) s = "\"" + s + "\"";
  out_ += s;
}

void CsvWriter::integer(int64_t value) {
  separator();
  out_ += std::to_string(value);
}

void CsvWriter::empty() { separator(); }

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace zicht::report
