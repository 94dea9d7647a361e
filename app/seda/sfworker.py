"""Siegfried in worker processes: pygfried holds the GIL while it identifies, so true parallelism
(and keeping its Go heap, ~150 MB, out of the application's process) needs processes.

This module is imported by the workers: keep it free of heavy imports.
"""

from __future__ import annotations

_scanner = None

Identified = tuple[str | None, str | None, str | None]
"""(PUID or None when unknown, format name, Siegfried's MIME type)."""


def init() -> None:
    """Process initializer: one Siegfried scanner per worker."""
    global _scanner
    import pygfried

    _scanner = pygfried.Scanner()


def parse(result: dict) -> list[Identified]:
    """Siegfried's detailed result → one tuple per file, in input order."""
    out: list[Identified] = []
    for entry in result.get("files", ()):
        match = (entry.get("matches") or [{}])[0]
        puid = match.get("id") or None
        mime = match.get("mime") or None
        if puid is None or puid == "UNKNOWN":
            out.append((None, None, mime))
        else:
            out.append((puid, match.get("format") or None, mime))
    return out


def identify_batch(paths: list[str]) -> list[Identified]:
    """Identify a batch of files in this worker; one tuple per path, in order."""
    if _scanner is None:
        init()
    try:
        return parse(_scanner.identify_many(paths, workers=1))
    except Exception:
        results: list[Identified] = []
        for path in paths:
            try:
                results.extend(parse(_scanner.identify(path, detailed=True)) or [(None, None, None)])
            except Exception:
                results.append((None, None, None))
        return results
