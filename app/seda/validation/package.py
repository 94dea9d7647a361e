"""Package layer: the SIP zip read in place (never extracted), its layout, names and object bytes.

Hostile archives are refused before anything is read: names escaping the package, backslashes,
absolute names, symbolic links, encrypted entries, and declared sizes or ratios typical of zip
bombs. Reading an entry never yields more than its declared size (``zipfile`` stops there), so the
size checks made up front bound everything read afterwards.
"""

from __future__ import annotations

import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken
from app.seda.digest import CHUNK, from_seda_name, hasher
from app.seda.names import VITAM_SEGMENT
from app.seda.report import Severity
from app.seda.validation.facts import Facts
from app.seda.validation.report import Finding

CTX = "validation"
MANIFEST_NAME = re.compile(r"^([a-zA-Z0-9_\-]{0,56}[_-]){0,1}manifest\.xml$")
"""Vitam's MANIFEST_FILE_NAME_REGEX, anchored at the end (``manifest.xml.bak`` is not a manifest)."""
MAX_RATIO = 200  # a deflated SIP seldom exceeds 10:1; bombs reach 1000:1 and more
RATIO_FLOOR = 64 * 1024 * 1024  # small entries may compress a lot (empty files, XML)
MAX_TOTAL = 1 << 42  # 4 TiB declared in all: nothing real is that big
MAX_MANIFEST = 4 << 30


def message(text: str, **params: object) -> Message:
    """A translatable message of the validation context."""
    return Message(CTX, text, params)


def error(check: str, text: str, vitam_code: str | None = None, *, severity: Severity = Severity.ERROR,
          path: str | None = None, object_id: str | None = None, line: int | None = None,
          **params: object) -> Finding:
    """A package-layer finding."""
    return Finding(severity, "package", check, message(text, **params), object_id=object_id, path=path,
                   line=line, vitam_code=vitam_code)


@dataclass
class Layout:
    """What the zip holds, once its entries are judged safe."""

    manifest: zipfile.ZipInfo | None = None
    files: dict[str, zipfile.ZipInfo] = field(default_factory=dict)  # every safe file entry, by name
    content_dirs: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    fatal: bool = False  # the archive must not be read further


def unsafe_reason(info: zipfile.ZipInfo) -> str | None:
    """Why an entry must not be trusted, or None."""
    name = info.filename
    if "\\" in name:
        return "backslash"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "absolute"
    if any(part == ".." for part in name.split("/")):
        return "traversal"
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return "symlink"
    if info.flag_bits & 0x1:
        return "encrypted"
    return None


_REASONS = {
    "backslash": QT_TRANSLATE_NOOP("validation", "The zip entry \u201c{name}\u201d contains a backslash (\\); Vitam "
                                                 "refuses it. "
                                        "Rebuild the SIP with / as the folder separator."),
    "absolute": QT_TRANSLATE_NOOP("validation", "The zip entry \u201c{name}\u201d has an absolute path; it would be "
                                                "written "
                                       "outside the package. Rebuild the SIP."),
    "traversal": QT_TRANSLATE_NOOP("validation", "The zip entry \u201c{name}\u201d escapes the package "
                                                 "(\u201c..\u201d); "
                                        "this is refused as a path-traversal attack. Rebuild the SIP."),
    "symlink": QT_TRANSLATE_NOOP("validation", "The zip entry \u201c{name}\u201d is a symbolic link; a SIP may hold "
                                               "only "
                                      "files and folders."),
    "encrypted": QT_TRANSLATE_NOOP("validation", "The zip entry \u201c{name}\u201d is encrypted; a SIP cannot be "
                                                 "encrypted."),
}


