#include "report/format.h"

#include <cmath>
#include <cstdio>

namespace zicht::report {
namespace {

std::string group(const std::string& digits, char sep) {
  if (digits.size() < 5) return digits;
  std::string out;
  const size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && i % 3 == lead) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

std::string format_integer(int64_t v, i18n::Lang lang) {
  const bool neg = v < 0;
  const uint64_t mag = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  return (neg ? "−" : "") + group(std::to_string(mag), lang == i18n::Lang::en ? ',' : '.');
}

std::string format_number(double v, int decimals, i18n::Lang lang) {
  if (!std::isfinite(v)) return "–";
  char buf[64];
  const int d = decimals >= 0 ? decimals : 4;
  std::snprintf(buf, sizeof buf, "%.*f", d, std::fabs(v));
  std::string s = buf;
  if (decimals < 0 && s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  const size_t dot = s.find('.');
  std::string int_part = dot == std::string::npos ? s : s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  const bool en = lang == i18n::Lang::en;
  std::string out = group(int_part, en ? ',' : '.');
  if (!frac.empty()) out += (en ? "." : ",") + frac;
  const bool is_zero = out.find_first_not_of("0.,") == std::string::npos;
  return (v < 0 && !is_zero ? "−" : "") + out;
}

std::string format_value(const analysis::Value& v, int decimals, i18n::Lang lang) {
  using K = analysis::Value::Kind;
  switch (v.kind) {
    case K::missing: return "–";
    case K::suppressed: return v.s;
    case K::integer: return format_integer(v.i, lang);
    case K::number:
      // A positive value that would round to zero says so: p = "< 0,0001", never "0,0000".
      if (decimals >= 1 && v.d > 0 && v.d < 0.5 * std::pow(10.0, -decimals))
        return "< " + format_number(std::pow(10.0, -decimals), decimals, lang);
      return format_number(v.d, decimals, lang);
    case K::text: return v.text_in(lang);
  }
  return "";
}

std::string format_test(const analysis::TestResult& t, i18n::Lang lang) {
  std::string out = t.name + (t.variant.empty() ? "" : " (" + t.variant + ")");
  out += ": N = " + format_integer(t.n, lang);
  if (t.df >= 0) out += ", df = " + format_number(t.df, -1, lang);
  out += ", " + (t.statistic_name.empty() ? std::string("statistic") : t.statistic_name) + " = " +
         format_number(t.statistic, 3, lang);
  if (t.p >= 0) out += ", p = " + format_number(t.p, t.p < 0.001 ? 6 : 3, lang);
  if (!t.effect_name.empty()) out += ", " + t.effect_name + " = " + format_number(t.effect, 3, lang);
  return out;
}

}  // namespace zicht::report
