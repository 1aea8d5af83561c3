#pragma once
// Wave-2 profiles in bench_core (issue 24): scaled inputs and the timed recompute of every result of a profile.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace zicht::bench {

// The wave-2 profiles in the order they are benchmarked.
const char* const kWave2Profiles[] = {"kerndataset", "matrix", "evolutie", "trajecten", "procesflow"};

// Writes the inputs of every wave-2 profile with `rows` primary records into dir/wave2_<rows>/ (one CSV per part and
// one per linked profile, see bench_core_wave2.cpp); files already there are kept. False + `error` on failure.
bool write_wave2_inputs(const std::string& dir, uint64_t rows, std::string& error);

// Reads those files, maps them as the app does (session::map_tables / map_link) and times ProfileSpec::results on
// them `runs` times per profile (median wall and CPU ms). Prints a summary; returns {"kerndataset": {...}, ...}.
// Empty object + `error` on failure.
// `only` (when not empty) benchmarks that profile alone.
nlohmann::json bench_wave2(const std::string& dir, uint64_t rows, int runs, std::string& error,
                           const std::string& only = "");

}  // namespace zicht::bench
