#!/usr/bin/env bash
# The screen record: every screen of the app (take-screens --list) at
# 1280 × 800 and 400 × 800, in English and Dutch, light and dark, from
# the real app under Xvfb, into OUTPUT-DIR/LANG-STYLE-SIZE/SCREEN.png.
# The pictures are an output, not kept in the repository: look at them.
#   data/screenshots/take-screens.sh [options] OUTPUT-DIR
#     --builddir DIR        the build (default: build)
#     --sizes "WxH …"       default: "1280x800 400x800"
#     --languages "en nl"   default: both
#     --styles "light dark" default: both
#     --screens A,B         only these screens (default: all)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
source_root="$(cd "$here/../.." && pwd)"
builddir="$source_root/build"
sizes="1280x800 400x800"
languages="en nl"
styles="light dark"
screens=""
while [ $# -gt 1 ]; do
  case "$1" in
    --builddir) builddir="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --languages) languages="$2"; shift 2 ;;
    --styles) styles="$2"; shift 2 ;;
    --screens) screens="$2"; shift 2 ;;
    *) echo "take-screens.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ $# -ne 1 ]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
output="$(mkdir -p "$1" && cd "$1" && pwd)"
builddir="$(cd "$builddir" && pwd)"

ninja -C "$builddir" data/screenshots/take-screens data/gschemas.compiled po/nl/LC_MESSAGES/readiness.mo >/dev/null

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSK_RENDERER=cairo
export GTK_A11Y=none
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
unset GTK_DEBUG

for language in $languages; do
  case "$language" in
    en) export LANGUAGE=C ;;
    *) export LANGUAGE="$language" ;;
  esac
  for style in $styles; do
    for size in $sizes; do
      dir="$output/$language-$style-$size"
      rm -rf "$dir"
      dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1200x24 -nolisten tcp" \
        "$builddir/data/screenshots/take-screens" --localedir "$builddir/po" \
        --size "$size" --style "$style" ${screens:+--screens "$screens"} "$dir" 2>&1 |
        { grep -v 'Failed to set fd limit' || true; }
    done
  done
done
