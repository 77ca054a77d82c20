#!/usr/bin/env bash
# SPARQL servers for the store tests (tests/servers.py starts and stops them on loopback):
#  - Virtuoso from Debian (the package does not start a service; the tests run their own
#    instance with a private database folder);
#  - the Oxigraph server comes from PyPI (`oxigraph`, in the `test` extra), nothing to do here.
# Idempotent, non-interactive.
set -euo pipefail
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  virtuoso-t -? 2>&1 | head -n 2 || true
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq virtuoso-opensource >/dev/null
# Debian's package may start the system service on install: the tests need none of it.
if command -v service >/dev/null 2>&1; then
  service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi
command -v virtuoso-t
command -v isql-vt
