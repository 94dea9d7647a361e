"""Safe, read-in-place access to SIP and DIP archives (zip, tar, tar.gz).

Zip archives are read where they are: the manifest is streamed from its entry and each object keeps
``source_path`` = the archive and ``source_member`` = its entry, so exporting copies the bytes
straight from the archive. Tar archives have no index and (compressed) cannot be read at random,
so each tar is read once, sequentially, and its regular files are copied to a private staging
folder (``$LIASSE_CACHE_DIR/imports/<name>-<random>/``, kept while the project uses it); objects
then point to the staged files. Nothing is ever written outside that folder.

Hostile archives are refused before anything is read: entry names escaping the archive (``..``,
absolute paths, drive letters), backslashes, NUL characters, links in tars, and zip bombs (a
compression ratio above :data:`MAX_RATIO`, or more than :data:`MAX_TOTAL` bytes once expanded).
"""

from __future__ import annotations

import os
import re
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.tasks import CancelToken
from app.seda.cache import default_cache_path
from app.seda.reader import ReadError, _error

MAX_RATIO = 200
"""Largest compressed-to-expanded ratio accepted for an entry bigger than :data:`RATIO_FLOOR`."""
RATIO_FLOOR = 16 << 20
MAX_TOTAL = 1 << 40
"""Largest total expanded size (1 TiB) an archive may declare."""
MANIFEST_NAME = re.compile(r"^[^/\\]*manifest[^/\\]*\.xml$", re.IGNORECASE)
"""A manifest is an XML file at the archive's root whose name contains "manifest" (as Resip)."""


def check_entry_name(name: str, archive: str) -> None:
    """Refuse an entry name that could escape the destination or means different things on Windows."""
    bad = ("\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name)
           or any(part == ".." for part in name.split("/")))
    if bad:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} contains an entry named {entry}, which points outside the archive or uses "
                      "backslashes: refused for safety. Rebuild the archive with plain relative names."),
            archive=archive, entry=repr(name))


@dataclass
class Archive:
    """An opened SIP/DIP archive: its file names and how to read them."""

    path: str
    kind: str  # "zip" or "tar"
    names: list[str]
    staged: Path | None = None  # tar only: where its files were copied
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)
    _sizes: dict[str, int] = field(default_factory=dict, repr=False)

    def open(self, name: str) -> BinaryIO:
        """A binary stream of one file of the archive."""
        if self._zip is not None:
            return self._zip.open(name)
        assert self.staged is not None
        return open(self.staged / name, "rb")

    def size(self, name: str) -> int:
        """The expanded size of one file."""
        return self._sizes.get(name, 0)

    def source(self, name: str) -> tuple[str, str | None]:
        """(source_path, source_member) of an object stored in this archive."""
        if self.kind == "zip":
            return self.path, name
        assert self.staged is not None
        return str(self.staged / name), None

    def find_manifest(self) -> str:
        """The name of the single manifest at the archive's root (``manifest.xml`` preferred)."""
        candidates = [n for n in self.names if MANIFEST_NAME.match(n)]
        if "manifest.xml" in candidates:
            return "manifest.xml"
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{archive} has no manifest.xml at its root: it is not a SIP or a DIP."), archive=self.path)
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} has several manifests at its root ({names}); keep only one."), archive=self.path,
            names=", ".join(sorted(candidates)))

    def close(self) -> None:
        """Release the archive (staged tar files stay: the imported objects point to them)."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_archive(path: str | os.PathLike[str], cancel: CancelToken | None = None) -> Archive:
    """Open a zip or tar SIP safely; raise :class:`ReadError` for a damaged or hostile archive."""
    path = os.path.abspath(os.fspath(path))
    if zipfile.is_zipfile(path):
        return _open_zip(path)
    try:
        is_tar = tarfile.is_tarfile(path)
    except OSError:
        is_tar = False
    if is_tar:
        return _stage_tar(path, cancel)
    raise _error(QT_TRANSLATE_NOOP(
        "import", "{archive} is not a readable zip or tar archive (damaged or truncated?)."), archive=path)


def _open_zip(path: str) -> Archive:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} is not a readable zip archive (damaged or truncated?): {error}"), archive=path,
            error=str(exc)) from exc
    try:
        total = 0
        names: list[str] = []
        sizes: dict[str, int] = {}
        for info in archive.infolist():
            check_entry_name(info.filename, path)
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bomb(path, info.filename)
            if not info.is_dir():
                names.append(info.filename)
                sizes[info.filename] = info.file_size
        if total > MAX_TOTAL:
            raise _bomb(path, "*")
    except BaseException:
        archive.close()
        raise
    return Archive(path, "zip", names, _zip=archive, _sizes=sizes)


def _bomb(path: str, entry: str) -> ReadError:
    return _error(QT_TRANSLATE_NOOP(
        "import", "{archive} looks like a zip bomb (entry {entry} expands far more than any real file): refused."),
        archive=path, entry=entry)


def staging_root() -> Path:
    """Where tar archives are unpacked for import (beside the scan cache)."""
    return default_cache_path().parent / "imports"


def _stage_tar(path: str, cancel: CancelToken | None) -> Archive:
    root = staging_root()
    root.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=Path(path).name + "-", dir=root))
    names: list[str] = []
    sizes: dict[str, int] = {}
    total = 0
    try:
        with tarfile.open(path, "r:*") as tar:
            for member in tar:  # sequential: one pass, even through gzip
                if cancel is not None:
                    cancel.check()
                check_entry_name(member.name, path)
                if member.isdir():
                    continue
                if not member.isfile():
                    raise _error(QT_TRANSLATE_NOOP(
                        "import", "{archive} contains {entry}, which is a link or a device, not a file: refused for "
                                  "safety."), archive=path, entry=repr(member.name))
                total += member.size
                if total > MAX_TOTAL:
                    raise _bomb(path, member.name)
                target = staged / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None
                with source, open(target, "xb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
                names.append(member.name)
                sizes[member.name] = member.size
    except (tarfile.TarError, EOFError, OSError) as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} is not a readable tar archive (damaged or truncated?): {error}"), archive=path,
            error=str(exc)) from exc
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return Archive(path, "tar", names, staged=staged, _sizes=sizes)


def member_opener(archive: Archive, name: str) -> Callable[[], BinaryIO]:
    """A callable opening a fresh stream on *name* (the reader opens the manifest twice)."""
    return lambda: archive.open(name)
