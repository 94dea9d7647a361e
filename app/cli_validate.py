"""``liasse-cli validate TARGET``: check a SIP zip, a bare manifest or a folder before sending it.

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error (missing target, unusable
profile or referential).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message

CTX = "cli"
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def register(subparsers: argparse._SubParsersAction, t: Callable[..., str]) -> None:
    """Add the ``validate`` sub-command."""
    parser = subparsers.add_parser("validate", help=t(QT_TRANSLATE_NOOP(
        "cli", "check a SIP, a manifest or a folder against SEDA, a profile and Vitam's rules")))
    parser.add_argument("target", metavar="TARGET", help=t(QT_TRANSLATE_NOOP(
        "cli", "SIP zip, manifest .xml, or folder being prepared")))
    parser.add_argument("--profile", metavar="PROFILE", help=t(QT_TRANSLATE_NOOP(
        "cli", "archive profile to check against (.rng or .xsd)")))
    parser.add_argument("--referentials", metavar="PATH", action="append", help=t(QT_TRANSLATE_NOOP(
        "cli", "Vitam rules and agencies CSV (a file, or a folder of them; repeatable)")))
    parser.add_argument("--no-vitam", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "skip the Vitam pre-flight checks (official schema and profile only)")))
    parser.add_argument("--format", choices=("text", "json"), default="text", help=t(QT_TRANSLATE_NOOP(
        "cli", "output format (default text)")))
    parser.set_defaults(func=lambda args: run(args, t))


def _translate() -> Callable[[str, str], str]:
    from app import cli

    return cli._translate


def run(args: argparse.Namespace, t: Callable[..., str]) -> int:
    """Validate and print the findings; return the exit code."""
    from app.models.tasks import CancelToken
    from app.seda.profiles import ProfileError
    from app.seda.referentials import ReferentialError, Referentials
    from app.seda.report import Severity
    from app.seda.validation import ValidationError, validate

    translate = _translate()

    def fail(message: Message) -> int:
        print(message.render(translate), file=sys.stderr)
        return EXIT_USAGE

    referentials = None
    try:
        if args.referentials:
            referentials = Referentials.load(Path(p) for p in args.referentials)
        report = validate(Path(args.target), profile=Path(args.profile) if args.profile else None,
                          referentials=referentials, vitam=not args.no_vitam, cancel=CancelToken())
    except (ValidationError, ProfileError, ReferentialError) as exc:
        return fail(exc.message)
    except OSError as exc:
        print(t(QT_TRANSLATE_NOOP("cli", "Cannot read {path}: {error}"), path=args.target,
                error=exc.strerror or str(exc)), file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        json.dump(report.to_json(translate), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK if report.valid else EXIT_INVALID
    labels = {Severity.ERROR: t(QT_TRANSLATE_NOOP("cli", "error")),
              Severity.WARNING: t(QT_TRANSLATE_NOOP("cli", "warning"))}
    for finding in report.findings:
        where = finding.location(translate)
        print(f"[{labels[finding.severity]}] {finding.check}" + (f" ({where})" if where else ""))
        print(f"    {finding.render(translate)}")
        if finding.path:
            print(f"    {finding.path}")
    errors = len(report.errors)
    warnings = len(report.findings) - errors
    version = report.version or "?"
    if report.valid:
        print(t(QT_TRANSLATE_NOOP("cli", "Valid (SEDA {version}): {warnings}."), version=version,
                warnings=QT_TRANSLATE_NOOP("cli", "%n warning(s)", "", warnings)))
    elif report.vitam_only:
        print(t(QT_TRANSLATE_NOOP("cli", "Not valid against the official SEDA {version} schema, only because of "
                                       "Vitam-specific markup: Vitam would accept it ({errors})."),
                version=version, errors=QT_TRANSLATE_NOOP("cli", "%n error(s)", "", errors)))
    else:
        print(t(QT_TRANSLATE_NOOP("cli", "Not valid (SEDA {version}): {errors}, {warnings}."), version=version,
                errors=QT_TRANSLATE_NOOP("cli", "%n error(s)", "", errors),
                warnings=QT_TRANSLATE_NOOP("cli", "%n warning(s)", "", warnings)))
    return EXIT_OK if report.valid else EXIT_INVALID
