#!/usr/bin/env bash
# Build the one-folder bundle dist/liasse/ (liasse, liasse-cli, liasse-sandbox sharing _internal/).
#   bash packaging/build_bundle.sh            # -> dist/liasse/
#   DIST=/tmp/dist bash packaging/build_bundle.sh
# Needs the dev environment (.venv, see bootstrap.sh) and, on Linux, libmagic1 + libmagic-mgc
# (bundled into the output). Installs PyInstaller into .venv if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DIST=${DIST:-dist}
WORK=${WORK:-build/pyinstaller}

if [ ! -x "$PY" ]; then
  echo "No .venv: run 'bash packaging/bootstrap.sh' first." >&2
  exit 2
fi
"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q pyinstaller

# Compiled translations, always rebuilt from the .ts sources (the bundle ships only the .qm).
for ts in resources/i18n/*.ts; do
  [ -e "$ts" ] || continue
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/liasse.spec

echo "Built $DIST/liasse ($(du -sh "$DIST/liasse" | cut -f1))"
