"""Read a SEDA 2.1 / 2.2 / 2.3 manifest (ArchiveTransfer, or a DIP's ArchiveDeliveryRequestReply) into a Transfer.

The manifest is streamed through an lxml parser *target* (:class:`_Builder`): libxml2 calls it for
each start tag, text and end tag, and it builds the model's :class:`~app.models.metadata.Element`
nodes directly, without an lxml tree in between. Each archive unit, object group and object becomes
a model object when its end tag is read and its elements are dropped, so a manifest of 100,000 units
is read in bounded memory: only the open ancestors of the current element are held. (An ``iterparse``
reader pays for an lxml tree, then for a Python proxy and a ``{namespace}tag`` string per node when
converting it; the target gets each tag string once. ``bench/bench_import.py`` measures both floors.)
A parser target has no line numbers, so the rare error that names a line finds it with a second,
``iterparse`` pass (:func:`_locate`).

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
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, DataObjectGroup, PhysicalDataObject, Transfer
from app.seda.ontology import NS_PREFIX, version_of_namespace
from app.seda.xmlconv import local_tag

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


_CHUNK = 1 << 18
"""Bytes handed to the parser at a time (progress and cancellation are checked between chunks)."""
_UNIT, _GROUP, _BINARY, _PHYSICAL, _PACKAGE = (
    "ArchiveUnit", "DataObjectGroup", "BinaryDataObject", "PhysicalDataObject", "DataObjectPackage")
_CLAIMED = (_UNIT, _GROUP, _BINARY, _PHYSICAL)
"""Elements whose ``id`` attribute is recorded (and must be unique)."""
_REFERENCE_KINDS = {"DataObjectGroupReferenceId": "group", "DataObjectReferenceId": "object"}
_FORMAT_FIELDS = ("FormatLitteral", "MimeType", "FormatId")


@dataclass(frozen=True, slots=True)
class _Where:
    """Which element an error is about, so that :func:`_locate` can find its line after the parse.

    The *nth* element (in end-tag order, the order the reader handles them) whose local name is one of
    *kinds* and whose ``id`` is *id* (None: has no id); or, with *child*, the *child_nth* child named
    *child* of the first such element.
    """

    kinds: tuple[str, ...]
    id: str | None
    nth: int = 1
    child: str | None = None
    child_nth: int = 1


class _Failure(Exception):
    """An import error raised while parsing; :func:`read_manifest` adds its line and raises a ReadError."""

    def __init__(self, text: str, where: _Where, **params: object) -> None:
        super().__init__(text)
        self.text = text
        self.where = where
        self.params = params

    def resolve(self, opener: Callable[[], BinaryIO], name: str) -> ReadError:
        """The ReadError to raise, its ``line`` found by a second pass over the manifest."""
        return _error(self.text, name=name, line=_locate(opener, self.where), **self.params)


def _locate(opener: Callable[[], BinaryIO], where: _Where) -> int:
    """The line of the element *where* names, 0 if it cannot be found (only called when reporting an error).

    A parser target has no line numbers, so the document is parsed again with ``iterparse``, dropping each
    element once ended (bounded memory) and stopping at the element sought.
    """
    kinds = set(where.kinds)
    matched: etree._Element | None = None
    found = children = 0
    try:
        with opener() as stream:
            for event, element in _iterparse(stream, events=("start", "end"), huge_tree=True):
                name = local_tag(element.tag)
                if event == "start":
                    if where.child is None:
                        continue
                    if matched is None:
                        if name in kinds and (element.get("id") or None) == where.id:
                            matched = element
                    elif name == where.child and element.getparent() is matched:
                        children += 1
                        if children == where.child_nth:
                            return element.sourceline or 0
                    continue
                if element is matched:  # the child was not found: point at the element itself
                    return element.sourceline or 0
                if where.child is None and name in kinds and (element.get("id") or None) == where.id:
                    found += 1
                    if found == where.nth:
                        return element.sourceline or 0
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
    except (etree.XMLSyntaxError, OSError):
        pass
    return 0


def _format(obj: BinaryDataObject, kept: Element) -> bool:
    """Move FormatLitteral, MimeType and FormatId of a FormatIdentification to typed fields when the writer
    would give them back as they are. Return whether *kept* (what is left of it) must still be written."""
    children = kept.children or []
    simple: dict[str, Element] = {}
    repeated = False
    for child in children:
        if child.tag in _FORMAT_FIELDS:
            repeated = repeated or child.tag in simple
            simple[child.tag] = child
    literal, fmt_id = simple.get("FormatLitteral"), simple.get("FormatId")
    mime = simple.get("MimeType")
    if (literal is not None and fmt_id is not None and literal.text and fmt_id.text and not repeated
            and all(not c.attrib and not c.children for c in simple.values())
            and (mime is None or mime.text)):
        obj.format_name, obj.format_id = literal.text, fmt_id.text
        obj.mime_type = mime.text if mime is not None else None
        kept.children = [c for c in children if c.tag not in simple] or None
    return bool(kept.children or kept.text is None and not children)


def _file_info(obj: BinaryDataObject, kept: Element) -> bool:
    """Move a single plain Filename and LastModified of a FileInfo to typed fields. Return whether *kept*
    (what is left of it) must still be written."""
    children = kept.children or []
    tags = [c.tag for c in children]
    rest = []
    for child in children:
        plain = not child.attrib and not child.children and child.text
        if child.tag == "Filename" and plain and tags.count("Filename") == 1:
            obj.filename = child.text
        elif child.tag == "LastModified" and plain and tags.count("LastModified") == 1:
            obj.last_modified = child.text
        else:
            rest.append(child)
    kept.children = rest or None
    return bool(rest or not children)


_SHELL = Element(_UNIT)
"""Stands, in a unit's children, for child units already read (one per run of them): the unit only needs
to know whether its DataObjectReference came after child units (both orders are valid and kept)."""


class _Builder:
    """The lxml parser target: builds model :class:`Element` nodes from start, data and end events.

    This is the import's inner loop (two million elements for 100,000 units), so it is written for speed
    (measured with ``bench/bench_import.py``): closures over local variables instead of methods; each
    distinct ``{namespace}tag`` string mapped once to the model's name (:func:`~app.seda.xmlconv.local_tag`,
    interned, so all nodes share one string) and then looked up in a dict; and :class:`Element` nodes made
    with ``__new__`` and slot stores, half the cost of a call to ``__init__``
    (``tests/interop/test_reader_speed.py`` fails if ``Element`` gains a slot this would leave unset).
    No recursion, so nesting depth is only limited by libxml2.

    The elements built equal :func:`app.seda.xmlconv.from_lxml` of the same XML: comments and processing
    instructions dropped, tails dropped, whitespace-only text of an element with children dropped. Units,
    object groups and loose objects are handed to the :class:`_Reader` at their end tag and not attached
    to their parent, so memory stays bounded.
    """

    def __init__(self, reader: _Reader) -> None:
        names: dict[str, str] = {}
        document = Element("")  # below the root, so that every element has a parent on the stack
        stack: list[Element] = [document]
        push = stack.append
        pop = stack.pop
        new = Element.__new__
        model = Element
        special = frozenset(_CLAIMED)
        shell = _SHELL

        def name_of(tag: str) -> str:
            """Slow path: a tag or attribute name not seen yet."""
            name = names[tag] = sys.intern(local_tag(tag))
            return name

        def start(tag: str, attrib: dict[str, str]) -> None:
            element = new(model)
            element.tag = names.get(tag) or name_of(tag)
            # Rebuilt rather than kept, so that its keys are the shared, interned names (less memory).
            element.attrib = {names.get(k) or name_of(k): v for k, v in attrib.items()} if attrib else None
            element.text = None
            element.children = None
            push(element)

        def data(text: str) -> None:
            element = stack[-1]
            if element.children is None:  # text before the first child; later runs are tails, dropped
                previous = element.text
                element.text = text if previous is None else previous + text

        def end(_tag: str) -> None:
            element = pop()
            kids = element.children
            if kids is not None:
                if not kids:  # only units or objects, handed over: no children left
                    element.children = None
                else:
                    text = element.text
                    if text is not None and not text.strip():
                        element.text = None
            parent = stack[-1]
            name = element.tag
            if name in special:
                parent_name = parent.tag
                if name == _UNIT:
                    reader.end_unit(element, parent)
                    siblings = parent.children
                    if parent_name == _UNIT:
                        if siblings is None:
                            parent.children = [shell]
                        elif siblings[-1] is not shell:
                            siblings.append(shell)
                    elif siblings is None:
                        parent.children = []  # so that the text after it is dropped as a tail
                    return
                if parent_name == _PACKAGE:
                    if name == _GROUP:
                        reader.end_group(element)
                    else:
                        reader.end_loose_object(element)
                    if parent.children is None:
                        parent.children = []
                    return
            kids = parent.children
            if kids is None:
                parent.children = [element]
            else:
                kids.append(element)
            if parent is document:
                reader.end_root(element)

        def doctype(*_args: object) -> None:
            # sniff_root refused any DOCTYPE already; this guards a stream that changed in between.
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name} declares a DOCTYPE (entities or DTD): refused for safety. A SEDA manifest "
                          "never needs one."), name=reader.name)

        def close() -> None:
            return None

        self.start = start
        self.data = data
        self.end = end
        self.doctype = doctype
        self.close = close


class _Reader:
    """Turns the units, groups and objects the :class:`_Builder` hands over into the model, then links them."""

    def __init__(self, version: str, name: str) -> None:
        self.name = name
        self.transfer = Transfer(version)
        self.root_seen = False
        self.units: dict[str, ArchiveUnit] = {}
        # (parent unit id or None for DescriptiveMetadata, child id, id of the element that linked it,
        # wrapper id if by reference).
        self.links: list[tuple[str | None, str, str, str | None]] = []
        self.aliases: dict[str, str] = {}  # wrapper id -> ArchiveUnitRefId (a reference may name a wrapper)
        # (unit, "group"|"object", referenced id): resolved once every group is known.
        self.object_refs: list[tuple[ArchiveUnit, str, str]] = []
        self.groups: dict[str, DataObjectGroup] = {}
        self.objects: dict[str, DataObjectGroup] = {}  # object id -> its group
        self.ids: set[str] = set()
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
        parent_id = parent.get("id") if parent.tag == _UNIT else None
        ref = element.find("ArchiveUnitRefId")
        if ref is not None:
            # A link to a unit written elsewhere; its own id is only a wrapper's, renumbered on export.
            wrapper = self.claim(element.get("id"), _UNIT)
            target = (ref.text or "").strip()
            self.aliases[wrapper] = target
            self.links.append((parent_id, target, wrapper, wrapper))
            return
        uid = self.claim(element.get("id"), _UNIT)
        content: Element | None = None
        management: Element | None = None
        profile: str | None = None
        extra: list[Element] = []
        reference: tuple[str, str] | None = None
        references = 0
        object_ref_last = False
        seen_unit = False
        for child in element.children or ():
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
                    raise _Failure(QT_TRANSLATE_NOOP(
                        "import", "{name}, line {line}: unit {unit} refers to several object groups; a unit may have "
                                  "only one (Vitam refuses the others). Merge the groups or split the unit."),
                        _Where((_UNIT,), uid, child="DataObjectReference", child_nth=references), unit=uid)
                else:
                    extra.append(child)
            else:
                extra.append(child)
        unit = ArchiveUnit(uid, content)
        unit.management = management
        unit.profile = profile
        unit.object_ref_last = object_ref_last
        unit.extra = extra or None
        if reference is not None and reference[0]:
            self.object_refs.append((unit, reference[0], reference[1]))
        self.units[uid] = unit
        self.links.append((parent_id, uid, uid, None))

    # -- objects ---------------------------------------------------------------------------------
    def end_group(self, element: Element) -> None:
        """A DataObjectGroup and its objects."""
        gid = self.claim(element.get("id"), _GROUP)
        group = DataObjectGroup(gid)
        seen: list[str] = []
        for child in element.children or ():
            tag = child.tag
            seen.append(tag)
            if tag == _BINARY:
                group.objects.append(self.binary(child))
            elif tag == _PHYSICAL:
                group.objects.append(self.physical(child))
            elif tag == "LogBook" and group.logbook is None:
                group.logbook = child
            else:
                raise _Failure(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: unexpected element {element} in a DataObjectGroup."),
                    _Where((_GROUP,), gid, child=tag, child_nth=seen.count(tag)), element=tag)
        for obj in group.objects:
            self.objects[obj.id] = group
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
        obj = BinaryDataObject(self.claim(element.get("id"), _BINARY), None)
        extra: list[Element] = []
        for child in element.children or ():
            tag = child.tag
            text = child.text
            attrib = child.attrib
            plain = not attrib and not child.children
            if tag == "DataObjectVersion" and obj.version is None and plain and text:
                obj.version = text
            elif tag == "Uri" and obj.uri is None and plain and text:
                obj.uri = text
            elif tag == "MessageDigest" and obj.digest is None and attrib is not None and len(attrib) == 1 \
                    and "algorithm" in attrib and not child.children:
                obj.digest = text or ""
                obj.digest_algorithm = attrib["algorithm"]
            elif tag == "Size" and obj.size is None and plain and text and text.isdigit() \
                    and str(int(text)) == text and int(text) > 0:
                obj.size = int(text)
            elif tag == "FormatIdentification" and not attrib:
                if _format(obj, child):
                    extra.append(child)
            elif tag == "FileInfo" and not attrib:
                if _file_info(obj, child):
                    extra.append(child)
            else:
                extra.append(child)
        obj.extra = extra or None
        return obj

    def physical(self, element: Element) -> PhysicalDataObject:
        """A PhysicalDataObject: its DataObjectVersion typed, every other child kept in order."""
        obj = PhysicalDataObject(self.claim(element.get("id"), _PHYSICAL), None)
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
        reserve = transfer.ids.reserve
        for identifier in self.ids:
            reserve(identifier)
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
        top: list = []
        units, aliases = self.units, self.aliases
        for parent_id, target, element_id, wrapper in self.links:
            child_id, hops = target, 0
            while child_id in aliases and hops <= len(aliases):  # a reference to a reference
                child_id, hops = aliases[child_id], hops + 1
            child = units.get(child_id)
            if child is None:
                raise _Failure(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: ArchiveUnitRefId {target} refers to a unit the manifest does not "
                              "declare."), _Where((_UNIT,), element_id), target=child_id)
            if parent_id is None:
                top.append(child if wrapper is None else (wrapper, target, child))
                continue
            parent = units.get(parent_id)
            if parent is None:
                raise _Failure(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: a unit is nested in an ArchiveUnit without id or content."),
                    _Where((_UNIT,), element_id))
            parent.children.append(child)  # ArchiveUnit.add_child, inlined: one call less per unit
            child.parents.append(parent)
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
    parser = etree.XMLParser(target=_Builder(reader), resolve_entities=False, load_dtd=False, no_network=True,
                             huge_tree=True, remove_comments=True, remove_pis=True)
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
