"""Validation of a transfer before it is sent: package, official schema, archive profile, Vitam rules.

``validate(target)`` takes a SIP zip (read in place, never extracted), a bare manifest, or a folder
being prepared (scanned in memory; the manifest the engine would write is checked). The manifest is
read once, in streaming mode, by libxml2 with the official XSD of its version while the facts the
other checks need are collected (see :mod:`.facts`). Findings come in the order a user should fix
them: package structure, XML and schema, package contents, profile, then Vitam pre-flight.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import BinaryDataObject, Transfer
from app.seda.ontology import version_of_namespace
from app.seda.profiles import Profile, ProfileError, ProfileViolation, load_profile
from app.seda.referentials import Referentials
from app.seda.report import Report, Severity
from app.seda.schemas import SchemaError, default_store, load_schema
from app.seda.validation import checks, formats, package
from app.seda.validation.facts import Facts, NotSeda, Unusual, collect, collect_streamed, local, read_root
from app.seda.validation.report import VITAM_ONLY, Finding, ValidationReport
from app.seda.validation.xsd_messages import explain, without_period

__all__ = ["Finding", "ValidationReport", "ValidationError", "validate", "validate_transfer_manifest",
           "build_validator", "Referentials", "ProfileError", "Severity"]

CTX = "validation"
MAX_TREE_BYTES = 512 * 1024 * 1024
"""Above this, a schema-invalid manifest reports only its first XSD error (the full list needs a tree)."""
MAX_SCHEMA_FINDINGS = 200
_ELEMENT = re.compile(r"Element '(?:\{([^}]*)\})?([^']+)'")
_METADATA_CHOICE = "Expected is one of ( Text, Document, Image, Audio, Video )"
"""BinaryDataObject/Metadata: Vitam opens this extension point (OtherCoreTechnicalMetadataAbstract) to any element."""
_OBJECT_TAGS = ("BinaryDataObject", "PhysicalDataObject", "DataObjectGroup")
_VITAM_ONLY_ELEMENTS = {"UpdateOperation", "DataObjectGroupExistingReferenceId", "ToDelete", "SystemId",
                        "ArchiveUnitIdentifierKey"}
_BACKPORTED = {
    "2.1": {"HoldRule", "SigningInformation", "PersistentIdentifier", "DataObjectProfile", "TextContent",
            "DateLitteral", "OriginatingSystemIdReplyTo", "LinkingAgentIdentifier", "HoldRuleCodeListVersion",
            "DataObjectUse", "DataObjectNumber", "Agent"},
    "2.2": {"SigningInformation", "PersistentIdentifier", "DataObjectUse", "DataObjectNumber"},
    "2.3": set(),
}


class ValidationError(Exception):
    """The target cannot be validated at all (missing, unreadable); distinct from an invalid transfer."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _msg(text: str, **params: object) -> Message:
    return Message(CTX, text, params)


def _finding(layer: str, check: str, text: str, vitam_code: str | None = None, *, line: int | None = None,
             path: str | None = None, severity: Severity = Severity.ERROR, facts: Facts | None = None,
             unit: tuple[str, str | None] | None = None, **params: object) -> Finding:
    """A finding of this module; its unit is *unit* (id, title), or the one *facts* places at *line*."""
    if unit is None and facts is not None:
        spanned = facts.unit_at(line)
        unit = (spanned.id, spanned.title) if spanned is not None else None
    params.setdefault("line", line or "?")
    return Finding(severity, layer, check, _msg(text, **params), unit[0] if unit else None,
                   unit[1] if unit else None, None, path, line, vitam_code)


