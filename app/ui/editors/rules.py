"""The management rules of a unit: every category of the version, with inherited rules shown read-only.

Like the Content form, it edits a working copy and emits ``management_edited`` with the new
Management tree (None when empty) and a merge key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.metadata import Element
from app.models.transfer import ArchiveUnit, Transfer
from app.seda import ontology
from app.ui.editors.content import cleaned
from app.ui.editors.fields import PartialDateEdit
from app.ui.labels import label


def categories(version: str) -> list[str]:
    """The rule categories of a SEDA version (HoldRule from 2.2 on)."""
    return [c for c in ontology.RULE_CATEGORIES if ontology.allows(version, ontology.MANAGEMENT_TYPE, c)]


def _prevents(category: Element | None) -> bool:
    return category is not None and (category.findtext("PreventInheritance") or "").strip() in ("true", "1")


def inherited_rules(unit: ArchiveUnit, transfer: Transfer, category: str) -> list[tuple[str, str, str]]:
    """Rules of *category* that *unit* inherits: (rule, start date, origin title), nearest first.

    Inheritance runs through every parent, stops at a PreventInheritance, skips the unit's
    RefNonRuleId, and ends with the package-level rules of ManagementMetadata.
    """
    own = unit.management.find(category) if unit.management is not None else None
    if _prevents(own):
        return []
    excluded = {e.text for e in own.findall("RefNonRuleId")} if own is not None else set()
    found: list[tuple[str, str, str]] = []
    level, seen = list(unit.parents), set()
    open_to_top = not unit.parents
    while level:
        upper: list[ArchiveUnit] = []
        for parent in level:
            if id(parent) in seen:
                continue
            seen.add(id(parent))
            block = parent.management.find(category) if parent.management is not None else None
            if block is not None:
                current = None
                for child in block:
                    if child.tag == "Rule":
                        current = child.text or ""
                        found.append((current, "", parent.title or parent.id))
                    elif child.tag == "StartDate" and current is not None:
                        found[-1] = (current, child.text or "", found[-1][2])
            if _prevents(block):
                continue
            if parent.parents:
                upper.extend(parent.parents)
            else:
                open_to_top = True
        level = upper
    if open_to_top:
        block = transfer.management_metadata.find(category)
        origin = QCoreApplication.translate("RulesEditor", "transfer (ManagementMetadata)")
        for rule in block.findall("Rule") if block is not None else ():
            found.append((rule.text or "", "", origin))
    return [f for f in found if f[0] not in excluded]


class RulesEditor(QScrollArea):
    """The rules tab."""

    management_edited = Signal(object, object)  # (Element or None, merge key)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.unit: ArchiveUnit | None = None
        self.transfer: Transfer | None = None
        self.management: Element | None = None
        self.setWidget(QWidget())

    def load(self, unit: ArchiveUnit | None, transfer: Transfer) -> None:
        """Show the rules of *unit* (None: nothing selected)."""
        self.unit, self.transfer = unit, transfer
        self.management = (unit.management.copy() if unit is not None and unit.management is not None
                           else Element("Management"))
        self._rebuild()

    def _rebuild(self) -> None:
        scroll = self.verticalScrollBar().value()
        page = QWidget()
        layout = QVBoxLayout(page)
        if self.unit is None or self.transfer is None:
            layout.addWidget(QLabel(self.tr("Select an archive unit to edit its rules.")))
        else:
            for category in categories(self.transfer.version):
                layout.addWidget(self._category_box(category))
        layout.addStretch(1)
        self.setWidget(page)
        self.verticalScrollBar().setValue(scroll)

    def _category_box(self, category: str) -> QGroupBox:
        assert self.management is not None and self.unit is not None and self.transfer is not None
        version = self.transfer.version
        type_name = f"{category}Type"
        box = QGroupBox(label(category))
        box.setObjectName(category)
        form = QFormLayout(box)
        block = self.management.find(category)
        for rule in block.findall("Rule") if block is not None else ():
            form.addRow(self.tr("Rule"), self._rule_row(category, block, rule))
        add = QPushButton(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder),
                          self.tr("Add a rule"))
        add.clicked.connect(lambda _=False, c=category: self._add_rule(c))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        form.addRow(row)
        if block is not None:
            prevent = QCheckBox(self.tr("Do not inherit rules of this category from parents"))
            prevent.setChecked(_prevents(block))
            prevent.toggled.connect(lambda on, b=block, t=type_name: self._set(b, t, "PreventInheritance",
                                                                               "true" if on else None))
            form.addRow(label("PreventInheritance"), prevent)
            refs = QLineEdit(", ".join(e.text or "" for e in block.findall("RefNonRuleId")))
            refs.setPlaceholderText(self.tr("Inherited rule ids to exclude, separated by commas"))
            refs.textEdited.connect(lambda text, b=block, t=type_name: self._set_refs(b, t, text))
            form.addRow(label("RefNonRuleId"), refs)
            final_type = ontology.child_type(version, type_name, "FinalAction")
            if final_type:
                combo = QComboBox()
                combo.addItems(("",) + ontology.enumeration(version, final_type))
                combo.setCurrentText(block.findtext("FinalAction") or "")
                combo.currentTextChanged.connect(lambda text, b=block, t=type_name: self._set(b, t, "FinalAction",
                                                                                              text or None))
                form.addRow(label("FinalAction"), combo)
        inherited = inherited_rules(self.unit, self.transfer, category)
        if inherited:
            lines = [self.tr("{rule} (from {origin}, start {start})").format(rule=r, origin=o, start=s or "—")
                     for r, s, o in inherited]
            note = QLabel("\n".join(lines))
            note.setEnabled(False)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("Inherited"), note)
        return box

    def _rule_row(self, category: str, block: Element, rule: Element) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        line = QLineEdit(rule.text or "")
        line.setPlaceholderText(self.tr("Rule identifier, e.g. ACC-00002"))
        line.setObjectName("rule")

        def on_rule(text: str) -> None:
            rule.text = text
            self._emit(("rule", id(rule)))

        line.textEdited.connect(on_rule)
        layout.addWidget(line, 2)
        children = block.children or []
        position = next(i for i, c in enumerate(children) if c is rule)
        following = children[position + 1] if position + 1 < len(children) else None
        start = following if following is not None and following.tag == "StartDate" else None
        date = PartialDateEdit(start.text if start is not None else "")
        date.setToolTip(label("StartDate"))
        holder = {"start": start}

        def on_date(text: str) -> None:
            node = holder["start"]
            if node is None:
                node = block.insert(next(i for i, c in enumerate(block.children) if c is rule) + 1,
                                    Element("StartDate"))
                holder["start"] = node
            node.text = text
            self._emit(("start", id(rule)))

        date.text_edited.connect(on_date)
        layout.addWidget(QLabel(self.tr("from")))
        layout.addWidget(date, 1)
        remove = QToolButton()
        remove.setAutoRaise(True)
        remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        remove.setToolTip(self.tr("Remove this rule"))
        remove.clicked.connect(lambda _=False: self._remove_rule(category, block, rule, holder["start"]))
        layout.addWidget(remove)
        return row

    # -- changes -------------------------------------------------------------------------------
    def _add_rule(self, category: str) -> None:
        assert self.management is not None and self.transfer is not None
        block = self.management.find(category)
        if block is None:
            block = ontology.insert_ordered(self.management, Element(category), self.transfer.version,
                                            ontology.MANAGEMENT_TYPE)
        rules = [i for i, c in enumerate(block.children or []) if c.tag in ontology.RULE_GROUP]
        block.insert(rules[-1] + 1 if rules else 0, Element("Rule"))
        self._rebuild()
        box = self.widget().findChild(QGroupBox, category)
        if box is not None:
            lines = box.findChildren(QLineEdit, "rule")
            if lines:
                lines[-1].setFocus()

    def _remove_rule(self, category: str, block: Element, rule: Element, start: Element | None) -> None:
        block.remove(rule)
        if start is not None:
            block.remove(start)
        if not block.findall("Rule") and not (block.children and any(
                c.tag not in ontology.RULE_GROUP for c in block.children)):
            self.management.remove(block)  # type: ignore[union-attr]
        self._emit(("remove", id(rule)))
        self._rebuild()

    def _set(self, block: Element, type_name: str, tag: str, value: str | None) -> None:
        assert self.transfer is not None
        ontology.set_child(block, self.transfer.version, type_name, tag, value)
        self._emit((tag, id(block)))

    def _set_refs(self, block: Element, type_name: str, text: str) -> None:
        assert self.transfer is not None
        block.remove_all("RefNonRuleId")
        for ref in (t.strip() for t in text.split(",")):
            if ref:
                ontology.insert_ordered(block, Element("RefNonRuleId", ref), self.transfer.version, type_name)
        self._emit(("refs", id(block)))

    def _emit(self, key: tuple) -> None:
        assert self.management is not None
        result = cleaned(self.management)
        # A category left without a rule is dropped unless it holds something else (PreventInheritance...).
        for block in list(result.children or ()):
            if not block.children:
                result.remove(block)
        self.management_edited.emit(result if result.children else None, (id(self.unit),) + key)
