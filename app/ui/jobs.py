"""The background jobs of the window: plain functions of (progress, cancel) run by :mod:`app.ui.workers`.

Nothing here touches Qt objects, and nothing here reads or changes the live transfer: a job works on
a snapshot taken under the tree model's lock (``TransferItemModel.reader``, shared by the readers of
one state of the tree, or ``private_snapshot`` / :func:`detached` for writers that change what they
are given), or on a unit shell made in the GUI thread; new units are built with temporary ids that
the GUI thread replaces before attaching them. Results are plain objects handed to the GUI thread.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from app.models.messages import Message
from app.models.metadata import Element
from app.models.project import snapshot
from app.models.tasks import CancelToken, Progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, IdFactory, Transfer
from app.seda import manifest, ontology
from app.seda.report import Report
from app.ui.xmltext import element_xml

CTX = "Validation"
PREVIEW_LIMIT = 1 << 20  # characters shown of the whole manifest; the rest is summarised


@dataclass(frozen=True)
class UiFinding:
    """A validation finding as the panel shows it."""

    severity: str  # "error" / "warning" / "info"
    message: Message
    unit_id: str | None = None
    unit_title: str | None = None
    line: int | None = None
    field: str | None = None


def detached(transfer: Transfer, lock) -> Transfer:
    """A snapshot of *transfer* for a background reader, taken while edits wait on *lock*."""
    with lock:
        return snapshot(transfer)


def unit_shell(unit: ArchiveUnit) -> ArchiveUnit:
    """What the unit preview needs of *unit*, detached from the live tree (made in the GUI thread)."""
    shell = ArchiveUnit(unit.id, unit.content)
    shell.management, shell.profile = unit.management, unit.profile
    shell.children = list(unit.children[:51])
    if unit.object_group is not None:
        shell.object_group = DataObjectGroup(unit.object_group.id)
    return shell


def unit_preview(version: str, unit: ArchiveUnit) -> str:
    """The ArchiveUnit element of *unit* (a :func:`unit_shell`) as in the manifest (children as references)."""
    element = Element("ArchiveUnit", attrib={"id": unit.id})
    if unit.profile:
        element.append(Element("ArchiveUnitProfile", unit.profile))
    if unit.management is not None and unit.management.children:
        element.append(unit.management)
    element.append(unit.content)
    if unit.object_group is not None:
        element.append(Element("DataObjectReference", children=[
            Element("DataObjectGroupReferenceId", unit.object_group.id)]))
    text = element_xml(element, version, "ArchiveUnitType")
    if unit.children:
        text += "\n<!-- " + ", ".join(c.id for c in unit.children[:50]) + (" …" if len(unit.children) > 50 else "") \
            + " -->"
    return text


def transfer_preview(view: Transfer, progress: Progress, cancel: CancelToken) -> str:
    """The whole manifest of a :func:`detached` view (cut after :data:`PREVIEW_LIMIT` characters)."""
    out = BytesIO()
    manifest.write_manifest(view, out, progress=progress, cancel=cancel)
    data = out.getvalue()
    text = data[:PREVIEW_LIMIT * 2].decode("utf-8", errors="replace")
    if len(text) > PREVIEW_LIMIT:
        text = text[:PREVIEW_LIMIT] + f"\n<!-- … {len(data) - PREVIEW_LIMIT:,} more bytes -->"
    return text


def validate(work: Transfer, progress: Progress, cancel: CancelToken) -> list[UiFinding]:
    """Write the manifest of a :func:`detached` view to a temporary file and check it with the validation engine."""
    from app.seda.context import complete_header
    from app.seda.sip import assign_uris
    from app.seda.validation import validate_transfer_manifest

    work.header = work.header.copy()
    complete_header(work, manifest.now_datetime())  # as the export will: Date, MessageIdentifier...
    assign_uris(work)
    titles = {u.id: u.title for u in work.iter_units()}
    fd, name = tempfile.mkstemp(prefix="liasse-", suffix=".xml")
    path = Path(name)
    try:
        # A large buffer: each write system call lets go of the GIL and takes it back at once, and with
        # 8 KB writes that convoy kept the GUI thread waiting for the GIL for ~0.4 s at a time.
        with os.fdopen(fd, "wb", buffering=1 << 20) as out:
            manifest.write_manifest(work, out, progress=progress, cancel=cancel)
        cancel.check()
        report = validate_transfer_manifest(path, work)
        return [UiFinding(str(getattr(f.severity, "value", f.severity)).lower(), f.message, f.unit_id,
                          f.unit_title or titles.get(f.unit_id or ""), f.line,
                          (f.path or "").rstrip("/").rsplit("/", 1)[-1].split("[", 1)[0] or None)
                for f in report.findings]
    finally:
        path.unlink(missing_ok=True)


def export_validator(path: Path, transfer: Transfer) -> Report:
    """The validator the export runs on the written manifest (the validation engine's)."""
    from app.seda.validation import build_validator

    return build_validator()(path, transfer)


def import_paths(paths: list[str], version: str, algorithm: str, progress: Progress,
                 cancel: CancelToken) -> list[ArchiveUnit]:
    """New units for files and folders dropped on a unit (not attached, temporary ids: see :func:`assign_ids`)."""
    from app.seda.identify import FormatIdentifier
    from app.seda.scanner import ScanOptions, analyse_file, apply_analysis, scan_folder

    units: list[ArchiveUnit] = []
    identifier = FormatIdentifier()
    temporary = IdFactory("TMP")
    for index, raw in enumerate(paths):
        cancel.check()
        path = Path(raw)
        if path.is_dir():
            scanned = scan_folder(path, ScanOptions(algorithm=algorithm), version=version, cancel=cancel)
            units.extend(scanned.transfer.roots)
        elif path.is_file():
            analysis = analyse_file(str(path), algorithm, identifier)
            unit = ArchiveUnit(temporary.new(), Element("Content", children=[
                Element("DescriptionLevel", "Item"), Element("Title", path.name)]))
            unit.source = str(path)
            obj = BinaryDataObject(temporary.new(), source_path=str(path), filename=path.name)
            apply_analysis(obj, algorithm, analysis.size, analysis.mtime_ns, analysis.digest, analysis.puid,
                           analysis.name, analysis.mime)
            unit.object_group = DataObjectGroup(temporary.new(), [obj])  # registered by export_view once attached
            ontology.set_child(unit.content, version, ontology.CONTENT_TYPE, "StartDate",
                               (obj.last_modified or "")[:10] or None)
            units.append(unit)
        progress(index + 1, len(paths))
    return units


def assign_ids(units: list[ArchiveUnit], ids: IdFactory) -> None:
    """Give new, not yet attached units (and their groups and objects) ids of the transfer (GUI thread)."""
    stack, seen = list(units), set()
    while stack:
        unit = stack.pop()
        if id(unit) in seen:
            continue
        seen.add(id(unit))
        unit.id = ids.new()
        unit.links = None  # read-back wrapper ids of another transfer mean nothing here
        if unit.object_group is not None:
            unit.object_group.id = ids.new()
            for obj in unit.object_group.objects:
                obj.id = ids.new()
        stack.extend(unit.children)