def inspect(archive: zipfile.ZipFile, *, vitam: bool = True) -> Layout:
    """Judge every entry (names, sizes) and find the manifest and the content folder."""
    layout = Layout()
    total = 0
    manifests: list[zipfile.ZipInfo] = []
    root_files: list[str] = []
    root_dirs: set[str] = set()
    for info in archive.infolist():
        name = info.filename
        while name.startswith("./"):  # "./Content/x" is "Content/x"; Vitam accepts it
            name = name[2:]
        if not name:
            continue
        reason = unsafe_reason(info)
        if reason is not None:
            layout.findings.append(error("package.unsafe-entry", _REASONS[reason], "STP_UPLOAD_SIP.KO", path=name,
                                         name=name))
            continue
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            layout.findings.append(error("package.zip-bomb", QT_TRANSLATE_NOOP(
                "validation", "The zip entry \u201c{name}\u201d claims {size} bytes from {packed} compressed bytes: "
                              "this looks "
                     "like a zip bomb and the package is not read."), "CHECK_CONTAINER.KO", path=name, name=name,
                size=info.file_size, packed=info.compress_size))
            layout.fatal = True
            return layout
        segments = name.rstrip("/").split("/")
        if vitam and not all(VITAM_SEGMENT.match(s) for s in segments if s):
            layout.findings.append(error("package.entry-name", QT_TRANSLATE_NOOP(
                "validation", "The zip entry \u201c{name}\u201d has characters Vitam refuses in names (only letters, "
                              "digits, "
                     "- _ @ and dots between them). Rename the file and its Uri."), "STP_UPLOAD_SIP.KO", path=name,
                name=name))
        if len(segments) == 1 and not info.is_dir():
            if MANIFEST_NAME.match(name):
                manifests.append(info)
            else:
                root_files.append(name)
        else:
            root_dirs.add(segments[0])
        if not info.is_dir():
            layout.files[name] = info
    if total > MAX_TOTAL:
        layout.findings.append(error("package.zip-bomb", QT_TRANSLATE_NOOP(
            "validation", "The zip declares {size} bytes in all: this looks like a zip bomb and the package is not "
                          "read."),
            "CHECK_CONTAINER.KO", size=total))
        layout.fatal = True
        return layout
    if not manifests:
        layout.findings.append(error("package.no-manifest", QT_TRANSLATE_NOOP(
            "validation", "The package has no manifest at its root (manifest.xml, or a name ending in _manifest.xml or "
                 "-manifest.xml). Add the manifest at the root of the zip, not in a folder."),
            "MANIFEST_FILE_NAME_CHECK.KO"))
        layout.fatal = True
    elif len(manifests) > 1:
        layout.findings.append(error("package.several-manifests", QT_TRANSLATE_NOOP(
            "validation", "The package has {count} manifests at its root ({names}); keep exactly one."),
            "CHECK_SEDA.CONTAINER_FORMAT.FILE.KO", count=len(manifests),
            names=", ".join(m.filename for m in manifests)))
        layout.fatal = True
    else:
        layout.manifest = manifests[0]
    for name in root_files:
        layout.findings.append(error("package.extra-root-file", QT_TRANSLATE_NOOP(
            "validation", "The file \u201c{name}\u201d is at the root of the package beside the manifest; Vitam "
                          "accepts only "
                 "the manifest there. Remove it or move it under Content/ and describe it."),
            "CHECK_SEDA.CONTAINER_FORMAT.FILE.KO", path=name, name=name))
    for name in sorted(root_dirs):
        if name.lower() == "content":
            layout.content_dirs.add(name)
        else:
            layout.findings.append(error("package.extra-root-folder", QT_TRANSLATE_NOOP(
                "validation", "The folder \u201c{name}\u201d is at the root of the package; only one content folder "
                              "(Content/) "
                     "is allowed. Move its files under Content/ or remove it."),
                "CHECK_SEDA.CONTAINER_FORMAT.DIRECTORY.KO", path=name + "/", name=name))
    if len(layout.content_dirs) > 1:
        layout.findings.append(error("package.extra-root-folder", QT_TRANSLATE_NOOP(
            "validation", "The package has several content folders ({names}); merge them into one Content/ folder."),
            "CHECK_SEDA.CONTAINER_FORMAT.DIRECTORY.KO", names=", ".join(sorted(layout.content_dirs))))
    return layout


