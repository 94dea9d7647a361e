"""Bulk edit: one field value or one rule for every selected unit, applied as a single undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.models import edits
from app.models.transfer import ArchiveUnit
from app.seda import ontology
from app.ui.editors.content import is_simple
from app.ui.editors.rules import categories
from app.ui.labels import label


class BulkEditDialog(QDialog):
    """Choose a Content field (or a rule category) and the value to give every selected unit."""

    def __init__(self, version: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version = version
        self.setWindowTitle(self.tr("Bulk edit"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("The value is given to the %n selected unit(s); an empty value removes "
                                   "the field.", "", count)))
        self.target = QComboBox()
        for spec in ontology.children(version, ontology.CONTENT_TYPE):
            if is_simple(version, spec.type) and spec.max == 1:
                self.target.addItem(label(spec.name), ("field", spec.name))
        for category in categories(version):
            self.target.addItem(self.tr("Rule: {category}").format(category=label(category)), ("rule", category))
        form.addRow(self.tr("Field"), self.target)
        self.value = QLineEdit()
        form.addRow(self.tr("Value"), self.value)
        self.start = QLineEdit()
        self.start.setPlaceholderText(self.tr("Start date of the rule (optional)"))
        form.addRow(self.tr("Start date"), self.start)
        self.final_action = QComboBox()
        form.addRow(self.tr("Final action"), self.final_action)
        self.target.currentIndexChanged.connect(self._on_target_changed)
        self._on_target_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _final_actions(self) -> tuple[str, ...]:
        kind, key = self.target.currentData()
        final_type = ontology.child_type(self.version, f"{key}Type", "FinalAction") if kind == "rule" else None
        return ontology.enumeration(self.version, final_type) if final_type else ()

    def _on_target_changed(self) -> None:
        self.start.setEnabled(self.target.currentData()[0] == "rule")
        self.final_action.clear()
        self.final_action.addItems(self._final_actions())  # required by Storage and Appraisal rules
        self.final_action.setEnabled(self.final_action.count() > 0)

    def choose(self, key: str, value: str, start: str = "", final_action: str = "") -> None:
        """Preset the dialog (tests, scripted use): *key* is an element name or a rule category."""
        for i in range(self.target.count()):
            if self.target.itemData(i)[1] == key:
                self.target.setCurrentIndex(i)
        self.value.setText(value)
        self.start.setText(start)
        if final_action:
            self.final_action.setCurrentText(final_action)

    def edit(self, units: tuple[ArchiveUnit, ...]) -> edits.Edit | None:
        """The edit for the chosen target and value."""
        kind, key = self.target.currentData()
        value = self.value.text().strip() or None
        if kind == "field":
            return edits.SetField(units, key, value, self.version)
        extra = (("FinalAction", self.final_action.currentText()),) if self.final_action.count() else ()
        return edits.SetRule(units, key, value, self.start.text().strip() or None, extra, version=self.version)
