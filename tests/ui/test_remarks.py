"""The box that lists an import's remarks: the first ones shown, every one under Show Details."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.dialogs import show_remarks


def _capture(qtbot, problems: list[str]) -> dict[str, str]:
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.update(text=box.text(), informative=box.informativeText(), details=box.detailedText())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    show_remarks(None, "Import", problems)
    return seen


def test_a_long_report_is_summarised_and_kept_whole_in_the_details(qtbot):
    problems = [f"metadata.csv, line {n}, column Content.StartDate: bad date" for n in range(2, 32)]
    seen = _capture(qtbot, problems)
    assert seen["text"] == "30 remarks:"
    shown = seen["informative"].splitlines()
    assert shown[:12] == ["\u2022 " + p for p in problems[:12]] and shown[-1] == "… and 18 more, under Show Details."
    assert seen["details"].splitlines() == problems


def test_a_short_report_is_shown_whole(qtbot):
    seen = _capture(qtbot, ["metadata.csv, line 4: one remark"])
    assert seen["text"] == "1 remark:" and seen["informative"] == "\u2022 metadata.csv, line 4: one remark"
    assert seen["details"] == ""
