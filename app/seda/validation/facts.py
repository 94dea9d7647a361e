"""One streaming pass over a manifest: schema validation by libxml2 and the facts later checks need.

The pass reads only the elements it needs (``iterparse`` with a tag filter, so libxml2 does the
rest in C), keeps a small record per unit and per object, and clears what it has read: memory
stays bounded whatever the manifest's size. It also records where each unit starts and ends, to
name the unit enclosing any line number a validator reports.
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
    duplicate_units: list[tuple[str, int]] = field(default_factory=list)
    objects: list[ObjectFacts] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)  # declared group id -> line
    group_decls: list[tuple[str, int, str]] = field(default_factory=list)  # DataObjectGroupId, line, object id
    refs: list[tuple[str, str, int, str | None]] = field(default_factory=list)  # kind, target, line, owner unit
    rules: list[RuleRef] = field(default_factory=list)
    _starts: list[int] | None = None
    _spans: list[UnitFacts] | None = None

    def unit_at(self, line: int | None) -> UnitFacts | None:
        """The innermost unit whose element spans *line* (None outside units or for unknown lines)."""
        if not line:
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
            self.content(element)
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
            self.object_reference(element)
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

    def content(self, element: etree._Element) -> None:
        unit = self.unit_of(element.getparent())
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

    def object_reference(self, element: etree._Element) -> None:
        unit = self.unit_of(element.getparent())
        owner = unit.id if unit is not None else self.owner(element)
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
                obj.group = _text(child)
                self.facts.group_decls.append((obj.group, child.sourceline or 0, obj.id))
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
