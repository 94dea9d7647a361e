"""Layouts hold French text, and longer: every string is stretched by 40% (Vorta's TRANS_SCALE idea).

French runs about 20% longer than English. With each translation padded to 1.4 times its length, the
main window and every dialog must still fit a 1366 x 768 laptop screen, so that no layout grows with
its labels (a label without word wrap in a form, a button row that cannot shrink).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from app.ui.i18n import I18N_DIR, TsTranslator

LAPTOP = (1366, 768)


class Stretching(QTranslator):
    """The French translation (or the source), padded to 1.4 times its length."""

    def __init__(self) -> None:
        super().__init__()
        self.french = TsTranslator(I18N_DIR / "liasse_fr.ts")

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 - Qt API
        text = self.french.translate(context, source_text, disambiguation, n) or source_text
        if not text or text.startswith("&") and len(text) < 3:
            return text
        return text + "\u2026" * max(1, len(text) * 4 // 10)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


@pytest.fixture
def stretched(qapp):
    translator = Stretching()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def _fits(widget) -> tuple[int, int]:
    widget.adjustSize()
    hint = widget.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (type(widget).__name__, hint)
    return hint.width(), hint.height()


def test_the_main_window_fits_a_laptop_with_long_texts(qtbot, stretched, settings, folder):
    from app.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.setProperty("headless", True)
    qtbot.addWidget(window)
    assert window.actions_.send.text().endswith("\u2026")  # the stretched translation is in use
    with qtbot.waitSignal(window.loaded, timeout=60000):
        window.open_path(str(folder))
    _fits(window)


def test_every_dialog_fits_a_laptop_with_long_texts(qtbot, stretched, tmp_path):
    from app.models.transfer import Transfer
    from app.sae.targets import Target, TargetStore
    from app.ui.bulk import BulkEditDialog
    from app.ui.dialogs import ContextDialog, ExportDialog, PreferencesDialog
    from app.ui.history import HistoryDialog
    from app.ui.send import SendDialog
    from app.ui.targets import TargetForm, TargetsDialog

    dialogs = [
        BulkEditDialog("2.2", 12),
        ContextDialog(Transfer("2.2")),
        ExportDialog("2.2", "sha512", str(tmp_path / "SIP.zip"), False),
        PreferencesDialog({"language": "fr", "seda_version": "2.2", "digest": "sha512", "ignore_patterns": "",
                           "workers": 2, "rules_referential": "", "agencies_referential": ""}),
        HistoryDialog(),
        TargetsDialog(),
        TargetForm(TargetStore()),
        SendDialog({"recette": Target("recette", "https://vitam.example.fr:8443/ingest-external/v1",
                                      "https://vitam.example.fr:8444")}),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        _fits(dialog)
