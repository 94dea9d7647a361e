"""Resip disk hierarchies: import (models V1 and V2, links and shortcuts) and export ("hiérarchie sur disque").

Conventions (``reference/resip.md`` §2.5, sedalib's ``DiskToDataObjectPackageImporter``):

* every folder is an archive unit, every plain file a unit (``Item``) holding one BinaryMaster_1 object;
  a folder without metadata is a ``RecordGrp`` titled with its name;
* model V2: ``__ArchiveUnitMetadata.xml`` (ArchiveUnitProfile / Management / Content fragments) in a
  unit's folder; ``__USAGE_VERSION__name`` files are objects of the unit's group;
  ``__USAGE_VERSION__BinaryDataObjectMetadata.xml`` and ``__USAGE_VERSION__PhysicalDataObjectMetadata.xml``
  describe objects; a ``##name##`` folder is an explicit object group; a symbolic link or Windows
  shortcut (``.lnk``) to a unit folder adds a parent, to a ``##name##`` folder shares the group;
  ``__GlobalMetadata.xml`` (header fragments) and ``__ManagementMetadata.xml`` at the root;
* model V1 (GenerateurSEDA): ``ArchiveUnitContent.xml``, ``ArchiveUnitManagement.xml``,
  ``__USAGE_VERSION_name`` (one underscore).

Entries are read in sorted name order, as Resip does. When the chosen folder holds an
``__ArchiveUnitMetadata.xml`` itself, it is the root unit (Resip would refuse it); otherwise its
entries are the root units. Files are hashed and identified like a folder scan.
"""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, PhysicalDataObject, Transfer
from app.seda import ontology
from app.seda.digest import DEFAULT_ALGORITHM
from app.seda.reader import ReadError, _error, gc_paused
from app.seda.report import Report, Severity
from app.seda.scanner import DEFAULT_EXCLUDES, Excluder, analyse_objects
from app.seda.xmlconv import from_lxml, safe_parser

GLOBAL_METADATA = "__GlobalMetadata.xml"
MANAGEMENT_METADATA = "__ManagementMetadata.xml"
UNIT_METADATA = "__ArchiveUnitMetadata.xml"
V1_CONTENT, V1_MANAGEMENT = "ArchiveUnitContent.xml", "ArchiveUnitManagement.xml"
MARKERS = frozenset({GLOBAL_METADATA, MANAGEMENT_METADATA, UNIT_METADATA, V1_CONTENT, V1_MANAGEMENT})

# Java's \w is ASCII-only: re.ASCII keeps the same names special.
_PDO_META = re.compile(r"__\w+(_[0-9]+)?__PhysicalDataObjectMetadata\.xml", re.ASCII)
_BDO_META = re.compile(r"__\w+(_[0-9]+)?__BinaryDataObjectMetadata\.xml", re.ASCII)
_OBJECT_V2 = re.compile(r"__\w+__.+", re.ASCII | re.DOTALL)
_OBJECT_V1 = re.compile(r"__\w+_.+", re.ASCII | re.DOTALL)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")


@dataclass
class DiskImport:
    """An imported hierarchy: the transfer, what was noticed, and the model met (1: V1, 2: V2, 3: both)."""

    transfer: Transfer
    report: Report
    model: int


# -- detection ---------------------------------------------------------------------------------------
def has_root_metadata(folder: str | os.PathLike[str]) -> bool:
    """Whether *folder* holds ``__GlobalMetadata.xml`` or ``__ManagementMetadata.xml`` (always a Resip export)."""
    return any(os.path.isfile(os.path.join(folder, name)) for name in (GLOBAL_METADATA, MANAGEMENT_METADATA))


def looks_like_hierarchy(folder: str | os.PathLike[str], max_folders: int = 5000) -> bool:
    """Whether a Resip metadata file appears in *folder* or its sub-folders (the first *max_folders* looked at)."""
    for count, (_path, _dirs, files) in enumerate(os.walk(folder)):
        if MARKERS.intersection(files):
            return True
        if count >= max_folders:
            break
    return False


# -- XML fragments -----------------------------------------------------------------------------------
def parse_fragments(path: Path) -> list[Element]:
    """The top-level elements of a Resip metadata file (one or several sibling elements, no namespace needed).

    Parsed safely: no DTD, no entity, no network; a DOCTYPE is refused.
    """
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("import", "Cannot read {name}: {error}"), name=name,
                     error=exc.strerror or str(exc)) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declaration = _XML_DECLARATION.match(data)
    # Keep the declaration's line breaks so that error lines stay those of the file.
    data = (b"\n" * declaration.group(0).count(b"\n") + data[declaration.end():]) if declaration else data
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name} declares a DOCTYPE or entities: refused for safety. Remove the declaration."),
            name=name)
    try:
        root = etree.fromstring(b"<fragment>" + data + b"</fragment>", safe_parser(remove_comments=True,
                                                                                   remove_pis=True))
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        if line == 1:
            column = max(column - len("<fragment>"), 1)
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and "
                      "import the folder again."), name=name, line=line, column=column, error=exc.msg) from exc
    return [from_lxml(child) for child in root if isinstance(child.tag, str)]


