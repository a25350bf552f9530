#!/usr/bin/env bash
# Installs what Readiness needs to build, run and test on Debian 12, from
# Debian's own packages. Safe to run again: apt skips what is there.
# Extra package names given as arguments are installed too (scripts/run.sh
# adds yelp, the help viewer, which no test needs).
set -euo pipefail

packages=(
  gcc meson ninja-build pkg-config
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  gettext itstool yelp-tools appstream desktop-file-utils libxml2-utils
  xvfb xauth at-spi2-core dbus-x11 dbus dbus-daemon libglib2.0-bin python3
  python3-gi gir1.2-atspi-2.0   # tests/atspi drives the app from /usr/bin/python3
  fonts-dejavu-core fontconfig adwaita-icon-theme hicolor-icon-theme librsvg2-common shared-mime-info
  sqlite3 libxlsxwriter-dev
  poppler-utils qpdf unzip strace
  clang libclang-rt-14-dev
  valgrind llvm   # scripts/test-sanitizers.sh: memcheck; llvm-symbolizer names frames in ASan reports
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
