#!/usr/bin/env bash
# Starts the real app with its accessibility bridge on, on a fixture
# database whose assessment has answers from two groups (so that Results
# and the discussion window have content), and runs the name audit over
# every screen. Usage: run-audit.sh APP FIXTURE-TOOL FRAMEWORK.json
set -euo pipefail
app="$1" fixture_tool="$2" framework="$3"
work=$(mktemp -d)
app_pid=""
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "Bail out! AT-SPI needs a display and a session bus (run under dbus-run-session and xvfb-run)"
    exit 1
  fi
  echo "1..0 # SKIP no display or session bus"
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

# The school leader answers on this computer (and sees every kind of
# item); five teachers and five learners see the statements differently.
/usr/bin/python3 - "$db" "$assessment" "$framework" <<'PY'
import json, sqlite3, sys, uuid
db, assessment, framework = sys.argv[1], int(sys.argv[2]), json.load(open(sys.argv[3], encoding="utf-8"))
statements = [i for i in framework["items"] if i["kind"] == "statement"]
with sqlite3.connect(db) as con:
    con.execute("INSERT INTO respondent (uuid, assessment_id, respondent_group, created) "
                "VALUES (?, ?, 'leader', strftime('%s'))", (str(uuid.uuid4()), assessment))
    for group, value in (("teacher", 2), ("learner", 5)):
        for n in range(5):
            cur = con.execute("INSERT INTO respondent (uuid, assessment_id, respondent_group, created) "
                              "VALUES (?, ?, ?, strftime('%s'))", (str(uuid.uuid4()), assessment, group))
            for item in statements:
                con.execute("INSERT INTO answer (respondent_id, item_id, item_version, value, answered) "
                            "VALUES (?, ?, ?, ?, strftime('%s'))",
                            (cur.lastrowid, item["id"], item["version"], value))
PY

# The bridge must be on for this one test: the others run with GTK_A11Y=test.
env -u GTK_A11Y -u NO_AT_BRIDGE "$app" --database "$db" >"$work/app.log" 2>&1 &
app_pid=$!

if ! /usr/bin/python3 "$(dirname "$0")/audit-names.py"; then
  sed 's/^/# app: /' "$work/app.log"
  exit 1
fi
