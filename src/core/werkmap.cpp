#include "core/werkmap.h"

#include "core/table.h"

namespace zicht::core {
namespace {

constexpr const char* kPrefix = "zicht.werkmap/";

// The version number of a "zicht.werkmap/<n>" string; -1 when not a werkmap schema string.
int werkmap_version(const nlohmann::json& doc) {
  if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) return -1;
  const std::string s = doc["schema"].get<std::string>();
  if (s.rfind(kPrefix, 0) != 0) return -1;
  const std::string num = s.substr(std::char_traits<char>::length(kPrefix));
  if (num.empty() || num.size() > 6) return -1;
  int v = 0;
  for (char c : num) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

const nlohmann::json& null_json() {
  static const nlohmann::json n;
  return n;
}

void ensure_defaults(nlohmann::json& doc) {
  doc["schema"] = Werkmap::kSchema;
  if (!doc.contains("profiles") || !doc["profiles"].is_object()) doc["profiles"] = nlohmann::json::object();
  if (!doc.contains("as_of")) doc["as_of"] = nullptr;
  Denominator d;
  if (!doc.contains("denominator") || !doc["denominator"].is_string() ||
      !parse_denominator(doc["denominator"].get<std::string>(), d))
    doc["denominator"] = "valid";
  if (!doc.contains("marks") || !doc["marks"].is_object()) doc["marks"] = nlohmann::json::object();
  for (const char* m : {"published", "norms"})
    if (!doc["marks"].contains(m) || !doc["marks"][m].is_boolean()) doc["marks"][m] = true;
}

// Version 0 (pre-release): {"mapping": {"sofs": {...}}, "recode": {"sofs": {...}}}.
void migrate_v0(nlohmann::json& doc) {
  if (!doc.contains("mapping") || !doc["mapping"].is_object()) return;
  nlohmann::json profiles = doc.value("profiles", nlohmann::json::object());
  for (auto& [profile, cols] : doc["mapping"].items()) profiles[profile]["columns"] = cols;
  if (doc.contains("recode") && doc["recode"].is_object())
    for (auto& [profile, rc] : doc["recode"].items()) profiles[profile]["recode"] = rc;
  doc.erase("mapping");
  doc.erase("recode");
  doc["profiles"] = profiles;
}

// Version 1: options per section, then per profile ({"norms": {"sofs": {...}}}), a profile's organisation filter
// sometimes under "settings", notes keyed "<profile>.<page>". Version 2 keeps everything of a profile together.
void migrate_v1(nlohmann::json& doc) {
  if (!doc.contains("profiles") || !doc["profiles"].is_object()) doc["profiles"] = nlohmann::json::object();
  nlohmann::json& profiles = doc["profiles"];
  for (const char* section : Werkmap::kOptionSections) {
    auto it = doc.find(section);
    if (it == doc.end() || !it->is_object()) continue;  // a top-level consent list stays: it holds for all
    for (auto& [profile, value] : it->items()) {
      nlohmann::json& p = profiles[profile];
      if (!p.is_object()) p = nlohmann::json::object();
      if (!p.contains(section)) p[section] = value;
    }
    doc.erase(it);
  }
  for (auto& [id, p] : profiles.items()) {
    if (!p.is_object() || !p.contains("settings") || !p["settings"].is_object()) continue;
    auto org = p["settings"].find("organisations");
    if (org == p["settings"].end()) continue;
    if (!p.contains("filters") || !p["filters"].is_object()) p["filters"] = nlohmann::json::object();
    if (!p["filters"].contains("organisations")) p["filters"]["organisations"] = *org;
    p["settings"].erase(org);
  }
  auto notes = doc.find("notes");
  if (notes != doc.end() && notes->is_object()) {
    nlohmann::json rest = nlohmann::json::object();
    for (auto& [key, text] : notes->items()) {
      const size_t dot = key.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == key.size() || !text.is_string()) {
        rest[key] = text;
        continue;
      }
      nlohmann::json& p = profiles[key.substr(0, dot)];
      if (!p.is_object()) p = nlohmann::json::object();
      p["notes"][key.substr(dot + 1)] = text;
    }
    if (rest.empty()) doc.erase(notes);
    else *notes = rest;
  }
}

bool is_option_section(std::string_view s) {
  for (const char* k : Werkmap::kOptionSections)
    if (s == k) return true;
  return false;
}

}  // namespace

