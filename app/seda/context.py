"""The transfer context: the message header and ManagementMetadata, read from a JSON file.

Two formats are accepted:

* Liasse's own, keyed by SEDA element names (documented in README.md, "Transfer context").
* Resip's export context (``ExportContext.config``), recognised by its ``archiveTransferGlobalMetadata``
  key, with its XML fragments for CodeListVersions and ManagementMetadata.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.transfer import Transfer
from app.seda import ontology
from app.seda.xmlconv import from_lxml, parse_fragment

CTX = "context"

HEADER_KEYS = ("Comment", "Date", "MessageIdentifier", "ArchivalAgreement", "CodeListVersions",
               "TransferRequestReplyIdentifier", "ArchivalAgency", "TransferringAgency", "RelatedTransferReference")
MANAGEMENT_KEYS = ("ArchivalProfile", "ServiceLevel", "AcquisitionInformation", "LegalStatus",
                   "OriginatingAgencyIdentifier", "SubmissionAgencyIdentifier", "Rules")
RULE_ENTRY_KEYS = ("Rule", "StartDate", "HoldEndDate", "HoldOwner", "HoldReassessingDate", "HoldReason",
                   "PreventRearrangement")
RULE_CATEGORY_KEYS = ("Rules", "PreventInheritance", "RefNonRuleId", "FinalAction", "ClassificationAudience",
                      "ClassificationLevel", "ClassificationOwner", "ClassificationReassessingDate",
                      "NeedReassessingAuthorization")

DEMO_CONTEXT: dict[str, Any] = {
    "MessageIdentifier": "SIP SEDA de test",
    "ArchivalAgreement": "ArchivalAgreement0",
    "ArchivalAgency": "Identifier4",
    "TransferringAgency": "Identifier5",
    "OriginatingAgencyIdentifier": "Service_producteur",
    "SubmissionAgencyIdentifier": "Service_versant",
}
"""Used when no context is given: the values of Vitam's demonstration environment (as Resip)."""


