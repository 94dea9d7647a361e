"""One streaming pass over a manifest: schema validation by libxml2 and the facts later checks need.

Two passes share the same facts. :func:`collect_streamed`, used first, trusts the schema it
validates against and reads the units in batches with compiled XPath expressions, in C, reading in
Python only the few units with something to check (see the comment above BATCH_BYTES).
:func:`collect`, used when the manifest is not schema-valid or has an unusual layout, reads every
unit in Python and also records where each unit starts and ends, to name the unit enclosing any
line a validator reports. Both clear what they have read: memory stays bounded whatever the
manifest's size.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from app.models.tasks import CancelToken

RULE_TAGS = ("StorageRule", "AppraisalRule", "AccessRule", "DisseminationRule", "ReuseRule", "ClassificationRule",
             "HoldRule")
_WATCHED = ("ArchiveTransfer", "ArchiveUnit", "Content", "Management", "DataObjectReference", "ArchiveUnitRefId",
            "BinaryDataObject", "PhysicalDataObject", "DataObjectGroup", "ManagementMetadata", "ArchivalAgreement",
            "MessageIdentifier", "Relationship")
_TAGS = tuple("{*}" + t for t in _WATCHED)


class NotSeda(Exception):
    """The document is XML but its root is not in a supported SEDA namespace (or declares a DTD)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason  # "doctype" | "namespace"
        self.detail = detail


def local(tag: object) -> str:
    """The local name of a Clark tag."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class UnitFacts:
    """What the checks need to know about one ArchiveUnit."""

    __slots__ = ("id", "line", "end", "title", "titles", "level", "start_date", "end_date", "parent", "children",
                 "group_ref", "object_refs", "has_content")

    def __init__(self, id: str, line: int, parent: str | None) -> None:
        self.id = id
        self.line = line
        self.end = line
        self.title: str | None = None
        self.titles = 0  # how many Title elements, empty or not
        self.level: str | None = None
        self.start_date: tuple[str, int] | None = None
        self.end_date: tuple[str, int] | None = None
        self.parent = parent
        self.children: list[str] = []  # nested units and ArchiveUnitRefId targets
        self.group_ref: str | None = None
        self.object_refs: list[str] = []
        self.has_content = False


@dataclass(slots=True)
class ObjectFacts:
    """One BinaryDataObject or PhysicalDataObject."""

    id: str
    kind: str  # "binary" | "physical"
    line: int
    version: str | None = None
    uri: str | None = None
    digest: str | None = None
    algorithm: str | None = None
    size: str | None = None
    format_id: str | None = None
    group: str | None = None  # the group it belongs to (wrapper, DataObjectGroupId or ReferenceId)


@dataclass(slots=True)
class RuleRef:
    """A Rule or RefNonRuleId in a unit's Management or in ManagementMetadata."""

    category: str
    rule: str
    line: int
    unit: str | None
    prevent: bool  # True for RefNonRuleId
    start_date: tuple[str, int] | None = None
    hold_end_date: tuple[str, int] | None = None


@dataclass
class Facts:
    """Everything the graph, package and Vitam checks need, collected in one pass."""

    namespace: str = ""
    header: dict[str, tuple[str, int]] = field(default_factory=dict)
    units: dict[str, UnitFacts] = field(default_factory=dict)
    """Units the checks must look at. The streamed pass (:func:`collect_streamed`) records only the units
    with something to check (no title, dates, references, rules...); :func:`collect` records every unit."""
    unit_ids: set[str] = field(default_factory=set)  # every unit id, checked or not
    titles: dict[str, str] = field(default_factory=dict)  # unit id -> first non-empty Title
    spans: bool = True  # False when unit end lines were not recorded (unit_at then answers None)
    duplicate_units: list[tuple[str, int]] = field(default_factory=list)
    objects: list[ObjectFacts] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)  # declared group id -> line
    group_decls: list[tuple[str, int, str]] = field(default_factory=list)  # DataObjectGroupId, line, object id
    refs: list[tuple[str, str, int, str | None]] = field(default_factory=list)  # kind, target, line, owner unit
    rules: list[RuleRef] = field(default_factory=list)
    _starts: list[int] | None = None
    _spans: list[UnitFacts] | None = None

    def title_of(self, unit_id: str | None) -> str | None:
        """The title of a unit, for messages (None when unknown or empty)."""
        return self.titles.get(unit_id) if unit_id else None

    def unit_at(self, line: int | None) -> UnitFacts | None:
        """The innermost unit whose element spans *line* (None outside units or for unknown lines)."""
        if not line or not self.spans:
            return None
        if self._starts is None:
            self._spans = sorted(self.units.values(), key=lambda u: u.line)
            self._starts = [u.line for u in self._spans]
        assert self._spans is not None
        index = bisect.bisect_right(self._starts, line) - 1
        steps = 0
        while index >= 0 and steps < 10000:
            unit = self._spans[index]
            if unit.end >= line:
                return unit
            index -= 1
            steps += 1
        return None


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


