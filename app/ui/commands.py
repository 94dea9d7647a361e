"""The single undo command of the GUI: it applies a domain edit through the tree model.

``redo()`` applies the edit and keeps its inverse; ``undo()`` applies the inverse and keeps the
edit it returns. Consecutive edits of the same field of the same unit (keystrokes) merge.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from app.models.edits import Edit

MERGE_FIELD_ID = 4242


class EditCommand(QUndoCommand):
    """An undoable domain edit."""

    def __init__(self, model, edit: Edit, text: str, merge_key: object | None = None) -> None:
        super().__init__(text)
        self.model = model
        self.edit: Edit | None = edit
        self.inverse: Edit | None = None
        self.merge_key = merge_key
        self.error: Exception | None = None

    def redo(self) -> None:  # noqa: D102 - Qt API
        assert self.edit is not None
        try:
            self.inverse = self.model.apply(self.edit)
        except ValueError as exc:  # a refused edit (cycle...): the stack drops it
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:  # noqa: D102 - Qt API
        assert self.inverse is not None
        self.edit = self.model.apply(self.inverse)

    def id(self) -> int:  # noqa: D102 - Qt API
        return MERGE_FIELD_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802, D102 - Qt API
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or other.inverse is None:
            return False
        # Keep our inverse (the state before the first keystroke); redo now replays the latest edit.
        self.edit = other.edit
        return True
