"""The sandbox HTTPS server: Vitam's ingest-external and admin-external contract on loopback.

``ThreadingHTTPServer`` with TLS 1.2 and required client certificates (handshake in the connection's
thread, so a slow client never blocks ``accept``), at most ``max_connections`` connections at once
(the others wait in the listen backlog), request bodies streamed to disk in 1 MiB chunks, and the
workflow run by a bounded pool of ``workers`` threads. Everything received is kept under
``folder/transfers/<trainee>/<operation id>/`` (``sip.zip``, ``atr.xml``, ``operation.json``).
"""

from __future__ import annotations

import json
import re
import socket
import ssl
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.sae.sandbox.atr_writer import vitam_guid, write_atr
from app.sae.sandbox.catalog import Catalog
from app.sae.sandbox.handler import Handler
from app.sae.sandbox.pki import Pki
from app.sae.sandbox.processing import Failure, IngestRequest, build_events, run_ingest
from app.seda.ontology import VERSIONS
from app.seda.schemas import default_store, installed_versions

CONTEXTS = {"DEFAULT_WORKFLOW": "INGEST", "BLANK_TEST": "INGEST_TEST", "HOLDING_SCHEME": "MASTERDATA",
            "FILING_SCHEME": "MASTERDATA", "BIG_WORKFLOW": "INGEST"}
OPERATION_ID = re.compile(r"^[a-z0-9]{1,64}$")


