"""What the sandbox needs from a manifest, read in one streamed pass: header, ids, objects, rule ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from app.seda.ontology import version_of_namespace

_RULE_CATEGORIES = {"StorageRule", "AppraisalRule", "AccessRule", "DisseminationRule", "ReuseRule",
                    "ClassificationRule", "HoldRule"}


@dataclass
class ObjectInfo:
    """One data object declared in the manifest."""

    id: str
    group: str
    kind: str
    version: str = ""
    uri: str = ""
    algorithm: str = ""
    digest: str = ""
    size: str = ""


@dataclass
class ManifestInfo:
    """Header values and ids of a manifest, as echoed by an ATR."""

    namespace: str = ""
    version: str | None = None
    message_identifier: str = ""
    archival_agreement: str | None = None
    code_lists: list[tuple[str, str]] = field(default_factory=list)
    archival_agency: str = ""
    transferring_agency: str = ""
    originating_agency: str | None = None
    submission_agency: str | None = None
    archival_profile: str | None = None
    units: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    objects: list[ObjectInfo] = field(default_factory=list)
    rules: list[tuple[str, str, str]] = field(default_factory=list)
    """(unit id, rule category, rule id) for every ``Rule`` under a unit's Management."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_manifest_info(stream: IO[bytes]) -> ManifestInfo:
    """Read *stream* (the manifest) with iterparse; raise ``etree.XMLSyntaxError`` if not well-formed."""
    info = ManifestInfo()
    stack: list[str] = []
    units: list[str] = []
    group = ""
    obj: ObjectInfo | None = None
    for action, element in etree.iterparse(stream, events=("start", "end"), resolve_entities=False,
                                           no_network=True, load_dtd=False, huge_tree=True):
        name = _local(element.tag)
        if action == "start":
            if not stack:
                tag = element.tag if isinstance(element.tag, str) else ""
                info.namespace = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
                info.version = version_of_namespace(info.namespace) if info.namespace else None
            stack.append(name)
            if name == "ArchiveUnit" and element.get("id"):
                units.append(element.get("id", ""))
                info.units.append(units[-1])
            elif name == "DataObjectGroup" and element.get("id"):
                group = element.get("id", "")
                info.groups.append(group)
            elif name in ("BinaryDataObject", "PhysicalDataObject"):
                obj = ObjectInfo(element.get("id", ""), group, name)
            elif name == "MessageDigest" and obj is not None:
                obj.algorithm = element.get("algorithm", "")
            continue
        stack.pop()
        text = (element.text or "").strip()
        parent = stack[-1] if stack else ""
        depth = len(stack)
        if obj is not None and parent == obj.kind:
            if name == "DataObjectVersion":
                obj.version = text
            elif name == "Uri":
                obj.uri = text
            elif name == "MessageDigest":
                obj.digest = text
            elif name == "Size":
                obj.size = text
            elif name in ("DataObjectGroupId", "DataObjectGroupReferenceId") and not obj.group:
                obj.group = text
        if name in ("BinaryDataObject", "PhysicalDataObject") and obj is not None:
            info.objects.append(obj)
            obj = None
        elif name == "DataObjectGroup":
            group = ""
        elif name == "ArchiveUnit" and element.get("id") and units:
            units.pop()
        elif name == "Rule" and parent in _RULE_CATEGORIES and units and "Management" in stack:
            info.rules.append((units[-1], parent, text))
        elif depth == 1:
            _header(info, name, text)
        elif depth == 2 and stack[-1] == "CodeListVersions":
            info.code_lists.append((name, text))
        elif depth == 2 and stack[-1] in ("ArchivalAgency", "TransferringAgency") and name == "Identifier":
            setattr(info, "archival_agency" if stack[-1] == "ArchivalAgency" else "transferring_agency", text)
        elif depth == 3 and stack[-1] == "ManagementMetadata" and stack[-2] == "DataObjectPackage":
            _management(info, name, text)
        if name in ("ArchiveUnit", "DataObjectGroup", "BinaryDataObject", "PhysicalDataObject") or depth <= 2:
            element.clear(keep_tail=False)  # ids are recorded: bounded memory on huge manifests
    return info


def _header(info: ManifestInfo, name: str, text: str) -> None:
    if name == "MessageIdentifier":
        info.message_identifier = text
    elif name == "ArchivalAgreement":
        info.archival_agreement = text


def _management(info: ManifestInfo, name: str, text: str) -> None:
    if name == "OriginatingAgencyIdentifier":
        info.originating_agency = text
    elif name == "SubmissionAgencyIdentifier":
        info.submission_agency = text
    elif name == "ArchivalProfile":
        info.archival_profile = text
