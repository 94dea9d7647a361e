"""Opening, scanning, saving and recovering projects: the file side of the main window.

A mixin of :class:`app.ui.main_window.MainWindow` (kept apart to keep modules small); it uses the
window's runner, settings, undo stack and :meth:`set_project`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.models import project as projects
from app.models.project import Project
from app.models.transfer import BinaryDataObject, Transfer
from app.ui import settings as opts
from app.ui.dialogs import show_remarks
from app.ui.panels import translate
from app.ui.snapshots import collector_paused

Counts = tuple[int, int, int, int]
"""Units, objects, bytes of the files whose size is known, files whose size is not (a SIP without Size)."""


def _counts(transfer: Transfer) -> Counts:
    """The status bar's :data:`Counts` of a transfer (computed in a worker for big ones)."""
    objects = [o for g in projects.export_view(transfer).groups for o in g.objects]
    sizes = [o.size for o in objects if isinstance(o, BinaryDataObject)]
    return transfer.count_units(), len(objects), sum(s for s in sizes if s), sum(1 for s in sizes if s is None)


class ProjectFilesMixin:
    """New transfer from a folder, open, save, save as, unsaved-changes prompt, autosave and recovery."""

    # -- new, open, save -----------------------------------------------------------------------
    def new_from_folder(self, folder: str | None = None) -> None:
        """Start a transfer from a folder (scanned in the background)."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("New transfer from a folder"),
                                                      self.settings.get(opts.LAST_FOLDER))
            if not folder:
                return
        metadata = Path(folder) / "metadata.csv"
        if metadata.is_file() and not self.property("headless") and QMessageBox.question(
                self, self.tr("New transfer from a folder"),
                self.tr("This folder has a metadata.csv at its root, as a simplified hierarchy does. Build the "
                        "units from it, with their metadata? (No: the folder is analysed as plain files, "
                        "metadata.csv included.)")) == QMessageBox.StandardButton.Yes:
            self.import_path(str(metadata), "csv")
            return
        if not self.maybe_save():
            return
        self.settings.set(opts.LAST_FOLDER, folder)
        from app.seda.cache import ScanCache
        from app.seda.scanner import DEFAULT_EXCLUDES, ScanOptions, scan_folder

        version = self.settings.get(opts.SEDA_VERSION)
        options = ScanOptions(algorithm=self.settings.get(opts.DIGEST),
                              excludes=DEFAULT_EXCLUDES + self.settings.ignore_patterns(),
                              workers=int(self.settings.get(opts.WORKERS)) or None)

        def job(progress, cancel):
            cache = ScanCache()
            try:
                with collector_paused():  # see open_path
                    result = scan_folder(folder, options, version=version, cache=cache, progress=progress,
                                         cancel=cancel)
                return result
            finally:
                cache.close()

        def done(result) -> None:
            scan = {"files": result.files, "folders": result.folders, "bytes": result.bytes,
                    "ignored": len(result.ignored), "cached": result.cached}
            self.set_project(Project(result.transfer, None, str(Path(folder).resolve()), {}, scan),
                             (result.files + result.folders, result.files, result.bytes, 0))
            problems = [p.render(translate) for p in result.report.problems]
            if problems:
                show_remarks(self, self.tr("Some files were left out"), problems, warning=True)

        self.run(job, self.tr("Analysing the files of {folder}…").format(folder=folder), done)

    def open_path(self, path: str) -> None:
        """Open a project, or start a transfer from a folder."""
        from app.ui.interop import import_kind

        kind = import_kind(path)
        if kind is not None:  # a SIP, DIP, manifest, CSV, spreadsheet or Resip hierarchy
            self.import_path(path, kind)
            return
        if os.path.isdir(path):
            self.new_from_folder(path)
            return
        if not self.maybe_save():
            return

        def job(progress, cancel):
            # Millions of new objects: no collections (holding the GIL, so stalling the window) while
            # they are made, and frozen out of the collector's sight before it resumes (see snapshots.py).
            with collector_paused():
                project = projects.load_project(Path(path), progress)
                missing = projects.missing_sources(project.transfer, limit=1000)
                counts = _counts(project.transfer)
            return project, missing, counts

        def done(result) -> None:
            project, missing, counts = result
            self.set_project(project, counts)
            self.settings.add_recent(str(Path(path).resolve()))
            self.actions_.refresh_recent()
            if missing:
                self.ask_relocation(len(missing))

        self.run(job, self.tr("Opening {path}…").format(path=path), done,
                 title=self.tr("Cannot open the project"))

    def ask_relocation(self, count: int) -> None:
        """Files moved since the scan: offer to point the project at their new folder."""
        answer = QMessageBox.question(
            self, self.tr("Files not found"),
            self.tr("%n file(s) of this transfer are no longer where they were scanned ({root}). Were they "
                    "moved? Choose their new folder to relocate them.", "", count).format(
                root=self.project.source_root or "?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("New location of the files"))
        if folder:
            moved = projects.relocate(self.project, folder)
            self.model.touch()  # changed outside the undo stack: snapshots of readers must be made again
            self.statusBar().showMessage(self.tr("%n file(s) relocated.", "", moved), 5000)
            self.setWindowModified(True)

    def set_project(self, project: Project, counts: Counts | None = None) -> None:
        """Show *project* (built by a worker; handed over in the GUI thread)."""
        self.project = project
        self._counts = counts
        # Results of jobs started for the previous transfer are dropped when they arrive.
        for key in self._generation:
            self._generation[key] += 1
        self.undo_stack.clear()
        self.profile_requirements = None
        if project.settings.get("profile") and Path(project.settings["profile"]).is_file():
            from app.seda.interop.profile_requirements import read_requirements
            from app.seda.profiles import ProfileError

            try:  # the profile the project was prepared with: mark its mandatory fields again
                self.profile_requirements = read_requirements(project.settings["profile"])
            except ProfileError:
                pass
        self._release_later(self.model.set_transfer(project.transfer))
        self.current = None
        self.findings = []
        self.validation.set_findings([])
        self._load_editors()
        self._update_title()
        self._update_status()
        self.setWindowModified(project.path is None)
        self._first_validation_timer.start()  # (start(200) on the edit timer would keep 200 ms for edits)
        # The first rows are laid out in a later turn of the event loop: the reset and this layout
        # (1,000 expanded rows asked for their flags and children) are two short stalls, not one long.
        self._first_rows_pending = project.transfer
        QTimer.singleShot(0, self, lambda transfer=project.transfer: self._show_first_rows(transfer))

    def _show_first_rows(self, transfer: Transfer) -> None:
        """Expand a lone top unit and select the first row, then say the transfer is shown (once)."""
        if transfer is not self._first_rows_pending or transfer is not self.project.transfer:
            return  # done already, or replaced meanwhile (its own call follows)
        self._first_rows_pending = None
        if self.proxy.rowCount() == 1:
            self.tree.expand(self.proxy.index(0, 0))
        first = self.proxy.index(0, 0)
        if first.isValid():
            self.tree.setCurrentIndex(first)
        self.loaded.emit()

    def _release_later(self, teardowns: list[Iterator[None]]) -> None:
        """Free the previous transfer a slice at a time from a zero-timer (all at once: ~0.5 s of stall)."""
        self._teardowns.extend(teardowns)
        if self._teardowns:
            self._teardown_timer.start()

    def _on_teardown_timer_timeout(self) -> None:
        while self._teardowns:
            if next(self._teardowns[0], StopIteration) is not StopIteration:
                return  # one slice per turn of the event loop
            self._teardowns.pop(0)
        self._teardown_timer.stop()

    def open_dialog(self) -> None:
        """Ask for a project to open."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a project"), "",
                                              self.tr("Liasse projects (*.liasse);;All files (*)"))
        if path:
            self.open_path(path)

    def save(self, path: str | None = None, wait: bool = False) -> bool:
        """Save the project (atomically, in the write pool); ask for a path the first time."""
        target = Path(path) if path else self.project.path
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project"), "",
                                                    self.tr("Liasse projects (*.liasse)"))
            if not chosen:
                return False
            target = Path(chosen if chosen.endswith(projects.SUFFIX) else chosen + projects.SUFFIX)
        # The save runs on the GUI thread's data: fast (100,000 units in ~1 s) and never racing an edit.
        old_path = self.project.path
        try:
            projects.save_project(self.project, target)
        except OSError as exc:
            QMessageBox.critical(self, self.tr("Cannot save the project"), str(exc))
            return False
        projects.discard_recovery(old_path, self.session)
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self.settings.add_recent(str(target.resolve()))
        self.actions_.refresh_recent()
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=str(target)), 4000)
        return True

    def save_as(self) -> bool:
        """Save under a new name."""
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the project as"), "",
                                                self.tr("Liasse projects (*.liasse)"))
        return bool(chosen) and self.save(chosen if chosen.endswith(projects.SUFFIX) else chosen + projects.SUFFIX)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False when the user cancels."""
        if not self.isWindowModified() or not self.project.transfer.roots or self.property("headless"):
            return True  # (headless: --screenshot and tests never prompt)
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this transfer first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _on_autosave_timeout(self) -> None:
        if self.isWindowModified() and self.project.transfer.roots:
            try:
                projects.autosave(self.project, self.session)
            except OSError as exc:
                self.statusBar().showMessage(self.tr("Autosave failed: {error}").format(error=str(exc)), 5000)

    def offer_recovery(self) -> None:
        """At start: offer to reopen what a crashed session was working on."""
        for recovery in projects.find_recoveries()[:1]:
            name = str(recovery.original) if recovery.original else self.tr("an unsaved transfer")
            answer = QMessageBox.question(
                self, self.tr("Recover your work?"),
                self.tr("Liasse did not close properly. Recover the autosaved copy of {name} ({saved})?").format(
                    name=name, saved=recovery.saved))
            project = projects.load_project(recovery.path) if answer == QMessageBox.StandardButton.Yes else None
            recovery.path.unlink(missing_ok=True)
            if project is not None:
                project.path = recovery.original
                self.set_project(project)
                self._show_first_rows(project.transfer)  # at once: the caller goes on with the window
                self.setWindowModified(True)
