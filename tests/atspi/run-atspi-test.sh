#!/usr/bin/env bash
# Starts the real app on a fixture database with its accessibility bridge
# on, answers one area over AT-SPI, then reads the database to check that
# every answer arrived. Usage: run-atspi-test.sh APP FIXTURE-TOOL FRAMEWORK.json
set -euo pipefail
app="$1" fixture_tool="$2" framework="$3"
area=engagement
work=$(mktemp -d)
app_pid=""
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "1..3"
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "Bail out! AT-SPI needs a display and a session bus (run under dbus-run-session and xvfb-run)"
    exit 1
  fi
  for i in 1 2 3; do echo "ok $i # SKIP no display or session bus"; done
  exit 0
fi

# The accessibility bus puts its socket in XDG_RUNTIME_DIR, or else in
# ~/.cache/at-spi/bus, which every session on the machine shares: another
# test session's bus would take it over. This session's bus starts its
# launcher with a runtime folder of its own, kept for the tests after.
runtime="${XDG_STATE_HOME:-$work}/at-spi-runtime"
mkdir -p -m 700 "$runtime"
dbus-update-activation-environment XDG_RUNTIME_DIR="$runtime"

db="$work/readiness.db"
assessment=$("$fixture_tool" "$db" "AT-SPI School" "2026-2027")

# The bridge must be on for this one test: the others run with GTK_A11Y=test.
env -u GTK_A11Y -u NO_AT_BRIDGE "$app" --database "$db" >"$work/app.log" 2>&1 &
app_pid=$!

if ! answers=$(/usr/bin/python3 "$(dirname "$0")/answer-area.py" "$framework" "$area" | tee /dev/stderr | tail -n 1); then
  echo "not ok 1 - answer the $area area over AT-SPI"
  sed 's/^/# app: /' "$work/app.log"
  exit 1
fi
echo "ok 1 - every choice of the $area area is named after itself and its item"

kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

# What landed in the store, read with SQLite itself.
/usr/bin/python3 - "$db" "$assessment" "$answers" <<'PY'
import json, sqlite3, sys
db, assessment, expected = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
rows = sqlite3.connect(db).execute(
    "SELECT w.item_id, w.value FROM answer w JOIN respondent r ON r.id = w.respondent_id "
    "WHERE r.assessment_id = ?", (assessment,)).fetchall()
stored = {item: value for item, value in rows}
if stored != {k: float(v) for k, v in expected.items()}:
    print(f"not ok 2 - stored answers {stored} differ from {expected}")
    sys.exit(1)
print(f"ok 2 - all {len(stored)} answers are in the database")
groups = sqlite3.connect(db).execute(
    "SELECT respondent_group FROM respondent WHERE assessment_id = ?", (assessment,)).fetchall()
if groups != [("leader",)]:
    print(f"not ok 3 - respondents {groups}, expected one school leader")
    sys.exit(1)
print("ok 3 - they were given as the school leader")
PY
