#!/usr/bin/env bash
# Fails when a Dutch catalogue lacks, or has fuzzy, translations for the
# strings the sources hold now. Usage: check-translations.sh SOURCE_ROOT
set -euo pipefail
root="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

check () {
  local po="$1" pot="$2" stats
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*) echo "FAIL: $po is not complete"; status=1 ;;
  esac
  # Every message of the current template must be translated in the catalogue.
  if ! msgcmp "$po" "$pot" 2>"$work/msgcmp.log"; then
    sed 's/^/  /' "$work/msgcmp.log" | head -20
    echo "FAIL: $po misses messages of the current sources"
    status=1
  fi
}

# The UI: the same keywords as meson's i18n 'glib' preset.
(cd "$root" && xgettext --from-code=UTF-8 --add-comments --package-name=readiness \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES.in -o "$work/readiness.pot")
check "$root/po/nl.po" "$work/readiness.pot"

# The help pages.
itstool -o "$work/help.pot" "$root"/help/C/*.page
check "$root/help/nl/nl.po" "$work/help.pot"

exit $status
