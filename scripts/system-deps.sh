#!/usr/bin/env bash
# Debian packages the tests need: PostgreSQL server binaries (the tests start their own
# throwaway server on loopback), the libraries Qt's offscreen platform links, and the
# X11 libraries the desktop app needs on a real display.
# Installs only what is missing, and only when it can (root with apt-get).
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The libxcb-* packages are what Qt's X11 plugin needs to open a real window on a fresh
# Debian (`qualcode gui` names any that are missing instead of failing in Qt).
# libreoffice-writer + python3-uno: `qualcode report --pdf` (headless, updates the contents);
# poppler-utils: the test that reads the PDF's contents back.
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 \
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libreoffice-writer python3-uno poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing system packages: ${need[*]} (install them with your package manager;" \
       "without postgresql the PostgreSQL tests are skipped)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}"
# The package may start its own cluster; the tests do not use it.
service postgresql stop >/dev/null 2>&1 || true
