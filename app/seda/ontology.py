"""What the engine knows of each SEDA version: namespaces, element order, cardinality, code lists.

The table in ``data/ontology.json`` is derived from the official XSDs by ``tools/gen_ontology.py``
(names and leaf types only), so ordering, editing and value checks work even before the schema store is filled.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import NamedTuple

from app.models.metadata import Element

VERSIONS: tuple[str, ...] = ("2.1", "2.2", "2.3")
DEFAULT_VERSION = "2.2"
NS_PREFIX = "fr:gouv:culture:archivesdefrance:seda:v"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XLINK_NS = "http://www.w3.org/1999/xlink"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

RULE_CATEGORIES: tuple[str, ...] = (
    "StorageRule",
    "AppraisalRule",
    "AccessRule",
    "DisseminationRule",
    "ReuseRule",
    "ClassificationRule",
    "HoldRule",
)
"""Management rule categories, in schema order (HoldRule exists from SEDA 2.2 on)."""

DESCRIPTION_LEVELS: tuple[str, ...] = (
    "Fonds", "Subfonds", "Class", "Collection", "Series", "Subseries",
    "RecordGrp", "SubGrp", "File", "Item", "OtherLevel",
)


class ChildSpec(NamedTuple):
    """One child of a complex type: its name, type, and element-level cardinality."""

    name: str
    type: str
    min: int
    max: int | None


def namespace(version: str) -> str:
    """The XML namespace of a SEDA version, e.g. ``fr:gouv:culture:archivesdefrance:seda:v2.2``."""
    check_version(version)
    return NS_PREFIX + version


def version_of_namespace(ns: str) -> str | None:
    """The SEDA version of a namespace, or None if it is not a supported SEDA namespace."""
    if ns.startswith(NS_PREFIX) and ns[len(NS_PREFIX):] in VERSIONS:
        return ns[len(NS_PREFIX):]
    return None


def check_version(version: str) -> None:
    """Raise ValueError for an unsupported version string."""
    if version not in VERSIONS:
        raise ValueError(f"unsupported SEDA version {version!r} (supported: {', '.join(VERSIONS)})")


@cache
def _table() -> dict:
    data = resources.files("app.seda").joinpath("data/ontology.json").read_text(encoding="utf-8")
    return json.loads(data)


@cache
def children(version: str, type_name: str) -> tuple[ChildSpec, ...]:
    """The ordered children of a complex type (empty for simple or unknown types)."""
    entry = _table()[version]["types"].get(type_name)
    if not entry or "children" not in entry:
        return ()
    return tuple(ChildSpec(n, t, lo, hi) for n, t, lo, hi in entry["children"])


@cache
def child_order(version: str, type_name: str) -> dict[str, int]:
    """Map child name → position for a complex type."""
    return {spec.name: i for i, spec in enumerate(children(version, type_name))}


def child_type(version: str, type_name: str, child: str) -> str | None:
    """The type name of *child* inside *type_name*, or None when the schema does not allow it."""
    for spec in children(version, type_name):
        if spec.name == child:
            return spec.type
    return None


def enumeration(version: str, type_name: str) -> tuple[str, ...]:
    """The allowed values of an enumerated simple type (empty when it is free text)."""
    entry = _table()[version]["types"].get(type_name) or {}
    return tuple(entry.get("enum", ()))


@cache
def value_types(version: str, type_name: str) -> tuple[str, ...]:
    """The XSD primitive types a text value of *type_name* may take (empty for complex or unknown types).

    ``("xs:date",)`` for a plain date, the members of a union (SEDA's ``DateType``: ``xs:date``,
    ``xs:dateTime``, ``xs:gYear``, ``xs:gYearMonth``...), ``("xs:string",)`` for text and codes.
    """
    entry = _table()[version]["types"].get(type_name) or {}
    if "simple" not in entry:
        return ()
    return tuple(entry.get("members") or (entry["simple"],))


def allows(version: str, type_name: str, child: str) -> bool:
    """Whether the schema of *version* allows *child* inside *type_name*."""
    return child in child_order(version, type_name)


# Types of the elements the engine edits most; the rest are reached through child_type().
CONTENT_TYPE = "DescriptiveMetadataContentType"
MANAGEMENT_TYPE = "ManagementType"
MANAGEMENT_METADATA_TYPE = "ManagementMetadataType"
TRANSFER_TYPE = "ArchiveTransferType"
BINARY_OBJECT_TYPE = "BinaryDataObjectType"
PHYSICAL_OBJECT_TYPE = "PhysicalDataObjectType"


RULE_GROUP: frozenset[str] = frozenset(
    {"Rule", "StartDate", "HoldEndDate", "HoldOwner", "HoldReassessingDate", "HoldReason", "PreventRearrangement"}
)
"""Children of a rule category that repeat together, one sequence per rule: (Rule, StartDate)*."""


def sort_key(version: str, type_name: str):
    """A key function ordering child elements as the schema requires; unknown ones go last.

    In rule categories (``AccessRuleType``...) the (Rule, StartDate...) sequence repeats, so its
    members share one rank and a stable sort keeps each rule with its dates.
    """
    order = child_order(version, type_name)
    last = len(order)
    if type_name.endswith("RuleType"):
        order = {name: (0 if name in RULE_GROUP else rank) for name, rank in order.items()}

    def key(element: Element) -> int:
        return order.get(element.tag, last)

    return key


def normalize(element: Element, version: str, type_name: str) -> None:
    """Reorder *element*'s children, recursively, into schema order (stable for repeats).

    Elements the schema does not know keep their relative order, after the known ones.
    """
    if not element.children:
        return
    element.children.sort(key=sort_key(version, type_name))
    for child in element.children:
        sub = child_type(version, type_name, child.tag)
        if sub is not None and child.children:
            normalize(child, version, sub)


def set_child(parent: Element, version: str, type_name: str, tag: str, text: str | None) -> Element | None:
    """Set the text of the single child *tag*, creating it in schema order; remove it for None."""
    existing = parent.find(tag)
    if text is None or text == "":
        if existing is not None:
            parent.remove(existing)
        return None
    if existing is not None:
        existing.text = text
        return existing
    return insert_ordered(parent, Element(tag, text), version, type_name)


def insert_ordered(parent: Element, child: Element, version: str, type_name: str) -> Element:
    """Insert *child* after the last sibling that comes before or with it in schema order."""
    key = sort_key(version, type_name)
    rank = key(child)
    position = 0
    for index, sibling in enumerate(parent.children or ()):
        if key(sibling) <= rank:
            position = index + 1
    return parent.insert(position, child)
