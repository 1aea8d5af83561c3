# The browser's CSV index kernel (web/csv_kernel.c → csv_kernel.wasm): wasm SIMD in a module of its own, so the app
# needs no SIMD and falls back to the scalar scanner where the browser has none (src/platform/csv_kernel_web.h).
# Built with Debian's clang-14 and wasm-ld (lld-14) (the compilers Emscripten itself uses), no C library, memory imported from
# the app; web/check_kernel.mjs refuses a kernel with data, globals or anything but one memory import and one export.
find_program(ZICHT_WASM_CLANG NAMES clang-14 clang PATHS /usr/lib/llvm-14/bin NO_DEFAULT_PATH)
find_program(ZICHT_WASM_CLANG NAMES clang-14 clang)
find_program(ZICHT_NODE NAMES node nodejs REQUIRED)
find_program(ZICHT_WASM_LD NAMES wasm-ld-14 wasm-ld PATHS /usr/lib/llvm-14/bin)
find_program(ZICHT_WASM_OPT NAMES wasm-opt)
if(NOT ZICHT_WASM_CLANG OR NOT ZICHT_WASM_LD OR NOT ZICHT_WASM_OPT)
  message(FATAL_ERROR "clang-14, wasm-ld or wasm-opt missing: run scripts/install-deps.sh (clang-14, lld-14, binaryen)")
endif()
set(ZICHT_CSV_KERNEL ${CMAKE_BINARY_DIR}/csv_kernel.wasm)
add_custom_command(OUTPUT ${ZICHT_CSV_KERNEL}
  # Compiled, linked and optimised in three steps: the clang driver would run any wasm-opt on PATH after linking,
  # without SIMD enabled; wasm-opt (binaryen, as Emscripten uses) drops the linker's unused stack-pointer global.
  COMMAND ${ZICHT_WASM_CLANG} --target=wasm32 -O3 -msimd128 -fno-builtin -c -o ${ZICHT_CSV_KERNEL}.o
          ${CMAKE_SOURCE_DIR}/web/csv_kernel.c
  COMMAND ${ZICHT_WASM_LD} --no-entry --import-memory -z stack-size=0 --strip-all -o ${ZICHT_CSV_KERNEL}.ld
          ${ZICHT_CSV_KERNEL}.o
  COMMAND ${ZICHT_WASM_OPT} --enable-simd -O3 ${ZICHT_CSV_KERNEL}.ld -o ${ZICHT_CSV_KERNEL}.tmp
  COMMAND ${ZICHT_NODE} ${CMAKE_SOURCE_DIR}/web/check_kernel.mjs ${ZICHT_CSV_KERNEL}.tmp
  COMMAND ${CMAKE_COMMAND} -E rename ${ZICHT_CSV_KERNEL}.tmp ${ZICHT_CSV_KERNEL}
  DEPENDS ${CMAKE_SOURCE_DIR}/web/csv_kernel.c ${CMAKE_SOURCE_DIR}/src/core/csv_index_loop.h
          ${CMAKE_SOURCE_DIR}/web/check_kernel.mjs
  COMMENT "Building the wasm SIMD CSV kernel" VERBATIM)
add_custom_target(zicht_csv_kernel ALL DEPENDS ${ZICHT_CSV_KERNEL})