def _binary_from_fragments(elements: list[Element], obj: BinaryDataObject) -> None:
    """Fill a binary object from the children of a BinaryDataObject; unknown ones are kept in ``extra``."""
    extra: list[Element] = []
    for child in elements:
        plain = not child.attrib and not child.children
        if child.tag == "DataObjectVersion" and plain and child.text:
            obj.version = child.text.strip()
        elif child.tag == "Uri":
            continue  # a stale location in the SIP it was exported from; the exporter assigns one
        elif child.tag == "MessageDigest" and not child.children:
            obj.digest, obj.digest_algorithm = (child.text or "").strip(), child.get("algorithm")
        elif child.tag == "Size" and plain and (child.text or "").strip().isdigit():
            obj.size = int(child.text.strip())
        elif child.tag == "FormatIdentification":
            kept = [c for c in child.children or () if c.tag not in ("FormatLitteral", "MimeType", "FormatId")]
            obj.format_name = child.findtext("FormatLitteral") or obj.format_name
            obj.mime_type = child.findtext("MimeType") or obj.mime_type
            obj.format_id = child.findtext("FormatId") or obj.format_id
            if kept:
                extra.append(Element("FormatIdentification", children=kept))
        elif child.tag == "FileInfo":
            kept = [c for c in child.children or () if c.tag not in ("Filename", "LastModified")]
            obj.filename = child.findtext("Filename") or obj.filename
            obj.last_modified = child.findtext("LastModified") or obj.last_modified
            if kept:
                extra.append(Element("FileInfo", children=kept))
        else:
            extra.append(child)
    obj.extra = (obj.extra or []) + extra or None


def object_version(name: str) -> tuple[str, str]:
    """``(DataObjectVersion, file name)`` of an object file.

    ``__BinaryMaster_1__a.pdf`` (V2) or ``__BinaryMaster_1_a.pdf`` (V1) give ``("BinaryMaster_1", "a.pdf")``.
    """
    rest = name[2:]
    usage, _, rest = rest.partition("_")
    match = re.match(r"([0-9]+)(__?)", rest)
    if match:
        return f"{usage}_{match[1]}", rest[match.end():]
    # No version number: "__Usage__name" (or "__Usage_name")
    return usage, rest[1:] if rest.startswith("_") else rest


# -- Windows shortcuts ---------------------------------------------------------------------------------
def shortcut_target(path: Path, root: Path) -> Path | None:
    """Where a Windows shortcut (.lnk, MS-SHLLINK) points, resolved inside the imported folder *root*.

    The relative path stored in the shortcut is tried first; then the absolute target, matched by
    its trailing components against *root* (the hierarchy was usually made on another machine).
    """
    try:
        data = path.read_bytes()
        if len(data) < 0x4C or struct.unpack_from("<I", data, 0)[0] != 0x4C:
            return None
        flags = struct.unpack_from("<I", data, 0x14)[0]
        offset = 0x4C
        if flags & 0x01:  # HasLinkTargetIDList
            offset += 2 + struct.unpack_from("<H", data, offset)[0]
        absolute = ""
        if flags & 0x02:  # HasLinkInfo
            info_size, _header, info_flags, _volume, base_offset, _net, suffix_offset = struct.unpack_from(
                "<7I", data, offset)
            if info_flags & 0x01:
                base = data[offset + base_offset:data.index(b"\0", offset + base_offset)]
                suffix = data[offset + suffix_offset:data.index(b"\0", offset + suffix_offset)]
                absolute = (base + suffix).decode("cp1252", errors="replace")
            offset += info_size
        unicode = bool(flags & 0x80)
        relative = ""
        for bit in (0x04, 0x08):  # HasName, HasRelativePath (in this order)
            if flags & bit:
                count = struct.unpack_from("<H", data, offset)[0]
                size = count * 2 if unicode else count
                raw = data[offset + 2:offset + 2 + size]
                text = raw.decode("utf-16-le" if unicode else "cp1252", errors="replace")
                offset += 2 + size
                if bit == 0x08:
                    relative = text
    except (OSError, struct.error, ValueError):
        return None
    if relative:
        candidate = Path(os.path.normpath(path.parent / relative.replace("\\", "/")))
        if os.path.lexists(candidate):
            return candidate
    parts = [p for p in re.split(r"[\\/]", absolute) if p and not p.endswith(":")]
    for start in range(len(parts)):
        candidate = root.joinpath(*parts[start:])
        if os.path.lexists(candidate):
            return candidate
    return None


