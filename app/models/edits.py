"""Undoable edits of a transfer: each ``apply(transfer)`` changes it and returns the inverse edit.

The GUI wraps every edit in one generic QUndoCommand; the CLI applies them directly. Edits hold
references to the domain objects they touch (units, groups), so undoing a removal brings back the
very same subtree. ``affected()`` tells a view what to refresh: units whose metadata changed and
parents (None for the top level) whose list of children or objects changed.

A bulk action is one edit (:class:`Batch`, or a multi-unit :class:`SetField` / :class:`SetRule`),
never thousands of them.

Edits are copy-on-write for metadata: they put new Element trees on units (and a new header), and
never change an Element that is already in the transfer. Background readers work on
:func:`app.models.project.snapshot`, which shares those trees: this rule is what makes sharing safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.metadata import Element
from app.models.transfer import ArchiveUnit, DataObject, DataObjectGroup, Transfer

CONTENT_TYPE = "DescriptiveMetadataContentType"
MANAGEMENT_TYPE = "ManagementType"
RULE_FIELDS = ("Rule", "StartDate")


@dataclass
class Affected:
    """What an edit changed: metadata of some units, children of some parents (None = top level)."""

    units: list[ArchiveUnit] = field(default_factory=list)
    parents: list[ArchiveUnit | None] = field(default_factory=list)
    header: bool = False

    def merge(self, other: Affected) -> None:
        """Add *other*'s changes to these."""
        self.units.extend(other.units)
        self.parents.extend(other.parents)
        self.header = self.header or other.header


class Edit:
    """Base class of all edits."""

    def apply(self, transfer: Transfer) -> Edit:  # pragma: no cover - abstract
        """Change *transfer* and return the edit that undoes this one."""
        raise NotImplementedError

    def affected(self) -> Affected:  # pragma: no cover - abstract
        """What this edit changes (valid before and after it is applied)."""
        raise NotImplementedError


def _children_of(transfer: Transfer, parent: ArchiveUnit | None) -> list[ArchiveUnit]:
    return transfer.roots if parent is None else parent.children


def _link(transfer: Transfer, parent: ArchiveUnit | None, unit: ArchiveUnit, index: int | None) -> None:
    siblings = _children_of(transfer, parent)
    if any(s is unit for s in siblings):
        raise ValueError(f"{unit!r} is already under {parent!r}")
    siblings.insert(len(siblings) if index is None or index < 0 else min(index, len(siblings)), unit)
    if parent is not None:
        unit.parents.append(parent)


def _unlink(transfer: Transfer, parent: ArchiveUnit | None, unit: ArchiveUnit) -> int:
    siblings = _children_of(transfer, parent)
    for index, sibling in enumerate(siblings):
        if sibling is unit:
            del siblings[index]
            break
    else:
        raise ValueError(f"{unit!r} is not under {parent!r}")
    if parent is not None:
        unit.parents[:] = [p for p in unit.parents if p is not parent]
    return index


def is_ancestor(candidate: ArchiveUnit, unit: ArchiveUnit) -> bool:
    """Whether *candidate* is *unit* or one of its ancestors (through any parent)."""
    stack, seen = [unit], set()
    while stack:
        node = stack.pop()
        if node is candidate:
            return True
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.parents)
    return False


# -- metadata ------------------------------------------------------------------------------------
@dataclass
class ReplaceMetadata(Edit):
    """Put whole Content (and optionally Management) trees on units; the base of metadata undo."""

    units: tuple[ArchiveUnit, ...]
    contents: tuple[Element | None, ...]
    managements: tuple[Element | None, ...] | None = None

    def apply(self, transfer: Transfer) -> Edit:
        old_contents = tuple(u.content for u in self.units)
        old_managements = tuple(u.management for u in self.units) if self.managements is not None else None
        for index, unit in enumerate(self.units):
            if self.contents[index] is not None:
                unit.content = self.contents[index]
            if self.managements is not None:
                unit.management = self.managements[index]
        return ReplaceMetadata(self.units, old_contents, old_managements)

    def affected(self) -> Affected:
        return Affected(units=list(self.units))


def set_content(unit: ArchiveUnit, content: Element) -> ReplaceMetadata:
    """An edit giving *unit* this Content (the XML tab, the structured editor)."""
    return ReplaceMetadata((unit,), (content,))


def set_management(unit: ArchiveUnit, management: Element | None) -> ReplaceMetadata:
    """An edit giving *unit* this Management block (None removes it)."""
    return ReplaceMetadata((unit,), (None,), (management,))


@dataclass
class SetField(Edit):
    """Set (or, with None, remove) a single-valued top-level Content element on one or more units."""

    units: tuple[ArchiveUnit, ...]
    tag: str
    value: str | None
    version: str = "2.2"

    def apply(self, transfer: Transfer) -> Edit:
        from app.seda import ontology  # the engine's schema order; headless

        olds = []
        for unit in self.units:
            olds.append(unit.content)
            content = unit.content.copy()
            ontology.set_child(content, self.version, CONTENT_TYPE, self.tag, self.value)
            unit.content = content
        return ReplaceMetadata(self.units, tuple(olds))

    def affected(self) -> Affected:
        return Affected(units=list(self.units))


