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
      zlib1g-dev libexpat1-dev libreadstat-dev libfreexl-dev gpgv debian-archive-keyring curl xz-utils zopfli lld-14
      binaryen)
# R writes the reference values and the statistical fixtures (tests/data/make_stat_fixtures.R: haven).
if [ "${ZICHT_WITH_R:-0}" = 1 ]; then pkgs+=(r-base-core r-cran-survival r-cran-jsonlite r-cran-haven r-cran-psych r-cran-coin r-cran-nlme); fi
# LibreOffice writes the workbook fixtures (tests/data/make_fixtures.sh); they are committed, so CI never needs it.
if [ "${ZICHT_WITH_LIBREOFFICE:-0}" = 1 ]; then pkgs+=(libreoffice-calc-nogui); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need_src=0
[ -f third_party/imgui/imgui.cpp ] || need_src=1
# zlib and expat for the browser build: the same Debian versions as the -dev packages, from their source packages.
[ -f third_party/zlib/inflate.c ] || need_src=1
[ -f third_party/expat/lib/xmlparse.c ] || need_src=1
# ReadStat (SPSS, Stata, SAS) and freexl (.xls) for the browser build and the fuzz targets.
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

if [ "$need_src" = 1 ] && [ ! -f third_party/imgui/imgui.cpp ]; then
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

# Debian source package <pkg> unpacked into third_party/<dir> (the upstream tree, Debian patches applied): the
# version of the installed -dev package <dev> when the mirror still has it, else the mirror's newest.
fetch_source() {
  local pkg=$1 dir=$2 probe=$3 dev=$4
  [ -f "third_party/$dir/$probe" ] && return 0
  local ver
  ver="$(dpkg-query -W -f='${Version}' "$dev" 2>/dev/null || true)"
  echo "[deps] fetching $pkg sources (Debian source package $pkg, preferably ${ver:-the newest})"
  local tmp
  tmp="$(mktemp -d)"
  # Some versions the index lists are not on the mirror (security updates): try each until one downloads.
  local v got=0
  for v in "$ver" $(apt-cache showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p'); do
    [ -n "$v" ] || continue
    if (cd "$tmp" && apt-get source -qq --download-only "$pkg=$v" >/dev/null 2>&1); then got=1; break; fi
  done
  [ "$got" = 1 ] || { echo "[deps] cannot fetch the $pkg source package" >&2; return 1; }
  (cd "$tmp" && dpkg-source -x "$(ls "$pkg"_*.dsc | head -n 1)" src >/dev/null)
  mkdir -p third_party
  rm -rf "third_party/$dir"
  if [ -f "$tmp/src/$probe" ]; then mv "$tmp/src" "third_party/$dir"; else mv "$tmp/src/$dir" "third_party/$dir"; fi
  rm -rf "$tmp"
  test -f "third_party/$dir/$probe"
}
fetch_source zlib zlib inflate.c zlib1g-dev
fetch_source expat expat lib/xmlparse.c libexpat1-dev
fetch_source freexl freexl src/freexl.c libfreexl-dev

# ReadStat: the bookworm mirror lists the readstat source package but no longer holds its files (404), so its
# sources come from the next Debian release's source package (trixie, readstat 1.1.9): the original tarball of that
# Debian source package, checked against the signed release index (gpgv with Debian's archive keyring), never from
# elsewhere. The native build links bookworm's libreadstat-dev (1.1.8); the two differ only in upstream fixes.
fetch_debian_orig() {
  local pkg=$1 dir=$2 probe=$3 suite=$4
  [ -f "third_party/$dir/$probe" ] && return 0
  if fetch_source "$pkg" "$dir" "$probe" "lib$pkg-dev" 2>/dev/null; then return 0; fi
  local mirror=http://deb.debian.org/debian tmp
  tmp="$(mktemp -d)"
  echo "[deps] fetching $pkg sources (Debian $suite source package $pkg, original tarball, checked against the signed index)"
  curl -fsS --retry 3 -o "$tmp/InRelease" "$mirror/dists/$suite/InRelease"
  gpgv --keyring /usr/share/keyrings/debian-archive-keyring.gpg --output "$tmp/Release" "$tmp/InRelease" 2>/dev/null
  local idx_sum
  idx_sum="$(awk '/^SHA256:/{f=1;next} /^[A-Za-z]/{f=0} f && $3=="main/source/Sources.xz"{print $1}' "$tmp/Release")"
  curl -fsS --retry 3 -o "$tmp/Sources.xz" "$mirror/dists/$suite/main/source/Sources.xz"
  echo "$idx_sum  $tmp/Sources.xz" | sha256sum -c --quiet -
  xz -dc "$tmp/Sources.xz" | awk -v p="$pkg" '$0=="Package: "p{f=1} /^$/{f=0} f' > "$tmp/stanza"
  local d orig sum
  d="$(sed -n 's/^Directory: //p' "$tmp/stanza")"
  read -r sum orig < <(awk '/^Checksums-Sha256:/{f=1;next} /^[A-Za-z]/{f=0} f && $3 ~ /\.orig\.tar\./{print $1, $3}' "$tmp/stanza")
  curl -fsS --retry 3 -o "$tmp/$orig" "$mirror/$d/$orig"
  echo "$sum  $tmp/$orig" | sha256sum -c --quiet -
  mkdir -p "$tmp/src" third_party
  tar -xf "$tmp/$orig" -C "$tmp/src" --strip-components=1
  rm -rf "third_party/$dir"
  mv "$tmp/src" "third_party/$dir"
  rm -rf "$tmp"
  test -f "third_party/$dir/$probe"
}
fetch_debian_orig readstat readstat src/readstat_parser.c trixie

# Browser-test packages from npm, pinned by the committed lockfile.
if [ -f tests/e2e/package-lock.json ] && { [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; }; then
  echo "[deps] npm ci (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi
echo "[deps] ok"
