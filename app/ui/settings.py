"""Typed access to the user's settings (QSettings, INI format); each key is declared once with its default.

User preferences live under ``prefs/`` and window state under ``persist/`` (Picard's split). A
``version`` key and :data:`UPGRADES` let later releases rename or convert keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
MAX_RECENT = 10


@dataclass(frozen=True)
class Option:
    """A setting: its key, default value and type."""

    key: str
    default: Any

    def read(self, store: QSettings) -> Any:
        """The stored value converted to the default's type, or the default."""
        value = store.value(self.key, self.default)
        if value is None:
            return self.default
        kind = type(self.default)
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return self.default
        if kind is list:
            return [str(v) for v in value] if isinstance(value, list) else ([str(value)] if value else [])
        return value


LANGUAGE = Option("prefs/language", "")  # "" = the system's
SEDA_VERSION = Option("prefs/seda_version", "2.2")
DIGEST = Option("prefs/digest", "sha512")
IGNORE_PATTERNS = Option("prefs/ignore_patterns", "")
WORKERS = Option("prefs/workers", 0)  # 0 = one per core
AUTOSAVE_SECONDS = Option("prefs/autosave_seconds", 60)
RULES_REFERENTIAL = Option("prefs/rules_referential", "")  # the archive's rules CSV (Vitam format)
AGENCIES_REFERENTIAL = Option("prefs/agencies_referential", "")  # its agencies CSV
SENT_SIPS_FOLDER = Option("prefs/sent_sips_folder", "")  # where SIPs sent to Vitam are kept ("" = not kept)
RECENT = Option("persist/recent_projects", [])
GEOMETRY = Option("persist/geometry", QByteArray())
WINDOW_STATE = Option("persist/window_state", QByteArray())
SPLITTER = Option("persist/splitter", QByteArray())
LAST_FOLDER = Option("persist/last_folder", "")


def _upgrade_to_1(store: QSettings) -> None:
    """First versioned layout: nothing to convert."""


UPGRADES = {1: _upgrade_to_1}


class Settings:
    """The application's settings; tests point QSettings at a temporary folder with ``QSettings.setPath``."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Liasse", "liasse")
        version = Option("version", 0).read(self.store)
        for target in sorted(UPGRADES):
            if version < target:
                UPGRADES[target](self.store)
        self.store.setValue("version", SETTINGS_VERSION)

    def get(self, option: Option) -> Any:
        """Read an option."""
        return option.read(self.store)

    def set(self, option: Option, value: Any) -> None:
        """Write an option."""
        self.store.setValue(option.key, value)

    def add_recent(self, path: str) -> list[str]:
        """Put *path* first in the recent projects; return the list."""
        recent = [p for p in self.get(RECENT) if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set(RECENT, recent)
        return recent

    def ignore_patterns(self) -> tuple[str, ...]:
        """The user's extra ignore patterns (one glob per line or separated by ';')."""
        raw = str(self.get(IGNORE_PATTERNS))
        return tuple(p.strip() for p in raw.replace(";", "\n").splitlines() if p.strip())
