#include "core/table.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/bytes.h"

namespace zicht::core {

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Integer: return "integer";
    case ColumnType::Decimal: return "decimal";
    case ColumnType::Date: return "date";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Categorical: return "categorical";
    case ColumnType::Text: return "text";
  }
  return "text";
}

bool parse_column_type(std::string_view s, ColumnType& out) {
  static const std::pair<const char*, ColumnType> names[] = {
      {"integer", ColumnType::Integer}, {"int", ColumnType::Integer},     {"decimal", ColumnType::Decimal},
      {"number", ColumnType::Decimal},  {"date", ColumnType::Date},        {"boolean", ColumnType::Boolean},
      {"bool", ColumnType::Boolean},    {"categorical", ColumnType::Categorical}, {"text", ColumnType::Text}};
  for (auto& [n, t] : names)
    if (s == n) { out = t; return true; }
  return false;
}

// ---- StringDict ----
namespace {
inline uint64_t hash_bytes(std::string_view s) {
  // 64-bit multiply-mix over 8-byte words (own design; fast enough for short cells).
  const uint64_t m = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0x243F6A8885A308D3ull ^ (uint64_t(s.size()) * m);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * m;
    h ^= h >> 29;
    p += 8; n -= 8;
  }
  // The last 0–7 bytes in at most two loads (overlapping when n < 8; the length is in h already).
  uint64_t w = 0;
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    w = a | uint64_t(b) << 32;
  } else if (n > 0) {
    w = uint64_t(uint8_t(p[0])) | uint64_t(uint8_t(p[n / 2])) << 8 | uint64_t(uint8_t(p[n - 1])) << 16;
  }
  h = (h ^ w) * m;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

StringDict::StringDict() { clear(); }

void StringDict::clear() {
  arena_.clear();
  offsets_.assign(1, 0);
  slots_.assign(16, 0);
  hashes_.clear();
  intern(std::string_view());
}

uint64_t StringDict::memory_bytes() const {
  return arena_.capacity() + offsets_.capacity() * 4 + slots_.capacity() * 4 + hashes_.capacity() * 4;
}

void StringDict::grow() {
  std::vector<uint32_t> ns(slots_.size() * 2, 0);
  size_t mask = ns.size() - 1;
  for (uint32_t c = 0; c < hashes_.size(); ++c) {
    size_t i = hashes_[c] & mask;
    while (ns[i]) i = (i + 1) & mask;
    ns[i] = c + 1;
  }
  slots_.swap(ns);
}

uint32_t StringDict::find(std::string_view s) const {
  uint64_t h = hash_bytes(s);
  uint32_t h32 = uint32_t(h);
  size_t mask = slots_.size() - 1;
  size_t i = h32 & mask;
  while (uint32_t v = slots_[i]) {
    uint32_t c = v - 1;
    if (hashes_[c] == h32 && offsets_[c + 1] - offsets_[c] == s.size() &&
        same_bytes(arena_.data() + offsets_[c], s.data(), s.size()))
      return c;
    i = (i + 1) & mask;
  }
  return UINT32_MAX;
}

uint32_t StringDict::intern(std::string_view s) {
  uint64_t h = hash_bytes(s);
  uint32_t h32 = uint32_t(h);
  size_t mask = slots_.size() - 1;
  size_t i = h32 & mask;
  while (uint32_t v = slots_[i]) {
    uint32_t c = v - 1;
    if (hashes_[c] == h32 && offsets_[c + 1] - offsets_[c] == s.size() &&
        same_bytes(arena_.data() + offsets_[c], s.data(), s.size()))
      return c;
    i = (i + 1) & mask;
  }
  uint32_t code = uint32_t(hashes_.size());
  arena_.append(s.data(), s.size());
  offsets_.push_back(uint32_t(arena_.size()));
  hashes_.push_back(h32);
  slots_[i] = code + 1;
  if (hashes_.size() * 4 >= slots_.size() * 3) grow();
  return code;
}