def check_objects(archive: zipfile.ZipFile, layout: Layout, facts: Facts, *,
                  cancel: CancelToken | None = None, progress: Callable[[int], None] | None = None) -> list[Finding]:
    """Every Uri present, every file described, digests and sizes matching the bytes."""
    findings: list[Finding] = []
    binaries = [o for o in facts.objects if o.kind == "binary"]
    content_files = {n: i for n, i in layout.files.items() if layout.manifest is None or n != layout.manifest.filename}
    referenced: set[str] = set()
    missing: list = []
    for obj in binaries:
        uri = obj.uri or ""
        name = uri if uri in content_files else unquote(uri) if unquote(uri) in content_files else None
        if name is None:
            missing.append(obj)
            continue
        if name in referenced:
            findings.append(error("package.duplicate-uri", QT_TRANSLATE_NOOP(
                "validation", "Object {object}: the Uri \u201c{uri}\u201d is used by another object too; each object "
                              "needs its "
                     "own file."), "CHECK_MANIFEST_OBJECTNUMBER.INVALID_URI.KO", object_id=obj.id, line=obj.line,
                path=_object_path(obj.id, "Uri"), object=obj.id, uri=uri))
            continue
        referenced.add(name)
    superior = len(binaries) > len(content_files)
    for obj in missing:
        findings.append(error("package.missing-file", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: its Uri \u201c{uri}\u201d names no file of the package. Add the file, or "
                          "correct "
                 "the Uri."),
            "CHECK_MANIFEST_OBJECTNUMBER.MANIFEST_SUPERIOR_BDO.KO" if superior
            else "CHECK_MANIFEST_OBJECTNUMBER.INVALID_URI.KO",
            object_id=obj.id, line=obj.line, path=_object_path(obj.id, "Uri"), object=obj.id, uri=obj.uri or ""))
    for name in sorted(set(content_files) - referenced):
        findings.append(error("package.unreferenced-file", QT_TRANSLATE_NOOP(
            "validation", "The file \u201c{name}\u201d is in the package but no BinaryDataObject describes it. "
                          "Describe it in "
                 "the manifest or remove it."), "CHECK_MANIFEST_OBJECTNUMBER.MANIFEST_INFERIOR_BDO.KO", path=name,
            name=name))
    done = 0
    for obj in binaries:
        name = obj.uri if obj.uri in content_files else unquote(obj.uri or "")
        info = content_files.get(name)
        if info is None:
            continue
        findings.extend(_check_bytes(archive, info, obj, cancel))
        done += 1
        if progress is not None:
            progress(info.file_size)
    return findings


def _object_path(object_id: str, child: str | None = None) -> str:
    return f"//BinaryDataObject[@id='{object_id}']" + (f"/{child}" if child else "")


def _check_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, obj, cancel: CancelToken | None) -> list[Finding]:
    findings: list[Finding] = []
    if obj.size is not None and obj.size.isdigit() and int(obj.size) != info.file_size:
        findings.append(error("package.size-mismatch", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the manifest gives a Size of {declared} bytes but the file {name} has "
                          "{actual}. "
                 "Correct the Size."), "CHECK_OBJECT_SIZE.WARNING", object_id=obj.id, line=obj.line,
            path=_object_path(obj.id, "Size"), object=obj.id, declared=obj.size, name=info.filename,
            actual=info.file_size))
    if not obj.digest:
        findings.append(error("package.digest-empty", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the MessageDigest is empty. Compute the file's digest and write it in the "
                 "manifest."), "CHECK_DIGEST.EMPTY.KO", object_id=obj.id, line=obj.line,
            path=_object_path(obj.id, "MessageDigest"), object=obj.id))
        return findings
    algorithm = from_seda_name(obj.algorithm or "")
    if algorithm is None:
        return findings  # reported by the Vitam layer (unknown algorithm): nothing to compare with
    digest = hasher(algorithm)()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                if cancel is not None:
                    cancel.check()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        findings.append(error("package.unreadable-entry", QT_TRANSLATE_NOOP(
            "validation", "The file {name} of the package cannot be read ({error}); the zip is damaged. Rebuild it."),
            "CHECK_CONTAINER.KO", path=info.filename, object_id=obj.id, name=info.filename, error=str(exc)))
        return findings
    actual = digest.hexdigest()
    if obj.digest.lower() != actual:
        findings.append(error("package.digest-mismatch", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the {algorithm} digest of {name} is {actual}, not the {declared} written "
                          "in the "
                 "manifest. The file changed or the manifest is wrong: compute the digest again."),
            "CHECK_DIGEST.INVALID.KO", object_id=obj.id, line=obj.line, path=_object_path(obj.id, "MessageDigest"),
            object=obj.id, algorithm=obj.algorithm, name=info.filename, actual=actual, declared=obj.digest))
    return findings
