#!/usr/bin/env bash
# Headless Chromium (Debian's package) for the real-browser tests of the HTML views
# (tests/browser.py), plus a font with Vietnamese glyphs for readable screenshots. Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-dejavu-core >/dev/null 2>&1; then
  chromium --version
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
chromium --version
