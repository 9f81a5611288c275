#!/usr/bin/env bash
# `make bench` drives the API with wrk (Debian package `wrk`); install it when missing.
set -euo pipefail
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "wrk is not installed and this user cannot install packages: apt-get install wrk (as root)" >&2
  exit 1
fi
echo "Installing wrk (apt)"
if ! $SUDO apt-get install -y -q wrk >/dev/null 2>&1; then
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q wrk >/dev/null
fi
command -v wrk >/dev/null
