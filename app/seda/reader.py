"""Read a SEDA 2.1 / 2.2 / 2.3 manifest (ArchiveTransfer, or a DIP's ArchiveDeliveryRequestReply) into a Transfer.

The manifest is streamed with lxml's ``iterparse``: each object group, object and archive unit is
converted when its end tag is read, then cleared and detached, so a manifest of 100,000 units is
read in bounded memory (only the open ancestors of the current element stay in the tree).

Nothing is lost: every element the model has no typed field for is kept as an
:class:`~app.models.metadata.Element` tree (``extra``, Content, Management, header...), and the
layout of the units (flat, with ``ArchiveUnitRefId`` links, or nested) is recorded in
``Transfer.layout`` so that :func:`app.seda.manifest.write_manifest` writes the same document back.
Comments and processing instructions are dropped.

Structural safety is checked here because a broken graph cannot be represented: duplicate ids,
references to units, groups or objects that do not exist, and cycles among units are refused with a
:class:`ReadError`. Everything else (schema, business rules) is left to the validator.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, PhysicalDataObject, Transfer
from app.seda.ontology import NS_PREFIX, version_of_namespace
from app.seda.xmlconv import from_lxml, local_tag

CTX = "import"
ROOT_TAGS = ("ArchiveTransfer", "ArchiveDeliveryRequestReply")
"""Messages whose DataObjectPackage is read: a transfer (SIP) or a delivery (DIP)."""


class ReadError(Exception):
    """The manifest or archive cannot be imported; *message* says why and where."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _error(text: str, **params) -> ReadError:
    return ReadError(Message(CTX, text, params))


def _iterparse(source: BinaryIO, huge_tree: bool = False, **kwargs) -> etree.iterparse:
    # No entity expansion, no DTD, no network: a DOCTYPE is refused outright by sniff_root.
    return etree.iterparse(source, resolve_entities=False, load_dtd=False, no_network=True, huge_tree=huge_tree,
                           remove_comments=True, remove_pis=True, **kwargs)


def sniff_root(source: BinaryIO, name: str) -> tuple[str, str]:
    """Read only the root tag of *source*: (SEDA version, root local name). Raise ReadError otherwise."""
    try:
        for _event, element in _iterparse(source, events=("start",)):
            if element.getroottree().docinfo.doctype:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name} declares a DOCTYPE (entities or DTD): refused for safety. A SEDA manifest "
                              "never needs one."), name=name)
            tag = element.tag
            ns, local = (tag[1:].split("}", 1) if tag.startswith("{") else ("", tag))
            version = version_of_namespace(ns)
            if version is None:
                if ns.startswith(NS_PREFIX):
                    raise _error(QT_TRANSLATE_NOOP(
                        "import", "{name} uses SEDA version {version}, which is not supported (supported: 2.1, 2.2, "
                                  "2.3)."), name=name, version=ns[len(NS_PREFIX):])
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name} is not a SEDA 2.1, 2.2 or 2.3 manifest (root element {tag})."), name=name,
                    tag=tag)
            if local not in ROOT_TAGS:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name} is a SEDA {element} message; only ArchiveTransfer (SIP) and "
                              "ArchiveDeliveryRequestReply (DIP) can be imported."), name=name, element=local)
            return version, local
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from exc
    raise _error(QT_TRANSLATE_NOOP("import", "{name} is empty."), name=name)


def _syntax_error(exc: etree.XMLSyntaxError, name: str) -> ReadError:
    line, column = exc.position if exc.position else (0, 0)
    return _error(QT_TRANSLATE_NOOP(
        "import", "{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and import "
                  "it again."), name=name, line=line, column=column, error=exc.msg)


class _Counting:
    """Wraps a binary stream to report how many bytes the parser has read."""

    def __init__(self, raw: BinaryIO, total: int, progress: Progress, cancel: CancelToken | None) -> None:
        self.raw = raw
        self.total = total
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.done += len(data)
        self.progress(self.done, self.total)
        if self.cancel is not None:
            self.cancel.check()
        return data


