#!/bin/sh
# Every screenshot the metainfo links to is in data/screenshots/, is a PNG
# of the size the metainfo states, and is small enough for software centres.
#   check-screenshots.sh METAINFO SCREENSHOT-DIR
set -eu
metainfo="$1"
dir="$2"
status=0
count=0
for line in $(xmllint --xpath '//screenshot/image' "$metainfo" | sed -n 's|.*width="\([0-9]*\)" height="\([0-9]*\)">[^<]*/data/screenshots/\([^<]*\)</image>.*|\3:\1x\2|p'); do
  name="${line%%:*}"
  size="${line#*:}"
  file="$dir/$name"
  count=$((count + 1))
  if [ ! -f "$file" ]; then
    echo "missing: $file"; status=1; continue
  fi
  # Width and height from the PNG header (bytes 17–24, big-endian).
  w=$(od -An -tu1 -j16 -N4 "$file" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }')
  h=$(od -An -tu1 -j20 -N4 "$file" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }')
  if [ "${w}x${h}" != "$size" ]; then
    echo "$name: ${w}x${h}, the metainfo says $size"; status=1
  fi
  bytes=$(wc -c < "$file")
  if [ "$bytes" -gt 307200 ]; then
    echo "$name: $bytes bytes, more than 300 KiB"; status=1
  fi
done
if [ "$count" -eq 0 ]; then
  echo "no screenshots in $metainfo"; status=1
fi
[ "$status" -eq 0 ] && echo "$count screenshots ok"
exit "$status"
