"""The main window: tree on the left, editors on the right, preview and validation below.

Every change of the transfer goes through :meth:`MainWindow.push_edit` (one undo command over the
tree model); long work (scan, open, save, preview, validation, export) runs in workers, and
preview/validation results carry a generation number so stale ones are dropped.
"""

from __future__ import annotations

import os
import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import edits
from app.models import project as projects
from app.models.edits import Edit
from app.models.metadata import Element
from app.models.project import Project
from app.models.transfer import ArchiveUnit, PhysicalDataObject, Transfer
from app.seda import ontology
from app.ui import jobs
from app.ui import settings as opts
from app.ui.commands import EditCommand
from app.ui.dialogs import ContextDialog, PreferencesDialog
from app.ui.editors.content import MetadataForm
from app.ui.editors.objects import ObjectsPanel, human_size
from app.ui.editors.rules import RulesEditor
from app.ui.editors.xml_tab import XmlTab
from app.ui.icons import application_icon
from app.ui.interop import InteropMixin, import_kind
from app.ui.main_actions import build_actions
from app.ui.panels import PreviewPanel, ValidationPanel, translate
from app.ui.profile import ProfileMixin
from app.ui.project_files import Counts, ProjectFilesMixin, _counts
from app.ui.send import SendMixin
from app.ui.settings import Settings
from app.ui.snapshots import collector_paused
from app.ui.tree.model import Roles, TransferItemModel
from app.ui.tree.view import TransferTreeView, TreeFilterProxyModel
from app.ui.workers import Runner


