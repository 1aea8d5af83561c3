#pragma once
// Writes CSV that Excel (also Excel in Belgium) opens correctly and safely:
// - UTF-8 with a byte-order mark, CRLF line ends;
// - ',' or ';' as delimiter (';' pairs with the decimal comma);
// - every field quoted when it holds the delimiter, a quote, CR or LF; quotes doubled (RFC 4180);
// - formula injection neutralised: a cell starting with = + - @ TAB or CR gets a leading apostrophe, unless it
//   is a plain number written by number() (negative numbers stay numbers);
// - optional comment lines ("# ...") at the top for provenance.
#include <cstdint>
#include <string>
#include <string_view>

namespace zicht::report {

struct CsvOptions {
  char delimiter = ',';
  bool decimal_comma = false;  // 1234,5 instead of 1234.5 (with delimiter ';')
  bool bom = true;
  static CsvOptions excel_be() { return CsvOptions{';', true, true}; }
};

class CsvWriter {
 public:
  explicit CsvWriter(CsvOptions options = {});
  void comment(std::string_view line);  // "# line"; only before the first row
  void text(std::string_view value);    // a user-supplied or label cell (neutralised, quoted as needed)
  void number(double value, int decimals = -1);  // -1: shortest round-trip form
  void integer(int64_t value);
  void empty();
  void end_row();
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separator();
  CsvOptions opt_;
  std::string out_;
  bool row_started_ = false;
};

// A text cell as written by CsvWriter::text (exposed for tests).
std::string csv_escape(std::string_view value, char delimiter);

}  // namespace zicht::report
