"""Import and export menus: SIP/DIP/manifest, Resip CSV, spreadsheet and Resip hierarchy, in workers.

A mixin of :class:`app.ui.main_window.MainWindow`. An import builds a new transfer in a worker (with
progress and cancel) and hands it to the window only when it succeeded, so a failed or cancelled
import leaves the open project as it was and shows the engine's message. Exports work on a
detached snapshot of the transfer in the write pool and write their file atomically (the engine's
writers do; the manifest is written beside, then renamed).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.models.project import Project
from app.models.transfer import Transfer
from app.seda.report import Report
from app.ui import jobs
from app.ui import settings as opts
from app.ui.dialogs import ExportDialog, show_export_summary, show_remarks
from app.ui.panels import translate
from app.ui.project_files import _counts
from app.ui.snapshots import collector_paused

PACKAGE_SUFFIXES = (".zip", ".tar", ".tgz", ".gz", ".xml")
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


def import_kind(path: str) -> str | None:
    """What :meth:`InteropMixin.import_path` would read *path* as, or None (not importable)."""
    lower = path.lower()
    if os.path.isdir(path):
        from app.seda.interop.resip_disk import has_root_metadata

        return "hierarchy" if has_root_metadata(path) else None
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(SPREADSHEET_SUFFIXES):
        return "xlsx"
    if lower.endswith(PACKAGE_SUFFIXES):
        return "package"
    return None


def read_source(path: str, kind: str, version: str, progress, cancel) -> tuple[Transfer, Report, str | None]:
    """Import *path* with the engine: (transfer, report, folder the files are relative to). Raises ReadError."""
    if kind == "package":  # a SIP/DIP, or a zipped Resip hierarchy or simplified export
        from app.seda.interop.sources import load_source

        transfer, report = load_source(Path(path), version, progress=progress, cancel=cancel)
        return transfer, report, None
    if kind == "csv":
        from app.seda.interop.plan_csv import is_plan_csv, read_plan_csv

        if is_plan_csv(path):
            plan = read_plan_csv(path, version)
            return plan.transfer, plan.report, None
        from app.seda.interop.resip_csv import read_csv

        result = read_csv(path, version, progress=progress, cancel=cancel)
        return result.transfer, result.report, str(Path(path).parent.resolve())
    if kind == "xlsx":
        from app.seda.interop.xlsx import read_xlsx

        workbook = read_xlsx(path, version, progress=progress, cancel=cancel)
        return workbook.transfer, workbook.report, str(Path(path).parent.resolve())
    from app.seda.interop.resip_disk import read_hierarchy

    disk = read_hierarchy(path, version, progress=progress, cancel=cancel)
    return disk.transfer, disk.report, str(Path(path).resolve())


def write_manifest_file(view: Transfer, dest: Path, progress, cancel) -> int:
    """The manifest alone, completed as the SIP export would (date, identifier, Uris), written atomically."""
    from app.seda import manifest
    from app.seda.context import complete_header
    from app.seda.sip import assign_uris

    view.header = view.header.copy()
    complete_header(view, manifest.now_datetime())
    assign_uris(view)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            manifest.write_manifest(view, out, progress=progress, cancel=cancel)
        os.chmod(tmp, 0o644)  # mkstemp makes it private
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return view.count_units()


class InteropMixin:
    """Import a transfer from another format; export the SIP, or the transfer to another format."""

    # The window declares the signals ``imported`` (the new Project, an exception, or None when
    # cancelled) and ``converted`` ((kind, path, units), an exception, or None).

    # -- import --------------------------------------------------------------------------------
    def import_dialog(self, kind: str) -> None:
        """Ask for the file (or folder) to import as *kind*."""
        folder = self.settings.get(opts.LAST_FOLDER)
        if kind == "hierarchy":
            path = QFileDialog.getExistingDirectory(self, self.tr("Import a Resip hierarchy"), folder)
        else:
            filters = {
                "package": self.tr("SIP, DIP or manifest (*.zip *.tar *.tar.gz *.tgz *.xml);;All files (*)"),
                "csv": self.tr("Resip CSV (*.csv);;All files (*)"),
                "xlsx": self.tr("Spreadsheets (*.xlsx *.xlsm);;All files (*)"),
            }
            titles = {"package": self.tr("Import a SIP, a DIP or a manifest"), "csv": self.tr("Import a Resip CSV"),
                      "xlsx": self.tr("Import a spreadsheet")}
            path, _ = QFileDialog.getOpenFileName(self, titles[kind], folder, filters[kind])
        if path:
            self.import_path(path, kind)

    def import_path(self, path: str, kind: str | None = None) -> None:
        """Build a new transfer from *path* in the background; the open project changes only on success."""
        kind = kind or import_kind(path)
        if kind is None or not self.maybe_save():
            return
        self.settings.set(opts.LAST_FOLDER, str(Path(path).parent))
        version = self.settings.get(opts.SEDA_VERSION)

        def job(progress, cancel):
            with collector_paused():  # many new objects: see ProjectFilesMixin.open_path
                transfer, report, root = read_source(path, kind, version, progress, cancel)
                counts = _counts(transfer)
            return Project(transfer, None, root, {}, {}), counts, report

        def done(result) -> None:
            project, counts, report = result
            self.set_project(project, counts)
            self.imported.emit(project)
            problems = [p.render(translate) for p in report.problems]
            if problems:
                self.statusBar().showMessage(self.tr("Imported with %n remark(s).", "", len(problems)), 8000)
                if not self.property("headless"):
                    show_remarks(self, self.tr("Import"), problems)

        def failed(exc: Exception) -> None:
            self._failed(self.tr("Cannot import {path}").format(path=path), exc)
            self.imported.emit(exc)

        self.run(job, self.tr("Importing {path}…").format(path=path), done, on_failed=failed,
                 on_cancelled=lambda: self.imported.emit(None))

    # -- export to other formats ---------------------------------------------------------------
    def convert_dialog(self, kind: str) -> None:
        """Ask where to write the transfer as *kind* (manifest, csv, xlsx, simplified, hierarchy)."""
        if not self.project.transfer.roots:
            return
        folder = self.settings.get(opts.LAST_FOLDER) or str(Path.home())
        if kind == "hierarchy":
            parent = QFileDialog.getExistingDirectory(self, self.tr("Folder to create the Resip hierarchy in"),
                                                      folder)
            path = str(Path(parent) / "hierarchy") if parent else ""
        else:
            names = {"manifest": "manifest.xml", "csv": "metadata.csv", "xlsx": "metadata.xlsx",
                     "simplified": "hierarchie-simplifiee.zip"}
            filters = {"manifest": self.tr("Manifest (*.xml)"), "csv": self.tr("Resip CSV (*.csv)"),
                       "xlsx": self.tr("Spreadsheet (*.xlsx)"), "simplified": self.tr("Zip archive (*.zip)")}
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), str(Path(folder) / names[kind]),
                                                  filters[kind])
        if path:
            self.convert(kind, Path(path))

    def convert(self, kind: str, dest: Path) -> None:
        """Write the transfer as *kind* at *dest* in the write pool, from a snapshot."""
        transfer, model = self.project.transfer, self.model
        referentials = getattr(self, "referentials", None)

        def job(progress, cancel):
            view = model.private_snapshot(transfer)  # the interop writers change what they are given
            if kind == "manifest":
                return write_manifest_file(view, dest, progress, cancel)
            if kind == "csv":
                from app.seda.interop.resip_csv import write_csv

                return write_csv(view, dest)
            if kind == "xlsx":
                from app.seda.interop.xlsx import write_xlsx

                return write_xlsx(view, dest, referentials=referentials, progress=progress, cancel=cancel)
            if kind == "simplified":
                from app.seda.interop.simplified import write_simplified

                write_simplified(view, dest, progress=progress, cancel=cancel)
                return view.count_units()
            from app.seda.interop.resip_disk_export import write_hierarchy

            return write_hierarchy(view, dest, progress=progress, cancel=cancel)

        def done(count: int) -> None:
            self.statusBar().showMessage(self.tr("Written: {path} ({units}).").format(
                path=str(dest), units=self.tr("%n archive unit(s)", "", count)), 8000)
            if kind in ("csv", "xlsx") and not self.property("headless"):
                from app.seda.interop.resip_csv import packaged_objects

                if packaged := packaged_objects(transfer):
                    QMessageBox.information(self, self.tr("Export"), self.tr(
                        "%n object(s) of this transfer are inside the SIP it was imported from, so the table does "
                        "not list them in ObjectFiles: a table can only point at files on disk. Export a simplified "
                        "hierarchy to get the files with their metadata.", "", packaged))
            self.converted.emit((kind, dest, count))

        def failed(exc: Exception) -> None:
            self._failed(self.tr("Export failed"), exc)
            self.converted.emit(exc)

        self.run(job, self.tr("Writing {path}…").format(path=str(dest)), done, writes=True, on_failed=failed,
                 on_cancelled=lambda: self.converted.emit(None))

    # -- export of the SIP ----------------------------------------------------------------------
    def export_dialog(self) -> None:
        """Ask for export options, then export."""
        settings = self.project.settings
        default = settings.get("destination") or str(Path(self.settings.get(opts.LAST_FOLDER) or Path.home())
                                                      / "SIP.zip")
        dialog = ExportDialog(self.project.transfer.version, settings.get("algorithm") or
                              self.settings.get(opts.DIGEST), default, bool(settings.get("compress")), self)
        if not dialog.exec():
            return
        settings.update(destination=dialog.destination.text().strip(), algorithm=dialog.algorithm.currentText(),
                        compress=dialog.compress.isChecked())
        self.export(Path(settings["destination"]), dialog.version.currentText(), settings["algorithm"],
                    settings["compress"])

    def export(self, dest: Path, version: str | None = None, algorithm: str = "sha512", compress: bool = False,
               force: bool = False) -> None:
        """Write the SIP in the write pool; an invalid transfer is refused unless the user confirms."""
        from app.seda.sip import ExportError, ExportOptions, export_sip

        transfer, model = self.project.transfer, self.model

        def job(progress, cancel):
            # The snapshot validation and preview share; no collections while the manifest is written
            # and validated (see snapshots.collector_paused).
            with model.reader(transfer) as view, collector_paused(freeze=False):
                if version and version != view.version:
                    view.version = version
                return export_sip(view, dest, options, progress=progress, cancel=cancel)

        options = ExportOptions(compress=compress, algorithm=algorithm, validator=jobs.export_validator, force=force)

        def done(result) -> None:
            self.statusBar().showMessage(self.tr("SIP written: {path}").format(path=str(dest)), 8000)
            self.exported.emit(result)
            if not self.property("headless"):
                show_export_summary(self, result)

        def failed(exc: Exception) -> None:
            self.exported.emit(exc)
            if self.property("headless"):
                return
            if isinstance(exc, ExportError) and exc.report is not None and exc.report.errors and not force:
                answer = QMessageBox.warning(
                    self, self.tr("The transfer is not valid"),
                    exc.message.render(translate) + "\n\n" + self.tr("Export anyway?"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.Yes:
                    self.export(dest, version, algorithm, compress, force=True)
                return
            self._failed(self.tr("Export failed"), exc)

        self.run(job, self.tr("Writing {path}…").format(path=str(dest)), done, writes=True, on_failed=failed,
                 on_cancelled=lambda: self.exported.emit(None))
