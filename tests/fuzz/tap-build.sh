# Sourced by run-fuzzers.sh and replay-corpus.sh with top, build, n_tests
# and build_log set: prints the TAP plan and builds the fuzz targets, or
# ends the script with every test skipped (no clang here) or failed (the
# build failed). In CI a missing clang is an error, not a skip.
echo "1..$n_tests"
if ! command -v clang >/dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "Bail out! clang is missing; scripts/install-deps.sh installs it"
    exit 1
  fi
  for i in $(seq "$n_tests"); do echo "ok $i # SKIP no clang"; done
  exit 0
fi

if ! "$top/tests/fuzz/build-fuzzers.sh" "$build" > "$build_log" 2>&1; then
  sed 's/^/# /' "$build_log"
  for i in $(seq "$n_tests"); do echo "not ok $i - build the fuzzers"; done
  exit 1
fi
