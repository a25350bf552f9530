#!/usr/bin/env bash
# Quick start: install what is missing, build, and launch Readiness on the
# default database ($XDG_DATA_HOME/readiness/readiness.db). Extra arguments go
# to the app, e.g. scripts/run.sh --database /tmp/try.db
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh yelp   # F1 opens the help in GNOME Help
[ -f build/build.ninja ] || meson setup build
meson compile -C build

# Uninstalled run: the schema and the help come from the build tree.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec build/src/readiness "$@"