class _TreeUnits:
    """Names the unit of a message that a validator gave on a parsed manifest.

    libxml2 gives each message the element's position (``/*/*[6]/*[3]/*/*[1]``) as well as its line;
    the position names the element even in a manifest written on one line, where every line is 1.
    """

    def __init__(self, document: etree._ElementTree) -> None:
        self.document = document
        self._by_line: dict[int, etree._Element] | None = None

    def element(self, line: int | None, position: str | None) -> etree._Element | None:
        """The element at *position*, else the first element starting at *line* (None if neither)."""
        if position:
            try:
                found = self.document.xpath(position)
            except etree.XPathError:
                found = []
            if isinstance(found, list) and found and isinstance(found[0], etree._Element):
                return found[0]
        if not line:
            return None
        if self._by_line is None:
            self._by_line = {}
            for element in self.document.iter():
                self._by_line.setdefault(element.sourceline or 0, element)
        return self._by_line.get(line)

    def unit(self, line: int | None, position: str | None) -> tuple[str, str | None] | None:
        """The (id, title) of the innermost unit holding the element, or None outside units."""
        element = self.element(line, position)
        while element is not None and (not isinstance(element.tag, str) or local(element.tag) != "ArchiveUnit"):
            element = element.getparent()
        if element is None:
            return None
        titles = [t for t in element.iterchildren("{*}Content") for t in t.iterchildren("{*}Title")]
        title = next((t.text.strip() for t in titles if t.text and t.text.strip()), None)
        return element.get("id") or "", title


def _parse_tree(stream: IO[bytes]) -> etree._ElementTree:
    return etree.parse(stream, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                                               huge_tree=False))


Opener = Callable[[], IO[bytes]]


