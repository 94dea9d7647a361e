"""A persistent cache of scan results, keyed by path, size and modification time.

Re-importing a folder (or building again after a few edits) must not hash tens of GB again. A
file whose path, size, mtime and digest algorithm match an entry reuses its digest and format.
The cache is a SQLite file in the user's cache folder; being only a cache, a damaged file is
discarded and rebuilt, never an error.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CachedScan:
    """What the scanner learnt about one file."""

    size: int
    mtime_ns: int
    algorithm: str
    digest: str
    puid: str | None
    format_name: str | None
    mime: str | None


def _key(path: str) -> str | bytes:
    """The path as SQLite can store it.

    Names that are not valid UTF-8 reach us with surrogate escapes, which SQLite's text type
    refuses; they are stored as their raw bytes instead (a blob never equals a text key, so the two
    forms cannot collide).
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def default_cache_path() -> Path:
    """``$LIASSE_CACHE_DIR/scan-cache.sqlite`` or the platform's user cache folder."""
    env = os.environ.get("LIASSE_CACHE_DIR")
    if env:
        base = Path(env)
    elif sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Liasse" / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "Liasse"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "liasse"
    return base / "scan-cache.sqlite"


class ScanCache:
    """SQLite-backed cache; use from one thread (the scanner's coordinating thread)."""

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS scan (path TEXT NOT NULL, algorithm TEXT NOT NULL, size INTEGER NOT NULL,"
        " mtime_ns INTEGER NOT NULL, digest TEXT NOT NULL, puid TEXT, name TEXT, mime TEXT,"
        " PRIMARY KEY (path, algorithm))"
    )

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        try:
            self._open()
        except sqlite3.DatabaseError:
            self._reset()

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(self._SCHEMA)
        self._db.execute("BEGIN")

    def _reset(self) -> None:
        self.close(commit=False)
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(str(self.path) + suffix)
            except OSError:
                pass
        try:
            self._open()
        except (sqlite3.DatabaseError, OSError):
            self._db = None  # run without a cache rather than fail the import

    def get(self, path: str, size: int, mtime_ns: int, algorithm: str) -> CachedScan | None:
        """The cached result for this exact file state, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT size, mtime_ns, algorithm, digest, puid, name, mime FROM scan WHERE path=? AND algorithm=?",
                (_key(path), algorithm),
            ).fetchone()
        except sqlite3.DatabaseError:
            self._reset()
            return None
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return CachedScan(*row)

    def put(self, path: str, entry: CachedScan) -> None:
        """Record a result; committed in batches and on :meth:`close`."""
        if self._db is None:
            return
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO scan VALUES (?,?,?,?,?,?,?,?)",
                (_key(path), entry.algorithm, entry.size, entry.mtime_ns, entry.digest, entry.puid,
                 entry.format_name, entry.mime),
            )
            self._pending += 1
            if self._pending >= 2000:
                self._db.execute("COMMIT")
                self._db.execute("BEGIN")
                self._pending = 0
        except sqlite3.DatabaseError:
            self._reset()

    def close(self, commit: bool = True) -> None:
        """Commit and close."""
        if self._db is None:
            return
        try:
            if self._db.in_transaction:
                self._db.execute("COMMIT" if commit else "ROLLBACK")
            self._db.close()
        except sqlite3.DatabaseError:
            pass
        self._db = None

    def __enter__(self) -> ScanCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
