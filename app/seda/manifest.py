"""Write a transfer as a SEDA 2.1 / 2.2 / 2.3 manifest (ArchiveTransfer), incrementally.

The document is streamed: container elements (ArchiveTransfer, DataObjectPackage, ArchiveUnit...)
are written as start and end tags, and each leaf block (a unit's Content, an object) is built with
lxml and serialised on its own. Only one such block exists in memory at a time, so a transfer of
100,000 units writes in bounded memory. (lxml's ``xmlfile`` would repeat the default namespace
declaration on every block written into it.) Children are
put in schema order from the ontology table; elements the model does not know are written as
they were read. Units with several parents are written once, and referenced by ArchiveUnitRefId
from their other parents.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, PhysicalDataObject, Transfer
from app.seda import ontology
from app.seda.names import content_uri
from app.seda.ontology import XLINK_NS, XML_NS, XSI_NS


@dataclass
class ManifestOptions:
    """Presentation of the manifest."""

    indent: bool = True


_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;",
                 ord("\n"): "&#10;", ord("\r"): "&#13;", ord("\t"): "&#9;"}


_ATTR_PREFIXES = {XML_NS: "xml", XLINK_NS: "xlink", XSI_NS: "xsi"}


def _attributes(attrib: dict[str, str] | None) -> str:
    """Serialise attributes whose names may be in Clark notation (xml:id, xsi:schemaLocation...)."""
    out = []
    declared: dict[str, str] = {}
    for name, value in (attrib or {}).items():
        if name.startswith("{"):
            ns, local = name[1:].split("}", 1)
            prefix = _ATTR_PREFIXES.get(ns) or declared.get(ns) or f"ns{len(declared)}"
            if ns not in (XML_NS, XLINK_NS) and ns not in declared:  # xml is implicit, xlink on the root
                declared[ns] = prefix
                out.append(f' xmlns:{prefix}="{ns}"')
            name = f"{prefix}:{local}"
        out.append(f' {name}="{xml_safe(value).translate(_ATTR_ESCAPES)}"')
    return "".join(out)


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot hold (control characters, lone surrogates) by U+FFFD."""
    return _INVALID_XML_CHARS.sub("\ufffd", text)


class _EndTag:
    __slots__ = ("tag",)

    def __init__(self, tag: str) -> None:
        self.tag = tag