class _ManifestRun:
    """The XML, schema, graph and profile checks of one manifest."""

    def __init__(self, opener: Opener, name: str, size: int, report: ValidationReport, *,
                 profile: Profile | None, cancel: CancelToken | None, progress: Progress) -> None:
        self.opener = opener
        self.name = name
        self.size = size
        self.report = report
        self.profile = profile
        self.cancel = cancel
        self.progress = progress

    def add(self, finding: Finding) -> None:
        self.report.findings.append(finding)

    def _parse_error(self, exc: etree.XMLSyntaxError) -> None:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        text = exc.msg or str(exc)
        if "entity" in text.lower() or "amplification" in text.lower():
            self._doctype()
            return
        self.add(_finding("schema", "schema.not-xml", QT_TRANSLATE_NOOP(
            "validation", "{name} is not well-formed XML (line {line}: {error}). Open it in an XML editor and "
                          "correct it."),
            "CHECK_SEDA.NOT_XML_FILE.KO", line=line, name=self.name, error=text))

    def _doctype(self) -> None:
        self.add(_finding("schema", "schema.doctype", QT_TRANSLATE_NOOP(
            "validation", "{name} declares a DTD or entities; a SEDA manifest never does, and they are refused here "
                          "for safety "
                 "(they can hide external files or expand without end). Remove the DOCTYPE declaration."),
            "CHECK_SEDA.NOT_XML_FILE.KO", name=self.name))

    def run(self) -> Facts | None:
        try:
            with self.opener() as stream:
                namespace = read_root(stream)
        except NotSeda:
            self._doctype()
            return None
        except etree.XMLSyntaxError as exc:
            self._parse_error(exc)
            return None
        version = version_of_namespace(namespace)
        if version is None:
            self.add(_finding("schema", "schema.unsupported-version", QT_TRANSLATE_NOOP(
                "validation", "The root element of {name} is in the namespace \u201c{namespace}\u201d, which is not "
                              "SEDA 2.1, "
                     "2.2 or 2.3 (fr:gouv:culture:archivesdefrance:seda:v2.x). Export the transfer in a supported "
                     "version."),
                "CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO", line=1, name=self.name, namespace=namespace or "-"))
            return None
        self.report.version = version
        try:
            schema = load_schema(version, str(default_store()))
        except SchemaError as exc:
            schema = None
            self.report.findings.append(Finding(Severity.WARNING, "schema", "schema.not-installed", exc.message))
        on_unit = (lambda n: self.progress(n, 0)) if self.progress is not no_progress else None
        try:
            facts = self._collect(schema, namespace, on_unit)
        except NotSeda:
            self._doctype()
            return None
        except etree.XMLSyntaxError as first:
            try:  # well-formedness first: a schema error may be only the symptom of broken XML
                with self.opener() as stream:
                    facts = collect(stream, None, cancel=self.cancel)
            except etree.XMLSyntaxError as exc:
                self._parse_error(exc)
                return None
            self._schema_errors(schema, facts, version, first)
        self.report.findings.extend(checks.graph_checks(facts))
        return facts

    def _collect(self, schema: etree.XMLSchema | None, namespace: str,
                 on_unit: Callable[[int], None] | None) -> Facts:
        """One validating pass: the fast streamed one, or the general one when the layout is unusual."""
        if schema is not None:
            try:
                with self.opener() as stream:
                    return collect_streamed(stream, schema, namespace, cancel=self.cancel, on_unit=on_unit)
            except Unusual:
                pass
        with self.opener() as stream:
            return collect(stream, schema, cancel=self.cancel, on_unit=on_unit)

    def _schema_errors(self, schema: etree.XMLSchema, facts: Facts, version: str, first: etree.XMLSyntaxError) -> None:
        entries: list[tuple[int, str, str | None]] = []
        units: _TreeUnits | None = None
        if self.size <= MAX_TREE_BYTES:
            with self.opener() as stream:
                document = _parse_tree(stream)
            if not schema.validate(document):
                entries = [(e.line, e.message, e.path) for e in schema.error_log][:MAX_SCHEMA_FINDINGS]
                units = _TreeUnits(document)
        if not entries:
            entries = [(0, first.msg or str(first), None)]
        for line, text, position in entries:
            match = _ELEMENT.search(text)
            element = match.group(2) if match else ""
            vitam_only = (element in _VITAM_ONLY_ELEMENTS or element in _BACKPORTED.get(version, set())
                          or element.endswith("Abstract") or "##other{" in text
                          or "type definition is abstract" in text or _METADATA_CHOICE in _short(text))
            unit = units.unit(line, position) if units is not None else None
            if unit is None and (spanned := facts.unit_at(line)) is not None:
                unit = (spanned.id, spanned.title)
            path = f"{checks.unit_path(unit[0])}//{element}" if unit is not None and element else None
            if vitam_only:
                self.add(_finding("schema", VITAM_ONLY, QT_TRANSLATE_NOOP(
                    "validation", "<{element}> is Vitam-specific markup: Vitam accepts it, but it is not valid "
                                  "against the "
                         "official SEDA {version} schema ({error}). Keep it only if the transfer goes to Vitam."),
                    "CHECK_SEDA.NOT_XSD_VALID.KO", line=line or None, path=path, unit=unit,
                    element=element or "?", version=version, error=without_period(explain(_short(text)))))
            else:
                self.add(_finding("schema", "schema.xsd", QT_TRANSLATE_NOOP(
                    "validation", "Not valid against the official SEDA {version} schema: {error}"),
                    "CHECK_SEDA.NOT_XSD_VALID.KO", line=line or None, path=path, unit=unit, version=version,
                    error=explain(_short(text))))

    def check_profile(self, facts: Facts) -> None:
        profile = self.profile
        if profile is None:
            return
        if profile.version and profile.version != self.report.version:
            self.add(_finding("profile", "profile.version-mismatch", QT_TRANSLATE_NOOP(
                "validation", "The profile {profile} is written for SEDA {profile_version} but the manifest is SEDA "
                     "{version}; it cannot be checked against it. Use the profile's SEDA {version} edition or "
                     "export the transfer in SEDA {profile_version}."), "CHECK_HEADER.CHECK_ARCHIVEPROFILE.KO",
                profile=profile.path.name, profile_version=profile.version, version=self.report.version))
            return
        with self.opener() as stream:
            document = _parse_tree(stream)
        violations = profile.validate(document)
        units = _TreeUnits(document)
        if violations and _has_loose_objects(document) and _about_objects(units, violations[0]):
            # Resip checks a profile against the manifest it re-exports, where every object is in a
            # DataObjectGroup; profiles made for it expect these wrappers. Check that form too.
            normalised = self._normalised()
            again = profile.validate(normalised) if normalised is not None else violations
            if not again:
                self.add(_finding("profile", "profile.expects-groups", QT_TRANSLATE_NOOP(
                    "validation", "The profile {profile} expects every object inside a DataObjectGroup, but this "
                                  "manifest declares objects outside one (DataObjectGroupId). With its objects in "
                                  "their groups, as Liasse writes them when it exports, the manifest satisfies the "
                                  "profile: export the transfer with Liasse before sending it."),
                    "CHECK_HEADER.CHECK_ARCHIVEPROFILE.KO", severity=Severity.WARNING, profile=profile.path.name))
                return
            assert normalised is not None
            normalised_units = _TreeUnits(normalised)
            if not _about_objects(normalised_units, again[0]):
                # The wrappers were the first problem, not the last: report what remains once they are
                # added, instead of the errors the missing wrappers cause.
                self.add(_finding("profile", "profile.expects-groups", QT_TRANSLATE_NOOP(
                    "validation", "The profile {profile} expects every object inside a DataObjectGroup, but this "
                                  "manifest declares objects outside one (DataObjectGroupId). The errors below are "
                                  "those of the same manifest with its objects in their groups."),
                    "CHECK_HEADER.CHECK_ARCHIVEPROFILE.KO", severity=Severity.WARNING, profile=profile.path.name))
                self._profile_errors(profile, again, normalised_units, normalised=True)
                return
        self._profile_errors(profile, violations, units, normalised=False)

    def _profile_errors(self, profile: Profile, violations: list, units: _TreeUnits, *, normalised: bool) -> None:
        for violation in violations[:MAX_SCHEMA_FINDINGS]:
            unit = units.unit(violation.line, violation.path)
            element = units.element(violation.line, violation.path)
            where = f"{checks.unit_path(unit[0])}//{local(element.tag)}" if unit and element is not None else None
            if normalised:  # its lines are those of the normalised manifest, not of the user's file
                self.add(_finding("profile", "profile.invalid", QT_TRANSLATE_NOOP(
                    "validation", "Not valid against the archive profile {profile}, even with the objects in "
                                  "their DataObjectGroup: {error}."),
                    "CHECK_HEADER.CHECK_ARCHIVEPROFILE.KO", path=where, unit=unit, profile=profile.path.name,
                    error=without_period(_explain_profile(violation.message))))
                continue
            self.add(_finding("profile", "profile.invalid", QT_TRANSLATE_NOOP(
                "validation", "Not valid against the archive profile {profile}: {error} (line {line_number})."),
                "CHECK_HEADER.CHECK_ARCHIVEPROFILE.KO", line=violation.line or None, path=where, unit=unit,
                profile=profile.path.name, error=without_period(_explain_profile(violation.message)),
                line_number=violation.line))

    def _normalised(self) -> etree._ElementTree | None:
        """The manifest as Liasse (and Resip) export it: every object in its DataObjectGroup, whose id
        is the former DataObjectGroupId. None when the manifest cannot be read into the model."""
        from app.seda.manifest import write_manifest
        from app.seda.reader import ReadError, read_manifest

        if self.size > MAX_TREE_BYTES:
            return None
        try:
            transfer = read_manifest(self.opener, name=self.name, size=self.size)
        except ReadError:
            return None
        for group in transfer.groups:
            group.implicit = False
            for obj in group.objects:
                kept = obj.extra if isinstance(obj, BinaryDataObject) else obj.elements
                if kept:
                    kept[:] = [e for e in kept if e.tag not in ("DataObjectGroupId", "DataObjectGroupReferenceId")]
        out = io.BytesIO()
        write_manifest(transfer, out)
        out.seek(0)
        return _parse_tree(out)


