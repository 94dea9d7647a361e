"""Turn a folder tree into archive units and binary objects, hashing and identifying each file once.

The walk builds the unit tree (folders → RecordGrp units, files → Item units with one
DataObjectGroup holding a ``BinaryMaster_1`` object). Then every file is read once, by a pool of
threads that hash it, run libmagic on its first bytes and Siegfried on it: hashlib, libmagic and
Siegfried release the GIL, so the work spreads over the cores and I/O overlaps computation.
Results are cached by path, size and mtime (:mod:`app.seda.cache`).
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import sys
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, Transfer
from app.seda import ontology
from app.seda.cache import CachedScan, ScanCache
from app.seda.digest import CHUNK, DEFAULT_ALGORITHM, hasher, seda_name
from app.seda.identify import FormatIdentifier, IdentificationPool
from app.seda.report import Report, Severity

CTX = "scan"
HEAD_BYTES = 1 << 16  # what libmagic needs to recognise every common format

DEFAULT_EXCLUDES: tuple[str, ...] = ("Thumbs.db", "desktop.ini", ".DS_Store", "~$*", ".git/")
"""Glob patterns on names, case-insensitive; a trailing ``/`` matches folders only."""


@dataclass
class ScanOptions:
    """How a folder becomes units."""

    root_is_unit: bool = True
    """True: the folder itself is the single root unit. False: its children are the roots (Resip)."""
    algorithm: str = DEFAULT_ALGORITHM
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES
    exclude_regexes: tuple[str, ...] = ()
    """Regular expressions on names, as in Resip's exclusion file."""
    workers: int | None = None
    """Threads for hashing and identification (default: the number of cores)."""


@dataclass
class ScanResult:
    """The transfer built from the folder, with what was ignored and what went wrong."""

    transfer: Transfer
    report: Report
    files: int = 0
    folders: int = 0
    bytes: int = 0
    ignored: list[str] = field(default_factory=list)
    cached: int = 0


class Excluder:
    """Decides which names the scan ignores."""

    def __init__(self, globs: Iterable[str], regexes: Iterable[str] = ()) -> None:
        self._files: list[re.Pattern] = []
        self._dirs: list[re.Pattern] = []
        for pattern in globs:
            target = self._dirs if pattern.endswith("/") else self._files
            compiled = re.compile(fnmatch.translate(pattern.rstrip("/")), re.IGNORECASE)
            target.append(compiled)
            if not pattern.endswith("/"):
                self._dirs.append(compiled)
        self._regexes = [re.compile(r) for r in regexes]

    def excluded(self, name: str, is_dir: bool) -> bool:
        """Whether a file or folder with this name is ignored."""
        patterns = self._dirs if is_dir else self._files
        return any(p.match(name) for p in patterns) or any(r.fullmatch(name) for r in self._regexes)


