#include "core/workbook.h"

#include <cmath>
#include <cstdio>

#include "core/reader_impl.h"
#include "core/values.h"

namespace zicht::core {

bool parse_cell_ref(std::string_view ref, int64_t& row, int32_t& col) {
  size_t i = 0;
  int64_t c = 0, r = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t letters = i;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    c = c * 26 + ((ref[i] | 0x20) - 'a' + 1);
    if (c > kMaxSheetCols) return false;
    ++i;
  }
  if (i == letters || i - letters > 3) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + (ref[i] - '0');
    if (r > kMaxSheetRows) return false;
    ++i;
  }
  if (i == digits || i != ref.size() || r < 1) return false;
  row = r;
  col = int32_t(c);
  return true;
}

std::string column_letters(int32_t col) {
  std::string s;
  while (col > 0) {
    int32_t m = (col - 1) % 26;
    s.insert(s.begin(), char('A' + m));
    col = (col - 1) / 26;
  }
  return s;
}

std::string cell_ref(int64_t row, int32_t col) { return column_letters(col) + std::to_string(row); }

bool cap_cell_text(std::string& s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((uint8_t(s[i]) & 0xC0) != 0x80) {
      if (chars == kMaxCellChars) {
        s.resize(i);
        return true;
      }
      ++chars;
    }
  }
  return false;
}

std::string builtin_number_format(int id) {
  switch (id) {
    case 14: return "m/d/yyyy";
    case 15: return "d-mmm-yy";
    case 16: return "d-mmm";
    case 17: return "mmm-yy";
    case 18: return "h:mm AM/PM";
    case 19: return "h:mm:ss AM/PM";
    case 20: return "h:mm";
    case 21: return "h:mm:ss";
    case 22: return "m/d/yyyy h:mm";
    case 45: return "mm:ss";
    case 46: return "[h]:mm:ss";
    case 47: return "mm:ss.0";
    default: break;
  }
  // East-Asian built-in date formats (locale-dependent codes; all dates).
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy-mm-dd";
  return {};
}

