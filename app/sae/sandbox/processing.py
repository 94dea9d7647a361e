"""The sandbox's ingest workflow: the validation engine, the platform's own checks, then the ATR.

The checks are the engine's (:func:`app.seda.validation.validate`: package layout and names, XML,
official XSD, digests, agencies and rules against the referentials, profile, Vitam rules). The
sandbox adds only what belongs to a platform: the ``X-Manifest-Digest-*`` headers of the request,
its ingest contract list and the archive profiles it knows. Each finding becomes an ATR event with
Vitam's OutcomeDetail code, and, as in Vitam's DEFAULT_WORKFLOW, the first failing blocking step
(container, then layout, then the manifest's header) hides what the later steps would say.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from app.sae.sandbox.atr_writer import Event, ReplyTo, read_reply_to, write_atr
from app.sae.sandbox.catalog import Catalog
from app.seda.digest import CHUNK, from_seda_name, hasher
from app.seda.report import Severity
from app.seda.validation import Finding, package, validate

# Action -> (step, label). Labels are Vitam's own (vitam-logbook-messages_fr): the ATR imitates Vitam's.
ACTIONS: dict[str, tuple[str, str]] = {
    "SANITY_CHECK_SIP": ("STP_SANITY_CHECK_SIP", "Contrôle sanitaire du SIP"),
    "CHECK_CONTAINER": ("STP_SANITY_CHECK_SIP", "Contrôle du format du conteneur du SIP"),
    "MANIFEST_FILE_NAME_CHECK": ("STP_SANITY_CHECK_SIP", "Vérification du nom du manifeste"),
    "MANIFEST_DIGEST_CHECK": ("STP_SANITY_CHECK_SIP", "Vérification de l'empreinte du manifeste"),
    "UPLOAD_SIP": ("STP_UPLOAD_SIP", "Réception dans la solution logicielle Vitam"),
    "CHECK_SEDA": ("STP_INGEST_CONTROL_SIP", "Vérification globale du SIP"),
    "CHECK_HEADER": ("STP_INGEST_CONTROL_SIP", "Vérification générale du bordereau de transfert"),
    "CHECK_HEADER.CHECK_AGENT": ("STP_INGEST_CONTROL_SIP",
                                 "Vérification de la présence et du contrôle des services agents"),
    "CHECK_HEADER.CHECK_CONTRACT_INGEST": ("STP_INGEST_CONTROL_SIP",
                                           "Vérification de la présence et contrôle du contrat d'entrée"),
    "CHECK_HEADER.CHECK_IC_AP_RELATION": ("STP_INGEST_CONTROL_SIP",
                                          "Vérification de la relation entre le contrat d'entrée et le profil"),
    "CHECK_HEADER.CHECK_ARCHIVEPROFILE": ("STP_INGEST_CONTROL_SIP",
                                          "Vérification de la conformité au profil d'archivage"),
    "CHECK_DATAOBJECTPACKAGE": ("STP_INGEST_CONTROL_SIP", "Vérification des objets et des unités archivistiques"),
    "CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST_OBJECTNUMBER": (
        "STP_INGEST_CONTROL_SIP", "Vérification du nombre d'objets"),
    "CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST_DATAOBJECT_VERSION": (
        "STP_INGEST_CONTROL_SIP", "Vérification des usages des objets"),
    "CHECK_DATAOBJECTPACKAGE.CHECK_CONSISTENCY": (
        "STP_INGEST_CONTROL_SIP", "Vérification de la cohérence du bordereau"),
    "CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST": ("STP_INGEST_CONTROL_SIP", "Vérification de la structure du bordereau"),
    "CHECK_MANIFEST_OBJECTNUMBER": ("STP_INGEST_CONTROL_SIP", "Vérification du nombre d'objets"),
    "CHECK_MANIFEST_DATAOBJECT_VERSION": ("STP_INGEST_CONTROL_SIP", "Vérification des usages des objets"),
    "CHECK_MANIFEST": ("STP_INGEST_CONTROL_SIP", "Vérification de la structure du bordereau"),
    "CHECK_ATTACHEMENT": ("STP_INGEST_CONTROL_SIP", "Vérification des rattachements"),
    "CHECK_DIGEST": ("STP_OG_CHECK_AND_TRANSFORME", "Vérification de l'intégrité des objets"),
    "CHECK_OBJECT_SIZE": ("STP_OG_CHECK_AND_TRANSFORME", "Vérification de la taille des objets"),
    "OG_OBJECTS_FORMAT_CHECK": ("STP_OG_CHECK_AND_TRANSFORME", "Identification des formats"),
    "CHECK_UNIT_SCHEMA": ("STP_UNIT_CHECK_AND_PROCESS", "Vérification globale de l'unité archivistique"),
    "CHECK_ARCHIVE_UNIT_PROFILE": ("STP_UNIT_CHECK_AND_PROCESS", "Vérification du profil d'unité archivistique"),
    "CHECK_CLASSIFICATION_LEVEL": ("STP_UNIT_CHECK_AND_PROCESS", "Vérification du niveau de classification"),
    "UNITS_RULES_COMPUTE": ("STP_UNIT_CHECK_AND_PROCESS", "Calcul des dates d'échéance"),
}
STEPS: dict[str, str] = {
    "STP_SANITY_CHECK_SIP": "Processus des contrôles préalables à l'entrée",
    "STP_UPLOAD_SIP": "Processus de réception du SIP dans la solution logicielle Vitam",
    "STP_INGEST_CONTROL_SIP": "Processus de contrôle du SIP",
    "STP_OG_CHECK_AND_TRANSFORME": "Processus de vérification et traitements des objets et des groupes d'objets",
    "STP_UNIT_CHECK_AND_PROCESS": "Processus de contrôle et traitements des unités archivistiques",
}
STATUS_RANK = {"OK": 0, "WARNING": 1, "KO": 2, "FATAL": 3}


# OutcomeDetail for the few findings the engine gives without a Vitam code, by layer.
LAYER_CODES = {"package": "CHECK_DATAOBJECTPACKAGE", "schema": "CHECK_SEDA.NOT_XSD_VALID",
               "profile": "CHECK_HEADER.CHECK_ARCHIVEPROFILE", "vitam": "CHECK_UNIT_SCHEMA"}
# Vitam's blocking steps, in workflow order: a KO in one of them ends the workflow there.
BLOCKING_STEPS = (
    ("CHECK_CONTAINER", "STP_UPLOAD_SIP", "MANIFEST_FILE_NAME_CHECK", "MANIFEST_DIGEST_CHECK"),
    ("CHECK_SEDA.CONTAINER_FORMAT",),
    ("CHECK_SEDA.NOT_XML_FILE", "CHECK_SEDA.UNSUPPORTED_SEDA_VERSION", "CHECK_HEADER.CHECK_CONTRACT_INGEST",
     "CHECK_HEADER.CHECK_IC_AP_RELATION"),
)


@dataclass
class Failure:
    """A check result below OK: Vitam's OutcomeDetail (``CHECK_DIGEST.KO``), a message and where."""

    detail: str
    message: str
    unit_id: str = ""
    object_id: str = ""
    tech: str = ""

    @property
    def status(self) -> str:
        """The trailing status of the OutcomeDetail (KO when it has none)."""
        last = self.detail.rsplit(".", 1)[-1]
        return last if last in STATUS_RANK else "KO"

    @property
    def action(self) -> str:
        """The longest known action prefix of the OutcomeDetail (the ATR's EventTypeCode)."""
        parts = self.detail.split(".")
        if parts[-1] in STATUS_RANK:
            parts = parts[:-1]
        for n in range(len(parts), 0, -1):
            candidate = ".".join(parts[:n])
            if candidate in ACTIONS or candidate in STEPS:
                return candidate
        return parts[0] if parts else "CHECK_SEDA"


