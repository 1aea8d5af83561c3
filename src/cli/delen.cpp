#include "cli/delen.h"

#include "cli/commands.h"
#include "privacy/privacy.h"

namespace zicht::cli {

bool parse_suppress_k(const std::string& text, int& k, std::string& error, i18n::Lang lang) {
  size_t used = 0;
  long v = 0;
  try {
    v = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || v < 2 || v > 1000000) {
    error = cli::text(lang, "cli.suppress_k", {text});
    return false;
  }
  k = static_cast<int>(v);
  return true;
}

void apply_delen(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs, int k) {
  privacy::share(set, inputs, k, privacy::Pseudonymiser(privacy::system_random()));
}

}  // namespace zicht::cli
