"""Write an ArchiveTransferReply as Vitam does, in the manifest's SEDA namespace, streamed to a file.

Layout follows Vitam's ATRs (``corpus/vitam-api/atr``): header copied from the manifest, the system ids
of groups, objects and units when the transfer is accepted, per-group ``LogBook`` events for object
failures, ``ReplyCode``, the ``Operation`` events (KO/WARNING only), ``MessageRequestIdentifier``,
``GrantDate`` and the agencies.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.sae.sandbox.manifest_info import ManifestInfo
from app.seda.ontology import namespace

DEFAULT_NS = namespace("2.1")


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


def write_atr(dest: Path, *, operation_id: str, reply_code: str, info: ManifestInfo | None,
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
                if info is not None and info.archival_agreement:
                    leaf("ArchivalAgreement", info.archival_agreement)
                lists = _el(ns, "CodeListVersions")
                for name, text in (info.code_lists if info is not None else []):
                    etree.SubElement(lists, f"{{{ns}}}{name}").text = text
                xf.write(lists)
                with xf.element(f"{{{ns}}}DataObjectPackage"):
                    if info is not None:
                        _write_groups(xf, ns, info, logbook, accepted)
                    with xf.element(f"{{{ns}}}DescriptiveMetadata"):
                        if accepted and info is not None:
                            for unit_id in info.units:
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
                leaf("MessageRequestIdentifier", info.message_identifier if info is not None else "Unknown")
                if not test:
                    leaf("GrantDate", now_iso())
                for name, value in (("ArchivalAgency", info.archival_agency if info else ""),
                                    ("TransferringAgency", info.transferring_agency if info else "")):
                    if value:
                        agency = _el(ns, name)
                        etree.SubElement(agency, f"{{{ns}}}Identifier").text = value
                        xf.write(agency)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_groups(xf, ns: str, info: ManifestInfo, logbook: dict[str, list[Event]], accepted: bool) -> None:
    by_group: dict[str, list] = {}
    for obj in info.objects:
        by_group.setdefault(obj.group or obj.id, []).append(obj)
    for group_id, objects in by_group.items():
        events = logbook.get(group_id, [])
        if not accepted and not events:
            continue
        group = _el(ns, "DataObjectGroup", group_id)
        group_system_id = vitam_guid("group")
        for obj in objects:
            item = etree.SubElement(group, f"{{{ns}}}{obj.kind}", id=obj.id)
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
