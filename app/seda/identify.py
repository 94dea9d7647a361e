"""File format identification: PRONOM with Siegfried (as Vitam does), MIME type with libmagic.

``pygfried`` embeds Siegfried and its PRONOM signature file, so identification works offline and
gives the same PUIDs as Vitam's own Siegfried. libmagic (python-magic) gives the MIME type from the
first bytes of the file, which the scanner already holds in memory while hashing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

UNKNOWN_PUID = "UNKNOWN"
DEFAULT_MIME = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """What identification found: PRONOM id and name (None when unknown) and MIME type."""

    puid: str | None
    name: str | None
    mime: str | None


class FormatIdentifier:
    """Thread-safe identification; one libmagic handle per thread, one shared Siegfried scanner."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._scanner = None
        self._scanner_lock = threading.Lock()
        self._siegfried_error: str | None = None

    @property
    def siegfried_version(self) -> str | None:
        """The embedded Siegfried version, or None if pygfried is unavailable."""
        try:
            import pygfried
        except ImportError:
            return None
        return pygfried.version()

    def _get_scanner(self):
        if self._scanner is None and self._siegfried_error is None:
            with self._scanner_lock:
                if self._scanner is None and self._siegfried_error is None:
                    try:
                        import pygfried

                        self._scanner = pygfried.Scanner()
                    except Exception as exc:  # pragma: no cover - depends on the platform build
                        self._siegfried_error = str(exc)
        return self._scanner

    def _magic(self):
        handle = getattr(self._local, "magic", None)
        if handle is None:
            try:
                import magic

                handle = magic.Magic(mime=True)
            except Exception:  # pragma: no cover - libmagic missing: fall back to Siegfried's MIME
                handle = False
            self._local.magic = handle
        return handle

    def mime_from_buffer(self, head: bytes) -> str | None:
        """The MIME type libmagic gives for the first bytes of a file."""
        handle = self._magic()
        if not handle:
            return None
        try:
            mime = handle.from_buffer(head)
        except Exception:
            return None
        return mime or None

    def pronom(self, path: str) -> tuple[str | None, str | None, str | None]:
        """(PUID, format name, Siegfried MIME) for a file; PUID None when Siegfried finds nothing."""
        scanner = self._get_scanner()
        if scanner is None:
            return None, None, None
        try:
            result = scanner.identify(path, detailed=True)
            match = result["files"][0]["matches"][0]
        except Exception:
            # Siegfried reports unreadable or malformed containers as errors: treat as unknown.
            return None, None, None
        puid = match.get("id") or None
        if puid == UNKNOWN_PUID:
            return None, None, match.get("mime") or None
        return puid, match.get("format") or None, match.get("mime") or None

    def pronom_many(self, paths: list[str], workers: int) -> dict[str, tuple[str | None, str | None, str | None]]:
        """(PUID, name, MIME) for many files at once; Siegfried spreads them over *workers* Go threads.

        One call per batch is much cheaper than one per file, and runs outside the GIL, so it
        overlaps with the hashing threads.
        """
        scanner = self._get_scanner()
        if scanner is None or not paths:
            return {}
        try:
            result = scanner.identify_many(paths, workers=workers)
        except Exception:
            return {path: self.pronom(path) for path in paths}
        found: dict[str, tuple[str | None, str | None, str | None]] = {}
        for entry in result.get("files", ()):
            matches = entry.get("matches") or [{}]
            match = matches[0]
            puid = match.get("id") or None
            mime = match.get("mime") or None
            if puid == UNKNOWN_PUID:
                found[entry.get("filename")] = (None, None, mime)
            else:
                found[entry.get("filename")] = (puid, match.get("format") or None, mime)
        return found

    @staticmethod
    def choose_mime(magic_mime: str | None, siegfried_mime: str | None) -> str:
        """libmagic's MIME type, unless it only says "binary data" and Siegfried knows better."""
        if magic_mime and magic_mime != DEFAULT_MIME:
            return magic_mime
        return siegfried_mime or magic_mime or DEFAULT_MIME

    def identify(self, path: str, head: bytes) -> FormatInfo:
        """Identify a file whose first bytes are *head*."""
        puid, name, sf_mime = self.pronom(path)
        return FormatInfo(puid, name, self.choose_mime(self.head_mime(head), sf_mime))

    def head_mime(self, head: bytes) -> str | None:
        """libmagic's MIME type for the first bytes of a file (``application/x-empty`` when empty)."""
        return self.mime_from_buffer(head) if head else "application/x-empty"