def failure_of(finding: Finding) -> Failure:
    """An engine finding as an ATR failure, keyed by its Vitam code."""
    if finding.check == "schema.not-installed":
        # Never accept what could not be checked: this platform does not support that SEDA version.
        return Failure("CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO", finding.render())
    code = finding.vitam_code or LAYER_CODES.get(finding.layer, "CHECK_SEDA")
    if code.rsplit(".", 1)[-1] not in STATUS_RANK:
        code = f"{code}.{'KO' if finding.severity is Severity.ERROR else 'WARNING'}"
    # A code that already ends in .KO keeps it even on an engine warning: the engine grades for any
    # archive, the code says what Vitam does (a lowercase digest algorithm, no originating agency...).
    return Failure(code, finding.render(), unit_id=finding.unit_id or "", object_id=finding.object_id or "")


@dataclass
class IngestRequest:
    """What the POST brought: the stored SIP, the workflow, and the optional manifest digest headers."""

    sip: Path
    operation_id: str
    context_id: str = "DEFAULT_WORKFLOW"
    digest_algorithm: str | None = None
    digest_value: str | None = None


@dataclass
class IngestResult:
    """The workflow's end: the global status, the failures and the ATR written beside the SIP."""

    status: str
    atr: Path
    failures: list[Failure] = field(default_factory=list)
    manifest: ReplyTo | None = None


def _digest_header_check(request: IngestRequest, zf: zipfile.ZipFile, manifest: zipfile.ZipInfo) -> list[Failure]:
    """The ``X-Manifest-Digest-Algo/Value`` pair, when sent, matches the manifest (Vitam's MANIFEST_DIGEST_CHECK)."""
    if not (request.digest_algorithm or request.digest_value):
        return []
    algorithm = from_seda_name(request.digest_algorithm or "")
    if algorithm is None or not request.digest_value:
        return [Failure("MANIFEST_DIGEST_CHECK.KO", "X-Manifest-Digest-Algo and X-Manifest-Digest-Value must be "
                                                    "sent together, with a known algorithm.")]
    digest = hasher(algorithm)()
    with zf.open(manifest) as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != request.digest_value.lower():
        return [Failure("MANIFEST_DIGEST_CHECK.KO", "Manifest digest validation failed. Expected digest is "
                                                    f"'{request.digest_value}', actual digest "
                                                    f"'{digest.hexdigest()}' ({request.digest_algorithm}).")]
    return []