bool parse_iso_date(std::string_view s, int32_t& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k)
    for (size_t i = 0; i < lens[k]; ++i) {
      const char c = s[starts[k] + i];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  if (!valid_civil(v[0], v[1], v[2])) return false;
  days = days_from_civil(v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2]));
  return true;
}

Werkmap::Werkmap() : doc_(nlohmann::json::object()) { ensure_defaults(doc_); }

bool Werkmap::from_json(const nlohmann::json& in, Werkmap& out, std::string& error) {
  const int v = werkmap_version(in);
  if (v < 0) {
    error = std::string("not a werkmap: the top-level \"schema\" must be \"") + kSchema + "\"";
    return false;
  }
  if (v > kVersion) {
    error = "this werkmap was made by a newer version of Zicht (" + in["schema"].get<std::string>() +
            "); this version reads up to " + kSchema;
    return false;
  }
  nlohmann::json doc = in;
  if (v == 0) migrate_v0(doc);
  if (v <= 1) migrate_v1(doc);
  if (doc.contains("as_of") && !doc["as_of"].is_null()) {
    int32_t d;
    if (!doc["as_of"].is_string() || !parse_iso_date(doc["as_of"].get<std::string>(), d)) {
      error = "werkmap: \"as_of\" must be a date YYYY-MM-DD or null";
      return false;
    }
  }
  if (doc.contains("files")) {
    const auto& files = doc["files"];
    if (!files.is_object()) {
      error = "werkmap: \"files\" must be an object {\"file name\": {\"sheet\": …, \"header_row\": …}}";
      return false;
    }
    for (auto it = files.begin(); it != files.end(); ++it) {
      const auto& f = it.value();
      const bool sheet_ok = !f.contains("sheet") || f["sheet"].is_string();
      const bool row_ok = !f.contains("header_row") ||
                          (f["header_row"].is_number_integer() && f["header_row"].get<int64_t>() >= 0 &&
                           f["header_row"].get<int64_t>() <= 1048576);
      if (!f.is_object() || !sheet_ok || !row_ok) {
        error = "werkmap: \"files\" → \"" + it.key() +
                "\": needs {\"sheet\": a sheet name, \"header_row\": a row number from 1 to 1048576}";
        return false;
      }
    }
  }
  ensure_defaults(doc);
  out.doc_ = std::move(doc);
  out.loaded_version_ = v;
  return true;
}

bool Werkmap::from_settings(const nlohmann::json& in, Werkmap& out, std::string& error) {
  if (!in.is_object()) {
    error = "settings: not a JSON object";
    return false;
  }
  if (in.contains("schema")) return from_json(in, out, error);
  nlohmann::json doc = in;
  // Version 2 has no top-level option sections; anything else is read as version 1 (which also reads version 2).
  doc["schema"] = "zicht.werkmap/1";
  return from_json(doc, out, error);
}

bool Werkmap::parse(std::string_view text, Werkmap& out, std::string& error) {
  auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    error = "werkmap: not valid JSON";
    return false;
  }
  return from_json(doc, out, error);
}

std::string Werkmap::dump() const { return doc_.dump(2) + "\n"; }