NumFmtKind classify_number_format(int id, std::string_view code) {
  if (code.empty()) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return NumFmtKind::Date;
    if (id == 22) return NumFmtKind::DateTime;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumFmtKind::Time;
    return NumFmtKind::Number;
  }
  // First section only (positive numbers); letters outside "quoted text", [brackets] (colour, locale, elapsed
  // time), \escaped characters and _/* padding.
  bool d = false, m = false, y = false, h = false, s = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == ';') break;
    if (c == '"') {
      size_t e = code.find('"', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (c == '[') {
      size_t e = code.find(']', i + 1);
      if (e == std::string_view::npos) break;
      std::string_view in = code.substr(i + 1, e - i - 1);
      if (!in.empty() && (in[0] == 'h' || in[0] == 'H' || in[0] == 'm' || in[0] == 'M' || in[0] == 's' || in[0] == 'S'))
        h = true;  // [h]:mm elapsed time
      i = e;
      continue;
    }
    if (code.substr(i, 7) == "General" || code.substr(i, 5) == "AM/PM") {
      i += code[i] == 'G' ? 6 : 4;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    switch (c | 0x20) {
      case 'd': d = true; break;
      case 'm': m = true; break;
      case 'y': y = true; break;
      case 'h': h = true; break;
      case 's': s = true; break;
      default: break;
    }
  }
  bool date = d || y || (m && !h && !s);
  if (date) return (h || s) ? NumFmtKind::DateTime : NumFmtKind::Date;
  if (h || s) return NumFmtKind::Time;
  return NumFmtKind::Number;
}

namespace {

// `v` (>= 0) in decimal, zero-padded to `width` digits (as printf's "%0*lld"): cell dates are millions of calls.
void put_padded(std::string& out, int64_t v, int width) {
  char d[24];
  int n = 0;
  do { d[n++] = char('0' + v % 10); v /= 10; } while (v > 0);
  for (int i = n; i < width; ++i) out += '0';
  while (n > 0) out += d[--n];
}

}  // namespace

bool serial_to_text(double serial, bool date1904, NumFmtKind kind, std::string& out) {
  if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return false;
  double whole = std::floor(serial);
  int64_t secs = std::llround((serial - whole) * 86400.0);
  if (secs >= 86400) { whole += 1; secs -= 86400; }
  auto put_time = [&](int64_t hours) {  // "hh:mm:ss" (hours keep counting past a day)
    put_padded(out, hours, 2);
    out += ':';
    put_padded(out, secs / 60 % 60, 2);
    out += ':';
    put_padded(out, secs % 60, 2);
  };
  if (kind == NumFmtKind::Time) {
    out.clear();
    // A duration past a day: hours keep counting ([h]:mm).
    put_time(whole >= 1 ? (int64_t(whole) * 86400 + secs) / 3600 : secs / 3600);
    return true;
  }
  int y;
  unsigned mo, da;
  if (date1904) {
    civil_from_days(int32_t(days_from_civil(1904, 1, 1) + int64_t(whole)), y, mo, da);
  } else if (whole == 60) {
    y = 1900, mo = 2, da = 29;  // Excel's fictitious leap day: kept as text, flagged as an invalid date
  } else if (whole < 1) {
    y = 1900, mo = 1, da = 0;   // serial 0: "0 January 1900" — invalid as a date
  } else {
    int32_t days;
    if (!excel_serial_to_days(whole, days)) return false;
    civil_from_days(days, y, mo, da);
  }
  out.clear();  // only now: a caller keeps its text when the serial is out of range
  put_padded(out, y, 4);  // "%04d-%02u-%02u"
  out += '-';
  put_padded(out, mo, 2);
  out += '-';
  put_padded(out, da, 2);
  if (kind == NumFmtKind::DateTime || (kind == NumFmtKind::Date && secs != 0)) {
    out += ' ';
    put_time(secs / 3600);
  }
  return true;
}

// "dd/mm/yyyy", "d-m-yy", "DD.MM.YYYY" (escapes and quotes removed; an optional time after a space): the separator.
char dmy_separator(const std::string& code) {
  std::string c;
  for (char ch : code)
    if (ch != '\\' && ch != '"') c += char(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  size_t sp = c.find(' ');
  if (sp != std::string::npos) c.resize(sp);
  size_t i = 0;
  auto run = [&](char x, size_t lo, size_t hi) {
    size_t k = 0;
    while (i < c.size() && c[i] == x) ++i, ++k;
    return k >= lo && k <= hi;
  };
  if (!run('d', 1, 2) || i >= c.size()) return 0;
  char sep = c[i++];
  if (sep != '/' && sep != '-' && sep != '.') return 0;
  if (!run('m', 1, 2) || i >= c.size() || c[i++] != sep) return 0;
  size_t y0 = i;
  if (!run('y', 2, 4) || i - y0 == 3 || i != c.size()) return 0;  // dd/mm/yy too: shown with the full year
  return sep;
}

int choose_sheet(const std::vector<SheetInfo>& sheets, const ReadOptions& opt, const std::string& file,
                 std::string& reason, Status& error) {
  if (!opt.sheet.empty()) {
    for (size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i].name == opt.sheet) { reason = "user_name"; return int(i); }
    for (size_t i = 0; i < sheets.size(); ++i)
      if (iequals(sheets[i].name, opt.sheet)) { reason = "user_name"; return int(i); }
    int64_t k;
    if (parse_plain_int(opt.sheet, k) && k >= 1 && k <= int64_t(sheets.size())) {
      reason = "user_number";
      return int(k - 1);
    }
    std::string names;
    for (auto& s : sheets) names += (names.empty() ? "" : ", ") + s.name;
    error = make_error(ErrorCode::NoSuchSheet, file, {"error.no_such_sheet", {opt.sheet, names}}, 0, "", "no_such_sheet");
    return -1;
  }
  reason = "first_with_data";
  for (size_t i = 0; i < sheets.size(); ++i)
    if (!sheets[i].hidden && sheets[i].cells > 0) return int(i);
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].cells > 0) return int(i);
  reason = "all_empty";
  return sheets.empty() ? -1 : 0;
}

}  // namespace zicht::core
