"""Write an ArchiveTransferReply as Vitam does, in the manifest's SEDA namespace, streamed to a file.

Layout follows Vitam's ATRs (``corpus/vitam-api/atr``): header copied from the manifest, the system ids
of groups, objects and units when the transfer is accepted, per-group ``LogBook`` events for object
failures, ``ReplyCode``, the ``Operation`` events (KO/WARNING only), ``MessageRequestIdentifier``,
``GrantDate`` and the agencies.

What the reply copies from the manifest comes from the validation engine's streamed pass
(:func:`app.seda.validation.facts.collect`: header values, unit and object ids, groups), plus the
three header parts the engine does not collect (``CodeListVersions``, the ArchivalAgency and
TransferringAgency identifiers), read by a tree-less parser target in constant memory.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from app.seda.ontology import namespace, version_of_namespace
from app.seda.validation.facts import Facts, NotSeda, collect, local, read_root

DEFAULT_NS = namespace("2.1")
_ECHOED_AGENCIES = ("ArchivalAgency", "TransferringAgency")


def vitam_guid(kind: str) -> str:
    """A random id shaped like a Vitam GUID (36 lowercase base32 chars; prefix by kind as in the examples)."""
    prefix = {"operation": "aeeaaaaaa", "unit": "aeaqaaaaa", "group": "aebaaaaaa", "object": "aeaaaaaaa"}[kind]
    body = base64.b32encode(secrets.token_bytes(20)).decode().lower().rstrip("=")
    return (prefix + body)[:36]


def now_iso() -> str:
    """Current time as Vitam writes it (milliseconds, UTC offset)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class Event:
    """One ATR event: code, outcome and message; ``object_id``/``group_id`` place it in a group LogBook."""

    type_code: str
    label: str
    outcome: str
    detail: str
    message: str
    detail_data: dict | None = None
    group_id: str = ""
    object_id: str = ""
    date: str = field(default_factory=now_iso)


@dataclass
class ReplyTo:
    """What an ATR copies from the manifest it answers."""

    namespace: str
    facts: Facts
    code_lists: list[tuple[str, str]] = field(default_factory=list)
    agencies: dict[str, str] = field(default_factory=dict)
    """``ArchivalAgency`` / ``TransferringAgency`` -> Identifier."""

    @property
    def version(self) -> str | None:
        """The SEDA version of the manifest (None for a namespace that is not SEDA 2.1-2.3)."""
        return version_of_namespace(self.namespace) if self.namespace else None

    def header(self, name: str) -> str:
        """A header value collected by the engine (ArchivalAgreement, MessageIdentifier...), or ''."""
        return self.facts.header.get(name, ("", 0))[0]

    def unit_ids(self) -> list[str]:
        """Unit ids in document order (the engine records units when they end, children first)."""
        return [u.id for u in sorted(self.facts.units.values(), key=lambda u: u.line) if u.id]


class _HeaderEcho:
    """lxml parser target: keeps CodeListVersions and the agency identifiers; builds no tree."""

    def __init__(self) -> None:
        self.path: list[str] = []
        self.text: list[str] = []
        self.code_lists: list[tuple[str, str]] = []
        self.agencies: dict[str, str] = {}

    def start(self, tag: str, attrib: object) -> None:  # noqa: D102 - lxml target API
        self.path.append(local(tag))
        self.text = []

    def data(self, text: str) -> None:  # noqa: D102
        if len(self.path) == 3:
            self.text.append(text)

    def end(self, tag: str) -> None:  # noqa: D102
        path = self.path
        if len(path) == 3 and path[1] == "CodeListVersions":
            self.code_lists.append((path[2], "".join(self.text).strip()))
        elif len(path) == 3 and path[1] in _ECHOED_AGENCIES and path[2] == "Identifier":
            self.agencies[path[1]] = "".join(self.text).strip()
        path.pop()

    def close(self) -> _HeaderEcho:  # noqa: D102
        return self


def read_reply_to(open_manifest: Callable[[], IO[bytes]]) -> ReplyTo | None:
    """Read what the ATR copies from the manifest; None when it is not well-formed XML (or has a DTD)."""
    try:
        with open_manifest() as stream:
            ns = read_root(stream)
        with open_manifest() as stream:
            facts = collect(stream, None)
        echo = _HeaderEcho()
        parser = etree.XMLParser(target=echo, resolve_entities=False, load_dtd=False, no_network=True,
                                 huge_tree=True)
        with open_manifest() as stream:
            while chunk := stream.read(1 << 20):
                parser.feed(chunk)
        parser.close()
    except (etree.XMLSyntaxError, NotSeda):
        return None
    return ReplyTo(ns, facts, echo.code_lists, echo.agencies)