MappingOverrides Werkmap::overrides(std::string_view profile) const {
  MappingOverrides o;
  const auto& profiles = doc_["profiles"];
  auto it = profiles.find(std::string(profile));
  if (it == profiles.end() || !it->is_object()) return o;
  if (it->contains("columns") && (*it)["columns"].is_object())
    for (auto& [field, col] : (*it)["columns"].items()) {
      if (col.is_string()) o.columns[field] = col.get<std::string>();
      else if (col.is_null()) o.columns[field] = std::nullopt;
    }
  if (it->contains("recode") && (*it)["recode"].is_object())
    for (auto& [field, m] : (*it)["recode"].items()) {
      if (!m.is_object()) continue;
      for (auto& [value, code] : m.items())
        if (code.is_string()) o.recode[field][value] = code.get<std::string>();
    }
  return o;
}

void Werkmap::set_overrides(std::string_view profile, const MappingOverrides& o) {
  nlohmann::json& p = doc_["profiles"][std::string(profile)];
  if (!p.is_object()) p = nlohmann::json::object();
  nlohmann::json cols = nlohmann::json::object();
  for (const auto& [field, col] : o.columns) cols[field] = col ? nlohmann::json(*col) : nlohmann::json(nullptr);
  nlohmann::json rc = nlohmann::json::object();
  for (const auto& [field, m] : o.recode)
    for (const auto& [value, code] : m) rc[field][value] = code;
  p["columns"] = cols;
  p["recode"] = rc;
}

void Werkmap::set_column(std::string_view profile, std::string_view field, std::optional<std::string> column) {
  nlohmann::json& p = doc_["profiles"][std::string(profile)];
  if (!p.contains("columns") || !p["columns"].is_object()) p["columns"] = nlohmann::json::object();
  p["columns"][std::string(field)] = column ? nlohmann::json(*column) : nlohmann::json(nullptr);
}

void Werkmap::set_recode(std::string_view profile, std::string_view field, std::string_view value, std::string_view code) {
  nlohmann::json& p = doc_["profiles"][std::string(profile)];
  if (!p.contains("recode") || !p["recode"].is_object()) p["recode"] = nlohmann::json::object();
  p["recode"][std::string(field)][std::string(value)] = std::string(code);
}

void Werkmap::clear_recode(std::string_view profile, std::string_view field, std::string_view value) {
  auto& profiles = doc_["profiles"];
  auto it = profiles.find(std::string(profile));
  if (it == profiles.end() || !it->contains("recode")) return;
  auto& rc = (*it)["recode"];
  auto f = rc.find(std::string(field));
  if (f == rc.end()) return;
  f->erase(std::string(value));
  if (f->empty()) rc.erase(std::string(field));
}

std::optional<int32_t> Werkmap::as_of() const {
  const auto& v = doc_["as_of"];
  int32_t d;
  if (v.is_string() && parse_iso_date(v.get<std::string>(), d)) return d;
  return std::nullopt;
}

void Werkmap::set_as_of(std::optional<int32_t> days) {
  doc_["as_of"] = days ? nlohmann::json(format_iso_date(*days)) : nlohmann::json(nullptr);
}

const char* denominator_id(Denominator d) {
  switch (d) {
    case Denominator::valid: return "valid";
    case Denominator::applicable: return "applicable";
    case Denominator::all: return "all";
  }
  return "valid";
}

bool parse_denominator(std::string_view s, Denominator& out) {
  for (Denominator d : kDenominators)
    if (s == denominator_id(d)) {
      out = d;
      return true;
    }
  return false;
}

Denominator Werkmap::denominator() const {
  Denominator d = Denominator::valid;
  const auto& v = doc_["denominator"];
  if (v.is_string()) parse_denominator(v.get<std::string>(), d);
  return d;
}

void Werkmap::set_denominator(Denominator d) { doc_["denominator"] = denominator_id(d); }

Marks Werkmap::marks() const {
  Marks m;
  const auto& j = doc_["marks"];
  if (j.is_object()) {
    m.published = j.value("published", true);
    m.norms = j.value("norms", true);
  }
  return m;
}

