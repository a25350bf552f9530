#!/usr/bin/env bash
# The MIME package must be accepted by update-mime-database, and a file in
# the exchange format must then be recognised by content and by name.
set -euo pipefail
package="$1"
icon="$2"

xmllint --noout "$icon"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/mime/packages"
cp "$package" "$dir/mime/packages/"
export XDG_DATA_DIRS="$dir"
update-mime-database "$dir/mime" 2>"$dir/errors"
if [ -s "$dir/errors" ]; then cat "$dir/errors"; exit 1; fi
grep -q '^application/x-readiness$' "$dir/mime/types"

printf '{\n "format" : "readiness-exchange",\n "format_version" : 1\n}\n' > "$dir/sample.readiness"
cp "$dir/sample.readiness" "$dir/no-suffix"
for file in "$dir/sample.readiness" "$dir/no-suffix"; do
  type=$(gio info -a standard::content-type "$file" | sed -n 's/.*standard::content-type: //p')
  if [ "$type" != "application/x-readiness" ]; then
    echo "$file is $type, not application/x-readiness"
    exit 1
  fi
done