def write_atr(dest: Path, *, operation_id: str, reply_code: str, info: ReplyTo | None,
              events: list[Event], test: bool = False) -> None:
    """Write the ATR to *dest* atomically. *info* is None when the manifest could not be read."""
    ns = info.namespace if info is not None and info.version else DEFAULT_NS
    accepted = reply_code in ("OK", "WARNING")
    logbook: dict[str, list[Event]] = {}
    for event in events:
        if event.group_id:
            logbook.setdefault(event.group_id, []).append(event)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".atr.", suffix=".xml")
    os.close(fd)
    try:
        with etree.xmlfile(tmp, encoding="UTF-8") as xf:
            xf.write_declaration()
            with xf.element(f"{{{ns}}}ArchiveTransferReply", nsmap={None: ns}):
                def leaf(name: str, text: str | None) -> None:
                    el = _el(ns, name)
                    el.text = text
                    xf.write(el)
                leaf("Date", now_iso())
                leaf("MessageIdentifier", operation_id)
                if info is not None and info.header("ArchivalAgreement"):
                    leaf("ArchivalAgreement", info.header("ArchivalAgreement"))
                lists = _el(ns, "CodeListVersions")
                for name, text in (info.code_lists if info is not None else []):
                    etree.SubElement(lists, f"{{{ns}}}{name}").text = text
                xf.write(lists)
                with xf.element(f"{{{ns}}}DataObjectPackage"):
                    if info is not None:
                        _write_groups(xf, ns, info, logbook, accepted)
                    with xf.element(f"{{{ns}}}DescriptiveMetadata"):
                        if accepted and info is not None:
                            for unit_id in info.unit_ids():
                                unit = _el(ns, "ArchiveUnit", unit_id)
                                content = etree.SubElement(unit, f"{{{ns}}}Content")
                                etree.SubElement(content, f"{{{ns}}}SystemId").text = vitam_guid("unit")
                                xf.write(unit)
                    xf.write(_el(ns, "ManagementMetadata"))
                leaf("ReplyCode", f"Test {reply_code}" if test else reply_code)
                operation = [e for e in events if not e.group_id]
                if operation:
                    with xf.element(f"{{{ns}}}Operation"):
                        for event in operation:
                            xf.write(_event(ns, event))
                leaf("MessageRequestIdentifier", (info.header("MessageIdentifier") if info is not None else "")
                     or "Unknown")
                if not test:
                    leaf("GrantDate", now_iso())
                for name in _ECHOED_AGENCIES:
                    value = info.agencies.get(name, "") if info is not None else ""
                    if value:
                        agency = _el(ns, name)
                        etree.SubElement(agency, f"{{{ns}}}Identifier").text = value
                        xf.write(agency)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_groups(xf, ns: str, info: ReplyTo, logbook: dict[str, list[Event]], accepted: bool) -> None:
    by_group: dict[str, list] = {}
    for obj in info.facts.objects:
        by_group.setdefault(obj.group or obj.id, []).append(obj)
    for group_id, objects in by_group.items():
        events = logbook.get(group_id, [])
        if not accepted and not events:
            continue
        group = _el(ns, "DataObjectGroup", group_id)
        group_system_id = vitam_guid("group")
        for obj in objects:
            kind = "BinaryDataObject" if obj.kind == "binary" else "PhysicalDataObject"
            item = etree.SubElement(group, f"{{{ns}}}{kind}", id=obj.id)
            if accepted:
                etree.SubElement(item, f"{{{ns}}}DataObjectSystemId").text = vitam_guid("object")
                etree.SubElement(item, f"{{{ns}}}DataObjectGroupSystemId").text = group_system_id
            etree.SubElement(item, f"{{{ns}}}DataObjectVersion").text = obj.version or "BinaryMaster"
        if events:
            book = etree.SubElement(group, f"{{{ns}}}LogBook")
            for event in events:
                book.append(_event(ns, event))
        xf.write(group)


def _el(ns: str, name: str, id: str | None = None) -> etree._Element:
    """A SEDA element declaring the default namespace (no ``ns0:`` prefixes in the streamed output)."""
    el = etree.Element(f"{{{ns}}}{name}", nsmap={None: ns})
    if id is not None:
        el.set("id", id)
    return el


def _event(ns: str, event: Event) -> etree._Element:
    el = _el(ns, "Event")
    for name, value in (("EventTypeCode", event.type_code), ("EventType", event.label),
                        ("EventDateTime", event.date), ("Outcome", event.outcome),
                        ("OutcomeDetail", event.detail), ("OutcomeDetailMessage", event.message)):
        etree.SubElement(el, f"{{{ns}}}{name}").text = value
    if event.detail_data:
        etree.SubElement(el, f"{{{ns}}}EventDetailData").text = json.dumps(event.detail_data, ensure_ascii=False)
    if event.object_id:
        etree.SubElement(el, f"{{{ns}}}DataObjectReferenceId").text = event.object_id
    return el
