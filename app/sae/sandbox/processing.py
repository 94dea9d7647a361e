"""The sandbox's ingest workflow: the checks Vitam runs that matter to a trainee, then the ATR.

Steps are blocking as in Vitam's DEFAULT_WORKFLOW: the container and package layout first (zip, entry
names, manifest name, a single root file and a ``content`` folder, manifest digest headers), then the
manifest header (SEDA namespace, ArchivalAgreement in the contract list, archive profile known), then
the validation engine (``app.seda.validation``: XSD, digests, agencies and rule ids against the
referentials, profile...). Each failure becomes an ATR event with Vitam's OutcomeDetail code.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.sae.sandbox.atr_writer import Event, write_atr
from app.sae.sandbox.manifest_info import ManifestInfo, read_manifest_info
from app.sae.sandbox.referentials import SandboxReferentials

MANIFEST_NAME = re.compile(r"^([a-zA-Z0-9_\-]{0,56}[_-]{1}){0,1}(manifest.xml)\b")
SAFE_COMPONENT = re.compile(r"^[a-zA-Z0-9\-_@]+(\.[a-zA-Z0-9\-_@]+)*$")
DIGEST_ALGORITHMS = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512"}

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


Validator = Callable[[Path, ManifestInfo, SandboxReferentials], Iterable[Failure]]


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
    info: ManifestInfo | None = None


def _package_checks(request: IngestRequest, zf: zipfile.ZipFile) -> tuple[list[Failure], str | None]:
    """Container layout and names; returns the failures and the manifest entry name if one was found."""
    names = [i.filename for i in zf.infolist()]
    for name in names:
        parts = name.rstrip("/").split("/")
        if "\\" in name or any(not SAFE_COMPONENT.match(p) for p in parts):
            return [Failure("STP_UPLOAD_SIP.KO", f"The entry name {name!r} contains a character Vitam does not allow "
                                             "(allowed: letters, digits, - _ @ and single dots).",
                            tech=name)], None
    root_files = [n for n in names if "/" not in n.rstrip("/") and not n.endswith("/")]
    manifests = [n for n in root_files if MANIFEST_NAME.match(n)]
    if not manifests:
        return [Failure("MANIFEST_FILE_NAME_CHECK.KO", "No manifest at the root of the SIP: it must be named "
                                                       "manifest.xml (or PREFIX_manifest.xml).")], None
    if request.digest_algorithm or request.digest_value:
        algo = DIGEST_ALGORITHMS.get((request.digest_algorithm or "").upper())
        if algo is None or not request.digest_value:
            return [Failure("MANIFEST_DIGEST_CHECK.KO", "X-Manifest-Digest-Algo and X-Manifest-Digest-Value must be "
                                                        "sent together, with a known algorithm.")], None
        digest = hashlib.new(algo)
        with zf.open(manifests[0]) as stream:
            for chunk in iter(lambda: stream.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != request.digest_value.lower():
            return [Failure("MANIFEST_DIGEST_CHECK.KO", "Manifest digest validation failed. Expected digest is "
                                                        f"'{request.digest_value}', actual digest "
                                                        f"'{digest.hexdigest()}' ({request.digest_algorithm}).")], None
    if len(root_files) > 1:
        return [Failure("CHECK_SEDA.CONTAINER_FORMAT.FILE.KO", "More than one file at the root of the SIP: "
                                                               + ", ".join(sorted(root_files)))], None
    folders = {n.split("/", 1)[0] for n in names if "/" in n.rstrip("/") or n.endswith("/")}
    others = sorted(f for f in folders if f.lower() != "content")
    if others:
        return [Failure("CHECK_SEDA.CONTAINER_FORMAT.DIRECTORY.KO", "Only a 'content' folder is allowed at the root "
                                                                    "of the SIP; found: " + ", ".join(others))], None
    return [], manifests[0]


def _header_checks(info: ManifestInfo, refs: SandboxReferentials) -> list[Failure]:
    if info.version is None:
        return [Failure("CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO",
                        f"The manifest namespace {info.namespace!r} is not SEDA 2.1, 2.2 or 2.3.")]
    failures: list[Failure] = []
    if not info.archival_agreement:
        failures.append(Failure("CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_NOT_IN_MANIFEST.KO",
                                "The manifest has no ArchivalAgreement (ingest contract)."))
    elif refs.contracts is not None and info.archival_agreement not in refs.contracts:
        failures.append(Failure("CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_UNKNOWN.KO",
                                f"The ingest contract {info.archival_agreement!r} is unknown to this platform.",
                                tech=info.archival_agreement))
    if info.archival_profile and refs.profiles and info.archival_profile not in refs.profiles:
        failures.append(Failure("CHECK_HEADER.CHECK_IC_AP_RELATION.UNKNOWN.KO",
                                f"The archive profile {info.archival_profile!r} is unknown to this platform.",
                                tech=info.archival_profile))
    return failures


def run_ingest(request: IngestRequest, refs: SandboxReferentials, validator: Validator) -> IngestResult:
    """Run the workflow on the stored SIP and write ``atr.xml`` beside it."""
    atr = request.sip.parent / "atr.xml"
    info: ManifestInfo | None = None
    failures: list[Failure] = []
    if not zipfile.is_zipfile(request.sip):
        failures = [Failure("CHECK_CONTAINER.KO", "The SIP is not a zip archive (the sandbox accepts zip only).")]
    else:
        with zipfile.ZipFile(request.sip) as zf:
            failures, manifest = _package_checks(request, zf)
            if manifest is not None:
                try:
                    with zf.open(manifest) as stream:
                        info = read_manifest_info(stream)
                except etree.XMLSyntaxError as exc:
                    failures = [Failure("CHECK_SEDA.NOT_XML_FILE.KO", f"The manifest is not well-formed XML: {exc}")]
        if info is not None and not failures:
            failures = _header_checks(info, refs)
            if not any(f.status == "KO" for f in failures) and info.version is not None:
                failures += list(validator(request.sip, info, refs))
    status = max((f.status for f in failures), key=STATUS_RANK.__getitem__, default="OK")
    write_atr(atr, operation_id=request.operation_id, reply_code=status, info=info,
              events=build_events(failures, info), test=request.context_id == "BLANK_TEST")
    return IngestResult(status, atr, failures, info)


def build_events(failures: list[Failure], info: ManifestInfo | None = None) -> list[Event]:
    """ATR events as Vitam lists them: the step, the action (with its subcode), then the object LogBooks."""
    group_of = {o.id: o.group or o.id for o in info.objects} if info is not None else {}
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
