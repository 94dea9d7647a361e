"""Command-line interface: ``liasse-cli build|validate|schemas``.

Exit codes: 0 done, 1 done with problems or refused, 2 usage or I/O error, 130 interrupted.
Messages are in French on a French system (QtCore translators, no QApplication).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from app import __version__
from app.models.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate
from app.models.tasks import Cancelled
from app.seda import ontology
from app.seda.digest import ALGORITHMS, DEFAULT_ALGORITHM
from app.seda.report import Report, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
CTX = "cli"

_translate: Translate = identity_translate


def _t(text: str, **params) -> str:
    """Translate a CLI string (declared with QT_TRANSLATE_NOOP at the call site) and fill it."""
    return Message(CTX, text, params).render(_translate)


# argparse's own words, so that usage and errors read in the user's language too.
_ARGPARSE_STRINGS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
)


def _setup_translation(language: str | None) -> None:
    global _translate, _decimal_comma
    try:
        from app.ui.i18n import ui_language

        _decimal_comma = ui_language(language) == "fr"
    except Exception:
        _decimal_comma = False
    try:
        from app.ui.i18n import translate_function

        _translate = translate_function(language)
    except Exception:  # Qt missing or broken: English still works
        _translate = identity_translate
    argparse._ = lambda text: _translate("argparse", text)  # argparse looks its _() up at call time


def _err(text: str) -> None:
    print(text, file=sys.stderr)


class _ProgressLine:
    """A throttled one-line progress indicator on stderr (only on a terminal)."""

    def __init__(self, label: str, enabled: bool, unit_bytes: bool = True) -> None:
        self.label = label
        self.enabled = enabled
        self.unit_bytes = unit_bytes
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and done < total):
            return
        self.last = now
        pct = f"{100 * done // total:3d} %" if total else "…"
        amount = f"{_size(done)} / {_size(total)}" if self.unit_bytes else f"{done} / {total}"
        sys.stderr.write(f"\r{self.label} {pct}  ({amount})\x1b[K")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


_decimal_comma = False


def decimal(value: float, digits: int = 1) -> str:
    """A number as the user writes it: ``0,5`` in French, ``0.5`` in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _decimal_comma else text


def _size(n: float) -> str:
    """A size in binary units, in French (octets: o, Kio...) or English (B, KiB...)."""
    units = ("o", "Kio", "Mio", "Gio", "Tio") if _decimal_comma else ("B", "KiB", "MiB", "GiB", "TiB")
    for unit in units:
        if n < 1024 or unit == units[-1]:
            return f"{n:.0f} {unit}" if unit == units[0] else f"{decimal(n)} {unit}"
        n /= 1024
    return str(n)


def _print_report(report: Report, stream=None) -> None:
    if not report:
        return
    stream = stream or sys.stdout  # looked up now, not at import (captured or redirected output)
    print(_t(QT_TRANSLATE_NOOP("cli", "Problems ({count}):"), count=len(report.problems)), file=stream)
    labels = {Severity.ERROR: _t(QT_TRANSLATE_NOOP("cli", "error")),
              Severity.WARNING: _t(QT_TRANSLATE_NOOP("cli", "warning"))}
    for problem in report.problems:
        print(f"  [{labels[problem.severity]}] {problem.render(_translate)}", file=stream)


# -- build ---------------------------------------------------------------------------------------
def apply_profile_option(args: argparse.Namespace, transfer) -> int | None:
    """``--apply-profile``: fill the fixed values an archive profile requires and say what was done.

    Returns an exit code when the profile cannot be used, None otherwise.
    """
    if not getattr(args, "apply_profile", None):
        return None
    from app.seda.interop.profile_requirements import apply_profile, read_requirements
    from app.seda.profiles import ProfileError

    try:
        messages = apply_profile(transfer, read_requirements(Path(args.apply_profile)))
    except ProfileError as exc:
        _err(exc.message.render(_translate))
        return EXIT_USAGE
    for message in messages:
        if not args.quiet:
            print(message.render(_translate))
    return None


def _build_validator(args: argparse.Namespace) -> Callable[[Path, object], Report]:
    """The full validator (official schema, graph, optional profile and Vitam referentials)."""
    from app.seda.referentials import Referentials
    from app.seda.validation import build_validator

    if getattr(args, "apply_profile", None) and not args.profile:
        args.profile = args.apply_profile  # a profile applied is a profile checked
    referentials = Referentials.load(Path(p) for p in args.referentials) if args.referentials else None
    return build_validator(profile=Path(args.profile) if args.profile else None, referentials=referentials)