def local_datetime(ns: int) -> str:
    """An mtime as an xsd:dateTime in local time, to the second (as archivists read it)."""
    return datetime.fromtimestamp(ns / 1e9).replace(microsecond=0).isoformat()


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple:
    """Sort key putting "Dossier 2" before "Dossier 10", case-insensitively."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(name))


def _entry_order(entry: os.DirEntry) -> tuple:
    # Folders first, then files, each in natural name order, as file managers show them.
    try:
        is_dir = entry.is_dir()
    except OSError:
        is_dir = False
    return (not is_dir, natural_key(entry.name), entry.name)


def _has_surrogates(name: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def _repair_name(name: str) -> str:
    """A displayable name for one whose bytes are not UTF-8 (often cp1252 from old Windows media)."""
    raw = os.fsencode(name)
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


def _is_within(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False


class _Walk:
    """State of one folder walk."""

    def __init__(self, root: Path, transfer: Transfer, options: ScanOptions, result: ScanResult,
                 cancel: CancelToken | None) -> None:
        self.root = os.path.realpath(root)
        self.transfer = transfer
        self.options = options
        self.result = result
        self.report = result.report
        self.cancel = cancel
        self.excluder = Excluder(options.excludes, options.exclude_regexes)
        self.visited: set[tuple[int, int]] = set()
        self.objects: list[tuple[BinaryDataObject, ArchiveUnit]] = []
        self.folder_units: list[tuple[ArchiveUnit, list[int]]] = []  # unit, [min_ns, max_ns]
        self.range_of: dict[int, list[int]] = {}

    def problem(self, code: str, path: str, text: str, **params: str) -> None:
        self.report.add(Severity.WARNING if code.startswith("name") or code.startswith("link")
                        else Severity.ERROR, code, path, Message(CTX, text, {"path": path, **params}))

    def display_name(self, name: str, full: str) -> str:
        if not _has_surrogates(name):
            return name
        repaired = _repair_name(name)
        self.problem("name-undecodable", _repair_name(full),
                     QT_TRANSLATE_NOOP("scan", "The name of {path} is not valid UTF-8; it was recorded as "
                                            "\"{name}\". Check the title and file name."), name=repaired)
        return repaired

    def run(self) -> None:
        root_stat = os.stat(self.root)
        self.visited.add((root_stat.st_dev, root_stat.st_ino))
        parent: ArchiveUnit | None = None
        if self.options.root_is_unit:
            parent = self._folder_unit(os.path.basename(self.root) or self.root, self.root, None)
        stack: list[tuple[str, ArchiveUnit | None]] = [(self.root, parent)]
        while stack:
            if self.cancel:
                self.cancel.check()
            folder, unit = stack.pop()
            subfolders = self._scan_dir(folder, unit)
            stack.extend(reversed(subfolders))
        self._date_folders()

    def _folder_unit(self, name: str, path: str, parent: ArchiveUnit | None) -> ArchiveUnit:
        unit = self.transfer.new_unit(name, "RecordGrp", parent)
        unit.source = path
        span = [0, 0]
        self.folder_units.append((unit, span))
        self.range_of[id(unit)] = span
        self.result.folders += 1
        return unit

    def _scan_dir(self, folder: str, unit: ArchiveUnit | None) -> list[tuple[str, ArchiveUnit]]:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=_entry_order)
        except OSError as exc:
            self.problem("folder-unreadable", folder,
                         QT_TRANSLATE_NOOP("scan", "Folder {path} cannot be read ({error}); its content is left out."),
                         error=exc.strerror or str(exc))
            return []
        subfolders: list[tuple[str, ArchiveUnit]] = []
        for entry in entries:
            full = entry.path
            try:
                is_link = entry.is_symlink()
                st = os.stat(full)  # follows links: what the user sees
            except OSError as exc:
                if isinstance(exc, FileNotFoundError) and is_link:
                    self.problem("link-broken", full, QT_TRANSLATE_NOOP(
                        "scan", "{path} is a link to something that does not exist; it is left out."))
                else:
                    self.problem("file-vanished" if isinstance(exc, FileNotFoundError) else "file-unreadable",
                                 full, QT_TRANSLATE_NOOP("scan", "{path} cannot be read ({error}); it is left out."),
                                 error=exc.strerror or str(exc))
                continue
            is_dir = stat.S_ISDIR(st.st_mode)
            if self.excluder.excluded(entry.name, is_dir):
                self.result.ignored.append(full)
                continue
            if is_link and not _is_within(os.path.realpath(full), self.root):
                self.problem("link-outside", full, QT_TRANSLATE_NOOP(
                    "scan", "{path} is a link leading outside the folder; it is not followed."))
                continue
            if is_dir:
                key = (st.st_dev, st.st_ino)
                if key in self.visited:
                    self.problem("link-loop", full, QT_TRANSLATE_NOOP(
                        "scan", "{path} leads to a folder already included; it is not followed twice."))
                    continue
                self.visited.add(key)
                name = self.display_name(entry.name, full)
                subfolders.append((full, self._folder_unit(name, full, unit)))
            elif stat.S_ISREG(st.st_mode):
                self._file_unit(entry.name, full, st, unit)
            else:
                self.problem("file-special", full, QT_TRANSLATE_NOOP(
                    "scan", "{path} is not a regular file (device, socket or pipe); it is left out."))
        return subfolders

    def _file_unit(self, raw_name: str, full: str, st: os.stat_result, parent: ArchiveUnit | None) -> None:
        name = self.display_name(raw_name, full)
        unit = self.transfer.new_unit(name, "Item", parent)
        unit.source = full
        group = self.transfer.new_group()
        obj = BinaryDataObject(self.transfer.ids.new(), "BinaryMaster_1", source_path=full, filename=name)
        obj.size = st.st_size
        obj.source_mtime_ns = st.st_mtime_ns
        obj.last_modified = local_datetime(st.st_mtime_ns)
        group.objects.append(obj)
        unit.object_group = group
        self.objects.append((obj, unit))
        self.result.files += 1
        self.result.bytes += st.st_size
        # Widen the date span of every folder above (only the direct parent; spans are merged upward later).
        if parent is not None:
            span = self.range_of.get(id(parent))
            if span is not None:
                _widen(span, st.st_mtime_ns, st.st_mtime_ns)

    def _date_folders(self) -> None:
        # Folders were created parents first: walking them backwards merges each span into its parent.
        for unit, span in reversed(self.folder_units):
            if span[0]:
                for parent in unit.parents:
                    parent_span = self.range_of.get(id(parent))
                    if parent_span is not None:
                        _widen(parent_span, span[0], span[1])
                ontology.insert_ordered(unit.content, Element("StartDate", local_datetime(span[0])),
                                        self.transfer.version, ontology.CONTENT_TYPE)
                ontology.insert_ordered(unit.content, Element("EndDate", local_datetime(span[1])),
                                        self.transfer.version, ontology.CONTENT_TYPE)


def _widen(span: list[int], low: int, high: int) -> None:
    if not span[0] or low < span[0]:
        span[0] = low
    if high > span[1]:
        span[1] = high


@dataclass(frozen=True, slots=True)
class _Analysis:
    size: int
    mtime_ns: int
    digest: str
    puid: str | None
    name: str | None
    mime: str | None


@dataclass(frozen=True, slots=True)
class _Hashed:
    size: int
    mtime_ns: int
    digest: str
    magic_mime: str | None


def hash_file(path: str, algorithm: str, identifier: FormatIdentifier) -> _Hashed:
    """Read a file once: its digest, size and mtime, and libmagic's MIME type from its first bytes."""
    h = hasher(algorithm)()
    with open(path, "rb", buffering=0) as f:
        st = os.fstat(f.fileno())
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        head = b""
        size = 0
        while n := f.readinto(buf):
            if not size:
                head = bytes(view[:min(n, HEAD_BYTES)])
            h.update(view[:n])
            size += n
    return _Hashed(size, st.st_mtime_ns, h.hexdigest(), identifier.head_mime(head))


