#!/usr/bin/env bash
# Readiness never uses the network: the command line and the app run under
# strace, and any Internet socket (AF_INET, AF_INET6) fails the test. Local
# sockets (D-Bus, the display) are fine. Prints TAP.
# Usage: tests/check-no-network.sh APP CLI EXCHANGE-FILES-DIR
set -uo pipefail
app="$1"
cli="$2"
exchange_dir="$3"

echo "1..2"
if ! command -v strace >/dev/null; then
  if [ -n "${CI:-}" ]; then
    echo "Bail out! strace is missing; scripts/install-deps.sh installs it"
    exit 1
  fi
  echo "ok 1 # SKIP no strace"; echo "ok 2 # SKIP no strace"; exit 0
fi
if ! strace -f -o /dev/null true 2>/dev/null; then
  echo "ok 1 # SKIP this machine does not allow tracing"; echo "ok 2 # SKIP this machine does not allow tracing"
  exit 0
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config"
db="$dir/region.db"

internet_sockets () {
  grep -E 'socket\((AF_INET|AF_INET6|PF_INET|PF_INET6)\b|sa_family=AF_INET' "$1"
}

# Every command that reads or writes: import, compare, export, report.
log="$dir/cli.log"
: > "$log"
status=0
failed=""
run_cli () {
  # A command that fails proves nothing about what it would have opened.
  if ! strace -f -qq -e trace=socket,connect -o "$dir/one.log" "$cli" --database "$db" "$@" > /dev/null 2>"$dir/err"; then
    failed="$failed $1"
    sed 's/^/# /' "$dir/err"
  fi
  cat "$dir/one.log" >> "$log"
}
run_cli import "$exchange_dir"
run_cli schools --format json
run_cli compare --year 2026-2027 --format csv
run_cli export --all --output "$dir/out"
run_cli report --school Sint-Jozef --year 2026-2027 --output "$dir/report.pdf"
if [ -n "$failed" ]; then
  echo "not ok 1 - readiness-cli failed:$failed"
  status=1
elif found=$(internet_sockets "$log"); then
  echo "$found" | sed 's/^/# /'
  echo "not ok 1 - readiness-cli opened an Internet socket"
  status=1
else
  echo "ok 1 - readiness-cli import, schools, compare, export, report: $(grep -c 'socket(' "$log") sockets, none to the Internet"
fi

# The app, started on the same database until it is stopped.
log="$dir/app.log"
timeout -s TERM 8 strace -f -qq -e trace=socket,connect -o "$log" "$app" --database "$db" > /dev/null 2>&1
if [ ! -s "$log" ]; then
  echo "not ok 2 - the app did not start under strace"
  status=1
elif found=$(internet_sockets "$log"); then
  echo "$found" | sed 's/^/# /'
  echo "not ok 2 - the app opened an Internet socket"
  status=1
else
  echo "ok 2 - readiness: $(grep -c 'socket(' "$log") sockets, none to the Internet"
fi
exit $status
