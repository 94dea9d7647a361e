"""One entry point to import any source Liasse reads, for the CLI and the GUI alike.

A SIP or DIP (zip, tar, tar.gz) or a bare manifest; a Resip metadata CSV or classification plan; a
workbook; a Resip disk hierarchy (a folder, or a zip holding one); a zipped simplified export.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import Transfer
from app.seda.reader import ReadError
from app.seda.report import Report

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


def load_source(path: Path, version: str, *, excludes: tuple[str, ...] | None = None, hierarchy: bool = False,
                progress: Progress = no_progress, cancel: CancelToken | None = None) -> tuple[Transfer, Report]:
    """Import *path*; a folder or zip is read as a Resip hierarchy when it holds Resip's root metadata
    files, or with *hierarchy*. Raises :class:`~app.seda.reader.ReadError` (or OSError)."""
    from app.seda.scanner import DEFAULT_EXCLUDES

    excludes = DEFAULT_EXCLUDES if excludes is None else excludes
    if path.is_dir():
        from app.seda.interop.resip_disk import read_hierarchy

        disk = read_hierarchy(path, version, excludes=excludes, progress=progress, cancel=cancel)
        return disk.transfer, disk.report
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from app.seda.interop.plan_csv import is_plan_csv, read_plan_csv

        if is_plan_csv(path):
            plan = read_plan_csv(path, version)
            return plan.transfer, plan.report
        from app.seda.interop.resip_csv import read_csv

        result = read_csv(path, version, progress=progress, cancel=cancel)
        return result.transfer, result.report
    if suffix in SPREADSHEET_SUFFIXES:
        from app.seda.interop.xlsx import read_xlsx

        workbook = read_xlsx(path, version, progress=progress, cancel=cancel)
        return workbook.transfer, workbook.report
    if suffix == ".zip" and zipfile.is_zipfile(path):
        from app.seda.interop import resip_zip

        layout = resip_zip.zip_layout(path)
        if layout == "hierarchy" or (hierarchy and layout != "sip"):
            disk = resip_zip.read_zip_hierarchy(path, version, excludes=excludes, progress=progress, cancel=cancel)
            return disk.transfer, disk.report
        if layout == "csv":
            result = resip_zip.read_zip_csv(path, version, progress=progress, cancel=cancel)
            return result.transfer, result.report
        if not layout:
            raise ReadError(Message("import", QT_TRANSLATE_NOOP(
                "import", "{archive} has no manifest.xml at its root: it is not a SIP or a DIP. If it is a zipped "
                          "Resip hierarchy, add --resip-hierarchy."), {"archive": str(path)}))
    from app.seda.interop.sip_import import import_package

    imported = import_package(path, progress=progress, cancel=cancel)
    return imported.transfer, imported.report
