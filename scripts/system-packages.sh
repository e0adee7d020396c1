#!/usr/bin/env bash
# The Debian packages klantreis's tests need beside Python: chromium (browser tests),
# colour-emoji and DejaVu fonts (emoji in charts and posters), and Pango, HarfBuzz and
# fontconfig for WeasyPrint (the PDF posters), poppler-utils (pdfinfo: is a poster a
# tagged PDF). Installed with apt when missing, as root
# or through sudo; otherwise this says what to install and goes on.
set -euo pipefail

PACKAGES="chromium fonts-noto-color-emoji fonts-dejavu-core fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils"
LDCONFIG="$(command -v ldconfig || echo /sbin/ldconfig)"

present() {
  command -v chromium >/dev/null 2>&1 && command -v fc-match >/dev/null 2>&1 \
    && command -v pdfinfo >/dev/null 2>&1 \
    && fc-list 2>/dev/null | grep -i "Noto Color Emoji" >/dev/null \
    && fc-list 2>/dev/null | grep -i "DejaVu Sans" >/dev/null \
    && "$LDCONFIG" -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null \
    && "$LDCONFIG" -p 2>/dev/null | grep "libharfbuzz-subset.so.0" >/dev/null
}

present && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "klantreis: install these packages (or your system's equivalents): $PACKAGES" >&2
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "klantreis: run 'sudo apt-get install $PACKAGES' for the browser and poster tests" >&2
  exit 0
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null
