"""The management rules of a unit: every category of the version, with inherited rules shown read-only.

Like the Content form, it edits a working copy and emits ``management_edited`` with the new
Management tree (None when empty) and a merge key. With an archive profile, the categories (and rule
fields) the unit's pattern makes mandatory are marked as the Description form marks its fields, and a
mandatory category the unit lacks shows an empty rule, with the rule id the profile fixes suggested.
"""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
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
from app.ui.editors.fields import PartialDateEdit, required_caption
from app.ui.labels import label

HOLD_FIELDS = ("HoldEndDate", "HoldOwner", "HoldReassessingDate", "HoldReason", "PreventRearrangement")
HOLD_DATES = ("HoldEndDate", "HoldReassessingDate")


def end_date(start: str, duration: str, measurement: str) -> str | None:
    """StartDate + the rule's duration (YEAR, MONTH or DAY), as Vitam computes EndDate; None if unknown.

    "unlimited" gives "unlimited"; a partial or invalid start date gives None.
    """
    if not duration or not measurement:
        return None
    if duration.lower() == "unlimited":
        return "unlimited"
    try:
        day = dt.date.fromisoformat(start[:10]) if len(start) >= 10 else None
        amount = int(duration)
    except ValueError:
        return None
    if day is None:
        return None
    unit = measurement.upper()
    if unit == "DAY":
        return (day + dt.timedelta(days=amount)).isoformat()
    months = amount * 12 if unit == "YEAR" else amount if unit == "MONTH" else None
    if months is None:
        return None
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last)).isoformat()


def rule_group(block: Element, rule: Element) -> list[Element]:
    """*rule* and the elements that belong to it (StartDate, Hold fields) up to the next Rule."""
    children = block.children or []
    start = next(i for i, c in enumerate(children) if c is rule)
    group = [rule]
    for child in children[start + 1:]:
        if child.tag == "Rule" or child.tag not in ontology.RULE_GROUP:
            break
        group.append(child)
    return group


def set_rule_field(block: Element, rule: Element, tag: str, value: str | None, order: tuple[str, ...]) -> None:
    """Set (None: remove) a field of *rule*'s group, keeping the schema order *order* within the group."""
    group = rule_group(block, rule)
    existing = next((e for e in group if e.tag == tag), None)
    if not value:
        if existing is not None:
            block.remove(existing)
        return
    if existing is not None:
        existing.text = value
        return
    rank = order.index(tag)
    after = rule
    for element in group:
        if element.tag in order and order.index(element.tag) < rank:
            after = element
    position = next(i for i, c in enumerate(block.children) if c is after) + 1
    block.insert(position, Element(tag, value))


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
                found.extend(_rules_with_start(block, parent.title or parent.id))
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
        if block is not None:
            found.extend(_rules_with_start(block, origin))
    return [f for f in found if f[0] not in excluded]


def _rules_with_start(block: Element, origin: str) -> list[tuple[str, str, str]]:
    """(rule, start date, *origin*) for each Rule of a category block, its StartDate following it."""
    rules: list[tuple[str, str, str]] = []
    for child in block:
        if child.tag == "Rule":
            rules.append((child.text or "", "", origin))
        elif child.tag == "StartDate" and rules:
            rules[-1] = (rules[-1][0], child.text or "", origin)
    return rules


