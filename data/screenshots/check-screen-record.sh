#!/usr/bin/env bash
# A quick screen record (four screens, 400 × 800, Dutch, dark) by
# take-screens, as take-screens.sh takes them: every picture is written,
# is a PNG of the window's width, and holds a screen, not a blank.
#   check-screen-record.sh TAKE-SCREENS LOCALEDIR
set -euo pipefail

take_screens="$1"
localedir="$2"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  [ -n "${CI:-}" ] && { echo "No display: run the UI tests under xvfb-run" >&2; exit 1; }
  exit 77
fi

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
screens="main-empty learning-log area results"

LANGUAGE=nl LC_ALL=C.UTF-8 GTK_A11Y=none "$take_screens" --localedir "$localedir" \
  --size 400x800 --style dark --screens "${screens// /,}" "$dir"

status=0
for screen in $screens; do
  png="$dir/$screen.png"
  if [ ! -s "$png" ]; then
    echo "FAIL $screen: no picture"; status=1; continue
  fi
  signature="$(od -An -tx1 -N8 "$png" | tr -d ' \n')"
  width=$((16#$(od -An -tx1 -j16 -N4 "$png" | tr -d ' \n')))
  height=$((16#$(od -An -tx1 -j20 -N4 "$png" | tr -d ' \n')))
  size=$(stat -c %s "$png")
  # A blank window of this size compresses to about 2 kB; a screen with
  # text and charts to 15 kB or more.
  if [ "$signature" != 89504e470d0a1a0a ] || [ "$width" -lt 400 ] || [ "$height" -ne 800 ] || [ "$size" -lt 8000 ]; then
    echo "FAIL $screen: ${width} × ${height}, $size bytes"; status=1
  else
    echo "ok $screen: ${width} × ${height}, $size bytes"
  fi
done
exit $status
