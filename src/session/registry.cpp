#include "session/registry.h"

namespace zicht::session {
namespace {

std::vector<ProfileSpec>& registry() {
  // One line per profile.
  static std::vector<ProfileSpec> r = {
      sofs_profile(),
      binc_profile(),
      matrix_profile(),
      kerndataset_profile(),
      evolutie_profile(),
      procesflow_profile(),
  };
  return r;
}

}  // namespace

const TableSpec* ProfileSpec::table(std::string_view t) const {
  for (const auto& s : tables)
    if (s.accepts(t)) return &s;
  return nullptr;
}

const PageSpec* ProfileSpec::page(std::string_view p) const {
  for (const auto& s : pages)
    if (s.id == p) return &s;
  return nullptr;
}

const std::vector<ProfileSpec>& profiles() { return registry(); }

const ProfileSpec* find_profile(std::string_view id) {
  for (const auto& p : registry())
    if (p.id == id) return &p;
  return nullptr;
}

void register_profile(ProfileSpec spec) {
  for (auto& p : registry())
    if (p.id == spec.id) {
      p = std::move(spec);
      return;
    }
  registry().push_back(std::move(spec));
}

std::vector<std::string> profile_names() {
  std::vector<std::string> out{"generic"};
  for (const auto& p : registry()) out.push_back(p.id);
  return out;
}

std::string profile_names_joined(const char* separator) {
  std::string out;
  for (const auto& n : profile_names()) out += (out.empty() ? "" : separator) + n;
  return out;
}

}  // namespace zicht::session
