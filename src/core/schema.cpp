#include "core/schema.h"

#include <map>
#include <memory>

#include "core/assets.h"

namespace zicht::core {

const char* field_type_name(FieldType t) {
  switch (t) {
    case FieldType::String: return "string";
    case FieldType::Date: return "date";
    case FieldType::Step: return "step";
    case FieldType::Count: return "count";
    case FieldType::Integer: return "integer";
    case FieldType::Code: return "code";
    case FieldType::Bool: return "bool";
  }
  return "string";
}

namespace {

bool parse_field_type(const std::string& s, FieldType& out) {
  static const std::pair<const char*, FieldType> kTypes[] = {
      {"string", FieldType::String}, {"date", FieldType::Date},       {"step", FieldType::Step},
      {"count", FieldType::Count},   {"integer", FieldType::Integer}, {"code", FieldType::Code},
      {"bool", FieldType::Bool}};
  for (const auto& [name, t] : kTypes)
    if (s == name) {
      out = t;
      return true;
    }
  return false;
}

// Latin-1 supplement letters (U+00C0…U+00FF) without their accents; 0 = keep as is.
char unaccent(unsigned cp) {
  static const char kMap[] =
      "AAAAAAACEEEEIIII"  // C0–CF
      "DNOOOOO\0OUUUUYTs"  // D0–DF
      "aaaaaaaceeeeiiii"  // E0–EF
      "dnooooo\0ouuuuyty";  // F0–FF
  if (cp < 0xC0 || cp > 0xFF) return 0;
  return kMap[cp - 0xC0];
}

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (const auto& v : j[key])
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

bool in_tokens(const std::vector<std::string>& tokens, std::string_view s) {
  const std::string f = fold_text(s, false);
  for (const auto& t : tokens)
    if (fold_text(t, false) == f) return true;
  return false;
}

// "voltijds+onbekend" and "Voltijds  +  Onbekend" fold to "voltijds + onbekend".
std::string fold_multi(std::string_view s, const std::string& sep) {
  if (sep.empty()) return fold_text(s, false);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    std::string part = fold_text(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos), false);
    if (!out.empty()) out += " " + sep + " ";
    out += part;
    if (next == std::string_view::npos) break;
    pos = next + sep.size();
  }
  return out;
}

}  // namespace

std::string fold_text(std::string_view s, bool punctuation) {
  std::string out;
  out.reserve(s.size());
  bool space = true;  // drop leading whitespace
  auto put = [&](char c) {
    const bool is_space = c == ' ';
    if (is_space) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        put(' ');
      } else if (c >= 'A' && c <= 'Z') {
        put(static_cast<char>(c - 'A' + 'a'));
      } else if (punctuation && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        put(' ');
      } else {
        put(static_cast<char>(c));
      }
    } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (cp == 0xA0) {  // no-break space
        put(' ');
      } else if (char a = unaccent(cp)) {
        put(a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a);
      } else {
        if (punctuation && cp < 0xC0) {
          put(' ');
        } else {
          put(static_cast<char>(c));
          put(s[i + 1]);
        }
      }
      ++i;
    } else {
      put(static_cast<char>(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool FieldSpec::is_missing_token(std::string_view s) const { return in_tokens(missing, s); }
bool FieldSpec::is_nvt_token(std::string_view s) const { return in_tokens(nvt, s); }
bool FieldSpec::is_yes(std::string_view s) const { return in_tokens(yes, s); }
bool FieldSpec::is_no(std::string_view s) const { return in_tokens(no, s); }

std::optional<std::string> FieldSpec::find_code(std::string_view value) const {
  for (const auto& c : codes)
    if (c.code == value) return c.code;
  const std::string f = fold_multi(value, multi);
  for (const auto& c : codes) {
    if (fold_multi(c.code, multi) == f) return c.code;
    for (const auto& a : c.aliases)
      if (fold_multi(a, multi) == f) return c.code;
  }
  return std::nullopt;
}

bool FieldSpec::in_kind(std::string_view kind) const {
  if (kinds.empty() || kind.empty()) return true;
  for (const auto& k : kinds)
    if (k == kind) return true;
  return false;
}

const FieldSpec* Schema::field(std::string_view id) const {
  for (const auto& f : fields)
    if (f.id == id) return &f;
  return nullptr;
}

int Schema::field_index(std::string_view id) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].id == id) return static_cast<int>(i);
  return -1;
}

