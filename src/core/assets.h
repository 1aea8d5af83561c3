#pragma once
// Files under assets/ (i18n strings, schemas), compiled into every binary by cmake/embed_assets.cmake.
#include <optional>
#include <string_view>
#include <vector>

namespace zicht::assets {
// The text of assets/<path>, e.g. find("i18n/nl.json").
std::optional<std::string_view> find(std::string_view path);
// Paths of all assets whose path starts with prefix.
std::vector<std::string_view> list(std::string_view prefix);
}  // namespace zicht::assets