def _last_line(element: etree._Element) -> int:
    """The start line of the last descendant (a close approximation of where the element ends)."""
    line = element.sourceline or 0
    node = element
    while len(node):
        node = node[-1]
        line = max(line, node.sourceline or 0)
    return line


class _Collector:
    def __init__(self, facts: Facts, cancel: CancelToken | None, on_unit: Callable[[int], None] | None) -> None:
        self.facts = facts
        self.cancel = cancel
        self.on_unit = on_unit
        self.open: dict[int, UnitFacts] = {}  # units seen (through their Content...) but not yet ended

    def unit_of(self, element: etree._Element | None) -> UnitFacts | None:
        """The facts of the ArchiveUnit *element* (created at first sight), or None if it is not a unit."""
        if element is None or local(element.tag) != "ArchiveUnit":
            return None
        key = id(element)
        unit = self.open.get(key)
        if unit is None:
            unit = self.open[key] = UnitFacts(element.get("id") or "", element.sourceline or 0, None)
        return unit

    def owner(self, element: etree._Element) -> str | None:
        """The id of the nearest enclosing unit."""
        node = element.getparent()
        while node is not None:
            if local(node.tag) == "ArchiveUnit":
                return node.get("id")
            node = node.getparent()
        return None

    def end(self, element: etree._Element, name: str) -> None:
        facts = self.facts
        if name == "Content":
            self.content(element, self.unit_of(element.getparent()))
        elif name == "Management":
            unit = self.unit_of(element.getparent())
            self.rules(element, unit.id if unit else None)
        elif name == "ManagementMetadata":
            for child in element:
                child_name = local(child.tag)
                if child_name in ("ArchivalProfile", "OriginatingAgencyIdentifier", "SubmissionAgencyIdentifier"):
                    facts.header[child_name] = (_text(child), child.sourceline or 0)
            self.rules(element, None)
        elif name in ("ArchivalAgreement", "MessageIdentifier"):
            if local(element.getparent().tag) == "ArchiveTransfer":
                facts.header[name] = (_text(element), element.sourceline or 0)
        elif name == "ArchiveUnitRefId":
            target = _text(element)
            unit = self.unit_of(element.getparent())
            facts.refs.append(("ArchiveUnitRefId", target, element.sourceline or 0,
                               unit.id if unit else self.owner(element)))
            if unit is not None:
                unit.children.append(target)
        elif name == "DataObjectReference":
            unit = self.unit_of(element.getparent())
            self.object_reference(element, unit, unit.id if unit is not None else self.owner(element))
        elif name == "Relationship":
            target = element.get("target")
            if target:
                facts.refs.append(("Relationship", target, element.sourceline or 0, None))
        elif name in ("BinaryDataObject", "PhysicalDataObject"):
            self.data_object(element, name)
            self.release(element)
        elif name == "DataObjectGroup":
            facts.groups.setdefault(element.get("id") or "", element.sourceline or 0)
            self.release(element)
        elif name == "ArchiveUnit":
            self.end_unit(element)

    def end_unit(self, element: etree._Element) -> None:
        facts = self.facts
        unit = self.unit_of(element)
        assert unit is not None
        del self.open[id(element)]
        tail = element[-1] if len(element) else None
        own = _last_line(tail) if tail is not None and local(tail.tag) != "ArchiveUnit" else 0
        unit.end = max(unit.end, own) + 1
        parent = self.unit_of(element.getparent())
        if parent is not None:
            unit.parent = parent.id
            parent.children.append(unit.id)
            parent.end = max(parent.end, unit.end)
        if unit.id in facts.units:
            facts.duplicate_units.append((unit.id, unit.line))
        else:
            facts.units[unit.id] = unit
            facts.unit_ids.add(unit.id)
            if unit.title is not None:
                facts.titles[unit.id] = unit.title
        self.release(element)
        if self.on_unit is not None:
            self.on_unit(len(facts.units))
        if self.cancel is not None and len(facts.units) % 512 == 0:
            self.cancel.check()

    @staticmethod
    def release(element: etree._Element) -> None:
        element.clear(keep_tail=True)
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]

    def content(self, element: etree._Element, unit: UnitFacts | None) -> None:
        """Title, DescriptionLevel, dates and signature references of a unit's Content."""
        if unit is None:
            return
        unit.has_content = True
        for child in element:
            name = local(child.tag)
            if name == "Title":
                unit.titles += 1
                if unit.title is None and _text(child):
                    unit.title = _text(child)
            elif name == "DescriptionLevel":
                unit.level = _text(child)
            elif name == "StartDate":
                unit.start_date = (_text(child), child.sourceline or 0)
            elif name == "EndDate":
                unit.end_date = (_text(child), child.sourceline or 0)
        for ref in element.iter("{*}SignedDocumentReferenceId"):
            self.facts.refs.append(("SignedDocumentReferenceId", _text(ref), ref.sourceline or 0, unit.id))

    def rules(self, element: etree._Element, unit: str | None) -> None:
        for block in element:
            category = local(block.tag)
            if category not in RULE_TAGS:
                continue
            current: RuleRef | None = None
            for child in block:
                name = local(child.tag)
                if name == "Rule":
                    current = RuleRef(category, _text(child), child.sourceline or 0, unit, False)
                    self.facts.rules.append(current)
                elif name == "RefNonRuleId":
                    self.facts.rules.append(RuleRef(category, _text(child), child.sourceline or 0, unit, True))
                elif current is not None and name == "StartDate":
                    current.start_date = (_text(child), child.sourceline or 0)
                elif current is not None and name == "HoldEndDate":
                    current.hold_end_date = (_text(child), child.sourceline or 0)

    def object_reference(self, element: etree._Element, unit: UnitFacts | None, owner: str | None) -> None:
        """The group or objects a unit's DataObjectReference points to."""
        for child in element:
            name = local(child.tag)
            if name not in ("DataObjectReferenceId", "DataObjectGroupReferenceId"):
                continue
            target = _text(child)
            self.facts.refs.append((name, target, child.sourceline or 0, owner))
            if unit is not None:
                if name == "DataObjectGroupReferenceId":
                    unit.group_ref = target
                else:
                    unit.object_refs.append(target)

    def data_object(self, element: etree._Element, name: str) -> None:
        parent = element.getparent()
        obj = ObjectFacts(element.get("id") or "", "binary" if name == "BinaryDataObject" else "physical",
                          element.sourceline or 0)
        if parent is not None and local(parent.tag) == "DataObjectGroup":
            obj.group = parent.get("id")
        for child in element:
            child_name = local(child.tag)
            if child_name == "DataObjectVersion":
                obj.version = _text(child)
            elif child_name == "Uri":
                obj.uri = _text(child)
            elif child_name == "MessageDigest":
                obj.digest = _text(child)
                obj.algorithm = child.get("algorithm")
            elif child_name == "Size":
                obj.size = _text(child)
            elif child_name == "FormatIdentification":
                for sub in child:
                    if local(sub.tag) == "FormatId":
                        obj.format_id = _text(sub)
            elif child_name == "DataObjectGroupId":
                declared = _text(child)
                self.facts.group_decls.append((declared, child.sourceline or 0, obj.id))
                if obj.group is None:
                    # Inside a DataObjectGroup, the wrapper is the object's group: Vitam attaches the object
                    # to it and ignores a DataObjectGroupId left inside (the OK_SIP_FULL samples have one).
                    obj.group = declared
            elif child_name == "DataObjectGroupReferenceId":
                obj.group = _text(child)
                self.facts.refs.append(("DataObjectGroupReferenceId", obj.group, child.sourceline or 0, None))
        self.facts.objects.append(obj)


