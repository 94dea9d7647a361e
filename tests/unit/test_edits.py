"""Domain edits: each apply() returns an inverse that restores the transfer exactly."""

from __future__ import annotations

import pytest

from app.models import edits
from app.models.metadata import Element
from app.models.transfer import BinaryDataObject, Transfer


def _tree() -> Transfer:
    transfer = Transfer("2.2")
    root = transfer.new_unit("Root", "Fonds")
    for i in range(3):
        transfer.new_unit(f"Child {i}", "File", root)
    transfer.new_unit("Other root", "Series")
    return transfer


def _titles(units) -> list[str]:
    return [u.title for u in units]


def test_set_field_and_undo():
    transfer = _tree()
    unit = transfer.roots[0].children[0]
    inverse = edits.SetField((unit,), "Description", "Hello").apply(transfer)
    assert unit.content.findtext("Description") == "Hello"
    # Schema order: DescriptionLevel, Title, ..., Description.
    assert [c.tag for c in unit.content] == ["DescriptionLevel", "Title", "Description"]
    inverse.apply(transfer)
    assert unit.content.find("Description") is None


def test_bulk_set_rule_is_one_edit_and_undoes_all():
    transfer = _tree()
    units = tuple(transfer.roots[0].children)
    inverse = edits.SetRule(units, "AccessRule", "ACC-00003", "2020-01-01").apply(transfer)
    for unit in units:
        rule = unit.management.find("AccessRule")
        assert [c.tag for c in rule] == ["Rule", "StartDate"]
        assert rule.findtext("Rule") == "ACC-00003"
    redo = inverse.apply(transfer)
    assert all(u.management is None for u in units)
    redo.apply(transfer)
    assert all(u.management.find("AccessRule") is not None for u in units)


def test_set_rule_keeps_other_categories_in_schema_order():
    transfer = _tree()
    unit = transfer.roots[1]
    edits.SetRule((unit,), "AccessRule", "ACC-00001").apply(transfer)
    edits.SetRule((unit,), "AppraisalRule", "APP-1", extra=(("FinalAction", "Keep"),)).apply(transfer)
    assert [c.tag for c in unit.management] == ["AppraisalRule", "AccessRule"]
    assert [c.tag for c in unit.management.find("AppraisalRule")] == ["Rule", "FinalAction"]
    edits.SetRule((unit,), "AccessRule", None).apply(transfer)
    assert [c.tag for c in unit.management] == ["AppraisalRule"]


@pytest.mark.parametrize("index", [0, 1, 2, 3, None])
def test_move_within_parent_round_trips(index):
    transfer = _tree()
    root = transfer.roots[0]
    before = _titles(root.children)
    unit = root.children[1]
    inverse = edits.MoveUnit(unit, root, root, index).apply(transfer)
    assert len(root.children) == 3 and unit in root.children
    inverse.apply(transfer)
    assert _titles(root.children) == before


def test_move_between_parents_and_cycle_refused():
    transfer = _tree()
    root, other = transfer.roots
    unit = root.children[0]
    inverse = edits.MoveUnit(unit, root, other, 0).apply(transfer)
    assert unit.parents == [other] and other.children == [unit]
    with pytest.raises(ValueError):
        edits.MoveUnit(other, None, unit).apply(transfer)
    assert transfer.roots == [root, other]  # the refused move changed nothing
    inverse.apply(transfer)
    assert unit.parents == [root] and _titles(root.children)[0] == "Child 0"


def test_add_parent_then_remove_keeps_unit_under_first_parent():
    transfer = _tree()
    root, other = transfer.roots
    unit = root.children[2]
    inverse = edits.add_parent(unit, other).apply(transfer)
    assert unit.parents == [root, other]
    assert transfer.count_units() == 5  # still one unit
    with pytest.raises(ValueError):
        edits.add_parent(unit, other).apply(transfer)
    inverse.apply(transfer)
    assert unit.parents == [root] and other.children == []


def test_remove_and_undo_restores_position():
    transfer = _tree()
    root = transfer.roots[0]
    unit = root.children[1]
    inverse = edits.RemoveUnit(root, unit).apply(transfer)
    assert _titles(root.children) == ["Child 0", "Child 2"] and unit.parents == []
    inverse.apply(transfer)
    assert root.children[1] is unit and unit.parents == [root]


def test_batch_rolls_back_on_failure():
    transfer = _tree()
    root, other = transfer.roots
    unit = root.children[0]
    batch = edits.Batch([edits.SetField((unit,), "Title", "Changed"), edits.MoveUnit(other, None, other)])
    with pytest.raises(ValueError):
        batch.apply(transfer)
    assert unit.title == "Child 0"
    affected = edits.Batch([edits.SetField((unit,), "Title", "x"), edits.RemoveUnit(root, unit)]).affected()
    assert affected.units == [unit, unit] and affected.parents == [root]


def test_set_objects_creates_and_drops_group():
    transfer = _tree()
    unit = transfer.roots[1]
    obj = BinaryDataObject("OBJ1", source_path="/tmp/x.pdf", filename="x.pdf")
    inverse = edits.SetObjects(unit, [obj]).apply(transfer)
    assert unit.object_group is not None and unit.object_group in transfer.groups
    inverse.apply(transfer)
    assert unit.object_group is None and transfer.groups == []


def test_header_and_content_replacement():
    transfer = _tree()
    unit = transfer.roots[0]
    new = Element("Content", children=[Element("Title", "XML tab")])
    inverse = edits.set_content(unit, new).apply(transfer)
    assert unit.title == "XML tab"
    inverse.apply(transfer)
    assert unit.title == "Root"
    header = Element("ArchiveTransfer", children=[Element("Comment", "c")])
    inverse = edits.SetHeader(header, Element("ManagementMetadata")).apply(transfer)
    assert transfer.header.findtext("Comment") == "c" and edits.SetHeader(header, header).affected().header
    inverse.apply(transfer)
    assert transfer.header.find("Comment") is None
