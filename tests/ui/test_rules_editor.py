"""The rules editor: HoldRule's own fields (SEDA 2.2+), referential completion and computed end dates."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from app.ui import settings as opts
from app.ui.editors.fields import PartialDateEdit
from app.ui.editors.rules import end_date
from tests.conftest import CORPUS

RULES = CORPUS / "seda" / "referentials" / "rules" / "jeu_donnees_OK_regles_CSV_regles.csv"
AGENCIES = CORPUS / "seda" / "referentials" / "agencies" / "agencies.csv"


@pytest.mark.parametrize("start, duration, unit, expected", [
    ("2020-01-15", "10", "YEAR", "2030-01-15"), ("2020-02-29", "1", "YEAR", "2021-02-28"),
    ("2020-01-31", "1", "MONTH", "2020-02-29"), ("2020-12-31", "1", "DAY", "2021-01-01"),
    ("2020-01-01", "unlimited", "YEAR", "unlimited"), ("2020", "5", "YEAR", None), ("", "5", "YEAR", None),
    ("2020-01-01", "", "", None),
])
def test_end_date(start, duration, unit, expected):
    assert end_date(start, duration, unit) == expected


def _box(window, category: str) -> QGroupBox:
    return window.rules_editor.widget().findChild(QGroupBox, category)


def _add_rule(qtbot, window, category: str, rule: str, start: str) -> QGroupBox:
    next(b for b in _box(window, category).findChildren(QPushButton)).click()  # "Add a rule": the form is rebuilt
    box = _box(window, category)
    qtbot.keyClicks(box.findChildren(QLineEdit, "rule")[-1], rule)
    date = box.findChildren(PartialDateEdit, "start")[-1]
    qtbot.keyClicks(date.line, start)
    return _box(window, category)


def test_hold_rule_fields_are_written_in_schema_order(qtbot, loaded):
    window = loaded
    unit = window.project.transfer.roots[0]
    window.select_unit(unit)
    window.editor_tabs.setCurrentWidget(window.rules_editor)
    box = _add_rule(qtbot, window, "HoldRule", "HOL-00003", "2020-01-01")
    hold = box.findChild(QWidget, "hold")
    qtbot.keyClicks(hold.findChild(QLineEdit, "HoldReason"), "Contentieux")
    box = _box(window, "HoldRule")
    qtbot.keyClicks(box.findChild(PartialDateEdit, "HoldReassessingDate").line, "2024-06-01")
    box = _box(window, "HoldRule")
    qtbot.keyClicks(box.findChild(QLineEdit, "HoldOwner"), "Service juridique")
    box = _box(window, "HoldRule")
    box.findChild(QCheckBox, "PreventRearrangement").setChecked(True)
    block = unit.management.find("HoldRule")
    assert [(c.tag, c.text) for c in block.children] == [
        ("Rule", "HOL-00003"), ("StartDate", "2020-01-01"), ("HoldOwner", "Service juridique"),
        ("HoldReassessingDate", "2024-06-01"), ("HoldReason", "Contentieux"), ("PreventRearrangement", "true")]
    # Valid against the official schema, and one undo step per field.
    with qtbot.waitSignal(window.validated, timeout=60000):
        window.validate()
    assert not [f for f in window.findings if f.field and f.field.startswith("Hold")]
    window.undo_stack.undo()
    assert unit.management.find("HoldRule").find("PreventRearrangement") is None


def test_hold_fields_only_from_seda_2_2(qtbot, settings, folder):
    from app.ui.main_window import MainWindow

    settings.set(opts.SEDA_VERSION, "2.1")
    window = MainWindow(settings)
    window.setProperty("headless", True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30000):
        window.open_path(str(folder))
    window.select_unit(window.project.transfer.roots[0])
    assert _box(window, "HoldRule") is None and _box(window, "AccessRule") is not None
    window.runner.shutdown()


def test_referential_completes_rule_ids_and_computes_end_dates(qtbot, loaded):
    window = loaded
    window.settings.set(opts.RULES_REFERENTIAL, str(RULES))
    window.settings.set(opts.AGENCIES_REFERENTIAL, str(AGENCIES))
    assert window.load_referentials() and "ACC-00002" in window.referentials.rules
    window.select_unit(window.project.transfer.roots[0])
    box = _add_rule(qtbot, window, "AccessRule", "ACC-00002", "2000-03-01")
    line = box.findChildren(QLineEdit, "rule")[-1]
    completer = line.completer()
    assert completer is not None
    ids = completer.model().stringList()
    assert "ACC-00002" in ids and not any(i.startswith("APP-") for i in ids)
    duration = window.referentials.rules["ACC-00002"].duration
    assert box.findChildren(QLabel, "end")[-1].text().endswith(str(2000 + int(duration)) + "-03-01")
    box = _add_rule(qtbot, window, "HoldRule", "HOL-00004", "2020-01-01")
    assert window.tr("unlimited") in box.findChildren(QLabel, "end")[-1].text()


def test_referential_paths_are_preferences(qtbot, window, tmp_path):
    bad = tmp_path / "rules.csv"
    bad.write_text("RuleId,RuleType,RuleValue,RuleDescription,RuleDuration,RuleMeasurement\nX,Nope,v,d,1,YEAR\n",
                   encoding="utf-8")
    window.settings.set(opts.RULES_REFERENTIAL, str(bad))
    assert not window.load_referentials() and window.referentials is None
    assert "Nope" in window.statusBar().currentMessage()
    window.settings.set(opts.RULES_REFERENTIAL, str(RULES))
    assert window.load_referentials()
    assert window.settings.store.value("prefs/rules_referential") == str(RULES)


def test_rules_inherited_from_the_transfer_keep_their_start_date(qapp):
    # OK_RULES_COMPLEXE_COMPLETE's ManagementMetadata gives ACC-00002 from 2000-01-01: the Rules tab
    # showed "start —" for it, while rules inherited from a parent unit showed theirs.
    from app.models.metadata import Element
    from app.models.transfer import Transfer
    from app.ui.editors.rules import inherited_rules

    transfer = Transfer("2.1")
    transfer.management_metadata.append(Element("AccessRule", children=[
        Element("Rule", "ACC-00002"), Element("StartDate", "2000-01-01"), Element("Rule", "ACC-00003")]))
    unit = transfer.new_unit("Fonds", "Fonds")
    assert [(rule, start) for rule, start, _origin in inherited_rules(unit, transfer, "AccessRule")] == [
        ("ACC-00002", "2000-01-01"), ("ACC-00003", "")]