def read_root(source: IO[bytes]) -> str:
    """The root element's namespace; NotSeda for a DTD (entities are never expanded) or no namespace.

    Only the head of the document is read, fed chunk by chunk until the root element starts.
    """
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, load_dtd=False, no_network=True,
                                 huge_tree=False)
    while chunk := source.read(1 << 14):
        parser.feed(chunk)
        for _event, element in parser.read_events():
            if element.getroottree().docinfo.internalDTD is not None:
                raise NotSeda("doctype", "DOCTYPE")
            tag = element.tag
            return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
    parser.close()  # raises XMLSyntaxError for an empty or truncated document
    return ""


def collect(source: IO[bytes], schema: etree.XMLSchema | None, *, cancel: CancelToken | None = None,
            on_unit: Callable[[int], None] | None = None) -> Facts:
    """Read *source* once, validating against *schema* when given (raises etree.XMLSyntaxError)."""
    facts = Facts()
    collector = _Collector(facts, cancel, on_unit)
    kwargs = {"schema": schema} if schema is not None else {}
    names: dict[str, str] = {}
    for _event, element in etree.iterparse(source, events=("end",), tag=_TAGS, resolve_entities=False,
                                           load_dtd=False, no_network=True, huge_tree=False, **kwargs):
        tag = element.tag
        name = names.get(tag)
        if name is None:
            name = names[tag] = local(tag)
        collector.end(element, name)
    root = element.getroottree().getroot() if names else None
    if root is not None and root.getroottree().docinfo.internalDTD is not None:
        raise NotSeda("doctype", "DOCTYPE")
    return facts


