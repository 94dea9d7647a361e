"""The application's own icon (``resources/icons/liasse.svg``: a bundle of records tied with a strap)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

ICON_PATH = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "liasse.svg"


def application_icon() -> QIcon:
    """The window and taskbar icon (an SVG, drawn at every size the system asks for)."""
    return QIcon(str(ICON_PATH))
