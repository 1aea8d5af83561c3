# libfreexl (.xls, Excel 97–2003 BIFF; src/core/xls_reader.cpp). Natively: the Debian package libfreexl-dev (1.0.6).
# In the browser build: the same version compiled with emcc from Debian's source package, unpacked by
# scripts/install-deps.sh into the git-ignored third_party/freexl; iconv comes from Emscripten's libc. When the sources
# are missing, .xls is left out (ZICHT_NO_FREEXL) and the reader says so (reader.error.xls_unavailable).
if(EMSCRIPTEN)
  set(ZICHT_FREEXL_DIR ${CMAKE_SOURCE_DIR}/third_party/freexl)
  if(EXISTS ${ZICHT_FREEXL_DIR}/src/freexl.c)
    # freexl's configure step would write config.h; only these answers are read by freexl.c (wasm32, Emscripten libc).
    set(ZICHT_FREEXL_CONFIG_DIR ${CMAKE_BINARY_DIR}/freexl_config)
    file(MAKE_DIRECTORY ${ZICHT_FREEXL_CONFIG_DIR})
    file(WRITE ${ZICHT_FREEXL_CONFIG_DIR}/config.h.tmp
         "#define HAVE_ICONV_H 1\n#define HAVE_MATH_H 1\n#define HAVE_STDINT_H 1\n#define HAVE_STDIO_H 1\n"
         "#define HAVE_STDLIB_H 1\n#define HAVE_STRING_H 1\n#define HAVE_UNISTD_H 1\n"
         "#define PACKAGE_VERSION \"1.0.6\"\n#define VERSION \"1.0.6\"\n")
    file(COPY_FILE ${ZICHT_FREEXL_CONFIG_DIR}/config.h.tmp ${ZICHT_FREEXL_CONFIG_DIR}/config.h ONLY_IF_DIFFERENT)
    add_library(zicht_freexl STATIC ${ZICHT_FREEXL_DIR}/src/freexl.c)
    target_include_directories(zicht_freexl PRIVATE ${ZICHT_FREEXL_CONFIG_DIR})
    target_include_directories(zicht_freexl SYSTEM PUBLIC ${ZICHT_FREEXL_DIR}/headers)
    target_compile_options(zicht_freexl PRIVATE -w ${ZICHT_EM_FLAGS})
    target_link_libraries(zicht_lib PUBLIC zicht_freexl)
  else()
    message(WARNING "third_party/freexl missing (scripts/install-deps.sh could not fetch Debian's freexl source "
                    "package): the browser build reads no .xls files")
    target_compile_definitions(zicht_lib PRIVATE ZICHT_NO_FREEXL)
  endif()
else()
  find_library(ZICHT_FREEXL_LIB freexl)
  find_path(ZICHT_FREEXL_INC freexl.h)
  if(NOT ZICHT_FREEXL_LIB OR NOT ZICHT_FREEXL_INC)
    message(FATAL_ERROR "libfreexl missing: run scripts/install-deps.sh (libfreexl-dev)")
  endif()
  target_link_libraries(zicht_lib PUBLIC ${ZICHT_FREEXL_LIB})
endif()