# -- import --------------------------------------------------------------------------------------------
class _DiskReader:
    def __init__(self, root: Path, version: str, excluder: Excluder, follow_links: bool,
                 cancel: CancelToken | None) -> None:
        self.root = root
        self.transfer = Transfer(version)
        self.report = Report()
        self.excluder = excluder
        self.follow_links = follow_links
        self.cancel = cancel
        self.units: dict[str, ArchiveUnit] = {}
        self.groups: dict[str, DataObjectGroup] = {}
        self.in_progress: set[str] = set()
        self.model = 0
        self.binaries: list[BinaryDataObject] = []
        self.described: dict[int, tuple[BinaryDataObject, str]] = {}  # object -> (metadata read, file)
        self.count = 0

    def warn(self, code: str, path: Path, text: str, **params: str) -> None:
        self.report.add(Severity.WARNING, code, str(path), Message("import", text, {"path": str(path), **params}))

    def link_target(self, path: Path) -> Path | None:
        """The target of a symbolic link or shortcut, or None when *path* is neither."""
        if path.is_symlink():
            target = Path(os.path.realpath(path))
        elif path.suffix.lower() == ".lnk" and path.is_file():
            target = shortcut_target(path, self.root)
            if target is None:
                return None
            target = Path(os.path.realpath(target))
        else:
            return None
        if not target.exists():
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path}: the link points to {target}, which does not exist. Fix or remove the link."),
                path=str(path), target=str(target))
        if not _is_within(target, self.root):
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path}: the link points to {target}, outside the imported folder {root}. Links may only "
                          "point inside it."), path=str(path), target=str(target), root=str(self.root))
        return target

    def path_unit(self, path: Path) -> ArchiveUnit | None:
        """The unit of a folder or file (made once, even when several links lead to it)."""
        key = str(path)
        if key in self.in_progress:  # registered in self.units too, but still being read: a cycle
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path}: a link makes this folder its own ancestor (a cycle). Remove the link."),
                path=key)
        if key in self.units:
            return self.units[key]
        if path.is_dir():
            return self.folder_unit(path)
        return self.file_unit(path)

    def file_unit(self, path: Path) -> ArchiveUnit:
        name = path.name
        if name in MARKERS or _OBJECT_V2.fullmatch(name):
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path}: a Resip metadata or object file cannot be an archive unit by itself (it must be "
                          "inside a unit's folder)."), path=str(path))
        unit = ArchiveUnit(self.transfer.ids.new())
        unit.content.children = [Element("DescriptionLevel", "Item"), Element("Title", name)]
        unit.source = str(path)
        group = unit.object_group = self.transfer.new_group()
        obj = BinaryDataObject(self.transfer.ids.new(), "BinaryMaster_1", source_path=str(path), filename=name)
        group.objects.append(obj)
        self.binaries.append(obj)
        self.units[str(path)] = unit
        self.tick()
        return unit

    def tick(self) -> None:
        self.count += 1
        if self.cancel is not None and self.count % 256 == 0:
            self.cancel.check()

    def folder_unit(self, path: Path) -> ArchiveUnit:
        if _is_group_folder(path):
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path} is an object group folder (##name##); it cannot be an archive unit."),
                path=str(path))
        key = str(path)
        unit = ArchiveUnit(self.transfer.ids.new())
        unit.source = key
        self.units[key] = unit
        self.in_progress.add(key)
        described = False
        implicit: DataObjectGroup | None = None
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            raise _error(QT_TRANSLATE_NOOP("import", "Cannot list the folder {path}: {error}"), path=key,
                         error=exc.strerror or str(exc)) from exc
        for name in names:
            child = path / name
            is_dir = child.is_dir() and not child.is_symlink()
            if self.excluder.excluded(name, is_dir):
                continue
            target = self.link_target(child) if self.follow_links else None
            if target is not None:
                if _is_group_folder(target):
                    self.model |= 2
                    self.set_group(unit, self.group_folder(target), child)
                else:
                    linked = self.path_unit(target)
                    if linked is not None and linked not in unit.children:
                        unit.add_child(linked)
            elif child.is_symlink() or (not self.follow_links and name.lower().endswith(".lnk")):
                continue  # links ignored on request
            elif is_dir and _is_group_folder(child):
                self.model |= 2
                self.set_group(unit, self.group_folder(child), child)
            elif is_dir:
                sub = self.path_unit(child)
                if sub is not None:
                    unit.add_child(sub)
            elif name == UNIT_METADATA:
                self.model |= 2
                described |= self.unit_metadata(unit, child)
            elif name in (V1_CONTENT, V1_MANAGEMENT):
                self.model |= 1
                described |= self.v1_metadata(unit, child, name == V1_CONTENT)
            elif _PDO_META.fullmatch(name) or _BDO_META.fullmatch(name) or _OBJECT_V2.fullmatch(name) \
                    or _OBJECT_V1.fullmatch(name):
                if implicit is None:
                    implicit = self.transfer.new_group()
                    self.set_group(unit, implicit, child)
                self.model |= 1 if not _OBJECT_V2.fullmatch(name) else 2
                self.add_object(implicit, child)
            else:
                sub = self.path_unit(child)
                if sub is not None:
                    unit.add_child(sub)
        if not described:
            unit.content.children = [Element("DescriptionLevel", "RecordGrp"), Element("Title", path.name)]
        self.in_progress.discard(key)
        self.tick()
        return unit

    def set_group(self, unit: ArchiveUnit, group: DataObjectGroup, where: Path) -> None:
        if unit.object_group is not None and unit.object_group is not group:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{path}: the unit of this folder already has an object group; a unit may have only one "
                          "(Vitam refuses the others). Move the objects into one group."), path=str(where))
        unit.object_group = group

    def unit_metadata(self, unit: ArchiveUnit, path: Path) -> bool:
        extra: list[Element] = []
        described = False
        for element in parse_fragments(path):
            if element.tag == "Content":
                unit.content = element
                described = bool(element.children)
            elif element.tag == "Management":
                unit.management = element
            elif element.tag == "ArchiveUnitProfile" and not element.children:
                unit.profile = element.text or ""
            else:
                extra.append(element)  # kept as is (Resip accepts only the three above)
        unit.extra = extra or None
        return described

    def v1_metadata(self, unit: ArchiveUnit, path: Path, content: bool) -> bool:
        expected = "Content" if content else "Management"
        elements = parse_fragments(path)
        if len(elements) != 1 or elements[0].tag != expected:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name} must hold one {element} element (model V1)."), name=str(path), element=expected)
        if content:
            unit.content = elements[0]
            return bool(elements[0].children)
        unit.management = elements[0]
        return False

    def group_folder(self, path: Path) -> DataObjectGroup:
        key = str(path)
        group = self.groups.get(key)
        if group is not None:
            return group
        group = self.groups[key] = self.transfer.new_group()
        for name in sorted(os.listdir(path)):
            child = path / name
            if child.is_symlink() or child.is_dir():
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{path}: an object group folder may hold only object files, not folders or links."),
                    path=str(child))
            if not _OBJECT_V2.fullmatch(name):
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{path} is not an object file: in an object group folder, names are "
                              "__USAGE_VERSION__name."), path=str(child))
            self.add_object(group, child)
        return group

    def add_object(self, group: DataObjectGroup, path: Path) -> None:
        """An object file, or the metadata of a binary or physical object, added to *group*."""
        name = path.name
        version, filename = object_version(name)
        existing = next((o for o in group.objects if o.version == version), None)
        if _PDO_META.fullmatch(name):
            obj = PhysicalDataObject(self.transfer.ids.new(), version)
            for element in parse_fragments(path):
                if element.tag == "DataObjectVersion":
                    self.check_version(element, version, path)
                else:
                    obj.elements.append(element)
            if existing is not None:
                raise self.same_version(path)
            group.objects.append(obj)
            return
        if _BDO_META.fullmatch(name):
            fragments = parse_fragments(path)
            for element in fragments:
                if element.tag == "DataObjectVersion":
                    self.check_version(element, version, path)
            if existing is None:
                existing = BinaryDataObject(self.transfer.ids.new(), version)
                group.objects.append(existing)
            elif not isinstance(existing, BinaryDataObject) or id(existing) in self.described:
                raise self.same_version(path)
            described = BinaryDataObject(existing.id, version)
            _binary_from_fragments(fragments, described)
            self.described[id(existing)] = (described, str(path))
            return
        if existing is None:
            existing = BinaryDataObject(self.transfer.ids.new(), version)
            group.objects.append(existing)
        elif not isinstance(existing, BinaryDataObject) or existing.source_path is not None:
            raise self.same_version(path)
        existing.source_path = str(path)
        existing.filename = filename
        self.binaries.append(existing)

    @staticmethod
    def check_version(element: Element, version: str, path: Path) -> None:
        if (element.text or "").strip() != version:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name}: its DataObjectVersion {found} does not match its file name ({version}). Rename "
                          "the file or fix the element."), name=str(path), found=element.text or "",
                version=version)

    @staticmethod
    def same_version(path: Path) -> ReadError:
        return _error(QT_TRANSLATE_NOOP(
            "import", "{path}: another object of the same group already has this usage and version. Give each "
                      "object its own __USAGE_VERSION__ prefix."), path=str(path))

    def finish(self, progress: Progress) -> None:
        """Hash and identify the files, then lay the metadata files' descriptions over the results."""
        failed, _hits = analyse_objects(self.binaries, DEFAULT_ALGORITHM, self.report, progress=progress,
                                        cancel=self.cancel)
        lost = {id(o) for o in failed}
        for group in self.transfer.groups:
            for obj in group.objects:
                if not isinstance(obj, BinaryDataObject):
                    continue
                entry = self.described.get(id(obj))
                if entry is not None:
                    self.overlay(obj, *entry)
                elif obj.source_path is None:
                    lost.add(id(obj))
            group.objects = [o for o in group.objects if id(o) not in lost]

    def overlay(self, obj: BinaryDataObject, described: BinaryDataObject, path: str) -> None:
        if obj.source_path is None:
            self.warn("hierarchy-object-missing", Path(path), QT_TRANSLATE_NOOP(
                "import", "{path} describes an object whose file (__USAGE_VERSION__name) is missing; the object is "
                          "kept without file, add it before exporting a SIP."))
            obj.digest, obj.digest_algorithm, obj.size = described.digest, described.digest_algorithm, described.size
        elif described.digest and described.digest_algorithm == obj.digest_algorithm \
                and described.digest.lower() != (obj.digest or "").lower():
            self.warn("hierarchy-digest-differs", Path(path), QT_TRANSLATE_NOOP(
                "import", "{path} gives a digest that does not match the file; the file's own digest is used."))
        for field in ("filename", "last_modified", "format_id", "format_name", "mime_type"):
            value = getattr(described, field)
            if value:
                setattr(obj, field, value)
        obj.extra = described.extra


