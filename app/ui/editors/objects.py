"""The objects of the selected unit: file name, size, format, MIME, digest, usage; open, add, remove."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.transfer import ArchiveUnit, BinaryDataObject


def human_size(size: float | None) -> str:
    """A size for people, in the interface's language: "1,2 Mo" in French, "1.2 MB" in English."""
    if size is None:
        return ""
    return QLocale().formattedDataSize(int(size), 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class ObjectsPanel(QWidget):
    """A small table of the unit's data objects with actions."""

    add_files_requested = Signal(object)  # ArchiveUnit
    add_physical_requested = Signal(object)
    remove_requested = Signal(object, list)  # (ArchiveUnit, [objects])

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit: ArchiveUnit | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Format"), self.tr("MIME"),
                                              self.tr("Digest"), self.tr("Usage")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        style = self.style()
        self.open_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the file with the system's viewer"))
        self.open_button.clicked.connect(self._on_open_clicked)
        add = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("Add files…"))
        add.clicked.connect(lambda: self.unit is not None and self.add_files_requested.emit(self.unit))
        physical = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon), self.tr("Add physical…"))
        physical.clicked.connect(lambda: self.unit is not None and self.add_physical_requested.emit(self.unit))
        remove = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), self.tr("Remove"))
        remove.clicked.connect(self._on_remove_clicked)
        for button in (self.open_button, add, physical, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._objects: list = []
        self.setEnabled(False)

    def load(self, unit: ArchiveUnit | None) -> None:
        """Show the objects of *unit*."""
        self.unit = unit
        self.setEnabled(unit is not None)
        self._objects = list(unit.object_group.objects) if unit is not None and unit.object_group else []
        self.table.setRowCount(len(self._objects))
        for row, obj in enumerate(self._objects):
            if isinstance(obj, BinaryDataObject):
                digest = f"{obj.digest_algorithm or ''} {obj.digest or ''}".strip()
                cells = [obj.filename or obj.id, human_size(obj.size),
                         " — ".join(x for x in (obj.format_id, obj.format_name) if x), obj.mime_type or "",
                         digest, obj.version or ""]
                tip = obj.source_path or ""
            else:
                physical_id = next((e.text for e in obj.elements if e.tag == "PhysicalId"), None)
                cells = [self.tr("Physical: {id}").format(id=physical_id or obj.id), "", "", "", "", obj.version or ""]
                tip = ""
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip if column == 0 else text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _selected(self) -> list:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self._objects[r] for r in rows if r < len(self._objects)]

    def _on_table_double_clicked(self, index) -> None:
        self._open(self._objects[index.row()])

    def _on_open_clicked(self) -> None:
        for obj in self._selected()[:5]:
            self._open(obj)

    def _open(self, obj) -> None:
        if isinstance(obj, BinaryDataObject) and obj.source_path and obj.source_member is None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(obj.source_path))

    def _on_remove_clicked(self) -> None:
        selected = self._selected()
        if selected and self.unit is not None:
            self.remove_requested.emit(self.unit, selected)
