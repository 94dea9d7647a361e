"""The expert tab: the raw Content and Management of a unit as highlighted XML; invalid XML is refused."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.models.metadata import Element
from app.models.transfer import ArchiveUnit
from app.seda import ontology
from app.ui.xmltext import XmlHighlighter, XmlTextError, element_xml, parse_element


class XmlTab(QWidget):
    """Edit Content and Management as text; Apply emits ``xml_applied`` only for well-formed input."""

    xml_applied = Signal(object, object, object)  # (unit, Content Element, Management Element or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit: ArchiveUnit | None = None
        self.version = ontology.DEFAULT_VERSION
        layout = QVBoxLayout(self)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.content_edit = QPlainTextEdit()
        self.management_edit = QPlainTextEdit()
        for edit in (self.content_edit, self.management_edit):
            edit.setFont(font)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            edit.highlighter = XmlHighlighter(edit.document())  # type: ignore[attr-defined]
            edit.textChanged.connect(self._on_text_changed)
            splitter.addWidget(edit)
        splitter.setSizes([300, 200])  # Management often holds several rule blocks: room for them too
        layout.addWidget(splitter)
        row = QHBoxLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        row.addWidget(self.error, 1)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(lambda: self.load(self.unit, self.version))
        self.apply_button = QPushButton(self.tr("Apply XML"))
        self.apply_button.setShortcut("Ctrl+Return")
        self.apply_button.clicked.connect(self.apply)
        row.addWidget(self.revert_button)
        row.addWidget(self.apply_button)
        layout.addLayout(row)
        self.load(None, self.version)

    def load(self, unit: ArchiveUnit | None, version: str) -> None:
        """Show the XML of *unit*."""
        self.unit, self.version = unit, version
        content = element_xml(unit.content, version, ontology.CONTENT_TYPE) if unit else ""
        management = element_xml(unit.management or Element("Management"), version, ontology.MANAGEMENT_TYPE) \
            if unit else ""
        for edit, text in ((self.content_edit, content), (self.management_edit, management)):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self.error.clear()
        self.setEnabled(unit is not None)
        self.apply_button.setEnabled(False)

    def _on_text_changed(self) -> None:
        self.apply_button.setEnabled(True)

    def apply(self) -> bool:
        """Parse both texts; emit the trees, or show the error and refuse."""
        if self.unit is None:
            return False
        try:
            content = parse_element(self.content_edit.toPlainText(), "Content")
        except XmlTextError as exc:
            return self._refuse(self.content_edit, self.tr("Content"), exc)
        management_text = self.management_edit.toPlainText().strip()
        try:
            management = parse_element(management_text, "Management") if management_text else None
        except XmlTextError as exc:
            return self._refuse(self.management_edit, self.tr("Management"), exc)
        if management is not None and not management.children:
            management = None
        self.error.clear()
        self.apply_button.setEnabled(False)
        self.xml_applied.emit(self.unit, content, management)
        return True

    def _refuse(self, edit: QPlainTextEdit, part: str, exc: XmlTextError) -> bool:
        self.error.setText(self.tr("{part}, line {line}: {error}. Nothing was changed.").format(
            part=part, line=exc.line, error=str(exc)))
        block = edit.document().findBlockByLineNumber(max(exc.line - 1, 0))
        cursor = QTextCursor(block)
        edit.setTextCursor(cursor)
        edit.setFocus()
        return False