def _is_group_folder(path: Path) -> bool:
    name = path.name
    return len(name) >= 4 and name.startswith("##") and name.endswith("##") and path.is_dir()


def _is_within(path: Path, root: Path) -> bool:
    return path == root or str(path).startswith(str(root).rstrip(os.sep) + os.sep)


def read_hierarchy(
    folder: str | os.PathLike[str],
    version: str = ontology.DEFAULT_VERSION,
    *,
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES,
    follow_links: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DiskImport:
    """Import a Resip disk hierarchy (models V1/V2). Raises :class:`ReadError` naming the file at fault."""
    root = Path(os.path.realpath(folder))
    if not root.is_dir():
        raise _error(QT_TRANSLATE_NOOP("import", "{name} is not a folder."), name=str(folder))
    reader = _DiskReader(root, version, Excluder(excludes), follow_links, cancel)
    transfer = reader.transfer
    with gc_paused():
        try:
            if (root / UNIT_METADATA).is_file() or (root / V1_CONTENT).is_file():
                transfer.roots.append(reader.folder_unit(root))
            else:
                for name in sorted(os.listdir(root)):
                    path = root / name
                    if name == MANAGEMENT_METADATA:
                        found = parse_fragments(path)
                        if len(found) != 1 or found[0].tag != "ManagementMetadata":
                            raise _error(QT_TRANSLATE_NOOP(
                                "import", "{name} must hold one ManagementMetadata element."), name=str(path))
                        transfer.management_metadata = found[0]
                        reader.model |= 2
                    elif name == GLOBAL_METADATA:
                        for element in parse_fragments(path):
                            transfer.header.append(element)
                        reader.model |= 2
                    elif not reader.excluder.excluded(name, path.is_dir() and not path.is_symlink()):
                        target = reader.link_target(path) if follow_links else None
                        unit = reader.path_unit(target if target is not None else path)
                        if unit is not None and unit not in transfer.roots and not unit.parents:
                            transfer.roots.append(unit)
        except RecursionError as exc:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name}: the folders are nested too deeply to be imported."), name=str(folder)) from exc
        # A root reached first through a link, then found as the child of another unit, is not a root.
        transfer.roots = [u for u in transfer.roots if not u.parents]
        reader.finish(progress)
    return DiskImport(transfer, reader.report, reader.model)