def _read_exclude_file(path: Path) -> tuple[list[str], list[str]]:
    """Resip's JSON array of regular expressions, or one glob pattern per line."""
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.strip()
    if stripped.startswith("["):
        data = json.loads(stripped)
        if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
            raise ValueError("expected a JSON array of strings")
        return [], data
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")], []


def cmd_build(args: argparse.Namespace) -> int:
    from app.seda.cache import ScanCache
    from app.seda.context import ContextError, demo_context, load_context
    from app.seda.scanner import DEFAULT_EXCLUDES, ScanOptions, scan_folder
    from app.seda.sip import ExportError, ExportOptions, export_sip

    folder = Path(args.folder)
    from app.cli_interop import build_from_source, wants_resip_hierarchy

    if folder.is_file() or wants_resip_hierarchy(args, folder, _t):  # SIP/DIP, manifest, CSV, XLSX, Resip folder
        return build_from_source(args, _t, _print_report, _build_validator(args))
    if not folder.is_dir():
        _err(_t(QT_TRANSLATE_NOOP("cli", "The folder {path} does not exist or is not a folder."), path=str(folder)))
        return EXIT_USAGE
    output = Path(args.output)
    if output.exists() and output.is_dir():
        _err(_t(QT_TRANSLATE_NOOP("cli", "The output {path} is a folder; give the path of the zip to write."),
                path=str(output)))
        return EXIT_USAGE
    if not output.parent.exists():
        _err(_t(QT_TRANSLATE_NOOP("cli", "The destination folder {path} does not exist."), path=str(output.parent)))
        return EXIT_USAGE
    report = Report()
    if args.context:
        try:
            context = load_context(args.context, args.seda)
        except ContextError as exc:
            _err(exc.message.render(_translate))
            return EXIT_USAGE
    else:
        context = demo_context(args.seda)
        report.add(Severity.WARNING, "context-default", "", Message(CTX, QT_TRANSLATE_NOOP(
            "cli", "No transfer context given (--context): the header uses the demonstration values of Vitam "
                 "(ArchivalAgreement0, Identifier4, Identifier5...).")))
    globs = [] if args.no_default_excludes else list(DEFAULT_EXCLUDES)
    globs += args.exclude or []
    regexes: list[str] = []
    if args.exclude_file:
        try:
            more_globs, regexes = _read_exclude_file(Path(args.exclude_file))
        except (OSError, ValueError) as exc:
            _err(_t(QT_TRANSLATE_NOOP("cli", "Cannot read the exclusion file {path}: {error}"),
                    path=args.exclude_file, error=str(exc)))
            return EXIT_USAGE
        globs += more_globs
    try:
        validator = _build_validator(args)
    except Exception as exc:  # ProfileError / ReferentialError: a usage problem, said plainly
        message = getattr(exc, "message", None)
        _err(message.render(_translate) if isinstance(message, Message) else str(exc))
        return EXIT_USAGE
    options = ScanOptions(root_is_unit=not args.children_as_roots, algorithm=args.digest, excludes=tuple(globs),
                          exclude_regexes=tuple(regexes), workers=args.workers)
    interactive = sys.stderr.isatty() and not args.quiet
    started = time.monotonic()
    cache = None if args.no_cache else ScanCache()
    line = _ProgressLine(_t(QT_TRANSLATE_NOOP("cli", "Analysing files")), interactive)
    try:
        scan = scan_folder(folder, options, version=args.seda, cache=cache, progress=line)
    finally:
        line.close()
        if cache is not None:
            cache.close()
    report.extend(scan.report)
    context.apply(scan.transfer)
    if (code := apply_profile_option(args, scan.transfer)) is not None:
        return code
    line = _ProgressLine(_t(QT_TRANSLATE_NOOP("cli", "Writing the SIP")), interactive)
    export_options = ExportOptions(compress=args.compress, indent=context.indent, algorithm=args.digest,
                                   validator=validator, force=args.force)
    try:
        result = export_sip(scan.transfer, output, export_options, progress=line)
    except ExportError as exc:
        line.close()
        if exc.report:
            report.extend(exc.report)
        _print_report(report)
        _err(exc.message.render(_translate))
        return EXIT_PROBLEMS if exc.refused else EXIT_USAGE  # refused, or an I/O error
    finally:
        line.close()
    report.extend(result.report)
    _print_report(report)
    if not args.quiet:
        print(_t(QT_TRANSLATE_NOOP("cli", "SIP written: {path}"), path=str(output)))
        print(_t(QT_TRANSLATE_NOOP("cli", "{units}, {objects} ({size}), SEDA {version}, {seconds} s; {cached} "
                                        "taken from the cache, {ignored}."),
                 units=QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", result.units),
                 objects=QT_TRANSLATE_NOOP("cli", "%n file(s)", "", result.objects), size=_size(result.bytes),
                 version=args.seda, seconds=decimal(time.monotonic() - started),
                 cached=QT_TRANSLATE_NOOP("cli", "%n file(s)", "", scan.cached),
                 ignored=QT_TRANSLATE_NOOP("cli", "%n ignored", "", len(scan.ignored))))
    return EXIT_PROBLEMS if report else EXIT_OK


