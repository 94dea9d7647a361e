"""CLI sub-commands for transfers: ``send``, ``targets add|list|remove`` and ``history``."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import CancelToken

CTX = "cli"
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PASSPHRASE_ENV = "LIASSE_TARGET_PASSPHRASE"

_t: Callable[..., str] = lambda text, **params: Message(CTX, text, params).render()  # noqa: E731


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _render(message: Message) -> str:
    """Translate an engine message with the CLI's translator (identity until register() is called)."""
    return message.render(_translator)


def _translator(context: str, text: str, n: int = -1) -> str:
    try:
        from app import cli

        return cli._translate(context, text, n)
    except (ImportError, AttributeError):
        return text


# -- targets ----------------------------------------------------------------------------------------
def cmd_targets(args: argparse.Namespace) -> int:
    from app.sae.targets import Target, TargetError, TargetStore

    store = TargetStore()
    try:
        if args.action == "list":
            targets = store.load()
            if args.json:
                print(json.dumps([asdict(t) for t in targets.values()], ensure_ascii=False, indent=2))
            elif not targets:
                print(_t(QT_TRANSLATE_NOOP(
                    "cli", "No target yet. Add one with: liasse-cli targets add NAME --url ...")))
            for target in targets.values() if not args.json else ():
                print(f"{target.name}\t{target.ingest_base()}\t"
                      + _t(QT_TRANSLATE_NOOP("cli", "tenant {tenant}, {context}"), tenant=target.tenant,
                           context=target.context))
            return EXIT_OK
        if args.action == "remove":
            if not store.remove(args.name):
                _err(_t(QT_TRANSLATE_NOOP("cli", "No target named {name}."), name=args.name))
                return EXIT_USAGE
            print(_t(QT_TRANSLATE_NOOP("cli", "Target {name} removed."), name=args.name))
            return EXIT_OK
        secret = os.environ.get(PASSPHRASE_ENV) or None
        if args.ask_passphrase:
            try:
                secret = getpass.getpass(_t(QT_TRANSLATE_NOOP("cli", "Passphrase of the certificate or key: "))) \
                    or None
            except EOFError:
                _err(_t(QT_TRANSLATE_NOOP("cli", "No passphrase could be read (no terminal); give it in the "
                                                 "environment variable {name} instead."), name=PASSPHRASE_ENV))
                return EXIT_USAGE
        target = Target(args.name, args.url, args.admin_url or args.url, args.tenant, args.context,
                        args.application_id, str(Path(args.certificate).resolve()),
                        str(Path(args.key).resolve()) if args.key else "",
                        str(Path(args.ca).resolve()) if args.ca else "")
        store.save(target, secret)
        print(_t(QT_TRANSLATE_NOOP("cli", "Target {name} saved ({url})."), name=target.name, url=target.ingest_base()))
        return EXIT_OK
    except TargetError as exc:
        _err(_render(exc.message))
        return EXIT_USAGE


# -- send ---------------------------------------------------------------------------------------------
def _validate_first(sip: Path) -> list[str]:
    """Error texts of the validation engine for *sip* (empty when it is valid)."""
    from app.seda.validation import ValidationError, validate

    try:
        report = validate(sip, vitam=True)
    except ValidationError as exc:
        return [_render(exc.message)]
    return [_render(f.message) for f in report.errors]


def _print_record(record, summary) -> None:
    label = _render(record.status_message())
    print(_t(QT_TRANSLATE_NOOP("cli", "Transfer {sip} to {target}: {status}"), sip=Path(record.sip).name,
             target=record.target, status=label))
    if record.operation_id:
        print(_t(QT_TRANSLATE_NOOP("cli", "Operation: {operation}"), operation=record.operation_id))
    error = record.error_message()
    if error is not None:
        print(_render(error))
    if summary is None:
        return
    if record.atr:
        print(_t(QT_TRANSLATE_NOOP("cli", "Reply (ATR): {path}"), path=record.atr))
    if summary.accepted:
        print(_t(QT_TRANSLATE_NOOP("cli", "{units} and {objects} received system ids."),
                 units=QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", len(summary.units)),
                 objects=QT_TRANSLATE_NOOP("cli", "%n object(s)", "", len(summary.objects))))
    for event in summary.failures():
        where = ""
        if event.object_id:
            where = _t(QT_TRANSLATE_NOOP("cli", " (object {id})"), id=event.object_id)
        elif '"ArchiveUnitIds"' in event.detail_data:
            try:
                data = json.loads(event.detail_data)
            except ValueError:
                data = None
            units = data.get("ArchiveUnitIds") if isinstance(data, dict) else None
            if isinstance(units, list) and units:
                where = _t(QT_TRANSLATE_NOOP("cli", " (units {ids})"), ids=", ".join(map(str, units)))
        print(f"  [{event.outcome}] {event.detail}{where}: {event.message}")


