#include "analysis/profiles.h"

#include "analysis/binc.h"
#include "analysis/explore.h"
#include "analysis/sofs.h"

namespace zicht::analysis {

bool has_analyses(std::string_view profile) { return profile == "generic" || profile == "sofs" || profile == "binc"; }

bool analyse_profile(const std::vector<Input>& inputs, bool has_clients, const Settings& settings, ResultSet& out,
                     std::string& error) {
  if (settings.profile == "sofs") return sofs::analyse(inputs, settings, out, error);
  if (settings.profile == "binc") return binc::analyse(inputs, has_clients, settings, out, error);
  if (settings.profile == "generic") {
    out = explore(inputs, settings);
    return true;
  }
  error = "unknown profile '" + settings.profile + "'";
  return false;
}

}  // namespace zicht::analysis
