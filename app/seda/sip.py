"""Write a transfer as a SIP: a zip with ``manifest.xml`` at its root and the files under ``Content/``.

* The zip is written to a real, seekable file, so every entry's local header carries its sizes and
  CRC (Vitam's reader rejects stored entries that rely on data descriptors); ZIP64 when needed.
* Entries are stored by default (the bulk of a SIP is already compressed); ``compress`` deflates
  the compressible formats at level 6.
* Nothing appears at the destination until the SIP is complete: it is written beside it under a
  hidden temporary name and renamed at the end. A failure or a cancel removes the temporary file.
* Files are not hashed again unless they changed since the scan: size and mtime are checked first,
  and a changed file is re-hashed (and reported) before the manifest is written.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import BinaryDataObject, Transfer
from app.seda import manifest as manifest_writer
from app.seda.context import complete_header
from app.seda.digest import CHUNK, DEFAULT_ALGORITHM, from_seda_name, hasher
from app.seda.names import content_uri, is_vitam_name
from app.seda.report import Report, Severity
from app.seda.scanner import analyse_objects

CTX = "export"
MANIFEST_NAME = "manifest.xml"
DEFLATE_LEVEL = 6

_COMPRESSIBLE_MIME_PREFIXES = ("text/", "message/")
_COMPRESSIBLE_MIME = frozenset({
    "application/xml", "application/json", "application/rtf", "application/msword", "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint", "application/vnd.ms-outlook", "application/postscript", "application/x-tar",
    "application/sql", "application/javascript", "application/x-sqlite3", "application/vnd.ms-access",
    "application/x-msaccess", "image/bmp", "image/x-ms-bmp", "image/tiff", "image/svg+xml", "image/x-portable-pixmap",
    "audio/x-wav", "audio/wav", "audio/x-aiff", "application/x-empty", "application/CDFV2",
})


def is_compressible(mime: str | None) -> bool:
    """Whether deflating a file of this MIME type is worth it (text, XML, old office, raw images...)."""
    if not mime:
        return False
    mime = mime.split(";", 1)[0].strip()
    return mime.startswith(_COMPRESSIBLE_MIME_PREFIXES) or mime in _COMPRESSIBLE_MIME or mime.endswith("+xml")


class ExportError(Exception):
    """The SIP could not be written; nothing was left at the destination."""

    def __init__(self, message: Message, report: Report | None = None) -> None:
        super().__init__(message.render())
        self.message = message
        self.report = report

    @property
    def refused(self) -> bool:
        """True when the transfer was refused for its errors (in :attr:`report`), not for an I/O failure."""
        return bool(self.report is not None and self.report.errors)


Validator = Callable[[Path, Transfer], Report]
"""Checks a written manifest; errors in its report make the export refuse (unless forced)."""


@dataclass
class ExportOptions:
    """How the SIP is written (built by the CLI from its arguments, by the GUI from its dialog)."""

    compress: bool = False
    indent: bool = True
    algorithm: str = DEFAULT_ALGORITHM
    """Used only to re-hash a file that changed since the scan, when the object has no algorithm yet."""
    validator: Validator | None = None
    force: bool = False
    """Write the SIP even when the validator found errors."""


@dataclass
class ExportResult:
    """What was written."""

    path: Path
    units: int = 0
    objects: int = 0
    bytes: int = 0
    seconds: float = 0.0
    report: Report = field(default_factory=Report)
    manifest_sha256: str = ""


def _export_copy(transfer: Transfer) -> Transfer:
    """A shallow copy whose header can be completed without touching the user's transfer."""
    copy = Transfer(transfer.version)
    copy.header = transfer.header.copy()
    copy.management_metadata = transfer.management_metadata
    copy.roots = transfer.roots
    copy.groups = transfer.groups
    copy.ids = transfer.ids
    copy.layout = transfer.layout  # how an imported manifest laid its units out
    copy.package_attrib = transfer.package_attrib
    return copy


def _message(text: str, **params) -> Message:
    return Message(CTX, text, params)


