"""Read a SEDA 2.1 / 2.2 / 2.3 manifest (ArchiveTransfer, or a DIP's ArchiveDeliveryRequestReply) into a Transfer.

The manifest is streamed through an lxml parser *target* (:class:`_Builder`): libxml2 calls it for
each start tag, text and end tag, and it builds the model's :class:`~app.models.metadata.Element`
nodes directly, without an lxml tree in between. Each archive unit, object group and object becomes
a model object when its end tag is read and its elements are dropped, so a manifest of 100,000 units
is read in bounded memory: only the open ancestors of the current element are held. (An ``iterparse``
reader pays for an lxml tree, then for a Python proxy and a ``{namespace}tag`` string per node when
converting it; the target gets each tag string once. ``bench/bench_import.py`` measures both floors.)
A parser target has no line numbers, so the rare error that names a line finds it with a second,
``iterparse`` pass (:func:`~app.seda.read_errors._locate`).

Nothing is lost: every element the model has no typed field for is kept as an
:class:`~app.models.metadata.Element` tree (``extra``, Content, Management, header...), and the
layout of the units (flat, with ``ArchiveUnitRefId`` links, or nested) is recorded in
``Transfer.layout`` so that :func:`app.seda.manifest.write_manifest` writes the same document back.
Comments and processing instructions are dropped.

Structural safety is checked here because a broken graph cannot be represented: duplicate ids,
references to units, groups or objects that do not exist, and cycles among units are refused with a
:class:`ReadError`. Everything else (schema, business rules) is left to the validator.

This module holds the public functions and :class:`_Reader` (units, groups, objects, links). The parser
target and the element helpers it shares with the reader are in :mod:`app.seda.manifest_target`;
:class:`ReadError` and the error reporting (line lookup, cycle check) in :mod:`app.seda.read_errors`.
The names other modules import from here (``ReadError``, ``CTX``, ``_error``) still work.
"""

from __future__ import annotations

import gc
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, PhysicalDataObject, Transfer
from app.seda.manifest_target import (
    _BINARY,
    _CLAIMED,
    _GROUP,
    _PACKAGE,
    _PHYSICAL,
    _SHELL,
    _UNIT,
    _Builder,
    _file_info,
    _format,
    _Names,
)
from app.seda.ontology import NS_PREFIX, version_of_namespace
from app.seda.read_errors import (
    CTX,
    ReadError,
    _check_cycles,
    _error,
    _Failure,
    _iterparse,
    _syntax_error,
    _Where,
)

__all__ = ["CTX", "ROOT_TAGS", "ReadError", "gc_paused", "read_manifest", "read_manifest_bytes", "sniff_root"]

ROOT_TAGS = ("ArchiveTransfer", "ArchiveDeliveryRequestReply")
"""Messages whose DataObjectPackage is read: a transfer (SIP) or a delivery (DIP)."""


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


_CHUNK = 1 << 18
"""Bytes handed to the parser at a time (progress and cancellation are checked between chunks)."""
_REFERENCE_KINDS = {"DataObjectGroupReferenceId": "group", "DataObjectReferenceId": "object"}


