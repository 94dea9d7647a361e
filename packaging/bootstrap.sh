#!/usr/bin/env bash
# Set up Liasse for development on a fresh machine (idempotent), then run the given command in its
# environment. Examples:
#   bash packaging/bootstrap.sh liasse                 # start the application
#   bash packaging/bootstrap.sh liasse-cli build DOSSIER -o versement.zip
#   bash packaging/bootstrap.sh python -m pytest       # run the tests
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries: libmagic for MIME types, and what Qt's xcb/offscreen platforms load.
APT_PACKAGES="libmagic1 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 zip"
missing=""
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Please install these system packages:$missing" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Liasse needs Python 3.11 or later ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian's Python keeps venv in a separate package.
    rm -rf .venv
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get install -y -qq python3-venv >/dev/null
    fi
    "$PYTHON" -m venv .venv
  fi
fi
stamp=.venv/.liasse-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[dev]'
  touch "$stamp"
fi

# The official SEDA schemas are not in this repository: install them from the shared corpus when
# it sits beside the checkout (otherwise: liasse-cli schemas install|download).
if [ -d ../shared/corpus/seda/xsd ] && ! .venv/bin/liasse-cli schemas list >/dev/null 2>&1; then
  .venv/bin/liasse-cli schemas install ../shared/corpus/seda/xsd >/dev/null
fi

# Compiled translations (the application falls back to the .ts sources without them).
if [ -x .venv/bin/pyside6-lrelease ]; then
  for ts in resources/i18n/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm" || true
    fi
  done
fi

if [ $# -gt 0 ]; then
  cmd="$1"; shift
  if [ -x ".venv/bin/$cmd" ]; then cmd=".venv/bin/$cmd"; fi
  exec "$cmd" "$@"
fi
