"""Vitam pre-flight: the format of each object, identified from its bytes as Vitam's ingest does.

Vitam does not trust the declared FormatId: its ``OG_OBJECTS_FORMAT_CHECK`` step identifies every
binary object with Siegfried and rejects the transfer when an object's format cannot be identified
("uncharted"). A match on the file extension alone is not an identification (Siegfried's warning
``match on extension only``): ``KO_FORMAT_UNCHARTED.zip`` of the Vitam tests, a ``.sql`` file that
only its extension names, is rejected that way although ``fmt/206`` is in the formats referential.
When Siegfried identifies another format than the declared one, Vitam records its own: a warning.

Siegfried (pygfried) needs a path: each object is copied from the zip, one at a time, into a
private temporary folder (mode 0700), under a neutral name keeping only the extension, and deleted
right after. Objects above :data:`MAX_IDENTIFY_BYTES` are not identified.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken
from app.seda.digest import CHUNK
from app.seda.report import Severity
from app.seda.validation.facts import Facts, ObjectFacts
from app.seda.validation.package import Layout
from app.seda.validation.report import Finding

CTX = "validation"
MAX_IDENTIFY_BYTES = 1 << 30
"""Objects larger than this (1 GiB) are not copied out of the zip to be identified."""
UNIDENTIFIED_CODE = "OG_OBJECTS_FORMAT_CHECK.KO"
CORRECTED_CODE = "OG_OBJECTS_FORMAT_CHECK.WARNING"
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,16}$")
_NAME_ONLY = ("match on extension only", "match on filename only")


@dataclass(frozen=True, slots=True)
class Identification:
    """What Siegfried says of one file: its PUID (None when unknown), format name, basis and warning."""

    puid: str | None
    name: str
    basis: str
    warning: str

    @property
    def by_content(self) -> bool:
        """True when the format was recognised from the bytes, not from the file name alone."""
        if self.puid is None:
            return False
        warning = self.warning.lower()
        return not any(w in warning for w in _NAME_ONLY)


Identify = Callable[[str], Identification]


def siegfried() -> Identify:
    """An identifier backed by the Siegfried embedded in pygfried (one scanner, reused)."""
    import pygfried

    scanner = pygfried.Scanner()

    def identify(path: str) -> Identification:
        try:
            result = scanner.identify(path, detailed=True)
        except Exception as exc:  # pygfried raises Go errors as Python ones (empty source...)
            return Identification(None, "", "", str(exc) or type(exc).__name__)
        return parse(result)

    return identify


def parse(result: dict) -> Identification:
    """Siegfried's detailed result for one file → its first match."""
    files = result.get("files") or [{}]
    match = (files[0].get("matches") or [{}])[0]
    puid = match.get("id") or None
    warning = match.get("warning") or ""
    if files[0].get("errors") and not warning:
        warning = files[0]["errors"]
    return Identification(None if puid in (None, "UNKNOWN") else puid, match.get("format") or "",
                          match.get("basis") or "", warning)


def check_formats(archive: zipfile.ZipFile, layout: Layout, facts: Facts, *, identify: Identify | None = None,
                  cancel: CancelToken | None = None) -> list[Finding]:
    """Identify every binary object of the zip; error when nothing but its name identifies it, warning when
    Siegfried finds another format than the declared FormatId."""
    binaries = [o for o in facts.objects if o.kind == "binary" and o.uri]
    if not binaries:
        return []
    owners = _owners(facts)
    findings: list[Finding] = []
    folder = tempfile.mkdtemp(prefix="liasse-format-")  # mode 0700: private to this user
    try:
        for obj in binaries:
            info = layout.files.get(obj.uri or "") or layout.files.get(unquote(obj.uri or ""))
            if info is None or info.file_size > MAX_IDENTIFY_BYTES:
                continue  # a missing file is reported by the package layer
            if identify is None:
                try:
                    identify = siegfried()
                except ImportError:
                    return [Finding(Severity.WARNING, "vitam", "vitam.format-not-checked", Message(
                        CTX, QT_TRANSLATE_NOOP("validation", "The formats of the objects were not identified: "
                                                             "Siegfried (pygfried) is not installed. Install it to "
                                                             "check them as Vitam will."), {}),
                        vitam_code=UNIDENTIFIED_CODE)]
            suffix = _SUFFIX.search(info.filename.rsplit("/", 1)[-1])
            path = os.path.join(folder, "object" + (suffix.group(0) if suffix else ""))
            try:
                with archive.open(info) as source, open(path, "wb") as out:
                    shutil.copyfileobj(source, out, CHUNK)
                if cancel is not None:
                    cancel.check()
                found = identify(path)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError):
                continue  # a damaged entry is reported by the digest check
            finally:
                if os.path.exists(path):
                    os.unlink(path)
            finding = _judge(obj, info.filename, found, owners, facts)
            if finding is not None:
                findings.append(finding)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return findings


def _owners(facts: Facts) -> dict[str, str]:
    """The first unit referring to each object or group id."""
    owners: dict[str, str] = {}
    for unit in facts.units.values():
        for target in ([unit.group_ref] if unit.group_ref else []) + unit.object_refs:
            owners.setdefault(target, unit.id)
    return owners


def _judge(obj: ObjectFacts, name: str, found: Identification, owners: dict[str, str],
           facts: Facts) -> Finding | None:
    unit = owners.get(obj.id) or (owners.get(obj.group) if obj.group else None)
    title = facts.title_of(unit)
    params: dict[str, object] = {"object": obj.id, "name": name}
    params["unit"] = (f"{unit} \u201c{title}\u201d" if title else unit) if unit else "-"
    path = f"//BinaryDataObject[@id='{obj.id}']/FormatIdentification/FormatId"
    if not found.by_content:
        if found.puid is not None:
            text = QT_TRANSLATE_NOOP(
                "validation", "Object {object} ({name}) of unit {unit}: Siegfried recognises its format only from "
                              "its extension ({puid}, {format}), not from its content, so Vitam rejects it as a "
                              "format it cannot identify. Check that the extension matches the content, or convert "
                              "the file to a known format (PDF/A, ODF, plain text...).")
            params.update(puid=found.puid, format=found.name or found.puid)
        else:
            text = QT_TRANSLATE_NOOP(
                "validation", "Object {object} ({name}) of unit {unit}: Siegfried cannot identify its format "
                              "({reason}), so Vitam rejects it as a format it cannot identify. Convert the file to "
                              "a known format (PDF/A, ODF, plain text...), or check that its content is not "
                              "damaged and its extension is right.")
            params["reason"] = found.warning or "no match"
        return Finding(Severity.ERROR, "vitam", "vitam.unidentified-format", Message(CTX, text, params), unit, title,
                       obj.id, path, obj.line, UNIDENTIFIED_CODE)
    if obj.format_id and found.puid != obj.format_id:
        params.update(declared=obj.format_id, puid=found.puid, format=found.name or found.puid)
        return Finding(Severity.WARNING, "vitam", "vitam.format-mismatch", Message(CTX, QT_TRANSLATE_NOOP(
            "validation", "Object {object} ({name}) of unit {unit}: the manifest declares the format {declared}, but "
                          "Siegfried identifies {puid} ({format}) from its content; Vitam will record {puid}. Check "
                          "the file, or correct its FormatId."), params), unit, title, obj.id, path, obj.line,
            CORRECTED_CODE)
    return None
