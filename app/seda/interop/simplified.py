"""Resip's "simplified hierarchy and CSV" export, to a folder or a zip ("Exporter la hiérarchie simplifiée et le csv").

The object files are copied into a folder tree named after the units, and ``metadata.csv`` (Resip's
extended format, ``Id;ParentId;File;ObjectFiles;Content...;Management...``, paths relative to the CSV)
describes every unit, so that the CSV imported again (:func:`app.seda.interop.resip_csv.read_csv`) gives
back the units and their metadata. Rules of sedalib's ``DataObjectPackageToCSVMetadataExporter``
(``reference/resip.md`` §2.2):

* a unit with child units, or with other than exactly one selected object, is a folder named after its
  Title cut to *max_name_size* characters (32 by default), ``/ \\ * : | " ' < > { } ? % ,`` replaced by
  ``_``, trailing dots and spaces removed; a name already used in that folder gets ``-<id>`` (still
  within *max_name_size*);
* a unit without children and with one selected object is that file, written in its parent's folder;
* the objects of a unit are chosen among its group's binaries: ``last`` (Resip's default) or ``first``
  version of the best usage (BinaryMaster, then Dissemination, TextContent, Thumbnail, others), or
  ``all``; with several, each file is named ``__<Usage>_<Version>__<name>`` (the CSV import gives them
  their usage and version back); a file name already used gets ``-<object id>`` before its extension;
* a unit with several parents is exported once; its other places hold ``<name>.link``, a symbolic link
  to it (a text file "Link to <path>" in a zip, or where links cannot be made); the CSV lists it once.

Differences with Resip, each to keep the CSV importable: ``ObjectFiles`` lists the files actually written
(Resip lists every binary of the group, with paths that do not exist when only one was exported);
control characters are replaced in names too, names are compared ignoring case (Windows and macOS
disks), a name left empty becomes ``NoTitle`` / ``undefined``, and a root file named ``metadata.csv``
is renamed. Binary objects whose file is unknown (a manifest imported without its files) are left out
with a warning.

Nothing appears at the destination until the export is complete: the folder is written in a hidden
folder beside it then renamed, the zip in a temporary file beside it then renamed.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, Transfer
from app.seda.interop.resip_csv import csv_lines, metadata_table
from app.seda.interop.resip_disk_export import HierarchyExportError
from app.seda.report import Report, Severity

CSV_NAME = "metadata.csv"
DEFAULT_MAX_NAME_SIZE = 32
SELECTIONS = ("first", "last", "all")
DEFAULT_SELECTION = "last"
_STRIP = re.compile(r'[/\\*:|"\'<>{}?%,\x00-\x1f\x7f]')
_MAX_NAME_BYTES = 240  # file systems allow 255 bytes per name
_USAGE_RANK = {"BinaryMaster": 0, "Dissemination": 1, "TextContent": 2, "Thumbnail": 3}


@dataclass
class SimplifiedExport:
    """What was written: units (CSV rows), object files, links, and the warnings."""

    units: int = 0
    files: int = 0
    links: int = 0
    report: Report = field(default_factory=Report)


def _fail(text: str, **params: str) -> HierarchyExportError:
    return HierarchyExportError(Message("export", text, params))


def strip_name(name: str) -> str:
    """Resip's ``stripFileName``: forbidden characters become ``_``; no trailing dot or space."""
    return _STRIP.sub("_", name).rstrip(". ")


def _fit(stem: str, ext: str) -> str:
    """*stem* + *ext*, the stem shortened until the name fits in a file system's name length."""
    while stem and len((stem + ext).encode("utf-8")) > _MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + ext


