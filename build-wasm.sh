#!/usr/bin/env bash
# Builds the browser app: one self-contained dist/zicht.html (wasm embedded), and prints its size and SHA-256.
#   bash build-wasm.sh            build
#   bash build-wasm.sh --serve    build, then serve dist/ on http://127.0.0.1:${PORT:-8080}/zicht.html
#   bash build-wasm.sh --tests    also build the unit tests as wasm (run them with: ctest --test-dir build-wasm)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

serve=0
tests=OFF
for a in "$@"; do
  case "$a" in
    --serve) serve=1 ;;
    --tests) tests=ON ;;
    *) echo "usage: bash build-wasm.sh [--serve] [--tests]" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh

# Debian's emcc runs its JS tools with the machine's Node, which does not see Debian's acorn without this.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DZICHT_TESTS=$tests >/dev/null
cmake --build build-wasm -j"$jobs"
mkdir -p dist
cp build-wasm/zicht.html dist/zicht.html
end=$(date +%s)

raw=$(stat -c %s dist/zicht.html)
gz=$(gzip -9 -c dist/zicht.html | wc -c)
sha=$(sha256sum dist/zicht.html | cut -d' ' -f1)
awk -v raw="$raw" -v gz="$gz" -v sha="$sha" -v t="$((end - start))" 'BEGIN {
  printf "dist/zicht.html  %d bytes (%.2f MB), gzipped %d bytes (%.2f MB)\nSHA-256 %s\nbuilt in %ss\n", raw, raw / 1e6, gz, gz / 1e6, sha, t }' 

if [ "$serve" = 1 ]; then
  port=${PORT:-8080}
  echo "Zicht: http://127.0.0.1:$port/zicht.html   (Ctrl+C stops the server)"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
fi
