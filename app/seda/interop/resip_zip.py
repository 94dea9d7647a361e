"""Zipped Resip hierarchies (Resip's "Importer depuis un zip") and zipped simplified exports (``metadata.csv``).

Resip extracts such a zip to a work folder, then imports it as a folder. Liasse does the same, in a
private staging folder beside the scan cache (``<cache folder>/imports/<name>-<random>/``, as for tar
SIPs), with the checks of SIP import first: entry names escaping the archive, backslashes, NUL, zip
bombs (:mod:`app.seda.interop.archive`). Entry names without the zip's UTF-8 flag are decoded as CP850
(what Windows' zip tools write, and what Resip assumes). Symbolic links stored in the zip (``zip -y`` of
an exported hierarchy) are recreated last, after every file is written, and only when they point inside
the archive; Windows shortcuts (``.lnk``) are files and are resolved by the hierarchy reader. The staged
files are kept: the imported objects point to them. A failed import removes them.

Which reader applies (:func:`zip_layout`): a manifest at the root makes a SIP; ``__GlobalMetadata.xml`` or
``__ManagementMetadata.xml`` at the root (or in the single top folder) a Resip hierarchy; ``metadata.csv``
at the root a simplified export; anything else is read as a hierarchy only when asked.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import stat
import tempfile
import time
import zipfile
from pathlib import Path, PurePosixPath

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.tasks import CancelToken, Progress, no_progress
from app.seda import ontology
from app.seda.interop.archive import MANIFEST_NAME, MAX_RATIO, MAX_TOTAL, RATIO_FLOOR, check_entry_name, staging_root
from app.seda.interop.resip_csv import CsvImport, read_csv
from app.seda.interop.resip_disk import GLOBAL_METADATA, MANAGEMENT_METADATA, DiskImport, read_hierarchy
from app.seda.interop.simplified import CSV_NAME
from app.seda.reader import ReadError, _error
from app.seda.scanner import DEFAULT_EXCLUDES

MAX_LINK_TARGET = 4096
"""Longest symbolic link target accepted (a link entry's content is its target)."""
_ROOT_MARKERS = (GLOBAL_METADATA, MANAGEMENT_METADATA)


def _open(path: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path, metadata_encoding="cp850")
    except (zipfile.BadZipFile, OSError) as exc:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} is not a readable zip archive (damaged or truncated?): {error}"), archive=path,
            error=str(exc)) from exc


def _top_folder(names: list[str]) -> str:
    """The single folder holding every entry (``"Export/"``), or ``""``."""
    tops = {name.split("/", 1)[0] + ("/" if "/" in name else "") for name in names}
    if len(tops) == 1:
        (top,) = tops
        return top if top.endswith("/") else ""
    return ""


def zip_layout(path: str | os.PathLike[str]) -> str:
    """What a zip holds: ``"sip"`` (a manifest at its root), ``"hierarchy"`` (Resip's root metadata files at its
    root or in its single top folder), ``"csv"`` (``metadata.csv`` at its root, a simplified export) or ``""``."""
    with _open(os.fspath(path)) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
    if any(MANIFEST_NAME.match(n) for n in names):
        return "sip"
    top = _top_folder(names)
    if any(prefix + marker in names for prefix in {"", top} for marker in _ROOT_MARKERS):
        return "hierarchy"
    if CSV_NAME in names:
        return "csv"
    return ""


def _bomb(path: str, entry: str) -> ReadError:
    return _error(QT_TRANSLATE_NOOP(
        "import", "{archive} looks like a zip bomb (entry {entry} expands far more than any real file): refused."),
        archive=path, entry=entry)


def extract_zip(path: str | os.PathLike[str], cancel: CancelToken | None = None) -> Path:
    """Extract a zip safely into a new private staging folder and return that folder.

    Raises :class:`ReadError` for a damaged or hostile archive (nothing is left behind then).
    """
    path = os.path.abspath(os.fspath(path))
    with _open(path) as archive:
        infos = archive.infolist()
        total = 0
        for info in infos:  # every check before anything is written
            check_entry_name(info.filename, path)
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bomb(path, info.filename)
        if total > MAX_TOTAL:
            raise _bomb(path, "*")
        root = staging_root()
        root.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=Path(path).name + "-", dir=root))
        try:
            links = _extract(archive, infos, staged, path, cancel)
            for name, target in links:  # last: no file is ever written through a link
                os.symlink(target, staged / name.rstrip("/"))
        except OSError as exc:
            shutil.rmtree(staged, ignore_errors=True)
            raise _error(QT_TRANSLATE_NOOP(
                "import", "Cannot extract {archive} to {folder}: {error}. Check the free space of the cache folder "
                          "(or set LIASSE_CACHE_DIR), then import again."), archive=path, folder=str(staged),
                error=exc.strerror or str(exc)) from exc
        except (zipfile.BadZipFile, EOFError, RuntimeError, ValueError) as exc:  # CRC, truncation, encryption
            shutil.rmtree(staged, ignore_errors=True)
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{archive} is not a readable zip archive (damaged or truncated?): {error}"), archive=path,
                error=str(exc)) from exc
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    return staged


def _extract(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], staged: Path, path: str,
             cancel: CancelToken | None) -> list[tuple[str, str]]:
    """Write the folders and files; return the symbolic links to make, as (entry name, target)."""
    links: list[tuple[str, str]] = []
    for info in infos:
        if cancel is not None:
            cancel.check()
        name = info.filename
        target = staged / name
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            links.append((name, _link_target(archive, info, path)))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            out = open(target, "xb")
        except FileExistsError as exc:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{archive} holds {entry} twice (perhaps differing only by case): refused. Rebuild the "
                          "archive."), archive=path, entry=repr(name)) from exc
        with out, archive.open(info) as source:
            shutil.copyfileobj(source, out, 1 << 20)
        # The scan reads LastModified from the file: give it the date stored in the zip.
        stamp = time.mktime(info.date_time + (0, 0, -1))
        os.utime(target, (stamp, stamp))
    return links


def _link_target(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> str:
    """The target of a symbolic link entry, refused unless it is relative and stays inside the archive."""
    raw = archive.read(info) if info.file_size <= MAX_LINK_TARGET else b""
    target = raw.decode("utf-8", errors="replace")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(info.filename), target))
    if (not target or "\\" in target or "\x00" in target or target.startswith("/")
            or resolved == ".." or resolved.startswith("../") or PurePosixPath(resolved).is_absolute()):
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{archive} contains the link {entry} to {target}, outside the archive: refused for safety. "
                      "Rebuild the archive without it."), archive=path, entry=repr(info.filename),
            target=repr(target[:200]))
    return target


def read_zip_hierarchy(
    path: str | os.PathLike[str],
    version: str = ontology.DEFAULT_VERSION,
    *,
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DiskImport:
    """Import a zipped Resip disk hierarchy (models V1/V2), extracted to a private staging folder first."""
    staged = extract_zip(path, cancel)
    try:
        with _open(os.fspath(path)) as archive:
            top = _top_folder([n for n in archive.namelist() if not n.endswith("/")])
        folder = staged / top if top and any((staged / top / m).is_file() for m in _ROOT_MARKERS) else staged
        return read_hierarchy(folder, version, excludes=excludes, progress=progress, cancel=cancel)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def read_zip_csv(
    path: str | os.PathLike[str],
    version: str = ontology.DEFAULT_VERSION,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> CsvImport:
    """Import a zipped simplified export: its ``metadata.csv``, with the files beside it."""
    staged = extract_zip(path, cancel)
    try:
        return read_csv(staged / CSV_NAME, version, progress=progress, cancel=cancel)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
