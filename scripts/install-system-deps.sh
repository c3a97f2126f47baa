#!/usr/bin/env bash
# Installs the Debian tools the test suite drives for real: Chromium (browser
# tests through playwright-core), xmllint (strict XML checks of feeds and
# sitemap) and zbarimg (decoding printed QR codes). Runs before `npm test`;
# does nothing when they are already there. Never downloads a browser build.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages needed by the tests: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "error: need root to run: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
