#include "analysis/test_result.h"

#include <cmath>

namespace zicht::analysis {

std::vector<std::string> warning_codes(const stats::ResultInfo& info) {
  std::vector<std::string> w;
  for (const auto& x : info.warnings) w.push_back(x.code);
  return w;
}

TestResult test_result(const stats::ResultInfo& info) {
  TestResult t;
  t.name = info.method;
  t.variant = info.variant;
  t.n = info.n;
  t.warnings = warning_codes(info);
  return t;
}

TestResult test_result(const stats::ChiSquareResult& chi) {
  TestResult t = test_result(chi.info);
  t.df = std::isnan(chi.df) ? -1 : chi.df;
  t.statistic = chi.statistic;
  t.statistic_name = "X-squared";
  t.p = chi.p_value;
  t.effect_name = "Cramér's V";
  t.effect = chi.cramers_v;
  return t;
}

TestResult test_result(const stats::ExactResult& exact) {
  TestResult t = test_result(exact.info);
  t.statistic = stats::kNaN;
  t.p = exact.p_value;
  return t;
}

}  // namespace zicht::analysis
