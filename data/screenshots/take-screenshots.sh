#!/usr/bin/env bash
# Takes the AppStream screenshots from the real app (data/screenshots/*.png):
# builds take-screenshots, runs it under Xvfb in English with the light
# style, and shrinks the PNGs with optipng when it is there.
#   data/screenshots/take-screenshots.sh [BUILDDIR]   (default: build)
# Look at every picture before committing it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source_root="$(cd "$here/../.." && pwd)"
builddir="$(cd "${1:-$source_root/build}" && pwd)"

ninja -C "$builddir" data/screenshots/take-screenshots data/gschemas.compiled >/dev/null

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSK_RENDERER=cairo
export GTK_A11Y=none
export NO_AT_BRIDGE=1
export LANGUAGE=C LC_ALL=C.UTF-8
unset GTK_DEBUG

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1200x24 -nolisten tcp" \
  "$builddir/data/screenshots/take-screenshots" "$tmp"

for png in "$tmp"/*.png; do
  if command -v optipng >/dev/null; then
    optipng -quiet -o2 -strip all "$png"
  fi
  cp "$png" "$here/"
  echo "$here/$(basename "$png"): $(stat -c %s "$png") bytes"
done
