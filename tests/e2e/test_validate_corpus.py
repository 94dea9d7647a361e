"""Validation verdicts on the shared corpus, driven by corpus/seda/index.json and its README."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.seda.referentials import Referentials
from app.seda.validation import validate
from app.seda.validation.report import VITAM_ONLY
from app.seda.validation.xsd_messages import explain
from tests.conftest import CORPUS, RESIP_SAMPLES

SEDA = CORPUS / "seda"
INDEX = json.loads((SEDA / "index.json").read_text(encoding="utf-8"))
SIPS = [f["dest"] for f in INDEX["files"] if f["dest"].startswith("sip/")]

# The real cause of each rejection, as the corpus README names it: (first check, Vitam code or None).
EXPECTED = {
    "KO_BORD_xmlKO_sansobjet.zip": ("schema.not-xml", "CHECK_SEDA.NOT_XML_FILE.KO"),
    "KO_BORD_mauvais_format.zip": ("schema.not-xml", "CHECK_SEDA.NOT_XML_FILE.KO"),
    "KO_SIP_INSUPPORTED_SEDA_VERSION.zip": ("schema.unsupported-version", "CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO"),
    "KO_2216_CA2_non_conforme_SEDA.zip": ("schema.xsd", "CHECK_SEDA.NOT_XSD_VALID.KO"),
    "KO_AU_GOT_VIDE.zip": ("schema.xsd", "CHECK_SEDA.NOT_XSD_VALID.KO"),
    "KO_SEDA_2.3_Signature.zip": ("schema.xsd", "CHECK_SEDA.NOT_XSD_VALID.KO"),
    "KO_2_OBJT_declarent_le_GO.zip": ("schema.duplicate-id", "CHECK_SEDA.NOT_XSD_VALID.KO"),
    "KO_BORD_absent.zip": ("package.no-manifest", "MANIFEST_FILE_NAME_CHECK.KO"),
    "KO_DEUX-Manifest.zip": ("package.extra-root-file", "CHECK_SEDA.CONTAINER_FORMAT.FILE.KO"),
    "KO_DEUX_Contents.zip": ("package.extra-root-folder", "CHECK_SEDA.CONTAINER_FORMAT.DIRECTORY.KO"),
    "KO_BORD_empreinte_KO.zip": (None, "CHECK_DIGEST.INVALID.KO"),  # size and digest both wrong in this SIP
    "DIGEST_VIDE.zip": ("package.digest-empty", "CHECK_DIGEST.EMPTY.KO"),
    "sip_incorrect_size.zip": ("package.size-mismatch", "CHECK_OBJECT_SIZE.WARNING"),
    "KO_SUPERIOR_BDO.zip": ("package.missing-file", "CHECK_MANIFEST_OBJECTNUMBER.MANIFEST_SUPERIOR_BDO.KO"),
    "KO_INFERIOR_BDO.zip": ("package.unreferenced-file", "CHECK_MANIFEST_OBJECTNUMBER.MANIFEST_INFERIOR_BDO.KO"),
    "KO_INVALID_URI.zip": ("package.missing-file", "CHECK_MANIFEST_OBJECTNUMBER.INVALID_URI.KO"),
    "SIP_KO_PathTraversalInFileName.zip": ("package.unsafe-entry", "STP_UPLOAD_SIP.KO"),
    "SIP_KO_BackSlashInFileName.zip": ("package.unsafe-entry", "STP_UPLOAD_SIP.KO"),
    "KO_CYCLE.zip": ("schema.unit-cycle", "CHECK_MANIFEST.CHECK_MANIFEST_LOOP.KO"),
    "KO_OBJT_orphelins.zip": ("package.orphan-object", "CHECK_DATAOBJECTPACKAGE.CHECK_CONSISTENCY.KO"),
    "KO_USAGES_2_BM.zip": ("package.duplicate-version", "CHECK_DATAOBJECTPACKAGE.CHECK_MANIFEST.KO"),
    "KO_WRONG_USAGE_VERSION.zip": ("package.invalid-version",
                                   "CHECK_MANIFEST_DATAOBJECT_VERSION.INVALID_DATAOBJECTVERSION.KO"),
    "KO_PhysicalInBinary.zip": ("package.physical-master-on-binary",
                                "CHECK_MANIFEST_DATAOBJECT_VERSION.BDO_DATAOBJECTIONVERSION_PHYSICALMASTER.KO"),
    "KO_Endate_anterieur_Started.zip": ("vitam.end-before-start", "CHECK_UNIT_SCHEMA.CONSISTENCY.KO"),
    "KO_1791_SIP_TITLE_VIDE.zip": ("vitam.empty-title", "CHECK_UNIT_SCHEMA.INVALID_UNIT.KO"),
    "KO_1791_SIP_RG-STARTDATE_AN9000.zip": ("vitam.date-out-of-range", "CHECK_UNIT_SCHEMA.INVALID_UNIT.KO"),
    "KO_RefNonRuleId_autre_categorie.zip": ("vitam.rule-category", "UNITS_RULES_COMPUTE.REF_INCONSISTENCY.KO"),
    "KO_SIP_Without_ArchivalAgreement_Tag_In_Manifest.zip": (
        "vitam.no-archival-agreement", "CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_NOT_IN_MANIFEST.KO"),
    "KO_ORIGINATINGAGENCY_ET_SUBMISSIONAGENCY_PAS_REFERENTIEL_AGENTS.zip": (
        "vitam.unknown-agency", "CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO"),
    "SIP_KO_HoldRules_HoldEndDateBeforeStartDate.zip": ("vitam.hold-dates", None),
    # fmt/206 is in the formats referential, but Siegfried recognises the .sql file from its extension only
    "KO_FORMAT_UNCHARTED.zip": ("vitam.unidentified-format", "OG_OBJECTS_FORMAT_CHECK.KO"),
    "seda-2.1_manifest_ko_Profil20.xml": ("schema.idref", "CHECK_SEDA.NOT_XSD_VALID.KO"),  # dangling Do5
}
KNOWN_GAPS: set[str] = set()
PROFILE_ONLY = {"KO_468.zip", "seda-2.1_pastis_manifestNOK.xml"}  # XSD-valid: only their profile rejects them


@pytest.fixture(scope="module")
def referentials() -> Referentials:
    ref = SEDA / "referentials"
    return Referentials.load([ref / "rules" / "jeu_donnees_OK_regles_CSV_regles.csv",
                              ref / "agencies" / "agencies.csv", ref / "formats" / "DROID_SignatureFile_V122.xml"])


@pytest.mark.parametrize("dest", [d for d in SIPS if d.startswith("sip/valid/")], ids=lambda d: d.split("/")[-1])
def test_valid_corpus_is_accepted(dest: str) -> None:
    report = validate(SEDA / dest)
    assert report.valid, [f.render() for f in report.errors]
    expected = next(f["check"]["seda"] for f in INDEX["files"] if f["dest"] == dest)
    assert report.version == expected


@pytest.mark.parametrize("dest", [d for d in SIPS if d.startswith("sip/valid/") and d.endswith(".zip")],
                         ids=lambda d: d.split("/")[-1])
def test_valid_corpus_objects_are_identified(dest: str, referentials: Referentials) -> None:
    """With the formats referential, Siegfried identifies every object of the valid SIPs from its content."""
    report = validate(SEDA / dest, referentials=Referentials(formats=referentials.formats))
    assert report.valid, [f.render() for f in report.errors]
    assert not [f for f in report.findings if f.check == "vitam.unidentified-format"]


@pytest.mark.parametrize("dest", [d for d in SIPS if d.startswith("sip/invalid/")], ids=lambda d: d.split("/")[-1])
def test_invalid_corpus_is_rejected_for_its_real_cause(dest: str, referentials: Referentials) -> None:
    name = dest.split("/")[-1]
    if name in KNOWN_GAPS or name in PROFILE_ONLY:
        pytest.skip("covered elsewhere or a documented gap")
    report = validate(SEDA / dest, referentials=referentials if "/business/" in dest else None)
    assert not report.valid
    first = report.findings[0]
    if "/vitam-extensions/" in dest:
        schema_errors = [f for f in report.errors if f.layer == "schema"]
        assert schema_errors and schema_errors[0].check == VITAM_ONLY, [f.render() for f in schema_errors[:3]]
        return
    check, code = EXPECTED[name]
    if check is not None:
        assert first.check == check, [f.render() for f in report.findings[:3]]
    assert code is None or code in {f.vitam_code for f in report.findings[:2]}


def test_every_finding_of_a_schema_error_names_its_unit() -> None:
    report = validate(SEDA / "sip/invalid/xsd/KO_AU_GOT_VIDE.zip")
    first = report.findings[0]
    assert first.line == 184 and first.unit_id == "ID22" and first.unit_title
    assert "DataObjectGroupReferenceId" in first.render() and first.path.startswith("//ArchiveUnit[@id='ID22']")


@pytest.mark.parametrize("pair", INDEX["profile_pairs"], ids=lambda p: p["profile"].split("/")[-1] + "+"
                         + p["manifest"].split("/")[-1])
def test_profile_pairs(pair: dict) -> None:
    report = validate(SEDA / pair["manifest"], profile=SEDA / pair["profile"], vitam=False)
    findings = [f for f in report.findings if f.layer == "profile"]
    if pair["valid"]:
        assert not findings
    else:
        line = int(pair["first_error"].split(":")[0].split()[1])
        message = str(explain(pair["first_error"].split(": ", 1)[1]))  # libxml2's words, as Liasse says them
        assert any(f.line == line and message in f.render() for f in findings), [f.render() for f in findings]


def test_profile_finding_names_the_unit() -> None:
    report = validate(SEDA / "sip/invalid/profile/KO_468.zip",
                      profile=SEDA / "profiles/vitam-itests_profil_ok_PROFIL_TNR_RNG.rng")
    first = report.findings[0]
    assert first.check == "profile.invalid" and first.unit_id == "ID01"
    assert first.vitam_code.endswith("ARCHIVEPROFILE.KO")


def test_resip_truncated_zip_is_refused_clearly() -> None:
    report = validate(RESIP_SAMPLES / "TestSipV2.zip")
    assert [f.check for f in report.findings] == ["package.bad-zip"]


def test_cli_validate_exit_codes_and_json(tmp_path: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app.cli", "validate", *args], capture_output=True, text=True)

    ok = cli(str(SEDA / "sip/valid/seda-2.1/OK_468.zip"))
    assert ok.returncode == 0, ok.stderr
    ko = cli(str(SEDA / "sip/invalid/package/KO_CYCLE.zip"), "--format", "json")
    assert ko.returncode == 1
    data = json.loads(ko.stdout)
    assert data["findings"][0]["check"] == "schema.unit-cycle" and data["verdict"] == "invalid"
    assert cli(str(tmp_path / "missing.zip")).returncode == 2
    broken = cli(str(SEDA / "sip/valid/seda-2.1/OK_468.zip"), "--profile",
                 str(SEDA / "profiles/pastis_profile_nok_BROKEN.rng"))
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
