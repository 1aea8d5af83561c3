#pragma once
// The statistics engine's results in the result model's TestResult (SPEC §7), converted in one place so that a
// chi-square test reads the same — name, variant, N, df, statistic name, p, effect — whichever analysis, merge or
// export produced it.
#include <string>

#include "analysis/result.h"
#include "stats/contingency.h"
#include "stats/result.h"

namespace zicht::analysis {

// Name, variant, N and the warning codes; statistic, df, p and effect left "not applicable".
TestResult test_result(const stats::ResultInfo& info);
// Pearson's chi-square: "X-squared" with df (−1 when undefined), p and Cramér's V.
TestResult test_result(const stats::ChiSquareResult& chi);
// An exact test: p only (an exact test has no test statistic: NaN, written as null).
TestResult test_result(const stats::ExactResult& exact);
// The warning codes of a statistics result.
std::vector<std::string> warning_codes(const stats::ResultInfo& info);

}  // namespace zicht::analysis
