"""Small field widgets shared by the editors: partial dates with a calendar, language choice, the caption of
a field an archive profile makes mandatory."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolButton,
    QWidget,
    QWidgetAction,
)

PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
                          r"(Z|[+-]\d{2}:\d{2})?)?)?)?$")
LANGUAGES = ("", "fr", "en", "de", "es", "it", "nl", "br", "oc", "la")


def is_partial_date(text: str) -> bool:
    """Whether *text* is a year, year-month, date or date-time (what SEDA dates accept)."""
    return bool(PARTIAL_DATE.match(text))


class PartialDateEdit(QWidget):
    """A date field accepting ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with a calendar button."""

    text_edited = Signal(str)  # emitted with valid (or empty) text only

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(text)
        self.line.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        # A full date stays readable in a crowded row (the rules tab): its width plus the frame's padding.
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("0000-00-00") + 16)
        self.line.textEdited.connect(self._on_line_text_edited)
        layout.addWidget(self.line)
        button = QToolButton()
        button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        button.setToolTip(self.tr("Pick a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._on_menu_about_to_show)
        self.calendar.clicked.connect(lambda date: (self._pick(date), menu.close()))
        button.setMenu(menu)
        layout.addWidget(button)

    def text(self) -> str:
        """The current text."""
        return self.line.text()

    def _on_menu_about_to_show(self) -> None:
        parts = (self.line.text()[:10] + "-01-01").split("-")
        try:
            self.calendar.setSelectedDate(QDate(int(parts[0]), int(parts[1]), int(parts[2])))
        except (ValueError, IndexError):
            self.calendar.setSelectedDate(QDate.currentDate())

    def _pick(self, date: QDate) -> None:
        self.line.setText(date.toString("yyyy-MM-dd"))
        self._on_line_text_edited(self.line.text())

    def _on_line_text_edited(self, text: str) -> None:
        valid = not text or is_partial_date(text)
        self.line.setStyleSheet("" if valid else "QLineEdit { background: #fbe3e3; }")
        self.line.setToolTip("" if valid else self.tr("Not a date: write 1987, 1987-05 or 1987-05-21."))
        if valid:
            self.text_edited.emit(text)


def language_combo(value: str | None) -> QComboBox:
    """An editable list of language codes for ``xml:lang``."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(LANGUAGES)
    combo.setCurrentText(value or "")
    combo.setMaximumWidth(70)
    combo.setToolTip(QCoreApplication.translate("PartialDateEdit", "Language of the text (xml:lang)"))
    return combo


def required_caption(caption: str, requirement) -> QLabel:
    """The caption of a field an archive profile makes mandatory (*requirement*: its profile Requirement): bold,
    with a star, objectName ``required``. The Description form, its sub-forms and the Rules tab all mark
    mandatory fields with it."""
    widget = QLabel(QCoreApplication.translate("MetadataForm", "{field} *").format(field=caption))
    widget.setObjectName("required")
    widget.setStyleSheet("font-weight: bold;")
    widget.setToolTip(
        QCoreApplication.translate("MetadataForm", "Required by the archive profile") if requirement.fixed is None
        else QCoreApplication.translate("MetadataForm", "Required by the archive profile, with the value “{value}”")
        .format(value=requirement.fixed))
    return widget
