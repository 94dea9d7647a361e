"""Export a transfer as a Resip disk hierarchy (model V2), Resip's "Exporter la hiérarchie sur disque".

Layout (sedalib's ``DataObjectPackageToDiskExporter``): ``__GlobalMetadata.xml`` and
``__ManagementMetadata.xml`` at the root; one folder per unit, named ``<Title (11 characters)>_<id>``,
holding ``__ArchiveUnitMetadata.xml``; each object as ``__<version>__<file name>`` beside
``__<version>__BinaryDataObjectMetadata.xml`` (``PhysicalDataObjectMetadata`` for physical ones); a
group shared by several units is written once in a ``##DataObjectGroup-<id>##`` folder, the other units
hold a ``##DataObjectGroup##`` symbolic link to it; a unit with several parents is written once, the other
parents hold a symbolic link to its folder. :func:`app.seda.interop.resip_disk.read_hierarchy` reads it
back into the same transfer.

The hierarchy is written in a hidden folder beside the destination, then renamed: nothing appears
at the destination until it is complete.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, Transfer
from app.seda.interop.resip_disk import GLOBAL_METADATA, MANAGEMENT_METADATA, UNIT_METADATA
from app.seda.manifest import binary_object_element, xml_safe

_UNSAFE_NAME = re.compile(r'[/\\*:|"\'<>{}?%,\x00-\x1f]')
_MAX_NAME_BYTES = 240  # file systems allow 255 bytes per name; keep room for the temporary suffixes


class HierarchyExportError(Exception):
    """The hierarchy could not be written; nothing was left at the destination."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _fail(text: str, **params: str) -> HierarchyExportError:
    return HierarchyExportError(Message("export", text, params))


def safe_name(name: str) -> str:
    """Resip's ``stripFileName``, plus a length limit: forbidden characters become ``_``, no trailing dot."""
    name = _UNSAFE_NAME.sub("_", name).rstrip(". ")
    while len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        name = name[:-1]
    return name or "NoName"


def unit_folder_name(unit: ArchiveUnit) -> str:
    """``<Title>_<id>`` with the title cut to 11 characters when longer than 12, as Resip names it."""
    title = unit.content.findtext("Title") if unit.content is not None else None
    if title is None:
        title = "NoTitle"
    elif len(title) > 12:
        title = title[:11]
    return safe_name(f"{title}_{unit.id}")


def _to_lxml(element: Element) -> etree._Element:
    node = etree.Element(element.tag, {k: xml_safe(v) for k, v in (element.attrib or {}).items()})
    if element.text is not None:
        node.text = xml_safe(element.text)
    for child in element.children or ():
        node.append(_to_lxml(child))
    return node


def fragments_bytes(elements: list[Element]) -> bytes:
    """Sibling elements as Resip writes them: no declaration, no namespace, indented."""
    parts = []
    for element in elements:
        node = _to_lxml(element)
        etree.indent(node, space="  ")
        parts.append(etree.tostring(node, encoding="unicode"))
    return "\n".join(parts).encode("utf-8")


