"""The structured editor of a unit's Content, built from the SEDA version's schema table.

The form edits a working copy of the Content tree; every change emits ``content_edited`` with a
cleaned copy (empty fields dropped) and a merge key, which the main window turns into one undoable
edit (keystrokes in one field merge). Repeatable elements get +/- buttons, enumerations a list,
dates a partial-date field, texts a language choice, agents a sub-form; elements the form does
not know stay untouched (the XML tab edits them). With an archive profile, the fields it makes mandatory
are marked, at every depth, and shown even when empty (an empty group or field is not written).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.metadata import XML_LANG, Element
from app.seda import ontology
from app.ui.editors.fields import PartialDateEdit, language_combo, required_caption
from app.ui.labels import label

CORE_FIELDS = ("DescriptionLevel", "Title", "Description", "StartDate", "EndDate")
LONG_TEXT = ("Description", "CustodialHistoryItem", "EventDetail")
DATE_TYPES = ("DateType", "xs:date", "xs:dateTime", "DateTimeType")
TEXT_TYPES = ("TextType",)


def is_simple(version: str, type_name: str) -> bool:
    """Whether elements of *type_name* hold text rather than child elements."""
    return type_name.startswith("xs:") or not ontology.children(version, type_name)


def cleaned(element: Element) -> Element:
    """A copy without empty elements (fields the user left blank)."""
    copy = Element(element.tag, element.text, dict(element.attrib) if element.attrib else None)
    for child in element.children or ():
        sub = cleaned(child)
        if sub.children or (sub.text is not None and sub.text.strip()) or (
                sub.attrib and set(sub.attrib) - {XML_LANG}):
            copy.append(sub)
    return copy


class MetadataForm(QScrollArea):
    """A form over an element tree of a SEDA complex type."""

    content_edited = Signal(object, object)  # (cleaned Element, merge key)

    def __init__(self, root_type: str = ontology.CONTENT_TYPE, core: tuple[str, ...] = CORE_FIELDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.root_type = root_type
        self.core = core
        self.version = ontology.DEFAULT_VERSION
        self.element: Element | None = None
        self.owner: object = None
        self.requirements: dict = {}
        self._fields: dict[str, QWidget] = {}
        self.setWidget(QWidget())

    # -- loading -------------------------------------------------------------------------------
    def load(self, element: Element | None, version: str, owner: object = None,
             requirements: dict | None = None) -> None:
        """Show *element* (a working copy is edited); None shows an empty, disabled form.

        *requirements* (path below Content, ``Title`` or ``Writer/FullName`` -> profile Requirement) marks
        the fields an archive profile makes mandatory; they are shown even when empty, in the groups that
        are shown (the unit has them, or the profile makes them mandatory too).
        """
        self.version = version
        self.owner = owner
        self.requirements = requirements or {}
        self.element = element.copy() if element is not None else None
        self._rebuild()

    def _rebuild(self) -> None:
        scroll = self.verticalScrollBar().value()
        self._fields = {}
        page = QWidget()
        outer = QVBoxLayout(page)
        if self.element is None:
            outer.addWidget(QLabel(self.tr("Select an archive unit to edit its description.")))
        else:
            outer.addLayout(self._block(self.element, self.root_type, top=True, path=""))
        outer.addStretch(1)
        self.setWidget(page)
        self.verticalScrollBar().setValue(scroll)

    def _block(self, parent: Element, type_name: str, top: bool = False, path: str = "") -> QVBoxLayout:
        """The fields of *parent* (of *type_name*); *path* is its path below the root (``Writer/``), for the
        profile's requirements."""
        box = QVBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        box.addLayout(form)
        specs = ontology.children(self.version, type_name)
        known = {spec.name for spec in specs}
        absent = []
        for spec in specs:
            key = path + spec.name
            occurrences = parent.findall(spec.name)
            requirement = self.requirements.get(key)
            required = requirement is not None and requirement.mandatory
            if not occurrences and (required or (top and spec.name in self.core)):
                if is_simple(self.version, spec.type):
                    occurrences = [None]  # an empty field, created on first keystroke
                else:  # an empty group in the working copy: cleaned() drops it until a field is filled
                    occurrences = [ontology.insert_ordered(parent, Element(spec.name), self.version, type_name)]
            if not occurrences:
                absent.append(spec)
                continue
            for element in occurrences:
                self._row(form, parent, type_name, spec, element, key)
        for child in parent.children or ():
            if child.tag not in known:
                note = QLabel(self.tr("Kept as is; edit it in the XML tab."))
                note.setEnabled(False)
                form.addRow(child.tag.rsplit("}", 1)[-1], note)
        if absent:
            add = QToolButton()
            add.setText(self.tr("Add a field") if top else self.tr("Add"))
            add.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
            add.setToolButtonStyle(add.toolButtonStyle().ToolButtonTextBesideIcon)
            add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            menu = QMenu(add)
            for spec in sorted(absent, key=lambda s: label(s.name).lower()):
                action = menu.addAction(label(spec.name))
                action.setToolTip(spec.name)
                action.triggered.connect(lambda _=False, p=parent, t=type_name, s=spec: self._add(p, t, s))
            add.setMenu(menu)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addStretch(1)
            box.addLayout(row)
        return box

    def _row(self, form: QFormLayout, parent: Element, type_name: str, spec, element: Element | None,
             key: str) -> None:
        caption = label(spec.name)
        buttons = QHBoxLayout()
        if spec.max is None and element is not None:
            plus = self._tool(QStyle.StandardPixmap.SP_ArrowDown, self.tr("Add another \"{field}\"").format(
                field=caption))
            plus.clicked.connect(lambda _=False, p=parent, t=type_name, s=spec, e=element: self._add(p, t, s, after=e))
            buttons.addWidget(plus)
        if element is not None:
            minus = self._tool(QStyle.StandardPixmap.SP_DialogDiscardButton, self.tr("Remove \"{field}\"").format(
                field=caption))
            minus.clicked.connect(lambda _=False, p=parent, e=element: self._remove(p, e))
            buttons.addWidget(minus)
        requirement = self.requirements.get(key)
        required = requirement is not None and requirement.mandatory
        caption_label = required_caption(caption, requirement) if required else QLabel(caption)
        if is_simple(self.version, spec.type):
            editor = self._simple_editor(parent, type_name, spec, element)
            line = QHBoxLayout()
            line.addWidget(editor, 1)
            line.addLayout(buttons)
            form.addRow(caption_label, line)
            self._fields.setdefault(spec.name, editor)
        else:
            group = QGroupBox("" if required else caption)  # a mandatory group's caption is inside, marked
            group.setAccessibleName(caption)
            inner = QVBoxLayout(group)
            head = QHBoxLayout()
            if required:
                head.addWidget(caption_label)
            head.addStretch(1)
            head.addLayout(buttons)
            inner.addLayout(head)
            inner.addLayout(self._block(element, spec.type, path=key + "/"))
            form.addRow(group)
            self._fields.setdefault(spec.name, group)

    def _tool(self, pixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(self.style().standardIcon(pixmap))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _simple_editor(self, parent: Element, type_name: str, spec, element: Element | None) -> QWidget:
        """The widget of one text element; *element* None creates it on the first change."""
        holder = {"element": element}

        def target() -> Element:
            if holder["element"] is None:
                holder["element"] = ontology.insert_ordered(parent, Element(spec.name), self.version, type_name)
            return holder["element"]

        def changed(text: str) -> None:
            node = target()
            node.text = text
            self._emit(("text", id(node)))

        text = element.text if element is not None else ""
        values = ontology.enumeration(self.version, spec.type)
        if values:
            combo = QComboBox()
            combo.addItems(("",) + values)
            if text and text not in values:
                combo.addItem(text)
            combo.setCurrentText(text or "")
            combo.currentTextChanged.connect(changed)
            return combo
        if spec.type in DATE_TYPES or spec.name.endswith("Date"):
            date = PartialDateEdit(text or "")
            date.text_edited.connect(changed)
            return date
        if spec.name in LONG_TEXT:
            editor = QPlainTextEdit(text or "")
            editor.setMaximumHeight(80)
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(lambda: changed(editor.toPlainText()))
            widget: QWidget = editor
        else:
            line = QLineEdit(text or "")
            line.textEdited.connect(changed)
            widget = line
        if spec.type in TEXT_TYPES:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(widget, 1)
            lang = language_combo(element.get(XML_LANG) if element is not None else None)

            def lang_changed(value: str) -> None:
                node = target()
                if value:
                    node.set(XML_LANG, value)
                elif node.attrib:
                    node.attrib.pop(XML_LANG, None)
                self._emit(("lang", id(node)))

            lang.currentTextChanged.connect(lang_changed)
            layout.addWidget(lang)
            row.setFocusProxy(widget)
            return row
        return widget

    # -- changes -------------------------------------------------------------------------------
    def _add(self, parent: Element, type_name: str, spec, after: Element | None = None) -> None:
        new = Element(spec.name)
        if after is not None and parent.children:
            parent.insert(next(i for i, c in enumerate(parent.children) if c is after) + 1, new)
        else:
            ontology.insert_ordered(parent, new, self.version, type_name)
        self._rebuild()
        self.focus_field(spec.name, last=True)

    def _remove(self, parent: Element, element: Element) -> None:
        parent.remove(element)
        self._emit(("structure", id(parent), id(element)))
        self._rebuild()

    def _emit(self, key: object) -> None:
        if self.element is not None:
            self.content_edited.emit(cleaned(self.element), (id(self.owner),) + tuple(key))  # type: ignore[arg-type]

    def focus_field(self, tag: str, last: bool = False) -> bool:
        """Give the keyboard focus to the field of *tag*; False when the form has none."""
        widget = self._fields.get(tag)
        if last:
            matches = [w for w in self.widget().findChildren(QWidget) if w is widget]
            widget = matches[-1] if matches else widget
        if widget is None:
            return False
        self.ensureWidgetVisible(widget)
        widget.setFocus()
        return True