# -- schemas -------------------------------------------------------------------------------------
def cmd_schemas(args: argparse.Namespace) -> int:
    from app.seda import schemas

    store = Path(args.store) if args.store else schemas.default_store()
    try:
        if args.action == "install":
            versions = schemas.install(Path(args.source), store)
        elif args.action == "download":
            versions = schemas.download(args.versions or None, store)
        else:
            versions = schemas.installed_versions(store)
            print(_t(QT_TRANSLATE_NOOP("cli", "Schema store: {path}"), path=str(store)))
            for version in ontology.VERSIONS:
                state = (_t(QT_TRANSLATE_NOOP("cli", "installed")) if version in versions
                         else _t(QT_TRANSLATE_NOOP("cli", "missing")))
                print(f"  SEDA {version}: {state}")
            return EXIT_OK if versions else EXIT_PROBLEMS
    except schemas.SchemaError as exc:
        _err(exc.message.render(_translate))
        return EXIT_USAGE
    except OSError as exc:
        _err(_t(QT_TRANSLATE_NOOP("cli", "Cannot install the schemas: {error}"), error=str(exc)))
        return EXIT_USAGE
    except Exception as exc:  # network errors of the download
        _err(_t(QT_TRANSLATE_NOOP("cli", "Cannot download the schemas: {error}"), error=str(exc)))
        return EXIT_USAGE
    print(_t(QT_TRANSLATE_NOOP("cli", "Installed SEDA {versions} in {path}"), versions=", ".join(versions),
             path=str(store)))
    return EXIT_OK