class RulesEditor(QScrollArea):
    """The rules tab."""

    management_edited = Signal(object, object)  # (Element or None, merge key)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.unit: ArchiveUnit | None = None
        self.transfer: Transfer | None = None
        self.management: Element | None = None
        self.requirements: dict = {}  # path below the unit (Management/AccessRule/Rule) -> profile Requirement
        self._present: Element | None = None  # the unit's Management as it would be written (for requirements)
        self.referentials = None  # app.seda.referentials.Referentials, when the user gave its files
        self._completers: dict[tuple[int, str], QCompleter] = {}
        self.setWidget(QWidget())

    def set_referentials(self, referentials) -> None:
        """Use a rules referential for completion and computed end dates (None: none loaded)."""
        self.referentials = referentials
        for completer in self._completers.values():
            completer.deleteLater()
        self._completers = {}
        if self.transfer is not None:
            self._rebuild()

    def _rule_info(self, rule_id: str):
        rules = self.referentials.rules if self.referentials is not None else {}
        return rules.get(rule_id.strip())

    def _completer(self, category: str) -> QCompleter | None:
        """One completer per category and referential, owned by the editor (rebuilds reuse it)."""
        if self.referentials is None or not self.referentials.rules:
            return None
        key = (id(self.referentials), category)
        if key not in self._completers:
            ids = sorted(r.id for r in self.referentials.rules.values() if r.type == category)
            completer = QCompleter(ids, self)  # the completer owns its string list model
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self._completers[key] = completer
        return self._completers[key]

    def load(self, unit: ArchiveUnit | None, transfer: Transfer, requirements: dict | None = None) -> None:
        """Show the rules of *unit* (None: nothing selected).

        *requirements* (path below the unit, ``Management/AccessRule/Rule`` -> profile Requirement) marks
        what an archive profile makes mandatory.
        """
        self.unit, self.transfer = unit, transfer
        self.requirements = requirements or {}
        self.management = (unit.management.copy() if unit is not None and unit.management is not None
                           else Element("Management"))
        self._rebuild()

    def required(self, path: str):
        """The profile's Requirement of *path* (``Management/AccessRule/Rule``) when it applies to the unit:
        mandatory, and every element above it mandatory too or present (None otherwise).

        Cardinalities are relative to the parent: a profile may require an AccessRule in every Management
        and leave Management itself optional; then a unit without rules has none to give.
        """
        requirement = self.requirements.get(path)
        if requirement is None or not requirement.mandatory:
            return None
        parts = path.split("/")
        for depth in range(1, len(parts)):
            above = self.requirements.get("/".join(parts[:depth]))
            if above is not None and above.mandatory:
                continue
            element = self._present
            for part in parts[1:depth]:
                element = element.find(part) if element is not None else None
            if element is None or not element.children:
                return None
        return requirement

    def _category_requirement(self, category: str):
        """The Requirement that makes *category* mandatory for the unit (the category or its Rule), or None."""
        return self.required(f"Management/{category}") or self.required(f"Management/{category}/Rule")

    def _caption(self, caption: str, path: str) -> QLabel | str:
        requirement = self.required(path)
        return required_caption(caption, requirement) if requirement is not None else caption

    def _rebuild(self) -> None:
        scroll = self.verticalScrollBar().value()
        page = QWidget()
        layout = QVBoxLayout(page)
        if self.unit is None or self.transfer is None:
            layout.addWidget(QLabel(self.tr("Select an archive unit to edit its rules.")))
        else:
            assert self.management is not None
            self._present = cleaned(self.management)  # what is really there: empty rules do not count
            version = self.transfer.version
            for category in categories(version):
                if self._category_requirement(category) is not None:
                    # An empty rule in the working copy, shown to be filled: _emit drops it while empty.
                    block = self.management.find(category)
                    if block is None:
                        block = ontology.insert_ordered(self.management, Element(category), version,
                                                        ontology.MANAGEMENT_TYPE)
                    if block.find("Rule") is None:
                        block.insert(0, Element("Rule"))
                layout.addWidget(self._category_box(category))
        layout.addStretch(1)
        self.setWidget(page)
        self.verticalScrollBar().setValue(scroll)

    def _category_box(self, category: str) -> QGroupBox:
        assert self.management is not None and self.unit is not None and self.transfer is not None
        version = self.transfer.version
        type_name = f"{category}Type"
        requirement = self._category_requirement(category)
        box = QGroupBox(label(category) if requirement is None else "")  # a mandatory one's caption is inside
        box.setObjectName(category)
        box.setAccessibleName(label(category))
        form = QFormLayout(box)
        if requirement is not None:
            form.addRow(required_caption(label(category), requirement))
        block = self.management.find(category)
        rule_requirement = self.required(f"Management/{category}/Rule")
        for index, rule in enumerate(block.findall("Rule") if block is not None else ()):
            required = rule_requirement is not None and index < rule_requirement.min
            caption = required_caption(self.tr("Rule"), rule_requirement) if required else self.tr("Rule")
            form.addRow(caption, self._rule_row(category, block, rule))
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
            form.addRow(self._caption(label("PreventInheritance"), f"Management/{category}/PreventInheritance"),
                        prevent)
            refs = QLineEdit(", ".join(e.text or "" for e in block.findall("RefNonRuleId")))
            refs.setPlaceholderText(self.tr("Inherited rule ids to exclude, separated by commas"))
            refs.textEdited.connect(lambda text, b=block, t=type_name: self._set_refs(b, t, text))
            form.addRow(self._caption(label("RefNonRuleId"), f"Management/{category}/RefNonRuleId"), refs)
            final_type = ontology.child_type(version, type_name, "FinalAction")
            if final_type:
                combo = QComboBox()
                combo.addItems(("",) + ontology.enumeration(version, final_type))
                combo.setCurrentText(block.findtext("FinalAction") or "")
                combo.currentTextChanged.connect(lambda text, b=block, t=type_name: self._set(b, t, "FinalAction",
                                                                                              text or None))
                form.addRow(self._caption(label("FinalAction"), f"Management/{category}/FinalAction"), combo)
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
        assert self.transfer is not None
        order = tuple(c.name for c in ontology.children(self.transfer.version, f"{category}Type"))
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        outer.addLayout(row)
        line = QLineEdit(rule.text or "")
        line.setPlaceholderText(self.tr("Rule identifier, e.g. ACC-00002"))
        line.setObjectName("rule")
        completer = self._completer(category)
        suggested = self._suggested(category)
        if suggested:
            line.setPlaceholderText(self.tr("{rules} (archive profile)").format(rules=", ".join(suggested)))
            if completer is None:
                completer = QCompleter(list(suggested), line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
        if completer is not None:
            line.setCompleter(completer)
        row.addWidget(line, 2)
        start = next((e for e in rule_group(block, rule) if e.tag == "StartDate"), None)
        date = PartialDateEdit(start.text if start is not None else "")
        date.setToolTip(label("StartDate"))
        date.setObjectName("start")
        start_requirement = self.required(f"Management/{category}/StartDate")
        row.addWidget(required_caption(self.tr("from"), start_requirement) if start_requirement is not None
                      else QLabel(self.tr("from")))
        row.addWidget(date, 1)
        end = QLabel()
        end.setObjectName("end")
        end.setMinimumWidth(self.fontMetrics().horizontalAdvance("→ 0000-00-00 ") + 4)
        row.addWidget(end)

        def show_end() -> None:
            info = self._rule_info(line.text())
            if info is None:
                end.setText("")
                line.setToolTip(self.tr("Unknown in the rules referential") if self.referentials is not None
                                and self.referentials.rules and line.text().strip() else "")
                return
            line.setToolTip(self.tr("{value} — {duration} {measurement}").format(
                value=info.value, duration=info.duration or "—", measurement=(info.measurement or "").lower()))
            computed = end_date(date.text(), info.duration, info.measurement)
            end.setText(self.tr("→ unlimited") if computed == "unlimited" else
                        self.tr("→ {date}").format(date=computed) if computed else "")
            end.setToolTip(self.tr("End date computed from the rules referential") if computed else "")

        def on_rule(text: str) -> None:
            rule.text = text
            show_end()
            self._emit(("rule", id(rule)))

        def on_date(text: str) -> None:
            set_rule_field(block, rule, "StartDate", text or None, order)
            show_end()
            self._emit(("start", id(rule)))

        line.textEdited.connect(on_rule)
        if completer is not None:
            completer.activated.connect(on_rule)
        date.text_edited.connect(on_date)
        show_end()
        remove = QToolButton()
        remove.setAutoRaise(True)
        remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        remove.setToolTip(self.tr("Remove this rule"))
        remove.clicked.connect(lambda _=False: self._remove_rule(category, block, rule))
        row.addWidget(remove)
        if category == "HoldRule" and "HoldEndDate" in order:
            outer.addWidget(self._hold_fields(block, rule, order))
        return holder

    def _suggested(self, category: str) -> tuple[str, ...]:
        """The rule ids the profile fixes or allows for the unit's rules of *category* (empty: any)."""
        requirement = self.requirements.get(f"Management/{category}/Rule")
        if requirement is None:
            return ()
        return (requirement.fixed,) if requirement.fixed is not None else requirement.choices

    def _hold_fields(self, block: Element, rule: Element, order: tuple[str, ...]) -> QWidget:
        """HoldRule's own fields (SEDA 2.2+): end and reassessing dates, owner, reason, PreventRearrangement."""
        box = QWidget()
        box.setObjectName("hold")
        form = QFormLayout(box)
        form.setContentsMargins(12, 0, 0, 0)
        group = {e.tag: e for e in rule_group(block, rule)}

        def setter(tag: str):
            def apply(value: str | None) -> None:
                set_rule_field(block, rule, tag, value or None, order)
                self._emit((tag, id(rule)))
            return apply

        for tag in HOLD_FIELDS:
            current = group[tag].text if tag in group else ""
            if tag in HOLD_DATES:
                widget = PartialDateEdit(current or "")
                widget.text_edited.connect(setter(tag))
            elif tag == "PreventRearrangement":
                widget = QCheckBox(self.tr("Units under this hold must not be rearranged"))
                widget.setChecked((current or "").strip() in ("true", "1"))
                apply = setter(tag)
                widget.toggled.connect(lambda on, f=apply: f("true" if on else None))
            else:
                widget = QLineEdit(current or "")
                widget.textEdited.connect(setter(tag))
            widget.setObjectName(tag)
            form.addRow(self._caption(label(tag), f"Management/HoldRule/{tag}"), widget)
        return box

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

    def _remove_rule(self, category: str, block: Element, rule: Element) -> None:
        for element in rule_group(block, rule):
            block.remove(element)
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
