#!/bin/sh
# exe_wrapper of the "valgrind" test setup (tests/meson.build): runs a test
# program under memcheck, and fails it (exit code 1) on any memory error or
# definite leak. Possible and still-reachable blocks are not errors: GLib's
# type system, GIO's modules and fontconfig keep those for the process.
# A test that is a script (crash-safety) runs as it is: valgrind would only
# check bash, not the programs it starts.
# Usage: valgrind.sh PROGRAM [ARGS...]
here=$(cd "$(dirname "$0")" && pwd)

# GLib's advice for valgrind: no slab allocator, and freed memory cleared
# so that stale pointers do not hide leaks. Keeps the tests' fatal-criticals.
export G_SLICE=always-malloc
export G_DEBUG="${G_DEBUG:+$G_DEBUG,}gc-friendly"

case "$(head -c 2 "$1" 2>/dev/null)" in
  '#!') exec "$@" ;;
esac

set -- --suppressions="$here/valgrind.supp" "$@"
glib_supp=/usr/share/glib-2.0/valgrind/glib.supp   # libglib2.0-dev
[ -f "$glib_supp" ] && set -- --suppressions="$glib_supp" "$@"

exec valgrind --quiet --tool=memcheck --leak-check=full --show-leak-kinds=definite \
  --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 "$@"