const FileKind* Schema::kind(std::string_view id) const {
  for (const auto& k : kinds)
    if (k.id == id) return &k;
  return nullptr;
}

bool parse_schema(const nlohmann::json& doc, Schema& out, std::string& error) {
  try {
    if (!doc.is_object() || doc.value("schema", "") != "zicht.profile/1") {
      error = "not a zicht.profile/1 document";
      return false;
    }
    Schema s;
    s.id = doc.at("id").get<std::string>();
    s.title_nl = doc.at("title").value("nl", s.id);
    s.title_en = doc.at("title").value("en", s.id);
    s.unit = doc.value("unit", "");
    s.settings = doc.value("settings", nlohmann::json::object());
    const auto default_missing = strings(doc, "missing");
    const auto default_nvt = strings(doc, "nvt");
    for (const auto& k : doc.at("kinds")) {
      FileKind fk;
      fk.id = k.at("id").get<std::string>();
      if (k.contains("label")) {
        fk.label_nl = k["label"].value("nl", fk.id);
        fk.label_en = k["label"].value("en", fk.id);
      }
      fk.required = strings(k, "required");
      fk.identifier = k.value("identifier", "");
      fk.start = k.value("start", "");
      fk.end = k.value("end", "");
      fk.unique_identifier = k.value("unique_identifier", false);
      if (auto mr = k.find("min_fields"); mr != k.end() && mr->is_object()) {
        fk.min_role = mr->value("role", "");
        fk.min_role_count = mr->value("count", 0);
      }
      s.kinds.push_back(std::move(fk));
    }
    for (const auto& f : doc.at("fields")) {
      FieldSpec fs;
      fs.id = f.at("id").get<std::string>();
      if (!parse_field_type(f.at("type").get<std::string>(), fs.type)) {
        error = "field " + fs.id + ": unknown type";
        return false;
      }
      fs.role = f.value("role", "");
      fs.required = f.value("required", false);
      fs.label_nl = f.at("label").value("nl", fs.id);
      fs.label_en = f.at("label").value("en", fs.id);
      fs.synonyms = strings(f, "synonyms");
      if (f.contains("codes"))
        for (const auto& c : f["codes"]) fs.codes.push_back({c.at("code").get<std::string>(), c.value("en", ""), strings(c, "aliases")});
      fs.closed = f.value("closed", true);
      fs.multi = f.value("multi", "");
      fs.missing = f.contains("missing") ? strings(f, "missing") : default_missing;
      fs.nvt = f.contains("nvt") ? strings(f, "nvt") : default_nvt;
      fs.yes = strings(f, "yes");
      fs.no = strings(f, "no");
      if (f.contains("min")) fs.min = f["min"].get<double>();
      if (f.contains("max")) fs.max = f["max"].get<double>();
      fs.kinds = strings(f, "kinds");
      fs.step = f.value("step", "");
      fs.who = f.value("who", "");
      fs.note = f.value("note", "");
      s.fields.push_back(std::move(fs));
    }
    for (const auto& k : s.kinds)
      for (const auto& r : k.required)
        if (!s.field(r)) {
          error = "kind " + k.id + " requires unknown field " + r;
          return false;
        }
    out = std::move(s);
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

std::vector<std::string> profile_ids() { return {"sofs", "binc", "matrix", "kerndataset", "evolutie", "procesflow"}; }

bool is_known_profile(std::string_view id) {
  if (id == "generic") return true;
  for (const auto& p : profile_ids())
    if (p == id) return true;
  return false;
}

const Schema* find_schema(std::string_view profile) {
  static std::map<std::string, std::unique_ptr<Schema>, std::less<>> cache;
  auto it = cache.find(profile);
  if (it != cache.end()) return it->second.get();
  if (!is_known_profile(profile) || profile == "generic") return nullptr;
  std::unique_ptr<Schema> s;
  if (auto text = assets::find("schemas/" + std::string(profile) + ".json")) {
    auto doc = nlohmann::json::parse(text->begin(), text->end(), nullptr, false);
    Schema parsed;
    std::string error;
    if (!doc.is_discarded() && parse_schema(doc, parsed, error)) s = std::make_unique<Schema>(std::move(parsed));
  }
  const Schema* out = s.get();
  cache.emplace(std::string(profile), std::move(s));
  return out;
}

}  // namespace zicht::core