def cmd_send(args: argparse.Namespace) -> int:
    from app.models.tasks import Cancelled
    from app.sae.client import SendError, Timeouts, record_summary, send_sip
    from app.sae.targets import TargetError, TargetStore

    sip = Path(args.sip)
    if not sip.is_file():
        _err(_t(QT_TRANSLATE_NOOP("cli", "The SIP {path} does not exist."), path=str(sip)))
        return EXIT_USAGE
    try:
        target = TargetStore().get(args.target)
    except TargetError as exc:
        _err(_render(exc.message))
        return EXIT_USAGE
    if not args.force:
        errors = _validate_first(sip)
        if errors:
            _err(_t(QT_TRANSLATE_NOOP(
                "cli", "The SIP is not valid; nothing was sent (use --force to send it anyway):")))
            for text in errors[:20]:
                _err(f"  {text}")
            return EXIT_PROBLEMS
    from app.cli import _ProgressLine

    line = _ProgressLine(_t(QT_TRANSLATE_NOOP("cli", "Sending")), sys.stderr.isatty() and not args.quiet)
    timeouts = Timeouts(poll_total=args.poll_timeout)
    try:
        record = send_sip(target, sip, test=args.test, progress=line, cancel=CancelToken(), wait=not args.no_wait,
                          timeouts=timeouts)
    except SendError as exc:
        line.close()
        _err(_t(QT_TRANSLATE_NOOP("cli", "Not sent: {reason}"), reason=_render(exc.message)))
        if exc.atr is not None:
            for event in exc.atr.failures():
                _err(f"  [{event.outcome}] {event.detail}: {event.message}")
        return EXIT_PROBLEMS
    except Cancelled:
        line.close()
        raise
    line.close()
    summary = record_summary(record)
    if args.json:
        print(json.dumps({**asdict(record), "failures": [asdict(e) for e in summary.failures()] if summary else []},
                         ensure_ascii=False))
    else:
        _print_record(record, summary)
    return EXIT_OK if record.status in ("OK", "WARNING", "accepted") else EXIT_PROBLEMS


