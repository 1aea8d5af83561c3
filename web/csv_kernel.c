// Zicht — the browser's CSV index kernel: wasm SIMD (128-bit), a module of its own (web/csv_kernel.wasm, ~300 bytes)
// so that the app itself needs no SIMD. web/shell.html instantiates it with the app's memory when the browser
// validates it (SIMD supported) and hands it to the core (core::csv_index::set_kernel); otherwise the core's scalar
// loop runs. Built with clang --target=wasm32 -msimd128 -nostdlib, memory imported; no data, no stack (checked by
// web/check_kernel.mjs at build time), so it writes nothing but `out`.
#include <wasm_simd128.h>

typedef v128_t ZV;
#define zv_load(p) wasm_v128_load(p)
#define zv_splat(c) wasm_i8x16_splat((char)(c))
#define zv_eq(a, b) wasm_i8x16_eq(a, b)
#define zv_or(a, b) wasm_v128_or(a, b)
#define zv_mask(v) ((unsigned)wasm_i8x16_bitmask(v))
#define ZV_CTZ(x) __builtin_ctz(x)
#include "../src/core/csv_index_loop.h"

__attribute__((export_name("zicht_csv_index"))) unsigned zicht_csv_index(const unsigned char* p, unsigned n,
                                                                        unsigned chars, unsigned* out) {
  return zicht_csv_index_loop(p, n, chars, out);
}
