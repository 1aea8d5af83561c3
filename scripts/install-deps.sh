#!/usr/bin/env bash
# Installs what Zicht needs on a fresh Debian bookworm machine, from Debian packages and npm only.
# Idempotent: packages already present are skipped, third_party/ is unpacked once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

pkgs=(cmake g++ make emscripten nlohmann-json3-dev catch2 libboost-dev libeigen3-dev libstb-dev
      clang-14 libclang-rt-14-dev fonts-noto-core fonts-dejavu-core libharfbuzz-bin chromium dpkg-dev python3
      libreadstat-dev libfreexl-dev zlib1g-dev)
# R writes the reference values and the statistical fixtures (tests/data/make_stat_fixtures.R: haven).
if [ "${ZICHT_WITH_R:-0}" = 1 ]; then pkgs+=(r-base-core r-cran-survival r-cran-jsonlite r-cran-haven); fi
# LibreOffice (headless) writes the workbook fixtures; outside CI like R.
if [ "${ZICHT_WITH_LIBREOFFICE:-0}" = 1 ]; then pkgs+=(libreoffice-calc-nogui); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need_src=0
[ -f third_party/imgui/imgui.cpp ] || need_src=1
# ReadStat (SPSS, Stata, SAS) and freexl (.xls) for the browser build: the same versions as the -dev packages.
[ -f third_party/readstat/src/readstat_parser.c ] || need_src=1
[ -f third_party/freexl/src/freexl.c ] || need_src=1

# Dear ImGui sources come from Debian's source package: add a deb-src line for the mirror already in use.
if [ "$need_src" = 1 ] && ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    $SUDO sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | $SUDO tee /etc/apt/sources.list.d/zicht-deb-src.sources >/dev/null
  else
    grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $SUDO tee /etc/apt/sources.list.d/zicht-deb-src.list >/dev/null
  fi
  updated=0
else
  updated=1
fi

if [ ${#missing[@]} -gt 0 ] || [ "$need_src" = 1 ]; then
  echo "[deps] apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "[deps] installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f third_party/imgui/imgui.cpp ]; then
  echo "[deps] fetching Dear ImGui sources (Debian source package imgui)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --skip-patches imgui_*.dsc src >/dev/null)
  mkdir -p third_party
  rm -rf third_party/imgui
  mv "$tmp/src" third_party/imgui
  rm -rf "$tmp"
  test -f third_party/imgui/imgui.cpp
  test -f third_party/imgui/backends/imgui_impl_glfw.cpp
fi

# Debian source package $1 unpacked (with Debian's patches, as the binary package is built) into third_party/$2.
fetch_source() {
  local pkg=$1 dir=$2 check=$3
  [ -f "third_party/$dir/$check" ] && return 0
  echo "[deps] fetching $pkg sources (Debian source package $pkg)"
  local tmp
  tmp="$(mktemp -d)"
  if ! (cd "$tmp" && apt-get source -qq --download-only "$pkg" >/dev/null 2>&1 &&
         dpkg-source -x "${pkg}"_*.dsc src >/dev/null 2>&1); then
    # Not fatal: the native build links the -dev package; the browser build then leaves this format out and says so.
    echo "[deps] WARNING: the source package $pkg could not be fetched; the browser build will not read its formats"
    rm -rf "$tmp"
    return 0
  fi
  mkdir -p third_party
  rm -rf "third_party/$dir"
  mv "$tmp/src" "third_party/$dir"
  rm -rf "$tmp"
  test -f "third_party/$dir/$check"
}
fetch_source readstat readstat src/readstat_parser.c
fetch_source freexl freexl src/freexl.c

# Browser-test packages from npm, pinned by the committed lockfile.
if [ -f tests/e2e/package-lock.json ] && { [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; }; then
  echo "[deps] npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi
echo "[deps] ok"