class _Reader:
    """Turns the units, groups and objects the :class:`_Builder` hands over into the model, then links them."""

    def __init__(self, version: str, name: str) -> None:
        self.name = name
        self.names = _Names()  # shared with the builder: tag and attribute names seen, mapped once
        self.transfer = Transfer(version)
        self.root_seen = False
        self.units: dict[str, ArchiveUnit] = {}
        # In document order (of end tags), what finish() links: (parent unit id, the unit itself, None) for a
        # nested unit; (parent unit id or None for the top level, ArchiveUnitRefId, wrapper id) for a reference.
        self.links: list[tuple[str | None, ArchiveUnit | str, str | None]] = []
        # The units written at the top level (directly under DescriptiveMetadata), in document order: the
        # transfer's roots and layout. A reference's place holds None until finish() resolves it; its
        # index is in top_references.
        self.top: list[ArchiveUnit | tuple[str, str, ArchiveUnit] | None] = []
        self.top_references: list[int] = []
        self.aliases: dict[str, str] = {}  # wrapper id -> ArchiveUnitRefId (a reference may name a wrapper)
        # (unit, "group"|"object", referenced id) of references to groups or objects not read yet (groups
        # normally come first, and are linked when the unit is read): resolved once every group is known.
        self.object_refs: list[tuple[ArchiveUnit, str, str]] = []
        self.groups: dict[str, DataObjectGroup] = {}
        self.objects: dict[str, DataObjectGroup] = {}  # object id -> its group
        self.ids: set[str] = set()  # every id claimed, whatever its kind (ids are unique across kinds)
        self.unnamed_groups: list[DataObjectGroup] = []

    def claim(self, identifier: str | None, what: str) -> str:
        """Record a unit, group or object id; refuse a missing or duplicate one."""
        if not identifier:
            raise _Failure(QT_TRANSLATE_NOOP("import", "{name}, line {line}: a {element} has no id attribute."),
                           _Where(_CLAIMED, None), element=what)
        if identifier in self.ids:
            raise _Failure(QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}: the id {id} is used twice; ids must be unique in a manifest."),
                _Where(_CLAIMED, identifier, nth=2), id=identifier)
        self.ids.add(identifier)
        return identifier

    # -- units -----------------------------------------------------------------------------------
    def end_unit(self, element: Element, parent: Element) -> None:
        """A unit whose end tag was just read (its child units were handed over before it)."""
        # Units keep their attributes as lxml gave them (see _Builder): a lone "id" is taken as it is,
        # anything else goes through _Names.id_of.
        parent_id = None
        if parent.tag == _UNIT:
            attrib = parent.attrib
            parent_id = attrib["id"] if attrib and len(attrib) == 1 and "id" in attrib else self.names.id_of(attrib)
        attrib = element.attrib
        uid = attrib["id"] if attrib and len(attrib) == 1 and "id" in attrib else self.names.id_of(attrib)
        ids = self.ids
        if not uid or uid in ids:
            self.claim(uid, _UNIT)  # raises
        ids.add(uid)
        kids = element.children
        if kids is None:
            kids = ()
        elif kids[0].tag == "ArchiveUnitRefId":  # a reference: its ArchiveUnitRefId comes first (SEDA's choice)
            target = (kids[0].text or "").strip()  # end_reference, inlined (100,000 calls in a flat SIP)
            self.aliases[uid] = target
            if parent_id is None:
                self.top_references.append(len(self.top))
                self.top.append(None)
            self.links.append((parent_id, target, uid))
            return
        content: Element | None = None
        management: Element | None = None
        profile: str | None = None
        extra: list[Element] = []
        reference: tuple[str, str] | None = None
        references = 0
        object_ref_last = False
        seen_unit = False
        for child in kids:
            tag = child.tag
            if child is _SHELL:  # child units, already read
                seen_unit = True
            elif tag == "Content" and (content is None or not content.children and not content.text):
                content = child
            elif tag == "Management" and management is None:
                management = child
            elif tag == "ArchiveUnitProfile" and profile is None and not child.attrib and not child.children:
                profile = child.text or ""
            elif tag == "DataObjectReference":
                references += 1
                if reference is None and not child.attrib and child.children and len(child.children) == 1:
                    object_ref_last = seen_unit
                    target = child.children[0]
                    kind = _REFERENCE_KINDS.get(target.tag)
                    if kind is None:
                        extra.append(child)
                    reference = (kind or "", (target.text or "").strip())
                elif reference is not None:
                    ref = element.find("ArchiveUnitRefId")
                    if ref is not None:  # a reference after all, whatever else it holds
                        self.end_reference(uid, ref, parent_id)
                        return
                    raise _Failure(QT_TRANSLATE_NOOP(
                        "import", "{name}, line {line}: unit {unit} refers to several object groups; a unit may have "
                                  "only one (Vitam refuses the others). Merge the groups or split the unit."),
                        _Where((_UNIT,), uid, child="DataObjectReference", child_nth=references), unit=uid)
                else:
                    extra.append(child)
            elif tag == "ArchiveUnitRefId":  # a reference whose ArchiveUnitRefId is not the first child
                self.end_reference(uid, child, parent_id)
                return
            else:
                extra.append(child)
        unit = ArchiveUnit(uid, content)
        unit.management = management
        unit.profile = profile
        unit.object_ref_last = object_ref_last
        unit.extra = extra or None
        if reference is not None and reference[0]:
            kind, target = reference
            group = (self.groups if kind == "group" else self.objects).get(target)
            if group is None:
                self.object_refs.append((unit, kind, target))
            else:  # found now: the index only grows (ids are unique), finish() would find the same group
                unit.object_group = group
        self.units[uid] = unit
        if parent_id is None:
            self.top.append(unit)
        else:
            self.links.append((parent_id, unit, None))

    def end_reference(self, wrapper: str, ref: Element, parent_id: str | None) -> None:
        """A unit that only links to a unit written elsewhere (its first ArchiveUnitRefId, *ref*); its own id
        (*wrapper*, claimed already) is only a wrapper's, renumbered on export."""
        target = (ref.text or "").strip()
        self.aliases[wrapper] = target
        if parent_id is None:
            self.top_references.append(len(self.top))
            self.top.append(None)
        self.links.append((parent_id, target, wrapper))

    # -- objects ---------------------------------------------------------------------------------
    def end_group(self, element: Element) -> None:
        """A DataObjectGroup and its objects."""
        gid = self.names.id_of(element.attrib)
        ids = self.ids
        if not gid or gid in ids:
            self.claim(gid, _GROUP)  # raises
        ids.add(gid)
        objects: list[BinaryDataObject | PhysicalDataObject] = []
        logbook: Element | None = None
        kids = element.children or ()
        for child in kids:
            tag = child.tag
            if tag == _BINARY:
                objects.append(self.binary(child))
            elif tag == _PHYSICAL:
                objects.append(self.physical(child))
            elif tag == "LogBook" and logbook is None:
                logbook = child
            else:
                # Which element of that name it is, for the error's line: counted only now, on the rare path.
                upto = next(i for i, kid in enumerate(kids) if kid is child)
                nth = [kid.tag for kid in kids[:upto + 1]].count(tag)
                raise _Failure(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unexpected element {element} in a DataObjectGroup."),
                    _Where((_GROUP,), gid, child=tag, child_nth=nth), element=tag)
        group = DataObjectGroup(gid, objects)
        group.logbook = logbook
        index = self.objects
        for obj in objects:
            index[obj.id] = group
        self.groups[gid] = group
        self.transfer.groups.append(group)

    def end_loose_object(self, element: Element) -> None:
        """An object declared without a DataObjectGroup wrapper (SEDA 2.0 style)."""
        obj = self.binary(element) if element.tag == _BINARY else self.physical(element)
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

    def binary(self, element: Element) -> BinaryDataObject:
        """A BinaryDataObject: typed fields where the writer gives them back unchanged, the rest in ``extra``."""
        oid = self.names.id_of(element.attrib)
        ids = self.ids
        if not oid or oid in ids:
            self.claim(oid, _BINARY)  # raises
        ids.add(oid)
        obj = BinaryDataObject(oid, None)
        version = uri = digest = algorithm = size = None
        extra: list[Element] = []
        # Each typed child is taken when plain (and the first of its kind); otherwise it falls through to
        # ``extra``, kept as it is.
        for child in element.children or ():
            tag = child.tag
            text = child.text
            if tag == "DataObjectVersion":
                if version is None and text and not child.attrib and not child.children:
                    version = text
                    continue
            elif tag == "Uri":
                if uri is None and text and not child.attrib and not child.children:
                    uri = text
                    continue
            elif tag == "MessageDigest":
                attrib = child.attrib
                if digest is None and attrib is not None and len(attrib) == 1 and "algorithm" in attrib \
                        and not child.children:
                    digest = text or ""
                    algorithm = attrib["algorithm"]
                    continue
            elif tag == "Size":
                if size is None and text and not child.attrib and not child.children and text.isdigit():
                    value = int(text)
                    if str(value) == text and value > 0:  # written back the same
                        size = value
                        continue
            elif tag == "FormatIdentification":
                if not child.attrib:
                    if _format(obj, child):
                        extra.append(child)
                    continue
            elif tag == "FileInfo":
                if not child.attrib:
                    if _file_info(obj, child):
                        extra.append(child)
                    continue
            extra.append(child)
        obj.version = version
        obj.uri = uri
        obj.digest = digest
        obj.digest_algorithm = algorithm
        obj.size = size
        obj.extra = extra or None
        return obj

    def physical(self, element: Element) -> PhysicalDataObject:
        """A PhysicalDataObject: its DataObjectVersion typed, every other child kept in order."""
        obj = PhysicalDataObject(self.claim(self.names.id_of(element.attrib), _PHYSICAL), None)
        for child in element.children or ():
            if child.tag == "DataObjectVersion" and obj.version is None and not child.attrib \
                    and not child.children and child.text:
                obj.version = child.text
            else:
                obj.elements.append(child)
        return obj

    # -- document --------------------------------------------------------------------------------
    def end_root(self, root: Element) -> None:
        """The root element: what is left of it is the header and an emptied DataObjectPackage."""
        self.root_seen = True
        transfer = self.transfer
        transfer.header = Element("ArchiveTransfer", None, root.attrib)
        for child in root.children or ():
            if child.tag != _PACKAGE:
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
        """Resolve object references and unit links, check for cycles: the finished transfer."""
        transfer = self.transfer
        transfer.ids.reserve_all(self.ids)
        reserve = transfer.ids.reserve
        for attrib in (transfer.header.attrib, transfer.package_attrib, transfer.management_metadata.attrib):
            for key, value in (attrib or {}).items():  # xml:id of the message, package...
                if key.endswith("id"):
                    reserve(value)
        for group in self.unnamed_groups:
            group.id = transfer.ids.new()
        groups, objects = self.groups, self.objects
        for unit, kind, target in self.object_refs:
            group = groups.get(target) if kind == "group" else objects.get(target)
            if group is None:
                raise _Failure(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unit {unit} refers to the object or group {target}, which the "
                              "manifest does not declare."),
                    _Where((_UNIT,), unit.id, child="DataObjectReference"), unit=unit.id, target=target)
            unit.object_group = group
        # One pass over the links, in document order (the order of each unit's children and parents).
        top = self.top
        top_references = iter(self.top_references)
        referenced: list[ArchiveUnit] = []  # units linked below a parent by ArchiveUnitRefId
        units, aliases = self.units, self.aliases
        parent_id_seen: str | None = None  # the parent of the previous link: consecutive links often share it
        parent: ArchiveUnit | None = None
        for parent_id, child, wrapper in self.links:
            if wrapper is None:  # a unit nested in its parent
                if parent_id is not parent_id_seen:
                    parent, parent_id_seen = units.get(parent_id), parent_id
                if parent is None:
                    raise self._nested_in_nothing(child.id)
                parent.children.append(child)  # ArchiveUnit.add_child, inlined: one call less per unit
                child.parents.append(parent)
                continue
            target = child
            child = units.get(target)
            if child is None:  # not a unit: a reference to a reference, or to nothing
                child_id, hops = target, 0
                while child_id in aliases and hops <= len(aliases):
                    child_id, hops = aliases[child_id], hops + 1
                child = units.get(child_id)
                if child is None:
                    raise _Failure(QT_TRANSLATE_NOOP(
                        "import", "{name}, line {line}: ArchiveUnitRefId {target} refers to a unit the manifest does "
                                  "not declare."), _Where((_UNIT,), wrapper), target=child_id)
            if parent_id is None:
                top[next(top_references)] = (wrapper, target, child)
                continue
            if parent_id is not parent_id_seen:
                parent, parent_id_seen = units.get(parent_id), parent_id
            if parent is None:
                raise self._nested_in_nothing(wrapper)
            parent.children.append(child)
            child.parents.append(parent)
            if parent.links is None:
                parent.links = {}
            parent.links[child.id] = (wrapper, target)
            referenced.append(child)
        self.links.clear()
        _check_cycles(referenced, self.units.values(), self.name)
        transfer.roots = [unit for unit in top if type(unit) is not tuple and not unit.parents]
        if len(transfer.roots) != len(top):
            transfer.layout = top  # a flat manifest: keep non-root units at the top level
        return transfer

    @staticmethod
    def _nested_in_nothing(element_id: str) -> _Failure:
        return _Failure(QT_TRANSLATE_NOOP(
            "import", "{name}, line {line}: a unit is nested in an ArchiveUnit without id or content."),
            _Where((_UNIT,), element_id))