def _about_objects(units: _TreeUnits, violation: ProfileViolation) -> bool:
    """Whether a profile message concerns a data object or group (where the wrappers make a difference)."""
    element = units.element(violation.line, violation.path)
    while element is not None:
        if isinstance(element.tag, str) and local(element.tag) in _OBJECT_TAGS:
            return True
        element = element.getparent()
    return any(tag in violation.message for tag in _OBJECT_TAGS)


def _has_loose_objects(document: etree._ElementTree) -> bool:
    """Whether the manifest declares objects directly in DataObjectPackage, outside any DataObjectGroup."""
    package = document.getroot().find("{*}DataObjectPackage")
    return package is not None and any(
        local(child.tag) in ("BinaryDataObject", "PhysicalDataObject") for child in package
        if isinstance(child.tag, str))


def _explain_profile(text: str) -> Message | str:
    """A profile validator's message explained; SEDA namespaces are removed by :func:`explain` itself, which
    needs the namespace of a root element the profile does not declare (profiles written for another one)."""
    explained = explain(text)
    return explained if isinstance(explained, Message) else _short(text)


def _short(text: str) -> str:
    """libxml2 messages with the SEDA namespace spelled out in every name, made readable."""
    return re.sub(r"\{fr:gouv:culture:archivesdefrance:seda:v2\.\d\}", "", text).strip()


