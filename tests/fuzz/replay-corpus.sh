#!/usr/bin/env bash
# Regression test: builds the fuzz targets and runs each once over every
# input kept in tests/data/fuzz/TARGET/ (the minimised corpus of the long
# runs) and tests/data/fuzz/TARGET/crashes/ (inputs that once crashed a
# reader, kept after the fix), printing TAP. Nothing is mutated, so the
# result is the same on every run.
# Usage: tests/fuzz/replay-corpus.sh BUILD_DIR
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
targets=(csv framework response-file exchange learning-log)

n_tests=${#targets[@]} build_log="$build/fuzz-replay-build.log"
. "$top/tests/fuzz/tap-build.sh"

status=0
n=0
for name in "${targets[@]}"; do
  n=$((n + 1))
  kept="$top/tests/data/fuzz/$name"
  mapfile -t inputs < <(find "$kept" "$kept/crashes" -maxdepth 1 -type f ! -name '.git*' 2>/dev/null | sort)
  n_crashes=$(find "$kept/crashes" -maxdepth 1 -type f 2>/dev/null | wc -l)
  if [ "${#inputs[@]}" -eq 0 ]; then
    echo "not ok $n - fuzz-$name: no inputs kept in tests/data/fuzz/$name"
    status=1
    continue
  fi
  log="$build/fuzz/replay-$name.log"
  # Files rather than folders: libFuzzer runs each once and writes nothing.
  if (cd "$build/fuzz" && ./"fuzz-$name" -runs=0 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$build/fuzz/replay-" "${inputs[@]}" > "$log" 2>&1); then
    ran=$(grep -c '^Executed ' "$log")
    if [ "$ran" -ne "${#inputs[@]}" ]; then
      echo "not ok $n - fuzz-$name: ran $ran of ${#inputs[@]} kept inputs"
      status=1
    else
      echo "ok $n - fuzz-$name: ${#inputs[@]} kept inputs ($n_crashes former crashes), no findings"
    fi
  else
    grep '^Running: ' "$log" | tail -n 1 | sed 's/^/# /'
    tail -n 30 "$log" | sed 's/^/# /'
    echo "not ok $n - fuzz-$name failed on a kept input (log: $log)"
    status=1
  fi
done
exit $status
