"""``liasse-sandbox`` / ``python -m app.sae.sandbox``: start a local Vitam-compatible server for workshops.

The first start creates the CA, the server certificate and one client certificate per trainee under
FOLDER/pki; later starts reuse them. The command prints how to configure a target for each trainee.
Received SIPs and ATRs are kept under FOLDER/transfers/<trainee>/<operation id>/. It refuses to start
(exit 2) without the official SEDA schemas: it would otherwise accept manifests it cannot check.
Messages and help follow the language of the system (or ``--lang fr|en``), like ``liasse-cli``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate
from app.sae.sandbox.catalog import Catalog, ReferentialError
from app.sae.sandbox.pki import TRAINEE_NAME, ensure_pki
from app.sae.sandbox.server import (
    Sandbox,
    SandboxConfig,
    SandboxError,
    missing_schemas,
    require_schemas,
    wait_port_free,
)
from app.seda.profiles import ProfileError

CTX = "sandbox"

_translate: Translate = identity_translate


def _setup_translation(argv: list[str]) -> None:
    """Use the language of ``--lang`` or of the system, as liasse-cli does (English if Qt is unusable)."""
    global _translate
    language = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else None
    try:
        from app import cli

        cli._setup_translation(language)  # argparse's own words too
        _translate = cli._translate
    except Exception:  # noqa: BLE001 - without Qt, English still works
        _translate = identity_translate


def _text(text: str) -> str:
    return _translate(CTX, text)


def _say(text: str, *, to_stderr: bool = False, **params: object) -> None:
    print(Message(CTX, text, params).render(_translate), file=sys.stderr if to_stderr else sys.stdout, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="liasse-sandbox", description=_text(QT_TRANSLATE_NOOP(
        "sandbox", "A local Vitam-compatible ingest server (HTTPS, client certificates) for tests and "
                   "training rooms.")))
    parser.add_argument("--folder", type=Path, default=Path("liasse-sandbox"), help=_text(QT_TRANSLATE_NOOP(
        "sandbox", "where certificates, received SIPs and ATRs are kept (default ./liasse-sandbox)")))
    parser.add_argument("--host", default="127.0.0.1",
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "address to listen on (default 127.0.0.1)")))
    parser.add_argument("--port", type=int, default=8443,
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "port (default 8443; 0 = any free port)")))
    parser.add_argument("--trainees", type=int, default=0, metavar="N",
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "create certificates for trainee01..traineeNN")))
    parser.add_argument("--trainee", action="append", default=[], metavar="NAME",
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "create a certificate for this trainee (repeatable)")))
    parser.add_argument("--contracts", action="append", type=Path, default=[], metavar="FILE", help=_text(
        QT_TRANSLATE_NOOP("sandbox", "allowed ArchivalAgreement ids: Vitam contracts JSON, CSV or one id per line")))
    parser.add_argument("--referential", action="append", type=Path, default=[], metavar="CSV", help=_text(
        QT_TRANSLATE_NOOP("sandbox", "Vitam agencies or rules CSV, or a PRONOM signature file (repeatable)")))
    parser.add_argument("--profile", action="append", default=[], metavar="ID=FILE", help=_text(QT_TRANSLATE_NOOP(
        "sandbox", "archive profile (RNG or XSD) known under this ArchivalProfile id (repeatable)")))
    parser.add_argument("--workers", type=int, default=2,
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "SIPs processed at the same time (default 2)")))
    parser.add_argument("--max-connections", type=int, default=32,
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "simultaneous connections (default 32)")))
    parser.add_argument("--tenant", type=int, action="append", default=[],
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "accepted tenant (default 0)")))
    parser.add_argument("--delay", type=float, default=0.0,
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "seconds of processing time per SIP (default 0)")))
    parser.add_argument("--quiet", action="store_true",
                        help=_text(QT_TRANSLATE_NOOP("sandbox", "do not log each request")))
    parser.add_argument("--lang", help=_text(QT_TRANSLATE_NOOP("sandbox", "language of messages (fr, en)")))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns an exit code (0 stopped normally, 2 usage or start error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    _setup_translation(argv)
    args = _parser().parse_args(argv)
    trainees = [f"trainee{i:02d}" for i in range(1, args.trainees + 1)] + list(args.trainee)
    bad = [name for name in trainees if not TRAINEE_NAME.match(name)]
    if bad:
        _say(QT_TRANSLATE_NOOP("sandbox", "Invalid trainee name(s): {names} (letters, digits, - and _ only)."),
             to_stderr=True, names=", ".join(bad))
        return 2
    profiles: dict[str, Path] = {}
    for item in args.profile:
        identifier, _, path = item.partition("=")
        if not identifier or not path:
            _say(QT_TRANSLATE_NOOP("sandbox", "--profile expects ID=FILE, got {value}."), to_stderr=True, value=item)
            return 2
        profiles[identifier] = Path(path)
    try:
        installed = require_schemas()
        catalog = Catalog.load(args.contracts, args.referential, profiles)
    except (SandboxError, ReferentialError, ProfileError) as exc:
        print(exc.message.render(_translate), file=sys.stderr)
        return 2
    if args.port and not wait_port_free(args.host, args.port):
        _say(QT_TRANSLATE_NOOP("sandbox", "Port {port} on {host} is already in use: choose another with --port."),
             to_stderr=True, port=args.port, host=args.host)
        return 2
    folder = args.folder.resolve()
    try:
        pki = ensure_pki(folder / "pki", trainees or ["trainer"],
                         hosts=tuple(dict.fromkeys((args.host, "localhost"))))
    except OSError as exc:
        _say(QT_TRANSLATE_NOOP("sandbox", "Cannot create the certificates in {folder}: {error}"), to_stderr=True,
             folder=str(folder / "pki"), error=str(exc))
        return 2
    config = SandboxConfig(folder, args.host, args.port, tuple(args.tenant) or (0,), args.workers,
                           args.max_connections, processing_delay=args.delay, quiet=args.quiet)
    sandbox = Sandbox(config, pki, catalog)
    try:
        sandbox.start()
    except SandboxError as exc:
        print(exc.message.render(_translate), file=sys.stderr)
        return 2
    except OSError as exc:
        _say(QT_TRANSLATE_NOOP("sandbox", "Cannot listen on {host}:{port}: {error}"), to_stderr=True, host=args.host,
             port=args.port, error=str(exc))
        return 2
    _say(QT_TRANSLATE_NOOP("sandbox", "Liasse sandbox listening on {url} (tenant {tenant}); data in {folder}"),
         url=sandbox.url, tenant=config.tenants[0], folder=str(folder))
    _say(QT_TRANSLATE_NOOP("sandbox", "SEDA versions checked: {versions}"), versions=", ".join(installed))
    missing = missing_schemas(installed)
    if missing:
        _say(QT_TRANSLATE_NOOP("sandbox", "SEDA {versions}: schema not installed, such transfers will be refused "
                                          "(liasse-cli schemas install FOLDER_OR_ZIP)."), versions=", ".join(missing))
    contracts = ", ".join(sorted(catalog.contracts)) if catalog.contracts is not None else None
    if contracts is None:
        _say(QT_TRANSLATE_NOOP("sandbox", "Contracts: any"))
    else:
        _say(QT_TRANSLATE_NOOP("sandbox", "Contracts: {contracts}"), contracts=contracts)
    _say(QT_TRANSLATE_NOOP("sandbox", "Configure a target for each trainee (the passphrase is in the .password "
                                      "file next to the .p12):"))
    for name, client in sorted(pki.clients.items()):
        print(f"  liasse-cli targets add sandbox --url {sandbox.url} --tenant {config.tenants[0]} "
              f"--certificate {client.p12} --ca {pki.ca_cert} --ask-passphrase   # {name}")
    _say(QT_TRANSLATE_NOOP("sandbox", "Press Ctrl+C to stop."))
    try:
        sandbox.serve_forever()
    except KeyboardInterrupt:
        sandbox.stop()
        _say(QT_TRANSLATE_NOOP("sandbox", "Stopped."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