class _Writer:
    def __init__(self, transfer: Transfer, root: Path, progress: Progress, cancel: CancelToken | None) -> None:
        self.transfer = transfer
        self.root = root
        self.progress = progress
        self.cancel = cancel
        self.unit_paths: dict[int, Path] = {}
        self.group_paths: dict[int, Path | None] = {}
        self.zips: dict[str, zipfile.ZipFile] = {}
        self.done = 0
        self.total = 0

    def run(self) -> int:
        header = [c for c in self.transfer.header.children or ()]
        if header:
            (self.root / GLOBAL_METADATA).write_bytes(fragments_bytes(header))
        if self.transfer.management_metadata.children:
            (self.root / MANAGEMENT_METADATA).write_bytes(fragments_bytes([self.transfer.management_metadata]))
        shared: dict[int, int] = {}
        units = list(self.transfer.iter_units())
        self.total = len(units)
        for unit in units:
            if unit.object_group is not None:
                shared[id(unit.object_group)] = shared.get(id(unit.object_group), 0) + 1
        # None: shared, not written yet; absent: written inside its unit's folder.
        self.group_paths = {key: None for key, count in shared.items() if count > 1}
        for unit in self.transfer.roots:
            self.write_unit(unit, self.root)
        return len(self.unit_paths)

    def write_unit(self, unit: ArchiveUnit, container: Path) -> None:
        # Iterative depth first walk: deep trees must not hit Python's recursion limit.
        stack: list[tuple[ArchiveUnit, Path]] = [(unit, container)]
        while stack:
            unit, container = stack.pop()
            name = unit_folder_name(unit)
            existing = self.unit_paths.get(id(unit))
            if existing is not None:
                self.link(existing, container / name)
                continue
            folder = container / name
            folder.mkdir()
            self.unit_paths[id(unit)] = folder
            metadata: list[Element] = []
            if unit.profile is not None:
                metadata.append(Element("ArchiveUnitProfile", unit.profile))
            if unit.management is not None:
                metadata.append(unit.management)
            metadata.append(unit.content)
            metadata.extend(unit.extra or ())
            (folder / UNIT_METADATA).write_bytes(fragments_bytes(metadata))
            if unit.object_group is not None:
                self.write_group_of(unit.object_group, folder)
            self.done += 1
            self.progress(self.done, self.total)
            if self.cancel is not None:
                self.cancel.check()
            stack.extend((child, folder) for child in reversed(unit.children))

    def write_group_of(self, group: DataObjectGroup, folder: Path) -> None:
        key = id(group)
        if key not in self.group_paths:
            self.write_objects(group, folder)
        elif self.group_paths[key] is None:
            target = folder / safe_name(f"##DataObjectGroup-{group.id}##")
            target.mkdir()
            self.write_objects(group, target)
            self.group_paths[key] = target
        else:
            self.link(self.group_paths[key], folder / "##DataObjectGroup##")

    def write_objects(self, group: DataObjectGroup, folder: Path) -> None:
        for obj in group.objects:
            version = obj.version or "undefined"
            if isinstance(obj, BinaryDataObject):
                meta = folder / safe_name(f"__{version}__BinaryDataObjectMetadata.xml")
                element = binary_object_element(obj)
                children = [c for c in element.children or () if c.tag != "Uri"]
                if obj.source_path:
                    data = folder / safe_name(f"__{version}__{obj.filename or 'NoName'}")
                    if data.exists() or data == meta:
                        raise self.collision(data)
                    self.copy(obj, data)
            else:
                meta = folder / safe_name(f"__{version}__PhysicalDataObjectMetadata.xml")
                children = [Element("DataObjectVersion", version), *obj.elements]
            if meta.exists():
                raise self.collision(meta)
            meta.write_bytes(fragments_bytes(children))

    def copy(self, obj: BinaryDataObject, dest: Path) -> None:
        try:
            if obj.source_member is None:
                shutil.copyfile(obj.source_path, dest)
                return
            archive = self.zips.get(obj.source_path)
            if archive is None:
                archive = self.zips[obj.source_path] = zipfile.ZipFile(obj.source_path)
            with archive.open(obj.source_member) as src, open(dest, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            where = obj.source_path + (f" › {obj.source_member}" if obj.source_member else "")
            raise _fail(QT_TRANSLATE_NOOP(
                "export", "Cannot copy {path} (object {id}): {error}. Relocate or remove the file, then export "
                          "again."), path=where, id=obj.id, error=getattr(exc, "strerror", None) or str(exc)) from exc

    def link(self, target: Path, link: Path) -> None:
        if os.path.lexists(link):
            raise self.collision(link)
        try:
            os.symlink(os.path.relpath(target, link.parent), link, target_is_directory=True)
        except OSError as exc:
            raise _fail(QT_TRANSLATE_NOOP(
                "export", "Cannot create the link {path} ({error}): units with several parents and shared object "
                          "groups need symbolic links (on Windows, enable the developer mode)."),
                path=str(link), error=exc.strerror or str(exc)) from exc

    @staticmethod
    def collision(path: Path) -> HierarchyExportError:
        return _fail(QT_TRANSLATE_NOOP(
            "export", "Two objects would be written as {path}: give the objects of a group different usages or "
                      "versions."), path=str(path))

    def close(self) -> None:
        for archive in self.zips.values():
            archive.close()


def write_hierarchy(transfer: Transfer, dest: str | os.PathLike[str], *, progress: Progress = no_progress,
                    cancel: CancelToken | None = None) -> int:
    """Write *transfer* as a Resip model V2 hierarchy in the folder *dest* (new or empty); return the unit count."""
    dest = Path(dest)
    parent = dest.parent.resolve()
    if os.path.lexists(dest) and (not dest.is_dir() or any(dest.iterdir())):
        raise _fail(QT_TRANSLATE_NOOP(
            "export", "{path} exists and is not an empty folder: choose a new or empty folder."), path=str(dest))
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".part", dir=parent))
    except OSError as exc:
        raise _fail(QT_TRANSLATE_NOOP("export", "Cannot write in {path}: {error}"), path=str(parent),
                    error=exc.strerror or str(exc)) from exc
    writer = _Writer(transfer, tmp, progress, cancel)
    try:
        count = writer.run()
        writer.close()
        os.chmod(tmp, 0o755)  # mkdtemp makes it private
        if dest.is_dir():
            dest.rmdir()  # empty: checked above
        os.rename(tmp, dest)
    except BaseException:
        writer.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count