class MainWindow(ProjectFilesMixin, InteropMixin, SendMixin, ProfileMixin, QMainWindow):
    """Liasse's main window."""

    loaded = Signal()  # a transfer or project is shown
    validated = Signal()
    previewed = Signal()
    exported = Signal(object)  # ExportResult, or an exception
    imported = Signal(object)  # the new Project, an exception, or None (cancelled)
    converted = Signal(object)  # (kind, path, units), an exception, or None (cancelled)
    sent = Signal(object)  # SendOutcome, an exception, or None (cancelled)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.session = uuid.uuid4().hex[:8]
        self.project = Project(Transfer(self.settings.get(opts.SEDA_VERSION)))
        self.runner = Runner(self, int(self.settings.get(opts.WORKERS)))
        self.undo_stack = QUndoStack(self)
        self.model = TransferItemModel(self.project.transfer, self)
        self.proxy = TreeFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.current: ArchiveUnit | None = None
        self._generation = {"preview": 0, "validation": 0}
        self._editing_key: object | None = None
        self._progress: QProgressDialog | None = None
        self.findings: list[jobs.UiFinding] = []
        self._closing = False
        self._counts: Counts | None = None
        self._first_rows_pending: Transfer | None = None  # see ProjectFilesMixin._show_first_rows
        self._teardowns: list = []  # slices freeing a replaced transfer (ProjectFilesMixin._release_later)
        self._teardown_timer = QTimer(self, interval=0)
        self._teardown_timer.timeout.connect(self._on_teardown_timer_timeout)
        self.destroyed.connect(self._on_destroyed)
        self.setWindowTitle("Liasse[*]")
        self.setWindowIcon(application_icon())
        self.setAcceptDrops(True)
        self.resize(1360, 860)
        self._build()
        self.actions_ = build_actions(self)
        self._connect()
        self._autosave = QTimer(self, interval=max(int(self.settings.get(opts.AUTOSAVE_SECONDS)), 5) * 1000)
        self._autosave.timeout.connect(self._on_autosave_timeout)
        self._autosave.start()
        geometry = self.settings.get(opts.GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.referentials = None
        self.load_referentials()
        self._update_title()
        self._update_status()

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, identifiers, metadata… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        left_layout.addWidget(self.search)
        self.tree = TransferTreeView()
        self.tree.setModel(self.proxy)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.setSectionResizeMode(2, header.ResizeMode.Interactive)
        header.resizeSection(1, 115)  # "BinaryMaster_1", "RecordGrp" in full
        header.resizeSection(2, 70)
        left_layout.addWidget(self.tree)
        self.editor_tabs = QTabWidget()
        self.content_form = MetadataForm()
        self.rules_editor = RulesEditor()
        self.objects_panel = ObjectsPanel()
        self.xml_tab = XmlTab()
        self.editor_tabs.addTab(self.content_form, self.tr("Description"))
        self.editor_tabs.addTab(self.rules_editor, self.tr("Rules"))
        self.editor_tabs.addTab(self.objects_panel, self.tr("Objects"))
        self.editor_tabs.addTab(self.xml_tab, self.tr("XML"))
        self.bottom_tabs = QTabWidget()
        self.preview = PreviewPanel()
        self.validation = ValidationPanel()
        self.bottom_tabs.addTab(self.validation, self.tr("Validation"))
        self.bottom_tabs.addTab(self.preview, self.tr("Preview"))
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.editor_tabs)
        self.right.addWidget(self.bottom_tabs)
        self.right.setSizes([560, 260])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 890])
        state = self.settings.get(opts.SPLITTER)
        if state and not state.isEmpty():
            self.splitter.restoreState(state)
        self.setCentralWidget(self.splitter)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_search_timeout)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection_changed)
        self.model.edit_requested.connect(self.push_edit)
        self.model.files_dropped.connect(self.add_paths)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)
        self.content_form.content_edited.connect(self._on_content_edited)
        self.rules_editor.management_edited.connect(self._on_management_edited)
        self.xml_tab.xml_applied.connect(self._on_xml_applied)
        self.objects_panel.add_files_requested.connect(self._on_add_files_requested)
        self.objects_panel.add_physical_requested.connect(self._on_add_physical_requested)
        self.objects_panel.remove_requested.connect(self._on_remove_objects_requested)
        self.preview.mode_changed.connect(self.refresh_preview)
        self.bottom_tabs.currentChanged.connect(self._on_bottom_tabs_current_changed)
        self.validation.validate_requested.connect(self.validate)
        self.validation.finding_activated.connect(self.show_finding)
        self._preview_timer = QTimer(self, singleShot=True, interval=400)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._validation_timer = QTimer(self, singleShot=True, interval=1500)
        self._validation_timer.timeout.connect(self.validate)
        self._first_validation_timer = QTimer(self, singleShot=True, interval=200)  # soon after a transfer is shown
        self._first_validation_timer.timeout.connect(self.validate)

    def _on_bottom_tabs_current_changed(self, _index: int) -> None:
        if not self._closing:
            self.refresh_preview()

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        if not self._closing:
            self.setWindowModified(not clean)

    # -- edits ---------------------------------------------------------------------------------
    def push_edit(self, edit: Edit, text: str, merge_key: object | None = None) -> bool:
        """Apply *edit* as one undo step; False (with a message) when the edit is refused."""
        command = EditCommand(self.model, edit, text, merge_key)
        self.undo_stack.push(command)
        if command.error is not None:
            self.statusBar().showMessage(self.tr("Not possible: a unit cannot go under itself."), 5000)
            return False
        return True

    def _on_content_edited(self, content: Element, key: object) -> None:
        unit = self.content_form.owner
        if isinstance(unit, ArchiveUnit):
            self._editing_key = key
            self.push_edit(edits.set_content(unit, content), self.tr("Edit description"), key)
            self._editing_key = None

    def _on_management_edited(self, management: Element | None, key: object) -> None:
        unit = self.rules_editor.unit
        if unit is not None:
            self._editing_key = key
            self.push_edit(edits.set_management(unit, management), self.tr("Edit rules"), key)
            self._editing_key = None

    def _on_xml_applied(self, unit: ArchiveUnit, content: Element, management: Element | None) -> None:
        self.push_edit(edits.ReplaceMetadata((unit,), (content,), (management,)), self.tr("Edit XML"))

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        if self._editing_key is None:  # an edit from elsewhere (undo, tree, bulk): reload the editors
            self._load_editors(keep_tab=True)
        else:
            self.xml_tab.load(self.current, self.project.transfer.version)
            self.objects_panel.load(self.current)
        command = self.undo_stack.command(self.undo_stack.index() - 1) if self.undo_stack.index() else None
        edit = getattr(command, "edit", None)
        if edit is None or edit.affected().parents:
            self._counts = None  # structure changed (or unknown): recount
        self._update_status()
        self._preview_timer.start()
        self._validation_timer.start()

    # -- selection and editors -----------------------------------------------------------------
    def selected_units(self) -> list[ArchiveUnit]:
        """The selected archive units, in selection order, each once."""
        seen, units = set(), []
        for index in self.tree.selectionModel().selectedRows(0):
            item = index.data(Roles.ITEM)
            if isinstance(item, ArchiveUnit) and id(item) not in seen:
                seen.add(id(item))
                units.append(item)
        return units

    def selected_occurrence(self) -> tuple[ArchiveUnit | None, ArchiveUnit | None]:
        """(unit, parent unit it is shown under) of the current index."""
        index = self.tree.currentIndex()
        item = index.data(Roles.ITEM) if index.isValid() else None
        if not isinstance(item, ArchiveUnit):
            return None, None
        return item, index.data(Roles.PARENT_UNIT)

    def _on_tree_selection_changed(self, *_args) -> None:
        index = self.tree.currentIndex()
        item = index.data(Roles.ITEM) if index.isValid() else None
        if not isinstance(item, ArchiveUnit):
            parent = index.parent().data(Roles.ITEM) if index.isValid() else None
            item = parent if isinstance(parent, ArchiveUnit) else None
        if item is not self.current:
            self.current = item
            self._load_editors()
            self._preview_timer.start(50)
        self._update_status()

    def _load_editors(self, keep_tab: bool = False) -> None:
        transfer = self.project.transfer
        unit = self.current
        self.content_form.load(unit.content if unit else None, transfer.version, unit, self.unit_requirements(unit))
        self.rules_editor.load(unit, transfer, self.rules_requirements(unit))
        self.objects_panel.load(unit)
        self.xml_tab.load(unit, transfer.version)

    def select_unit(self, unit: ArchiveUnit) -> bool:
        """Select and show *unit* in the tree (clearing a search that hides it)."""
        source = self.model.unit_index(unit)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search.clear()
            self.proxy.set_search("")
            index = self.proxy.mapFromSource(source)
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def show_finding(self, finding: jobs.UiFinding) -> None:
        """Select the unit of a validation finding and focus the field it names.

        A finding about the transfer's header or ManagementMetadata (no unit) opens the transfer context.
        """
        if not finding.unit_id:
            version = self.project.transfer.version
            if finding.field and (ontology.allows(version, ontology.TRANSFER_TYPE, finding.field) or
                                  ontology.allows(version, ontology.MANAGEMENT_METADATA_TYPE, finding.field)):
                self.edit_context(finding.field)
            return
        unit = next((u for u in self.project.transfer.iter_units() if u.id == finding.unit_id), None)
        if unit is None or not self.select_unit(unit):
            return
        if finding.field and finding.field.endswith("Rule"):
            self.editor_tabs.setCurrentWidget(self.rules_editor)
            return
        self.editor_tabs.setCurrentWidget(self.content_form)
        if finding.field and not self.content_form.focus_field(finding.field):
            self.editor_tabs.setCurrentWidget(self.xml_tab)

    def _on_search_timeout(self) -> None:
        if self.search.text().strip():
            self.model.materialize_all()  # the filter must see every unit
        self.proxy.set_search(self.search.text())
        if self.search.text().strip():
            self.tree.expandToDepth(2)

    # -- status --------------------------------------------------------------------------------
    def _update_title(self) -> None:
        name = self.project.path.name if self.project.path else self.tr("New transfer")
        self.setWindowTitle(self.tr("{name}[*] — Liasse").format(name=name))

    def _update_status(self) -> None:
        """The status bar: counts (recomputed after structural edits only) and the selection size."""
        if self._counts is None:
            self._counts = _counts(self.project.transfer)
        units, objects, size, unsized = self._counts
        if not unsized:
            size_text = human_size(size)
        elif not size:
            size_text = self.tr("size unknown")
        else:  # a SIP whose manifest gives some sizes only
            size_text = self.tr("{size} + %n of unknown size", "", unsized).format(size=human_size(size))
        selected = len(self.tree.selectionModel().selectedRows(0)) if self.tree.selectionModel() else 0
        self.counts.setText(self.tr("{units} · {objects} · {size} · SEDA {version} · {selected}").format(
            units=self.tr("%n unit(s)", "", units), objects=self.tr("%n object(s)", "", objects),
            size=size_text, version=self.project.transfer.version,
            selected=self.tr("%n selected", "", selected)))

    # -- background work -----------------------------------------------------------------------
    def _progress_dialog(self, text: str, worker) -> QProgressDialog:
        dialog = QProgressDialog(text, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle("Liasse")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)  # short jobs never flash a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        token = worker.cancel
        dialog.canceled.connect(lambda: token.cancel())  # a strong reference: the token outlives the worker
        self._progress = dialog  # the latest one (tests cancel through it)
        return dialog

    @staticmethod
    def _show_progress(dialog: QProgressDialog | None, done: int, total: int) -> None:
        if dialog is not None and total:
            dialog.setMaximum(total if total < 2**31 else 1000)
            dialog.setValue(done if total < 2**31 else int(done * 1000 / total))

    def _close_progress(self, dialog: QProgressDialog | None = None) -> None:
        """Close *dialog* (default: every progress dialog of the window)."""
        dialogs = [dialog] if dialog is not None else self.findChildren(QProgressDialog)
        for each in dialogs:
            each.canceled.disconnect()  # closing a progress dialog emits canceled: the job is over anyway
            each.close()
            each.deleteLater()
            if each is self._progress:
                self._progress = None

    def _failed(self, title: str, exc: Exception) -> None:
        message = getattr(exc, "message", None)
        text = message.render(translate) if message is not None else str(exc)
        if self.property("headless"):
            self.statusBar().showMessage(title + ": " + text, 10000)
            return
        QMessageBox.critical(self, title, text)

    def run(self, job, text: str, on_finished, *, writes: bool = False, title: str = "", on_failed=None,
            on_cancelled=None):
        """Run *job* with its own delayed, cancellable progress dialog (closed before any callback)."""
        holder: dict[str, QProgressDialog] = {}

        def close() -> None:
            dialog = holder.pop("dialog", None)
            if dialog is not None:
                self._close_progress(dialog)

        def failed(exc: Exception) -> None:
            close()
            (on_failed or (lambda e: self._failed(title or text, e)))(exc)

        def cancelled() -> None:
            close()
            self.statusBar().showMessage(self.tr("Cancelled."), 5000)
            if on_cancelled is not None:
                on_cancelled()

        worker = self.runner.start(job, writes=writes,
                                   on_progress=lambda done, total: self._show_progress(holder.get("dialog"), done,
                                                                                       total),
                                   on_finished=lambda result: (close(), on_finished(result)),
                                   on_failed=failed, on_cancelled=cancelled)
        holder["dialog"] = self._progress_dialog(text, worker)
        return worker

    # -- structure actions ---------------------------------------------------------------------
    def add_unit(self) -> None:
        """A new unit under the current one (or at the top)."""
        parent, _ = self.selected_occurrence()
        transfer = self.project.transfer
        unit = ArchiveUnit(transfer.ids.new(), Element("Content", children=[
            Element("DescriptionLevel", "File" if parent else "Fonds"), Element("Title", self.tr("New unit"))]))
        if self.push_edit(edits.AddUnit(parent, unit), self.tr("Add unit")):
            self.select_unit(unit)
            self.editor_tabs.setCurrentWidget(self.content_form)
            self.content_form.focus_field("Title")

    def delete_units(self) -> None:
        """Remove the selected occurrences (a unit with other parents stays under them)."""
        batch: list[Edit] = []
        for index in self.tree.selectionModel().selectedRows(0):
            item = index.data(Roles.ITEM)
            if isinstance(item, ArchiveUnit):
                batch.append(edits.RemoveUnit(index.data(Roles.PARENT_UNIT), item))
        if batch:
            self.push_edit(edits.Batch(batch), self.tr("Delete %n unit(s)", "", len(batch)))

    def rename_unit(self) -> None:
        """Edit the title in place."""
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(0))

    def bulk_edit(self) -> None:
        """Set a field or a rule on every selected unit, in one undo step."""
        units = self.selected_units()
        if not units:
            return
        from app.ui.bulk import BulkEditDialog

        dialog = BulkEditDialog(self.project.transfer.version, len(units), self)
        if dialog.exec():
            edit = dialog.edit(tuple(units))
            if edit is not None:
                self.push_edit(edit, self.tr("Bulk edit of %n unit(s)", "", len(units)))

    def edit_context(self, field: str | None = None) -> None:
        """The transfer-context form, with the cursor in *field* (a header or ManagementMetadata element)."""
        dialog = ContextDialog(self.project.transfer, self)
        if isinstance(field, str) and field in dialog.fields:  # (a menu action passes its checked state)
            dialog.fields[field].setFocus()
        if dialog.exec():
            result = dialog.result_elements()
            if result is not None:
                self.push_edit(edits.SetHeader(*result), self.tr("Edit transfer context"))

    def preferences(self) -> None:
        """The preferences dialog."""
        keys = {"language": opts.LANGUAGE, "seda_version": opts.SEDA_VERSION, "digest": opts.DIGEST,
                "ignore_patterns": opts.IGNORE_PATTERNS, "workers": opts.WORKERS,
                "rules_referential": opts.RULES_REFERENTIAL, "agencies_referential": opts.AGENCIES_REFERENTIAL,
                "sent_sips_folder": opts.SENT_SIPS_FOLDER}
        dialog = PreferencesDialog({k: self.settings.get(o) for k, o in keys.items()}, self)
        if dialog.exec():
            for key, value in dialog.values().items():
                self.settings.set(keys[key], value)
            self.load_referentials()

    def load_referentials(self) -> bool:
        """Read the rules and agencies CSVs named in the preferences (small files: in the GUI thread)."""
        from app.seda.referentials import ReferentialError, Referentials

        paths = [p for p in (self.settings.get(opts.RULES_REFERENTIAL), self.settings.get(opts.AGENCIES_REFERENTIAL))
                 if p]
        self.referentials = None
        try:
            self.referentials = Referentials.load(paths) if paths else None
        except ReferentialError as exc:
            self.statusBar().showMessage(self.tr("Referential not loaded: {error}").format(
                error=exc.message.render(translate)), 10000)
        self.rules_editor.set_referentials(self.referentials)
        return self.referentials is not None

    # -- objects -------------------------------------------------------------------------------
    def add_paths(self, unit: ArchiveUnit, paths: list[str]) -> None:
        """Files or folders dropped on (or added to) a unit become sub-units, analysed in the background."""
        transfer = self.project.transfer
        algorithm = self.settings.get(opts.DIGEST)
        version = transfer.version

        def done(units: list[ArchiveUnit]) -> None:
            if units and transfer is self.project.transfer:
                jobs.assign_ids(units, transfer.ids)  # ids are drawn in the GUI thread only
                self.push_edit(edits.Batch([edits.AddUnit(unit, u) for u in units]),
                               self.tr("Add %n file(s)", "", len(units)))

        self.run(lambda progress, cancel: jobs.import_paths(paths, version, algorithm, progress, cancel),
                 self.tr("Analysing the added files…"), done)

    def _on_add_files_requested(self, unit: ArchiveUnit) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"))
        if paths:
            self.add_paths(unit, paths)

    def _on_add_physical_requested(self, unit: ArchiveUnit) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Add a physical object"),
                                        self.tr("Physical identifier (box, shelf mark…):"))
        if ok and text.strip():
            objects = list(unit.object_group.objects) if unit.object_group else []
            objects.append(PhysicalDataObject(self.project.transfer.ids.new(),
                                              elements=[Element("PhysicalId", text.strip())]))
            self.push_edit(edits.SetObjects(unit, objects), self.tr("Add physical object"))

    def _on_remove_objects_requested(self, unit: ArchiveUnit, removed: list) -> None:
        keep = [o for o in (unit.object_group.objects if unit.object_group else []) if o not in removed]
        self.push_edit(edits.SetObjects(unit, keep), self.tr("Remove objects"))

    # -- preview, validation, export -----------------------------------------------------------
    def refresh_preview(self) -> None:
        """Recompute the preview in the background; older results are dropped when they arrive."""
        if self.bottom_tabs.currentWidget() is not self.preview:
            return
        self._generation["preview"] += 1
        generation = self._generation["preview"]
        transfer, model = self.project.transfer, self.model
        if self.preview.whole():
            def job(progress, cancel):
                with model.reader(transfer) as view, collector_paused(freeze=False):
                    return jobs.transfer_preview(view, progress, cancel)
        else:
            version = transfer.version
            shell = jobs.unit_shell(self.current) if self.current is not None else None

            def job(progress, cancel):
                return jobs.unit_preview(version, shell) if shell is not None else ""
        self.preview.set_busy()
        self.runner.start(job, on_finished=lambda text: self._on_preview_ready(generation, text))

    def _on_preview_ready(self, generation: int, text: str) -> None:
        if generation == self._generation["preview"]:
            self.preview.show_text(text)
            self.previewed.emit()

    def validate(self) -> None:
        """Validate the whole transfer in the background."""
        if not self.project.transfer.roots:
            return
        self._generation["validation"] += 1
        generation = self._generation["validation"]
        self.validation.set_running()
        transfer, model = self.project.transfer, self.model

        def job(progress, cancel):
            # The snapshot is shared with export and preview while nothing changes; no collections
            # while the validator builds its facts of every unit (see snapshots.collector_paused).
            with model.reader(transfer) as view, collector_paused(freeze=False):
                return jobs.validate(view, progress, cancel)

        self.runner.start(job, on_finished=lambda findings: self._on_validated(generation, findings),
                          on_failed=lambda exc: self.validation.set_failed(str(exc)))

    def _on_validated(self, generation: int, findings: list[jobs.UiFinding]) -> None:
        if generation != self._generation["validation"]:
            return
        self.findings = findings
        self.validation.set_findings(findings)
        self.model.set_status(self.validation.status())
        self.validated.emit()

    # -- window events -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        path = urls[0].toLocalFile() if len(urls) == 1 and urls[0].isLocalFile() else ""
        if path and (os.path.isdir(path) or path.endswith(projects.SUFFIX) or import_kind(path)):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        urls = event.mimeData().urls()
        if urls:
            event.acceptProposedAction()
            path = urls[0].toLocalFile()
            QTimer.singleShot(0, lambda: self.open_path(path))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.property("headless") and not self.maybe_save():
            event.ignore()
            return
        self._closing = True
        if not self.property("headless"):
            self.settings.set(opts.GEOMETRY, self.saveGeometry())
            self.settings.set(opts.SPLITTER, self.splitter.saveState())
        self._autosave.stop()
        self._close_progress()
        self.runner.shutdown(10000)  # cancel and wait: no worker outlives the window's signals
        projects.discard_recovery(self.project.path, self.session)
        event.accept()

    def _on_destroyed(self) -> None:
        self._closing = True

    def expand_all(self) -> None:
        """Expand every unit (may take a moment on a very large tree)."""
        self.tree.expandAll()

    def current_index(self) -> QModelIndex:
        """The tree's current index (proxy)."""
        return self.tree.currentIndex()

    def standard_icon(self, pixmap: QStyle.StandardPixmap):
        """An icon of the current style."""
        return self.style().standardIcon(pixmap)

    def keySequence(self, text: str) -> QKeySequence:  # noqa: N802 - small helper for main_actions
        """A key sequence from portable text."""
        return QKeySequence(text)

    def make_action(self, text: str, slot, shortcut=None, icon=None) -> QAction:
        """A window action with an optional shortcut and standard icon."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.standard_icon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        return action
