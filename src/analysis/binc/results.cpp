// The Binc entry point: every result of SPEC §3.2 in page order from one context (the module file and the optional
// client file, mapped by session::map_tables).
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

}  // namespace zicht::analysis::binc
