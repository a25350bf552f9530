#!/usr/bin/env bash
# Crash safety: runs CRASH_WRITER (tests/crash-writer.c) on one database
# ROUNDS times, killing it with SIGKILL after a random 5–300 ms, and after
# every kill checks that PRAGMA integrity_check says ok and that the
# answers in the database are exactly the acknowledged ones (see
# check_round below for the rule). Prints TAP and a summary with figures.
#
# Usage: check-crash-safety.sh CRASH_WRITER [ROUNDS]   (default 100)
# The database lives in a temporary folder under $TMPDIR (default /tmp):
# put that on the disk the app would use, not on a tmpfs, for fsync to count.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "Usage: $0 CRASH_WRITER [ROUNDS]" >&2
  exit 2
fi
writer=$1
rounds=${2:-100}

for tool in sqlite3 python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "1..0 # SKIP $tool is not installed (scripts/install-deps.sh)"
    exit 0
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/readiness-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
db=$work/readiness.db
state=$work/state.json
out=$work/out
err=$work/err

# Reads the writer's output of one round (OUT), the answers the database
# held after the previous round (STATE, a JSON file; missing: none) and the
# database, and decides. The writer answers one at a time and prints
# "begin" before each call and "ack" after it returned TRUE, so:
#   - at most one begun answer is unacknowledged, the last one (in flight);
#   - for every (respondent, item) the database must hold the value of its
#     last "ack" of this round, or the previous round's value when this
#     round acknowledged none;
#   - except that the in-flight answer's own (respondent, item) may instead
#     hold the in-flight value: its commit can have finished before the kill
#     without the ack being written. Nothing else may differ: no answer
#     missing, none extra, none with another value.
# A line cut short by the kill does not count (an ack cut short is not an
# acknowledgement, which the in-flight rule covers). Writes the database's
# answers to STATE for the next round and prints figures as
# "key=value ..." on the last line; exits 1 on a failure, with reasons.
check_round () {
  python3 - "$checked_db" "$out" "$state" <<'PY'
import json, os, sqlite3, sys

db, out, state_path = sys.argv[1:4]
problems = []

with open(out, "rb") as f:
    text = f.read().decode()
lines = text.split("\n")[:-1]  # the last piece has no newline: cut short

ready_at = last_ack_at = None
begun, acked = {}, []
for line in lines:
    words = line.split()
    if words[0] == "ready":
        ready_at = int(words[3])
    elif words[0] == "begin":
        seq, respondent, item, value = int(words[1]), int(words[2]), words[3], float(words[4])
        begun[seq] = (respondent, item, value)
    elif words[0] == "ack":
        seq, respondent, item, value = int(words[1]), int(words[3]), words[4], float(words[5])
        if begun.get(seq) != (respondent, item, value):
            problems.append(f"ack {seq} does not match its begin line")
        acked.append((seq, respondent, item, value))
        last_ack_at = int(words[6])
    else:
        problems.append(f"unexpected line: {line!r}")

acked_seqs = {a[0] for a in acked}
in_flight = [s for s in begun if s not in acked_seqs]
if len(in_flight) > 1 or (in_flight and in_flight[0] != max(begun)):
    problems.append(f"more than one unacknowledged answer: {sorted(in_flight)}")
flight = begun[in_flight[0]] if in_flight else None

expected = {}
if os.path.exists(state_path):
    with open(state_path) as f:
        expected = {tuple(json.loads(k)): v for k, v in json.load(f).items()}
for seq, respondent, item, value in sorted(acked):
    expected[(respondent, item)] = value

actual = {}
if os.path.exists(db) and os.path.getsize(db) > 0:
    # Read-only, so that this check neither checkpoints nor removes the
    # WAL: recovering it is left to the store when the writer opens it next.
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        has_answers = con.execute("SELECT count(*) FROM sqlite_schema "
                                  "WHERE type = 'table' AND name = 'answer'").fetchone()[0]
        if has_answers:
            for respondent, item, value in con.execute(
                    "SELECT respondent_id, item_id, value FROM answer"):
                actual[(respondent, item)] = value
        bad_keys = con.execute("PRAGMA foreign_key_check").fetchall()
        if bad_keys:
            problems.append(f"foreign_key_check: {bad_keys[:5]}")
        con.close()
    except sqlite3.Error as e:
        problems.append(f"reading the answers: {e}")

flight_committed = 0
for key in sorted(set(expected) | set(actual)):
    want, have = expected.get(key), actual.get(key)
    if have == want:
        continue
    if flight is not None and key == flight[:2] and have == flight[2]:
        flight_committed = 1
        continue
    problems.append(f"respondent {key[0]} item {key[1]}: expected {want!r}, "
                    f"database has {have!r}")

with open(state_path, "w") as f:
    json.dump({json.dumps(list(k)): v for k, v in actual.items()}, f)

for problem in problems[:20]:
    print(problem)
if len(problems) > 20:
    print(f"... and {len(problems) - 20} more")
writing_us = (last_ack_at - ready_at) if acked and ready_at is not None else 0
print(f"acked={len(acked)} checked={len(set(expected) | set(actual))} "
      f"ready={int(ready_at is not None)} flight={int(flight is not None)} "
      f"flight_committed={flight_committed} writing_us={writing_us} "
      f"next={max(begun) + 1 if begun else -1}")
sys.exit(1 if problems else 0)
PY
}

