#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS on a copy of its seeds
# (the test fixtures and the corpus kept in tests/data/fuzz/TARGET/),
# printing TAP with the number of executions. A crash, a sanitizer report or
# a failed check fails the run; the input is kept in BUILD_DIR/fuzz.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
seconds="$2"

# target:fixture directories (relative to the top of the tree, with ',')
targets=(csv:tests/data/csv
         framework:tests/data/frameworks
         response-file:tests/data/responses
         exchange:tests/data/exchange
         learning-log:tests/data/learning)

# Longest input per target. The JSON readers get room beyond the 160 KB
# of "[[[…" that overflowed json-glib's stack (between 70,000 and 80,000
# levels in these builds), so that the fuzzer can reach such nesting; the
# CSV reader keeps libFuzzer's default (its limits are in test-csv.c).
max_len () {
  case "$1" in
    csv|learning-log) echo 4096 ;;
    *) echo 262144 ;;
  esac
}

n_tests=${#targets[@]} build_log="$build/fuzz-build.log"
. "$top/tests/fuzz/tap-build.sh"

status=0
n=0
for target in "${targets[@]}"; do
  name=${target%%:*} fixtures=${target#*:}
  n=$((n + 1))
  corpus="$build/fuzz/corpus-$name"
  rm -rf "$corpus"; mkdir -p "$corpus"
  # The fixtures (subfolders too) and the kept corpus, never its crashes/:
  # libFuzzer writes what it finds into the copy, not into the tree.
  IFS=, read -ra dirs <<< "$fixtures"
  for dir in "${dirs[@]}"; do
    find "$top/$dir" -type f ! -name '.git*' -exec cp -t "$corpus" {} +
  done
  if [ -d "$top/tests/data/fuzz/$name" ]; then
    find "$top/tests/data/fuzz/$name" -maxdepth 1 -type f -exec cp -t "$corpus" {} +
  fi
  seeds=$(find "$corpus" -type f | wc -l)
  log="$build/fuzz/fuzz-$name.log"
  if (cd "$build/fuzz" && ./"fuzz-$name" -max_total_time="$seconds" -max_len="$(max_len "$name")" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$build/fuzz/" "$corpus" > "$log" 2>&1); then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "ok $n - fuzz-$name: ${runs:-?} executions in ${seconds}s from $seeds seeds, no findings"
  else
    tail -n 30 "$log" | sed 's/^/# /'
    echo "not ok $n - fuzz-$name found a problem (input kept in $build/fuzz)"
    status=1
  fi
done
exit $status
