"""CLI for interoperability: ``liasse-cli build`` from a SIP/DIP/manifest/CSV/workbook/Resip hierarchy, and
``liasse-cli export``.

``build SOURCE`` accepts, besides a folder, a SIP or DIP (zip, tar, tar.gz), a manifest (.xml), a Resip
metadata or classification-plan CSV, an .xlsx workbook with the CSV's columns, or a Resip disk hierarchy
(a folder, with ``--resip-hierarchy`` or when it has Resip's root metadata files);
``export SOURCE --manifest|--csv|--xlsx|--hierarchy|--simplified OUT`` converts any of those (or a folder).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.transfer import Transfer
from app.seda import ontology
from app.seda.interop.sources import load_source
from app.seda.reader import ReadError
from app.seda.report import Report, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _render(message: Message) -> str:
    """An engine message in the CLI's language (``Message.render()`` alone keeps the English source)."""
    from app import cli

    return message.render(cli._translate)


def wants_resip_hierarchy(args: argparse.Namespace, folder: Path, t: Callable[..., str]) -> bool:
    """Whether ``build``/``export`` reads *folder* as a Resip disk hierarchy rather than as plain files.

    Yes with ``--resip-hierarchy`` or when ``__GlobalMetadata.xml``/``__ManagementMetadata.xml`` is at its
    root (only Resip writes them). When Resip metadata files appear deeper without the option, say how to
    use them and scan the folder as plain files.
    """
    from app.seda.interop.resip_disk import has_root_metadata, looks_like_hierarchy

    if not folder.is_dir():
        return False
    if getattr(args, "resip_hierarchy", False) or has_root_metadata(folder):
        return True
    if not getattr(args, "quiet", False) and looks_like_hierarchy(folder):
        print(t(QT_TRANSLATE_NOOP(
            "cli", "{path} holds Resip metadata files (__ArchiveUnitMetadata.xml...); they are taken as plain files. "
                   "Add --resip-hierarchy to build the units from them."), path=str(folder)), file=sys.stderr)
    elif not getattr(args, "quiet", False) and (folder / "metadata.csv").is_file():
        # A simplified hierarchy (Resip's, or ours): its metadata is in the CSV, which names the files.
        print(t(QT_TRANSLATE_NOOP(
            "cli", "{path} has a metadata.csv at its root; it is taken as a plain file. To build the units with "
                   "their metadata, give the CSV instead: {csv}"), path=str(folder),
                csv=str(folder / "metadata.csv")), file=sys.stderr)
    return False


def _load_any(path: Path, version: str, args: argparse.Namespace, t: Callable[..., str]) -> tuple[Transfer, Report]:
    if path.is_dir() and not wants_resip_hierarchy(args, path, t):
        from app.seda.scanner import ScanOptions, scan_folder

        scan = scan_folder(path, ScanOptions(), version=version)
        return scan.transfer, scan.report
    return load_source(path, version, hierarchy=getattr(args, "resip_hierarchy", False))


