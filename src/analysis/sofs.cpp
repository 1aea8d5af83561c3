// SCAFFOLD — replaced by the SofS analyses (issue 9) before that issue lands.
#include "analysis/sofs.h"

namespace zicht::analysis::sofs {

Options Options::from_werkmap(const nlohmann::json&) { return Options{}; }
nlohmann::json Options::to_json() const { return nlohmann::json::object(); }
std::vector<Result> results(const core::MappedDataset&, const Options&) { return {}; }
bool analyse(const std::vector<Input>&, const Settings&, ResultSet&, std::string& error) {
  error = "the sofs analyses are not built yet";
  return false;
}

}  // namespace zicht::analysis::sofs
