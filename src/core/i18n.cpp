#include "core/i18n.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/assets.h"

namespace zicht::i18n {
namespace {

using Table = std::map<std::string, std::string, std::less<>>;

// Every assets/i18n/<lang>/*.json file, merged: each area of the app keeps its strings in its own file.
Table load(std::string_view lang) {
  Table t;
  for (std::string_view path : assets::list("i18n/" + std::string(lang) + "/")) {
    auto j = nlohmann::json::parse(*assets::find(path));
    for (auto& [k, v] : j.items()) t.emplace(k, v.get<std::string>());
  }
  return t;
}

const Table& table(Lang lang) {
  static const Table nl = load("nl");
  static const Table en = load("en");
  return lang == Lang::en ? en : nl;
}

}  // namespace

Lang parse_lang(std::string_view c) { return c == "en" ? Lang::en : Lang::nl; }
std::string_view code(Lang lang) { return lang == Lang::en ? "en" : "nl"; }

const std::string& tr(std::string_view key, Lang lang) {
  const Table& t = table(lang);
  if (auto it = t.find(key); it != t.end()) return it->second;
  if (lang != Lang::nl) {
    const Table& nl = table(Lang::nl);
    if (auto it = nl.find(key); it != nl.end()) return it->second;
  }
  // Unknown keys are remembered so the returned reference stays valid.
  static std::map<std::string, std::string, std::less<>> unknown;
  auto [it, _] = unknown.emplace(std::string(key), std::string(key));
  return it->second;
}

namespace {
template <class Args>
std::string format_impl(std::string_view pattern, const Args& args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) {
        out += *(args.begin() + n);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}
}  // namespace

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
  return format_impl(pattern, args);
}
std::string format(std::string_view pattern, const std::vector<std::string>& args) {
  return format_impl(pattern, args);
}

std::string Message::text(Lang lang) const {
  std::string out = format(tr(key, lang), args);
  for (const auto& m : more) out += "\n" + m.text(lang);
  return out;
}

std::string missing_keys_report() {
  std::string out;
  const Table& nl = table(Lang::nl);
  const Table& en = table(Lang::en);
  for (auto& [k, _] : nl)
    if (!en.count(k)) out += "en mist " + k + "\n";
  for (auto& [k, _] : en)
    if (!nl.count(k)) out += "nl mist " + k + "\n";
  return out;
}

}  // namespace zicht::i18n
