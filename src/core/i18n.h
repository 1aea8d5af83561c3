#pragma once
// User-visible text in Dutch (default) and English, from assets/i18n/<lang>.json.
// Keys are stable dotted names ("nav.overview"); a missing key shows as the key itself so it is noticed.
#include <string>
#include <string_view>
#include <vector>

namespace zicht::i18n {

enum class Lang { nl, en };

Lang parse_lang(std::string_view code);  // "nl" / "en"; anything else → nl
std::string_view code(Lang lang);

// The string for key in lang; falls back to Dutch, then to the key.
const std::string& tr(std::string_view key, Lang lang);

// {0}, {1}, … replaced by the arguments, in order.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);
std::string format(std::string_view pattern, const std::vector<std::string>& args);

// A message as a key and its arguments, rendered when it is shown, in the language of whoever shows it (the CLI's
// --lang, the app's language): the codes stay stable, the words live in assets/i18n. `more` are lines under it.
struct Message {
  std::string key;
  std::vector<std::string> args;
  std::vector<Message> more;
  bool empty() const { return key.empty(); }
  // format(tr(key, lang), args), then each line of `more` on a line of its own.
  std::string text(Lang lang) const;
};

// Keys present in one language file and missing in the other (used by tests).
std::string missing_keys_report();

}  // namespace zicht::i18n
