"""The archive profile: fixed values pre-filled (one undo step), mandatory fields marked in the form."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit

from app.models import edits
from app.models.metadata import Element
from app.seda.interop.profile_requirements import Requirement
from app.ui.editors.content import MetadataForm
from app.ui.labels import label
from tests.conftest import CORPUS

PROFILE = CORPUS / "seda" / "profiles" / "pastis_PA_Exemple.rng"
XSD_PROFILE = CORPUS / "seda" / "profiles" / "vitam-itests_profile_ok.xsd"
# "Enregistrement audio" (ID19) must have an AppraisalRule and an AccessRule with fixed ids in its Management;
# "Convocation-OJ" (ID16) a Signature whose Signer has a FullName; "Feuille d'émargement-élus" (ID25) neither.
PASTIS_PROFILE = CORPUS / "seda" / "profiles" / "pastis_rngProfile.rng"
PASTIS_MANIFEST = CORPUS / "seda" / "sip" / "valid" / "manifests" / "seda-2.1_pastis_manifestOK.xml"


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


def _required(widget) -> list[str]:
    return [lbl.text() for lbl in widget.findChildren(QLabel, "required")]


def _rules_box(window, category: str) -> QGroupBox:
    return window.rules_editor.widget().findChild(QGroupBox, category)


@pytest.fixture
def pastis(qtbot, window):
    """The window with the PASTIS sample transfer, its first row selected."""
    with qtbot.waitSignal(window.imported, timeout=60000):
        window.import_path(str(PASTIS_MANIFEST))
    qtbot.waitUntil(lambda: window.current is not None)
    return window, {unit.id: unit for unit in window.project.transfer.iter_units()}


def test_rules_tab_and_sub_forms_mark_what_the_profile_requires(qtbot, pastis):
    window, units = pastis
    assert window.load_profile(str(PASTIS_PROFILE))
    audio = units["ID19"]
    assert audio.management.find("AccessRule").findtext("Rule") == "ACC-00020"
    # The archivist removes the access rule: the profile still requires one.
    management = audio.management.copy()
    management.remove_all("AccessRule")
    window.push_edit(edits.set_management(audio, management), "rules")
    window.select_unit(audio)
    window.editor_tabs.setCurrentWidget(window.rules_editor)

    access = _rules_box(window, "AccessRule")
    assert _required(access) == [f"{label('AccessRule')} *", "Rule *", "from *"]  # StartDate is required too
    rule = access.findChild(QLineEdit, "rule")
    assert rule.text() == "" and "ACC-00020" in rule.placeholderText()  # suggested, not written
    assert audio.management.find("AccessRule") is None
    appraisal = _rules_box(window, "AppraisalRule")
    assert _required(appraisal)[:2] == [f"{label('AppraisalRule')} *", "Rule *"]
    assert f"{label('FinalAction')} *" in _required(appraisal)
    assert appraisal.findChild(QLineEdit, "rule").text() == "APP-00015"
    assert _required(_rules_box(window, "StorageRule")) == [] and _rules_box(window, "StorageRule").title()
    # Filling the empty rule writes it (one edit), in schema order.
    qtbot.keyClicks(access.findChild(QLineEdit, "rule"), "ACC-00020")
    assert [c.tag for c in audio.management.children] == ["AppraisalRule", "AccessRule"]
    assert audio.management.find("AccessRule").findtext("Rule") == "ACC-00020"

    # A nested field of a sub-form: the Signer's FullName.
    window.select_unit(units["ID16"])
    window.editor_tabs.setCurrentWidget(window.content_form)
    required = _required(window.content_form.widget())
    assert {f"{label('Signature')} *", f"{label('Signer')} *", f"{label('FullName')} *"} <= set(required)
    assert f"{label('Function')} *" not in required  # optional in the profile
    assert not any(_required(box) for box in window.rules_editor.widget().findChildren(QGroupBox))

    # A unit of another pattern of the same level: nothing below Content's top level, no rules.
    window.select_unit(units["ID25"])
    assert f"{label('FullName')} *" not in _required(window.content_form.widget())
    assert not any(_required(box) for box in window.rules_editor.widget().findChildren(QGroupBox))


def test_nothing_is_marked_without_a_profile(qtbot, pastis):
    window, units = pastis
    for unit_id in ("ID19", "ID16"):
        window.select_unit(units[unit_id])
        assert _required(window.content_form.widget()) == [] and _required(window.rules_editor.widget()) == []
    management = units["ID19"].management.copy()
    management.remove_all("AccessRule")
    window.push_edit(edits.set_management(units["ID19"], management), "rules")
    window.select_unit(units["ID19"])
    assert _rules_box(window, "AccessRule").findChild(QLineEdit, "rule") is None  # no empty rule offered


def test_sub_form_fields_are_marked_where_the_group_is(qtbot):
    """Writer/FirstName is required of every Writer: marked when the unit has one, or when Writer is required."""
    form = MetadataForm()
    qtbot.addWidget(form)
    edited = []
    form.content_edited.connect(lambda content, key: edited.append(content))
    first_name = {"Writer/FirstName": Requirement("Writer/FirstName", 1, 1)}
    content = Element("Content", children=[Element("Title", "Lettre"), Element("Writer", children=[
        Element("FullName", "Jeanne Martin")])])
    form.load(content, "2.2", None, {"Writer": Requirement("Writer", 0, None), **first_name})
    assert _required(form.widget()) == [f"{label('FirstName')} *"]  # shown empty in the unit's Writer
    form.load(Element("Content", children=[Element("Title", "Lettre")]), "2.2", None,
              {"Writer": Requirement("Writer", 0, None), **first_name})
    assert _required(form.widget()) == [] and not form.widget().findChildren(QGroupBox)
    # A mandatory Writer is shown as an empty group with its mandatory fields; nothing is written until filled.
    form.load(Element("Content", children=[Element("Title", "Lettre")]), "2.2", None,
              {"Writer": Requirement("Writer", 1, None), **first_name})
    assert _required(form.widget()) == [f"{label('Writer')} *", f"{label('FirstName')} *"]
    assert len(form.widget().findChildren(QGroupBox)) == 1 and not edited
    field = form._fields["FirstName"]
    assert isinstance(field, QLineEdit) and field.text() == ""
    qtbot.keyClicks(field, "Jeanne")
    assert edited[-1].find("Writer").findtext("FirstName") == "Jeanne"
