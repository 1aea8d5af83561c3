// The Binc entry points: every result of SPEC §3.2 in page order from one context, and `analyse` for the CLI
// (mapping the module file and the optional client file).
#include <optional>
#include <string>
#include <vector>

#include "analysis/binc.h"
#include "analysis/binc/context.h"
#include "core/schema.h"
#include "core/werkmap.h"

namespace zicht::analysis::binc {

std::vector<Result> results(const core::MappedDataset& modules, const core::MappedDataset* clients,
                            const Options& options) {
  detail::Context cx(modules, clients, options);
  detail::load_characteristics(cx);
  std::vector<Result> out;
  out.push_back(detail::profile(cx));
  out.push_back(detail::orgtype_by_status(cx));
  out.push_back(detail::module_frequency(cx));
  out.push_back(detail::module_combination(cx));
  out.push_back(detail::module_rank(cx));
  out.push_back(detail::pre_post(cx));
  out.push_back(detail::transitions(cx));
  out.push_back(detail::durations(cx));
  out.push_back(detail::quality(cx));
  add_views(out, options);
  return out;
}

bool analyse(const std::vector<Input>& inputs, bool has_clients, const Settings& settings, ResultSet& out,
             std::string& error) {
  if (inputs.empty() || (has_clients && inputs.size() < 2)) {
    error = "binc: a module file is needed (and the client file with --clients)";
    return false;
  }
  const core::Schema* schema = core::find_schema("binc");
  if (!schema) {
    error = "binc: the profile schema is missing";
    return false;
  }
  core::ProfileSettings ps;
  if (!profile_settings(settings, "binc", ps, error)) return false;
  const core::MappedDataset mods = core::map_file(*inputs[0].data, *schema, ps, "modules");
  if (!mods.mapping.ok()) {
    error = core::unmatched_message(*schema, mods.mapping, inputs[0].name);
    return false;
  }
  core::ProfileSettings cps = ps;
  cps.as_of = mods.as_of;  // one "now" for both files
  std::optional<core::MappedDataset> clients;
  if (has_clients) {
    clients = core::map_file(*inputs[1].data, *schema, cps, "clients");
    if (!clients->mapping.ok()) {
      error = core::unmatched_message(*schema, clients->mapping, inputs[1].name);
      return false;
    }
  }
  const Options options = Options::from_werkmap(settings.werkmap);
  std::vector<const core::MappedDataset*> mapped{&mods};
  if (clients) mapped.push_back(&*clients);
  out.provenance = make_provenance(inputs, mapped, settings);
  out.provenance.profile = "binc";
  out.results = results(mods, clients ? &*clients : nullptr, options);
  return true;
}

}  // namespace zicht::analysis::binc
