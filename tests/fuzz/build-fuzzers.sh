#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and UBSan, from the
# sources and a configured meson build directory (for config.h and the
# generated enum and resource files). Needs clang and libclang-rt-14-dev.
# The core is compiled once into BUILD_DIR/fuzz/obj and linked into each
# target; nothing is rebuilt when no source is newer than the targets.
# Usage: tests/fuzz/build-fuzzers.sh [BUILD_DIR]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
out="$build/fuzz"
targets=(csv framework response-file exchange learning-log)
mkdir -p "$out/obj"

sources=("$top"/src/core/rd-*.c "$build/src/core/rd-enums.c" "$build/src/core/rd-core-resources.c")
deps=("${sources[@]}" "$top"/src/core/*.h "$top"/tests/fuzz/*.[ch] "$0" "$build/config.h"
      "$build"/src/core/*.h "$top"/data/frameworks/*.json)

up_to_date=yes
for name in "${targets[@]}"; do
  bin="$out/fuzz-$name"
  if [ ! -x "$bin" ] || [ -n "$(find "${deps[@]}" -newer "$bin" -print -quit)" ]; then
    up_to_date=no
  fi
done
if [ "$up_to_date" = yes ]; then
  echo "fuzz targets in $out are up to date"
  exit 0
fi

sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
flags=(-g -O1 "${sanitize[@]}"
       -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
       -D_GNU_SOURCE -I"$build" -I"$top/src" -I"$top/src/core" -I"$build/src/core")
cflags=$(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0 sqlite3)
libs=$(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0 sqlite3)

# The core, instrumented for coverage but without libFuzzer's main.
objects=()
rm -f "$out"/obj/*.o
for src in "${sources[@]}"; do
  obj="$out/obj/$(basename "${src%.c}").o"
  clang "${flags[@]}" -fsanitize=fuzzer-no-link $cflags -c "$src" -o "$obj"
  objects+=("$obj")
done

# The CSV reader needs GLib alone; the framework reader, and the response
# and exchange readers that check answers against the built-in framework,
# take the whole core with its generated enums and resources.
clang "${flags[@]}" -fsanitize=fuzzer $cflags "$out/obj/rd-csv.o" "$top/tests/fuzz/fuzz-csv.c" \
  $libs -o "$out/fuzz-csv"
for name in framework response-file exchange learning-log; do
  clang "${flags[@]}" -fsanitize=fuzzer $cflags "${objects[@]}" "$top/tests/fuzz/fuzz-$name.c" \
    $libs -lm -o "$out/fuzz-$name"
done

echo "built $out/fuzz-csv, $out/fuzz-framework, $out/fuzz-response-file, $out/fuzz-exchange and $out/fuzz-learning-log"
