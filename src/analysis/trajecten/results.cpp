// trajecten::results: the model built once, then every result of spec §2.3 in page order.
#include "analysis/trajecten/model.h"

namespace zicht::analysis::trajecten {

std::vector<Result> results(const core::MappedDataset* registratie, const Options& o) {
  const detail::Model m = detail::build_model(registratie, o);
  return list_of<Result>(detail::flow_result(m),
                          detail::age_result(m),
                          detail::region_result(m),
                          detail::referrer_result(m),
                          detail::reasons_result(m),
                          detail::units_result(m),
                          detail::no_start_result(m),
                          detail::timing_result(m),
                          detail::blocking_result(m),
                          detail::quality_result(m),
                          detail::coarsening_result(m));
}

}  // namespace zicht::analysis::trajecten