// ---- Column / Table ----
std::string Column::raw_text(size_t row) const {
  if (type == ColumnType::Categorical || type == ColumnType::Text) return std::string(dict.at(codes[row]));
  auto it = std::lower_bound(raw.begin(), raw.end(), std::make_pair(uint32_t(row), uint32_t(0)));
  if (it != raw.end() && it->first == row) return std::string(dict.at(it->second));
  if (state[row] != CellState::Value) return std::string();
  char buf[64];
  switch (type) {
    case ColumnType::Integer: std::snprintf(buf, sizeof buf, "%lld", (long long)ints[row]); return buf;
    case ColumnType::Decimal: std::snprintf(buf, sizeof buf, "%.17g", reals[row]); return buf;
    case ColumnType::Date: return format_iso_date(days[row]);
    case ColumnType::Boolean: return bools[row] ? "true" : "false";
    default: return std::string();
  }
}

uint64_t Column::memory_bytes() const {
  return state.capacity() + ints.capacity() * 8 + reals.capacity() * 8 + days.capacity() * 4 + bools.capacity() +
         codes.capacity() * 4 + dict.memory_bytes() + raw.capacity() * 8 + name.capacity();
}

const Column* Table::find(std::string_view name) const {
  for (auto& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

uint64_t Table::memory_bytes() const {
  uint64_t m = row_number.capacity() * 8;
  for (auto& c : columns) m += c.memory_bytes();
  return m;
}

// ---- Dates (Howard Hinnant's public-domain civil algorithms, re-derived) ----
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}

void civil_from_days(int32_t z0, int& y, unsigned& m, unsigned& d) {
  int z = z0 + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = int(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

int year_of(int32_t days) {
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  return y;
}

namespace {

// Completed months from a to b ≥ a, given as year * 12 + month - 1 and day of the month.
int months_between(int month_a, unsigned mday_a, int month_b, unsigned mday_b) {
  return month_b - month_a - (mday_b < mday_a ? 1 : 0);
}

}  // namespace

int32_t add_months(int32_t day, int months) {
  int y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  const int total = y * 12 + int(m) - 1 + months;
  const int ny = total >= 0 ? total / 12 : (total - 11) / 12;
  const unsigned nm = unsigned(total - ny * 12) + 1;
  const int32_t next = nm == 12 ? days_from_civil(ny + 1, 1, 1) : days_from_civil(ny, nm + 1, 1);
  return std::min(days_from_civil(ny, nm, d), next - 1);
}

int completed_months(int32_t a, int32_t b) {
  if (b < a) return -completed_months(b, a);
  int y1, y2;
  unsigned m1, d1, m2, d2;
  civil_from_days(a, y1, m1, d1);
  civil_from_days(b, y2, m2, d2);
  return months_between(y1 * 12 + int(m1) - 1, d1, y2 * 12 + int(m2) - 1, d2);
}

CivilSpan::CivilSpan(int32_t lo, int32_t hi) : lo_(lo) {
  const size_t n = hi >= lo ? size_t(int64_t(hi) - lo + 1) : 0;
  month_.resize(n);
  mday_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    int y;
    unsigned m, d;
    civil_from_days(int32_t(lo + int64_t(k)), y, m, d);
    month_[k] = y * 12 + int(m) - 1;
    mday_[k] = uint8_t(d);
  }
}

int CivilSpan::year_of(int32_t day) const {
  if (!covers(day)) return core::year_of(day);
  const int32_t month = month_[size_t(day - lo_)];
  return month >= 0 ? month / 12 : (month - 11) / 12;  // rounded down
}

int CivilSpan::completed_months(int32_t a, int32_t b) const {
  if (!covers(a) || !covers(b)) return core::completed_months(a, b);
  if (b < a) return -completed_months(b, a);
  const size_t i = size_t(a - lo_), j = size_t(b - lo_);
  return months_between(month_[i], mday_[i], month_[j], mday_[j]);
}

bool valid_civil(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int md = mdays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) md = 29;
  return d <= md;
}

std::string format_iso_date(int32_t days) {
  int y; unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

}  // namespace zicht::core
