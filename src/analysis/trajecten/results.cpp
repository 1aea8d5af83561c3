// trajecten::results: the model built once, then every result of spec §2.3 in page order.
#include "analysis/trajecten/model.h"

namespace zicht::analysis::trajecten {

std::vector<Result> results(const core::MappedDataset* registratie, const Options& o) {
  const detail::Model m = detail::build_model(registratie, o);
  std::vector<Result> out;  // each moved in, in this order (a braced list would copy every result)
  out.reserve(11);
  out.push_back(detail::flow_result(m));
  out.push_back(detail::age_result(m));
  out.push_back(detail::region_result(m));
  out.push_back(detail::referrer_result(m));
  out.push_back(detail::reasons_result(m));
  out.push_back(detail::units_result(m));
  out.push_back(detail::no_start_result(m));
  out.push_back(detail::timing_result(m));
  out.push_back(detail::blocking_result(m));
  out.push_back(detail::quality_result(m));
  out.push_back(detail::coarsening_result(m));
  return out;
}

}  // namespace zicht::analysis::trajecten
