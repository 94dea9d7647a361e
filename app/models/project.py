"""The ``.liasse`` project file: a transfer in preparation, its context, settings and scan results.

A project is a zip holding ``project.json`` (version, header, ManagementMetadata, settings, where
the files were scanned from) and two JSON-lines streams, ``units.jsonl`` and ``groups.jsonl``, one
record per line. Lines are written and read one at a time, so 100,000 units save and load in
bounded extra memory; the files themselves stay where they are.

Saving is atomic (write beside the target, fsync, rename): a crash leaves the old file intact.
Autosave writes a recovery copy in the user data folder; :func:`find_recoveries` lists the copies
left behind by a session that did not end cleanly.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.models.metadata import Element
from app.models.transfer import (
    ArchiveUnit,
    BinaryDataObject,
    DataObjectGroup,
    IdFactory,
    PhysicalDataObject,
    Transfer,
)

FORMAT = "liasse-project"
FORMAT_VERSION = 1
SUFFIX = ".liasse"
_BINARY_FIELDS = ("version", "uri", "digest", "digest_algorithm", "size", "format_id", "format_name", "mime_type",
                  "filename", "last_modified", "source_path", "source_member", "source_mtime_ns")


class ProjectError(Exception):
    """The file is not a readable Liasse project."""


@dataclass
class Project:
    """Everything a project file holds."""

    transfer: Transfer
    path: Path | None = None
    source_root: str | None = None
    """The folder the transfer was scanned from; object paths below it are relocatable."""
    settings: dict[str, Any] = field(default_factory=dict)
    """Export settings (destination, algorithm, compress...) and the context file, as plain values."""
    scan: dict[str, Any] = field(default_factory=dict)
    """Figures of the last scan: files, folders, bytes, ignored, cached."""


# -- element <-> JSON ----------------------------------------------------------------------------
def element_to_json(element: Element) -> list:
    """A compact JSON form: ``[tag, text, attrib, children]`` with trailing empties left out."""
    data: list = [element.tag, element.text, element.attrib or None,
                  [element_to_json(c) for c in element.children] if element.children else None]
    while len(data) > 1 and data[-1] is None:
        data.pop()
    return data


def element_from_json(data: list) -> Element:
    """The inverse of :func:`element_to_json`."""
    tag = data[0]
    text = data[1] if len(data) > 1 else None
    attrib = data[2] if len(data) > 2 else None
    children = [element_from_json(c) for c in data[3]] if len(data) > 3 and data[3] else None
    return Element(tag, text, attrib, children)


def _optional(element: Element | None) -> list | None:
    return element_to_json(element) if element is not None else None


def _object_to_json(obj: BinaryDataObject | PhysicalDataObject) -> dict:
    if isinstance(obj, PhysicalDataObject):
        return {"k": "p", "id": obj.id, "version": obj.version, "e": [element_to_json(e) for e in obj.elements]}
    data: dict[str, Any] = {"k": "b", "id": obj.id}
    for name in _BINARY_FIELDS:
        value = getattr(obj, name)
        if value is not None:
            data[name] = value
    if obj.extra:
        data["x"] = [element_to_json(e) for e in obj.extra]
    return data


def _object_from_json(data: dict) -> BinaryDataObject | PhysicalDataObject:
    if data.get("k") == "p":
        return PhysicalDataObject(data["id"], data.get("version"), [element_from_json(e) for e in data.get("e", [])])
    obj = BinaryDataObject(data["id"], data.get("version"))
    for name in _BINARY_FIELDS:
        if name in data:
            setattr(obj, name, data[name])
    if data.get("x"):
        obj.extra = [element_from_json(e) for e in data["x"]]
    return obj


# -- writing -------------------------------------------------------------------------------------
def _write_lines(zf: zipfile.ZipFile, name: str, records: Iterator[dict]) -> None:
    with zf.open(name, "w", force_zip64=True) as raw:
        buffer = io.BufferedWriter(raw, buffer_size=1 << 20)  # type: ignore[arg-type]
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        for record in records:
            buffer.write(dumps(record).encode("utf-8"))
            buffer.write(b"\n")
        buffer.flush()


def _unit_records(transfer: Transfer) -> Iterator[dict]:
    for unit in transfer.iter_units():
        record: dict[str, Any] = {"id": unit.id, "c": element_to_json(unit.content)}
        if unit.management is not None:
            record["m"] = element_to_json(unit.management)
        if unit.profile:
            record["p"] = unit.profile
        if unit.children:
            record["ch"] = [child.id for child in unit.children]
        if unit.object_group is not None:
            record["g"] = unit.object_group.id
        if unit.extra:
            record["x"] = [element_to_json(e) for e in unit.extra]
        if unit.source:
            record["s"] = unit.source
        yield record


def _group_records(transfer: Transfer) -> Iterator[dict]:
    for group in export_view(transfer).groups:  # the groups units use, dropped files' included
        record: dict[str, Any] = {"id": group.id, "o": [_object_to_json(o) for o in group.objects]}
        if group.logbook is not None:
            record["l"] = element_to_json(group.logbook)
        if group.implicit:
            record["i"] = True
        yield record


def write_project(project: Project, target: Path) -> None:
    """Write *project* to *target* atomically (a crash leaves the previous file as it was)."""
    target = Path(target)
    transfer = project.transfer
    head = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "seda": transfer.version, "header": element_to_json(transfer.header),
        "management_metadata": element_to_json(transfer.management_metadata),
        "roots": [unit.id for unit in transfer.roots], "source_root": project.source_root,
        "settings": project.settings, "scan": project.scan, "id_prefix": transfer.ids.prefix,
        "original_path": str(project.path) if project.path else None,
    }
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "w+b") as raw:
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
                zf.writestr("project.json", json.dumps(head, ensure_ascii=False, indent=1))
                _write_lines(zf, "units.jsonl", _unit_records(transfer))
                _write_lines(zf, "groups.jsonl", _group_records(transfer))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_project(project: Project, path: Path | None = None) -> None:
    """Save *project* to *path* (or its own path) atomically and remember the path."""
    target = Path(path or project.path or "")
    if not target.name:
        raise ValueError("the project has no path yet")
    write_project(project, target)
    project.path = target


# -- reading -------------------------------------------------------------------------------------
def _read_lines(zf: zipfile.ZipFile, name: str, progress: Callable[[int, int], None] | None = None,
                done: list[int] | None = None) -> Iterator[dict]:
    with zf.open(name) as raw:
        for line in io.BufferedReader(raw, buffer_size=1 << 20):  # type: ignore[arg-type]
            if line.strip():
                if progress is not None and done is not None:
                    done[0] += 1
                    if done[0] % 500 == 0:
                        progress(done[0], 0)
                yield json.loads(line)


def load_project(path: Path, progress: Callable[[int, int], None] | None = None) -> Project:
    """Read a project file; raise :class:`ProjectError` when it is not one.

    *progress* is called with (records read, 0) every 500 records (the total is not known).
    """
    path = Path(path)
    done = [0]
    try:
        with zipfile.ZipFile(path) as zf:
            head = json.loads(zf.read("project.json"))
            if head.get("format") != FORMAT:
                raise ProjectError(f"{path} is not a Liasse project")
            if int(head.get("format_version", 0)) > FORMAT_VERSION:
                raise ProjectError(f"{path} was written by a newer version of Liasse")
            transfer = Transfer(head["seda"])
            transfer.ids.prefix = head.get("id_prefix") or "ID"
            transfer.header = element_from_json(head["header"])
            transfer.management_metadata = element_from_json(head["management_metadata"])
            groups: dict[str, DataObjectGroup] = {}
            for record in _read_lines(zf, "groups.jsonl", progress, done):
                group = DataObjectGroup(record["id"], [_object_from_json(o) for o in record["o"]])
                if "l" in record:
                    group.logbook = element_from_json(record["l"])
                group.implicit = bool(record.get("i"))
                groups[group.id] = group
                transfer.groups.append(group)
                transfer.ids.reserve(group.id)
                for obj in group.objects:
                    transfer.ids.reserve(obj.id)
            units: dict[str, ArchiveUnit] = {}
            links: list[tuple[ArchiveUnit, list[str]]] = []
            for record in _read_lines(zf, "units.jsonl", progress, done):
                unit = ArchiveUnit(record["id"], element_from_json(record["c"]))
                if "m" in record:
                    unit.management = element_from_json(record["m"])
                unit.profile = record.get("p")
                if "g" in record:
                    unit.object_group = groups[record["g"]]
                if "x" in record:
                    unit.extra = [element_from_json(e) for e in record["x"]]
                unit.source = record.get("s")
                units[unit.id] = unit
                transfer.ids.reserve(unit.id)
                if "ch" in record:
                    links.append((unit, record["ch"]))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError) as exc:
        if isinstance(exc, ProjectError):
            raise
        raise ProjectError(f"{path} cannot be read: {exc}") from exc
    for unit, child_ids in links:
        for child_id in child_ids:
            unit.add_child(units[child_id])
    transfer.roots = [units[i] for i in head["roots"]]
    return Project(transfer, path, head.get("source_root"), head.get("settings") or {}, head.get("scan") or {})


def read_header(path: Path) -> dict[str, Any]:
    """The ``project.json`` of a project file, without reading its units."""
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("project.json"))


# -- recovery ------------------------------------------------------------------------------------
def recovery_dir() -> Path:
    """Where autosaved copies live (the user data folder)."""
    from app.seda.schemas import user_data_dir

    return user_data_dir() / "recovery"


def recovery_path(project_path: Path | None, session: str) -> Path:
    """The autosave file of a project (or of an unsaved one, keyed by *session*)."""
    key = str(Path(project_path).resolve()) if project_path else f"untitled-{session}"
    return recovery_dir() / (hashlib.sha1(key.encode()).hexdigest()[:16] + SUFFIX)


def autosave(project: Project, session: str) -> Path:
    """Write a recovery copy of *project*; its own file is not touched."""
    target = recovery_path(project.path, session)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_project(project, target)
    return target


def discard_recovery(project_path: Path | None, session: str) -> None:
    """Remove the recovery copy (after a save, or when the window closes cleanly)."""
    try:
        recovery_path(project_path, session).unlink()
    except FileNotFoundError:
        pass


@dataclass(frozen=True)
class Recovery:
    """A recovery copy left by a session that ended badly."""

    path: Path
    original: Path | None
    saved: str


def find_recoveries() -> list[Recovery]:
    """Recovery copies on disk, newest first."""
    folder = recovery_dir()
    found: list[Recovery] = []
    for path in sorted(folder.glob("*" + SUFFIX), key=lambda p: p.stat().st_mtime, reverse=True) \
            if folder.is_dir() else []:
        try:
            head = read_header(path)
        except (OSError, zipfile.BadZipFile, ValueError, KeyError):
            continue
        original = head.get("original_path")
        found.append(Recovery(path, Path(original) if original else None, head.get("saved", "")))
    return found


# -- moved sources -------------------------------------------------------------------------------
def missing_sources(transfer: Transfer, limit: int | None = None) -> list[BinaryDataObject]:
    """Objects whose file (or zip holding it) is no longer on disk."""
    missing: list[BinaryDataObject] = []
    checked: dict[str, bool] = {}
    for obj in transfer.iter_binaries():
        if not obj.source_path:
            continue
        exists = checked.get(obj.source_path)
        if exists is None:
            exists = os.path.exists(obj.source_path)
            if obj.source_member is not None:
                checked[obj.source_path] = exists
        if not exists:
            missing.append(obj)
            if limit is not None and len(missing) >= limit:
                break
    return missing


def relocate(project: Project, new_root: str) -> int:
    """Point every path under the old source root to *new_root*; return how many objects moved."""
    old = project.source_root
    if not old:
        return 0
    old_prefix = old.rstrip(os.sep) + os.sep
    new_root = new_root.rstrip(os.sep)
    moved = 0
    for obj in project.transfer.iter_binaries():
        if obj.source_path and (obj.source_path == old or obj.source_path.startswith(old_prefix)):
            obj.source_path = new_root + obj.source_path[len(old.rstrip(os.sep)):]
            moved += 1
    for unit in project.transfer.iter_units():
        if unit.source and (unit.source == old or unit.source.startswith(old_prefix)):
            unit.source = new_root + unit.source[len(old.rstrip(os.sep)):]
    project.source_root = new_root
    return moved


def export_view(transfer: Transfer) -> Transfer:
    """A shallow copy of *transfer* whose groups are exactly those its units use, in a stable order.

    Removed units drop their groups; units added later (dropped files) bring theirs.
    """
    reachable = [u.object_group for u in transfer.iter_units() if u.object_group is not None]
    used = {id(g) for g in reachable}
    view = Transfer(transfer.version)
    view.header, view.management_metadata = transfer.header, transfer.management_metadata
    view.roots, view.ids = transfer.roots, transfer.ids
    view.groups = [g for g in transfer.groups if id(g) in used]
    listed = {id(g) for g in view.groups}
    for group in reachable:
        if id(group) not in listed:
            listed.add(id(group))
            view.groups.append(group)
    return view


def _copy_object(obj: BinaryDataObject | PhysicalDataObject) -> BinaryDataObject | PhysicalDataObject:
    if isinstance(obj, PhysicalDataObject):
        return PhysicalDataObject(obj.id, obj.version, list(obj.elements))
    copy = BinaryDataObject.__new__(BinaryDataObject)
    for name in BinaryDataObject.__slots__:
        setattr(copy, name, getattr(obj, name))
    return copy


# Fields of ArchiveUnit a snapshot shell shares with the live unit (values, or metadata trees that edits
# replace, never change in place). Slots added later to ArchiveUnit are shared as well (_OTHER_UNIT_SLOTS).
_SHARED_UNIT_SLOTS = ("id", "content", "management", "profile", "extra", "source", "links", "object_ref_last")
_OTHER_UNIT_SLOTS = tuple(name for name in ArchiveUnit.__slots__
                          if name not in _SHARED_UNIT_SLOTS and name not in ("children", "parents", "object_group"))


def snapshot(transfer: Transfer) -> Transfer:
    """A detached copy of *transfer*'s export view, for a background reader (preview, validation, export).

    Units, groups and objects are new shells with their own child, parent and object lists, so
    structural edits of the live transfer (and the Uris or digests a writer fills in) never reach
    the copy, and the copy's work never reaches the live tree. Metadata trees (Content, Management,
    header) are shared: edits replace them, never change them in place (see :mod:`app.models.edits`).
    The copy has its own id factory with every id in use reserved, so a writer may draw new ids.

    The caller must keep the live transfer still while this runs (the GUI holds its tree lock).
    """
    return structure_copy(transfer)[0]


def structure_copy(transfer: Transfer) -> tuple[Transfer, list[str]]:
    """:func:`snapshot`, and every id the copy reserves (to give readers sharing it their own id factory).

    One depth-first pass (the order of :meth:`Transfer.iter_units`) with plain attribute copies: this
    is the cost every background reader pays, about 0.15 s for 100,000 units without collections.
    """
    units: dict[int, ArchiveUnit] = {}
    groups: dict[int, DataObjectGroup] = {}
    reserved: list[str] = []
    order: list[tuple[ArchiveUnit, ArchiveUnit]] = []
    new_unit = ArchiveUnit.__new__
    stack = list(reversed(transfer.roots))
    while stack:
        unit = stack.pop()
        key = id(unit)
        if key in units:
            continue
        copy = new_unit(ArchiveUnit)
        copy.id, copy.content, copy.management, copy.profile = unit.id, unit.content, unit.management, unit.profile
        copy.extra, copy.source, copy.links = unit.extra, unit.source, unit.links
        copy.object_ref_last = unit.object_ref_last
        for name in _OTHER_UNIT_SLOTS:
            if hasattr(unit, name):
                setattr(copy, name, getattr(unit, name))
        reserved.append(unit.id)
        if unit.links:
            reserved.extend(wrapper for wrapper, _target in unit.links.values())
        group = unit.object_group
        if group is None:
            copy.object_group = None
        else:
            shell = groups.get(id(group))
            if shell is None:
                shell = groups[id(group)] = DataObjectGroup(group.id, [_copy_object(o) for o in group.objects])
                shell.logbook, shell.implicit = group.logbook, group.implicit
                reserved.append(group.id)
                reserved.extend(obj.id for obj in group.objects)
            copy.object_group = shell
        units[key] = copy
        order.append((unit, copy))
        if unit.children:
            stack.extend(reversed(unit.children))
    for unit, copy in order:
        copy.children = [units[id(c)] for c in unit.children]
        copy.parents = [units[id(p)] for p in unit.parents if id(p) in units]
    view = Transfer(transfer.version)
    view.header, view.management_metadata = transfer.header, transfer.management_metadata
    view.roots = [units[id(u)] for u in transfer.roots]
    # Groups in the transfer's order, then those of units added later (as export_view does).
    listed = [groups[id(g)] for g in transfer.groups if id(g) in groups]
    seen = {id(g) for g in listed}
    listed.extend(g for g in groups.values() if id(g) not in seen)
    view.groups = listed
    if transfer.layout is not None:
        layout: list = []
        for entry in transfer.layout:
            if isinstance(entry, tuple):
                if id(entry[2]) in units:
                    layout.append((entry[0], entry[1], units[id(entry[2])]))
                    reserved.append(entry[0])
            elif id(entry) in units:
                layout.append(units[id(entry)])
        view.layout = layout
    view.package_attrib = dict(transfer.package_attrib) if transfer.package_attrib else transfer.package_attrib
    view.ids = id_factory(transfer.ids.prefix, reserved)
    return view, reserved


def id_factory(prefix: str, reserved: list[str]) -> IdFactory:
    """A new id factory with every id of *reserved* taken."""
    ids = IdFactory(prefix)
    reserve = ids.reserve
    for identifier in reserved:
        reserve(identifier)
    return ids


def reader_view(base: Transfer, reserved: list[str]) -> Transfer:
    """A view of the snapshot *base* for one more reader: its own transfer object and id factory.

    The units, groups and objects are *base*'s: a reader may replace the view's header or version and
    draw new ids, but must not change the shells (fill-ins that give every reader the same values,
    such as Uris or the digest of a file changed since its scan, are the only writes they see).
    """
    view = Transfer(base.version)
    view.header, view.management_metadata = base.header, base.management_metadata
    view.roots, view.groups, view.layout = base.roots, base.groups, base.layout
    view.package_attrib = dict(base.package_attrib) if base.package_attrib else base.package_attrib
    view.ids = id_factory(base.ids.prefix, reserved)
    return view
