#pragma once
// Zicht core — the CSV index: where the structural bytes (delimiter, quote, line ends) of a block of text are. The
// CSV scanner (csv_scanner.cpp) jumps from one to the next instead of testing every byte.
//
// Two ways to find them, one result (tests/core/test_core_csv_index.cpp compares them on random and hostile text):
//   scalar       a byte loop (every host)
//   the kernel   16 bytes at a time with 128-bit SIMD (src/core/csv_index_loop.h): natively SSE2 on x86-64; in the
//                browser web/csv_kernel.wasm, a separate wasm-SIMD module the page installs with set_kernel() when
//                the browser supports SIMD (detected at start-up), so the app itself runs without SIMD.
#include <cstddef>
#include <cstdint>

namespace zicht::core::csv_index {

// Offsets (from p) of every byte of p[0..n) equal to one of the four bytes packed in `chars` (bits 0–7, 8–15,
// 16–23, 24–31), in order, into out (room for n entries); returns how many.
using IndexFn = uint32_t (*)(const uint8_t* p, uint32_t n, uint32_t chars, uint32_t* out);

uint32_t scalar(const uint8_t* p, uint32_t n, uint32_t chars, uint32_t* out);
// The native SIMD loop, or nullptr when this build has none (wasm: the kernel is a separate module).
IndexFn native_simd();

// The kernel the scanner uses: the installed one, else native_simd(), else scalar. `name` says which ("wasm-simd128",
// "sse2", "scalar") for reports and the benchmark.
IndexFn kernel();
const char* kernel_name();
// Installs a kernel (the browser's wasm SIMD module, see web/shell.html); nullptr goes back to the default.
// `use_native = false` makes the default scalar (tests, the benchmark's scalar side).
void set_kernel(IndexFn fn, const char* name);
void use_native_simd(bool use_native);
// The browser build's table slot for the wasm SIMD kernel (src/platform/csv_kernel_web.h replaces its entry); the
// function itself is the scalar loop, so the slot is correct whether or not the kernel was installed.
IndexFn wasm_slot();
// Hands the slot to `install` (the page's glue, platform/csv_kernel_web.h) and, when it put the wasm SIMD kernel
// there, makes the slot the kernel ("wasm-simd128"). Returns whether it did.
bool install_wasm_kernel(bool (*install)(uintptr_t slot));

inline uint32_t pack(char a, char b, char c, char d) {
  return uint32_t(uint8_t(a)) | uint32_t(uint8_t(b)) << 8 | uint32_t(uint8_t(c)) << 16 | uint32_t(uint8_t(d)) << 24;
}

}  // namespace zicht::core::csv_index
