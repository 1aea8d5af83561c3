// kerndataset::results: the model built once, then every result of spec §1.3 in page order.
#include "analysis/kerndataset/model.h"

namespace zicht::analysis::kerndataset {

std::vector<Result> results(const Inputs& in, const Options& o) {
  const detail::Model m = detail::build_model(in, o);
  std::vector<Result> out = detail::followup_results(m);  // overview first
  std::vector<Result> surveys = detail::survey_results(m);
  // Page order: overview, parent_items, parent_scales, child_items, perspective_gap, followup, rereferral, placement,
  // network, sustainability, impact_profile, fidelity_link, self_assessment, case_panel, quality.
  std::vector<Result> ordered;
  ordered.push_back(std::move(out[0]));
  for (auto& r : surveys) ordered.push_back(std::move(r));
  for (size_t i = 1; i < out.size(); ++i) ordered.push_back(std::move(out[i]));
  for (auto& x : detail::outcome_results(m)) ordered.push_back(std::move(x));
  ordered.push_back(detail::fidelity_result(m));
  Result self = detail::self_result(m);
  ordered.push_back(std::move(self));
  ordered.push_back(detail::case_result(m));
  ordered.push_back(detail::quality_result(m));
  return ordered;
}

}  // namespace zicht::analysis::kerndataset
