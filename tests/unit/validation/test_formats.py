"""Vitam pre-flight: each object identified from its bytes by Siegfried (OG_OBJECTS_FORMAT_CHECK)."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from app.seda.referentials import Referentials
from app.seda.report import Severity
from app.seda.validation import formats, validate
from tests.conftest import CORPUS

UNCHARTED = CORPUS / "seda" / "sip" / "invalid" / "business" / "KO_FORMAT_UNCHARTED.zip"
FORMATS = CORPUS / "seda" / "referentials" / "formats" / "DROID_SignatureFile_V122.xml"
FORMAT_CHECKS = ("vitam.unidentified-format", "vitam.format-mismatch")


@pytest.fixture(scope="module")
def droid() -> Referentials:
    return Referentials.load([FORMATS])


def _variant(tmp_path: Path, name: str, data: bytes, format_id: str = "fmt/206") -> Path:
    """KO_FORMAT_UNCHARTED with its one object replaced by *data* named Content/*name*."""
    with zipfile.ZipFile(UNCHARTED) as source:
        manifest = source.read("manifest.xml").decode("utf-8")
        old = source.read("Content/ID5.sql")
    manifest = (manifest.replace("Content/ID5.sql", f"Content/{name}")
                .replace(hashlib.sha512(old).hexdigest(), hashlib.sha512(data).hexdigest())
                .replace(f"<Size>{len(old)}</Size>", f"<Size>{len(data)}</Size>")
                .replace("<FormatId>fmt/206</FormatId>", f"<FormatId>{format_id}</FormatId>"))
    target = tmp_path / "sip.zip"
    with zipfile.ZipFile(target, "w") as out:
        out.writestr("manifest.xml", manifest)
        out.writestr(f"Content/{name}", data)
    return target


def _format_findings(report) -> list:
    return [f for f in report.findings if f.check in FORMAT_CHECKS]


def test_extension_only_match_is_rejected_naming_object_and_unit(droid: Referentials) -> None:
    report = validate(UNCHARTED, referentials=droid)
    assert not report.valid
    first = report.findings[0]
    assert (first.check, first.vitam_code, first.severity) == (
        "vitam.unidentified-format", "OG_OBJECTS_FORMAT_CHECK.KO", Severity.ERROR)
    assert first.object_id == "ID5" and first.unit_id == "ID6" and first.unit_title == "test.sql"
    text = first.render()
    assert "ID5" in text and "fmt/206" in text and "extension" in text and "convert" in text


def test_unknown_content_is_rejected(tmp_path: Path, droid: Referentials) -> None:
    data = bytes((i * 37 + 11) % 256 for i in range(600))
    report = validate(_variant(tmp_path, "ID5.zz9", data), referentials=droid)
    found = _format_findings(report)
    assert [f.check for f in found] == ["vitam.unidentified-format"]
    assert "cannot identify" in found[0].render() and found[0].unit_id == "ID6"


def test_identified_format_other_than_declared_is_a_warning(tmp_path: Path, droid: Referentials) -> None:
    report = validate(_variant(tmp_path, "ID5.txt", b"Plain words, nothing else.\n" * 20), referentials=droid)
    found = _format_findings(report)
    assert report.valid, [f.render() for f in report.errors]
    assert [(f.check, f.severity, f.vitam_code) for f in found] == [
        ("vitam.format-mismatch", Severity.WARNING, "OG_OBJECTS_FORMAT_CHECK.WARNING")]
    assert "fmt/206" in found[0].render() and "x-fmt/111" in found[0].render()


def test_matching_format_gives_nothing(tmp_path: Path, droid: Referentials) -> None:
    report = validate(_variant(tmp_path, "ID5.txt", b"Plain words.\n" * 20, "x-fmt/111"), referentials=droid)
    assert report.valid and not _format_findings(report)


def test_only_with_a_formats_referential_and_vitam_checks(monkeypatch: pytest.MonkeyPatch,
                                                          droid: Referentials) -> None:
    def refuse() -> formats.Identify:
        raise AssertionError("Siegfried must not run")

    monkeypatch.setattr(formats, "siegfried", refuse)
    rules = Referentials.load([CORPUS / "seda" / "referentials" / "rules" / "jeu_donnees_OK_regles_CSV_regles.csv"])
    assert validate(UNCHARTED).valid
    assert validate(UNCHARTED, referentials=rules).valid
    assert validate(UNCHARTED, referentials=droid, vitam=False).valid


def test_each_object_is_copied_to_a_private_file_then_deleted(monkeypatch: pytest.MonkeyPatch,
                                                              droid: Referentials) -> None:
    seen: list[tuple[str, bytes, int]] = []
    real = formats.siegfried()

    def recording() -> formats.Identify:
        def identify(path: str) -> formats.Identification:
            seen.append((path, Path(path).read_bytes(), os.stat(os.path.dirname(path)).st_mode & 0o777))
            return real(path)
        return identify

    monkeypatch.setattr(formats, "siegfried", recording)
    validate(UNCHARTED, referentials=droid)
    [(path, data, mode)] = seen
    with zipfile.ZipFile(UNCHARTED) as archive:
        assert data == archive.read("Content/ID5.sql")
    assert path.endswith(".sql") and mode == 0o700
    assert not os.path.exists(path) and not os.path.exists(os.path.dirname(path))


def test_objects_above_the_bound_are_not_identified(monkeypatch: pytest.MonkeyPatch, droid: Referentials) -> None:
    monkeypatch.setattr(formats, "MAX_IDENTIFY_BYTES", 100)
    assert not _format_findings(validate(UNCHARTED, referentials=droid))


@pytest.mark.parametrize("match, by_content", [
    ({"id": "fmt/206", "basis": "extension match sql", "warning": "match on extension only"}, False),
    ({"id": "UNKNOWN", "basis": "", "warning": "no match"}, False),
    ({"id": "x-fmt/111", "basis": "text match ASCII", "warning": "match on text only; extension mismatch"}, True),
    ({"id": "fmt/19", "basis": "extension match pdf; byte match at [[0 8] [370983 5]]", "warning": ""}, True),
])
def test_siegfried_results_by_basis(match: dict, by_content: bool) -> None:
    found = formats.parse({"files": [{"errors": "", "matches": [match]}]})
    assert found.by_content is by_content
    assert found.puid == (None if match["id"] == "UNKNOWN" else match["id"])


def test_without_pygfried_the_check_says_it_did_not_run(monkeypatch: pytest.MonkeyPatch,
                                                         droid: Referentials) -> None:
    def missing() -> formats.Identify:
        raise ImportError("pygfried")

    monkeypatch.setattr(formats, "siegfried", missing)
    report = validate(UNCHARTED, referentials=droid)
    assert report.valid and [f.check for f in report.findings] == ["vitam.format-not-checked"]
