// Zicht core — the CSV index (csv_index.h): the scalar loop, the native SSE2 loop (the same loop as the browser's wasm
// SIMD kernel, src/core/csv_index_loop.h) and the kernel the scanner uses.
#include "core/csv_index.h"

#include <cstdint>

#if defined(__SSE2__) && !defined(__EMSCRIPTEN__)
#include <emmintrin.h>
#define ZICHT_CSV_INDEX_SSE2 1
#endif

namespace zicht::core::csv_index {

uint32_t scalar(const uint8_t* p, uint32_t n, uint32_t chars, uint32_t* out) {
  const uint8_t c0 = uint8_t(chars), c1 = uint8_t(chars >> 8), c2 = uint8_t(chars >> 16), c3 = uint8_t(chars >> 24);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint8_t c = p[i];
    out[k] = i;
    k += (c == c0) | (c == c1) | (c == c2) | (c == c3);
  }
  return k;
}

#ifdef ZICHT_CSV_INDEX_SSE2
namespace {
using ZV = __m128i;
inline ZV zv_load(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline ZV zv_splat(unsigned char c) { return _mm_set1_epi8(char(c)); }
inline ZV zv_eq(ZV a, ZV b) { return _mm_cmpeq_epi8(a, b); }
inline ZV zv_or(ZV a, ZV b) { return _mm_or_si128(a, b); }
inline unsigned zv_mask(ZV v) { return unsigned(_mm_movemask_epi8(v)); }
#define ZV_CTZ(x) __builtin_ctz(x)
#include "core/csv_index_loop.h"
#undef ZV_CTZ
uint32_t sse2(const uint8_t* p, uint32_t n, uint32_t chars, uint32_t* out) {
  return zicht_csv_index_loop(p, n, chars, out);
}
}  // namespace
IndexFn native_simd() { return &sse2; }
#else
IndexFn native_simd() { return nullptr; }
#endif

namespace {
// Counts its calls so that its body differs from scalar's: the optimiser must not merge the two functions (their
// table slots would merge too, and installing the kernel would replace the scalar loop's entry).
uint64_t g_slot_calls = 0;
uint32_t slot(const uint8_t* p, uint32_t n, uint32_t chars, uint32_t* out) {
  ++g_slot_calls;
  return scalar(p, n, chars, out);
}
IndexFn g_installed = nullptr;
const char* g_installed_name = "";
bool g_native = true;
}  // namespace

IndexFn kernel() {
  if (g_installed) return g_installed;
  if (g_native && native_simd()) return native_simd();
  return &scalar;
}

const char* kernel_name() {
  const IndexFn k = kernel();
  return k == g_installed ? g_installed_name : k == &scalar ? "scalar" : "sse2";
}

void set_kernel(IndexFn fn, const char* name) {
  g_installed = fn;
  g_installed_name = fn && name ? name : "";
}

void use_native_simd(bool use_native) { g_native = use_native; }

IndexFn wasm_slot() { return &slot; }

bool install_wasm_kernel(bool (*install)(uintptr_t slot)) {
  if (!install || !install(reinterpret_cast<uintptr_t>(&slot))) return false;
  set_kernel(&slot, "wasm-simd128");
  return true;
}

}  // namespace zicht::core::csv_index