class _Writer:
    def __init__(self, out: BinaryIO, transfer: Transfer, options: ManifestOptions, progress: Progress,
                 cancel: CancelToken | None) -> None:
        self.out = out
        self.transfer = transfer
        self.version = transfer.version
        self.ns = ontology.namespace(transfer.version)
        self.nsmap = {None: self.ns}
        self.xmlns = f' xmlns="{self.ns}"'.encode()
        self.options = options
        self.progress = progress
        self.cancel = cancel
        self.depth = 0
        self.done = 0
        self.total = 0

    # -- low level -------------------------------------------------------------------------------
    def q(self, tag: str) -> str:
        return tag if tag.startswith("{") else f"{{{self.ns}}}{tag}"

    def newline(self) -> None:
        if self.options.indent:
            self.out.write(b"\n" + b"  " * self.depth)

    def start(self, tag: str, attrib: dict[str, str] | None = None, extra: str = "", newline: bool = True) -> _EndTag:
        """Write a start tag of a SEDA container element; return the matching end tag."""
        if newline:
            self.newline()
        self.out.write(f"<{tag}{extra}{_attributes(attrib)}>".encode())
        self.depth += 1
        return _EndTag(tag)

    def end(self, tag: _EndTag) -> None:
        self.depth -= 1
        self.newline()
        self.out.write(f"</{tag.tag}>".encode())

    def to_lxml(self, element: Element, type_name: str | None) -> etree._Element:
        """Convert a metadata tree, children sorted into schema order (the model is not touched)."""
        node = etree.Element(self.q(element.tag), element.attrib or {}, nsmap=self.nsmap)
        if element.text is not None:
            try:
                node.text = element.text
            except ValueError:  # control characters from a file name or a pasted text
                node.text = xml_safe(element.text)
        if element.children:
            children = element.children
            if type_name is not None:
                children = sorted(children, key=ontology.sort_key(self.version, type_name))
            for child in children:
                sub = ontology.child_type(self.version, type_name, child.tag) if type_name else None
                node.append(self.to_lxml(child, sub))
        return node

    def write_tree(self, element: Element, type_name: str | None) -> None:
        self.newline()
        node = self.to_lxml(element, type_name)
        if self.options.indent:
            etree.indent(node, space="  ", level=self.depth)
        # The default namespace is declared once, on ArchiveTransfer.
        self.out.write(etree.tostring(node, encoding="utf-8").replace(self.xmlns, b"", 1))

    def tick(self) -> None:
        self.done += 1
        if self.done % 500 == 0:
            self.progress(self.done, self.total)
            if self.cancel is not None:
                self.cancel.check()

    # -- document --------------------------------------------------------------------------------
    def write(self) -> None:
        self.total = sum(len(g.objects) for g in self.transfer.groups) + self.transfer.count_units()
        header = self.transfer.header
        self.out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
        root = self.start("ArchiveTransfer", header.attrib, extra=f' xmlns="{self.ns}" xmlns:xlink="{XLINK_NS}"',
                          newline=False)
        by_tag: dict[str, list[Element]] = {}
        for child in header.children or ():
            by_tag.setdefault(child.tag, []).append(child)
        for spec in ontology.children(self.version, ontology.TRANSFER_TYPE):
            if spec.name == "DataObjectPackage":
                self.write_package()
                continue
            for child in by_tag.pop(spec.name, ()):
                self.write_tree(child, spec.type)
        self.end(root)
        self.out.write(b"\n")
        self.progress(self.total, self.total)

    def write_package(self) -> None:
        package = self.start("DataObjectPackage", self.transfer.package_attrib)
        for group in self.transfer.groups:
            self.write_group(group)
        descriptive = self.start("DescriptiveMetadata")
        self.write_units()
        self.end(descriptive)
        self.write_tree(self.transfer.management_metadata, ontology.MANAGEMENT_METADATA_TYPE)
        self.end(package)

    # -- objects ---------------------------------------------------------------------------------
    def write_group(self, group: DataObjectGroup) -> None:
        if group.implicit:
            # A lone object is referenced by its own id (DataObjectReferenceId): no group id to declare.
            for obj in group.objects:
                self.write_object(obj, group if len(group.objects) > 1 else None)
            return
        tag = self.start("DataObjectGroup", {"id": group.id})
        for obj in group.objects:
            self.write_object(obj, None)
        if group.logbook is not None:
            self.write_tree(group.logbook, "LogBookOgType")
        self.end(tag)

    def write_object(self, obj: BinaryDataObject | PhysicalDataObject, loose_group: DataObjectGroup | None) -> None:
        if isinstance(obj, BinaryDataObject):
            element = binary_object_element(obj, loose_group)
            self.write_tree(element, ontology.BINARY_OBJECT_TYPE)
        else:
            element = Element("PhysicalDataObject", attrib={"id": obj.id})
            if loose_group is not None and not any(e.tag.startswith("DataObjectGroup") for e in obj.elements):
                element.append(Element("DataObjectGroupId", loose_group.id))
            if obj.version:
                element.append(Element("DataObjectVersion", obj.version))
            for child in obj.elements:
                element.append(child)
            self.write_tree(element, ontology.PHYSICAL_OBJECT_TYPE)
        self.tick()

    # -- units -----------------------------------------------------------------------------------
    def write_units(self) -> None:
        written: set[int] = set()
        top: list = self.transfer.roots
        at_top: set[int] = set()
        if self.transfer.layout:
            # A flat manifest read back: its units stay at the top level, linked by ArchiveUnitRefId;
            # a (wrapper id, target, unit) entry is a top-level reference, kept as it was.
            alive = {id(u) for u in self.transfer.iter_units()}
            top = [e for e in self.transfer.layout if id(e[2] if isinstance(e, tuple) else e) in alive]
            at_top = {id(e) for e in top if not isinstance(e, tuple)}
            top += [u for u in self.transfer.roots if id(u) not in at_top]
        # An explicit stack instead of recursion: trees may be thousands of levels deep.
        stack: list[tuple[ArchiveUnit | None, Iterator] | _EndTag] = [(None, iter(top))]
        while stack:
            top_item = stack[-1]
            if isinstance(top_item, _EndTag):
                stack.pop()
                self.end(top_item)
                continue
            if isinstance(top_item, Element):  # a DataObjectReference kept after the children
                stack.pop()
                self.write_tree(top_item, "DataObjectRefType")
                continue
            parent, children = top_item
            unit = next(children, None)
            if unit is None:
                stack.pop()
                continue
            if isinstance(unit, tuple):
                self.write_reference(unit[2], unit[:2])
                continue
            link = parent.links.get(unit.id) if parent is not None and parent.links else None
            if id(unit) in written or (parent is not None and id(unit) in at_top) or (
                    link is not None and _nested_elsewhere(unit, at_top)):
                self.write_reference(unit, link)
                continue
            written.add(id(unit))
            end_tag = self.start("ArchiveUnit", {"id": unit.id})
            if unit.profile:
                self.write_tree(Element("ArchiveUnitProfile", unit.profile), None)
            if unit.management is not None and (unit.management.children or unit.management.text):
                self.write_tree(unit.management, ontology.MANAGEMENT_TYPE)
            self.write_tree(unit.content, ontology.CONTENT_TYPE)
            ref = None
            if unit.object_group is not None:
                ref = Element("DataObjectReference", children=[self.group_reference(unit.object_group)])
                if not unit.object_ref_last:
                    self.write_tree(ref, "DataObjectRefType")
            for extra in unit.extra or ():
                self.write_tree(extra, None)
            self.tick()
            stack.append(end_tag)
            if ref is not None and unit.object_ref_last:
                stack.append(ref)
            stack.append((unit, iter(unit.children)))

    def group_reference(self, group: DataObjectGroup) -> Element:
        if group.implicit and len(group.objects) == 1 and not _declares_group(group.objects[0]):
            return Element("DataObjectReferenceId", group.objects[0].id)
        return Element("DataObjectGroupReferenceId", group.id)

    def write_reference(self, unit: ArchiveUnit, kept: tuple[str, str] | None = None) -> None:
        """Reference *unit* by ArchiveUnitRefId; *kept* = (wrapper id, target id) read from a manifest."""
        wrapper, target = kept if kept else (self.transfer.ids.new(), unit.id)
        ref = Element("ArchiveUnit", attrib={"id": wrapper}, children=[Element("ArchiveUnitRefId", target)])
        self.write_tree(ref, "ArchiveUnitType")


