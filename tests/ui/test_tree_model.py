"""The tree model under Qt's model tester, through structural edits, and its drag-and-drop equivalent."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.models import edits
from app.models.transfer import Transfer
from app.ui.tree.model import Roles, TransferItemModel
from app.ui.tree.view import TreeFilterProxyModel


def _transfer() -> Transfer:
    transfer = Transfer("2.2")
    for i in range(3):
        root = transfer.new_unit(f"Root {i}", "Series")
        for j in range(4):
            transfer.new_unit(f"File {i}.{j}", "File", root)
    return transfer


def _fetch_roots(model) -> None:
    """What a view does when it shows the roots' children."""
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.canFetchMore(index):
            model.fetchMore(index)


def _titles(model, parent=None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_tester_through_edits(qapp, qtmodeltester):
    transfer = _transfer()
    model = TransferItemModel(transfer)
    qtmodeltester.check(model)
    _fetch_roots(model)
    r0, r1, _r2 = transfer.roots
    first = model.index(0, 0)
    assert _titles(model, first) == ["File 0.0", "File 0.1", "File 0.2", "File 0.3"]
    inverse = model.apply(edits.MoveUnit(r0.children[0], r0, r1, 1))
    assert _titles(model, first) == ["File 0.1", "File 0.2", "File 0.3"]
    assert _titles(model, model.index(1, 0))[:2] == ["File 1.0", "File 0.0"]
    model.apply(inverse)
    assert _titles(model, first)[0] == "File 0.0"
    shared = r0.children[3]
    link_back = model.apply(edits.add_parent(shared, r1))
    shown = model.index(4, 0, model.index(1, 0))
    assert shown.data() == "File 0.3"
    assert shown.data(Qt.ItemDataRole.FontRole).italic()  # shown as multi-parent
    model.apply(link_back)
    new = transfer.new_unit("Top", "Fonds")
    transfer.roots.remove(new)
    model.apply(edits.AddUnit(None, new, 0))
    assert _titles(model)[0] == "Top"
    model.apply(edits.RemoveUnit(None, new))
    model.apply(edits.SetField((r0,), "Title", "Renamed"))
    assert model.index(0, 0).data() == "Renamed"
    qtmodeltester.check(model)


def test_drop_moves_and_ctrl_drop_links(qtbot):
    transfer = _transfer()
    model = TransferItemModel(transfer)
    assert model.rowCount(model.index(0, 0)) == 0 and model.canFetchMore(model.index(0, 0))  # lazy
    _fetch_roots(model)
    requested = []
    model.edit_requested.connect(lambda edit, text: requested.append((edit, text)))
    source = model.index(0, 0, model.index(0, 0))  # File 0.0
    target = model.index(2, 0)
    # A unit cannot be dropped under its own descendant.
    assert not model.canDropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, 0, source)
    mime = model.mimeData([source])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target)
    edit, _ = requested.pop()
    model.apply(edit)
    assert _titles(model, model.index(2, 0))[0] == "File 0.0"
    assert len(transfer.roots[0].children) == 3
    mime = model.mimeData([model.index(0, 0, model.index(2, 0))])
    model.dropMimeData(mime, Qt.DropAction.LinkAction, -1, 0, model.index(1, 0))
    edit, _ = requested.pop()
    model.apply(edit)
    unit = transfer.roots[2].children[0]
    assert [p.title for p in unit.parents] == ["Root 2", "Root 1"]


def test_filter_keeps_ancestors_of_matches(qtbot):
    transfer = _transfer()
    transfer.roots[1].children[2].content.append(__import__("app.models.metadata", fromlist=["Element"]).Element(
        "Description", "Délibération du conseil"))
    model = TransferItemModel(transfer)
    proxy = TreeFilterProxyModel()
    proxy.setSourceModel(model)
    model.materialize_all()
    proxy.set_search("délibération")
    assert proxy.rowCount() == 1
    root = proxy.index(0, 0)
    assert root.data() == "Root 1" and proxy.rowCount(root) == 1
    assert proxy.index(0, 0, root).data(Roles.ITEM) is transfer.roots[1].children[2]
    proxy.set_search("")
    assert proxy.rowCount() == 3