def refresh_changed_objects(transfer: Transfer, report: Report, algorithm: str = DEFAULT_ALGORITHM, *,
                            progress: Progress = no_progress, cancel: CancelToken | None = None) -> None:
    """Check every file against its scan; re-hash those that changed, fail on those that vanished."""
    missing: list[str] = []
    changed: dict[str, list[BinaryDataObject]] = {}
    binaries = [o for o in transfer.iter_binaries() if o.source_path]
    for index, obj in enumerate(binaries):
        if cancel is not None and index % 256 == 0:
            cancel.check()
        if obj.source_member is not None:
            # Inside an imported SIP: the zip's CRC guards the bytes; only check the archive is there.
            if not os.path.isfile(obj.source_path):
                missing.append(f"{obj.source_path} › {obj.source_member}")
            continue
        try:
            st = os.stat(obj.source_path)
        except OSError:
            missing.append(obj.source_path)
            continue
        if obj.digest and st.st_size == obj.size and st.st_mtime_ns == obj.source_mtime_ns:
            continue
        if obj.digest:
            report.add(Severity.WARNING, "file-changed", obj.source_path, _message(QT_TRANSLATE_NOOP(
                "export", "{path} changed since it was scanned; it was hashed again."), path=obj.source_path))
        changed.setdefault(from_seda_name(obj.digest_algorithm or "") or algorithm, []).append(obj)
    for algo, objects in changed.items():
        failed, _hits = analyse_objects(objects, algo, Report(), progress=progress, cancel=cancel)
        missing.extend(o.source_path for o in failed)
    if missing:
        shown = "\n".join(missing[:20]) + ("\n…" if len(missing) > 20 else "")
        raise ExportError(_message(QT_TRANSLATE_NOOP(
            "export", "{count} of the transfer can no longer be read; relocate or remove them before "
                 "exporting:\n{files}"), count=QT_TRANSLATE_NOOP("export", "%n file(s)", "", len(missing)),
            files=shown))


def assign_uris(transfer: Transfer) -> None:
    """Give each binary object a Vitam-compliant, unique Uri under ``Content/``."""
    seen: set[str] = set()
    for obj in transfer.iter_binaries():
        uri = obj.uri
        if not uri or not is_vitam_name(uri) or uri in seen or uri == MANIFEST_NAME:
            uri = content_uri(obj.id, obj.filename)
        obj.uri = uri
        seen.add(uri)


