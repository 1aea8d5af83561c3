// The Zicht side of the browser benchmark (bench/browser): a small wasm module, separate from the app, that takes
// CSV bytes to a typed table (core reader), maps it as a Binc module file and computes every Binc result — the
// same path the app takes when a file is opened on the Binc page. Each call returns JSON with the phase timings,
// the row count and the numbers the peers must reproduce (bench/bench_checks.h).
//
// Two ways in, both measured by bench.mjs:
//   zicht_bench_run(ptr, len)                  the whole file already copied into wasm memory (one malloc)
//   zicht_bench_begin(total) / zicht_bench_feed(ptr, n) ... / zicht_bench_end(sha256)
//                                              fed in chunks through one small reusable buffer, as the app reads a
//                                              file: the raw bytes never sit in wasm memory as a whole; and as in
//                                              the app, the page computes the file's SHA-256 with WebCrypto
//                                              meanwhile and hands it over at the end
#include <emscripten/emscripten.h>

#include <chrono>
#include <memory>
#include <string>

#include "analysis/binc.h"
#include "bench_checks.h"
#include "core/mapped_dataset.h"
#include "core/reader.h"
#include "core/csv_index.h"
#include "core/schema.h"
#include "platform/csv_kernel_web.h"

using namespace zicht;

namespace {

std::string g_out;
std::unique_ptr<core::IncrementalReader> g_reader;
double g_feed_ms = 0;

// The wasm SIMD CSV kernel, as the app installs it at start-up (src/platform/csv_kernel_web.h): the page sets
// zichtCsvKernelBytes, or leaves it null for the scalar side. Once per instance (the benchmark makes one per run).
void install_kernel_once() {
  static bool done = false;
  if (!done) core::csv_index::install_wasm_kernel(&platform::install_csv_kernel);
  done = true;
}

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Everything after the reader: map, analyse, report. `read` is released before returning.
const char* analyse(core::ReadResult read, double parse_ms) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!read.ok()) {
    j["ok"] = false;
    j["error"] = read.status.message;
    g_out = j.dump();
    return g_out.c_str();
  }
  double t0 = now_ms();
  const core::Schema* schema = core::find_schema("binc");
  core::MappedDataset mods = core::map_file(read, *schema, {}, "modules");
  double t1 = now_ms();
  if (!mods.mapping.ok()) {
    j["ok"] = false;
    j["error"] = "binc mapping failed";
    g_out = j.dump();
    return g_out.c_str();
  }
  std::vector<analysis::Result> results = analysis::binc::results(mods, nullptr, analysis::binc::Options{});
  double t2 = now_ms();
  j["ok"] = true;
  j["csv_kernel"] = core::csv_index::kernel_name();
  j["rows"] = read.report.rows_in;
  j["columns"] = read.table.cols();
  j["table_bytes"] = read.table.memory_bytes();
  j["as_of"] = core::format_iso_date(mods.as_of);
  j["sha256"] = read.report.sha256;
  j["parse_ms"] = parse_ms;
  j["map_ms"] = t1 - t0;
  j["results_ms"] = t2 - t1;
  j["n_results"] = results.size();
  j["checks"] = bench::checks(results);
  g_out = j.dump();
  return g_out.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* zicht_bench_run(const uint8_t* ptr, size_t len) {
  install_kernel_once();
  double t0 = now_ms();
  core::ReadResult read = core::read_bytes("modules.csv", ptr, len);
  return analyse(std::move(read), now_ms() - t0);
}

EMSCRIPTEN_KEEPALIVE void zicht_bench_begin(double total) {
  install_kernel_once();
  core::ReadOptions options;
  options.compute_sha256 = false;
  g_reader = std::make_unique<core::IncrementalReader>("modules.csv", options);
  g_reader->set_total_bytes(uint64_t(total));
  g_feed_ms = 0;
}

EMSCRIPTEN_KEEPALIVE int zicht_bench_feed(const uint8_t* ptr, size_t n) {
  double t0 = now_ms();
  const bool ok = g_reader->feed(ptr, n).ok();
  g_feed_ms += now_ms() - t0;
  return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* zicht_bench_end(const char* sha256) {
  double t0 = now_ms();
  g_reader->set_sha256(sha256);
  core::ReadResult read;
  read.status = g_reader->finish();
  if (!g_reader->status().ok()) read.status = g_reader->status();
  read.report = g_reader->report();
  if (read.status.ok()) read.table = g_reader->take_table();
  g_reader.reset();
  return analyse(std::move(read), g_feed_ms + now_ms() - t0);
}

}  // extern "C"
