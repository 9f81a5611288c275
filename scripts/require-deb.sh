#!/usr/bin/env bash
# Install a Debian package when the program it provides is missing:
#   scripts/require-deb.sh PACKAGE PROGRAM
# (`make bench` needs wrk; the backend tests need pgbouncer for the pooling test.)
set -euo pipefail
package="$1" program="$2"
command -v "$program" >/dev/null 2>&1 && exit 0
[ -x "$program" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "$program is missing and this user cannot install packages: apt-get install $package (as root)" >&2
  exit 1
fi
echo "Installing $package (apt)"
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null 2>&1; then
  $SUDO apt-get update -q >/dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$package" >/dev/null
fi
command -v "$program" >/dev/null 2>&1 || [ -x "$program" ]
