// The CSV index (src/core/csv_index.h): the SIMD kernel and the scalar loop give the same offsets, and the reader
// gives the same table, report and flags whichever it uses. Natively the kernel is the SSE2 loop; in the wasm build
// (under Node) it is the real browser kernel, web/csv_kernel.wasm, installed the way the app installs it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/csv_index.h"
#include "core/reader.h"
#include "test_core_helpers.h"

#ifdef __EMSCRIPTEN__
#include "platform/csv_kernel_web.h"
#endif

using namespace zicht::core;
using zicht_test::read_chunked;

namespace {

// The SIMD kernel of this build: the wasm module under Node, SSE2 natively. Null when the host has none.
csv_index::IndexFn simd_kernel() {
#ifdef __EMSCRIPTEN__
  static bool installed = [] {
    EM_ASM({ globalThis.zichtCsvKernelBytes = require('fs').readFileSync(UTF8ToString($0)); }, ZICHT_CSV_KERNEL_WASM);
    return csv_index::install_wasm_kernel(&zicht::platform::install_csv_kernel);
  }();
  return installed ? csv_index::wasm_slot() : nullptr;
#else
  return csv_index::native_simd();
#endif
}

std::vector<uint32_t> run(csv_index::IndexFn f, const std::string& s, uint32_t chars) {
  std::vector<uint32_t> out(s.size() + 1, 0xFFFFFFFFu);
  const uint32_t k = f(reinterpret_cast<const uint8_t*>(s.data()), uint32_t(s.size()), chars, out.data());
  out.resize(k);
  return out;
}

// Random text over an alphabet heavy in the structural bytes, with bytes >= 0x80 and NUL among them.
std::string random_text(std::mt19937& rng, size_t n) {
  static const char alphabet[] = {';', ',', '"', '\r', '\n', 'a', 'b', '1', ' ', '\t', '\'', '\0', char(0xC3),
                                  char(0xA9), char(0xFF), char(0x80), 'x', 'y', '.', '-'};
  std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 1);
  std::string s(n, ' ');
  for (auto& c : s) c = alphabet[pick(rng)];
  return s;
}

// A CSV with quoted fields (delimiters, doubled quotes, line ends inside), stray quotes, CR, LF and CRLF, ragged
// rows, blank lines; sized to cross the index's 64 KiB blocks.
std::string random_csv(std::mt19937& rng, size_t bytes, char d) {
  std::string s = std::string("id") + d + "naam" + d + "datum" + d + "bedrag\r\n";
  std::uniform_int_distribution<int> r(0, 99);
  int row = 0;
  while (s.size() < bytes) {
    const int fields = r(rng) < 5 ? 3 : r(rng) < 5 ? 6 : 4;
    for (int f = 0; f < fields; ++f) {
      if (f) s += d;
      const int k = r(rng);
      if (k < 15) s += "\"" + std::string("a") + d + "b \"\"c\"\"\r\nd\"";
      else if (k < 18) s += "ab\"c";                  // a quote inside an unquoted field: literal
      else if (k < 20) s += "\"open\"x";              // text after a closing quote: stray
      else if (k < 30) s += "";
      else if (k < 60) s += std::to_string(row * 7 + f);
      else if (k < 80) s += "01/0" + std::to_string(1 + r(rng) % 9) + "/2023";
      else s += "12,5 \xC3\xA9t\xC3\xA9";
    }
    const int e = r(rng);
    s += e < 70 ? "\r\n" : e < 90 ? "\n" : e < 97 ? "\r" : "\r\n\r\n";
    ++row;
  }
  return s;
}

// Everything a user could see of a read: the report as inspect JSON, and every cell's text and row number.
std::string fingerprint(const ReadResult& r) {
  std::string out = r.status.ok() ? "ok\n" : "error " + r.status.message + "\n";
  nlohmann::json j = inspect_json(r);
  out += j.dump() + "\n";
  out += "rows " + std::to_string(r.report.rows_in) + " flags " + std::to_string(r.report.flags_total) + "\n";
  for (const auto& f : r.report.flags) out += std::to_string(f.row) + "|" + f.column + "|" + f.value + "|" + f.rule + "\n";
  for (size_t c = 0; c < r.table.cols(); ++c) {
    const auto& col = r.table.columns[c];
    for (size_t i = 0; i < col.size(); ++i) out += col.raw_text(i) + '\x1f';
    out += '\n';
  }
  for (int64_t n : r.table.row_number) out += std::to_string(n) + ',';
  return out;
}

