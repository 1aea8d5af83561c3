#include "demo/demo_common.h"

#include <algorithm>
#include <cstdio>

namespace zicht::demo {

// Made-up names (wild flowers), so no real youth-care organisation is ever shown in a workshop.
const std::vector<std::string>& demo_organisations() {
  static const std::vector<std::string> names = {
      "Demo Akkerwinde", "Demo Boterbloem", "Demo Cichorei",    "Demo Dotterbloem", "Demo Ereprijs",
      "Demo Fluitenkruid", "Demo Guldenroede", "Demo Hondsdraf", "Demo Ijzerhard",  "Demo Jacobskruid",
      "Demo Klaproos",   "Demo Lupine",     "Demo Madeliefje",  "Demo Nachtschade", "Demo Ooievaarsbek",
      // The last five registered no consulent data at all (seed notes 003 §2.2: 5 of 20 organisations).
      "Demo Pinksterbloem", "Demo Reigersbek", "Demo Smeerwortel", "Demo Teunisbloem", "Demo Vergeet-mij-nietje"};
  return names;
}

std::string format_date(int32_t days) {
  int y;
  unsigned m, d;
  core::civil_from_days(days, y, m, d);
  // By hand rather than snprintf: a million-row SofS file formats some 25 million dates.
  char buf[10] = {char('0' + d / 10), char('0' + d % 10), '/', char('0' + m / 10), char('0' + m % 10), '/',
                  char('0' + (y / 1000) % 10), char('0' + (y / 100) % 10), char('0' + (y / 10) % 10),
                  char('0' + y % 10)};
  return std::string(buf, 10);
}

namespace detail {

int32_t add_months(int32_t day, int k) {
  int y;
  unsigned m, d;
  core::civil_from_days(day, y, m, d);
  int total = y * 12 + int(m) - 1 + k;
  int ny = total >= 0 ? total / 12 : (total - 11) / 12;
  unsigned nm = unsigned(total - ny * 12) + 1;
  static const unsigned len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned ml = len[nm - 1];
  if (nm == 2 && ((ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0)) ml = 29;
  return core::days_from_civil(ny, nm, std::min(d, ml));
}

std::vector<int> apportion(int total, const std::vector<int>& weights) {
  long sum = 0;
  for (int w : weights) sum += w;
  std::vector<int> out(weights.size());
  std::vector<std::pair<long, size_t>> rem;
  int given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    long num = long(total) * weights[i];
    out[i] = int(num / sum);
    given += out[i];
    rem.push_back({num % sum, i});
  }
  std::stable_sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; given < total; ++i, ++given) ++out[rem[i % rem.size()].second];
  return out;
}

static std::string numbered(const char* prefix, uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%07llu", prefix, static_cast<unsigned long long>(n));
  return buf;
}
std::string trajectory_id(uint64_t n) { return numbered("ZD", n); }
void csv_field(std::string& out, std::string_view v, bool first) {
  if (!first) out += ';';
  if (v.find_first_of(";\"\r\n") == std::string_view::npos) {
    out.append(v.data(), v.size());
    return;
  }
  out += '"';
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

std::string child_id(uint64_t n) { return numbered("KD", n); }
std::string family_id(uint64_t n) { return numbered("GD", n); }
std::string module_id(uint64_t n) { return numbered("MD", n); }

std::vector<int> organisation_quota(int n, Rng& rng) {
  // Uneven sizes as in a real evaluation group: a few large providers, a tail of small ones.
  static const std::vector<int> weights = {34, 30, 28, 26, 24, 22, 21, 20, 19, 18,
                                           17, 16, 15, 15, 14, 13, 12, 11, 10, 9};
  std::vector<int> per = apportion(n, weights);
  std::vector<int> out;
  out.reserve(size_t(n));
  for (size_t i = 0; i < per.size(); ++i)
    for (int k = 0; k < per[i]; ++k) out.push_back(int(i));
  rng.shuffle(out);
  return out;
}

}  // namespace detail
}  // namespace zicht::demo