# -- the fast pass ---------------------------------------------------------------------------------
# Units are the bulk of a manifest, and a Python callback per unit (even an empty iterparse event)
# costs a good part of what libxml2 spends validating it. The streamed pass therefore asks for no event
# per unit: libxml2 validates and builds the tree, and each time the parser has read about BATCH_BYTES
# more, the units it has finished are summarised by a few compiled XPath expressions (their ids, and a
# count of what needs a closer look: dates, rules, references, a missing title...), the rare units with
# something to check are read in Python, and the finished units are removed from the tree. Memory stays
# bounded by BATCH_BYTES of units plus the open ancestors.
BATCH_BYTES = 1 << 20
_AXES = (("preceding::s:ArchiveUnit", "preceding::"), ("descendant-or-self::s:ArchiveUnit", "descendant::"))
"""From the element just ended, the finished units still in the tree: those before it (open ancestors
are not on the preceding axis) and itself with its descendants, with the axis reaching their elements.
Two separate queries, not a union: libxml2 merges node-sets with a quadratic duplicate check."""
_TITLE = "s:Content/s:Title[normalize-space()]"
_LEVEL = "s:Content/s:DescriptionLevel[normalize-space()]"
_NOTABLE = ("StartDate", "EndDate", "SignedDocumentReferenceId", "Management", "DataObjectReference",
            "ArchiveUnitRefId")
_ANOMALIES = (" + ".join(f"count({{a}}s:{name})" for name in _NOTABLE)
              + " + count({a}s:Content[not(s:Title[normalize-space()]) or not(s:DescriptionLevel[normalize-space()])])")
"""How many elements the checks must look at in a batch: dates, signatures, rules, references, and
Contents without a non-empty Title or DescriptionLevel. A count along one axis with a name test is
several times cheaper in libxml2 than a predicate per unit, and it is 0 for most batches (it may count
an open ancestor's elements too: the batch is then read unit by unit, which is slower, not wrong)."""
_TO_CHECK = (f"[not({_TITLE}) or not({_LEVEL}) or s:Content/s:StartDate or s:Content/s:EndDate"
             " or s:DataObjectReference or s:ArchiveUnitRefId or s:Management"
             " or s:Content//s:SignedDocumentReferenceId]")