def _header_checks(manifest: ReplyTo, catalog: Catalog) -> list[Failure]:
    """The platform's own header controls: a known ingest contract, a known archive profile."""
    failures: list[Failure] = []
    agreement = manifest.header("ArchivalAgreement")
    if agreement and catalog.contracts is not None and agreement not in catalog.contracts:
        failures.append(Failure("CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_UNKNOWN.KO",
                                f"The ingest contract {agreement!r} is unknown to this platform.", tech=agreement))
    profile = manifest.header("ArchivalProfile")
    if profile and catalog.profiles and profile not in catalog.profiles:
        failures.append(Failure("CHECK_HEADER.CHECK_IC_AP_RELATION.UNKNOWN.KO",
                                f"The archive profile {profile!r} is unknown to this platform.", tech=profile))
    return failures


def first_blocking(failures: list[Failure]) -> list[Failure]:
    """The failures of the first blocking step that failed, or all of them when none did."""
    for prefixes in BLOCKING_STEPS:
        stopped = [f for f in failures if f.status in ("KO", "FATAL") and f.detail.startswith(prefixes)]
        if stopped:
            return stopped
    return failures


def _engine_failures(request: IngestRequest, catalog: Catalog, profile: Path | None) -> list[Failure]:
    report = validate(request.sip, profile=profile, referentials=catalog.referentials, vitam=True)
    return list({(f.detail, f.message, f.unit_id, f.object_id): f
                 for f in map(failure_of, report.findings)}.values())


def _checks(request: IngestRequest, catalog: Catalog) -> tuple[list[Failure], ReplyTo | None]:
    try:
        zf = zipfile.ZipFile(request.sip)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return _engine_failures(request, catalog, None), None  # the engine says why (CHECK_CONTAINER.KO)
    with zf:
        layout = package.inspect(zf, vitam=True)
        early = [failure_of(f) for f in layout.findings if f.severity is Severity.ERROR]
        entry = layout.manifest
        if layout.fatal or entry is None:
            return first_blocking(early), None
        early += _digest_header_check(request, zf, entry)
        if early:
            return first_blocking(early), None
        # The engine refuses such a manifest without reading it; so does the ATR writer.
        manifest = read_reply_to(lambda: zf.open(entry)) if entry.file_size <= package.MAX_MANIFEST else None
    own = _header_checks(manifest, catalog) if manifest is not None and manifest.version else []
    if own:
        return own, manifest
    profile = catalog.profiles.get(manifest.header("ArchivalProfile")) if manifest is not None else None
    return first_blocking(_engine_failures(request, catalog, profile)), manifest


def run_ingest(request: IngestRequest, catalog: Catalog) -> IngestResult:
    """Run the workflow on the stored SIP and write ``atr.xml`` beside it."""
    failures, manifest = _checks(request, catalog)
    status = max((f.status for f in failures), key=STATUS_RANK.__getitem__, default="OK")
    write_atr(request.sip.parent / "atr.xml", operation_id=request.operation_id, reply_code=status, info=manifest,
              events=build_events(failures, manifest), test=request.context_id == "BLANK_TEST")
    return IngestResult(status, request.sip.parent / "atr.xml", failures, manifest)


def build_events(failures: list[Failure], manifest: ReplyTo | None = None) -> list[Event]:
    """ATR events as Vitam lists them: the step, the action (with its subcode), then the object LogBooks."""
    group_of = {o.id: o.group or o.id for o in manifest.facts.objects} if manifest is not None else {}
    events: list[Event] = []
    by_detail: dict[str, list[Failure]] = {}
    for failure in failures:
        by_detail.setdefault(failure.detail, []).append(failure)
    steps_done: set[str] = set()
    for detail, group in by_detail.items():
        first = group[0]
        action = first.action
        step = ACTIONS.get(action, ("STP_INGEST_CONTROL_SIP", ""))[0] if action not in STEPS else action
        step_status = max((f.status for f in failures if (ACTIONS.get(f.action, ("",))[0] == step)),
                          key=STATUS_RANK.__getitem__, default=first.status)
        if step not in steps_done and action != step:
            steps_done.add(step)
            events.append(Event(step, STEPS.get(step, step), step_status, f"{step}.{step_status}",
                                f"{STEPS.get(step, step)} : {step_status}"))
        messages = "; ".join(dict.fromkeys(f.message for f in group[:20]))
        data = {"evDetTechData": messages}
        units = sorted({f.unit_id for f in group if f.unit_id})
        if units:
            data["ArchiveUnitIds"] = units
        label = ACTIONS.get(action, ("", action))[1]
        events.append(Event(action, label, first.status, detail,
                            f"{label} : {messages} Detail=  {first.status}:{len(group)}", data))
        for failure in group:
            if failure.object_id in group_of:
                events.append(Event(f"LFC.{action}", label, failure.status, f"LFC.{detail}", failure.message,
                                    group_id=group_of[failure.object_id], object_id=failure.object_id))
    return events
