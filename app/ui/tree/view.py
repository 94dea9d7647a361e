"""The tree view and its search filter: drag to move, Ctrl+drag to add a parent, drop files on a unit."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from app.ui.tree.model import Roles


class TreeFilterProxyModel(QSortFilterProxyModel):
    """Search-as-you-type over title, identifier and every metadata text; parents of hits stay visible."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)
        self._needle = ""

    def set_search(self, text: str) -> None:
        """Filter on *text* (case-insensitive substring); empty shows everything."""
        # Qt 6.10 replaced invalidateFilter() by the begin/end pair.
        self.beginFilterChange()
        self._needle = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in (index.data(Roles.SEARCH) or "")

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        # Sorted or filtered rows do not match the domain order: map the drop row to the source.
        if row >= 0:
            target = self.index(row, 0, parent)
            source_row = self.mapToSource(target).row() if target.isValid() else -1
        else:
            source_row = -1
        return self.sourceModel().dropMimeData(data, action, source_row, column, self.mapToSource(parent))


class TransferTreeView(QTreeView):
    """The tree of the main window."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setUniformRowHeights(True)  # constant-time layout for 100,000 rows
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSortingEnabled(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)
        self.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _action_for(self, event) -> Qt.DropAction:
        if event.mimeData().hasUrls():
            return Qt.DropAction.CopyAction
        ctrl = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        return Qt.DropAction.LinkAction if ctrl else Qt.DropAction.MoveAction

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        super().dragMoveEvent(event)
        if event.isAccepted():
            event.setDropAction(self._action_for(event))
            event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        event.setDropAction(self._action_for(event))
        super().dropEvent(event)
