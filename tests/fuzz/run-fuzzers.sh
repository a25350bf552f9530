#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS on a copy of its seed
# corpus, printing TAP with the number of executions. A crash, a sanitizer
# report or a failed check fails the run; the input is kept in the build
# directory. Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
seconds="$2"

echo "1..3"
if ! command -v clang >/dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "Bail out! clang is missing; scripts/install-deps.sh installs it"
    exit 1
  fi
  echo "ok 1 # SKIP no clang"; echo "ok 2 # SKIP no clang"; echo "ok 3 # SKIP no clang"; exit 0
fi

if ! "$top/tests/fuzz/build-fuzzers.sh" "$build" > "$build/fuzz-build.log" 2>&1; then
  sed 's/^/# /' "$build/fuzz-build.log"
  echo "not ok 1 - build the fuzzers"; echo "not ok 2 - build the fuzzers"; echo "not ok 3 - build the fuzzers"; exit 1
fi

status=0
n=0
for target in csv:tests/data/csv response-file:tests/data/responses exchange:tests/data/exchange; do
  name=${target%%:*} seeds=${target#*:}
  n=$((n + 1))
  corpus="$build/fuzz/corpus-$name"
  rm -rf "$corpus"; mkdir -p "$corpus"
  cp "$top/$seeds"/* "$corpus"/ 2>/dev/null || true
  log="$build/fuzz/fuzz-$name.log"
  if (cd "$build/fuzz" && ./"fuzz-$name" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=10 -rss_limit_mb=2048 "$corpus" > "$log" 2>&1); then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "ok $n - fuzz-$name: ${runs:-?} executions in ${seconds}s, no findings"
  else
    tail -n 30 "$log" | sed 's/^/# /'
    echo "not ok $n - fuzz-$name found a problem (input kept in $build/fuzz)"
    status=1
  fi
done
exit $status
