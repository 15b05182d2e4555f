#!/usr/bin/env bash
# Installs everything Cobranza needs to build, test and run on Debian 12, from Debian's packages.
# Run as root or as a user with sudo. Safe to run again.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # packaging: dpkg-shlibdeps for `cpack -G DEB` (build-essential pulls it in; named for clarity)
  dpkg-dev
  # Qt 6: Core, Gui, Widgets, Sql (+ the SQLite driver), PrintSupport, Charts, Concurrent, Test, Linguist
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-svg-dev
  libqt6sql6-sqlite libgl-dev qt6-translations-l10n
  # libraries
  libsqlite3-dev libsodium-dev libxlsxwriter-dev
  # tests: Catch2, PDF text extraction, the sqlite3 shell (benchmarks), a virtual display
  catch2 poppler-utils sqlite3 xvfb xauth
  # tests: unzip reads the exported .xlsx back
  unzip
  # fonts with every Spanish accent, for the screen and for PDFs
  fonts-dejavu-core
)

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${PACKAGES[@]}"
