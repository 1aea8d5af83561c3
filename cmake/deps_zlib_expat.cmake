# zlib (inflate) and expat (streaming XML) for the workbook readers, as two targets any part of the build can link:
#   zicht_zlib, zicht_expat
# Natively: Debian's zlib1g-dev and libexpat1-dev. Under Emscripten: the same versions compiled from Debian's source
# packages, unpacked by scripts/install-deps.sh into the git-ignored third_party/zlib and third_party/expat
# (Emscripten's own zlib "port" would be downloaded at build time, which fails here).
include_guard(GLOBAL)

if(NOT EMSCRIPTEN)
  find_package(ZLIB REQUIRED)
  find_package(EXPAT REQUIRED)
  add_library(zicht_zlib INTERFACE)
  target_link_libraries(zicht_zlib INTERFACE ZLIB::ZLIB)
  add_library(zicht_expat INTERFACE)
  target_link_libraries(zicht_expat INTERFACE EXPAT::EXPAT)
  return()
endif()

set(ZICHT_ZLIB_DIR ${CMAKE_SOURCE_DIR}/third_party/zlib)
set(ZICHT_EXPAT_DIR ${CMAKE_SOURCE_DIR}/third_party/expat)
if(NOT EXISTS ${ZICHT_ZLIB_DIR}/inflate.c OR NOT EXISTS ${ZICHT_EXPAT_DIR}/lib/xmlparse.c)
  message(FATAL_ERROR "third_party/zlib or third_party/expat is missing: run scripts/install-deps.sh")
endif()

set(ZICHT_ZLIB_SOURCES adler32.c compress.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c
    uncompr.c zutil.c)
list(TRANSFORM ZICHT_ZLIB_SOURCES PREPEND ${ZICHT_ZLIB_DIR}/)
add_library(zicht_zlib STATIC ${ZICHT_ZLIB_SOURCES})
target_include_directories(zicht_zlib SYSTEM PUBLIC ${ZICHT_ZLIB_DIR})
target_compile_definitions(zicht_zlib PRIVATE HAVE_UNISTD_H HAVE_STDARG_H)
target_compile_options(zicht_zlib PRIVATE -O2 -w)

# expat's configure step would write expat_config.h; these are the answers for wasm32 (little-endian, libc with
# memmove and getentropy via arc4random_buf-free fallback). No DTD support (XML_DTD): the readers refuse any DOCTYPE
# at its start (src/core/xml_sax.cpp), so parameter entities and the entity-amplification accounting that XML_DTD
# brings would never act, and that accounting ran on every token (~6 % of reading an .xlsx in the browser).
set(ZICHT_EXPAT_CONFIG_DIR ${CMAKE_BINARY_DIR}/generated/expat)
file(MAKE_DIRECTORY ${ZICHT_EXPAT_CONFIG_DIR})
file(WRITE ${ZICHT_EXPAT_CONFIG_DIR}/expat_config.h.tmp
"#ifndef EXPAT_CONFIG_H\n#define EXPAT_CONFIG_H 1\n#define BYTEORDER 1234\n#define HAVE_MEMMOVE 1\n#define HAVE_STDINT_H 1\n\
#define HAVE_STDLIB_H 1\n#define HAVE_STRING_H 1\n#define HAVE_UNISTD_H 1\n#define HAVE_FCNTL_H 1\n#define STDC_HEADERS 1\n\
#define XML_CONTEXT_BYTES 1024\n#define XML_NS 1\n#define XML_DEV_URANDOM 1\n\
#define PACKAGE_NAME \"expat\"\n#endif\n")
file(COPY_FILE ${ZICHT_EXPAT_CONFIG_DIR}/expat_config.h.tmp ${ZICHT_EXPAT_CONFIG_DIR}/expat_config.h ONLY_IF_DIFFERENT)
add_library(zicht_expat STATIC ${ZICHT_EXPAT_DIR}/lib/xmlparse.c ${ZICHT_EXPAT_DIR}/lib/xmlrole.c
            ${ZICHT_EXPAT_DIR}/lib/xmltok.c)
target_include_directories(zicht_expat SYSTEM PUBLIC ${ZICHT_EXPAT_DIR}/lib)
target_include_directories(zicht_expat PRIVATE ${ZICHT_EXPAT_CONFIG_DIR})
target_compile_definitions(zicht_expat PRIVATE HAVE_EXPAT_CONFIG_H XML_STATIC)
target_compile_definitions(zicht_expat PUBLIC XML_STATIC)
target_compile_options(zicht_expat PRIVATE -O2 -w)
