#pragma once
// The widgets a profile's page controls are made of (filters, norms, the denominator, the reference marks), and the
// profile's typed options read from the werkmap once per change — never parsed per frame.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "session/session.h"
#include "ui/pages/page_profile.h"

namespace zicht::ui::controls {

// Text buffers of edit fields, kept between frames while the user types.
std::string& buffer(const std::string& id);
std::string tr(const ResultViewContext& rv, const char* key);

// A combo listing choices with check marks; the preview says how many are chosen. What choosing none means is the
// caller's: for a filter "alle" (nothing filtered out), for consent "geen" (every organisation pooled).
bool multi_select(const char* id, const std::string& label, const std::vector<std::string>& choices,
                  std::vector<std::string>& chosen, const ResultViewContext& rv, const char* none_key = "filter.all");
// A YYYY-MM-DD field bound to an optional date; applies when the text is a valid date or empty.
bool date_field(const char* id, const std::string& label, std::optional<int32_t>& value, const ResultViewContext& rv);
// The shared denominator (SPEC §4), an enum in the werkmap.
void denominator_combo(session::Session& s, const ResultViewContext& rv);
// The reference marks on the charts: published Flemish figures and the werkmap's norms, each switchable.
void marks_switches(const ProfilePageArgs& a);
// What a filter on a field of the primary table can choose from, recomputed only when the loaded files change.
const std::vector<std::string>& choices(const ProfilePageArgs& a, const char* field);

// A profile's typed options (Options::from_werkmap), parsed again only when the werkmap's options change.
template <class Options>
Options options(const session::Session& s) {
  static uint64_t version = ~uint64_t(0);
  static Options cached;
  if (version != s.options_version()) {
    cached = Options::from_werkmap(s.werkmap());
    version = s.options_version();
  }
  return cached;
}

// Writes changed options back into the werkmap (the pages recompute).
template <class Options>
void store(session::Session& s, const Options& o) {
  s.edit_options([&](core::Werkmap& w) { o.store(w); });
}

}  // namespace zicht::ui::controls
