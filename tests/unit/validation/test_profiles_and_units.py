"""Resip's profile pair, objects inside their group, and units named in one-line manifests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.seda.report import Severity
from app.seda.validation import validate
from tests.conftest import CORPUS, RESIP_SAMPLES

SEDA = CORPUS / "seda"
TNR_PROFILE = SEDA / "profiles/vitam-itests_profil_ok_PROFIL_TNR_RNG.rng"


def test_resip_ok_pair_passes_with_a_warning_about_groups() -> None:
    report = validate(RESIP_SAMPLES / "OK_468.zip", profile=RESIP_SAMPLES / "profile.rng")
    assert report.valid, [f.render() for f in report.errors]
    [warning] = [f for f in report.findings if f.layer == "profile"]
    assert warning.severity is Severity.WARNING and warning.check == "profile.expects-groups"
    assert "DataObjectGroup" in warning.render()


def test_resip_ko_pair_names_the_title() -> None:
    report = validate(RESIP_SAMPLES / "KO_468.zip", profile=RESIP_SAMPLES / "profile.rng")
    assert not report.valid
    [error] = report.errors
    assert error.check == "profile.invalid" and error.unit_id == "ID01"
    assert "Title" in error.render() and "BinaryDataObject" not in error.render()


def test_a_profile_made_for_loose_objects_keeps_its_own_errors() -> None:
    # This profile expects objects outside groups: normalising must not replace its verdict or its line.
    report = validate(SEDA / "sip/invalid/profile/KO_468.zip", profile=TNR_PROFILE)
    assert [f.check for f in report.findings if f.layer == "profile"] == ["profile.invalid"]
    assert report.errors[0].line == 70


@pytest.mark.parametrize("dest", [
    "sip/invalid/vitam-extensions/OK_SEDA_2.1_SigningInformationAsExtension.zip",
    "sip/invalid/vitam-extensions/OK_SIP_FULL_SEDA2.2.zip",
    "sip/invalid/vitam-extensions/OK_SIP_FULL_SEDA2.3.zip",
], ids=lambda d: d.split("/")[-1])
def test_object_in_a_referenced_group_is_not_an_orphan(dest: str) -> None:
    # ID17 sits in DataObjectGroup ID30, which a unit references, but also carries DataObjectGroupId ID16.
    report = validate(SEDA / dest)
    assert "package.orphan-object" not in {f.check for f in report.findings}
    assert report.vitam_only


def test_loose_orphans_are_still_found() -> None:
    report = validate(SEDA / "sip/invalid/package/KO_OBJT_orphelins.zip")
    orphans = [f for f in report.findings if f.check == "package.orphan-object"]
    assert orphans and all(f.object_id for f in orphans)


def _one_line(zip_path: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(zip_path) as archive:
        data = archive.read("manifest.xml")
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True, remove_comments=True))
    path = tmp_path / "manifest.xml"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    assert path.read_bytes().count(b"\n") <= 1
    return path


def test_schema_error_in_a_one_line_manifest_names_its_unit(tmp_path: Path) -> None:
    path = _one_line(SEDA / "sip/invalid/xsd/KO_AU_GOT_VIDE.zip", tmp_path)
    first = validate(path).findings[0]
    assert first.check == "schema.xsd" and first.line == 2  # line 1 is the XML declaration
    assert first.unit_id == "ID22" and first.path.startswith("//ArchiveUnit[@id='ID22']")


def test_profile_error_in_a_one_line_manifest_names_its_unit(tmp_path: Path) -> None:
    path = _one_line(SEDA / "sip/invalid/profile/KO_468.zip", tmp_path)
    report = validate(path, profile=TNR_PROFILE)
    first = report.errors[0]
    assert first.check == "profile.invalid" and first.unit_id == "ID01" and first.unit_title == "Versement"