_STREAMED_TAGS = ("ArchiveTransfer", "BinaryDataObject",
                  "PhysicalDataObject", "DataObjectGroup", "ManagementMetadata", "ArchivalAgreement",
                  "MessageIdentifier", "Relationship")


class Unusual(Exception):
    """The streamed pass met something it does not summarise (a unit id read twice): the caller reads the
    manifest again with :func:`collect`."""


class _Queries:
    """The XPath expressions of one SEDA namespace, compiled once, for each of the two axes."""

    def __init__(self, namespace: str, axis: str, elements: str) -> None:
        ns = {"s": namespace}
        self.ids = etree.XPath(f"{axis}/@id", namespaces=ns, smart_strings=False)
        self.anomalies = etree.XPath(_ANOMALIES.format(a=elements), namespaces=ns)
        self.to_check = etree.XPath(axis + _TO_CHECK, namespaces=ns)
        self.title = etree.XPath(f"string({_TITLE}[1])", namespaces=ns, smart_strings=False)
        self.units_before = etree.XPath("count(preceding-sibling::s:ArchiveUnit)", namespaces=ns)


_QUERIES: dict[str, tuple[_Queries, _Queries]] = {}


class _StreamedCollector(_Collector):
    """Reads finished units in batches (see the comment above BATCH); other elements as _Collector does."""

    def __init__(self, facts: Facts, namespace: str, cancel: CancelToken | None,
                 on_unit: Callable[[int], None] | None) -> None:
        super().__init__(facts, cancel, on_unit)
        self.ns = "{" + namespace + "}"
        self.unit_tag = self.ns + "ArchiveUnit"
        self.package_tag = self.ns + "DescriptiveMetadata"
        queries = _QUERIES.get(namespace)
        if queries is None:
            queries = _QUERIES[namespace] = (_Queries(namespace, *_AXES[0]), _Queries(namespace, *_AXES[1]))
        self.queries = queries
        self.count = 0  # units read, duplicates included
        self.package: etree._Element | None = None  # DescriptiveMetadata, once the parser has reached it
        self.edges: set[tuple[str, str]] = set()

    def flush(self, root: etree._Element, *, final: bool = False) -> None:
        """Read and remove every finished unit of the tree under *root*.

        Between two reads, the elements the parser has left open are on the tree's rightmost path
        (the last child of the last child...): every unit before the deepest element of that path,
        ancestors excepted, is finished; that is the preceding axis. The deepest element may be
        finished too, but it has no child: it is left for the next flush. *final* reads everything.
        """
        path = [root]
        while len(path[-1]):
            path.append(path[-1][-1])
        facts = self.facts
        queries, context = (self.queries[1], root) if final else (self.queries[0], path[-1])
        ids = queries.ids(context)
        self.count += len(ids)
        facts.unit_ids.update(ids)
        if len(facts.unit_ids) != self.count:
            raise Unusual("duplicate unit id")
        if queries.anomalies(context):
            for unit in queries.to_check(context):
                self.read_unit(unit)
        for node in path[1:]:
            self.prune(node)
        if self.package is None or self.package.getparent() is None:
            self.package = next(root.iter(self.package_tag), None)
        if self.package is not None and (final or all(node is not self.package for node in path)):
            # DescriptiveMetadata is finished: none of its units is on the path, all were read.
            last = next(self.package.iterchildren(self.unit_tag, reversed=True), None)
            if last is not None:
                self.prune(last)
                self.package.remove(last)
        if self.on_unit is not None:
            self.on_unit(self.count)
        if self.cancel is not None:
            self.cancel.check()

    def prune(self, node: etree._Element) -> None:
        """Remove the finished units before *node* at its level, keeping the open parent's other children.

        ``del parent[i:j]`` frees the nodes at once; ``parent.remove(unit)`` would first move the whole
        subtree to the proxy's document, node by node, which costs more than reading it.
        """
        units = int(self.queries[0].units_before(node))
        if not units:
            return
        parent = node.getparent()
        end = parent.index(node)
        start = parent.index(next(parent.iterchildren(self.unit_tag)))
        if end - start == units:  # the usual layout: the finished units are contiguous
            del parent[start:end]
        else:  # a DataObjectReference between child units: keep it for the parent's own reading
            for sibling in list(node.itersiblings(self.unit_tag, preceding=True)):
                parent.remove(sibling)

    def entry(self, element: etree._Element) -> UnitFacts:
        """The facts of a unit element, created at first need."""
        uid = element.get("id") or ""
        unit = self.facts.units.get(uid)
        if unit is None:
            parent = element.getparent()
            unit = self.facts.units[uid] = UnitFacts(uid, element.sourceline or 0,
                                                     parent.get("id") if parent.tag == self.unit_tag else None)
            title = self.queries[0].title(element).strip()
            if title:
                unit.title = self.facts.titles[uid] = title
        return unit

    def read_unit(self, element: etree._Element) -> None:
        """A unit with something to check: its Content, Management, references, as _Collector reads them."""
        unit = self.entry(element)
        for child in element:
            name = local(child.tag)
            if name == "Content":
                self.content(child, unit)
            elif name == "Management":
                self.rules(child, unit.id)
            elif name == "DataObjectReference":
                self.object_reference(child, unit, unit.id)
            elif name == "ArchiveUnitRefId":
                target = _text(child)
                self.facts.refs.append(("ArchiveUnitRefId", target, child.sourceline or 0, unit.id))
                unit.children.append(target)
                self.chain(element)

    def chain(self, element: etree._Element) -> None:
        """Record the nesting above a unit that refers to another: every cycle of the unit graph goes
        through such links, so these edges and the references are all the cycle check needs."""
        child = self.entry(element)
        for ancestor in element.iterancestors(self.unit_tag):
            parent = self.entry(ancestor)
            if (parent.id, child.id) not in self.edges:
                self.edges.add((parent.id, child.id))
                parent.children.append(child.id)
            child = parent


