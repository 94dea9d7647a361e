"""``liasse-sandbox`` / ``python -m app.sae.sandbox``: start a local Vitam-compatible server for workshops.

The first start creates the CA, the server certificate and one client certificate per trainee under
FOLDER/pki; later starts reuse them. The command prints how to configure a target for each trainee.
Received SIPs and ATRs are kept under FOLDER/transfers/<trainee>/<operation id>/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.sae.sandbox.pki import TRAINEE_NAME, ensure_pki
from app.sae.sandbox.referentials import ReferentialError, SandboxReferentials
from app.sae.sandbox.server import Sandbox, SandboxConfig, wait_port_free


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="liasse-sandbox", description=(
        "A local Vitam-compatible ingest server (HTTPS, client certificates) for tests and training rooms."))
    parser.add_argument("--folder", type=Path, default=Path("liasse-sandbox"),
                        help="where certificates, received SIPs and ATRs are kept (default ./liasse-sandbox)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443, help="port (default 8443; 0 = any free port)")
    parser.add_argument("--trainees", type=int, default=0, metavar="N",
                        help="create certificates for trainee01..traineeNN")
    parser.add_argument("--trainee", action="append", default=[], metavar="NAME",
                        help="create a certificate for this trainee (repeatable)")
    parser.add_argument("--contracts", action="append", type=Path, default=[], metavar="FILE",
                        help="allowed ArchivalAgreement ids: Vitam contracts JSON, CSV or one id per line")
    parser.add_argument("--referential", action="append", type=Path, default=[], metavar="CSV",
                        help="Vitam agencies or rules CSV (repeatable)")
    parser.add_argument("--profile", action="append", default=[], metavar="ID=FILE",
                        help="archive profile (RNG or XSD) known under this ArchivalProfile id (repeatable)")
    parser.add_argument("--workers", type=int, default=2, help="SIPs processed at the same time (default 2)")
    parser.add_argument("--max-connections", type=int, default=32, help="simultaneous connections (default 32)")
    parser.add_argument("--tenant", type=int, action="append", default=[], help="accepted tenant (default 0)")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds of processing time per SIP (default 0)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns an exit code (0 stopped normally, 2 usage or start error)."""
    args = _parser().parse_args(argv)
    trainees = [f"trainee{i:02d}" for i in range(1, args.trainees + 1)] + list(args.trainee)
    bad = [name for name in trainees if not TRAINEE_NAME.match(name)]
    if bad:
        print(f"Invalid trainee name(s): {', '.join(bad)} (letters, digits, - and _ only).", file=sys.stderr)
        return 2
    profiles: dict[str, Path] = {}
    for item in args.profile:
        identifier, _, path = item.partition("=")
        if not identifier or not path:
            print(f"--profile expects ID=FILE, got {item!r}.", file=sys.stderr)
            return 2
        profiles[identifier] = Path(path)
    try:
        refs = SandboxReferentials.load(args.contracts, args.referential, profiles)
    except ReferentialError as exc:
        print(f"Cannot load a referential: {exc}", file=sys.stderr)
        return 2
    if args.port and not wait_port_free(args.host, args.port):
        print(f"Port {args.port} on {args.host} is already in use: choose another with --port.", file=sys.stderr)
        return 2
    folder = args.folder.resolve()
    pki = ensure_pki(folder / "pki", trainees or ["trainer"], hosts=tuple(dict.fromkeys((args.host, "localhost"))))
    config = SandboxConfig(folder, args.host, args.port, tuple(args.tenant) or (0,), args.workers,
                           args.max_connections, processing_delay=args.delay, quiet=args.quiet)
    sandbox = Sandbox(config, pki, refs)
    try:
        sandbox.start()
    except OSError as exc:
        print(f"Cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 2
    print(f"Liasse sandbox listening on {sandbox.url} (tenant {config.tenants[0]}); data in {folder}")
    print(f"Contracts: {', '.join(sorted(refs.contracts)) if refs.contracts is not None else 'any'}")
    print("Configure a target for each trainee (the passphrase is in the .password file next to the .p12):")
    for name, client in sorted(pki.clients.items()):
        print(f"  liasse-cli targets add sandbox --url {sandbox.url} --tenant {config.tenants[0]} "
              f"--certificate {client.p12} --ca {pki.ca_cert} --ask-passphrase   # {name}")
    print("Press Ctrl+C to stop.", flush=True)
    try:
        sandbox.serve_forever()
    except KeyboardInterrupt:
        sandbox.stop()
        print("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