def _zip_date(mtime_ns: int | None) -> tuple[int, int, int, int, int, int]:
    t = time.localtime((mtime_ns or time.time_ns()) / 1e9)
    year = min(max(t.tm_year, 1980), 2107)
    return (year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


class _Sources:
    """Opens object bytes: files on disk, or members of imported zips (each zip opened once)."""

    def __init__(self) -> None:
        self._zips: dict[str, zipfile.ZipFile] = {}

    def open(self, obj: BinaryDataObject):
        if obj.source_member is None:
            return open(obj.source_path, "rb", buffering=0)
        archive = self._zips.get(obj.source_path)
        if archive is None:
            archive = self._zips[obj.source_path] = zipfile.ZipFile(obj.source_path)
        return archive.open(obj.source_member)

    def size(self, obj: BinaryDataObject) -> int:
        """The object's size: from the manifest, else (an imported SIP without Size) from its entry."""
        if obj.size is not None or obj.source_member is None:
            return obj.size or 0
        self.open(obj).close()  # opens the zip once
        return self._zips[obj.source_path].getinfo(obj.source_member).file_size

    def close(self) -> None:
        for archive in self._zips.values():
            archive.close()
        self._zips.clear()


def _write_entry(zf: zipfile.ZipFile, name: str, src, size: int, mtime_ns: int | None, compress: bool,
                 cancel: CancelToken | None, on_bytes: Callable[[int], None], label: str) -> None:
    info = zipfile.ZipInfo(name, _zip_date(mtime_ns))
    info.external_attr = 0o644 << 16
    info.file_size = size  # lets zipfile choose ZIP64 up front
    if compress:
        info.compress_type = zipfile.ZIP_DEFLATED
        if hasattr(info, "compress_level"):  # Python 3.13+
            info.compress_level = DEFLATE_LEVEL
        else:
            info._compresslevel = DEFLATE_LEVEL
    else:
        info.compress_type = zipfile.ZIP_STORED
    copied = 0
    with src, zf.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as dst:
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        while n := src.readinto(buf):
            dst.write(view[:n])
            copied += n
            on_bytes(n)
            if cancel is not None:
                cancel.check()
        changed = mtime_ns is not None and hasattr(src, "fileno") and os.fstat(src.fileno()).st_mtime_ns != mtime_ns
    if copied != size or changed:
        raise ExportError(_message(QT_TRANSLATE_NOOP(
            "export", "{path} was modified while the SIP was being written; export again."), path=label))


def export_sip(
    transfer: Transfer,
    dest: str | os.PathLike[str],
    options: ExportOptions | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write *transfer* as a SIP zip at *dest*, atomically. Progress counts bytes."""
    options = options or ExportOptions()
    dest = Path(dest)
    started = time.monotonic()
    result = ExportResult(dest)
    if not dest.parent.is_dir():
        raise ExportError(_message(QT_TRANSLATE_NOOP("export", "The destination folder {path} does not exist."),
                                   path=str(dest.parent)))
    refresh_changed_objects(transfer, result.report, options.algorithm, cancel=cancel)
    assign_uris(transfer)
    work = _export_copy(transfer)
    complete_header(work, manifest_writer.now_datetime())
    binaries = [o for o in work.iter_binaries() if o.source_path]
    # Objects without a file (a manifest imported without its files): their Uri would point to nothing
    # in the zip, which Vitam refuses (CHECK_DIGEST); refuse them like a validation error.
    for obj in work.iter_binaries():
        if not obj.source_path:
            result.report.add(Severity.ERROR, "object-no-file", obj.id, _message(QT_TRANSLATE_NOOP(
                "export", "Object {id} ({name}) has no file: its Uri {uri} would point to nothing in the SIP. "
                     "Relocate its file or remove the object."), id=obj.id, name=obj.filename or "?",
                uri=obj.uri or "?"))
    if result.report.errors and not options.force:
        raise ExportError(_message(QT_TRANSLATE_NOOP(
            "export", "The transfer is not valid ({count}); the SIP was not written. Fix the errors, "
                 "or force the export."),
            count=QT_TRANSLATE_NOOP("export", "%n error(s)", "", len(result.report.errors))), result.report)
    total = sum(o.size or 0 for o in binaries)
    done = 0

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        progress(done, total)

    temporaries: list[str] = []
    try:
        fd, manifest_tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".manifest.part", dir=dest.parent)
        temporaries.append(manifest_tmp)
        with os.fdopen(fd, "wb") as out:
            manifest_writer.write_manifest(work, out, manifest_writer.ManifestOptions(indent=options.indent),
                                           cancel=cancel)
        if options.validator is not None:
            findings = options.validator(Path(manifest_tmp), work)
            result.report.extend(findings)
            if findings.errors and not options.force:
                raise ExportError(_message(QT_TRANSLATE_NOOP(
                    "export", "The transfer is not valid ({count}); the SIP was not written. Fix the errors, "
                         "or force the export."),
                    count=QT_TRANSLATE_NOOP("export", "%n error(s)", "", len(findings.errors))), result.report)
        result.manifest_sha256 = _sha256(manifest_tmp)
        fd, zip_tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        temporaries.append(zip_tmp)
        sources = _Sources()
        with os.fdopen(fd, "w+b") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
            manifest_size = os.path.getsize(manifest_tmp)
            _write_entry(zf, MANIFEST_NAME, open(manifest_tmp, "rb", buffering=0), manifest_size, None,
                         options.compress, cancel, lambda n: None, manifest_tmp)
            try:
                for obj in binaries:
                    label = obj.source_path + (f" › {obj.source_member}" if obj.source_member else "")
                    _write_entry(zf, obj.uri, sources.open(obj), sources.size(obj),
                                 None if obj.source_member else obj.source_mtime_ns,
                                 options.compress and is_compressible(obj.mime_type), cancel, on_bytes, label)
            finally:
                sources.close()
            zf.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(zip_tmp, 0o644)  # mkstemp makes it private; the SIP is often read by another account
        os.replace(zip_tmp, dest)
        temporaries.remove(zip_tmp)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise ExportError(_message(QT_TRANSLATE_NOOP(
                "export", "The disk holding {path} is full; the SIP was not written. Free some space or choose another "
                     "destination."), path=str(dest.parent))) from exc
        raise ExportError(_message(QT_TRANSLATE_NOOP("export", "Cannot write the SIP {path}: {error}"),
                                   path=str(dest), error=f"{exc.strerror or exc} ({exc.filename or ''})")) from exc
    finally:
        for path in temporaries:
            try:
                os.unlink(path)
            except OSError:
                pass
    result.units = work.count_units()
    result.objects = len(binaries)
    result.bytes = total
    result.seconds = time.monotonic() - started
    return result


def _sha256(path: str) -> str:
    h = hasher("sha256")()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
