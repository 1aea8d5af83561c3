// Shared libFuzzer driver for the readers: reads the input whole and in small chunks (differential check:
// the incremental reader must give the same result for any chunking), renders the inspect JSON, and checks
// table invariants. Any crash, sanitizer report or abort() is a finding.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/reader.h"

namespace zicht_fuzz {

using namespace zicht::core;

inline ReadResult read_chunks(const uint8_t* d, size_t n, size_t step, const ReadOptions& o) {
  ReadResult res;
  IncrementalReader r("fuzz.in", o);
  r.set_total_bytes(n);
  for (size_t off = 0; off < n; off += step)
    if (!r.feed(d + off, step < n - off ? step : n - off).ok()) break;
  res.status = r.finish();
  res.report = r.report();
  if (res.status.ok()) res.table = r.take_table();
  return res;
}

inline void check_invariants(const ReadResult& r) {
  if (!r.ok()) {
    if (r.status.message.empty()) std::abort();
    return;
  }
  const Table& t = r.table;
  if (t.cols() != r.report.columns.size()) std::abort();
  for (const Column& c : t.columns) {
    if (c.size() != t.rows()) std::abort();
    switch (c.type) {
      case ColumnType::Integer: if (c.ints.size() != t.rows()) std::abort(); break;
      case ColumnType::Decimal: if (c.reals.size() != t.rows()) std::abort(); break;
      case ColumnType::Date: if (c.days.size() != t.rows()) std::abort(); break;
      case ColumnType::Boolean: if (c.bools.size() != t.rows()) std::abort(); break;
      default:
        if (c.codes.size() != t.rows()) std::abort();
        for (uint32_t k : c.codes) if (k >= c.dict.size()) std::abort();
    }
    for (size_t i = 0; i < t.rows() && i < 50; ++i) (void)c.raw_text(i);
  }
  for (size_t i = 1; i < t.rows(); ++i)
    if (t.row_number[i] <= t.row_number[i - 1]) std::abort();
}

inline bool same(const ReadResult& a, const ReadResult& b) {
  if (a.status.code != b.status.code) return false;
  if (!a.ok()) return true;
  if (a.table.rows() != b.table.rows() || a.table.cols() != b.table.cols()) return false;
  if (a.table.row_number != b.table.row_number) return false;
  for (size_t j = 0; j < a.table.cols(); ++j) {
    const Column &x = a.table.columns[j], &y = b.table.columns[j];
    if (x.name != y.name || x.type != y.type || x.state != y.state) return false;
    for (size_t i = 0; i < a.table.rows(); ++i)
      if (x.raw_text(i) != y.raw_text(i)) return false;
  }
  return a.report.flags_total == b.report.flags_total;
}

inline int run_one(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // First byte: options (chunk size, sniff sample size, encoding override).
  uint8_t ctl = data[0];
  ++data;
  --size;
  ReadOptions o;
  o.sniff_bytes = (ctl & 1) ? 64 : 4096;
  o.max_columns = 256;  // wide inputs are covered by the nasty tests; keeps CI fast
  o.max_json_depth = 64;
  if ((ctl >> 1 & 7) == 7) o.encoding = Encoding::Windows1252;
  if ((ctl >> 1 & 7) == 6) o.encoding = Encoding::Utf16LE;
  if ((ctl >> 4 & 3) == 3) o.header = false;
  size_t step = 1 + (ctl >> 6) * 5;
  ReadResult whole = read_chunks(data, size, size + 1, o);
  check_invariants(whole);
  std::string js = inspect_json(whole).dump();
  if (js.empty()) std::abort();
  ReadResult parts = read_chunks(data, size, step, o);
  check_invariants(parts);
  if (!same(whole, parts)) {
    std::fprintf(stderr, "chunked (step %zu) and whole reads differ: %s | %s\n", step, whole.status.message.c_str(),
                 parts.status.message.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace zicht_fuzz