def build_from_source(args: argparse.Namespace, t: Callable[..., str], print_report: Callable[[Report], None],
                      validator) -> int:
    """``build`` when SOURCE is a file: import it, apply the context if one is given, write the SIP."""
    from app.seda.context import ContextError, demo_context, load_context
    from app.seda.sip import ExportError, ExportOptions, export_sip

    started = time.monotonic()
    source = Path(args.folder)
    try:
        excludes = None
        if source.is_dir():
            from app.seda.scanner import DEFAULT_EXCLUDES

            excludes = (() if getattr(args, "no_default_excludes", False) else DEFAULT_EXCLUDES) + tuple(
                getattr(args, "exclude", None) or ())
        transfer, report = load_source(source, args.seda, excludes=excludes,
                                       hierarchy=getattr(args, "resip_hierarchy", False))
    except ReadError as exc:
        print(t(QT_TRANSLATE_NOOP("cli", "Cannot import {path}: {error}"), path=str(source),
                error=_render(exc.message)), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(t(QT_TRANSLATE_NOOP("cli", "Cannot read {path}: {error}"), path=str(source),
                error=exc.strerror or str(exc)), file=sys.stderr)
        return EXIT_USAGE
    if args.context:
        try:
            load_context(args.context, transfer.version).apply(transfer)
        except ContextError as exc:
            print(_render(exc.message), file=sys.stderr)
            return EXIT_USAGE
    elif not transfer.header.children:  # a CSV or a DIP: no transfer header of its own
        demo_context(transfer.version).apply(transfer)
        report.add(Severity.WARNING, "context-default", "", Message("cli", QT_TRANSLATE_NOOP(
            "cli", "No transfer context given (--context): the header uses the demonstration values of Vitam "
                 "(ArchivalAgreement0, Identifier4, Identifier5...).")))
    from app.cli import apply_profile_option, decimal

    if (code := apply_profile_option(args, transfer)) is not None:
        return code
    options = ExportOptions(compress=args.compress, validator=validator, force=args.force)
    try:
        result = export_sip(transfer, Path(args.output), options)
    except ExportError as exc:
        if exc.report:
            report.extend(exc.report)
        print_report(report)
        print(_render(exc.message), file=sys.stderr)
        return EXIT_PROBLEMS if exc.refused else EXIT_USAGE  # refused, or an I/O error
    report.extend(result.report)
    print_report(report)
    if not args.quiet:
        print(t(QT_TRANSLATE_NOOP("cli", "SIP written: {path} ({units}, {objects}, SEDA {version}, {seconds} s)."),
                path=args.output, units=QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", result.units),
                objects=QT_TRANSLATE_NOOP("cli", "%n file(s)", "", result.objects), version=transfer.version,
                seconds=decimal(time.monotonic() - started)))
    return EXIT_PROBLEMS if report else EXIT_OK


def cmd_export(args: argparse.Namespace, t: Callable[..., str]) -> int:
    """Convert SOURCE to a manifest, a Resip CSV, a workbook, a Resip disk hierarchy or a simplified hierarchy."""
    from app.seda.interop.resip_disk_export import HierarchyExportError

    source = Path(args.source)
    if not source.exists():
        print(t(QT_TRANSLATE_NOOP("cli", "{path} does not exist."), path=str(source)), file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.manifest or args.csv or args.xlsx or args.hierarchy or args.simplified)
    if not out.parent.resolve().is_dir():
        print(t(QT_TRANSLATE_NOOP("cli", "The destination folder {path} does not exist."), path=str(out.parent)),
              file=sys.stderr)
        return EXIT_USAGE
    referentials = None
    if args.referentials:
        from app.seda.referentials import ReferentialError, Referentials

        try:
            referentials = Referentials.load(Path(p) for p in args.referentials)
        except ReferentialError as exc:
            print(_render(exc.message), file=sys.stderr)
            return EXIT_USAGE
    try:
        transfer, report = _load_any(source, args.seda, args, t)
    except ReadError as exc:
        print(t(QT_TRANSLATE_NOOP("cli", "Cannot import {path}: {error}"), path=str(source),
                error=_render(exc.message)), file=sys.stderr)
        return EXIT_PROBLEMS
    for problem in report.problems:
        print(_render(problem.message), file=sys.stderr)
    try:
        count = _write(transfer, out, args, referentials)
    except HierarchyExportError as exc:
        print(_render(exc.message), file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(t(QT_TRANSLATE_NOOP("cli", "Cannot write {path}: {error}"), path=str(out),
                error=exc.strerror or str(exc)), file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(t(QT_TRANSLATE_NOOP("cli", "Written: {path} ({units})."), path=str(out),
                units=QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", count)))
    if args.csv or args.xlsx:
        from app.seda.interop.resip_csv import packaged_objects

        if packaged := packaged_objects(transfer):
            print(t(QT_TRANSLATE_NOOP(
                "cli", "{objects} inside {path} are not listed in ObjectFiles: a table can only point at files on "
                       "disk. Export a simplified hierarchy (--simplified) to get the files with their metadata."),
                objects=QT_TRANSLATE_NOOP("cli", "%n object(s)", "", packaged), path=str(source)), file=sys.stderr)
    return EXIT_OK


def _write(transfer: Transfer, out: Path, args: argparse.Namespace, referentials) -> int:
    """Write *transfer* in the format chosen on the command line; return the number of units."""
    if args.manifest:
        import os
        import tempfile

        from app.seda.manifest import write_manifest

        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent.resolve())
        try:
            with os.fdopen(fd, "wb") as stream:
                write_manifest(transfer, stream)
            os.chmod(tmp, 0o644)  # mkstemp makes it private
            os.replace(tmp, out)
        except BaseException:
            os.unlink(tmp)
            raise
        return transfer.count_units()
    if args.xlsx:
        from app.seda.interop.xlsx import write_xlsx

        return write_xlsx(transfer, out, referentials=referentials)
    if args.hierarchy:
        from app.seda.interop.resip_disk_export import write_hierarchy

        return write_hierarchy(transfer, out)
    if args.simplified:
        from app.seda.interop.simplified import write_simplified

        result = write_simplified(transfer, out, max_name_size=args.max_name_size, selection=args.objects,
                                  delimiter=args.delimiter)
        for problem in result.report.problems:
            print(_render(problem.message), file=sys.stderr)
        return result.units
    from app.seda.interop.resip_csv import write_csv

    return write_csv(transfer, out, extended=not args.normal, delimiter=args.delimiter)


def register(subparsers: argparse._SubParsersAction, t: Callable[..., str]) -> None:
    """Add the ``export`` sub-command."""
    export = subparsers.add_parser("export", help=t(QT_TRANSLATE_NOOP(
        "cli", "convert a SIP, DIP, manifest, Resip CSV, workbook or folder to a manifest, a Resip CSV, a workbook, "
               "a Resip disk hierarchy or a simplified hierarchy with its CSV")))
    export.add_argument("source", metavar="SOURCE")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--manifest", metavar="OUT.xml", help=t(QT_TRANSLATE_NOOP("cli", "write the manifest only")))
    target.add_argument("--csv", metavar="OUT.csv", help=t(QT_TRANSLATE_NOOP(
        "cli", "write a Resip metadata CSV (extended format: Id;ParentId;File;ObjectFiles)")))
    target.add_argument("--xlsx", metavar="OUT.xlsx", help=t(QT_TRANSLATE_NOOP(
        "cli", "write a ready-to-fill Excel workbook with the columns of the Resip CSV")))
    target.add_argument("--hierarchy", metavar="OUT_DIR", help=t(QT_TRANSLATE_NOOP(
        "cli", "write a Resip disk hierarchy (model V2) in this new or empty folder")))
    target.add_argument("--simplified", metavar="OUT_DIR|OUT.zip", help=t(QT_TRANSLATE_NOOP(
        "cli", "write Resip's simplified hierarchy (the files in folders named after the units) and its "
               "metadata.csv, in a new or empty folder or in a zip")))
    export.add_argument("--max-name-size", type=int, default=32, metavar="N", help=t(QT_TRANSLATE_NOOP(
        "cli", "simplified hierarchy: longest folder name taken from a title (default 32; 0: no limit)")))
    export.add_argument("--objects", choices=("first", "last", "all"), default="last", help=t(QT_TRANSLATE_NOOP(
        "cli", "simplified hierarchy: which objects of a group are written: the first or last version of the best "
               "usage (default last, as Resip), or all")))
    export.add_argument("--normal", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "CSV in Resip's normal format (a File column only)")))
    export.add_argument("--delimiter", default=";", help=t(QT_TRANSLATE_NOOP("cli", "CSV separator (default ;)")))
    export.add_argument("--referentials", metavar="RULES.csv", action="append", help=t(QT_TRANSLATE_NOOP(
        "cli", "Vitam rules referential: its rule ids become drop-down lists in the workbook (repeatable)")))
    export.add_argument("--resip-hierarchy", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "read a SOURCE folder or zip as a Resip disk hierarchy (automatic when __GlobalMetadata.xml or "
               "__ManagementMetadata.xml is at its root)")))
    export.add_argument("--seda", choices=ontology.VERSIONS, default=ontology.DEFAULT_VERSION,
                        help=t(QT_TRANSLATE_NOOP("cli", "SEDA version for a CSV or a folder (default {default})"),
                               default=ontology.DEFAULT_VERSION))
    export.add_argument("-q", "--quiet", action="store_true", help=t(QT_TRANSLATE_NOOP("cli", "print only problems")))
    export.set_defaults(func=lambda args: cmd_export(args, t))
