"""The engine stays headless: importing it must not load Qt."""

from __future__ import annotations

import subprocess
import sys


def test_engine_does_not_import_qt():
    code = (
        "import sys, app.models.transfer, app.models.metadata, app.seda.scanner, app.seda.sip, app.seda.context, "
        "app.seda.schemas, app.seda.xsd, app.seda.manifest; "
        "import pkgutil, importlib, app.seda, app.models\n"
        "for pkg in (app.seda, app.models):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
