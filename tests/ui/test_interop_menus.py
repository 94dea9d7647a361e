"""Import and export menus of the window: a SIP, a Resip CSV, failures, cancel, and every export format."""

from __future__ import annotations

from app.seda.interop.resip_csv import read_csv
from app.ui.interop import import_kind
from tests.conftest import CORPUS, RESIP_SAMPLES

SIP = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_468.zip"
BIG_SIP = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_SIP_1000_AU.zip"


def test_import_menu_has_every_available_format(window):
    actions = window.actions_
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.menu()
             for a in a.menu().actions()]
    assert actions.import_package.text() in texts and actions.export_manifest.text() in texts
    assert actions.import_xlsx.text() in texts and actions.export_hierarchy.text() in texts
    assert import_kind("a.zip") == "package" and import_kind("m.XML") == "package" and import_kind("x.csv") == "csv"
    assert import_kind("p.liasse") is None


def test_import_a_sip_then_a_csv(qtbot, window):
    with qtbot.waitSignal(window.imported, timeout=60000) as signal:
        window.import_path(str(SIP))
    project = signal.args[0]
    assert project is window.project and window.project.transfer.count_units() > 0
    assert window.model.rowCount() == len(window.project.transfer.roots)
    with qtbot.waitSignal(window.imported, timeout=60000):
        window.import_path(str(RESIP_SAMPLES / "MetadataTestOK3col.csv"))
    assert window.project.transfer.count_units() == 7
    assert window.windowTitle().startswith(window.tr("New transfer"))


def test_failed_import_keeps_the_open_project_and_shows_why(qtbot, loaded, tmp_path):
    before = loaded.project
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with qtbot.waitSignal(loaded.imported, timeout=30000) as signal:
        loaded.import_path(str(broken))
    assert isinstance(signal.args[0], Exception)
    assert loaded.project is before and loaded.model.transfer is before.transfer
    message = signal.args[0].message.render()
    assert message and message in loaded.statusBar().currentMessage()
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("File;Content.NotAnElement!\nx.txt;y\n", encoding="utf-8")
    with qtbot.waitSignal(loaded.imported, timeout=30000) as signal:
        loaded.import_path(str(bad_csv))
    assert isinstance(signal.args[0], Exception) and loaded.project is before


def test_cancelled_import_keeps_the_open_project(qtbot, loaded):
    before = loaded.project
    with qtbot.waitSignal(loaded.imported, timeout=60000) as signal:
        loaded.import_path(str(BIG_SIP))
        loaded._progress.cancel()  # the dialog's Cancel button
    assert signal.args[0] is None or signal.args[0] is not before  # cancelled (or already done)
    if signal.args[0] is None:
        assert loaded.project is before


def test_export_manifest_csv_and_spreadsheet(qtbot, loaded, tmp_path):
    from app.seda.xsd import validate_manifest

    units = loaded.project.transfer.count_units()
    with qtbot.waitSignal(loaded.converted, timeout=60000) as signal:
        loaded.convert("manifest", tmp_path / "manifest.xml")
    assert signal.args[0][2] == units
    text = (tmp_path / "manifest.xml").read_text(encoding="utf-8")
    assert text.count("<ArchiveUnit ") == units and "<MessageIdentifier>" in text
    assert all("Date" not in v.message for v in validate_manifest(tmp_path / "manifest.xml", "2.2"))
    with qtbot.waitSignal(loaded.converted, timeout=60000):
        loaded.convert("csv", tmp_path / "metadata.csv")
    assert read_csv(tmp_path / "metadata.csv", "2.2").transfer.count_units() == units
    from app.seda.interop.xlsx import read_xlsx

    with qtbot.waitSignal(loaded.converted, timeout=60000):
        loaded.convert("xlsx", tmp_path / "metadata.xlsx")
    assert read_xlsx(tmp_path / "metadata.xlsx", "2.2").transfer.count_units() == units
    with qtbot.waitSignal(loaded.converted, timeout=60000) as signal:
        loaded.convert("simplified", tmp_path / "simple.zip")
    assert signal.args[0][2] == units
    from app.seda.interop.resip_zip import read_zip_csv

    assert read_zip_csv(tmp_path / "simple.zip", "2.2").transfer.count_units() == units
    with qtbot.waitSignal(loaded.converted, timeout=60000):
        loaded.convert("hierarchy", tmp_path / "tree")
    assert (tmp_path / "tree").is_dir()
    with qtbot.waitSignal(loaded.converted, timeout=60000) as signal:
        loaded.convert("hierarchy", tmp_path / "tree")  # not empty any more: refused, nothing changed
    assert isinstance(signal.args[0], Exception)


def test_status_bar_does_not_show_zero_bytes_for_objects_without_size(qtbot, window):
    # This SIP's manifest gives no Size for its four files: their size is unknown, not 0.
    unsized = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_RULES_COMPLEXE_COMPLETE.zip"
    with qtbot.waitSignal(window.imported, timeout=60000):
        window.import_path(str(unsized))
    binaries = [o for g in window.project.transfer.groups for o in g.binaries]
    assert binaries and all(o.size is None for o in binaries)
    assert "4 objects · size unknown ·" in window.counts.text()
    binaries[0].size = 2048  # one size known: shown, with the count of the others
    window._counts = None
    window._update_status()
    assert "4 objects · 2.0 kB + 3 of unknown size ·" in window.counts.text()


def test_a_simplified_hierarchy_folder_is_offered_with_its_metadata(qtbot, loaded, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    with qtbot.waitSignal(loaded.converted, timeout=60000):
        loaded.convert("simplified", tmp_path / "simple")
    units = loaded.project.transfer.count_units()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or
                        QMessageBox.StandardButton.Yes)
    loaded.setProperty("headless", False)
    loaded.setWindowModified(False)  # nothing to save: no other prompt
    with qtbot.waitSignal(loaded.imported, timeout=60000) as signal:
        loaded.new_from_folder(str(tmp_path / "simple"))
    assert asked and "metadata.csv" in asked[0]
    # The units come from the CSV (same count as exported), not from a scan of the folder's files.
    assert signal.args[0].transfer.count_units() == units