class _Reader:
    def __init__(self, version: str, name: str) -> None:
        self.name = name
        self.ns = NS_PREFIX + version
        self.transfer = Transfer(version)
        self.units: dict[str, ArchiveUnit] = {}
        # (parent unit id or None for DescriptiveMetadata, child id, line, wrapper id if by reference).
        self.links: list[tuple[str | None, str, int, str | None]] = []
        self.aliases: dict[str, str] = {}  # wrapper id -> ArchiveUnitRefId (a reference may name a wrapper)
        # (unit, "group"|"object", referenced id, line): resolved once every group is known.
        self.object_refs: list[tuple[ArchiveUnit, str, str, int]] = []
        self.groups: dict[str, DataObjectGroup] = {}
        self.objects: dict[str, DataObjectGroup] = {}  # object id -> its group
        self.ids: set[str] = set()
        self.unnamed_groups: list[DataObjectGroup] = []

    # -- helpers ---------------------------------------------------------------------------------
    def q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"

    def claim(self, identifier: str | None, element: etree._Element, what: str) -> str:
        if not identifier:
            raise _error(QT_TRANSLATE_NOOP("import", "{name}, line {line}: a {element} has no id attribute."),
                         name=self.name, line=element.sourceline, element=what)
        if identifier in self.ids:
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}: the id {id} is used twice; ids must be unique in a manifest."),
                name=self.name, line=element.sourceline, id=identifier)
        self.ids.add(identifier)
        return identifier

    def detach(self, element: etree._Element) -> None:
        """Free a converted element. A nested unit stays as an empty shell until its parent is read, so
        that the parent sees where its children were; anything else is removed from the tree."""
        element.clear()
        parent = element.getparent()
        if parent is not None and parent.tag != self.q("ArchiveUnit"):
            parent.remove(element)

    # -- units -----------------------------------------------------------------------------------
    def end_unit(self, element: etree._Element) -> None:
        parent = element.getparent()
        parent_id = None if parent is None or parent.tag != self.q("ArchiveUnit") else parent.get("id")
        ref = element.find(self.q("ArchiveUnitRefId"))
        if ref is not None:
            # A link to a unit written elsewhere; its own id is only a wrapper's, renumbered on export.
            wrapper = self.claim(element.get("id"), element, "ArchiveUnit")
            target = (ref.text or "").strip()
            self.aliases[wrapper] = target
            self.links.append((parent_id, target, element.sourceline or 0, wrapper))
            self.detach(element)
            return
        uid = self.claim(element.get("id"), element, "ArchiveUnit")
        unit = ArchiveUnit(uid)
        extra: list[Element] = []
        has_reference = False
        seen_unit = False
        for child in element:
            tag = local_tag(child.tag)
            if tag == "Content" and not unit.content.children and not unit.content.text:
                unit.content = from_lxml(child)
            elif tag == "Management" and unit.management is None:
                unit.management = from_lxml(child)
            elif tag == "ArchiveUnitProfile" and unit.profile is None and not child.attrib and len(child) == 0:
                unit.profile = child.text or ""
            elif tag == "DataObjectReference" and not has_reference and not child.attrib and len(child) == 1:
                has_reference = True
                unit.object_ref_last = seen_unit
                target = child[0]
                kind = {"DataObjectGroupReferenceId": "group", "DataObjectReferenceId": "object"}.get(
                    local_tag(target.tag))
                if kind is None:
                    extra.append(from_lxml(child))
                else:
                    self.object_refs.append((unit, kind, (target.text or "").strip(), child.sourceline or 0))
            elif tag == "DataObjectReference" and has_reference:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unit {unit} refers to several object groups; a unit may have only "
                              "one (Vitam refuses the others). Merge the groups or split the unit."),
                    name=self.name, line=child.sourceline, unit=uid)
            elif tag == "ArchiveUnit":  # a child unit, already read: an empty shell kept for the order
                seen_unit = True
            else:
                extra.append(from_lxml(child))
        unit.extra = extra or None
        self.units[uid] = unit
        self.links.append((parent_id, uid, element.sourceline or 0, None))
        self.detach(element)

    # -- objects ---------------------------------------------------------------------------------
    def end_group(self, element: etree._Element) -> None:
        gid = self.claim(element.get("id"), element, "DataObjectGroup")
        group = DataObjectGroup(gid)
        for child in element:
            tag = local_tag(child.tag)
            if tag == "BinaryDataObject":
                group.objects.append(self.binary(child))
            elif tag == "PhysicalDataObject":
                group.objects.append(self.physical(child))
            elif tag == "LogBook" and group.logbook is None:
                group.logbook = from_lxml(child)
            else:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unexpected element {element} in a DataObjectGroup."),
                    name=self.name, line=child.sourceline, element=tag)
        for obj in group.objects:
            self.objects[obj.id] = group
        self.groups[gid] = group
        self.transfer.groups.append(group)
        self.detach(element)

    def end_loose_object(self, element: etree._Element) -> None:
        """An object declared without a DataObjectGroup wrapper (SEDA 2.0 style)."""
        obj = self.binary(element) if element.tag == self.q("BinaryDataObject") else self.physical(element)
        kept = obj.extra if isinstance(obj, BinaryDataObject) else obj.elements
        group_id = None
        for child in kept or ():
            if child.tag in ("DataObjectGroupId", "DataObjectGroupReferenceId"):
                group_id = (child.text or "").strip()
                break
        group = self.groups.get(group_id) if group_id else None
        if group is None:
            group = DataObjectGroup(group_id or "")
            group.implicit = True
            if group_id:
                self.groups[group_id] = group
            else:
                self.unnamed_groups.append(group)
            self.transfer.groups.append(group)
        group.objects.append(obj)
        self.objects[obj.id] = group
        self.detach(element)

    def binary(self, element: etree._Element) -> BinaryDataObject:
        obj = BinaryDataObject(self.claim(element.get("id"), element, "BinaryDataObject"), None)
        extra: list[Element] = []
        for child in element:
            tag = local_tag(child.tag)
            text = child.text
            plain = not child.attrib and len(child) == 0
            if tag == "DataObjectVersion" and obj.version is None and plain and text:
                obj.version = text
            elif tag == "Uri" and obj.uri is None and plain and text:
                obj.uri = text
            elif tag == "MessageDigest" and obj.digest is None and set(child.attrib) == {"algorithm"} \
                    and len(child) == 0:
                obj.digest = text or ""
                obj.digest_algorithm = child.get("algorithm")
            elif tag == "Size" and obj.size is None and plain and text and text.isdigit() \
                    and str(int(text)) == text and int(text) > 0:
                obj.size = int(text)
            elif tag == "FormatIdentification" and not child.attrib:
                extra.extend(self._format(obj, child))
            elif tag == "FileInfo" and not child.attrib:
                extra.extend(self._file_info(obj, child))
            else:
                extra.append(from_lxml(child))
        obj.extra = extra or None
        return obj

    @staticmethod
    def _format(obj: BinaryDataObject, element: etree._Element) -> list[Element]:
        """Typed format fields when the writer would give them back as they are; the rest kept."""
        kept = from_lxml(element)
        children = kept.children or []
        simple = {c.tag: c for c in children if c.tag in ("FormatLitteral", "MimeType", "FormatId")}
        counts = [c.tag for c in children]
        literal, fmt_id = simple.get("FormatLitteral"), simple.get("FormatId")
        mime = simple.get("MimeType")
        if (literal is not None and fmt_id is not None and literal.text and fmt_id.text
                and all(counts.count(t) == 1 for t in simple)
                and all(not c.attrib and not c.children for c in simple.values())
                and (mime is None or mime.text)):
            obj.format_name, obj.format_id = literal.text, fmt_id.text
            obj.mime_type = mime.text if mime is not None else None
            kept.children = [c for c in children if c.tag not in simple] or None
        return [kept] if kept.children or kept.text is None and not children else []

    @staticmethod
    def _file_info(obj: BinaryDataObject, element: etree._Element) -> list[Element]:
        kept = from_lxml(element)
        children = kept.children or []
        tags = [c.tag for c in children]
        rest = []
        for child in children:
            plain = not child.attrib and not child.children and child.text
            if child.tag == "Filename" and tags.count("Filename") == 1 and plain:
                obj.filename = child.text
            elif child.tag == "LastModified" and tags.count("LastModified") == 1 and plain:
                obj.last_modified = child.text
            else:
                rest.append(child)
        kept.children = rest or None
        return [kept] if rest or not children else []

    def physical(self, element: etree._Element) -> PhysicalDataObject:
        obj = PhysicalDataObject(self.claim(element.get("id"), element, "PhysicalDataObject"), None)
        for child in element:
            if local_tag(child.tag) == "DataObjectVersion" and obj.version is None and not child.attrib \
                    and len(child) == 0 and child.text:
                obj.version = child.text
            else:
                obj.elements.append(from_lxml(child))
        return obj

    # -- document --------------------------------------------------------------------------------
    def end_root(self, root: etree._Element) -> None:
        transfer = self.transfer
        header = from_lxml(root)  # what is left: the header and an emptied DataObjectPackage
        transfer.header = Element("ArchiveTransfer", None, header.attrib)
        for child in header.children or ():
            if child.tag != "DataObjectPackage":
                transfer.header.append(child)
                continue
            transfer.package_attrib = child.attrib
            for part in child.children or ():
                if part.tag == "ManagementMetadata":
                    transfer.management_metadata = part
                elif part.tag != "DescriptiveMetadata":
                    raise _error(QT_TRANSLATE_NOOP(
                        "import", "{name}: unexpected element {element} in DataObjectPackage."), name=self.name,
                        element=part.tag)

    def finish(self) -> Transfer:
        transfer = self.transfer
        for identifier in self.ids:
            transfer.ids.reserve(identifier)
        for attrib in (transfer.header.attrib, transfer.package_attrib, transfer.management_metadata.attrib):
            for key, value in (attrib or {}).items():  # xml:id of the message, package...
                if key.endswith("id"):
                    transfer.ids.reserve(value)
        for group in self.unnamed_groups:
            group.id = transfer.ids.new()
        for unit, kind, target, line in self.object_refs:
            group = self.groups.get(target) if kind == "group" else self.objects.get(target)
            if group is None:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unit {unit} refers to the object or group {target}, which the "
                              "manifest does not declare."), name=self.name, line=line, unit=unit.id, target=target)
            unit.object_group = group
        top: list = []
        for parent_id, target, line, wrapper in self.links:
            child_id, hops = target, 0
            while child_id in self.aliases and hops <= len(self.aliases):  # a reference to a reference
                child_id, hops = self.aliases[child_id], hops + 1
            child = self.units.get(child_id)
            if child is None:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: ArchiveUnitRefId {target} refers to a unit the manifest does not "
                              "declare."), name=self.name, line=line, target=child_id)
            parent = self.units.get(parent_id) if parent_id is not None else None
            if parent_id is None:
                top.append(child if wrapper is None else (wrapper, target, child))
            elif parent is None:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: a unit is nested in an ArchiveUnit without id or content."),
                    name=self.name, line=line)
            else:
                parent.add_child(child)
                if wrapper is not None:
                    if parent.links is None:
                        parent.links = {}
                    parent.links[child.id] = (wrapper, target)
        self.links.clear()
        _check_cycles(self.units.values(), self.name)
        transfer.roots = [unit for unit in top if not isinstance(unit, tuple) and not unit.parents]
        if len(transfer.roots) != len(top):
            transfer.layout = top  # a flat manifest: keep non-root units at the top level
        return transfer


