#pragma once
// Zicht — installs the browser's wasm SIMD CSV kernel (web/csv_kernel.c → csv_kernel.wasm) into a table slot of this
// module. Header-only so that the app (ui/app.cpp), the benchmark module (bench/wasm) and the wasm unit test of the
// index share it; the caller passes core::csv_index::wasm_slot() and, when this returns true, installs that slot as
// the core's kernel (core::csv_index::set_kernel). The page puts the kernel's bytes in the global
// `zichtCsvKernelBytes`; the kernel is used only when the browser validates them (it supports wasm SIMD: detected
// here, at start-up), instantiated with this module's memory. Without SIMD nothing changes: the scanner goes byte by
// byte, and the slot keeps its own scalar function.
#include <cstdint>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace zicht::platform {

// slot: the function-table index of a function of type uint32_t(const uint8_t*, uint32_t, uint32_t, uint32_t*).
inline bool install_csv_kernel(uintptr_t slot) {
#ifdef __EMSCRIPTEN__
  // Any failure (no SIMD, a browser refusing the module or the table entry) leaves the scalar scanner in place.
  return EM_ASM_INT({
    try {
      var bytes = typeof zichtCsvKernelBytes !== 'undefined' ? zichtCsvKernelBytes : null;
      if (!bytes || !WebAssembly.validate(bytes)) return 0;
      var kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), {env: {memory: wasmMemory}});
      wasmTable.set($0, kernel.exports.zicht_csv_index);
      return 1;
    } catch (e) {
      return 0;
    }
  }, static_cast<int>(slot)) != 0;
#else
  (void)slot;
  return false;
#endif
}

}  // namespace zicht::platform