void Werkmap::set_marks(const Marks& m) {
  nlohmann::json& j = doc_["marks"];
  if (!j.is_object()) j = nlohmann::json::object();
  j["published"] = m.published;
  j["norms"] = m.norms;
}

namespace {
std::string base_name(std::string_view file) {
  const size_t slash = file.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? file : file.substr(slash + 1));
}
}  // namespace

FileRead Werkmap::file_read(std::string_view file) const {
  FileRead r;
  auto files = doc_.find("files");
  if (files == doc_.end() || !files->is_object()) return r;
  auto it = files->find(base_name(file));
  if (it == files->end() || !it->is_object()) return r;
  r.sheet = it->value("sheet", std::string());
  r.header_row = int(it->value("header_row", int64_t(0)));
  return r;
}

void Werkmap::set_file_read(std::string_view file, const FileRead& r) {
  const std::string name = base_name(file);
  if (r.empty()) {
    auto files = doc_.find("files");
    if (files == doc_.end() || !files->is_object()) return;
    files->erase(name);
    if (files->empty()) doc_.erase("files");
    return;
  }
  nlohmann::json& files = doc_["files"];
  if (!files.is_object()) files = nlohmann::json::object();
  nlohmann::json e = nlohmann::json::object();
  if (!r.sheet.empty()) e["sheet"] = r.sheet;
  if (r.header_row > 0) e["header_row"] = r.header_row;
  files[name] = std::move(e);
}

nlohmann::json& Werkmap::profile(std::string_view id) {
  nlohmann::json& p = doc_["profiles"][std::string(id)];
  if (!p.is_object()) p = nlohmann::json::object();
  return p;
}

const nlohmann::json& Werkmap::options(std::string_view profile, std::string_view section) const {
  const auto& profiles = doc_["profiles"];
  auto it = profiles.find(std::string(profile));
  if (it != profiles.end() && it->is_object()) {
    auto s = it->find(std::string(section));
    if (s != it->end()) return *s;
  }
  if (section == "consent") {
    auto all = doc_.find("consent");
    if (all != doc_.end() && all->is_array()) return *all;
  }
  return null_json();
}

bool Werkmap::set_options(std::string_view profile, std::string_view section, nlohmann::json value) {
  if (!is_option_section(section)) return false;
  nlohmann::json& p = this->profile(profile);
  if (value.is_null()) p.erase(std::string(section));
  else p[std::string(section)] = std::move(value);
  return true;
}

std::string Werkmap::note(std::string_view profile, std::string_view page) const {
  const auto& profiles = doc_["profiles"];
  auto it = profiles.find(std::string(profile));
  if (it == profiles.end() || !it->is_object() || !it->contains("notes")) return {};
  const auto& notes = (*it)["notes"];
  if (!notes.is_object()) return {};
  auto n = notes.find(std::string(page));
  return n != notes.end() && n->is_string() ? n->get<std::string>() : std::string();
}

void Werkmap::set_note(std::string_view profile, std::string_view page, std::string_view text) {
  nlohmann::json& p = this->profile(profile);
  if (text.empty()) {
    if (p.contains("notes") && p["notes"].is_object()) {
      p["notes"].erase(std::string(page));
      if (p["notes"].empty()) p.erase("notes");
    }
    return;
  }
  if (!p.contains("notes") || !p["notes"].is_object()) p["notes"] = nlohmann::json::object();
  p["notes"][std::string(page)] = std::string(text);
}

bool looks_like_werkmap(const uint8_t* data, size_t n) {
  size_t i = 0;
  if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) i = 3;
  while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) ++i;
  if (i >= n || data[i] != '{') return false;
  if (n > (size_t(4) << 20)) return false;  // a werkmap is small; never parse a large data file here
  auto doc = nlohmann::json::parse(data + i, data + n, nullptr, false);
  return !doc.is_discarded() && werkmap_version(doc) >= 0;
}

}  // namespace zicht::core
