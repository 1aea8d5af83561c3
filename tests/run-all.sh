#!/usr/bin/env bash
# Runs every test of Zicht on this machine, installing what is missing first:
#   1. native build + Catch2 unit tests (ctest)
#   2. fuzz smoke: the readers' fuzz targets over the committed corpus, fixed seed and run count
#   3. wasm build of the app and of the unit tests; the same unit tests under Node (ctest)
#   4. browser end-to-end tests of dist/zicht.html in headless Chromium (playwright-core)
#   5. benchmark smoke: bench/run.sh --smoke (10,000 rows; Zicht, PapaParse and DuckDB-WASM on the CSV, Zicht and
#      SheetJS on the same rows as .xlsx, must run and agree, not be fast), built into the build directories above
# Exits non-zero on the first failure. Artifacts (screenshots, downloads) land in tests/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs=$(nproc 2>/dev/null || echo 2)
t0=$(date +%s)
log=$(mktemp)

bash scripts/install-deps.sh

echo "== native build and unit tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs") | tee "$log"
native=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$log")
t1=$(date +%s)

if [ -x fuzz/run.sh ]; then
  echo "== fuzz smoke (fixed seed, fixed runs)"
  bash fuzz/run.sh
fi
t2=$(date +%s)

echo "== wasm build (app + unit tests)"
bash build-wasm.sh --tests
(cd build-wasm && NODE_PATH= ctest --output-on-failure -j"$jobs") | tee "$log"
wasm=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2/p' "$log")
t3=$(date +%s)

echo "== browser end-to-end tests (headless Chromium)"
(cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs) | tee "$log"
e2e=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log")
t4=$(date +%s)
rm -f "$log"

echo "== benchmark smoke (10,000 rows)"
ZICHT_BENCH_NATIVE_DIR=build ZICHT_BENCH_WASM_DIR=build-wasm JOBS="$jobs" RUNS=1 bash bench/run.sh --smoke
t5=$(date +%s)

echo
echo "native unit test binaries: ${native:-0} ($((t1 - t0))s incl. build) · fuzz smoke: $((t2 - t1))s ·" \
     "wasm unit test binaries: ${wasm:-0} ($((t3 - t2))s incl. build) · browser tests: ${e2e:-0} ($((t4 - t3))s) ·" \
     "benchmark smoke: $((t5 - t4))s"
echo "all: $(( ${native:-0} + ${wasm:-0} + ${e2e:-0} )) passed, 0 failed"
