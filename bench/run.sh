#!/usr/bin/env bash
# Zicht performance benchmark (issues 12 and 19): native core figures and, in one headless Chromium session, Zicht
# (wasm) against PapaParse + plain JS and DuckDB-WASM on the same Binc module files (CSV), and Zicht against SheetJS +
# the same plain JS on the same rows saved as an Excel workbook (.xlsx, bench/make_xlsx.mjs).
#   bash bench/run.sh            full run: CSV 10,000 / 100,000 / 1,000,000 rows and .xlsx 100,000 rows, 5 runs
#                                each; writes bench/RESULTS.md
#   bash bench/run.sh --smoke    10,000 rows only, CSV and .xlsx (CI): checks that everything builds, runs and
#                                agrees; writes build-bench/RESULTS-smoke.md, not bench/RESULTS.md
# Environment: RUNS (default 5), JOBS (build parallelism, default 2), ZICHT_BENCH_SIMD=0 skips the scalar
# variant in a full run (the same module without the wasm SIMD CSV kernel, as in a browser without SIMD), ZICHT_BENCH_NO_BUILD=1 uses the existing builds as they are (build-bench, build-wasm-bench).
# ZICHT_BENCH_ONLY=xlsx (full run only) runs only the .xlsx comparison (no CSV sizes, native figures, SIMD variant or
# app start) and replaces only the .xlsx section of bench/RESULTS.md, keeping the other sections' numbers.
# ZICHT_BENCH_NATIVE_DIR / ZICHT_BENCH_WASM_DIR build in other (existing, Release) build directories instead: the
# test run (tests/run-all.sh) points them at its own build and build-wasm, so the smoke adds targets, not builds.
# Nothing is fetched at benchmark time: the peers come from npm at install time (bench/browser/package-lock.json)
# and are served from node_modules on 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

smoke=0
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1 ;;
    *) echo "usage: bash bench/run.sh [--smoke]" >&2; exit 2 ;;
  esac
done
runs=${RUNS:-5}
jobs=${JOBS:-2}
only=${ZICHT_BENCH_ONLY:-}
case "$only" in ''|xlsx) ;; *) echo "[bench] ZICHT_BENCH_ONLY: only 'xlsx' is known" >&2; exit 2 ;; esac
if [ "$smoke" = 1 ]; then
  sizes=(10000); xlsx_sizes=(10000); sofs_rows=10000; wave2_rows=2000; simd=0; only=""
else
  sizes=(10000 100000 1000000); xlsx_sizes=(100000); sofs_rows=100000; wave2_rows=100000; simd=${ZICHT_BENCH_SIMD:-1}
fi
[ "$only" = xlsx ] && { sizes=(); simd=0; }

say() { printf '\n[bench] %s\n' "$*"; }

# --- Dependencies: Debian packages + Dear ImGui (scripts/install-deps.sh), the peers from npm (lockfile).
bash scripts/install-deps.sh
if [ ! -d bench/browser/node_modules/@duckdb/duckdb-wasm ] || [ ! -d bench/browser/node_modules/papaparse ] ||
   [ ! -d bench/browser/node_modules/playwright-core ] || [ ! -d bench/browser/node_modules/xlsx ]; then
  say "npm ci (bench/browser)"
  (cd bench/browser && npm ci --no-audit --no-fund --silent)
fi

# --- Builds: native CLI + bench_core; the wasm bench module (-O3) and its wasm SIMD CSV kernel; for the
# full run also the app (zicht.html) for the start-up figure.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
native=${ZICHT_BENCH_NATIVE_DIR:-build-bench}
wasm=${ZICHT_BENCH_WASM_DIR:-build-wasm-bench}
# A directory configured before (by the tests) keeps its settings; only the benchmark targets are switched on.
configure_args() {
  if [ -f "$1/CMakeCache.txt" ]; then
    grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$1/CMakeCache.txt" || { echo "[bench] $1 is not a Release build" >&2; exit 1; }
    echo "-DZICHT_BENCH=ON -DZICHT_BENCH_SIMD=OFF"
  else
    echo "-DCMAKE_BUILD_TYPE=Release -DZICHT_BENCH=ON -DZICHT_BENCH_SIMD=OFF ${2:-}"
  fi
}
wasm_arg="o3=$wasm"
if [ "${ZICHT_BENCH_NO_BUILD:-0}" != 1 ]; then
  say "native build ($native)"
  # shellcheck disable=SC2046
  cmake -S . -B "$native" $(configure_args "$native") >/dev/null
  cmake --build "$native" --target zicht bench_core -j"$jobs" >/dev/null
  say "wasm build ($wasm)"
  # shellcheck disable=SC2046
  emcmake cmake -S . -B "$wasm" $(configure_args "$wasm" -DZICHT_TESTS=OFF) >/dev/null
  targets=(zicht_bench_wasm)
  [ "$smoke" = 1 ] || [ "$only" = xlsx ] || targets+=(zicht_html)
  cmake --build "$wasm" --target "${targets[@]}" -j"$jobs" >/dev/null
