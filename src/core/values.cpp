#include "core/values.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace zicht::core {

std::string_view trim_ws(std::string_view s) {
  size_t b = 0, e = s.size();
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (b < e && ws(s[b])) ++b;
  while (e > b && ws(s[e - 1])) --e;
  // no-break space U+00A0 (C2 A0) at either end
  while (e - b >= 2 && uint8_t(s[b]) == 0xC2 && uint8_t(s[b + 1]) == 0xA0) b += 2;
  while (e - b >= 2 && uint8_t(s[e - 2]) == 0xC2 && uint8_t(s[e - 1]) == 0xA0) e -= 2;
  return s.substr(b, e - b);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool parse_plain_int(std::string_view s, int64_t& out) {
  s = trim_ws(s);
  if (s.empty()) return false;
  size_t i = 0;
  bool neg = false;
  if (s[0] == '-' || s[0] == '+') { neg = s[0] == '-'; i = 1; }
  if (i >= s.size() || s.size() - i > 18) return false;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = neg ? -v : v;
  return true;
}

bool parse_number(std::string_view s, char dec, double& out, bool* integral) {
  s = trim_ws(s);
  if (s.empty() || s.size() > 60) return false;
  char buf[80];
  size_t o = 0, i = 0;
  if (s[0] == '-' || s[0] == '+') { if (s[0] == '-') buf[o++] = '-'; i = 1; }
  // integer part with optional grouping
  char group = 0;
  size_t digits = 0, grp_len = 0, first_grp = 0;
  bool grouped = false;
  uint64_t mant = 0;
  int mant_digits = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      buf[o++] = c; ++digits; ++grp_len;
      if (mant_digits < 18) { mant = mant * 10 + uint64_t(c - '0'); if (mant) ++mant_digits; }
      else mant_digits = 99;
      ++i;
      continue;
    }
    char sep = 0;
    size_t sl = 1;
    if (c != dec && (c == '.' || c == ',' || c == ' ' || c == '\'')) sep = c;
    else if (uint8_t(c) == 0xC2 && i + 1 < s.size() && uint8_t(s[i + 1]) == 0xA0) { sep = ' '; sl = 2; }
    if (!sep) break;
    if (group && sep != group) return false;
    if (!grouped) { if (grp_len < 1 || grp_len > 3) return false; first_grp = grp_len; }
    else if (grp_len != 3) return false;
    group = sep; grouped = true; grp_len = 0;
    i += sl;
  }
  (void)first_grp;
  if (grouped && grp_len != 3) return false;
  bool frac = false;
  int frac_digits = 0;
  if (i < s.size() && s[i] == dec) {
    ++i;
    buf[o++] = '.';
    size_t fd = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      buf[o++] = s[i];
      if (mant_digits < 18) { mant = mant * 10 + uint64_t(s[i] - '0'); if (mant) ++mant_digits; ++frac_digits; }
      else mant_digits = 99;
      ++i; ++fd;
    }
    if (fd == 0) return false;
    if (digits == 0 && fd == 0) return false;
    frac = true;
    digits += fd;
  }
  if (digits == 0) return false;
  bool expo = false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    buf[o++] = 'e';
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) buf[o++] = s[i++];
    size_t ed = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && ed < 4) { buf[o++] = s[i++]; ++ed; }
    if (ed == 0) return false;
    expo = true;
  }
  if (i != s.size()) return false;
  buf[o] = 0;
  if (!expo && mant_digits <= 15 && frac_digits <= 22) {
    static const double p10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v = double(mant) / p10[frac_digits];
    out = buf[0] == '-' ? -v : v;
  } else {
    out = std::strtod(buf, nullptr);
    if (!std::isfinite(out)) return false;
  }
  if (integral) *integral = !frac && !expo;
  return true;
}