def select_objects(unit: ArchiveUnit, selection: str) -> list[BinaryDataObject]:
    """The binaries of *unit* exported in *selection* mode (``first``, ``last`` or ``all``), as Resip chooses."""
    group = unit.object_group
    if group is None:
        return []
    binaries = group.binaries
    if selection == "all":
        return binaries
    ranked: dict[int, BinaryDataObject] = {}
    for obj in binaries:
        if not obj.version:
            continue
        usage, _, number = obj.version.partition("_")
        try:
            version = int(number.split("_")[0]) if number else 1
        except ValueError:
            continue
        ranked[_USAGE_RANK.get(usage, 4) * 1000 + version] = obj  # a later duplicate wins, as in Resip
    if not ranked:
        return []
    keys = sorted(ranked)
    if selection == "first":
        return [ranked[keys[0]]]
    best = keys[0] // 1000
    return [ranked[max(k for k in keys if k // 1000 == best)]]


class _Sink:
    """Where the files go: a folder or a zip; paths are relative, with ``/``."""

    def mkdir(self, rel: str) -> None:
        raise NotImplementedError

    def copy(self, source: BinaryIO, rel: str, mtime: float | None) -> None:
        """Copy *source* to *rel*, dated *mtime* (the original's modification time) when known."""
        raise NotImplementedError

    def write_text(self, rel: str, lines: Iterator[str], encoding: str) -> None:
        raise NotImplementedError

    def link(self, target: str, rel: str) -> bool:
        """Make *rel* a symbolic link to *target*; False when links cannot be made here."""
        return False


class _FolderSink(_Sink):
    def __init__(self, root: Path) -> None:
        self.root = root

    def mkdir(self, rel: str) -> None:
        (self.root / rel).mkdir()

    def copy(self, source: BinaryIO, rel: str, mtime: float | None) -> None:
        with open(self.root / rel, "xb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
        if mtime is not None:  # a re-import reads LastModified from the file: keep it
            os.utime(self.root / rel, (mtime, mtime))

    def write_text(self, rel: str, lines: Iterator[str], encoding: str) -> None:
        with open(self.root / rel, "x", encoding=encoding, errors="replace", newline="") as out:
            out.writelines(lines)

    def link(self, target: str, rel: str) -> bool:
        path = self.root / rel
        try:
            os.symlink(os.path.relpath(self.root / target, path.parent), path)
        except OSError:
            return False
        return True


class _ZipSink(_Sink):
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    @staticmethod
    def info(rel: str, mtime: float | None = None) -> zipfile.ZipInfo:
        when = time.localtime(time.time() if mtime is None else mtime)
        info = zipfile.ZipInfo(rel, date_time=when[:6] if when.tm_year >= 1980 else (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def mkdir(self, rel: str) -> None:
        info = self.info(rel + "/")
        info.external_attr = (0o40755 << 16) | 0x10  # a folder, for unix and for Windows
        info.compress_type = zipfile.ZIP_STORED
        self.archive.writestr(info, b"")

    def copy(self, source: BinaryIO, rel: str, mtime: float | None) -> None:
        with self.archive.open(self.info(rel, mtime), "w", force_zip64=True) as out:
            shutil.copyfileobj(source, out, 1 << 20)

    def write_text(self, rel: str, lines: Iterator[str], encoding: str) -> None:
        with self.archive.open(self.info(rel), "w", force_zip64=True) as out:
            for line in lines:
                out.write(line.encode(encoding, errors="replace"))


class _Exporter:
    def __init__(self, transfer: Transfer, sink: _Sink, max_name_size: int, selection: str, progress: Progress,
                 cancel: CancelToken | None) -> None:
        self.transfer = transfer
        self.sink = sink
        self.max_name_size = max_name_size
        self.selection = selection
        self.progress = progress
        self.cancel = cancel
        self.used: set[str] = {CSV_NAME.casefold()}  # every path written, compared ignoring case
        self.unit_paths: dict[int, str] = {}
        self.rows: list[tuple[ArchiveUnit, ArchiveUnit | None, str, list[str]]] = []
        self.zips: dict[str, zipfile.ZipFile] = {}
        self.result = SimplifiedExport()

    def exists(self, rel: str) -> bool:
        return rel.casefold() in self.used

    def run(self) -> None:
        total = self.transfer.count_units()
        # Depth first without recursion: a unit's folder and objects are written before its children, its
        # CSV row after theirs (Resip's order). A frame: unit, parent, path, files, children left.
        for root in self.transfer.roots:
            stack: list[tuple[ArchiveUnit, ArchiveUnit | None, str, list[str], Iterator[ArchiveUnit]]] = []
            pending: list[tuple[ArchiveUnit, ArchiveUnit | None, str]] = [(root, None, "")]
            while pending or stack:
                if pending:
                    unit, parent, folder = pending.pop()
                    if id(unit) in self.unit_paths:
                        self.write_link(unit, folder)
                        continue
                    path, files = self.write_unit(unit, folder)
                    stack.append((unit, parent, path, files, iter(unit.children)))
                    continue
                unit, parent, path, files, children = stack[-1]
                child = next(children, None)
                if child is not None:
                    pending.append((child, unit, path))
                    continue
                stack.pop()
                self.rows.append((unit, parent, path, files))
                self.result.units += 1
                self.progress(self.result.units, total)
                if self.cancel is not None:
                    self.cancel.check()

    def write_unit(self, unit: ArchiveUnit, folder: str) -> tuple[str, list[str]]:
        """Write the unit's folder (if it needs one) and objects; return its path and its files' paths."""
        objects = []
        for obj in select_objects(unit, self.selection):
            if obj.source_path:
                objects.append(obj)
            else:
                self.result.report.add(Severity.WARNING, "simplified-no-file", obj.id, Message("export", (
                    QT_TRANSLATE_NOOP("export", "Object {id} of unit {unit} has no file (imported from a manifest "
                                                "alone?): it is left out of the export.")),
                    {"id": obj.id, "unit": unit.id}))
        if unit.children or len(objects) != 1:
            path = self.join(folder, self.folder_name(unit, folder))
            self.sink.mkdir(path)
            self.used.add(path.casefold())
        else:
            path = folder
        files = []
        for obj in objects:
            rel = self.join(path, self.object_name(obj, path, len(objects) == 1))
            self.copy(obj, rel)
            self.used.add(rel.casefold())
            files.append(rel)
            self.result.files += 1
        if path == folder:  # a file unit: its path is its file's
            path = files[0]
        self.unit_paths[id(unit)] = path
        return path, files

    @staticmethod
    def join(folder: str, name: str) -> str:
        return f"{folder}/{name}" if folder else name

    def folder_name(self, unit: ArchiveUnit, folder: str) -> str:
        """Resip's ``constructArchiveUnitDirectoryName``."""
        size = self.max_name_size
        title = unit.content.findtext("Title")
        name = "NoTitle" if title is None else title
        if 0 < size < len(name):
            name = name[:size]
        name = strip_name(name).strip() or "NoTitle"
        name = _fit(name, "")
        if self.exists(self.join(folder, name)):
            suffix = strip_name(f"-{unit.id}")
            if size <= 0 or len(suffix) + len(name) <= size:
                name = _fit(name, suffix)
            elif len(suffix) >= size:
                name = suffix
            else:
                name = name[:size - len(suffix)] + suffix
            name = self.unique(folder, name, "")
        return name

    def object_name(self, obj: BinaryDataObject, folder: str, single: bool) -> str:
        """Resip's ``constructObjectFileName``: the file name, with ``__Usage_Version__`` among several."""
        filename = obj.filename or "undefined"
        point = filename.rfind(".")
        stem, ext = (filename, "") if point == -1 else (filename[:point], filename[point:])
        if not single:
            stem = f"__{obj.version or 'undefined_1'}__{stem}"
        name = strip_name(_fit(stem, ext)) or "undefined"
        if self.exists(self.join(folder, name)):
            name = self.unique(folder, f"{stem}-{obj.id}", ext)
        return name

    def unique(self, folder: str, stem: str, ext: str) -> str:
        """*stem* + *ext*, or with ``-2``, ``-3``... when that is taken too (never in Resip: ids are unique)."""
        name, count = strip_name(_fit(stem, ext)), 1
        while self.exists(self.join(folder, name)):
            count += 1
            name = strip_name(_fit(stem, f"-{count}{ext}"))
        return name

    def write_link(self, unit: ArchiveUnit, folder: str) -> None:
        """A further place of a unit with several parents: ``<name>.link`` pointing to where it was written."""
        target = self.unit_paths[id(unit)]
        rel = self.join(folder, self.unique(folder, target.rsplit("/", 1)[-1], ".link"))
        if not self.sink.link(target, rel):
            self.sink.write_text(rel, iter([f"Link to {target}"]), "utf-8")
        self.used.add(rel.casefold())
        self.result.links += 1

    def copy(self, obj: BinaryDataObject, rel: str) -> None:
        assert obj.source_path is not None
        try:
            if obj.source_member is None:
                with open(obj.source_path, "rb") as source:
                    self.sink.copy(source, rel, os.fstat(source.fileno()).st_mtime)
                return
            archive = self.zips.get(obj.source_path)
            if archive is None:
                archive = self.zips[obj.source_path] = zipfile.ZipFile(obj.source_path)
            info = archive.getinfo(obj.source_member)
            with archive.open(info) as source:
                self.sink.copy(source, rel, time.mktime(info.date_time + (0, 0, -1)))
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            where = obj.source_path + (f" › {obj.source_member}" if obj.source_member else "")
            raise _fail(QT_TRANSLATE_NOOP(
                "export", "Cannot copy {path} (object {id}): {error}. Relocate or remove the file, then export "
                          "again."), path=where, id=obj.id, error=getattr(exc, "strerror", None) or str(exc)) from exc

    def write_csv(self, delimiter: str, encoding: str) -> None:
        rows = self.rows
        names, cells = metadata_table(self.transfer, [unit for unit, _parent, _path, _files in rows])
        table = ([unit.id, parent.id if parent is not None else "", path, "|".join(files)] + values
                 for (unit, parent, path, files), values in zip(rows, cells))
        self.sink.write_text(CSV_NAME, csv_lines(["Id", "ParentId", "File", "ObjectFiles"] + names, table, delimiter),
                             encoding)

    def close(self) -> None:
        for archive in self.zips.values():
            archive.close()


def write_simplified(
    transfer: Transfer,
    dest: str | os.PathLike[str],
    *,
    max_name_size: int = DEFAULT_MAX_NAME_SIZE,
    selection: str = DEFAULT_SELECTION,
    delimiter: str = ";",
    encoding: str = "utf-8",
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> SimplifiedExport:
    """Write the simplified hierarchy and ``metadata.csv`` of *transfer* to the folder or ``.zip`` file *dest*.

    A folder must be new or empty; a zip file is replaced. Raises :class:`HierarchyExportError` (nothing is
    left at the destination) or :class:`~app.models.tasks.Cancelled`.
    """
    if selection not in SELECTIONS:
        raise ValueError(f"selection must be one of {SELECTIONS}, not {selection!r}")
    dest = Path(dest)
    parent = dest.parent.resolve()
    as_zip = dest.suffix.lower() == ".zip"
    if as_zip and dest.is_dir():
        raise _fail(QT_TRANSLATE_NOOP("export", "{path} is a folder: give the name of the zip file to write."),
                    path=str(dest))
    if not as_zip and os.path.lexists(dest) and (not dest.is_dir() or any(dest.iterdir())):
        raise _fail(QT_TRANSLATE_NOOP(
            "export", "{path} exists and is not an empty folder: choose a new or empty folder."), path=str(dest))
    try:
        if as_zip:
            fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=parent)
            os.close(fd)
            tmp = Path(name)
        else:
            tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise _fail(QT_TRANSLATE_NOOP("export", "Cannot write in {path}: {error}"), path=str(parent),
                    error=exc.strerror or str(exc)) from exc
    archive: zipfile.ZipFile | None = None
    exporter: _Exporter | None = None
    try:
        if as_zip:
            archive = zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
            sink: _Sink = _ZipSink(archive)
        else:
            sink = _FolderSink(tmp)
        exporter = _Exporter(transfer, sink, max_name_size, selection, progress, cancel)
        exporter.run()
        exporter.write_csv(delimiter, encoding)
        exporter.close()
        if archive is not None:
            archive.close()
            os.chmod(tmp, 0o644)  # mkstemp makes it private
            os.replace(tmp, dest)
        else:
            os.chmod(tmp, 0o755)  # mkdtemp makes it private
            if dest.is_dir():
                dest.rmdir()  # empty: checked above
            os.rename(tmp, dest)
    except BaseException as exc:
        if exporter is not None:
            exporter.close()
        if archive is not None:
            archive.close()
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _fail(QT_TRANSLATE_NOOP("export", "Cannot write {path}: {error}. Check the free space and the "
                                                    "permissions, then export again."), path=str(dest),
                        error=exc.strerror or str(exc)) from exc
        raise
    return exporter.result

