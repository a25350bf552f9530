#!/usr/bin/env bash
# Install what is missing, build, and run every test (the UI tests under a
# virtual display). Exits non-zero when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  meson test -C build --print-errorlogs "$@"
