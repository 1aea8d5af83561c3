// SCAFFOLD — replaced by the Binc analyses (issue 10) before that issue lands.
#include "analysis/binc.h"

namespace zicht::analysis::binc {

const char* unit_id(Unit u) {
  switch (u) {
    case Unit::kinderen: return "kinderen";
    case Unit::modules: return "modules";
    case Unit::schakelingen: return "schakelingen";
    case Unit::kind_jaar: return "kind_jaar";
    case Unit::gezinnen: return "gezinnen";
  }
  return "kinderen";
}
Options Options::from_werkmap(const nlohmann::json&) { return Options{}; }
nlohmann::json Options::to_json() const { return nlohmann::json::object(); }
std::vector<Result> results(const core::MappedDataset&, const core::MappedDataset*, const Options&) { return {}; }
bool analyse(const std::vector<Input>&, bool, const Settings&, ResultSet&, std::string& error) {
  error = "the binc analyses are not built yet";
  return false;
}

}  // namespace zicht::analysis::binc
