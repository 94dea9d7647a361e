"""Hostile inputs are refused clearly; referentials and profiles are read strictly, with line numbers."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from app.seda.profiles import ProfileError, load_profile
from app.seda.referentials import ReferentialError, Referentials
from app.seda.validation import ValidationError, validate
from app.seda.validation.facts import collect
from tests.conftest import CORPUS

SEDA = CORPUS / "seda"
NS = "fr:gouv:culture:archivesdefrance:seda:v2.1"
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l "lol">'
          + "".join(f'<!ENTITY l{i} "{"&l{};".format("" if i == 1 else i - 1) * 10}">' for i in range(1, 10))
          + f']><ArchiveTransfer xmlns="{NS}">&l9;</ArchiveTransfer>')
EXTERNAL = (f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<ArchiveTransfer xmlns="{NS}">&x;</ArchiveTransfer>')


@pytest.mark.parametrize("text", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_entities_are_refused_without_expansion(tmp_path: Path, text: str) -> None:
    manifest = tmp_path / "manifest.xml"
    manifest.write_text(text)
    started = time.monotonic()
    report = validate(manifest)
    assert time.monotonic() - started < 5
    assert [f.check for f in report.findings] == ["schema.doctype"]
    assert "passwd" not in report.findings[0].render()


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def test_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.xml", b"<a/>")
        with zf.open("Content/zeros.bin", "w", force_zip64=True) as out:
            chunk = bytes(1 << 20)
            for _ in range(100):
                out.write(chunk)
    report = validate(tmp_path / "bomb.zip")
    assert report.findings[0].check == "package.zip-bomb"


def test_unsafe_entries_and_names(tmp_path: Path) -> None:
    manifest = zipfile.ZipFile(SEDA / "sip/valid/seda-2.1/OK_468.zip").read("manifest.xml")
    path = _zip(tmp_path / "sip.zip", {"manifest.xml": manifest, "/etc/abs.txt": b"x", "Content/sp ace.txt": b"x"})
    checks = [f.check for f in validate(path).findings]
    assert checks[:2] == ["package.unsafe-entry", "package.entry-name"]


def test_not_a_file_is_an_io_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        validate(tmp_path / "absent.xml")


def test_unit_lines_map_to_innermost_unit() -> None:
    with open(SEDA / "sip/valid/manifests/seda-2.1_Mercier.xml", "rb") as f:
        facts = collect(f, None)
    assert len(facts.units) == 497
    for unit in list(facts.units.values())[:50]:
        assert facts.unit_at(unit.line) is unit
        assert unit.end > unit.line


def test_rules_and_agencies_load_by_header() -> None:
    ref = SEDA / "referentials"
    loaded = Referentials.load([ref / "rules" / "rules_ok.csv", ref / "agencies" / "agencies_init.csv"])
    assert loaded.rules["APP-00001"].type == "AppraisalRule"
    assert loaded.rules["HOL-00002"].duration == ""
    assert "Identifier0" in loaded.agencies


@pytest.mark.parametrize("name, line, words", [
    ("rules/rules_ko_ruleType_invalide.csv", 2, "aPPRAISALrUle"),
    ("agencies/KO_agencies_same_identifer.csv", 4, "defined twice"),
])
def test_invalid_referentials_name_the_line(name: str, line: int, words: str) -> None:
    with pytest.raises(ReferentialError) as info:
        Referentials.load([SEDA / "referentials" / name])
    assert f"line {line}" in str(info.value) and words in str(info.value)


def test_holdrule_without_measurement_is_refused() -> None:
    with pytest.raises(ReferentialError, match="RuleMeasurement"):
        Referentials.load([SEDA / "referentials/rules"
                           / "rules_ko_holdrule_ruleMeasurement_vide_ruleDuration_non_vide.csv"])


def test_referential_directory_and_unknown_header(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ReferentialError, match="unknown header"):
        Referentials.load([tmp_path])


def test_profiles_detect_version_and_refuse_broken_ones() -> None:
    assert load_profile(SEDA / "profiles/vitam_Profil20.rng").version == "2.1"
    assert load_profile(SEDA / "profiles/vitam-itests_OK_profilRNG_mail_Seda2.2.rng").version == "2.2"
    assert load_profile(SEDA / "profiles/vitam-itests_profile_ok.xsd").kind == "xsd"
    with pytest.raises(ProfileError, match="line 13"):
        load_profile(SEDA / "profiles/pastis_profile_nok_BROKEN.rng")


def test_profile_with_dtd_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.rng"
    path.write_text(EXTERNAL)
    with pytest.raises(ProfileError, match="DTD"):
        load_profile(path)