ReadResult read_with(bool simd, const std::string& s, size_t step) {
  if (simd) csv_index::set_kernel(simd_kernel(), "test-simd");
  else csv_index::set_kernel(nullptr, nullptr);
  csv_index::use_native_simd(simd);
  ReadResult r = read_chunked(s, step);
  csv_index::set_kernel(nullptr, nullptr);
  csv_index::use_native_simd(true);
  return r;
}

}  // namespace

TEST_CASE("csv index: the offsets of the structural bytes, scalar loop by hand") {
  const std::string s = "a;b\"c\r\nd;;\"\"e\n";
  const auto got = run(&csv_index::scalar, s, csv_index::pack(';', '"', '\n', '\r'));
  CHECK(got == std::vector<uint32_t>{1, 3, 5, 6, 8, 9, 10, 11, 13});
  CHECK(run(&csv_index::scalar, "", csv_index::pack(';', '"', '\n', '\r')).empty());
  CHECK(run(&csv_index::scalar, "abcdefghijklmnopqrstuvwxyz", csv_index::pack(';', '"', '\n', '\r')).empty());
}

TEST_CASE("csv index: the SIMD kernel of this build gives the scalar loop's offsets") {
  const csv_index::IndexFn simd = simd_kernel();
#ifdef __EMSCRIPTEN__
  REQUIRE(simd != nullptr);  // Node has wasm SIMD: the browser kernel itself is under test
#else
#if defined(__SSE2__)
  REQUIRE(simd != nullptr);
#endif
#endif
  if (!simd) return;
  std::mt19937 rng(24);
  const uint32_t sets[] = {csv_index::pack(';', '"', '\n', '\r'), csv_index::pack(',', '"', '\n', '\r'),
                           csv_index::pack('\t', '\'', '\n', '\r'), csv_index::pack('\0', char(0xFF), '\n', '\r')};
  size_t compared = 0, found = 0;
  for (size_t n = 0; n <= 300; ++n)
    for (uint32_t chars : sets) {
      const std::string s = random_text(rng, n);
      const auto a = run(&csv_index::scalar, s, chars), b = run(simd, s, chars);
      REQUIRE(a == b);
      ++compared;
      found += a.size();
    }
  // Large blocks, and every alignment of the start within 16 bytes.
  const std::string big = random_text(rng, 70000);
  for (size_t off = 0; off < 17; ++off) {
    const std::string s = big.substr(off);
    REQUIRE(run(&csv_index::scalar, s, sets[0]) == run(simd, s, sets[0]));
    ++compared;
  }
  CHECK(compared == 301 * 4 + 17);
  CHECK(found > 10000);  // the texts really are full of structural bytes
}

TEST_CASE("csv index: the reader gives the same table, report and flags with and without SIMD") {
  std::mt19937 rng(2023);
  int files = 0;
  for (const char d : {';', ','}) {
    for (const size_t bytes : {size_t(200), size_t(5000), size_t(150000)}) {
      const std::string csv = random_csv(rng, bytes, d);
      for (const size_t step : {size_t(1), size_t(7), size_t(4096), size_t(1) << 20}) {
        if (step == 1 && bytes > 5000) continue;
        const ReadResult a = read_with(false, csv, step), b = read_with(true, csv, step);
        REQUIRE(a.ok());
        REQUIRE(fingerprint(a) == fingerprint(b));
        ++files;
      }
      // The file read is not trivial: quoted line ends, stray quotes and ragged rows are all in it.
      const ReadResult r = read_with(true, csv, 4096);
      CHECK(r.report.rows_in > 0);
      if (bytes >= 5000) {
        CHECK(r.report.flags_by_rule.count("stray_quote") == 1);
        CHECK(r.report.flags_total > 0);
      }
    }
  }
  CHECK(files == 2 * (2 * 4 + 3));
}

TEST_CASE("csv index: a quoted field with delimiters and line ends spanning index blocks and chunks") {
  // One field of 200,000 bytes with ';', CRLF and doubled quotes inside, between two plain rows.
  std::string inner;
  for (int i = 0; i < 20000; ++i) inner += i % 3 ? "ab;\"\"c\r\n" : "xyz;12,5";
  const std::string csv = "a;b\r\n1;\"" + inner + "\"\r\n2;z\r\n";
  for (const size_t step : {size_t(65536), size_t(1000), size_t(1) << 20}) {
    const ReadResult a = read_with(false, csv, step), b = read_with(true, csv, step);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a.report.rows_in == 2);
    REQUIRE(fingerprint(a) == fingerprint(b));
    const Column* col = b.table.find("b");
    REQUIRE(col != nullptr);
    std::string expect;
    for (int i = 0; i < 20000; ++i) expect += i % 3 ? "ab;\"c\r\n" : "xyz;12,5";
    CHECK(col->raw_text(0) == expect);
    CHECK(col->raw_text(1) == "z");
  }
}
