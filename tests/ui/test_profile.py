"""The archive profile: fixed values pre-filled (one undo step), mandatory fields marked in the form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.models import edits
from tests.conftest import CORPUS

PROFILE = CORPUS / "seda" / "profiles" / "pastis_PA_Exemple.rng"
XSD_PROFILE = CORPUS / "seda" / "profiles" / "vitam-itests_profile_ok.xsd"


def test_profile_fills_fixed_values_and_marks_mandatory_fields(qtbot, loaded):
    window = loaded
    transfer = window.project.transfer
    root = transfer.roots[0]
    window.push_edit(edits.SetField((root,), "DescriptionLevel", "File", transfer.version), "level")
    mm = transfer.management_metadata.copy()
    mm.append(type(mm)("ArchivalProfile", "PR-000042"))
    window.push_edit(edits.SetHeader(transfer.header, mm), "context")
    before = window.undo_stack.index()
    assert window.load_profile(str(PROFILE))
    assert window.undo_stack.index() == before + 1  # one undo step
    assert root.content.findtext("Language") == "fra"  # fixed by the profile for this level
    assert transfer.management_metadata.findtext("OriginatingAgencyIdentifier") == "0123456789"
    window.select_unit(root)
    required = {lbl.text().rstrip(" *") for lbl in window.content_form.widget().findChildren(QLabel, "required")}
    assert {"Status", "TransactedDate"} <= set(window.content_form._fields)
    assert len(required) >= 5
    window.undo_stack.undo()
    assert root.content.findtext("Language") is None
    # The project remembers its profile.
    assert window.project.settings["profile"] == str(PROFILE.resolve())


def test_bad_profile_is_refused_with_the_engines_message(qtbot, loaded, tmp_path):
    bad = tmp_path / "p.rng"
    bad.write_text("<notrng/>", encoding="utf-8")
    assert not loaded.load_profile(str(bad))
    assert loaded.profile_requirements is None and str(bad) in loaded.statusBar().currentMessage()


def test_xsd_profile_is_offered_and_loaded(qtbot, loaded, monkeypatch):
    from app.ui import profile

    asked = []

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return str(XSD_PROFILE), ""

    monkeypatch.setattr(profile.QFileDialog, "getOpenFileName", choose)
    loaded.profile_dialog()
    assert "*.xsd" in asked[0].split(";;")[0] and "*.rng" in asked[0].split(";;")[0]
    assert loaded.profile_requirements is not None
    assert loaded.project.transfer.header.findtext("Comment") == "Matrice cadastrale numérique"
    assert loaded.project.settings["profile"] == str(XSD_PROFILE.resolve())