def _nested_elsewhere(unit: ArchiveUnit, at_top: set[int]) -> bool:
    """Whether *unit* is written in full somewhere else: at the top level, or nested in a parent that
    does not reference it by ArchiveUnitRefId (as in the manifest it was read from)."""
    return id(unit) in at_top or any(not p.links or unit.id not in p.links for p in unit.parents)


def _declares_group(obj: BinaryDataObject | PhysicalDataObject) -> bool:
    """Whether a loose object names its group itself (SEDA 2.0-style DataObjectGroupId)."""
    kept = obj.extra if isinstance(obj, BinaryDataObject) else obj.elements
    return any(e.tag == "DataObjectGroupId" for e in kept or ())


def binary_object_element(obj: BinaryDataObject, loose_group: DataObjectGroup | None = None) -> Element:
    """The BinaryDataObject element of an object: typed fields merged with the kept extras."""
    element = Element("BinaryDataObject", attrib={"id": obj.id})
    extras = {e.tag: e for e in obj.extra or () if e.tag in ("FileInfo", "FormatIdentification")}
    if loose_group is not None and not any(e.tag.startswith("DataObjectGroup") for e in obj.extra or ()):
        element.append(Element("DataObjectGroupId", loose_group.id))
    if obj.version:
        element.append(Element("DataObjectVersion", obj.version))
    element.append(Element("Uri", obj.uri or content_uri(obj.id, obj.filename)))
    element.append(Element("MessageDigest", obj.digest or "", {"algorithm": obj.digest_algorithm or "SHA-512"}))
    if obj.size:  # SizeInBytesType is a positiveInteger: an empty file has no Size
        element.append(Element("Size", str(obj.size)))
    fmt = Element("FormatIdentification")
    if obj.format_id or obj.format_name or obj.mime_type:
        # Siegfried's own words for an unidentified format (as Resip writes them).
        fmt.append(Element("FormatLitteral", obj.format_name or obj.format_id or "Unknown"))
        if obj.mime_type:
            fmt.append(Element("MimeType", obj.mime_type))
        fmt.append(Element("FormatId", obj.format_id or "UNKNOWN"))
    for child in (extras.get("FormatIdentification") or Element("x")).children or ():
        fmt.append(child)
    if fmt.children or "FormatIdentification" in extras:  # an empty one read from a manifest stays
        element.append(fmt)
    info = Element("FileInfo")
    if obj.filename is not None:
        info.append(Element("Filename", obj.filename))
    if obj.last_modified:
        info.append(Element("LastModified", obj.last_modified))
    for child in (extras.get("FileInfo") or Element("x")).children or ():
        info.append(child)
    if info.children or "FileInfo" in extras:
        element.append(info)
    for child in obj.extra or ():
        if child.tag not in ("FileInfo", "FormatIdentification"):
            element.append(child)
    return element


def now_datetime() -> str:
    """The current local time as an xsd:dateTime, to the second."""
    return datetime.now().replace(microsecond=0).isoformat()


def write_manifest(
    transfer: Transfer,
    out: BinaryIO | str,
    options: ManifestOptions | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Stream the manifest of *transfer* to a binary file object or a path."""
    if isinstance(out, str):
        with open(out, "wb") as f:
            write_manifest(transfer, f, options, progress=progress, cancel=cancel)
        return
    buffered = io.BufferedWriter(_Unclosable(out), buffer_size=1 << 20)
    _Writer(buffered, transfer, options or ManifestOptions(), progress, cancel).write()
    buffered.flush()


class _Unclosable(io.RawIOBase):
    """Lets a BufferedWriter wrap the caller's file without closing it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self.raw.write(data)
