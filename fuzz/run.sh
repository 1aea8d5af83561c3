#!/usr/bin/env bash
# Builds the reader fuzz targets with clang-14 (libFuzzer + ASan + UBSan) and runs them over the committed
# corpus. Default (CI): fixed seed and number of runs, fast. `--long SECONDS`: each target for SECONDS.
# Findings (crash-*, leak-*, timeout-*) are written to build-fuzz/findings/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MODE=ci
SECS=600
if [[ "${1:-}" == "--long" ]]; then
  MODE=long
  SECS=${2:-600}
elif [[ "${1:-}" == "--build-only" ]]; then
  MODE=build
fi
CXX=${CXX_FUZZ:-clang++-14}
OUT=$ROOT/build-fuzz
mkdir -p "$OUT/sysinc" "$OUT/obj"
[[ -e $OUT/sysinc/nlohmann ]] || ln -s /usr/include/nlohmann "$OUT/sysinc/nlohmann"
FLAGS=(-std=c++17 -O2 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$ROOT/src" -isystem "$OUT/sysinc" -DZICHT_VERSION=\"fuzz\" -DZICHT_BUILD=\"fuzz\")
CORE=(build_info sha256 table values encoding table_builder i18n sniff csv_scanner json_scanner reader reader_report)
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
wait
for t in csv json; do
  echo "link fuzz_$t"
  $CXX "${FLAGS[@]}" "$ROOT/fuzz/fuzz_$t.cpp" "${OBJS[@]}" -o "$OUT/fuzz_$t"
done
run_target() {
  local t=$1
  local find_dir=$OUT/findings/$t
  mkdir -p "$find_dir"
  if [[ $MODE == ci ]]; then
    # New inputs go to a scratch dir, never into the committed corpus.
    local work=$OUT/ci-corpus/$t
    rm -rf "$work" && mkdir -p "$work"
    "$OUT/fuzz_$t" -seed=1 -runs=20000 -max_len=2048 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$find_dir/" "$work" "$ROOT/fuzz/corpus/$t" >"$OUT/fuzz_$t.log" 2>&1
  else
    local work=$OUT/corpus/$t
    mkdir -p "$work"
    "$OUT/fuzz_$t" -max_total_time="$SECS" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$find_dir/" "$work" "$ROOT/fuzz/corpus/$t" >"$OUT/fuzz_$t.log" 2>&1
  fi
}
[[ $MODE == build ]] && exit 0
status=0
if [[ $MODE == ci ]]; then
  echo "== fuzz_csv and fuzz_json in parallel: -seed=1 -runs=20000 over fuzz/corpus/{csv,json}"
else
  echo "== fuzz_csv and fuzz_json in parallel, ${SECS}s each (corpus grows in build-fuzz/corpus/)"
fi
run_target csv & p1=$!
run_target json & p2=$!
wait $p1 || { status=1; echo "fuzz_csv FAILED (see $OUT/fuzz_csv.log, $OUT/findings/csv/)"; }
wait $p2 || { status=1; echo "fuzz_json FAILED (see $OUT/fuzz_json.log, $OUT/findings/json/)"; }
for t in csv json; do
  echo "-- fuzz_$t:"; grep -E "^(#[0-9]+ *DONE|Done|stat::|==[0-9]+==ERROR|SUMMARY)" "$OUT/fuzz_$t.log" | tail -n 12
done
exit $status