# -- history ------------------------------------------------------------------------------------------
def cmd_history(args: argparse.Namespace) -> int:
    from app.sae.client import SendError, poll_transfer, record_summary
    from app.sae.history import History
    from app.sae.targets import TargetError, TargetStore

    history = History()
    if args.poll or args.show:
        record = history.get(args.poll or args.show)
        if record is None:
            _err(_t(QT_TRANSLATE_NOOP("cli", "No transfer {id} in the history."), id=args.poll or args.show))
            return EXIT_USAGE
        if args.poll:
            if not record.can_poll:
                _err(_t(QT_TRANSLATE_NOOP("cli", "This transfer cannot be polled (status: {status}); send it again "
                                              "if it failed."), status=_render(record.status_message())))
                return EXIT_PROBLEMS
            try:
                record = poll_transfer(TargetStore().get(record.target), record, history=history)
            except (SendError, TargetError) as exc:
                _err(_render(exc.message))
                return EXIT_PROBLEMS
        _print_record(record, record_summary(record))
        return EXIT_OK if record.archived else EXIT_PROBLEMS
    records = history.records()[-args.limit:]
    if args.json:
        print(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not records:
        print(_t(QT_TRANSLATE_NOOP("cli", "No transfer yet.")))
    for r in records:
        print(f"{r.date}  {r.id[:8]}  {r.target}  {Path(r.sip).name}  {r.operation_id or '-'}  "
              f"{_render(r.status_message())}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction, t: Callable[..., str]) -> None:
    """Add ``send``, ``targets`` and ``history`` to ``liasse-cli``."""
    global _t
    _t = t
    send = subparsers.add_parser("send", help=t(QT_TRANSLATE_NOOP("cli", "send a SIP to Vitam (or a sandbox)")))
    send.add_argument("sip", metavar="SIP.zip")
    send.add_argument("--target", required=True, metavar="NAME", help=t(QT_TRANSLATE_NOOP("cli", "a saved target")))
    send.add_argument("--test", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "dry run (BLANK_TEST workflow: checked, not archived)")))
    send.add_argument("--wait", action="store_true", default=True, help=t(QT_TRANSLATE_NOOP(
        "cli", "wait for the reply (ATR) (default)")))
    send.add_argument("--no-wait", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "return once the SIP is received; fetch the reply later with: liasse-cli history --poll ID")))
    send.add_argument("--poll-timeout", type=float, default=3600, metavar="SECONDS", help=t(QT_TRANSLATE_NOOP(
        "cli", "how long to wait for the reply (default 3600)")))
    send.add_argument("--force", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "send even if validation finds errors")))
    send.add_argument("--json", action="store_true", help=t(QT_TRANSLATE_NOOP("cli", "print the result as JSON")))
    send.add_argument("-q", "--quiet", action="store_true", help=t(QT_TRANSLATE_NOOP("cli", "no progress line")))
    send.set_defaults(func=cmd_send)

    targets = subparsers.add_parser("targets", help=t(QT_TRANSLATE_NOOP("cli", "manage the Vitam targets")))
    actions = targets.add_subparsers(dest="action", required=True, parser_class=subparsers._parser_class)
    add = actions.add_parser("add", help=t(QT_TRANSLATE_NOOP("cli", "add or replace a target")))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--url", required=True, help=t(QT_TRANSLATE_NOOP(
        "cli", "ingest-external address, e.g. https://vitam.example:8443")))
    add.add_argument("--admin-url", help=t(QT_TRANSLATE_NOOP(
        "cli", "admin-external address for operation status (default: same as --url)")))
    add.add_argument("--tenant", type=int, default=0, help=t(QT_TRANSLATE_NOOP("cli", "tenant (default 0)")))
    add.add_argument("--context", default="DEFAULT_WORKFLOW", help=t(QT_TRANSLATE_NOOP(
        "cli", "ingest workflow (default DEFAULT_WORKFLOW)")))
    add.add_argument("--application-id", default="liasse", help=t(QT_TRANSLATE_NOOP(
        "cli", "X-Application-Id sent to Vitam (default liasse)")))
    add.add_argument("--certificate", required=True, metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "cli", "client certificate: PKCS#12 (.p12) or PEM")))
    add.add_argument("--key", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "cli", "PEM private key (with a PEM certificate)")))
    add.add_argument("--ca", metavar="FILE", help=t(QT_TRANSLATE_NOOP(
        "cli", "CA bundle that signed the server certificate (default: the system's)")))
    add.add_argument("--ask-passphrase", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "ask the passphrase of the certificate or key and keep it in the system keyring")))
    listing = actions.add_parser("list", help=t(QT_TRANSLATE_NOOP("cli", "show the targets")))
    listing.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help=t(QT_TRANSLATE_NOOP("cli", "forget a target and its passphrase")))
    remove.add_argument("name", metavar="NAME")
    for parser in (add, remove):
        parser.set_defaults(json=False)
    targets.set_defaults(func=cmd_targets)

    history = subparsers.add_parser("history", help=t(QT_TRANSLATE_NOOP("cli", "show the transfers sent")))
    history.add_argument("--show", metavar="ID", help=t(QT_TRANSLATE_NOOP("cli", "details of one transfer")))
    history.add_argument("--poll", metavar="ID", help=t(QT_TRANSLATE_NOOP(
        "cli", "ask the archive again for the result of a transfer")))
    history.add_argument("--limit", type=int, default=50, help=t(QT_TRANSLATE_NOOP(
        "cli", "number of transfers listed (default 50)")))
    history.add_argument("--json", action="store_true")
    history.set_defaults(func=cmd_history)
