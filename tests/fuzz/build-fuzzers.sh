#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and UBSan, from the
# sources and a configured meson build directory (for config.h and the
# generated enum and resource files). Needs clang and libclang-rt-14-dev.
# Usage: tests/fuzz/build-fuzzers.sh [BUILD_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
out="$build/fuzz"
mkdir -p "$out"

flags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
       -D_GNU_SOURCE -I"$build" -I"$top/src" -I"$top/src/core" -I"$build/src/core")

# The CSV reader needs GLib alone.
clang "${flags[@]}" $(pkg-config --cflags glib-2.0) \
  "$top/src/core/rd-csv.c" "$top/tests/fuzz/fuzz-csv.c" \
  $(pkg-config --libs glib-2.0) -o "$out/fuzz-csv"

# The response and exchange readers check answers against the built-in
# framework: the whole core, with its generated enums and resources.
for name in response-file exchange; do
  clang "${flags[@]}" $(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 sqlite3) \
    "$top"/src/core/rd-*.c "$build/src/core/rd-enums.c" "$build/src/core/rd-core-resources.c" \
    "$top/tests/fuzz/fuzz-$name.c" \
    $(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0 sqlite3) -lm -o "$out/fuzz-$name"
done

echo "built $out/fuzz-csv, $out/fuzz-response-file and $out/fuzz-exchange"