@dataclass
class SetRule(Edit):
    """Give units a rule of a category (replacing the rules of that category), or remove the category.

    ``rule`` None removes the whole category. ``extra`` holds other children of the category
    (PreventInheritance, FinalAction...) as (tag, text) pairs, written in schema order.
    """

    units: tuple[ArchiveUnit, ...]
    category: str
    rule: str | None
    start_date: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    version: str = "2.2"

    def apply(self, transfer: Transfer) -> Edit:
        from app.seda import ontology

        olds = []
        for unit in self.units:
            olds.append(unit.management)
            management = unit.management.copy() if unit.management is not None else Element("Management")
            management.remove_all(self.category)
            if self.rule is not None:
                category = Element(self.category, children=[Element("Rule", self.rule)])
                if self.start_date:
                    category.append(Element("StartDate", self.start_date))
                for tag, text in self.extra:
                    category.append(Element(tag, text))
                ontology.normalize(category, self.version, f"{self.category}Type")
                ontology.insert_ordered(management, category, self.version, MANAGEMENT_TYPE)
            unit.management = management if management.children else None
        return ReplaceMetadata(self.units, (None,) * len(self.units), tuple(olds))

    def affected(self) -> Affected:
        return Affected(units=list(self.units))


@dataclass
class SetHeader(Edit):
    """Replace the message header and ManagementMetadata (the transfer-context form)."""

    header: Element
    management_metadata: Element

    def apply(self, transfer: Transfer) -> Edit:
        inverse = SetHeader(transfer.header, transfer.management_metadata)
        transfer.header, transfer.management_metadata = self.header, self.management_metadata
        return inverse

    def affected(self) -> Affected:
        return Affected(header=True)


# -- structure -----------------------------------------------------------------------------------
@dataclass
class AddUnit(Edit):
    """Put *unit* (new, or re-attached by an undo) under *parent* at *index* (None: last)."""

    parent: ArchiveUnit | None
    unit: ArchiveUnit
    index: int | None = None

    def apply(self, transfer: Transfer) -> Edit:
        if self.parent is not None and is_ancestor(self.unit, self.parent):
            raise ValueError("a unit cannot be placed under itself")
        _link(transfer, self.parent, self.unit, self.index)
        return RemoveUnit(self.parent, self.unit)

    def affected(self) -> Affected:
        return Affected(units=[self.unit], parents=[self.parent])


@dataclass
class RemoveUnit(Edit):
    """Detach *unit* from *parent*; a unit with other parents stays under them."""

    parent: ArchiveUnit | None
    unit: ArchiveUnit

    def apply(self, transfer: Transfer) -> Edit:
        index = _unlink(transfer, self.parent, self.unit)
        return AddUnit(self.parent, self.unit, index)

    def affected(self) -> Affected:
        return Affected(units=[self.unit], parents=[self.parent])


@dataclass
class MoveUnit(Edit):
    """Move *unit* from *old_parent* to *new_parent* at *index* (None: last)."""

    unit: ArchiveUnit
    old_parent: ArchiveUnit | None
    new_parent: ArchiveUnit | None
    index: int | None = None

    def apply(self, transfer: Transfer) -> Edit:
        if self.new_parent is not None and is_ancestor(self.unit, self.new_parent):
            raise ValueError("a unit cannot be moved under itself")
        old_index = _unlink(transfer, self.old_parent, self.unit)
        index = self.index
        if index is not None and self.old_parent is self.new_parent and old_index < index:
            index -= 1  # the index was counted with the unit still in place
        try:
            _link(transfer, self.new_parent, self.unit, index)
        except ValueError:
            _link(transfer, self.old_parent, self.unit, old_index)
            raise
        back = old_index + 1 if self.old_parent is self.new_parent and index is not None and index <= old_index \
            else old_index
        return MoveUnit(self.unit, self.new_parent, self.old_parent, back)

    def affected(self) -> Affected:
        return Affected(units=[self.unit], parents=[self.old_parent, self.new_parent])


def add_parent(unit: ArchiveUnit, parent: ArchiveUnit, index: int | None = None) -> AddUnit:
    """An edit making *unit* also a child of *parent* (SEDA units may have several parents)."""
    return AddUnit(parent, unit, index)


@dataclass
class SetObjects(Edit):
    """Give *unit* a new list of objects (add, replace or remove files and physical items)."""

    unit: ArchiveUnit
    objects: list[DataObject]

    def apply(self, transfer: Transfer) -> Edit:
        group = self.unit.object_group
        old = list(group.objects) if group is not None else []
        if group is None and self.objects:
            group = DataObjectGroup(transfer.ids.new())
            transfer.groups.append(group)
            self.unit.object_group = group
        if group is not None:
            group.objects = list(self.objects)
            if not group.objects:
                transfer.groups[:] = [g for g in transfer.groups if g is not group]
                self.unit.object_group = None
        return SetObjects(self.unit, old)

    def affected(self) -> Affected:
        return Affected(units=[self.unit], parents=[self.unit])


@dataclass
class Batch(Edit):
    """Several edits applied in order as one undo step."""

    edits: list[Edit]

    def apply(self, transfer: Transfer) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(transfer))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(transfer)
            raise
        return Batch(list(reversed(inverses)))

    def affected(self) -> Affected:
        result = Affected()
        for edit in self.edits:
            result.merge(edit.affected())
        return result


@dataclass
class SetUnitProfiles(Edit):
    """Give units an ArchiveUnitProfile (None removes it)."""

    units: tuple[ArchiveUnit, ...]
    profiles: tuple[str | None, ...]

    def apply(self, transfer: Transfer) -> Edit:
        old = tuple(u.profile for u in self.units)
        for unit, profile in zip(self.units, self.profiles, strict=True):
            unit.profile = profile
        return SetUnitProfiles(self.units, old)

    def affected(self) -> Affected:
        return Affected(units=list(self.units))
