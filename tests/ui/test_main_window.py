"""The real window driven offscreen: build, edit, undo, move, link, bulk-edit, validate, export, save, recover."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLineEdit, QMessageBox, QPushButton

from app.models import edits
from app.models import project as projects
from app.models.transfer import ArchiveUnit
from app.seda.context import demo_context
from app.ui.bulk import BulkEditDialog
from app.ui.tree.model import Roles
from tests.conftest import XSD_SOURCE
from tests.e2e.sipcheck import check_sip


def _unit(window, title: str) -> ArchiveUnit:
    return next(u for u in window.project.transfer.iter_units() if u.title == title)


def _title_line(window) -> QLineEdit:
    return window.content_form._fields["Title"].findChild(QLineEdit)


def test_full_workflow_exports_a_valid_sip(qtbot, loaded, tmp_path):
    window = loaded
    transfer = window.project.transfer
    assert transfer.count_units() == 10 and "10 units" in window.counts.text()
    # Edit a title in the structured form: keystrokes merge into one undo step.
    conseil = _unit(window, "Conseil")
    assert window.select_unit(conseil)
    assert window.current is conseil
    line = _title_line(window)
    line.selectAll()
    qtbot.keyClicks(line, "Deliberations")
    assert conseil.title == "Deliberations"
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    window.undo_stack.undo()
    assert conseil.title == "Conseil" and _title_line(window).text() == "Conseil"
    window.undo_stack.redo()
    assert conseil.title == "Deliberations"
    # A rule through the rules editor.
    window.editor_tabs.setCurrentWidget(window.rules_editor)
    access = window.rules_editor.widget().findChild(QGroupBox, "AccessRule")
    next(b for b in access.findChildren(QPushButton)).click()  # "Add a rule" (the form is rebuilt)
    access = window.rules_editor.widget().findChild(QGroupBox, "AccessRule")
    rule_line = access.findChildren(QLineEdit, "rule")[-1]
    qtbot.keyClicks(rule_line, "ACC-00002")
    assert conseil.management.find("AccessRule").findtext("Rule") == "ACC-00002"
    # Inherited by the children, shown read-only.
    child = conseil.children[0]
    window.select_unit(child)
    assert "ACC-00002" in " ".join(lbl.text() for lbl in window.rules_editor.findChildren(type(window.counts)))
    # Move a unit (the model's drag and drop) and add a second parent (Ctrl+drag), then undo both.
    travaux = _unit(window, "Travaux")
    model = window.model
    mime = model.mimeData([model.unit_index(child)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.unit_index(travaux))
    assert child.parents == [travaux] and len(conseil.children) == 2
    note = _unit(window, "note.txt")
    mime = model.mimeData([model.unit_index(note)])
    model.dropMimeData(mime, Qt.DropAction.LinkAction, -1, 0, model.unit_index(conseil))
    assert [p.title for p in note.parents] == ["Fonds Mairie", "Deliberations"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert child.parents == [conseil] and len(note.parents) == 1
    # Bulk edit of the selected files: one undo step.
    files = conseil.children
    selection = window.tree.selectionModel()
    selection.clearSelection()
    for unit in files:
        selection.select(window.proxy.mapFromSource(model.unit_index(unit)),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert window.selected_units() == files
    dialog = BulkEditDialog(transfer.version, len(files), window)
    dialog.choose("AppraisalRule", "APP-00001", "2020-01-01", "Keep")
    before = window.undo_stack.index()
    window.push_edit(dialog.edit(tuple(window.selected_units())), "bulk")
    assert window.undo_stack.index() == before + 1 == window.undo_stack.count()
    assert all(u.management.find("AppraisalRule").findtext("Rule") == "APP-00001" for u in files)
    # Transfer context, validation, export.
    context = demo_context(transfer.version)
    window.push_edit(edits.SetHeader(context.header, context.management_metadata), "context")
    with qtbot.waitSignal(window.validated, timeout=60000):
        window.validate()
    assert not [f for f in window.findings if f.severity == "error"], [f.message.render() for f in window.findings]
    dest = tmp_path / "out" / "sip.zip"
    dest.parent.mkdir()
    with qtbot.waitSignal(window.exported, timeout=60000) as blocker:
        window.export(dest)
    assert blocker.args[0].units == 10, blocker.args[0]
    tree = check_sip(dest, XSD_SOURCE, transfer.version)
    ns = {"s": f"fr:gouv:culture:archivesdefrance:seda:v{transfer.version}"}
    assert "Deliberations" in tree.xpath("//s:Title/text()", namespaces=ns)


def test_validation_finding_selects_the_unit(qtbot, loaded):
    window = loaded
    unit = _unit(window, "Travaux")
    window.push_edit(edits.SetField((unit,), "DescriptionLevel", "NotALevel"), "bad level")
    with qtbot.waitSignal(window.validated, timeout=60000):
        window.validate()
    bad = [f for f in window.findings if f.unit_id == unit.id and f.severity == "error"]
    assert bad, [f.message.render() for f in window.findings]
    assert window.model.status.get(unit.id) == "error"
    window.select_unit(_unit(window, "note.txt"))
    window.show_finding(bad[0])
    assert window.current is unit


def test_xml_tab_refuses_invalid_xml(qtbot, loaded):
    window = loaded
    unit = _unit(window, "Travaux")
    window.select_unit(unit)
    tab = window.xml_tab
    tab.content_edit.setPlainText("<Content><Title>broken</Content>")
    assert not tab.apply()
    assert "line" in tab.error.text() and unit.title == "Travaux"
    text = tab.content_edit.toPlainText()
    tab.content_edit.setPlainText(
        '<Content xmlns="fr:gouv:culture:archivesdefrance:seda:v2.2"><DescriptionLevel>File</DescriptionLevel>'
        '<Title>From XML</Title></Content>')
    assert tab.apply() and unit.title == "From XML" and text
    window.undo_stack.undo()
    assert unit.title == "Travaux"


def test_add_delete_and_rename(qtbot, loaded):
    window = loaded
    parent = _unit(window, "Travaux")
    window.select_unit(parent)
    window.add_unit()
    new = window.current
    assert new is not None and new.parents == [parent] and new.title == "New unit"
    index = window.proxy.mapFromSource(window.model.unit_index(new))
    assert window.proxy.setData(index, "Plans", Qt.ItemDataRole.EditRole)
    assert new.title == "Plans"
    flags = window.tree.selectionModel().SelectionFlag
    window.tree.selectionModel().select(index, flags.ClearAndSelect | flags.Rows)
    window.delete_units()
    assert new not in parent.children
    window.undo_stack.undo()
    assert parent.children[-1] is new


def test_save_open_round_trip_and_recovery(qtbot, loaded, settings, tmp_path, monkeypatch):
    window = loaded
    unit = _unit(window, "Conseil")
    window.push_edit(edits.SetField((unit,), "Title", "Saved title"), "t")
    path = tmp_path / "mairie.liasse"
    assert window.save(str(path))
    assert not window.isWindowModified() and path.is_file()
    window.push_edit(edits.SetField((unit,), "Title", "Unsaved title"), "t")
    window._on_autosave_timeout()  # what the timer does
    recoveries = projects.find_recoveries()
    assert [r.original for r in recoveries] == [path]
    # A new session after a crash: the copy is offered and restored.
    from app.ui.main_window import MainWindow

    other = MainWindow(settings)
    other.setProperty("headless", True)
    qtbot.addWidget(other)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    other.offer_recovery()
    assert other.project.path == path and other.isWindowModified()
    assert "Unsaved title" in [u.title for u in other.project.transfer.iter_units()]
    assert projects.find_recoveries() == []
    # Opening the saved file gives the saved state (after the user discards the recovered changes).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(other.loaded, timeout=30000):
        other.open_path(str(path))
    assert "Saved title" in [u.title for u in other.project.transfer.iter_units()]
    assert str(path.resolve()) in settings.get(__import__("app.ui.settings", fromlist=["RECENT"]).RECENT)
    other.runner.wait()


def test_moved_files_are_detected_and_relocated(qtbot, loaded, tmp_path, folder, monkeypatch):
    window = loaded
    path = tmp_path / "p.liasse"
    window.save(str(path))
    moved = tmp_path / "elsewhere"
    Path(folder).rename(moved)
    asked = []
    monkeypatch.setattr(window, "ask_relocation", lambda count: asked.append(count))
    with qtbot.waitSignal(window.loaded, timeout=30000):
        window.open_path(str(path))
    assert asked == [7]
    assert projects.relocate(window.project, str(moved)) == 7
    assert projects.missing_sources(window.project.transfer) == []


def test_search_filters_the_tree(qtbot, loaded):
    window = loaded
    window.search.setText("travaux-1")
    window._on_search_timeout()
    hits = []
    stack = [window.proxy.index(r, 0) for r in range(window.proxy.rowCount())]
    while stack:
        index = stack.pop()
        hits.append(index.data(Roles.ITEM))
        stack.extend(window.proxy.index(r, 0, index) for r in range(window.proxy.rowCount(index)))
    titles = [getattr(h, "title", None) for h in hits]
    assert "travaux-1.txt" in titles and "conseil-1.txt" not in titles


def test_the_window_has_the_application_icon(window):
    from app.ui.icons import ICON_PATH

    assert ICON_PATH.is_file()
    pixmap = window.windowIcon().pixmap(64, 64)
    assert not pixmap.isNull() and pixmap.width() == 64  # the SVG renders (QtSvg's icon engine is there)
    assert pixmap.toImage().pixelColor(32, 30).red() > 150  # the red strap across the middle


def test_a_finding_about_the_header_opens_the_transfer_context(window, monkeypatch):
    from app.models.messages import Message
    from app.ui.jobs import UiFinding

    opened = []
    monkeypatch.setattr(window, "edit_context", opened.append)
    for field in ("ArchivalAgreement", "OriginatingAgencyIdentifier"):  # header, ManagementMetadata
        window.show_finding(UiFinding("error", Message("validation", "missing"), field=field))
    window.show_finding(UiFinding("error", Message("validation", "other"), field="Title"))  # not the context's
    assert opened == ["ArchivalAgreement", "OriginatingAgencyIdentifier"]
    # The form opens with the cursor in the field named by the finding.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.dialogs import ContextDialog

    monkeypatch.undo()
    focused = []

    def close_it() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ContextDialog) and w.isVisible())
        focused.append(dialog.focusWidget().objectName() if dialog.focusWidget() else None)
        dialog.reject()

    QTimer.singleShot(200, close_it)
    window.edit_context("ArchivalAgreement")
    assert focused == ["ArchivalAgreement"]