class ContextError(Exception):
    """The context file cannot be used; the message says what and where."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _error(text: str, **params: Any) -> ContextError:
    return ContextError(Message(CTX, text, params))


@dataclass
class TransferContext:
    """Header and ManagementMetadata elements, plus presentation options read with them."""

    header: Element = field(default_factory=lambda: Element("ArchiveTransfer"))
    management_metadata: Element = field(default_factory=lambda: Element("ManagementMetadata"))
    indent: bool = True
    source: str | None = None

    def apply(self, transfer: Transfer) -> None:
        """Replace the transfer's header and ManagementMetadata with copies of this context's."""
        transfer.header = self.header.copy()
        transfer.management_metadata = self.management_metadata.copy()


def load_context(path: str | Path, version: str) -> TransferContext:
    """Read a Liasse or Resip context file for a transfer in SEDA *version*."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("context", "Cannot read the context file {path}: {error}"),
                     path=str(path), error=exc.strerror or str(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f"{exc.lineno}:{exc.colno}" if isinstance(exc, json.JSONDecodeError) else "?"
        raise _error(QT_TRANSLATE_NOOP("context", "The context file {path} is not valid JSON (at line:column {where}): "
                                            "{error}"), path=str(path), where=where, error=str(exc)) from exc
    if not isinstance(data, dict):
        raise _error(QT_TRANSLATE_NOOP("context", "The context file {path} must hold a JSON object."), path=str(path))
    if "archiveTransferGlobalMetadata" in data:
        context = _from_resip(data, version, str(path))
    else:
        context = context_from_dict(data, version, str(path))
    context.source = str(path)
    return context


def context_from_dict(data: dict[str, Any], version: str, where: str = "context") -> TransferContext:
    """Build a context from Liasse's JSON structure (SEDA element names as keys)."""
    unknown = sorted(set(data) - set(HEADER_KEYS) - set(MANAGEMENT_KEYS) - {"$schema", "Indent"})
    if unknown:
        raise _error(QT_TRANSLATE_NOOP("context", "Unknown key(s) {keys} in {path}. Known keys: {known}."),
                     keys=", ".join(unknown), path=where, known=", ".join(HEADER_KEYS + MANAGEMENT_KEYS))
    context = TransferContext(indent=bool(data.get("Indent", True)))
    header, mm = context.header, context.management_metadata
    for comment in _as_list(data.get("Comment")):
        header.append(Element("Comment", _text(comment, "Comment", where)))
    for key in ("Date", "MessageIdentifier", "ArchivalAgreement", "TransferRequestReplyIdentifier"):
        if data.get(key) not in (None, ""):
            header.append(Element(key, _text(data[key], key, where)))
    for reference in _as_list(data.get("RelatedTransferReference")):
        header.append(Element("RelatedTransferReference", _text(reference, "RelatedTransferReference", where)))
    code_lists = data.get("CodeListVersions") or {}
    if not isinstance(code_lists, dict):
        raise _error(QT_TRANSLATE_NOOP("context", "{key} must be an object in {path}."), key="CodeListVersions",
                     path=where)
    header.append(Element("CodeListVersions",
                          children=[Element(k, _text(v, k, where)) for k, v in code_lists.items()] or None))
    for key in ("ArchivalAgency", "TransferringAgency"):
        if data.get(key) is not None:
            header.append(_agency(key, data[key], where))
    for key in MANAGEMENT_KEYS:
        if key != "Rules" and data.get(key) not in (None, ""):
            mm.append(Element(key, _text(data[key], key, where)))
    rules = data.get("Rules") or {}
    if not isinstance(rules, dict):
        raise _error(QT_TRANSLATE_NOOP("context", "{key} must be an object in {path}."), key="Rules", path=where)
    for category, spec in rules.items():
        mm.append(_rule_category(category, spec, version, where))
    return context


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any, key: str, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise _error(QT_TRANSLATE_NOOP("context", "{key} must be a text value in {path}."), key=key, path=where)


def _agency(key: str, value: Any, where: str) -> Element:
    if isinstance(value, str):
        return Element(key, children=[Element("Identifier", value)])
    if isinstance(value, dict) and isinstance(value.get("Identifier"), str):
        agency = Element(key, children=[Element("Identifier", value["Identifier"])])
        odm = value.get("OrganizationDescriptiveMetadata")
        if isinstance(odm, str) and odm.strip():
            agency.append(_fragment_element("OrganizationDescriptiveMetadata", odm, where))
        return agency
    raise _error(QT_TRANSLATE_NOOP("context",
                                   "{key} must be an identifier or an object with \"Identifier\" in {path}."),
                 key=key, path=where)


def _rule_category(category: str, spec: Any, version: str, where: str) -> Element:
    if category not in ontology.RULE_CATEGORIES:
        raise _error(QT_TRANSLATE_NOOP("context", "Unknown rule category {key} in {path}. Categories: {known}."),
                     key=category, path=where, known=", ".join(ontology.RULE_CATEGORIES))
    if not ontology.allows(version, ontology.MANAGEMENT_TYPE, category):
        raise _error(QT_TRANSLATE_NOOP("context", "{key} does not exist in SEDA {version} (it appeared in SEDA 2.2); "
                                            "choose SEDA 2.2 or later, or remove it from {path}."),
                     key=category, version=version, path=where)
    if not isinstance(spec, dict):
        raise _error(QT_TRANSLATE_NOOP("context", "{key} must be an object in {path}."), key=category, path=where)
    unknown = sorted(set(spec) - set(RULE_CATEGORY_KEYS))
    if unknown:
        raise _error(QT_TRANSLATE_NOOP("context", "Unknown key(s) {keys} in {category} in {path}."),
                     keys=", ".join(unknown), category=category, path=where)
    element = Element(category)
    for entry in _as_list(spec.get("Rules")):
        if isinstance(entry, str):
            entry = {"Rule": entry}
        if not isinstance(entry, dict) or "Rule" not in entry:
            raise _error(QT_TRANSLATE_NOOP("context", "Each rule of {category} needs a \"Rule\" identifier in {path}."),
                         category=category, path=where)
        for key in RULE_ENTRY_KEYS:
            if entry.get(key) not in (None, ""):
                element.append(Element(key, _text(entry[key], key, where)))
    if spec.get("PreventInheritance") is not None:
        element.append(Element("PreventInheritance", _text(bool(spec["PreventInheritance"]), "PreventInheritance",
                                                           where)))
    for ref in _as_list(spec.get("RefNonRuleId")):
        element.append(Element("RefNonRuleId", _text(ref, "RefNonRuleId", where)))
    for key in RULE_CATEGORY_KEYS[3:]:
        if spec.get(key) not in (None, ""):
            element.append(Element(key, _text(spec[key], key, where)))
    return element


def _fragment_element(tag: str, xml: str, where: str) -> Element:
    try:
        wrapper = parse_fragment(xml)
    except etree.XMLSyntaxError as exc:
        raise _error(QT_TRANSLATE_NOOP("context", "The XML of {key} in {path} is not well-formed: {error}"),
                     key=tag, path=where, error=str(exc)) from exc
    children = [c for c in wrapper if isinstance(c.tag, str)]
    if len(children) == 1 and children[0].tag.rsplit("}", 1)[-1] == tag:
        return from_lxml(children[0])
    converted = from_lxml(wrapper)
    return Element(tag, converted.text, None, converted.children)


def _from_resip(data: dict[str, Any], version: str, where: str) -> TransferContext:
    """Resip's ExportContext.config: global metadata and XML fragments."""
    meta = data.get("archiveTransferGlobalMetadata") or {}
    if not isinstance(meta, dict):
        raise _error(QT_TRANSLATE_NOOP("context", "{key} must be an object in {path}."),
                     key="archiveTransferGlobalMetadata", path=where)
    context = TransferContext(indent=bool(data.get("indented", True)))
    header = context.header
    if meta.get("comment"):
        header.append(Element("Comment", str(meta["comment"])))
    if meta.get("date") and not meta.get("nowFlag", True):
        header.append(Element("Date", str(meta["date"])))
    if meta.get("messageIdentifier"):
        header.append(Element("MessageIdentifier", str(meta["messageIdentifier"])))
    if meta.get("archivalAgreement"):
        header.append(Element("ArchivalAgreement", str(meta["archivalAgreement"])))
    if meta.get("codeListVersionsXmlData"):
        header.append(_fragment_element("CodeListVersions", meta["codeListVersionsXmlData"], where))
    else:
        header.append(Element("CodeListVersions"))
    if meta.get("transferRequestReplyIdentifier"):
        header.append(Element("TransferRequestReplyIdentifier", str(meta["transferRequestReplyIdentifier"])))
    for key, prefix in (("ArchivalAgency", "archivalAgency"), ("TransferringAgency", "transferringAgency")):
        identifier = meta.get(prefix + "Identifier")
        if identifier:
            header.append(_agency(key, {"Identifier": str(identifier), "OrganizationDescriptiveMetadata":
                                        meta.get(prefix + "OrganizationDescriptiveMetadataXmlData")}, where))
    if data.get("managementMetadataXmlData"):
        mm = _fragment_element("ManagementMetadata", data["managementMetadataXmlData"], where)
        for child in mm.children or ():
            if child.tag == "HoldRule" and not ontology.allows(version, ontology.MANAGEMENT_METADATA_TYPE, "HoldRule"):
                raise _error(QT_TRANSLATE_NOOP("context", "{key} does not exist in SEDA {version} (it appeared in SEDA "
                                                    "2.2); choose SEDA 2.2 or later, or remove it from {path}."),
                             key="HoldRule", version=version, path=where)
        context.management_metadata = mm
    return context


def complete_header(transfer: Transfer, now: str) -> list[str]:
    """Fill the header elements the schema requires but the context left out; return their names."""
    header = transfer.header
    version = transfer.version
    filled: list[str] = []
    defaults = {"Date": now, "MessageIdentifier": DEMO_CONTEXT["MessageIdentifier"]}
    for key, value in defaults.items():
        if not header.findtext(key):
            ontology.set_child(header, version, ontology.TRANSFER_TYPE, key, value)
            filled.append(key)
    if header.find("CodeListVersions") is None:
        ontology.insert_ordered(header, Element("CodeListVersions"), version, ontology.TRANSFER_TYPE)
    for key in ("ArchivalAgency", "TransferringAgency"):
        agency = header.find(key)
        if agency is None or not agency.findtext("Identifier"):
            if agency is not None:
                header.remove(agency)
            ontology.insert_ordered(header, Element(key, children=[Element("Identifier", DEMO_CONTEXT[key])]),
                                    version, ontology.TRANSFER_TYPE)
            filled.append(key)
    return filled


def demo_context(version: str) -> TransferContext:
    """The context used when the user gives none (Vitam demonstration values)."""
    return context_from_dict(dict(DEMO_CONTEXT), version, "default")
