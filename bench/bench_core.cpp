// Native benchmark of the core, on files made by `zicht demo` (see bench/run.sh):
//   parse      bytes in memory → typed table (core::read_bytes, 1 MiB chunks like the browser): MB/s
//   map        typed table → MappedDataset of profile binc, kind modules (core::map_file): ms
//   analyse    every Binc result (analysis::binc::results) on the mapped module file: ms
//   sofs       every SofS page (analysis::sofs::results) on a mapped SofS export: ms — what a filter change costs
//   wave2      every result of each wave-2 profile (ProfileSpec::results, as the app and `zicht analyse` run it) on
//              its demo grown to --wave2-rows primary records (bench_core_wave2.cpp; inputs written to --wave2 DIR)
// Each figure is the median of --runs runs (default 5) after the file is read from disk once.
// Usage: bench_core [--binc FILE] [--sofs FILE] [--wave2 DIR [--wave2-rows N] [--wave2-profile P]] [--runs N] [--json OUT]
// Prints a human-readable summary and, with --json, writes the medians as one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/binc.h"
#include "bench_core_wave2.h"
#include "analysis/sofs.h"
#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "core/schema.h"

using namespace zicht;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool slurp(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Runs f `runs` times and returns the wall-clock times in ms; `cpu` gets the process CPU times (ms), which on a
// machine shared with other work say more about the code than the wall clock does.
std::vector<double> timed(int runs, const std::function<void()>& f, std::vector<double>* cpu = nullptr) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    const std::clock_t c0 = std::clock();
    f();
    t.push_back(ms_since(t0));
    if (cpu) cpu->push_back(1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binc_path, sofs_path, json_path, wave2_dir, wave2_only;
  uint64_t wave2_rows = 100000;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--binc") binc_path = next();
    else if (a == "--sofs") sofs_path = next();
    else if (a == "--wave2") wave2_dir = next();
    else if (a == "--wave2-profile") wave2_only = next();
    else if (a == "--wave2-rows") wave2_rows = std::max<uint64_t>(1, std::strtoull(next().c_str(), nullptr, 10));
    else if (a == "--runs") runs = std::max(1, std::atoi(next().c_str()));
    else if (a == "--json") json_path = next();
    else {
      std::cerr << "usage: bench_core [--binc FILE] [--sofs FILE] [--wave2 DIR [--wave2-rows N] [--wave2-profile P]] [--runs N] [--json OUT]\n";
      return 2;
    }
  }
  nlohmann::json out = nlohmann::json::object();
  out["runs"] = runs;

  if (!binc_path.empty()) {
    std::string bytes;
    if (!slurp(binc_path, bytes)) {
      std::cerr << "cannot read " << binc_path << "\n";
      return 1;
    }
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    core::ReadResult read;
    std::vector<double> c_parse, c_map, c_an;
    std::vector<double> t_parse =
        timed(runs, [&] { read = core::read_bytes("modules.csv", p, bytes.size()); }, &c_parse);
    if (!read.ok()) {
      std::cerr << "parse failed: " << read.status.message << "\n";
      return 1;
    }
    const core::Schema* schema = core::find_schema("binc");
    core::MappedDataset mods;
    std::vector<double> t_map = timed(runs, [&] { mods = core::map_file(read, *schema, {}, "modules"); }, &c_map);
    if (!mods.mapping.ok()) {
      std::cerr << "binc mapping failed\n";
      return 1;
    }
    const analysis::binc::Options opt;
    size_t n_results = 0;
    std::vector<double> t_an =
        timed(runs, [&] { n_results = analysis::binc::results(mods, nullptr, opt).size(); }, &c_an);
    const double mb = double(bytes.size()) / 1e6;
    const double parse_ms = median(t_parse), map_ms = median(t_map), an_ms = median(t_an);
    std::printf("binc  %s: %lld rows, %.1f MB, %zu columns, table %.1f MB\n", binc_path.c_str(),
                (long long)read.report.rows_in, mb, read.table.cols(), double(read.table.memory_bytes()) / 1e6);
    std::printf("             wall ms      CPU ms\n");
    std::printf("  parse    %8.1f    %8.1f   (%.1f MB/s wall, %.1f MB/s CPU)\n", parse_ms, median(c_parse),
                mb / (parse_ms / 1000.0), mb / (median(c_parse) / 1000.0));
    std::printf("  map      %8.1f    %8.1f\n", map_ms, median(c_map));
    std::printf("  analyse  %8.1f    %8.1f   (%zu Binc results)\n", an_ms, median(c_an), n_results);
    std::printf("  total    %8.1f    %8.1f\n", parse_ms + map_ms + an_ms, median(c_parse) + median(c_map) + median(c_an));
    out["binc"] = {{"file", binc_path},          {"rows", read.report.rows_in},
                   {"bytes", bytes.size()},       {"parse_ms", parse_ms},
                   {"parse_mb_s", mb / (parse_ms / 1000.0)}, {"map_ms", map_ms},
                   {"analyse_ms", an_ms},         {"results", n_results},
                   {"parse_cpu_ms", median(c_parse)}, {"map_cpu_ms", median(c_map)}, {"analyse_cpu_ms", median(c_an)},
                   {"table_bytes", read.table.memory_bytes()}};
  }

  if (!sofs_path.empty()) {
    core::ReadResult read = core::read_file(sofs_path);
    if (!read.ok()) {
      std::cerr << "cannot read " << sofs_path << ": " << read.status.message << "\n";
      return 1;
    }
    const core::Schema* schema = core::find_schema("sofs");
    const core::MappedDataset ds = core::map_file(read, *schema, {});
    if (!ds.mapping.ok()) {
      std::cerr << "sofs mapping failed\n";
      return 1;
    }
    const analysis::sofs::Options opt;
    size_t n_results = 0;
    std::vector<double> c, cf;
    std::vector<double> t = timed(std::max(runs, 7), [&] { n_results = analysis::sofs::results(ds, opt).size(); }, &c);
    // A filtered recompute (one organisation, closed trajectories) is what a filter click costs.
    analysis::sofs::Options filt;
    filt.status = "closed";
    std::vector<double> tf = timed(std::max(runs, 7), [&] { analysis::sofs::results(ds, filt); }, &cf);
    std::printf("sofs  %s: %lld trajectories\n", sofs_path.c_str(), (long long)read.report.rows_in);
    std::printf("  all pages (%zu results)            %8.1f ms wall, %8.1f ms CPU\n", n_results, median(t), median(c));
    std::printf("  all pages, filter status=closed    %8.1f ms wall, %8.1f ms CPU\n", median(tf), median(cf));
    out["sofs"] = {{"file", sofs_path},
                   {"rows", read.report.rows_in},
                   {"results", n_results},
                   {"recompute_ms", median(t)},
                   {"recompute_filtered_ms", median(tf)},
                   {"recompute_cpu_ms", median(c)},
                   {"recompute_filtered_cpu_ms", median(cf)}};
  }
  if (!wave2_dir.empty()) {
    std::string error;
    if (!bench::write_wave2_inputs(wave2_dir, wave2_rows, error)) {
      std::cerr << error << "\n";
      return 1;
    }
    nlohmann::json w = bench::bench_wave2(wave2_dir, wave2_rows, runs, error, wave2_only);
    if (!error.empty()) {
      std::cerr << error << "\n";
      return 1;
    }
    out["wave2"] = w;
  }
  if (!json_path.empty()) std::ofstream(json_path) << out.dump(2) << "\n";
  return 0;
}