@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk import allocates millions of small objects.

    The model holds no reference cycles worth collecting during an import, and each collector pass
    would walk every object built so far: with 100,000 units that made imports several times slower.

    On the way out, everything allocated meanwhile is still in the youngest generation, so the very
    next allocation would trigger a pass over all of it (0.7 s for 100,000 units), then again when
    it is promoted to the middle generation. ``gc.freeze()`` + ``gc.unfreeze()`` moves every tracked
    object straight to the oldest generation instead (two list splices, no traversal): the model is
    long-lived, and the oldest generation is only walked by the next full collection, which any
    long-lived model costs anyway. Skipped when the application froze objects itself, since
    unfreezing would undo that.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
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
    # No entity expansion, no DTD, no network (and sniff_root refused any DOCTYPE). huge_tree lifts
    # libxml2's depth (256) and text-size limits: deep trees and inline Attachments are legitimate.
    parser = etree.XMLParser(target=_Builder(reader, root_name), resolve_entities=False, load_dtd=False,
                             no_network=True, huge_tree=True, remove_comments=True, remove_pis=True)
    # The collector stays off until the model is complete: linking 100,000 units in finish() allocates
    # too, and with the collector on, each pass would walk the millions of objects built so far.
    with gc_paused():
        try:
            try:
                with opener() as raw:
                    feed, read = parser.feed, raw.read
                    done = 0
                    while chunk := read(_CHUNK):
                        feed(chunk)
                        done += len(chunk)
                        progress(done, size)
                        if cancel is not None:
                            cancel.check()
                    parser.close()
            except etree.XMLSyntaxError as exc:
                raise _syntax_error(exc, name) from exc
            if not reader.root_seen:
                raise _error(QT_TRANSLATE_NOOP("import", "{name} has no {element} element."), name=name,
                             element=root_name)
            return reader.finish()
        except _Failure as failure:
            raise failure.resolve(opener, name) from None


def read_manifest_bytes(data: bytes, name: str = "manifest.xml") -> Transfer:
    """Read a manifest held in memory (small documents, tests)."""
    return read_manifest(lambda: io.BytesIO(data), name=name, size=len(data))
