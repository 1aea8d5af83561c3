#!/usr/bin/env bash
# Structure checks run with the native unit tests (ctest "structure"):
#  1. Layering (DESIGN.md): core → stats / demo → analysis → privacy / report → session → ui / cli, no arrow back.
#     Each folder of src/ may include only the folders listed for it.
#  2. Size: no source file of src/ or tests/unit/ over 650 lines (files of one concern, about 600 lines).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
declare -A allowed=(
  [core]="core"
  [stats]="stats"
  [demo]="core demo"
  [analysis]="core stats analysis"
  [privacy]="core stats analysis privacy"
  [report]="core stats analysis report"
  [session]="core stats demo analysis privacy report session"
  [cli]="core stats demo analysis privacy report session cli"
  # platform.h is the browser glue the UI calls (downloads, clipboard); main_web.cpp is the program's entry and
  # the only file of platform that may include ui/.
  [platform]="platform ui"
  [ui]="core stats demo analysis privacy report session platform ui misc"
)
fail=0
for dir in src/*/; do
  layer=$(basename "$dir")
  if [ -z "${allowed[$layer]+x}" ]; then
    echo "structure: src/$layer is not in the layering of scripts/check-structure.sh (add it where it belongs)"
    fail=1
    continue
  fi
  while IFS=: read -r file target; do
    if [ "$layer" = platform ] && [ "$target" = ui ] && [ "$file" != src/platform/main_web.cpp ]; then
      echo "structure: $file includes ui/ — only src/platform/main_web.cpp (the entry) may"; fail=1; continue
    fi
    case " ${allowed[$layer]} " in
      *" $target "*) ;;
      *) echo "structure: $file includes $target/ — $layer may include only: ${allowed[$layer]}"; fail=1 ;;
    esac
  done < <(grep -rEo '#include "[a-z_]+/' "$dir" | sed -E 's|#include "([a-z_]+)/|\1|')
done
while read -r n file; do
  [ "$file" = total ] && continue
  if [ "$n" -gt 650 ]; then echo "structure: $file has $n lines (over 650: split it along its seams)"; fail=1; fi
done < <(find src tests/unit -name '*.cpp' -o -name '*.h' | xargs wc -l)
if [ "$fail" = 0 ]; then echo "structure: layering and file sizes ok"; fi
exit "$fail"