def _opener_for_file(path: Path) -> Opener:
    return lambda: open(path, "rb")


def _load(profile: Path | Profile | None) -> Profile | None:
    if profile is None or isinstance(profile, Profile):
        return profile
    return load_profile(Path(profile))


def validate(target: Path, *, profile: Path | Profile | None = None, referentials: Referentials | None = None,
             vitam: bool = True, progress: Progress = no_progress, cancel: CancelToken | None = None
             ) -> ValidationReport:
    """Validate a SIP zip, a bare manifest, or a folder being prepared.

    Raises :class:`ValidationError` when the target cannot be read, and ProfileError for an unusable profile.
    """
    target = Path(target)
    compiled = _load(profile)
    if target.is_dir():
        return _validate_folder(target, compiled, referentials, vitam, progress, cancel)
    if not target.is_file():
        raise ValidationError(_msg(QT_TRANSLATE_NOOP("validation", "{path} does not exist."), path=str(target)))
    try:
        with open(target, "rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise ValidationError(_msg(QT_TRANSLATE_NOOP("validation", "Cannot read {path}: {error}"), path=str(target),
                                   error=exc.strerror or str(exc))) from exc
    report = ValidationReport(target=str(target), profile=str(compiled.path) if compiled else None)
    if magic.startswith(b"PK") or target.suffix.lower() == ".zip":
        _validate_zip(target, report, compiled, referentials, vitam, progress, cancel)
    else:
        run = _ManifestRun(_opener_for_file(target), target.name, target.stat().st_size, report, profile=compiled,
                           cancel=cancel, progress=progress)
        facts = run.run()
        if facts is not None:
            report.findings.extend(checks.object_checks(facts))
            run.check_profile(facts)
            if vitam:
                report.findings.extend(checks.vitam_checks(facts, referentials))
    report.order()
    return report


def _validate_zip(target: Path, report: ValidationReport, profile: Profile | None, referentials: Referentials | None,
                  vitam: bool, progress: Progress, cancel: CancelToken | None) -> None:
    try:
        archive = zipfile.ZipFile(target)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        report.findings.append(package.error("package.bad-zip", QT_TRANSLATE_NOOP(
            "validation", "{name} is not a readable zip archive ({error}); it may be truncated or damaged. Copy or "
                          "build the "
                 "SIP again."), "CHECK_CONTAINER.KO", name=target.name, error=str(exc)))
        return
    with archive:
        layout = package.inspect(archive, vitam=vitam)
        report.findings.extend(layout.findings)
        if layout.fatal or layout.manifest is None:
            return
        info = layout.manifest
        if info.file_size > package.MAX_MANIFEST:
            report.findings.append(package.error("package.zip-bomb", QT_TRANSLATE_NOOP(
                "validation", "The manifest claims {size} bytes; it is not read."), "CHECK_CONTAINER.KO",
                size=info.file_size))
            return
        run = _ManifestRun(lambda: archive.open(info), info.filename, info.file_size, report, profile=profile,
                           cancel=cancel, progress=progress)
        try:
            facts = run.run()
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            report.findings.append(package.error("package.unreadable-entry", QT_TRANSLATE_NOOP(
                "validation", "The file {name} of the package cannot be read ({error}); the zip is damaged. Rebuild "
                              "it."),
                "CHECK_CONTAINER.KO", name=info.filename, error=str(exc)))
            return
        if facts is None:
            return
        total = sum(i.file_size for i in layout.files.values())
        done = 0

        def on_bytes(n: int) -> None:
            nonlocal done
            done += n
            progress(done, total)

        report.findings.extend(package.check_objects(archive, layout, facts, cancel=cancel, progress=on_bytes))
        report.findings.extend(checks.object_checks(facts))
        run.check_profile(facts)
        if vitam:
            report.findings.extend(checks.vitam_checks(facts, referentials, check_uris=False))
            if referentials is not None and referentials.formats:
                # Vitam identifies each object itself (Siegfried): only when the target is a Vitam
                # whose formats referential is given, since it reads every object once more.
                report.findings.extend(formats.check_formats(archive, layout, facts, cancel=cancel))


