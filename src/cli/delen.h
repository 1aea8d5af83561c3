#pragma once
// The delen mode on the command line: `--suppress K` of analyse, and the `aggregate` and `merge` commands.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/i18n.h"

namespace zicht::cli {

// Parses the K of `--suppress K`: an integer ≥ 2. Returns false with a message in `lang` otherwise.
bool parse_suppress_k(const std::string& text, int& k, std::string& error, i18n::Lang lang);

// Delen mode on a result set made from `inputs`: personal columns left out, identifiers pseudonymised with a
// fresh per-run salt (std::random_device), small cells suppressed with k, and the privacy summary appended.
void apply_delen(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs, int k);

}  // namespace zicht::cli
