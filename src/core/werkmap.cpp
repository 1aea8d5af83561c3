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

void ensure_defaults(nlohmann::json& doc) {
  doc["schema"] = Werkmap::kSchema;
  if (!doc.contains("profiles") || !doc["profiles"].is_object()) doc["profiles"] = nlohmann::json::object();
  if (!doc.contains("as_of")) doc["as_of"] = nullptr;
  if (!doc.contains("denominator") || !doc["denominator"].is_string()) doc["denominator"] = "valid";
  for (const char* s : {"norms", "clusters", "consent", "filters", "notes"})
    if (!doc.contains(s)) doc[s] = nlohmann::json::object();
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
    error = "not a werkmap: the top-level \"schema\" must be \"zicht.werkmap/1\"";
    return false;
  }
  if (v > kVersion) {
    error = "this werkmap was made by a newer version of Zicht (" + in["schema"].get<std::string>() +
            "); this version reads up to " + kSchema;
    return false;
  }
  nlohmann::json doc = in;
  if (v == 0 && doc.contains("mapping") && doc["mapping"].is_object()) {
    // Pre-release layout: {"mapping": {"sofs": {"start_cb": "Startdatum traject"}}, "recode": {"sofs": {...}}}.
    nlohmann::json profiles = doc.value("profiles", nlohmann::json::object());
    for (auto& [profile, cols] : doc["mapping"].items()) profiles[profile]["columns"] = cols;
    if (doc.contains("recode") && doc["recode"].is_object())
      for (auto& [profile, rc] : doc["recode"].items()) profiles[profile]["recode"] = rc;
    doc.erase("mapping");
    doc.erase("recode");
    doc["profiles"] = profiles;
  }
  if (doc.contains("as_of") && !doc["as_of"].is_null()) {
    int32_t d;
    if (!doc["as_of"].is_string() || !parse_iso_date(doc["as_of"].get<std::string>(), d)) {
      error = "werkmap: \"as_of\" must be a date YYYY-MM-DD or null";
      return false;
    }
  }
  ensure_defaults(doc);
  out.doc_ = std::move(doc);
  out.loaded_version_ = v;
  return true;
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

std::string Werkmap::denominator() const { return doc_.value("denominator", "valid"); }
void Werkmap::set_denominator(std::string_view d) { doc_["denominator"] = std::string(d); }

nlohmann::json& Werkmap::section(const std::string& name) {
  if (!doc_.contains(name) || !doc_[name].is_object()) doc_[name] = nlohmann::json::object();
  return doc_[name];
}

void Werkmap::patch_options(const nlohmann::json& patch) {
  if (!patch.is_object()) return;
  static const char* kKeys[] = {"norms",    "filters",     "consent", "notes", "clusters",
                                "settings", "denominator", "marks"};
  for (const char* k : kKeys) {
    auto it = patch.find(k);
    if (it == patch.end()) continue;
    if (it->is_object() && doc_.contains(k) && doc_[k].is_object()) {
      doc_[k].merge_patch(*it);
    } else if (it->is_null()) {
      doc_.erase(k);
    } else {
      nlohmann::json fresh = nlohmann::json::object();
      fresh.merge_patch(*it);
      doc_[k] = it->is_object() ? fresh : *it;
    }
  }
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
