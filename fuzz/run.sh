#!/usr/bin/env bash
# Builds the reader fuzz targets with clang-14 (libFuzzer + ASan + UBSan) and runs them over the committed
# corpus. Default (CI): fixed seed and number of runs, fast. `--long SECONDS [TARGET...]`: each target (default: all)
# for SECONDS, two at a time.
# Findings (crash-*, leak-*, timeout-*) are written to build-fuzz/findings/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=ci
SECS=600
ONLY=()
if [[ "${1:-}" == "--long" ]]; then
  MODE=long
  SECS=${2:-600}
  ONLY=("${@:3}")  # `--long 600 xlsx ods`: only these targets (default: all)
elif [[ "${1:-}" == "--build-only" ]]; then
  MODE=build
fi
CXX=${CXX_FUZZ:-clang++-14}
OUT=$ROOT/build-fuzz
mkdir -p "$OUT/sysinc" "$OUT/obj"
[[ -e $OUT/sysinc/nlohmann ]] || ln -s /usr/include/nlohmann "$OUT/sysinc/nlohmann"
FLAGS=(-std=c++17 -O2 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$ROOT/src" -isystem "$OUT/sysinc" -DZICHT_VERSION=\"fuzz\" -DZICHT_BUILD=\"fuzz\")
CORE=(build_info sha256 table values encoding table_builder i18n sniff csv_scanner csv_index json_scanner reader reader_report
      zip xml_sax workbook sheet_assembler workbook_reader xlsx_reader ods_reader
      stat_reader stat_table xls_scan xls_reader)
TARGETS=(csv json xlsx ods stat xls)
# ReadStat: instrumented from its sources when scripts/install-deps.sh unpacked them, else the Debian library.
RS=$ROOT/third_party/readstat/src
RS_SRCS=()
if [[ -f $RS/readstat_parser.c ]]; then
  for f in CKHashTable readstat_bits readstat_convert readstat_error readstat_io_unistd readstat_malloc readstat_metadata \
           readstat_parser readstat_value readstat_variable readstat_writer sas/ieee sas/readstat_sas sas/readstat_sas7bdat_read \
           sas/readstat_sas_rle sas/readstat_xport sas/readstat_xport_read sas/readstat_xport_parse_format \
           spss/readstat_por spss/readstat_por_parse spss/readstat_por_read spss/readstat_sav spss/readstat_sav_compress \
           spss/readstat_sav_parse spss/readstat_sav_parse_timestamp spss/readstat_sav_read spss/readstat_spss \
           spss/readstat_spss_parse spss/readstat_zsav_read spss/readstat_zsav_compress stata/readstat_dta \
           stata/readstat_dta_parse_timestamp stata/readstat_dta_read; do
    RS_SRCS+=("$f")
  done
fi
# freexl (.xls): instrumented from its Debian sources when unpacked, else the Debian library.
FX=$ROOT/third_party/freexl
OBJS=()
# The reader's message texts (assets/i18n/*/*.json) are compiled in, as in the CMake build.
mkdir -p "$OUT/generated"
cmake -DOUT="$OUT/generated/assets_gen.cpp" -DROOT="$ROOT/assets" \
      "-DFILES=$(ls "$ROOT"/assets/i18n/*/*.json | paste -sd'|')" -P "$ROOT/cmake/embed_assets.cmake"
if [[ ! -e $OUT/obj/assets_gen.o || $OUT/generated/assets_gen.cpp -nt $OUT/obj/assets_gen.o ]]; then
  echo "compile assets_gen.cpp"
  $CXX "${FLAGS[@]/-fsanitize=fuzzer,address,undefined/-fsanitize=fuzzer-no-link,address,undefined}" \
    -c "$OUT/generated/assets_gen.cpp" -o "$OUT/obj/assets_gen.o" &
fi
OBJS+=("$OUT/obj/assets_gen.o")
for s in "${CORE[@]}"; do
  o=$OUT/obj/$s.o
  if [[ ! -e $o || $ROOT/src/core/$s.cpp -nt $o || -n $(find "$ROOT/src/core" -name '*.h' -newer "$o" -print -quit) ]]; then
    echo "compile $s.cpp"
    $CXX "${FLAGS[@]/-fsanitize=fuzzer,address,undefined/-fsanitize=fuzzer-no-link,address,undefined}" -c "$ROOT/src/core/$s.cpp" -o "$o" &
  fi
  OBJS+=("$o")
done
CC=${CC_FUZZ:-clang-14}
LIBS=(-lz)
if [[ ${#RS_SRCS[@]} -gt 0 ]]; then
  mkdir -p "$OUT/obj/readstat"
  for f in "${RS_SRCS[@]}"; do
    o=$OUT/obj/readstat/${f//\//_}.o
    if [[ ! -e $o || $RS/$f.c -nt $o ]]; then
      $CC -O2 -g -w -fsanitize=fuzzer-no-link,address,undefined -DHAVE_ZLIB=1 -I"$RS" -c "$RS/$f.c" -o "$o" &
    fi
    OBJS+=("$o")
  done
else
  LIBS=(-lreadstat -lz)
fi
if [[ -f $FX/src/freexl.c ]]; then
  # freexl's configure answers for Linux (the CMake build writes the same for Emscripten).
  mkdir -p "$OUT/obj/freexl"
  printf '#define HAVE_ICONV_H 1\n#define HAVE_STDLIB_H 1\n#define HAVE_STRING_H 1\n#define VERSION "1.0.6"\n' \
    > "$OUT/obj/freexl/config.h"
  o=$OUT/obj/freexl/freexl.o
  if [[ ! -e $o || $FX/src/freexl.c -nt $o ]]; then
    $CC -O2 -g -w -fsanitize=fuzzer-no-link,address,undefined -I"$OUT/obj/freexl" -I"$FX/headers" -c "$FX/src/freexl.c" -o "$o" &
  fi
  OBJS+=("$o")
else
  LIBS+=(-lfreexl)
fi
wait
for t in "${TARGETS[@]}"; do
  echo "link fuzz_$t"
  # zlib and expat from Debian's -dev packages (the workbook readers); built without sanitizers, as system libraries.
  $CXX "${FLAGS[@]}" "$ROOT/fuzz/fuzz_$t.cpp" "${OBJS[@]}" "${LIBS[@]}" -lexpat -o "$OUT/fuzz_$t"
done
# fuzz_xls: freexl's own bounded text leak on crafted sheets is suppressed (fuzz/lsan_freexl.supp), nothing else.
lsan_for() { [[ $1 == xls ]] && echo "suppressions=$ROOT/fuzz/lsan_freexl.supp" || echo "${LSAN_OPTIONS:-}"; }
run_target() {
  local t=$1
  local find_dir=$OUT/findings/$t
  mkdir -p "$find_dir"
  if [[ $MODE == ci ]]; then
    # New inputs go to a scratch dir, never into the committed corpus.
    local work=$OUT/ci-corpus/$t
    rm -rf "$work" && mkdir -p "$work"
    # Workbook and statistical targets: longer inputs (whole files), fewer runs (each run parses a whole file).
    local runs=20000 max_len=2048
    if [[ $t == xlsx || $t == ods ]]; then runs=4000; max_len=16384; fi
    [[ $t == stat ]] && max_len=24576 runs=5000
    [[ $t == xls ]] && max_len=16384 runs=3000
    LSAN_OPTIONS=$(lsan_for "$t") "$OUT/fuzz_$t" -seed=1 -runs=$runs -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$find_dir/" "$work" "$ROOT/fuzz/corpus/$t" >"$OUT/fuzz_$t.log" 2>&1
  else
    local work=$OUT/corpus/$t
    mkdir -p "$work"
    LSAN_OPTIONS=$(lsan_for "$t") "$OUT/fuzz_$t" -max_total_time="$SECS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$find_dir/" "$work" "$ROOT/fuzz/corpus/$t" >"$OUT/fuzz_$t.log" 2>&1
  fi
}
[[ $MODE == build ]] && exit 0
status=0
if [[ $MODE == ci ]]; then
  echo "== fuzz_{csv,json,xlsx,ods,stat,xls}, two at a time: -seed=1, fixed runs, over fuzz/corpus/<target>"
else
  echo "== fuzz_{csv,json,xlsx,ods,stat,xls}, two at a time, ${SECS}s each (corpus grows in build-fuzz/corpus/)"
fi
pairs=("csv json" "xlsx ods" "stat xls")
if [[ ${#ONLY[@]} -gt 0 ]]; then  # the chosen targets, two at a time
  pairs=()
  for ((i = 0; i < ${#ONLY[@]}; i += 2)); do pairs+=("${ONLY[i]} ${ONLY[i + 1]:-}"); done
fi
for pair in "${pairs[@]}"; do
  set -- $pair
  run_target "$1" & p1=$!
  if [[ -n ${2:-} ]]; then run_target "$2" & p2=$!; fi
  wait $p1 || { status=1; echo "fuzz_$1 FAILED (see $OUT/fuzz_$1.log, $OUT/findings/$1/)"; }
  if [[ -n ${2:-} ]]; then wait $p2 || { status=1; echo "fuzz_$2 FAILED (see $OUT/fuzz_$2.log, $OUT/findings/$2/)"; }; fi
done
for t in "${TARGETS[@]}"; do
  [[ -f $OUT/fuzz_$t.log ]] || continue
  echo "-- fuzz_$t:"; grep -E "^(#[0-9]+ *DONE|Done|stat::|==[0-9]+==ERROR|SUMMARY)" "$OUT/fuzz_$t.log" | tail -n 12
done
exit $status
