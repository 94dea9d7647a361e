"""One QAbstractItemModel over the transfer's unit graph, for 100,000 units and more.

Each visible occurrence of a unit or object is a small ``Node`` (``__slots__``) that stores its row,
so ``index()`` and ``parent()`` are O(1). Children are materialised on first access: opening a
project creates the top-level nodes only. A unit with several parents gets one node per parent.

:meth:`TransferItemModel.apply` is the only way the GUI changes the transfer: it applies a domain
edit, then brings the materialised nodes in line with the domain with the begin/end row signals,
and emits ``dataChanged`` for edited units.

Two rules keep C++ and Python in step:

* ``createIndex`` stores a bare pointer to a :class:`Node` (no reference). Nodes of removed rows,
  and the old tree of a reset, go to ``_graveyard`` instead of being freed, since a view or the
  proxy may still hold a plain ``QModelIndex`` to them; the graveyard is emptied once a reset has
  completed, when no index to them can remain.
* ``tree_lock`` is held while an edit changes the domain tree; background readers take their
  snapshot under the same lock (:meth:`TransferItemModel.reader`), so they never see a half-done
  edit. ``generation`` counts the changes of the tree: readers share one snapshot per generation.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.models import edits
from app.models.edits import Edit
from app.models.project import snapshot
from app.models.tasks import Cancelled
from app.models.transfer import ArchiveUnit, BinaryDataObject, Transfer
from app.ui import snapshots

UNITS_MIME = "application/x-liasse-units"
COLUMNS = 3


class Roles(IntEnum):
    """Custom data roles."""

    ITEM = Qt.ItemDataRole.UserRole + 1  # the ArchiveUnit or data object
    PARENT_UNIT = Qt.ItemDataRole.UserRole + 2  # the unit this occurrence is under (None at top)
    SEARCH = Qt.ItemDataRole.UserRole + 3  # every text of the unit, lower case
    TRANSFER_STATUS = Qt.ItemDataRole.UserRole + 4  # "archived" / "warning" / "rejected" after a send, or None


_F = Qt.ItemFlag
_FLAGS = {
    "root": _F.ItemIsDropEnabled,
    "unit": _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsDragEnabled | _F.ItemIsDropEnabled,
    "title": _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemIsDragEnabled | _F.ItemIsDropEnabled | _F.ItemIsEditable,
    "object": _F.ItemIsEnabled | _F.ItemIsSelectable | _F.ItemNeverHasChildren,
}


class Node:
    """One row of the tree."""

    __slots__ = ("item", "parent", "row", "children")

    def __init__(self, item, parent: Node | None, row: int) -> None:
        self.item = item
        self.parent = parent
        self.row = row
        self.children: list[Node] | None = None  # None until first asked for


def _child_items(item) -> list:
    """The domain children of a unit: sub-units first, then its objects."""
    if not isinstance(item, ArchiveUnit):
        return []
    items: list = list(item.children)
    if item.object_group is not None:
        items.extend(item.object_group.objects)
    return items


class TransferItemModel(QAbstractItemModel):
    """The tree of units (and their objects) of one transfer."""

    edit_requested = Signal(object, str)  # (Edit, undo text): drops go through the undo stack
    files_dropped = Signal(object, list)  # (ArchiveUnit, [paths])

    def __init__(self, transfer: Transfer | None = None, parent=None) -> None:
        super().__init__(parent)
        self.transfer = transfer or Transfer()
        self.status: dict[str, str] = {}  # unit id -> "error" / "warning", from the last validation
        self.transfer_status: dict[str, str] = {}  # unit id -> "archived" / "warning" / "rejected" (last send)
        self._root = Node(None, None, 0)
        self._nodes: dict[int, list[Node]] = {}  # id(unit) -> its materialised nodes
        self._dragged: list[Node] = []
        self._graveyard: list[Node] = []  # nodes Qt may still point at (see the module docstring)
        self.tree_lock = threading.Lock()
        self.generation = 0  # bumped (under tree_lock) whenever the tree changes
        self._snapshots = snapshots.SnapshotCache()
        style = QApplication.style()
        sp = QStyle.StandardPixmap
        self._icons = {
            "folder": style.standardIcon(sp.SP_DirIcon), "item": style.standardIcon(sp.SP_FileIcon),
            "binary": style.standardIcon(sp.SP_FileLinkIcon), "physical": style.standardIcon(sp.SP_DriveHDIcon),
            "error": style.standardIcon(sp.SP_MessageBoxCritical),
            "warning": style.standardIcon(sp.SP_MessageBoxWarning),
            "sent:archived": style.standardIcon(sp.SP_DialogApplyButton),
            "sent:warning": style.standardIcon(sp.SP_MessageBoxWarning),
            "sent:rejected": style.standardIcon(sp.SP_DialogCancelButton),
        }
        self._italic = QFont()
        self._italic.setItalic(True)
        self._shared_brush = QBrush(QColor(30, 90, 170))

    # -- whole-tree changes --------------------------------------------------------------------
    def set_transfer(self, transfer: Transfer) -> list[Iterator[None]]:
        """Show another transfer (the main thread hands over a tree built by a worker).

        Returns the teardowns that free what was shown before (the old transfer, its nodes and the
        snapshot readers shared), for the caller to run a slice at a time: done here, freeing
        100,000 units would stall the window.
        """
        self.beginResetModel()
        old_root = self._root
        with self.tree_lock:
            old_transfer = self.transfer
            self.transfer = transfer
            self.generation += 1
        self.status = {}
        self.transfer_status = {}
        self._root = Node(None, None, 0)
        self._nodes = {}
        self._dragged = []
        self.endResetModel()
        # After a completed reset no index to the old nodes survives: they (and earlier graves) can go.
        graves, self._graveyard = self._graveyard, []
        steps = [snapshots.node_teardown([old_root, *graves])]
        steps.extend(snapshots.SnapshotCache.teardown(base) for base in self._snapshots.supersede())
        if old_transfer is not transfer:
            steps.append(snapshots.unit_teardown(old_transfer))
        return steps

    def touch(self) -> None:
        """The transfer was changed outside :meth:`apply` (relocated files): readers need a new snapshot."""
        with self.tree_lock:
            self.generation += 1

    @contextmanager
    def reader(self, transfer: Transfer) -> Iterator[Transfer]:
        """A snapshot of *transfer* for a background reader, shared with the other readers of the same state.

        Called in the worker. Raises :class:`~app.models.tasks.Cancelled` when *transfer* is no longer
        the one shown (the job was started for a project since replaced). The view must be treated as
        read-only apart from its own header, version and ids (see :func:`app.models.project.reader_view`),
        and must not be kept after the block.
        """
        with self.tree_lock:  # edits wait while the tree is copied (only when it changed)
            if transfer is not self.transfer:
                raise Cancelled()
            base, retired = self._snapshots.acquire(transfer, self.generation)
        try:
            for old in retired:
                snapshots.run(self._snapshots.teardown(old))
            yield self._snapshots.reader_view(base)
        finally:
            for old in self._snapshots.release(base):
                snapshots.run(self._snapshots.teardown(old))

    def private_snapshot(self, transfer: Transfer) -> Transfer:
        """A copy of *transfer* of the reader's own, for writers that change what they are given (interop).

        Called in the worker, like :meth:`reader`; raises ``Cancelled`` when *transfer* was replaced.
        """
        with self.tree_lock:
            if transfer is not self.transfer:
                raise Cancelled()
            return snapshot(transfer)

    def materialize_all(self) -> None:
        """Create every node (needed by search over the whole tree); one reset instead of many inserts."""
        stack = [self._root]
        pending = False
        while stack and not pending:
            node = stack.pop()
            if node.children is None:
                pending = node is self._root or bool(_child_items(node.item))
            else:
                stack.extend(node.children)
        if not pending:
            return
        self.beginResetModel()
        self._graveyard.append(self._root)  # freed only after endResetModel
        self._root = Node(None, None, 0)
        self._nodes = {}
        stack = [self._root]
        while stack:
            node = stack.pop()
            if node is self._root:
                items = self.transfer.roots
            else:
                items = _child_items(node.item)
            node.children = [Node(item, node, row) for row, item in enumerate(items)]
            for child in node.children:
                if isinstance(child.item, ArchiveUnit):
                    self._nodes.setdefault(id(child.item), []).append(child)
                    stack.append(child)
                else:
                    child.children = []
        self.endResetModel()
        graves, self._graveyard = self._graveyard, []
        snapshots.run(snapshots.node_teardown(graves))  # nodes may be frozen: break their cycles

    def set_status(self, status: dict[str, str]) -> None:
        """Validation status per unit id; repaints the icons."""
        self.status = status
        self._repaint(0, [Qt.ItemDataRole.DecorationRole])

    def set_transfer_status(self, status: dict[str, str]) -> None:
        """What the last send's ATR said per unit id ("archived", "warning", "rejected"); repaints."""
        self.transfer_status = status
        self._repaint(COLUMNS - 1, [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole, Roles.TRANSFER_STATUS])

    def _repaint(self, last_column: int, roles: list) -> None:
        if self._root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last_column), roles)
        for nodes in self._nodes.values():
            for node in nodes:
                if node.children:
                    first = self.createIndex(0, 0, node.children[0])
                    last = self.createIndex(len(node.children) - 1, last_column, node.children[-1])
                    self.dataChanged.emit(first, last, roles)

    # -- nodes ---------------------------------------------------------------------------------
    def _children(self, node: Node) -> list[Node]:
        """Children of *node*; only the invisible root is filled here, the others by fetchMore()."""
        if node.children is None:
            if node is not self._root:
                return []
            items = self.transfer.roots if node.item is None else _child_items(node.item)
            node.children = [Node(item, node, row) for row, item in enumerate(items)]
            for child in node.children:
                if isinstance(child.item, ArchiveUnit):
                    self._nodes.setdefault(id(child.item), []).append(child)
        return node.children

    def node(self, index: QModelIndex) -> Node:
        """The node of an index (the invisible root for an invalid one)."""
        return index.internalPointer() if index.isValid() else self._root

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        """The index of a node."""
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def unit_index(self, unit: ArchiveUnit) -> QModelIndex:
        """An index showing *unit* (through its first parents), materialising the path to it."""
        nodes = self._nodes.get(id(unit))
        if nodes:
            return self.index_of(nodes[0])
        path = [unit]
        while path[-1].parents:
            path.append(path[-1].parents[0])
        node = self._root
        for item in reversed(path):
            if node.children is None:
                self.fetchMore(self.index_of(node))
            for child in self._children(node):
                if child.item is item:
                    node = child
                    break
            else:
                return QModelIndex()
        return self.index_of(node)

    # -- Qt model API --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children(self.node(parent))
        if 0 <= row < len(children) and 0 <= column < COLUMNS:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()):  # noqa: B008 - Qt API (also QObject.parent())
        if not isinstance(index, (QModelIndex, QPersistentModelIndex)):
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        node = self.node(parent)
        if parent.isValid() and parent.column() != 0:
            return False
        if node.children is not None:
            return bool(node.children)
        if node.item is None:
            return bool(self.transfer.roots)
        item = node.item
        return isinstance(item, ArchiveUnit) and bool(item.children or (item.object_group and
                                                                         item.object_group.objects))

    def canFetchMore(self, parent: QModelIndex) -> bool:  # noqa: N802
        node = self.node(parent)
        return node.children is None and node is not self._root and self.hasChildren(parent)

    def fetchMore(self, parent: QModelIndex) -> None:  # noqa: N802
        """Create the child rows of a unit the first time it is expanded (lazy: 100,000 units open at once)."""
        node = self.node(parent)
        if node.children is not None or node is self._root:
            return
        items = _child_items(node.item)
        if not items:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(items) - 1)
        node.children = [Node(item, node, row) for row, item in enumerate(items)]
        for child in node.children:
            if isinstance(child.item, ArchiveUnit):
                self._nodes.setdefault(id(child.item), []).append(child)
        self.endInsertRows()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Level"), self.tr("Identifier"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        item = node.item
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.EditRole:
            if isinstance(item, ArchiveUnit):
                if column == 0:
                    return item.title or self.tr("(untitled)")
                return item.level or "" if column == 1 else item.id
            if column == 0:
                if isinstance(item, BinaryDataObject):
                    return item.filename or item.id
                return self.tr("Physical object {id}").format(id=item.id)
            return (item.version or "") if column == 1 else item.id
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if isinstance(item, ArchiveUnit):
                state = self.status.get(item.id)
                if state:
                    return self._icons[state]
                return self._icons["item" if item.level == "Item" else "folder"]
            return self._icons["binary" if isinstance(item, BinaryDataObject) else "physical"]
        if isinstance(item, ArchiveUnit) and self.transfer_status and (
                role == Roles.TRANSFER_STATUS or (column == COLUMNS - 1 and role in (
                    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole))):
            sent = self.transfer_status.get(item.id)
            if role == Roles.TRANSFER_STATUS:
                return sent
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons[f"sent:{sent}"] if sent else None
            texts = {"archived": self.tr("Archived by Vitam"), "warning": self.tr("Archived by Vitam, with warnings"),
                     "rejected": self.tr("Rejected by Vitam")}
            return texts.get(sent or "")
        if isinstance(item, ArchiveUnit) and len(item.parents) > 1:
            if role == Qt.ItemDataRole.FontRole:
                return self._italic
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._shared_brush
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("This unit has {count} parents: {titles}").format(
                    count=len(item.parents), titles=", ".join(p.title for p in item.parents))
        if role == Roles.ITEM:
            return item
        if role == Roles.PARENT_UNIT:
            return node.parent.item if node.parent is not None else None
        if role == Roles.SEARCH:
            if isinstance(item, ArchiveUnit):
                texts = [item.id]
                texts.extend(e.text for e in item.content.iter() if e.text)
                return "\n".join(texts).lower()
            if isinstance(item, BinaryDataObject):
                return f"{item.id}\n{item.filename or ''}\n{item.format_id or ''}".lower()
            return item.id.lower()
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.node(index).item
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or not isinstance(item, ArchiveUnit):
            return False
        text = str(value).strip()
        if not text or text == item.title:
            return False
        self.edit_requested.emit(edits.SetField((item,), "Title", text, self.transfer.version), self.tr("Rename"))
        return True

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        # Combined once (_FLAGS): or-ing Qt enums in Python costs more than the rest of this call.
        if not index.isValid():
            return _FLAGS["root"]
        if isinstance(index.internalPointer().item, ArchiveUnit):
            return _FLAGS["title"] if index.column() == 0 else _FLAGS["unit"]
        return _FLAGS["object"]

    # -- drag and drop -------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [UNITS_MIME, "text/uri-list"]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        nodes, seen = [], set()
        for index in indexes:
            node = self.node(index)
            if isinstance(node.item, ArchiveUnit) and id(node) not in seen:
                seen.add(id(node))
                nodes.append(node)
        self._dragged = nodes
        mime = QMimeData()
        mime.setData(UNITS_MIME, ",".join(n.item.id for n in nodes).encode())
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        target = self.node(parent).item
        if data.hasUrls():
            return isinstance(target, ArchiveUnit)
        if not data.hasFormat(UNITS_MIME) or (target is not None and not isinstance(target, ArchiveUnit)):
            return False
        return all(target is None or not edits.is_ancestor(n.item, target) for n in self._dragged)

    def drop_edit(self, nodes: list[Node], target: ArchiveUnit | None, row: int, link: bool) -> Edit | None:
        """The edit for dropping *nodes* on *target* at *row* (-1: last): a move, or a new parent link."""
        batch: list[Edit] = []
        index = None if row < 0 else row
        for node in nodes:
            unit = node.item
            if target is not None and edits.is_ancestor(unit, target):
                return None
            source = node.parent.item if node.parent is not None else None
            if link:
                if target is None or target is source or any(c is unit for c in target.children):
                    continue
                batch.append(edits.add_parent(unit, target, index))
            else:
                if source is not target and any(c is unit for c in edits._children_of(self.transfer, target)):
                    continue
                batch.append(edits.MoveUnit(unit, source, target, index))
            if index is not None:
                index += 1
        if not batch:
            return None
        return batch[0] if len(batch) == 1 else edits.Batch(batch)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        target = self.node(parent).item
        if data.hasUrls() and not data.hasFormat(UNITS_MIME):
            paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
            if paths and isinstance(target, ArchiveUnit):
                self.files_dropped.emit(target, paths)
            return False
        if not data.hasFormat(UNITS_MIME):
            return False
        if isinstance(target, ArchiveUnit) and row > len(target.children):
            row = len(target.children)  # below the objects: the end of the sub-units
        link = action in (Qt.DropAction.LinkAction, Qt.DropAction.CopyAction)
        edit = self.drop_edit(self._dragged, target, row, link)
        if edit is not None:
            self.edit_requested.emit(edit, self.tr("Add parent") if link else self.tr("Move"))
        # False: the view must not remove the source rows itself; the edit did the move.
        return False

    # -- edits ---------------------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Apply a domain edit, update the rows it changed, and return its inverse."""
        with self.tree_lock:  # a reader taking its snapshot finishes first
            inverse = edit.apply(self.transfer)
            self.generation += 1
        affected = edit.affected()
        done: set[int] = set()
        for parent in affected.parents:
            if id(parent) in done:
                continue
            done.add(id(parent))
            nodes = [self._root] if parent is None else list(self._nodes.get(id(parent), ()))
            for node in nodes:
                self._sync(node)
        for unit in affected.units:
            for node in self._nodes.get(id(unit), ()):
                self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, COLUMNS - 1))
        return inverse

    def _sync(self, node: Node) -> None:
        if node.children is None:
            if node is not self._root:
                index = self.index_of(node)
                self.dataChanged.emit(index, index)  # the expand arrow may appear or go
            return
        new = self.transfer.roots if node.item is None else _child_items(node.item)
        old = node.children
        start = 0
        while start < len(old) and start < len(new) and old[start].item is new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1].item is new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        parent_index = self.index_of(node)
        if end_old > start:
            self.beginRemoveRows(parent_index, start, end_old - 1)
            removed = old[start:end_old]
            del old[start:end_old]
            for row in range(start, len(old)):
                old[row].row = row
            for gone in removed:
                self._forget(gone)
            self._graveyard.extend(removed)
            self.endRemoveRows()
        if end_new > start:
            self.beginInsertRows(parent_index, start, end_new - 1)
            fresh = [Node(item, node, start + i) for i, item in enumerate(new[start:end_new])]
            old[start:start] = fresh
            for row in range(start, len(old)):
                old[row].row = row
            for child in fresh:
                if isinstance(child.item, ArchiveUnit):
                    self._nodes.setdefault(id(child.item), []).append(child)
            self.endInsertRows()
        if node is not self._root:
            index = self.index_of(node)
            self.dataChanged.emit(index, index)

    def _forget(self, node: Node) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if isinstance(current.item, ArchiveUnit):
                nodes = self._nodes.get(id(current.item))
                if nodes:
                    nodes[:] = [n for n in nodes if n is not current]
                    if not nodes:
                        del self._nodes[id(current.item)]
            if current.children:
                stack.extend(current.children)