def _check_cycles(units, name: str) -> None:
    """Refuse a unit graph with a cycle (iterative colouring: no recursion on deep trees)."""
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    for start in units:
        if id(start) in state:
            continue
        stack = [(start, iter(start.children))]
        state[id(start)] = 1
        while stack:
            unit, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[id(unit)] = 2
                stack.pop()
                continue
            seen = state.get(id(child))
            if seen == 1:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}: the archive units form a cycle ({unit} is its own ancestor through "
                              "{parent}). Remove one of the ArchiveUnitRefId links."), name=name, unit=child.id,
                    parent=unit.id)
            if seen is None:
                state[id(child)] = 1
                stack.append((child, iter(child.children)))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk import allocates millions of small objects.

    The model holds no reference cycles worth collecting during an import, and each collector pass
    would walk every object built so far: with 100,000 units that made imports several times slower.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_manifest(
    source: str | os.PathLike[str] | Callable[[], BinaryIO],
    *,
    name: str | None = None,
    size: int = 0,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Transfer:
    """Read a manifest from a path, or from a callable opening a fresh binary stream (e.g. a zip entry).

    *name* is used in messages; *size* (bytes, if known) scales the progress. Raises :class:`ReadError`.
    """
    if callable(source):
        opener = source
    else:
        path = os.fspath(source)
        name = name or path
        size = size or os.path.getsize(path)

        def opener() -> BinaryIO:
            return open(path, "rb")
    name = name or "manifest.xml"
    with opener() as stream:
        version, root_name = sniff_root(stream, name)
    reader = _Reader(version, name)
    tags = [reader.q(t) for t in ("ArchiveUnit", "DataObjectGroup", "BinaryDataObject", "PhysicalDataObject",
                                  root_name)]
    package = reader.q("DataObjectPackage")
    root_seen = False
    try:
        with opener() as raw, gc_paused():
            stream = _Counting(raw, size, progress, cancel)
            # huge_tree lifts libxml2's depth (256) and text-size limits: deep trees and inline
            # Attachments are legitimate, and entity expansion is ruled out by sniff_root.
            for _event, element in _iterparse(stream, events=("end",), tag=tags, huge_tree=True):
                tag = element.tag
                parent = element.getparent()
                if parent is None:
                    reader.end_root(element)
                    root_seen = True
                elif tag == tags[0]:
                    reader.end_unit(element)
                elif tag == tags[1] and parent.tag == package:
                    reader.end_group(element)
                elif tag in (tags[2], tags[3]) and parent.tag == package:
                    reader.end_loose_object(element)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, name) from exc
    if not root_seen:
        raise _error(QT_TRANSLATE_NOOP("import", "{name} has no {element} element."), name=name, element=root_name)
    return reader.finish()


def read_manifest_bytes(data: bytes, name: str = "manifest.xml") -> Transfer:
    """Read a manifest held in memory (small documents, tests)."""
    import io

    return read_manifest(lambda: io.BytesIO(data), name=name, size=len(data))