namespace {
inline bool read_digits(std::string_view s, size_t& i, int minn, int maxn, int& v) {
  int n = 0;
  v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < maxn) { v = v * 10 + (s[i] - '0'); ++i; ++n; }
  return n >= minn && !(i < s.size() && s[i] >= '0' && s[i] <= '9');
}
bool time_tail(std::string_view s, size_t i) {
  if (i == s.size()) return true;
  if (s[i] != ' ' && s[i] != 'T') return false;
  ++i;
  int h, m, sec;
  if (!read_digits(s, i, 1, 2, h) || i >= s.size() || s[i] != ':') return false;
  ++i;
  if (!read_digits(s, i, 2, 2, m)) return false;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!read_digits(s, i, 2, 2, sec)) return false;
    if (i < s.size() && s[i] == '.') { ++i; while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i; }
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  return i == s.size() && h < 24 && m < 60;
}
}  // namespace

bool date_shape(std::string_view s, DateParts& p) {
  s = trim_ws(s);
  if (s.size() < 8 || s.size() > 40) return false;
  size_t i = 0;
  int x;
  if (!read_digits(s, i, 1, 4, x)) return false;
  if (i == 4) {  // yyyy-mm-dd or yyyy/mm/dd
    if (i >= s.size() || (s[i] != '-' && s[i] != '/')) return false;
    char sep = s[i++];
    int m, d;
    if (!read_digits(s, i, 1, 2, m) || i >= s.size() || s[i] != sep) return false;
    ++i;
    if (!read_digits(s, i, 1, 2, d)) return false;
    if (!time_tail(s, i)) return false;
    p.y = x; p.a = m; p.b = d; p.iso = true;
    return true;
  }
  if (i > 2 || i >= s.size()) return false;
  char sep = s[i];
  if (sep != '/' && sep != '-' && sep != '.') return false;
  ++i;
  int b, y;
  if (!read_digits(s, i, 1, 2, b) || i >= s.size() || s[i] != sep) return false;
  ++i;
  size_t ys = i;
  if (!read_digits(s, i, 4, 4, y) || i - ys != 4) return false;
  if (!time_tail(s, i)) return false;
  p.a = x; p.b = b; p.y = y; p.iso = false;
  return true;
}

bool date_from_parts(const DateParts& p, DateOrder order, int32_t& days) {
  int d, m;
  if (p.iso) { m = p.a; d = p.b; }
  else if (order == DateOrder::MDY) { m = p.a; d = p.b; }
  else { d = p.a; m = p.b; }
  if (!valid_civil(p.y, m, d)) return false;
  days = days_from_civil(p.y, unsigned(m), unsigned(d));
  return true;
}

bool parse_date(std::string_view s, DateOrder order, int32_t& days) {
  DateParts p;
  return date_shape(s, p) && date_from_parts(p, order, days);
}

bool excel_serial_to_days(double serial, int32_t& days) {
  if (!(serial >= 1 && serial < 2958466)) return false;
  int64_t n = int64_t(std::floor(serial));
  if (n == 60) return false;  // 1900-02-29 does not exist
  if (n < 60) n += 1;          // before the fictitious leap day
  // serial 61 = 1900-03-01; 1899-12-30 + n days for n >= 61
  days = int32_t(days_from_civil(1899, 12, 30) + n);
  return true;
}

bool is_bool_word(std::string_view s) {
  bool b;
  s = trim_ws(s);
  return s != "0" && s != "1" && parse_bool(s, b);
}

bool parse_bool(std::string_view s, bool& out) {
  s = trim_ws(s);
  static const char* t[] = {"ja", "yes", "waar", "true", "1", "j", "y", "wahr"};
  static const char* f[] = {"nee", "no", "onwaar", "false", "0", "n", "neen"};
  if (s.size() > 6) return false;
  for (auto w : t) if (iequals(s, w)) { out = true; return true; }
  for (auto w : f) if (iequals(s, w)) { out = false; return true; }
  return false;
}

}  // namespace zicht::core
