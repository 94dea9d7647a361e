"""File format identification: PRONOM with Siegfried (as Vitam does), MIME type with libmagic.

``pygfried`` embeds Siegfried and its PRONOM signature file, so identification works offline and
gives the same PUIDs as Vitam's own Siegfried. libmagic (python-magic) gives the MIME type from the
first bytes of the file, which the scanner already holds in memory while hashing.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from app.seda import sfworker

UNKNOWN_PUID = "UNKNOWN"
DEFAULT_MIME = "application/octet-stream"


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """What identification found: PRONOM id and name (None when unknown) and MIME type."""

    puid: str | None
    name: str | None
    mime: str | None


class FormatIdentifier:
    """Identification of single files; one libmagic handle per thread (libmagic is not thread-safe)."""

    def __init__(self) -> None:
        self._local = threading.local()

    @property
    def siegfried_version(self) -> str | None:
        """The embedded Siegfried version, or None if pygfried is unavailable."""
        try:
            import pygfried
        except ImportError:
            return None
        return pygfried.version()

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
        """(PUID, format name, Siegfried MIME) for one file; PUID None when Siegfried finds nothing."""
        return sfworker.identify_batch([path])[0]

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


class IdentificationPool:
    """Siegfried over batches of files in worker processes (in this process when there are few files).

    Processes are started with ``spawn`` (never ``fork``: the caller runs threads) and each loads its
    own scanner once.
    """

    MIN_FILES_FOR_PROCESSES = 400

    def __init__(self, workers: int, files: int) -> None:
        self._executor: ProcessPoolExecutor | None = None
        if files >= self.MIN_FILES_FOR_PROCESSES:
            try:
                self._executor = ProcessPoolExecutor(
                    max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                    initializer=sfworker.init)
            except (OSError, ValueError):
                self._executor = None

    def submit(self, paths: list[str]) -> Future:
        """A future of one ``(puid, name, mime)`` tuple per path."""
        if self._executor is not None:
            try:
                return self._executor.submit(sfworker.identify_batch, paths)
            except Exception:  # broken pool (a worker died): carry on in this process
                self._executor = None
        future: Future = Future()
        future.set_result(sfworker.identify_batch(paths))
        return future

    def close(self) -> None:
        """Stop the workers (pending batches are cancelled)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