fi
# The scalar side: the same module with the wasm SIMD CSV kernel left out (bench/browser/bench.mjs).
[ "$simd" = 1 ] && wasm_arg="$wasm_arg,scalar=$wasm"

# --- Data: the demo generator's Binc module export (with the client characteristics: 27 columns) plus a free-text
# and an amount column (bench/make_data.mjs: 29 columns), and a SofS export for the native recompute figure. The
# wave-2 profiles' inputs ($data/wave2_N/: each demo grown to N primary records with new ids) are written by bench_core
# itself (--wave2, bench/bench_core_wave2.cpp) when missing.
data=build-bench/data
mkdir -p "$data"
csv_file() {  # csv_file N: makes $data/binc_modules_N.csv when missing
  local f="$data/binc_modules_$1.csv"
  if [ ! -s "$f" ]; then
    say "generating $f"
    "$native/zicht" demo --profile binc --rows "$1" --with-characteristics --out "$data/raw_$1.csv"
    node bench/make_data.mjs "$data/raw_$1.csv" "$f"
    rm -f "$data/raw_$1.csv"
  fi
}
files=()
for n in "${sizes[@]}"; do
  csv_file "$n"
  files+=("binc_modules_$n.csv")
done
# The same rows as an Excel workbook. Before it is benchmarked, the native CLI must read it to the same column types
# as the CSV and give the same Binc results (bench/check_xlsx.mjs); otherwise the run fails here.
xlsx_files=()
for n in "${xlsx_sizes[@]}"; do
  csv_file "$n"
  f="$data/binc_modules_$n.xlsx"
  if [ ! -s "$f" ] || [ "$f" -ot "$data/binc_modules_$n.csv" ] || [ "$f" -ot bench/make_xlsx.mjs ]; then
    say "generating $f"
    node bench/make_xlsx.mjs "$data/binc_modules_$n.csv" "$f"
  fi
  say "checking $f against its CSV (zicht inspect, zicht analyse --profile binc)"
  node bench/check_xlsx.mjs "$native/zicht" "$data/binc_modules_$n.csv" "$f"
  xlsx_files+=("binc_modules_$n.xlsx")
done
sofs="$data/sofs_$sofs_rows.csv"
[ -n "$only" ] || [ -s "$sofs" ] || "$native/zicht" demo --profile sofs --rows "$sofs_rows" --out "$sofs"

# --- Native figures.
# A smoke run keeps its JSON apart, so it never overwrites the numbers of the last full run; so does an xlsx-only run.
tag=""
[ "$smoke" = 1 ] && tag="-smoke"
[ "$only" = xlsx ] && tag="-xlsx"
if [ -z "$only" ]; then
  big="$data/${files[-1]}"
  say "native: bench_core on $(basename "$big"), $(basename "$sofs") and the wave-2 profiles on $wave2_rows records"
  "$native/bench_core" --binc "$big" --sofs "$sofs" --wave2 "$data" --wave2-rows "$wave2_rows" --runs "$runs" \
    --json "build-bench/native$tag.json" |
    tee "build-bench/native$tag.txt"
fi

# --- Browser: one Chromium session, every side on the same bytes.
say "browser: Zicht vs PapaParse vs DuckDB-WASM (CSV), Zicht vs SheetJS (.xlsx) ($runs runs per side and size)"
rm -f "build-bench/browser$tag.json"
set +e
(IFS=,; node bench/browser/run.mjs --data "$data" --files "${files[*]}" --xlsx "${xlsx_files[*]}" \
  --wasm "$wasm_arg" --runs "$runs" --out "build-bench/browser$tag.json") | tee "build-bench/browser$tag.txt"
status=${PIPESTATUS[0]}
set -e
[ -s "build-bench/browser$tag.json" ] || { echo "[bench] the browser run failed" >&2; exit 1; }

# --- First frame of the app: build-wasm-bench/zicht.html (full run), else dist/zicht.html when present.
startup=""
app=""
[ -f dist/zicht.html ] && app=dist/zicht.html
[ -f "$wasm/zicht.html" ] && app="$wasm/zicht.html"
if [ -n "$app" ] && [ -z "$only" ]; then
  say "startup: $app open → first frame"
  startup=$(node bench/browser/startup.mjs "$app" "$runs" | tail -1 || true)
  echo "$startup"
fi

# --- Report.
out=bench/RESULTS.md
[ "$smoke" = 1 ] && out=build-bench/RESULTS-smoke.md
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
chromium_v=$(chromium --version 2>/dev/null | head -1 || echo unknown)
emcc_v=$(emcc --version 2>/dev/null | head -1 || echo unknown)
node bench/report.mjs --out "$out" --native "build-bench/native$tag.json" --browser "build-bench/browser$tag.json" --only "$only" \
  --cpu "$cpu" --nproc "$(nproc)" --mem "$(awk '/MemTotal/ {printf "%.1f GB", $2/1e6}' /proc/meminfo)" \
  --chromium "$chromium_v" --emcc "$emcc_v" --commit "$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)" \
  --startup "$startup" --smoke "$smoke" --page_bytes "$( [ -n "$app" ] && stat -c %s "$app" || true)"
say "wrote $out"
exit "$status"