def analyse_file(path: str, algorithm: str, identifier: FormatIdentifier) -> _Analysis:
    """Hash and identify one file (used for single files, e.g. re-checks at export)."""
    hashed = hash_file(path, algorithm, identifier)
    puid, name, sf_mime = identifier.pronom(path)
    return _Analysis(hashed.size, hashed.mtime_ns, hashed.digest, puid, name,
                     identifier.choose_mime(hashed.magic_mime, sf_mime))


def apply_analysis(obj: BinaryDataObject, algorithm: str, size: int, mtime_ns: int, digest: str,
                   puid: str | None, name: str | None, mime: str | None) -> None:
    """Store analysis results on a binary object."""
    obj.digest = digest
    obj.digest_algorithm = seda_name(algorithm)
    obj.size = size
    obj.source_mtime_ns = mtime_ns
    obj.last_modified = local_datetime(mtime_ns)
    obj.format_id = puid
    obj.format_name = name
    obj.mime_type = mime


IDENTIFY_BATCH = 256


def _interned(value: str | None) -> str | None:
    # Format names and MIME types repeat across 100,000 files: keep one copy of each.
    return sys.intern(value) if value else None


def analyse_objects(
    objects: list[BinaryDataObject],
    algorithm: str,
    report: Report,
    *,
    cache: ScanCache | None = None,
    workers: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[list[BinaryDataObject], int]:
    """Hash and identify objects; returns the objects that could not be read and the cache hits.

    Each file is read once by a pool of hashing threads (hashlib and libmagic release the GIL).
    Siegfried, which holds the GIL, identifies batches of files at the same time in worker
    processes. Results are stored on the objects as they arrive. Progress counts files, twice
    (hashed, identified).
    """
    identifier = FormatIdentifier()
    workers = workers or os.cpu_count() or 2
    hits = 0
    failed: list[BinaryDataObject] = []
    todo: list[BinaryDataObject] = []
    for obj in objects:
        cached = None
        if cache is not None and obj.size is not None and obj.source_mtime_ns is not None:
            cached = cache.get(obj.source_path, obj.size, obj.source_mtime_ns, algorithm)
        if cached is not None:
            apply_analysis(obj, algorithm, cached.size, cached.mtime_ns, cached.digest, cached.puid,
                           cached.format_name, cached.mime)
            hits += 1
        else:
            todo.append(obj)
    total = 2 * len(todo)
    done = 0
    progress(0, total)
    sf_mimes: list[str | None] = [None] * len(todo)
    hashing: dict[Future, int] = {}
    identifying: dict[Future, int] = {}
    next_hash = next_batch = 0
    digest_name = seda_name(algorithm)
    pool = IdentificationPool(workers, len(todo))
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="liasse-hash") as threads:
            try:
                while True:
                    while len(hashing) < workers * 4 and next_hash < len(todo):
                        future = threads.submit(hash_file, todo[next_hash].source_path, algorithm, identifier)
                        hashing[future] = next_hash
                        next_hash += 1
                    while len(identifying) < workers * 2 and next_batch < len(todo):
                        batch = [o.source_path for o in todo[next_batch:next_batch + IDENTIFY_BATCH]]
                        identifying[pool.submit(batch)] = next_batch
                        next_batch += len(batch)
                    if not hashing and not identifying:
                        break
                    finished, _ = wait([*hashing, *identifying], timeout=0.2, return_when=FIRST_COMPLETED)
                    for future in finished:
                        if future in hashing:
                            index = hashing.pop(future)
                            obj = todo[index]
                            done += 1
                            try:
                                hashed = future.result()
                            except OSError as exc:
                                failed.append(obj)
                                code = "file-vanished" if isinstance(exc, FileNotFoundError) else "file-unreadable"
                                report.add(Severity.ERROR, code, obj.source_path, Message(
                                    CTX, QT_TRANSLATE_NOOP("scan", "{path} cannot be read ({error}); it is left out."),
                                    {"path": obj.source_path, "error": exc.strerror or str(exc)}))
                                continue
                            obj.digest = hashed.digest
                            obj.digest_algorithm = digest_name
                            obj.size = hashed.size
                            obj.source_mtime_ns = hashed.mtime_ns
                            obj.last_modified = local_datetime(hashed.mtime_ns)
                            obj.mime_type = _interned(hashed.magic_mime)
                        else:
                            start = identifying.pop(future)
                            results = future.result()
                            done += len(results)
                            for offset, (puid, name, sf_mime) in enumerate(results):
                                obj = todo[start + offset]
                                obj.format_id = _interned(puid)
                                obj.format_name = _interned(name)
                                sf_mimes[start + offset] = _interned(sf_mime)
                    progress(done, total)
                    if cancel is not None:
                        cancel.check()
            finally:
                for future in [*hashing, *identifying]:
                    future.cancel()
    finally:
        pool.close()
    failed_ids = {id(o) for o in failed}
    for index, obj in enumerate(todo):
        if id(obj) in failed_ids:
            continue
        obj.mime_type = identifier.choose_mime(obj.mime_type, sf_mimes[index])
        if cache is not None:
            cache.put(obj.source_path, CachedScan(obj.size, obj.source_mtime_ns, algorithm, obj.digest,
                                                  obj.format_id, obj.format_name, obj.mime_type))
    progress(total, total)
    return failed, hits