def validate_transfer_manifest(manifest: Path, transfer: Transfer, *, profile: Path | Profile | None = None,
                               referentials: Referentials | None = None, vitam: bool = True) -> ValidationReport:
    """Validate the manifest the engine just wrote for *transfer*, whose files are still on disk."""
    manifest = Path(manifest)
    report = ValidationReport(target=str(manifest), version=transfer.version)
    compiled = _load(profile)
    report.profile = str(compiled.path) if compiled else None
    run = _ManifestRun(_opener_for_file(manifest), "manifest.xml", manifest.stat().st_size, report,
                       profile=compiled, cancel=None, progress=no_progress)
    facts = run.run()
    if facts is not None:
        report.findings.extend(_source_checks(transfer))
        report.findings.extend(checks.object_checks(facts))
        run.check_profile(facts)
        if vitam:
            report.findings.extend(checks.vitam_checks(facts, referentials))
    report.order()
    return report


def _source_checks(transfer: Transfer) -> list[Finding]:
    """The files of the transfer are where the manifest says, with the size it says."""
    findings: list[Finding] = []
    for obj in transfer.iter_binaries():
        if not obj.source_path:
            continue
        try:
            size = os.path.getsize(obj.source_path)
        except OSError:
            findings.append(package.error("package.missing-file", QT_TRANSLATE_NOOP(
                "validation", "Object {object}: its file {path} can no longer be read. Relocate or remove it."),
                "CHECK_MANIFEST_OBJECTNUMBER.INVALID_URI.KO", object_id=obj.id, path=obj.source_path,
                object=obj.id))
            continue
        if obj.source_member is None and obj.size is not None and size != obj.size:
            findings.append(package.error("package.size-mismatch", QT_TRANSLATE_NOOP(
                "validation", "Object {object}: the file {path} now has {actual} bytes, not the {declared} recorded "
                              "when it was "
                     "scanned. Scan the folder again."), "CHECK_OBJECT_SIZE.WARNING", object_id=obj.id,
                path=obj.source_path, object=obj.id, actual=size, declared=obj.size))
    return findings


def _validate_folder(folder: Path, profile: Profile | None, referentials: Referentials | None, vitam: bool,
                     progress: Progress, cancel: CancelToken | None) -> ValidationReport:
    """Scan the folder in memory and check the manifest the engine would write (no SIP is written)."""
    from app.seda import manifest as manifest_writer
    from app.seda.context import complete_header
    from app.seda.scanner import scan_folder
    from app.seda.sip import _export_copy, assign_uris

    scan = scan_folder(folder, progress=progress, cancel=cancel)
    transfer = scan.transfer
    assign_uris(transfer)
    work = _export_copy(transfer)
    complete_header(work, manifest_writer.now_datetime())
    fd, tmp = tempfile.mkstemp(prefix="liasse-validate-", suffix=".xml")
    try:
        with os.fdopen(fd, "wb") as out:
            manifest_writer.write_manifest(work, out, cancel=cancel)
        report = validate_transfer_manifest(Path(tmp), work, profile=profile, referentials=referentials,
                                            vitam=vitam)
    finally:
        os.unlink(tmp)
    report.target = str(folder)
    scan_findings = [Finding(p.severity, "package", f"package.scan-{p.code}", p.message, path=p.path)
                     for p in scan.report.problems]
    report.findings[:0] = scan_findings
    return report


def build_validator(profile: Path | Profile | None = None, referentials: Referentials | None = None,
                    vitam: bool = False) -> Callable[[Path, Transfer], Report]:
    """A validator for ``ExportOptions.validator``: official schema, graph, profile (and Vitam if asked).

    Vitam pre-flight is off by default here: the build writes what the user's context says, and the
    Vitam findings are shown by ``validate``; pass ``vitam=True`` (or referentials) to enforce them.
    """
    compiled = _load(profile)
    enforce_vitam = vitam or referentials is not None

    def validator(manifest: Path, transfer: Transfer) -> Report:
        result = validate_transfer_manifest(manifest, transfer, profile=compiled, referentials=referentials,
                                            vitam=enforce_vitam)
        return result.to_report()

    return validator