class SandboxError(Exception):
    """The sandbox cannot start; :attr:`message` says why and what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def require_schemas() -> list[str]:
    """The SEDA versions whose official XSDs are installed; SandboxError when there are none.

    Without them the engine could only warn that it did not check the schema, and a sandbox that
    answers OK to a manifest it could not check would teach trainees the wrong thing. A version
    whose schema is missing is refused per transfer (CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO).
    """
    versions = installed_versions()
    if not versions:
        raise SandboxError(Message("sandbox", QT_TRANSLATE_NOOP(
            "sandbox", "The official SEDA schemas are not installed (schema store: {store}), so the sandbox could "
                       "not check manifests and does not start. Install them with: liasse-cli schemas install "
                       "FOLDER_OR_ZIP (a copy of https://github.com/culturecommunication/seda), or liasse-cli "
                       "schemas download."), {"store": str(default_store())}))
    return versions


def missing_schemas(installed: list[str]) -> list[str]:
    """The SEDA versions the sandbox will refuse, their schema not being installed."""
    return [v for v in VERSIONS if v not in installed]


@dataclass
class SandboxConfig:
    """Settings of one sandbox; ``fault`` makes it misbehave on purpose (tests and demonstrations)."""

    folder: Path
    host: str = "127.0.0.1"
    port: int = 8443
    tenants: tuple[int, ...] = (0,)
    workers: int = 2
    max_connections: int = 32
    max_sip_bytes: int = 50 * 1024**3
    socket_timeout: float = 300.0
    processing_delay: float = 0.0
    fault: str | None = None
    """``"500"`` (VitamError before the 202), ``"drop"`` (close mid-upload), ``"hang"`` (never answer)."""
    quiet: bool = False


@dataclass
class Operation:
    """One ingest operation as the admin-external API reports it."""

    id: str
    folder: Path
    context: str
    trainee: str
    state: str = "PAUSE"
    status: str = "UNKNOWN"

    def save(self) -> None:
        """Write ``operation.json`` atomically, so a restarted sandbox still answers for it."""
        tmp = self.folder / ".operation.json.tmp"
        tmp.write_text(json.dumps({"id": self.id, "context": self.context, "trainee": self.trainee,
                                   "state": self.state, "status": self.status}), encoding="utf-8")
        tmp.replace(self.folder / "operation.json")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 64

    def __init__(self, sandbox: Sandbox, address: tuple[str, int]) -> None:
        self.sandbox = sandbox
        self.slots = threading.BoundedSemaphore(sandbox.config.max_connections)
        super().__init__(address, Handler)

    def process_request(self, request, client_address) -> None:
        # Bound concurrency: wait for a free slot before starting the connection's thread.
        self.slots.acquire()
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()

    def finish_request(self, request, client_address) -> None:
        request.settimeout(self.sandbox.config.socket_timeout)
        try:
            tls = self.sandbox.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            self.sandbox.log(f"{client_address[0]} TLS refused: {exc}")
            return
        try:
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            try:
                tls.close()
            except OSError:
                pass


class Sandbox:
    """A running (or ready to run) sandbox: :meth:`start`, then :attr:`url`, then :meth:`stop`."""

    def __init__(self, config: SandboxConfig, pki: Pki, catalog: Catalog | None = None) -> None:
        self.config = config
        self.pki = pki
        self.catalog = catalog or Catalog()
        self.trainees = pki.fingerprints()
        self.operations: dict[str, Operation] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        # As Vitam's Jetty: TLS 1.2 only, client certificate required (no certificate: handshake fails).
        self.tls.minimum_version = ssl.TLSVersion.TLSv1_2
        self.tls.maximum_version = ssl.TLSVersion.TLSv1_2
        self.tls.verify_mode = ssl.CERT_REQUIRED
        self.tls.load_cert_chain(pki.server_cert, pki.server_key)
        self.tls.load_verify_locations(cafile=str(pki.ca_cert))
        self.pool = ThreadPoolExecutor(max_workers=max(1, config.workers), thread_name_prefix="sandbox-ingest")
        self.httpd: _Server | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL (``https://127.0.0.1:PORT``) once started."""
        assert self.httpd is not None, "start() the sandbox first"
        host, port = self.httpd.server_address[:2]
        return f"https://{host}:{port}"

    def start(self) -> Sandbox:
        """Listen and serve in a background thread; SandboxError when the official schemas are missing."""
        require_schemas()
        (self.config.folder / "transfers").mkdir(parents=True, exist_ok=True)
        self.httpd = _Server(self, (self.config.host, self.config.port))
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                       name="sandbox-http", daemon=True)
        self.thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (the command-line sandbox)."""
        if self.httpd is None:
            self.start()
        try:
            while self.thread is not None and self.thread.is_alive():
                self.thread.join(0.5)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop listening, release waiting handlers, finish queued workflows."""
        self.stopping.set()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def log(self, text: str) -> None:
        """One line on stderr for the trainer (silent in tests)."""
        if not self.config.quiet:
            import sys

            print(text, file=sys.stderr, flush=True)

    # -- operations ---------------------------------------------------------------------------------
    def new_operation(self, context: str, trainee: str) -> Operation:
        """Reserve an operation id and its folder."""
        op_id = vitam_guid("operation")
        folder = self.config.folder / "transfers" / trainee / op_id
        folder.mkdir(parents=True)
        return Operation(op_id, folder, context, trainee)

    def submit(self, operation: Operation, digest: tuple[str | None, str | None]) -> None:
        """Register the operation (PAUSE/UNKNOWN, as after Vitam's 202) and queue its workflow."""
        operation.save()
        with self.lock:
            self.operations[operation.id] = operation
        self.pool.submit(self._run, operation, digest)

    def find(self, op_id: str) -> Operation | None:
        """An operation of this run, or one kept on disk by an earlier run."""
        if not OPERATION_ID.match(op_id):
            return None
        with self.lock:
            found = self.operations.get(op_id)
        if found is not None:
            return found
        for path in (self.config.folder / "transfers").glob(f"*/{op_id}/operation.json"):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            return Operation(op_id, path.parent, data.get("context", "DEFAULT_WORKFLOW"), data.get("trainee", ""),
                             data.get("state", "COMPLETED"), data.get("status", "FATAL"))
        return None

    def _run(self, operation: Operation, digest: tuple[str | None, str | None]) -> None:
        operation.state, operation.status = "RUNNING", "STARTED"
        operation.save()
        if self.config.processing_delay:
            self.stopping.wait(self.config.processing_delay)
        request = IngestRequest(operation.folder / "sip.zip", operation.id, operation.context, *digest)
        try:
            result = run_ingest(request, self.catalog)
            status = result.status
            details = ", ".join(dict.fromkeys(f.detail for f in result.failures)) or "-"
        except Exception as exc:  # the sandbox must answer, even on its own bug: FATAL, as Vitam would
            status, details = "FATAL", f"{type(exc).__name__}: {exc}"
            failure = Failure("STP_INGEST_FINALISATION.FATAL", f"Internal error of the sandbox: {details}")
            write_atr(operation.folder / "atr.xml", operation_id=operation.id, reply_code="FATAL", info=None,
                      events=build_events([failure]), test=operation.context == "BLANK_TEST")
        operation.state, operation.status = "COMPLETED", status
        operation.save()
        self.log(f"{operation.trainee} {operation.id} {status} {details}")


def wait_port_free(host: str, port: int) -> bool:
    """True if nothing listens on (host, port) (used to give a clear message before starting)."""
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) != 0
