"""How the sandbox checks a manifest and its objects: the validation engine, or a basic fallback.

:func:`engine_validator` calls ``app.seda.validation.validate`` (XSD, digests, referentials, profile,
Vitam rules) and turns its findings into :class:`Failure` objects keyed by their Vitam code. When
that engine is not installed, :func:`basic_validator` still runs what a trainee meets most often:
the official XSD, object digests and sizes, agencies and rule ids against the referentials.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from app.sae.sandbox.manifest_info import ManifestInfo
from app.sae.sandbox.processing import DIGEST_ALGORITHMS, MANIFEST_NAME, Failure, Validator
from app.sae.sandbox.referentials import SandboxReferentials

# Fallback OutcomeDetail per finding layer, for findings the engine gives without a Vitam code.
LAYER_CODES = {"xsd": "CHECK_SEDA.NOT_XSD_VALID", "schema": "CHECK_SEDA.NOT_XSD_VALID",
               "package": "CHECK_DATAOBJECTPACKAGE", "digest": "CHECK_DIGEST",
               "referentials": "CHECK_HEADER", "referential": "CHECK_HEADER",
               "profile": "CHECK_HEADER.CHECK_ARCHIVEPROFILE", "rules": "UNITS_RULES_COMPUTE",
               "vitam": "CHECK_UNIT_SCHEMA"}
# The sandbox's own header checks own these codes (its contract list is the authority).
_OWN_CODES = ("CHECK_HEADER.CHECK_CONTRACT_INGEST",)


def _status(severity: object) -> str | None:
    name = str(getattr(severity, "name", None) or getattr(severity, "value", None) or severity).upper()
    if name in ("ERROR", "FATAL", "KO", "CRITICAL"):
        return "KO"
    if name in ("WARNING", "WARN"):
        return "WARNING"
    return None


def finding_to_failure(finding: object) -> Failure | None:
    """One engine finding as a sandbox failure (None for information-level findings)."""
    status = _status(getattr(finding, "severity", None))
    if status is None:
        return None
    code = getattr(finding, "vitam_code", None) or LAYER_CODES.get(str(getattr(finding, "layer", "")).lower(),
                                                                   "CHECK_SEDA")
    if code.rsplit(".", 1)[-1] not in ("OK", "WARNING", "KO", "FATAL"):
        code = f"{code}.{status}"
    message = getattr(finding, "message", "")
    text = message.render() if hasattr(message, "render") else str(message)
    return Failure(code, text, unit_id=getattr(finding, "unit_id", None) or "",
                   object_id=getattr(finding, "object_id", None) or "")


def engine_validator(sip: Path, info: ManifestInfo, refs: SandboxReferentials) -> Iterator[Failure]:
    """Run the validation engine on the stored SIP."""
    from app.seda.validation import validate

    profile = refs.profiles.get(info.archival_profile) if info.archival_profile else None
    report = validate(sip, profile=profile, referentials=refs.engine_referentials(), vitam=True)
    seen: set[tuple[str, str, str, str]] = set()
    for finding in report.findings:
        failure = finding_to_failure(finding)
        if failure is None or failure.detail.startswith(_OWN_CODES):
            continue
        key = (failure.detail, failure.message, failure.unit_id, failure.object_id)
        if key not in seen:
            seen.add(key)
            yield failure


def basic_validator(sip: Path, info: ManifestInfo, refs: SandboxReferentials) -> Iterator[Failure]:
    """XSD, digests and sizes, agencies and rule ids: the checks used when the engine is missing."""
    from app.seda.xsd import validate_manifest

    with zipfile.ZipFile(sip) as zf:
        manifest = next(n for n in zf.namelist() if "/" not in n and MANIFEST_NAME.match(n))
        fd, tmp = tempfile.mkstemp(dir=sip.parent, suffix=".xml")
        try:
            with os.fdopen(fd, "wb") as out, zf.open(manifest) as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    out.write(chunk)
            violations = validate_manifest(Path(tmp), info.version or "2.1")
        finally:
            Path(tmp).unlink(missing_ok=True)
        if violations:
            for v in violations[:20]:
                yield Failure("CHECK_SEDA.NOT_XSD_VALID.KO", f"manifest.xml, line {v.line}: {v.message}")
            return
        yield from _agency_checks(info, refs)
        entries = {i.filename: i for i in zf.infolist()}
        for obj in info.objects:
            if obj.kind != "BinaryDataObject":
                continue
            entry = entries.get(obj.uri)
            if entry is None:
                yield Failure("CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST_OBJECTNUMBER.INVALID_URI.KO",
                              f"The object {obj.id} points to {obj.uri!r}, which is not in the SIP.", object_id=obj.id)
                continue
            if not obj.digest:
                yield Failure("CHECK_DIGEST.EMPTY.KO", f"The object {obj.id} has an empty MessageDigest.",
                              object_id=obj.id)
                continue
            algorithm = DIGEST_ALGORITHMS.get(obj.algorithm.upper())
            if algorithm is None:
                yield Failure("CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST_DATAOBJECT_VERSION.INVALIDE_ALGO.KO",
                              f"The object {obj.id} uses an unknown digest algorithm {obj.algorithm!r}.",
                              object_id=obj.id)
                continue
            digest = hashlib.new(algorithm)
            with zf.open(entry) as stream:
                for chunk in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(chunk)
            if digest.hexdigest() != obj.digest.lower():
                yield Failure("CHECK_DIGEST.INVALID.KO", f"The digest of {obj.uri} ({obj.algorithm}) is "
                                                         f"{digest.hexdigest()}, the manifest says {obj.digest}.",
                              object_id=obj.id)
            elif obj.size and obj.size != str(entry.file_size):
                yield Failure("CHECK_OBJECT_SIZE.WARNING", f"The size of {obj.uri} is {entry.file_size}, the "
                                                           f"manifest says {obj.size}.", object_id=obj.id)
    if refs.rules is not None:
        for unit_id, category, rule_id in info.rules:
            if rule_id not in refs.rules:
                yield Failure("UNITS_RULES_COMPUTE.UNKNOWN.KO",
                              f"The rule {rule_id} ({category}) of unit {unit_id} is not in the rules referential.",
                              unit_id=unit_id)


def _agency_checks(info: ManifestInfo, refs: SandboxReferentials) -> Iterator[Failure]:
    if not info.originating_agency:
        yield Failure("CHECK_HEADER.CHECK_AGENT.EMPTY_REQUIRED_FIELD.KO",
                      "The manifest has no OriginatingAgencyIdentifier.")
        return
    if refs.agencies is None:
        return
    unknown = [a for a in (info.originating_agency, info.submission_agency) if a and a not in refs.agencies]
    if unknown:
        yield Failure("CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO",
                      "error originating agency validation" + str(unknown).replace("'", '"'))


def default_validator() -> Validator:
    """The engine when it is installed, else the basic checks."""
    try:
        from app.seda.validation import validate  # noqa: F401
    except ImportError:
        return basic_validator
    return engine_validator