def scan_folder(
    folder: str | os.PathLike[str],
    options: ScanOptions | None = None,
    *,
    version: str = ontology.DEFAULT_VERSION,
    cache: ScanCache | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ScanResult:
    """Build a transfer from a folder tree; unreadable entries are reported, not fatal."""
    options = options or ScanOptions()
    root = Path(folder)
    if not root.is_dir():
        raise NotADirectoryError(str(root))
    transfer = Transfer(version)
    result = ScanResult(transfer, Report())
    walk = _Walk(root, transfer, options, result, cancel)
    walk.run()
    objects = [obj for obj, _unit in walk.objects]
    failed, result.cached = analyse_objects(objects, options.algorithm, result.report, cache=cache,
                                            workers=options.workers, progress=progress, cancel=cancel)
    if failed:
        _drop_units(transfer, {id(o) for o in failed}, walk.objects)
        result.files -= len(failed)
        result.bytes -= sum(o.size or 0 for o in failed)
    return result


def _drop_units(transfer: Transfer, failed_ids: set[int], pairs: list[tuple[BinaryDataObject, ArchiveUnit]]) -> None:
    """Remove the units (and groups) of files that could not be read."""
    dropped_groups = set()
    for obj, unit in pairs:
        if id(obj) not in failed_ids:
            continue
        for parent in unit.parents:
            parent.children.remove(unit)
        if not unit.parents and unit in transfer.roots:
            transfer.roots.remove(unit)
        if unit.object_group is not None:
            dropped_groups.add(id(unit.object_group))
    transfer.groups = [g for g in transfer.groups if id(g) not in dropped_groups]
