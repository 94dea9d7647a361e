"""Validating a folder being prepared, and the validator the build uses."""

from __future__ import annotations

from pathlib import Path

from app.seda.validation import build_validator, validate
from tests.conftest import CORPUS


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "Dossier"
    (root / "Sous dossier").mkdir(parents=True)
    (root / "a.txt").write_text("bonjour")
    (root / "Sous dossier" / "b.csv").write_text("x,y\n1,2\n")
    return root


def test_folder_is_scanned_and_checked_without_writing_a_sip(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert validate(root, vitam=False).valid
    vitam = validate(root)
    assert "vitam.no-archival-agreement" in {f.check for f in vitam.errors}
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_build_validator_applies_the_profile(tmp_path: Path) -> None:
    from app.seda import manifest as writer
    from app.seda.scanner import scan_folder

    transfer = scan_folder(_folder(tmp_path), version="2.1").transfer
    from app.seda.context import complete_header
    from app.seda.sip import assign_uris

    assign_uris(transfer)
    complete_header(transfer, writer.now_datetime())
    path = tmp_path / "manifest.xml"
    writer.write_manifest(transfer, str(path))
    assert not build_validator()(path, transfer).errors
    with_profile = build_validator(profile=CORPUS / "seda/profiles/vitam_Profil20.rng")(path, transfer)
    assert with_profile.errors and with_profile.errors[0].code == "profile.invalid"


def test_location_of_a_finding_is_translated() -> None:
    # "line 12" was hard-coded English in every French report (validate and build).
    from app.models.messages import Message
    from app.seda.report import Severity
    from app.seda.validation.report import Finding, ValidationReport

    def french(context: str, text: str) -> str:
        return {"line {line}": "ligne {line}", "{where}: {message}": "{where} : {message}",
                "broken": "cassé"}.get(text, text)

    finding = Finding(Severity.ERROR, "schema", "schema.xsd", Message("validation", "broken"), unit_id="ID4",
                      unit_title="Lettre", line=12)
    assert finding.location(french) == "ID4 \u201cLettre\u201d, ligne 12"
    assert finding.location() == "ID4 \u201cLettre\u201d, line 12"
    (problem,) = ValidationReport([finding]).to_report().problems
    assert problem.render(french) == "ID4 \u201cLettre\u201d, ligne 12 : cassé"