# -- parser --------------------------------------------------------------------------------------
Registrar = Callable[[argparse._SubParsersAction, Callable[..., str]], None]
EXTRA_COMMANDS: list[str] = ["app.cli_validate", "app.cli_interop", "app.cli_sae"]
"""Modules adding sub-commands: each has ``register(subparsers, t)`` setting ``func`` on its parser."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with a readable message
        self.print_usage(sys.stderr)
        _err(_t(QT_TRANSLATE_NOOP("cli", "Error: {message}"), message=message))
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="liasse-cli", description=_t(QT_TRANSLATE_NOOP(
        "cli", "Prepare SEDA transfers (SIPs) for an electronic archiving system.")))
    # Python 3.11's argparse writes this help without its _(): give it, so that it is translated too.
    parser.add_argument("--version", action="version", version=f"liasse {__version__}",
                        help=_translate("argparse", QT_TRANSLATE_NOOP("argparse",
                                                                      "show program's version number and exit")))
    parser.add_argument("--lang", help=_t(QT_TRANSLATE_NOOP("cli", "language of messages (fr, en)")))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = sub.add_parser("build", help=_t(QT_TRANSLATE_NOOP("cli", "make a SIP zip from a folder tree")))
    build.add_argument("folder", metavar="FOLDER")
    build.add_argument("-o", "--output", required=True, metavar="SIP.zip",
                       help=_t(QT_TRANSLATE_NOOP("cli", "the SIP to write")))
    build.add_argument("--seda", choices=ontology.VERSIONS, default=ontology.DEFAULT_VERSION,
                       help=_t(QT_TRANSLATE_NOOP("cli", "SEDA version (default {default})"),
                               default=ontology.DEFAULT_VERSION))
    build.add_argument("--context", metavar="CONTEXT.json", help=_t(QT_TRANSLATE_NOOP(
        "cli", "transfer header and ManagementMetadata (Liasse JSON or Resip ExportContext.config)")))
    build.add_argument("--digest", choices=list(ALGORITHMS), default=DEFAULT_ALGORITHM,
                       help=_t(QT_TRANSLATE_NOOP("cli", "digest algorithm (default sha512)")))
    build.add_argument("--children-as-roots", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "make the folder's children the root units (as Resip) instead of the folder itself")))
    build.add_argument("--exclude", action="append", metavar="PATTERN", help=_t(QT_TRANSLATE_NOOP(
        "cli", "ignore names matching this pattern (repeatable; a trailing / matches folders only)")))
    build.add_argument("--exclude-file", metavar="FILE", help=_t(QT_TRANSLATE_NOOP(
        "cli", "patterns to ignore: one per line, or Resip's JSON array of regular expressions")))
    build.add_argument("--no-default-excludes", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "do not ignore Thumbs.db, desktop.ini, .DS_Store, ~$* and .git/")))
    build.add_argument("--compress", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "deflate compressible formats (text, XML, old office files) at level 6")))
    build.add_argument("--force", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "write the SIP even if it is not valid")))
    build.add_argument("--profile", metavar="PROFILE", help=_t(QT_TRANSLATE_NOOP(
        "cli", "archive profile the SIP must satisfy (.rng or .xsd)")))
    build.add_argument("--apply-profile", metavar="PROFILE", help=_t(QT_TRANSLATE_NOOP(
        "cli", "fill the fixed values this archive profile requires (and check the SIP against it)")))
    build.add_argument("--referentials", metavar="PATH", action="append", help=_t(QT_TRANSLATE_NOOP(
        "cli", "Vitam rules and agencies CSV to check against (file or folder; repeatable)")))
    build.add_argument("--no-cache", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "hash every file again instead of reusing earlier scans")))
    build.add_argument("--workers", type=int, metavar="N", help=_t(QT_TRANSLATE_NOOP(
        "cli", "threads for hashing and identification (default: number of cores)")))
    build.add_argument("--resip-hierarchy", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "read FOLDER as a Resip disk hierarchy (__ArchiveUnitMetadata.xml, __BinaryMaster_1__ files, "
               "##group## folders; automatic when __GlobalMetadata.xml or __ManagementMetadata.xml is at its root)")))
    build.add_argument("-q", "--quiet", action="store_true", help=_t(QT_TRANSLATE_NOOP(
        "cli", "print only problems")))
    build.set_defaults(func=cmd_build)

    schemas = sub.add_parser("schemas", help=_t(QT_TRANSLATE_NOOP("cli", "manage the official SEDA schemas")))
    schemas.add_argument("--store", metavar="DIR", help=_t(QT_TRANSLATE_NOOP("cli", "schema store folder")))
    actions = schemas.add_subparsers(dest="action", required=True, parser_class=_Parser)
    install = actions.add_parser("install", help=_t(QT_TRANSLATE_NOOP(
        "cli", "install the XSDs from a folder or a zip")))
    install.add_argument("source", metavar="SOURCE")
    download = actions.add_parser("download", help=_t(QT_TRANSLATE_NOOP(
        "cli", "download the XSDs from the official SEDA repository (needs internet)")))
    download.add_argument("versions", nargs="*", metavar="VERSION")
    actions.add_parser("list", help=_t(QT_TRANSLATE_NOOP("cli", "show the installed versions")))
    schemas.set_defaults(func=cmd_schemas)

    for module_name in EXTRA_COMMANDS:
        importlib.import_module(module_name).register(sub, _t)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    language = None
    if "--lang" in argv:
        index = argv.index("--lang")
        language = argv[index + 1] if index + 1 < len(argv) else None
    _setup_translation(language)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err(_t(QT_TRANSLATE_NOOP("cli", "Interrupted; nothing was written.")))
        return EXIT_INTERRUPTED
    except Cancelled:
        _err(_t(QT_TRANSLATE_NOOP("cli", "Cancelled; nothing was written.")))
        return EXIT_INTERRUPTED
    except Exception as exc:  # last resort: a readable message, never a traceback
        if os.environ.get("LIASSE_DEBUG"):
            raise
        _err(_t(QT_TRANSLATE_NOOP("cli", "Unexpected error: {error}. Run again with LIASSE_DEBUG=1 for details."),
                error=f"{type(exc).__name__}: {exc}"))
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