# The kill times come from $RANDOM; CRASH_SEED repeats a run's series.
seed=${CRASH_SEED:-$((($$ + 10#$(date +%N)) % 32768))}
RANDOM=$seed

echo "1..$((rounds + 1))"
echo "# seed $seed"

failures=0
total_acked=0
total_checked=0
total_writing_us=0
not_ready=0
flights=0
flights_committed=0
min_kill=1000
max_kill=0
next=0
started=$(date +%s%N)

for round in $(seq 1 "$rounds"); do
  kill_ms=$((5 + RANDOM % 296))
  (( kill_ms < min_kill )) && min_kill=$kill_ms
  (( kill_ms > max_kill )) && max_kill=$kill_ms

  "$writer" "$db" "$next" > "$out" 2> "$err" &
  pid=$!
  sleep "$(printf '%d.%03d' $((kill_ms / 1000)) $((kill_ms % 1000)))"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null  # without bash's "Killed" job notice
  status=$?

  problems=()
  # 137 is 128 + SIGKILL: anything else means the writer stopped by itself,
  # for instance because the store would not open the database again.
  if [ "$status" -ne 137 ]; then
    problems+=("the writer stopped by itself with status $status: $(head -c 500 "$err")")
  fi

  # A kill while the new file is being made (its switch to WAL) can leave a
  # hot rollback journal, which a read-only connection cannot roll back:
  # then a copy is checked, opened for writing so that it is recovered as
  # the store's next open recovers the file itself.
  checked_db=$db
  readonly_flag=-readonly
  if [ -s "$db-journal" ]; then
    rm -rf "$work/copy" && mkdir "$work/copy" && cp "$db" "$db"-* "$work/copy/"
    checked_db=$work/copy/$(basename "$db")
    readonly_flag=
  fi

  integrity=ok
  if [ -s "$checked_db" ]; then
    integrity=$(sqlite3 $readonly_flag "$checked_db" 'PRAGMA integrity_check' 2>&1)
  fi
  if [ "$integrity" != ok ]; then
    problems+=("integrity_check: $(echo "$integrity" | head -5 | tr '\n' ' ')")
  fi

  report=$(check_round)
  checked_ok=$?
  figures=$(echo "$report" | tail -1)
  [ "$checked_ok" -eq 0 ] || while IFS= read -r line; do problems+=("$line"); done < <(echo "$report" | head -n -1)

  declare -A f=([acked]=0 [checked]=0 [writing_us]=0 [ready]=0 [flight]=0 [flight_committed]=0 [next]=-1)
  for pair in $figures; do f[${pair%%=*}]=${pair#*=}; done
  total_acked=$((total_acked + f[acked]))
  total_checked=$((total_checked + f[checked]))
  total_writing_us=$((total_writing_us + f[writing_us]))
  (( f[ready] == 0 )) && not_ready=$((not_ready + 1))
  flights=$((flights + f[flight]))
  flights_committed=$((flights_committed + f[flight_committed]))
  (( f[next] >= 0 )) && next=${f[next]}

  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok $round - round $round: ${f[acked]} acked, all present, integrity ok (killed after $kill_ms ms)"
  else
    echo "not ok $round - round $round: ${f[acked]} acked, killed after $kill_ms ms"
    for problem in "${problems[@]}"; do echo "# $problem"; done
    failures=$((failures + 1))
    if [ "$integrity" != ok ]; then
      echo "Bail out! the database is damaged"
      exit 1
    fi
  fi
done

# After the last kill the store must still open the database (its checks
# and migrations run), and answer once more, to the end.
problems=()
if ! "$writer" "$db" "$next" 1 > "$out" 2> "$err"; then
  problems+=("the writer could not open the database again: $(head -c 500 "$err")")
fi
report=$(check_round) || while IFS= read -r line; do problems+=("$line"); done < <(echo "$report" | head -n -1)
if [ ${#problems[@]} -eq 0 ]; then
  echo "ok $((rounds + 1)) - the database opens again after the last kill and takes an answer"
else
  echo "not ok $((rounds + 1)) - after the last kill: open again and answer once more"
  for problem in "${problems[@]}"; do echo "# $problem"; done
  failures=$((failures + 1))
fi

elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rate=$(python3 -c "import sys; a, us = map(int, sys.argv[1:]); print(f'{a / (us / 1e6):.0f}' if us else 'n/a')" \
         "$total_acked" "$total_writing_us")
db_bytes=$(stat -c %s "$db")
wal_bytes=$(stat -c %s "$db-wal" 2> /dev/null || echo 0)
echo "# $rounds rounds, killed after $min_kill–$max_kill ms; $not_ready killed before the first answer"
present="all present, integrity_check ok after every kill"
[ "$failures" -eq 0 ] || present="NOT all present or the database damaged, see above"
echo "# $total_acked answers acknowledged, $present; $total_checked answers checked against the database"
echo "# $flights kills with an answer in flight, $flights_committed of which had committed"
echo "# $rate answers/s while writing; database $db_bytes bytes + WAL $wal_bytes bytes; wall time $((elapsed_ms / 1000)).$(printf '%03d' $((elapsed_ms % 1000))) s"
echo "# $failures failures"

[ "$failures" -eq 0 ]
