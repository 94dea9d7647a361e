"""Read an ArchiveTransferReply (ATR) from Vitam or the sandbox into a summary keyed by manifest ids.

The ATR echoes the manifest's ids (``ArchiveUnit/@id``, ``DataObjectGroup/@id``, ``BinaryDataObject/@id``)
and gives each one the system id Vitam assigned (``Content/SystemId``, ``DataObjectSystemId``). KO and
WARNING replies list the failed events in ``Operation/Event`` (and per object group in ``LogBook``).
Parsing is streamed (``iterparse``, elements cleared as they are read) and safe (no entities, no network).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message

CTX = "sae"

OUTCOMES = ("OK", "WARNING", "KO", "FATAL")


class AtrError(Exception):
    """The reply cannot be read as an ArchiveTransferReply."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass
class AtrEvent:
    """One ``Event`` of the reply's Operation (or of an object group's LogBook)."""

    type_code: str = ""
    type: str = ""
    date: str = ""
    outcome: str = ""
    detail: str = ""
    message: str = ""
    detail_data: str = ""
    object_id: str = ""
    """For LogBook events: the manifest id of the object group (or ``DataObjectReferenceId``)."""


@dataclass
class AtrSummary:
    """What a user needs from a reply: the outcome, the failed events, and the ids given by Vitam."""

    reply_code: str = ""
    operation_id: str = ""
    message_request_identifier: str = ""
    archival_agreement: str = ""
    date: str = ""
    grant_date: str = ""
    test: bool = False
    events: list[AtrEvent] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)
    """Manifest ArchiveUnit id -> Vitam system id."""
    objects: dict[str, str] = field(default_factory=dict)
    """Manifest data object id -> Vitam system id."""
    groups: dict[str, str] = field(default_factory=dict)
    """Manifest DataObjectGroup id -> Vitam system id."""

    @property
    def outcome(self) -> str:
        """``OK``, ``WARNING``, ``KO`` or ``FATAL`` (a ``Test `` prefix from BLANK_TEST removed)."""
        code = self.reply_code.removeprefix("Test ").strip().upper()
        return code if code in OUTCOMES else "FATAL"

    @property
    def accepted(self) -> bool:
        """True when the archives were taken in (OK or WARNING)."""
        return self.outcome in ("OK", "WARNING")

    def failures(self) -> list[AtrEvent]:
        """The most precise KO/FATAL/WARNING events: those whose detail is not just a step summary."""
        bad = [e for e in self.events if e.outcome in ("KO", "FATAL", "WARNING")]
        precise = [e for e in bad if not e.type_code.startswith("STP_")]
        # Operation events first, then the per-object LogBook events.
        return sorted(precise or bad, key=lambda e: bool(e.object_id))


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_EVENT_FIELDS = {"EventTypeCode": "type_code", "EventType": "type", "EventDateTime": "date", "Outcome": "outcome",
                 "OutcomeDetail": "detail", "OutcomeDetailMessage": "message", "EventDetailData": "detail_data",
                 "DataObjectReferenceId": "object_id"}


def parse_atr(source: str | Path | IO[bytes]) -> AtrSummary:
    """Parse an ATR file or binary stream; raise :class:`AtrError` if it is not an ArchiveTransferReply."""
    summary = AtrSummary()
    stack: list[str] = []
    group_id = ""
    object_id = ""
    unit_id = ""
    event: AtrEvent | None = None
    try:
        context = etree.iterparse(source if not isinstance(source, Path) else str(source), events=("start", "end"),
                                  resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        for action, element in context:
            name = _local(element.tag)
            if action == "start":
                if not stack and name != "ArchiveTransferReply":
                    raise AtrError(Message(CTX, QT_TRANSLATE_NOOP(
                        "sae", "The reply is not an ArchiveTransferReply (root element {name})."), {"name": name}))
                stack.append(name)
                if name == "DataObjectGroup":
                    group_id = element.get("id", "")
                elif name in ("BinaryDataObject", "PhysicalDataObject"):
                    object_id = element.get("id", "")
                elif name == "ArchiveUnit":
                    unit_id = element.get("id", "")
                elif name == "Event":
                    event = AtrEvent(object_id=group_id if "LogBook" in stack else "")
                continue
            stack.pop()
            text = (element.text or "").strip()
            parent = stack[-1] if stack else ""
            if event is not None and parent == "Event" and name in _EVENT_FIELDS:
                setattr(event, _EVENT_FIELDS[name], text)
            elif name == "Event" and event is not None:
                summary.events.append(event)
                event = None
            elif name == "DataObjectSystemId" and object_id:
                summary.objects[object_id] = text
            elif name == "DataObjectGroupSystemId" and group_id:
                summary.groups.setdefault(group_id, text)
            elif name == "SystemId" and parent == "Content" and unit_id:
                summary.units[unit_id] = text
            elif len(stack) == 1:
                _header_field(summary, name, text)
            if name in ("BinaryDataObject", "PhysicalDataObject"):
                object_id = ""
            elif name == "DataObjectGroup":
                group_id = ""
            if name in ("ArchiveUnit", "DataObjectGroup", "Event") or len(stack) <= 2:
                element.clear()
    except etree.XMLSyntaxError as exc:
        raise AtrError(Message(CTX, QT_TRANSLATE_NOOP("sae", "The reply is not well-formed XML: {error}"),
                               {"error": str(exc)})) from exc
    if not summary.reply_code:
        raise AtrError(Message(CTX, QT_TRANSLATE_NOOP("sae", "The reply has no ReplyCode.")))
    summary.test = summary.reply_code.startswith("Test ")
    return summary


def parse_atr_bytes(data: bytes) -> AtrSummary:
    """Parse an ATR held in memory (small synchronous replies such as the 503 ATR KO)."""
    import io

    return parse_atr(io.BytesIO(data))


def _header_field(summary: AtrSummary, name: str, text: str) -> None:
    if name == "ReplyCode":
        summary.reply_code = text
    elif name == "MessageIdentifier":
        summary.operation_id = text
    elif name == "MessageRequestIdentifier":
        summary.message_request_identifier = text
    elif name == "ArchivalAgreement":
        summary.archival_agreement = text
    elif name == "Date":
        summary.date = text
    elif name == "GrantDate":
        summary.grant_date = text
