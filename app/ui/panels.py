"""The bottom panels: live manifest preview and validation findings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.jobs import UiFinding
from app.ui.xmltext import XmlHighlighter


def translate(context: str, text: str, n: int = -1) -> str:
    """The translator handed to engine messages."""
    return QCoreApplication.translate(context, text, None, n)


class PreviewPanel(QWidget):
    """The manifest of the selected unit or of the whole transfer, highlighted, read-only."""

    mode_changed = Signal()

    UNIT, TRANSFER = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItems([self.tr("Selected unit"), self.tr("Whole transfer")])
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit())
        row.addWidget(QLabel(self.tr("Preview of")))
        row.addWidget(self.mode)
        self.state = QLabel()
        self.state.setEnabled(False)
        row.addWidget(self.state, 1)
        layout.addLayout(row)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = XmlHighlighter(self.text.document())
        layout.addWidget(self.text)

    def whole(self) -> bool:
        """Whether the whole transfer is previewed."""
        return self.mode.currentIndex() == self.TRANSFER

    def show_text(self, text: str) -> None:
        """Replace the preview, keeping the scroll position."""
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setPlainText(text)
        bar.setValue(position)
        self.state.clear()

    def set_busy(self) -> None:
        """Say a new preview is being computed."""
        self.state.setText(self.tr("Updating…"))


class ValidationPanel(QWidget):
    """One row per finding; double-click selects the unit and focuses the field."""

    finding_activated = Signal(object)  # UiFinding
    validate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.summary = QLabel(self.tr("Not validated yet."))
        row.addWidget(self.summary, 1)
        button = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("Validate now"))
        button.clicked.connect(self.validate_requested)
        row.addWidget(button)
        layout.addLayout(row)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Severity"), self.tr("Unit"), self.tr("Message"),
                                              self.tr("Line")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table)
        self.findings: list[UiFinding] = []
        style = self.style()
        self._icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                       "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                       "info": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}

    def set_running(self) -> None:
        """Say that a validation is running."""
        self.summary.setText(self.tr("Validating…"))

    def set_failed(self, error: str) -> None:
        """Say that validation could not run."""
        self.summary.setText(self.tr("Validation failed: {error}").format(error=error))

    def set_findings(self, findings: list[UiFinding]) -> None:
        """Show a validation's findings."""
        self.findings = findings
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = sum(1 for f in findings if f.severity == "warning")
        if not findings:
            self.summary.setText(self.tr("The transfer is valid."))
        else:
            self.summary.setText(self.tr("{errors}, {warnings}").format(
                errors=self.tr("%n error(s)", "", errors), warnings=self.tr("%n warning(s)", "", warnings)))
        names = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Information")}
        self.table.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            severity = QTableWidgetItem(self._icons.get(finding.severity, self._icons["info"]),
                                        names.get(finding.severity, finding.severity))
            unit = QTableWidgetItem(finding.unit_title or finding.unit_id or "")
            unit.setToolTip(finding.unit_id or "")
            text = finding.message.render(translate)
            message = QTableWidgetItem(text)
            message.setToolTip(text)
            line = QTableWidgetItem(str(finding.line) if finding.line else "")
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((severity, unit, message, line)):
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def status(self) -> dict[str, str]:
        """Worst severity per unit id, for the tree's icons."""
        result: dict[str, str] = {}
        for finding in self.findings:
            if finding.unit_id and finding.severity in ("error", "warning"):
                if result.get(finding.unit_id) != "error":
                    result[finding.unit_id] = finding.severity
        return result

    def _on_table_double_clicked(self, index) -> None:
        self.finding_activated.emit(self.findings[index.row()])
