#include "privacy/columns.h"

#include <algorithm>
#include <cctype>

#include "analysis/explore.h"

namespace zicht::privacy {

const char* column_kind_name(ColumnKind k) {
  switch (k) {
    case ColumnKind::ordinary: return "ordinary";
    case ColumnKind::identifier: return "identifier";
    case ColumnKind::name: return "name";
    case ColumnKind::address: return "address";
    case ColumnKind::phone: return "phone";
    case ColumnKind::email: return "email";
    case ColumnKind::free_text: return "free_text";
  }
  return "ordinary";
}

namespace {

bool has_word(const std::string& slugged, std::initializer_list<const char*> words) {
  const std::string s = "_" + slugged + "_";
  for (const char* w : words)
    if (s.find("_" + std::string(w) + "_") != std::string::npos) return true;
  return false;
}

bool contains_any(const std::string& slugged, std::initializer_list<const char*> parts) {
  for (const char* p : parts)
    if (slugged.find(p) != std::string::npos) return true;
  return false;
}

ColumnKind by_header_words(const std::string& name) {
  const std::string s = analysis::slug(name);
  if (has_word(s, {"email", "e_mail", "mail", "emailadres", "e_mailadres", "mailadres"}) ||
      contains_any(s, {"emailadres", "e_mailadres"}))
    return ColumnKind::email;
  if (has_word(s, {"telefoon", "telefoonnummer", "tel", "telnr", "gsm", "gsmnummer", "phone", "mobile", "mobiel",
                   "telephone", "gsm_nummer", "mobiele"}) ||
      contains_any(s, {"telefoon", "gsmnummer", "phone"}))
    return ColumnKind::phone;
  if (has_word(s, {"adres", "address", "straat", "street", "straatnaam", "huisnummer", "huisnr", "woonadres",
                   "domicilie", "domicilieadres", "postadres", "busnummer"}) ||
      contains_any(s, {"adres", "address", "straat"}))
    return ColumnKind::address;
  if (has_word(s, {"opmerking", "opmerkingen", "notitie", "notities", "nota", "toelichting", "commentaar",
                   "comment", "comments", "note", "notes", "remark", "remarks", "beschrijving", "description",
                   "omschrijving", "verslag", "memo", "vrije_tekst", "free_text", "verloop", "observatie"}) ||
      contains_any(s, {"opmerking", "toelichting", "commentaar", "beschrijving", "omschrijving"}))
    return ColumnKind::free_text;
  if (has_word(s, {"naam", "voornaam", "achternaam", "familienaam", "roepnaam", "meisjesnaam", "name", "firstname",
                   "first_name", "lastname", "last_name", "surname", "fullname", "full_name", "given_name",
                   "contactpersoon", "volledige_naam"}) ||
      contains_any(s, {"voornaam", "achternaam", "familienaam"}))
    return ColumnKind::name;
  return ColumnKind::ordinary;
}

std::string trim(std::string_view v) {
  size_t a = 0, b = v.size();
  while (a < b && std::isspace(static_cast<unsigned char>(v[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(v[b - 1]))) --b;
  return std::string(v.substr(a, b - a));
}

bool looks_email(const std::string& v) {
  const size_t at = v.find('@');
  if (at == std::string::npos || at == 0 || v.find(' ') != std::string::npos) return false;
  const size_t dot = v.find('.', at + 2);
  return dot != std::string::npos && dot + 2 <= v.size();
}

bool looks_phone(const std::string& v) {
  std::string d;
  bool plus = false;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (std::isdigit(static_cast<unsigned char>(c))) d.push_back(c);
    else if (c == '+' && d.empty() && !plus) plus = true;
    else if (c == ' ' || c == '/' || c == '.' || c == '-' || c == '(' || c == ')') continue;
    else return false;
  }
  if (plus) return d.size() >= 9 && d.size() <= 14;
  if (d.rfind("0032", 0) == 0) return d.size() >= 12 && d.size() <= 13;
  return d.size() >= 9 && d.size() <= 10 && d[0] == '0';
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool looks_street(const std::string& v) {
  // Some word with a street suffix (or a leading street word), followed later by a house number.
  const std::string s = lower(v);
  static const char* kSuffix[] = {"straat", "laan", "weg", "plein", "lei", "dreef", "steenweg", "kaai", "dijk",
                                  "baan", "markt", "singel", "street", "road", "avenue", "lane", "drive"};
  static const char* kPrefix[] = {"rue ", "avenue ", "chaussée ", "place ", "boulevard "};
  size_t word_end = std::string::npos;
  for (const char* suf : kSuffix) {
    const size_t p = s.find(std::string(suf) + " ");
    if (p != std::string::npos && (word_end == std::string::npos || p < word_end)) word_end = p;
  }
  for (const char* pre : kPrefix)
    if (s.rfind(pre, 0) == 0) word_end = 0;
  if (word_end == std::string::npos) return false;
  for (size_t i = word_end; i < s.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(s[i]))) return true;
  return false;
}

int words(const std::string& v) {
  int n = 0;
  bool in = false;
  for (char c : v) {
    const bool sp = std::isspace(static_cast<unsigned char>(c));
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

bool looks_person_name(const std::string& v) {
  // Two to four words, each capitalised or a lower-case particle ("van", "de", …), the first capitalised.
  std::vector<std::string> ws;
  std::string cur;
  for (char c : v) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isdigit(u) || c == '@' || c == '/' || c == ',' || c == ';' || c == ':') return false;
    if (std::isspace(u)) {
      if (!cur.empty()) ws.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) ws.push_back(cur);
  if (ws.size() < 2 || ws.size() > 4) return false;
  static const std::set<std::string> kParticles = {"van", "de", "der", "den", "le", "la", "ter", "ten", "vande",
                                                   "vander", "du", "von", "'t"};
  for (size_t i = 0; i < ws.size(); ++i) {
    const unsigned char first = static_cast<unsigned char>(ws[i][0]);
    const bool cap = std::isupper(first) || first >= 0xC3;  // "Élise", "Özlem"
    if (i == 0 && !cap) return false;
    if (!cap && !kParticles.count(ws[i])) return false;
  }
  return true;
}

}  // namespace

ColumnKind classify_column(const core::ColumnInfo& info, const core::Column& c, bool* by_header) {
  if (by_header) *by_header = true;
  const ColumnKind h = by_header_words(info.name);
  if (h != ColumnKind::ordinary) return h;
  if (by_header) *by_header = false;
  // Content: examine up to 500 values (raw text, so typed columns such as phone numbers read as integers count).
  int n = 0, email = 0, phone = 0, street = 0, name = 0, text = 0;
  std::set<std::string> distinct;
  for (size_t r = 0; r < c.size() && n < 500; ++r) {
    if (!c.is_value(r)) continue;
    const std::string v = trim(c.raw_text(r));
    if (v.empty()) continue;
    ++n;
    distinct.insert(v);
    if (looks_email(v)) ++email;
    if (looks_phone(v)) ++phone;
    if (looks_street(v)) ++street;
    if (looks_person_name(v)) ++name;
    if (v.size() >= 30 && words(v) >= 6) ++text;
  }
  if (n > 0) {
    const bool most_distinct = distinct.size() * 10 >= static_cast<size_t>(n) * 8;
    if (email * 2 >= n) return ColumnKind::email;
    if (phone * 2 >= n) return ColumnKind::phone;
    if (street * 2 >= n) return ColumnKind::address;
    if (text * 2 >= n && most_distinct && n >= 3) return ColumnKind::free_text;
    if (name * 2 >= n && most_distinct && n >= 5 && c.type == core::ColumnType::Text) return ColumnKind::name;
  }
  const std::string s = analysis::slug(info.name);
  if (info.values >= 20 && info.distinct == info.values) return ColumnKind::identifier;
  if (info.distinct > 10 && has_word(s, {"id", "nr", "nummer", "identificatie", "identificatiecode", "code",
                                         "dossier", "dossiernummer", "rijksregisternummer", "insz", "client_id",
                                         "kind_id", "clientnummer", "kindnummer", "trajectnummer"}))
    return ColumnKind::identifier;
  return ColumnKind::ordinary;
}

bool ColumnPolicy::personal(const std::string& column) const {
  for (const auto& c : columns)
    if (c.column == column && c.kind != ColumnKind::identifier) return true;
  return false;
}

bool ColumnPolicy::identifier(const std::string& column) const {
  for (const auto& c : columns)
    if (c.column == column && c.kind == ColumnKind::identifier) return true;
  return false;
}

ColumnPolicy column_policy(const std::vector<analysis::Input>& inputs) {
  ColumnPolicy p;
  for (const auto& in : inputs) {
    p.file_names.push_back(in.name);
    if (!in.data) continue;
    const auto& cols = in.data->table.columns;
    for (size_t i = 0; i < cols.size() && i < in.data->report.columns.size(); ++i) {
      bool header = false;
      const ColumnKind k = classify_column(in.data->report.columns[i], cols[i], &header);
      if (k == ColumnKind::ordinary) continue;
      p.columns.push_back({in.name, cols[i].name, k, header});
      auto& set = k == ColumnKind::identifier ? p.identifier_values : p.personal_values;
      for (size_t r = 0; r < cols[i].size(); ++r) {
        if (cols[i].state[r] != core::CellState::Value) continue;
        std::string v = trim(cols[i].raw_text(r));
        if (v.size() >= (k == ColumnKind::identifier ? 1u : 3u)) set.insert(std::move(v));
      }
    }
  }
  return p;
}

}  // namespace zicht::privacy
