"""Checks made on the facts of a manifest: references, ids, unit graph, object versions, Vitam rules.

libxml2 validates the schema but skips three things the SEDA schema means (IDREF targets, ids
typed through ``xsd:union``, a unit graph without cycles); the checks here complete it. The Vitam
pre-flight reproduces the ingest controls that reject an XSD-valid transfer.
"""

from __future__ import annotations

import re
from collections import Counter

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.digest import ALGORITHMS
from app.seda.names import is_vitam_name
from app.seda.referentials import Referentials
from app.seda.report import Severity
from app.seda.validation.facts import Facts, ObjectFacts, UnitFacts
from app.seda.validation.report import Finding

CTX = "validation"
BINARY_USAGES = ("BinaryMaster", "Dissemination", "Thumbnail", "TextContent")
PHYSICAL_USAGES = ("PhysicalMaster", "Dissemination")
_VERSION = re.compile(r"^([A-Za-z]+)(?:_(\d+))?$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MAX_VITAM_YEAR = 8999


def unit_path(unit_id: str | None, child: str | None = None) -> str | None:
    """An XPath-like path to a unit (and one of its elements)."""
    if not unit_id:
        return None
    return f"//ArchiveUnit[@id='{unit_id}']" + (f"/{child}" if child else "")


def object_path(obj: ObjectFacts, child: str | None = None) -> str:
    """An XPath-like path to a data object (and one of its elements)."""
    tag = "BinaryDataObject" if obj.kind == "binary" else "PhysicalDataObject"
    return f"//{tag}[@id='{obj.id}']" + (f"/{child}" if child else "")


class _Sink:
    """Builds findings with the unit's id and title filled in."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.findings: list[Finding] = []

    def add(self, layer: str, check: str, text: str, vitam_code: str | None = None, *,
            severity: Severity = Severity.ERROR, unit: str | None = None, obj: ObjectFacts | None = None,
            path: str | None = None, line: int | None = None, **params: object) -> None:
        title = self.facts.title_of(unit)
        if unit is not None:
            params.setdefault("unit", f"{unit} \u201c{title}\u201d" if title else unit)
        if obj is not None:
            params.setdefault("object", obj.id)
        self.findings.append(Finding(severity, layer, check, Message(CTX, text, params), unit, title,
                                     obj.id if obj else None, path, line, vitam_code))


# -- schema complements ------------------------------------------------------------------------
def graph_checks(facts: Facts) -> list[Finding]:
    """IDREF targets, ids declared twice through DataObjectGroupId, cycles in the unit graph."""
    sink = _Sink(facts)
    ids = facts.unit_ids | {o.id for o in facts.objects} | set(facts.groups)
    declared: Counter[str] = Counter()
    for group_id, line, object_id in facts.group_decls:
        declared[group_id] += 1
        if declared[group_id] > 1 or group_id in ids:
            sink.add("schema", "schema.duplicate-id", QT_TRANSLATE_NOOP(
                "validation", "Object {object}: the DataObjectGroupId {id} is already declared elsewhere in the "
                              "manifest; ids "
                     "must be unique. Declare the group once, then refer to it with DataObjectGroupReferenceId."),
                "CHECK_SEDA.NOT_XSD_VALID.KO", path=f"//*[@id='{object_id}']/DataObjectGroupId", line=line,
                object=object_id, id=group_id)
    all_ids = ids | set(declared)
    for kind, target, line, owner in facts.refs:
        if target and target not in all_ids:
            sink.add("schema", "schema.idref", QT_TRANSLATE_NOOP(
                "validation", "{element} refers to \u201c{target}\u201d, but no unit, object or group has this id. "
                              "Correct the "
                     "reference or add the missing element."), "CHECK_SEDA.NOT_XSD_VALID.KO", unit=owner,
                path=unit_path(owner, kind) or f"//{kind}", line=line, element=kind, target=target)
    cycle = find_cycle(facts)
    if cycle:
        first = facts.units.get(cycle[0])
        sink.add("schema", "schema.unit-cycle", QT_TRANSLATE_NOOP(
            "validation", "The archive units form a cycle ({cycle}): a unit cannot be its own ancestor. Remove one "
                          "of the "
                 "ArchiveUnitRefId links."), "CHECK_MANIFEST.CHECK_MANIFEST_LOOP.KO", unit=cycle[0],
            path=unit_path(cycle[0]), line=first.line if first else None, cycle=" \u2192 ".join(cycle))
    return sink.findings


def find_cycle(facts: Facts) -> list[str] | None:
    """The unit ids of one cycle of the unit graph (first unit repeated at the end), or None."""
    white, grey, black = 0, 1, 2
    color: dict[str, int] = {}
    units = facts.units
    for start in units:
        if color.get(start, white) != white:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        color[start] = grey
        while stack:
            node, index = stack[-1]
            children = units[node].children if node in units else []
            if index < len(children):
                stack[-1] = (node, index + 1)
                child = children[index]
                state = color.get(child, white)
                if state == grey:
                    return path[path.index(child):] + [child]
                if state == white and child in units:
                    color[child] = grey
                    stack.append((child, 0))
                    path.append(child)
            else:
                color[node] = black
                stack.pop()
                path.pop()
    return None


# -- package rules that the manifest alone shows ---------------------------------------------------
def object_checks(facts: Facts) -> list[Finding]:
    """DataObjectVersion form and usage, one version per usage in a group, no orphan object."""
    sink = _Sink(facts)
    seen: dict[tuple[str, str], ObjectFacts] = {}
    for obj in facts.objects:
        if obj.version is None:
            continue
        match = _VERSION.match(obj.version)
        usages = BINARY_USAGES if obj.kind == "binary" else PHYSICAL_USAGES
        if match and obj.kind == "binary" and match.group(1) == "PhysicalMaster":
            sink.add("package", "package.physical-master-on-binary", QT_TRANSLATE_NOOP(
                "validation", "Object {object} is a file but its DataObjectVersion is {version}; PhysicalMaster is "
                              "for physical "
                     "objects. Use BinaryMaster (or another file usage)."),
                "CHECK_MANIFEST_DATAOBJECT_VERSION.BDO_DATAOBJECTIONVERSION_PHYSICALMASTER.KO", obj=obj,
                path=object_path(obj, "DataObjectVersion"), line=obj.line, version=obj.version)
            continue
        if not match or match.group(1) not in usages:
            sink.add("package", "package.invalid-version", QT_TRANSLATE_NOOP(
                "validation", "Object {object}: the DataObjectVersion \u201c{version}\u201d is not of the form "
                              "Usage_n with a "
                     "known usage ({usages}). Correct it, e.g. {example}_1."),
                "CHECK_MANIFEST_DATAOBJECT_VERSION.INVALID_DATAOBJECTVERSION.KO", obj=obj,
                path=object_path(obj, "DataObjectVersion"), line=obj.line, version=obj.version,
                usages=", ".join(usages), example=usages[0])
            continue
        key = (obj.group or obj.id, f"{match.group(1)}_{match.group(2) or '1'}")
        if obj.group and key in seen:
            sink.add("package", "package.duplicate-version", QT_TRANSLATE_NOOP(
                "validation", "Objects {other} and {object} of group {group} have the same version {version}; number "
                              "them "
                     "(e.g. {usage}_1, {usage}_2) or split the group."),
                "CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST.KO", obj=obj, path=object_path(obj, "DataObjectVersion"),
                line=obj.line, other=seen[key].id, group=obj.group, version=key[1], usage=match.group(1))
        seen.setdefault(key, obj)
    referenced_groups = {u.group_ref for u in facts.units.values() if u.group_ref}
    referenced_objects = {r for u in facts.units.values() for r in u.object_refs}
    referenced_objects |= {target for kind, target, _line, owner in facts.refs if owner is not None}
    for obj in facts.objects:
        if obj.id in referenced_objects or (obj.group and (obj.group in referenced_groups
                                                           or obj.group in referenced_objects)):
            continue
        sink.add("package", "package.orphan-object", QT_TRANSLATE_NOOP(
            "validation", "Object {object} is referenced by no archive unit. Attach it to a unit "
                          "(DataObjectReference) or "
                 "remove it."), "CHECK_DATAOBJECTPACKAGE.CHECK_CONSISTENCY.KO", obj=obj, path=object_path(obj),
            line=obj.line)
    return sink.findings


# -- Vitam pre-flight ----------------------------------------------------------------------------
def _day(value: str) -> str | None:
    match = _DATE.match(value)
    return match.group(0) if match else None


def vitam_checks(facts: Facts, referentials: Referentials | None, *, check_uris: bool = True) -> list[Finding]:
    """The controls of a Vitam ingest that an XSD-valid transfer can still fail."""
    sink = _Sink(facts)
    header = facts.header
    agreement = header.get("ArchivalAgreement", ("", 0))
    if not agreement[0]:
        sink.add("vitam", "vitam.no-archival-agreement", QT_TRANSLATE_NOOP(
            "validation", "The transfer has no ArchivalAgreement; Vitam needs the identifier of the ingest contract. "
                          "Fill it "
                 "in the transfer context."), "CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_NOT_IN_MANIFEST.KO",
            path="/ArchiveTransfer/ArchivalAgreement", line=agreement[1] or None)
    origin = header.get("OriginatingAgencyIdentifier", ("", 0))
    agencies_known = referentials is not None and bool(referentials.agencies)
    if not origin[0]:
        # An error once the agencies referential says the target is a Vitam; a warning otherwise, since the
        # official schema does not require it.
        sink.add("vitam", "vitam.no-originating-agency", QT_TRANSLATE_NOOP(
            "validation", "The transfer has no OriginatingAgencyIdentifier in ManagementMetadata; Vitam requires the "
                 "originating agency. Fill it in the transfer context."),
            "CHECK_HEADER.CHECK_AGENT.EMPTY_REQUIRED_FIELD.KO",
            path="/ArchiveTransfer/DataObjectPackage/ManagementMetadata/OriginatingAgencyIdentifier",
            line=origin[1] or None, severity=Severity.ERROR if agencies_known else Severity.WARNING)
    if agencies_known:
        for key in ("OriginatingAgencyIdentifier", "SubmissionAgencyIdentifier"):
            value, line = header.get(key, ("", 0))
            if value and value not in referentials.agencies:
                sink.add("vitam", "vitam.unknown-agency", QT_TRANSLATE_NOOP(
                    "validation", "The {element} \u201c{agency}\u201d is not in the agencies referential. Use a "
                                  "known agency or "
                         "have it added to the referential."), "CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO",
                    path=f"/ArchiveTransfer/DataObjectPackage/ManagementMetadata/{key}", line=line or None,
                    element=key, agency=value)
    for unit in facts.units.values():
        _unit_checks(sink, unit)
    for obj in facts.objects:
        _object_vitam_checks(sink, obj, referentials, check_uris)
    _rule_checks(sink, facts, referentials)
    return sink.findings


def _unit_checks(sink: _Sink, unit: UnitFacts) -> None:
    if not unit.has_content:
        return  # a reference to another unit (ArchiveUnitRefId) has no Content of its own
    if unit.title is None:
        sink.add("vitam", "vitam.empty-title", QT_TRANSLATE_NOOP(
            "validation", "Unit {unit} has no Title, or an empty one; Vitam requires a title. Give the unit a title."),
            "CHECK_UNIT_SCHEMA.INVALID_UNIT.KO", unit=unit.id, path=unit_path(unit.id, "Content/Title"),
            line=unit.line)
    if not unit.level:
        sink.add("vitam", "vitam.no-description-level", QT_TRANSLATE_NOOP(
            "validation", "Unit {unit} has no DescriptionLevel; Vitam requires one (Fonds, Series, File, Item...)."),
            "CHECK_UNIT_SCHEMA.EMPTY_REQUIRED_FIELD.KO", unit=unit.id,
            path=unit_path(unit.id, "Content/DescriptionLevel"), line=unit.line)
    for value, line in (d for d in (unit.start_date, unit.end_date) if d):
        _year_check(sink, value, line, unit.id, "Content")
    if unit.start_date and unit.end_date:
        start, end = _day(unit.start_date[0]), _day(unit.end_date[0])
        if start and end and end < start:
            sink.add("vitam", "vitam.end-before-start", QT_TRANSLATE_NOOP(
                "validation", "Unit {unit}: the EndDate {end} is before the StartDate {start}. Correct one of the "
                              "dates."),
                "CHECK_UNIT_SCHEMA.CONSISTENCY.KO", unit=unit.id, path=unit_path(unit.id, "Content/EndDate"),
                line=unit.end_date[1], start=unit.start_date[0], end=unit.end_date[0])


def _year_check(sink: _Sink, value: str, line: int, unit: str | None, where: str) -> None:
    match = _DATE.match(value)
    if match and int(match.group(1)) > MAX_VITAM_YEAR:
        sink.add("vitam", "vitam.date-out-of-range", QT_TRANSLATE_NOOP(
            "validation", "The date {date} ({element}) is beyond the year {max}, which Vitam refuses. Correct the "
                          "date."),
            "CHECK_UNIT_SCHEMA.INVALID_UNIT.KO", unit=unit, path=unit_path(unit, where) or where, line=line,
            date=value, element=where, max=MAX_VITAM_YEAR)


def _object_vitam_checks(sink: _Sink, obj: ObjectFacts, referentials: Referentials | None, check_uris: bool) -> None:
    if obj.kind != "binary":
        return
    if check_uris and obj.uri and not is_vitam_name(obj.uri):
        sink.add("vitam", "vitam.uri-name", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the Uri \u201c{uri}\u201d has characters Vitam refuses (only letters, "
                          "digits, - _ @ "
                 "and dots between them in each segment). Rename the file in the package and its Uri."),
            "STP_UPLOAD_SIP.KO", obj=obj, path=object_path(obj, "Uri"), line=obj.line, uri=obj.uri)
    if obj.algorithm is not None and obj.algorithm in (a.lower() for a in ALGORITHMS.values()):
        sink.add("vitam", "vitam.digest-algorithm-case", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: write the digest algorithm \u201c{algorithm}\u201d in capitals "
                          "({expected}), as "
                 "Vitam names it."), "CHECK_MANIFEST_DATAOBJECT_VERSION.INVALIDE_ALGO.KO", severity=Severity.WARNING,
            obj=obj, path=object_path(obj, "MessageDigest"), line=obj.line, algorithm=obj.algorithm,
            expected=obj.algorithm.upper())
    elif obj.algorithm is not None and obj.algorithm not in ALGORITHMS.values():
        sink.add("vitam", "vitam.digest-algorithm", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the digest algorithm \u201c{algorithm}\u201d is not one Vitam accepts "
                          "({known})."),
            "CHECK_MANIFEST_DATAOBJECT_VERSION.INVALIDE_ALGO.KO", obj=obj, path=object_path(obj, "MessageDigest"),
            line=obj.line, algorithm=obj.algorithm, known=", ".join(ALGORITHMS.values()))
    if obj.digest and not _HEX.match(obj.digest):
        sink.add("vitam", "vitam.digest-not-hex", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the MessageDigest is not hexadecimal (base64?); Vitam compares "
                          "hexadecimal digests. "
                 "Write the digest in hexadecimal."), "CHECK_DIGEST.INVALID.KO", obj=obj,
            path=object_path(obj, "MessageDigest"), line=obj.line)
    if referentials is not None and referentials.formats and obj.format_id \
            and obj.format_id not in referentials.formats:
        sink.add("vitam", "vitam.uncharted-format", QT_TRANSLATE_NOOP(
            "validation", "Object {object}: the format {format} is not in the formats referential."),
            "OG_OBJECTS_FORMAT_CHECK.UNCHARTED.KO", obj=obj, path=object_path(obj, "FormatIdentification/FormatId"),
            line=obj.line, format=obj.format_id)


def _rule_checks(sink: _Sink, facts: Facts, referentials: Referentials | None) -> None:
    rules = referentials.rules if referentials is not None else {}
    for ref in facts.rules:
        element = f"Management/{ref.category}" if ref.unit else f"ManagementMetadata/{ref.category}"
        path = unit_path(ref.unit, element) or f"//{element}"
        if ref.start_date:
            _year_check(sink, ref.start_date[0], ref.start_date[1], ref.unit, f"{element}/StartDate")
        if ref.start_date and ref.hold_end_date:
            start, end = _day(ref.start_date[0]), _day(ref.hold_end_date[0])
            if start and end and end < start:
                sink.add("vitam", "vitam.hold-dates", QT_TRANSLATE_NOOP(
                    "validation", "The hold rule {rule} ends ({end}) before it starts ({start}). Correct the "
                                  "HoldEndDate."),
                    None, unit=ref.unit, path=path + "/HoldEndDate", line=ref.hold_end_date[1], rule=ref.rule,
                    start=ref.start_date[0], end=ref.hold_end_date[0])
        if not rules or not ref.rule:
            continue
        known = rules.get(ref.rule)
        if known is None:
            sink.add("vitam", "vitam.unknown-rule", QT_TRANSLATE_NOOP(
                "validation", "The rule {rule} ({category}) is not in the rules referential. Use a rule of the "
                              "referential."),
                "UNITS_RULES_COMPUTE.UNKNOWN.KO", unit=ref.unit, path=path, line=ref.line, rule=ref.rule,
                category=ref.category)
        elif known.type != ref.category:
            sink.add("vitam", "vitam.rule-category", QT_TRANSLATE_NOOP(
                "validation", "The rule {rule} is a {actual} in the rules referential but is used as a {category}"
                     "{excluded}. Use a rule of the right category."),
                "UNITS_RULES_COMPUTE.REF_INCONSISTENCY.KO" if ref.prevent else "UNITS_RULES_COMPUTE.CONSISTENCY.KO",
                unit=ref.unit, path=path + ("/RefNonRuleId" if ref.prevent else "/Rule"), line=ref.line,
                rule=ref.rule, actual=known.type, category=ref.category,
                excluded=" (RefNonRuleId)" if ref.prevent else "")
