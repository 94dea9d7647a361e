"""Import a SIP or a DIP (zip, tar, tar.gz) or a bare manifest into a Transfer, without extracting zips.

The manifest is streamed by :mod:`app.seda.reader`; each binary object is then tied to its bytes:
the archive entry named by its ``Uri`` (``Content/`` or Resip's ``content/``, matched exactly first,
then ignoring case), or for a bare manifest the file at that path beside it. Objects whose file is
missing are reported (the validator decides whether that is fatal); the import itself fails only
for a damaged or hostile archive or a manifest whose structure cannot be represented.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import Transfer
from app.seda.interop.archive import Archive, member_opener, open_archive
from app.seda.reader import CTX, read_manifest, sniff_root
from app.seda.report import Report, Severity


@dataclass
class ImportResult:
    """An imported transfer and what was noticed on the way."""

    transfer: Transfer
    report: Report = field(default_factory=Report)
    kind: str = "sip"  # "sip", "dip" or "manifest"
    source: str = ""


def _normalise_uri(uri: str) -> str:
    uri = unquote(uri.strip()).replace("\\", "/")
    while uri.startswith("./"):
        uri = uri[2:]
    return uri


def import_package(
    path: str | os.PathLike[str],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Import a SIP/DIP archive or a manifest file. Raises :class:`~app.seda.reader.ReadError`."""
    path = os.path.abspath(os.fspath(path))
    if not zipfile_like(path):
        with open(path, "rb") as stream:
            _version, root = sniff_root(stream, path)
        transfer = read_manifest(path, progress=progress, cancel=cancel)
        result = ImportResult(transfer, kind="dip" if root != "ArchiveTransfer" else "manifest", source=path)
        _attach_files(result, Path(path).parent)
        return _finish(result, root)
    with open_archive(path, cancel) as archive:
        name = archive.find_manifest()
        label = f"{path} › {name}"
        with archive.open(name) as stream:
            _version, root = sniff_root(stream, label)
        transfer = read_manifest(member_opener(archive, name), name=label, size=archive.size(name),
                                 progress=progress, cancel=cancel)
        result = ImportResult(transfer, kind="dip" if root != "ArchiveTransfer" else "sip", source=path)
        _attach_members(result, archive, name)
    return _finish(result, root)


def zipfile_like(path: str) -> bool:
    """Whether *path* should be opened as an archive rather than read as XML."""
    with open(path, "rb") as f:
        head = f.read(512)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return not stripped.startswith(b"<")


def _finish(result: ImportResult, root: str) -> ImportResult:
    if root != "ArchiveTransfer":
        # A DIP answers a request: its header (Requester, MessageRequestIdentifier...) does not describe a
        # transfer. As Resip does, only its DataObjectPackage is kept; the transfer context fills the header.
        result.transfer.header = Element("ArchiveTransfer")
    return result


def _attach_members(result: ImportResult, archive: Archive, manifest: str) -> None:
    names = set(archive.names)
    folded: dict[str, str] = {}
    for name in archive.names:
        folded.setdefault(name.casefold(), name)
    for obj in result.transfer.iter_binaries():
        if not obj.uri:
            continue
        uri = _normalise_uri(obj.uri)
        member = uri if uri in names else folded.get(uri.casefold())
        if member is None or member == manifest:
            _missing(result.report, obj.id, obj.uri, archive.path)
            continue
        # Size stays as the manifest had it (none means none): the exporter reads the entry's size.
        obj.source_path, obj.source_member = archive.source(member)
        if obj.source_member is None:  # staged from a tar: the exporter checks the file did not change
            obj.source_mtime_ns = os.stat(obj.source_path).st_mtime_ns


def _attach_files(result: ImportResult, folder: Path) -> None:
    for obj in result.transfer.iter_binaries():
        if not obj.uri:
            continue
        candidate = (folder / _normalise_uri(obj.uri)).resolve()
        if folder.resolve() in candidate.parents and candidate.is_file():
            obj.source_path = str(candidate)
            obj.source_mtime_ns = candidate.stat().st_mtime_ns
        else:
            _missing(result.report, obj.id, obj.uri, str(folder))


def _missing(report: Report, object_id: str, uri: str, where: str) -> None:
    report.add(Severity.WARNING, "object-file-missing", uri, Message(CTX, QT_TRANSLATE_NOOP(
        "import", "Object {id}: its file {uri} is not in {where}; the object is kept without content. Relocate "
                  "it before exporting."), {"id": object_id, "uri": uri, "where": where}))
