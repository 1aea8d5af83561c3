# ReadStat (SPSS .sav/.zsav/.por, Stata .dta, SAS .sas7bdat/.xpt; src/core/stat_reader.cpp).
# Natively: the Debian package libreadstat-dev (1.1.8). In the browser build: the same version compiled with emcc from
# Debian's source package (trixie's 1.1.9: bookworm's files are gone from the mirror), unpacked and checked by
# scripts/install-deps.sh into the git-ignored third_party/readstat, with zicht_zlib for .zsav. When the sources are
# missing, every statistical format is left out (ZICHT_NO_READSTAT) and the reader says so.
if(EMSCRIPTEN)
  set(ZICHT_READSTAT_DIR ${CMAKE_SOURCE_DIR}/third_party/readstat)
  if(EXISTS ${ZICHT_READSTAT_DIR}/src/readstat_parser.c)
    set(rs ${ZICHT_READSTAT_DIR}/src)
    # The readers (and the writer core their decompression shares): no text/command-file schemas.
    add_library(zicht_readstat STATIC
      ${rs}/CKHashTable.c ${rs}/readstat_bits.c ${rs}/readstat_convert.c ${rs}/readstat_error.c
      ${rs}/readstat_io_unistd.c ${rs}/readstat_malloc.c ${rs}/readstat_metadata.c ${rs}/readstat_parser.c
      ${rs}/readstat_value.c ${rs}/readstat_variable.c ${rs}/readstat_writer.c
      ${rs}/sas/ieee.c ${rs}/sas/readstat_sas.c ${rs}/sas/readstat_sas7bdat_read.c ${rs}/sas/readstat_sas_rle.c
      ${rs}/sas/readstat_xport.c ${rs}/sas/readstat_xport_read.c ${rs}/sas/readstat_xport_parse_format.c
      ${rs}/spss/readstat_por.c ${rs}/spss/readstat_por_parse.c ${rs}/spss/readstat_por_read.c
      ${rs}/spss/readstat_sav.c ${rs}/spss/readstat_sav_compress.c ${rs}/spss/readstat_sav_parse.c
      ${rs}/spss/readstat_sav_parse_timestamp.c ${rs}/spss/readstat_sav_read.c ${rs}/spss/readstat_spss.c
      ${rs}/spss/readstat_spss_parse.c ${rs}/spss/readstat_zsav_read.c ${rs}/spss/readstat_zsav_compress.c
      ${rs}/stata/readstat_dta.c ${rs}/stata/readstat_dta_parse_timestamp.c ${rs}/stata/readstat_dta_read.c)
    target_include_directories(zicht_readstat SYSTEM PUBLIC ${rs})
    target_compile_definitions(zicht_readstat PRIVATE HAVE_ZLIB=1)
    target_link_libraries(zicht_readstat PUBLIC zicht_zlib)
    target_compile_options(zicht_readstat PRIVATE -w ${ZICHT_EM_FLAGS})
    target_link_libraries(zicht_lib PUBLIC zicht_readstat)
  else()
    message(WARNING "third_party/readstat missing (scripts/install-deps.sh could not fetch Debian's readstat source "
                    "package): the browser build reads no SPSS, Stata or SAS files")
    target_compile_definitions(zicht_lib PRIVATE ZICHT_NO_READSTAT)
  endif()
else()
  find_library(ZICHT_READSTAT_LIB readstat)
  find_path(ZICHT_READSTAT_INC readstat.h)
  if(NOT ZICHT_READSTAT_LIB OR NOT ZICHT_READSTAT_INC)
    message(FATAL_ERROR "libreadstat missing: run scripts/install-deps.sh (libreadstat-dev)")
  endif()
  target_link_libraries(zicht_lib PUBLIC ${ZICHT_READSTAT_LIB})
endif()
