"""``--screenshot``: wait until the window has loaded, validated and previewed, then save it as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.models.transfer import ArchiveUnit


class Screenshooter:
    """Drives the window to the requested view and grabs it when the background work is done."""

    def __init__(self, window, path: str, view: str, select: str | None) -> None:
        self.window, self.path, self.view, self.select = window, path, view, select
        self.dialog = None
        window.resize(1360, 860)  # README pictures have one size, whatever the saved geometry
        window.loaded.connect(self._on_loaded)
        QTimer.singleShot(60000, self._shoot)  # never hang: shoot whatever is there after a minute

    def _on_loaded(self) -> None:
        window = self.window
        window.tree.expandToDepth(1)  # first: it collapses deeper rows, and the selection must stay visible
        if self.select:
            needle = self.select.lower()
            unit = next((u for u in window.project.transfer.iter_units() if needle in u.title.lower()), None)
            if isinstance(unit, ArchiveUnit):
                window.select_unit(unit)
        tabs = {"description": window.content_form, "rules": window.rules_editor, "objects": window.objects_panel,
                "xml": window.xml_tab}
        if self.view in tabs:
            window.editor_tabs.setCurrentWidget(tabs[self.view])
        window.bottom_tabs.setCurrentWidget(window.preview if self.view in ("preview", "xml") else window.validation)
        if self.view == "rules":  # the rules need height; show the last category (HoldRule from SEDA 2.2)
            window.right.setSizes([700, 160])
        if self.view == "preview":
            window.preview.mode.setCurrentIndex(window.preview.TRANSFER)
        window.validate()
        window.refresh_preview()
        QTimer.singleShot(300, self._wait_idle)

    def _wait_idle(self) -> None:
        if self.window.runner.busy():
            QTimer.singleShot(100, self._wait_idle)
            return
        if self.view == "rules":
            from PySide6.QtWidgets import QGroupBox

            boxes = [b for b in self.window.rules_editor.widget().findChildren(QGroupBox) if b.objectName()]
            filled = [b for b in boxes if b.findChildren(QWidget, "rule")]
            if filled:
                self.window.rules_editor.ensureWidgetVisible(filled[-1], 0, 0)
        if self.view == "history" and self.dialog is None:
            from app.ui.history import show_history

            self.dialog = show_history(self.window)
            self.dialog.resize(1000, 600)
            QTimer.singleShot(300, self._wait_idle)  # the selected transfer's ATR is read in the background
            return
        if self.view == "history" and self.dialog.runner.busy():
            QTimer.singleShot(100, self._wait_idle)
            return
        if self.view == "export" and self.dialog is None:
            from app.ui.dialogs import ExportDialog

            self.dialog = ExportDialog(self.window.project.transfer.version, "sha512", "/home/archiviste/SIP.zip",
                                       False, self.window)
            self.dialog.show()
            QTimer.singleShot(300, self._shoot)
            return
        QTimer.singleShot(200, self._shoot)

    def _shoot(self) -> None:
        QApplication.processEvents()
        pixmap = self.window.grab()
        if self.dialog is not None:
            from PySide6.QtGui import QColor, QPainter

            painter = QPainter(pixmap)
            dialog_pixmap = self.dialog.grab()
            x = (pixmap.width() - dialog_pixmap.width()) // 2
            y = (pixmap.height() - dialog_pixmap.height()) // 3
            painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 70))
            # Offscreen windows have no decoration: draw a title bar so the dialog reads as one.
            bar = self.dialog.fontMetrics().height() + 12
            painter.fillRect(x - 1, y - bar - 1, dialog_pixmap.width() + 2, dialog_pixmap.height() + bar + 2,
                             QColor(90, 90, 90))
            painter.fillRect(x, y - bar, dialog_pixmap.width(), bar, QColor(225, 228, 232))
            painter.setPen(QColor(30, 30, 30))
            painter.drawText(x + 10, y - bar, dialog_pixmap.width() - 20, bar, 0x0081, self.dialog.windowTitle())
            painter.drawPixmap(x, y, dialog_pixmap)
            painter.end()
        pixmap.save(self.path)
        self.window.close()
        QApplication.quit()
