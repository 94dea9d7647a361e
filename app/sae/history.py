"""The local history of transfers: one JSON record per transfer, the file rewritten atomically.

A record goes ``sending`` -> ``failed`` (nothing reached the archive, or it was not confirmed), or
``sending`` -> ``accepted`` (Vitam answered 202 and gave an operation id) -> ``OK``/``WARNING``/``KO``/
``FATAL`` (the ATR was received) or ``timeout`` (still running when we stopped waiting: poll again).
Only ``OK`` and ``WARNING`` mean the archives were taken in; nothing else is ever shown as sent.

Writes are atomic (a temporary file, flushed to disk, then renamed over the history) and serialised
across processes by a lock file, so that the GUI and ``liasse-cli`` running at once never lose each
other's records.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.schemas import user_data_dir

CTX = "sae"
FINAL = ("OK", "WARNING", "KO", "FATAL")
PENDING = ("accepted", "timeout")
STATUS_LABELS = {
    "sending": QT_TRANSLATE_NOOP("sae", "sending"),
    "failed": QT_TRANSLATE_NOOP("sae", "failed, not sent"),
    "accepted": QT_TRANSLATE_NOOP("sae", "received, being processed"),
    "timeout": QT_TRANSLATE_NOOP("sae", "received, still being processed (poll again)"),
    "OK": QT_TRANSLATE_NOOP("sae", "archived (OK)"),
    "WARNING": QT_TRANSLATE_NOOP("sae", "archived with warnings"),
    "KO": QT_TRANSLATE_NOOP("sae", "rejected (KO)"),
    "FATAL": QT_TRANSLATE_NOOP("sae", "failed in the archive (FATAL)"),
    "interrupted": QT_TRANSLATE_NOOP("sae", "interrupted while sending: check in Vitam"),
}


def history_dir() -> Path:
    """Where the history and the received ATRs are kept."""
    return user_data_dir() / "transfers"


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


@dataclass
class TransferRecord:
    """One transfer: what was sent where, and what came back."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    date: str = field(default_factory=_now)
    sip: str = ""
    sip_size: int = 0
    target: str = ""
    test: bool = False
    operation_id: str = ""
    status: str = "sending"
    error: dict | None = None
    """A :class:`Message` as ``{"context", "text", "params"}``, translated when shown."""
    atr: str = ""
    updated: str = field(default_factory=_now)
    owner: str = ""
    """``host:pid`` of the process sending it, to tell a send still running from one cut short."""

    @property
    def archived(self) -> bool:
        """True only when the archive system accepted the transfer (ATR OK or WARNING)."""
        return self.status in ("OK", "WARNING")

    @property
    def can_poll(self) -> bool:
        """True when the operation exists on the archive side and its result has not been fetched."""
        return bool(self.operation_id) and self.status in PENDING

    def error_message(self) -> Message | None:
        """The stored error as a translatable message."""
        if not self.error:
            return None
        return Message(self.error.get("context", CTX), self.error.get("text", ""), self.error.get("params", {}))

    def status_message(self) -> Message:
        """The status as a short translatable label."""
        return Message(CTX, STATUS_LABELS.get(self.status, self.status))


def sending_owner() -> str:
    """The ``owner`` of a record this process is sending."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _interrupted(record: TransferRecord) -> TransferRecord:
    """A record left "sending" by a process of this computer that no longer runs (killed, power cut).

    It cannot have finished: whether Vitam received the SIP is unknown, so it is shown as interrupted
    (never as sent), with the advice to look for it in Vitam before sending it again. On Windows, where
    probing a process would need more than the standard library, such records keep their status.
    """
    if record.status != "sending" or os.name == "nt" or not isinstance(record.owner, str):
        return record
    host, _, pid = record.owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or _alive(int(pid)):
        return record
    record.status = "interrupted"
    record.error = {"context": CTX, "params": {}, "text": QT_TRANSLATE_NOOP(
        "sae", "Liasse stopped while this SIP was being sent (closed, killed or a power cut): Vitam may or may "
               "not have received it. Look for it in Vitam before sending it again.")}
    return record


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists (POSIX)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, owned by someone else
        return True
    return True


@contextmanager
def _process_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on *path* shared with other processes (flock, or msvcrt on Windows)."""
    with open(path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _sync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class History:
    """Records of this user's transfers, newest last, safe for concurrent use by threads and processes."""

    _lock = threading.Lock()

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or history_dir()
        self.path = self.folder / "history.jsonl"

    @property
    def atr_dir(self) -> Path:
        """Folder of the received ATRs (``<operation id>.xml``)."""
        return self.folder / "atr"

    def records(self) -> list[TransferRecord]:
        """All records, oldest first; unreadable lines are skipped (a crash never loses the others)."""
        if not self.path.exists():
            return []
        known = {f.name for f in fields(TransferRecord)}
        result: list[TransferRecord] = []
        with self.path.open(encoding="utf-8") as stream:
            for line in stream:
                try:
                    data = json.loads(line)
                except ValueError:
                    continue
                if isinstance(data, dict):
                    result.append(_interrupted(TransferRecord(**{k: v for k, v in data.items() if k in known})))
        return result

    def get(self, record_id: str) -> TransferRecord | None:
        """A record by its id, or by its operation id, or by a unique prefix of either."""
        records = self.records()
        exact = [r for r in records if record_id in (r.id, r.operation_id)]
        if exact:
            return exact[-1]
        prefixed = [r for r in records
                    if r.id.startswith(record_id) or (r.operation_id and r.operation_id.startswith(record_id))]
        return prefixed[0] if len(prefixed) == 1 else None

    def save(self, record: TransferRecord) -> TransferRecord:
        """Insert or update *record* (by id), rewriting the file atomically."""
        record.updated = _now()
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._lock, _process_lock(self.folder / ".history.lock"):
            records = self.records()
            for index, existing in enumerate(records):
                if existing.id == record.id:
                    records[index] = record
                    break
            else:
                records.append(record)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".history.", suffix=".jsonl")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    for item in records:
                        out.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, self.path)
                _sync_folder(self.folder)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return record