class _Reads:
    """The manifest stream, calling *flush* every BATCH_BYTES read: lxml reads only when the events of
    the previous chunk are consumed, so the parser is idle and the tree consistent at that point."""

    def __init__(self, raw: IO[bytes], flush: Callable[[], None]) -> None:
        self.raw = raw
        self.flush = flush
        self.unflushed = 0

    def read(self, size: int = -1) -> bytes:
        if self.unflushed >= BATCH_BYTES:
            self.unflushed = 0
            self.flush()
        data = self.raw.read(size)
        self.unflushed += len(data)
        return data


def collect_streamed(source: IO[bytes], schema: etree.XMLSchema, namespace: str, *,
                     cancel: CancelToken | None = None, on_unit: Callable[[int], None] | None = None) -> Facts:
    """Validate *source* against *schema* while collecting the facts, units in batches (see BATCH_BYTES).

    Faster than :func:`collect` and in bounded memory, but it trusts the schema (ids present and
    unique, units only in DescriptiveMetadata): it raises etree.XMLSyntaxError at the first schema
    error and :class:`Unusual` for layouts it does not summarise; read the manifest with
    :func:`collect` then.
    """
    facts = Facts(spans=False)
    collector = _StreamedCollector(facts, namespace, cancel, on_unit)
    ns = collector.ns
    names = {ns + t: t for t in _STREAMED_TAGS}  # no ArchiveUnit: no Python work per unit
    root: etree._Element | None = None

    def flush() -> None:
        if root is not None:
            collector.flush(root)

    element = None
    for event, element in etree.iterparse(_Reads(source, flush), events=("start", "end"), tag=list(names),
                                          schema=schema, resolve_entities=False, load_dtd=False,
                                          no_network=True, huge_tree=False):
        if event == "start":
            if root is None:
                root = element.getroottree().getroot()
            continue
        collector.end(element, names[element.tag])
    if element is not None and element.getroottree().docinfo.internalDTD is not None:
        raise NotSeda("doctype", "DOCTYPE")
    if root is not None:
        collector.flush(root, final=True)
    facts.namespace = namespace
    return facts
