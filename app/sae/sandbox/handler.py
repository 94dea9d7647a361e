"""Request handling of the sandbox: Vitam's filters (tenant, certificate, header sanity), then the routes.

Routes: ``POST /ingest-external/v1/ingests``, ``GET /ingest-external/v1/ingests/{id}/archivetransferreply``
and ``.../manifests``, ``GET /ingest-external/v1/status``, ``HEAD|GET /admin-external/v1/operations/{id}``.
Errors use Vitam's VitamError JSON; an unknown workflow gets 503 with an ATR KO, as Vitam does.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import socket
import zipfile
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

from app.sae.sandbox.atr_writer import vitam_guid, write_atr
from app.sae.sandbox.pki import fingerprint
from app.sae.sandbox.processing import Failure, build_events
from app.seda.validation.package import MANIFEST_NAME

if TYPE_CHECKING:
    from app.sae.sandbox.server import Sandbox

HEADER_NAME = re.compile(r"^[a-zA-Z0-9\-_]{1,50}$")
HEADER_VALUE = re.compile(r"^((?![\.]{2})[a-zA-Z0-9()\-=\*\.\?;,+\/:&_ ])*$")
CHUNK = 1 << 20
DRAIN_LIMIT = 1 << 30
INGESTS = "/ingest-external/v1/ingests"
OPERATIONS = "/admin-external/v1/operations/"


def vitam_error(http: int, code: str, context: str, state: str, message: str, description: str) -> bytes:
    """A VitamError body."""
    return json.dumps({"httpCode": http, "code": code, "context": context, "state": state, "message": message,
                       "description": description}).encode()


class _BodyTooLarge(Exception):
    pass


class Handler(BaseHTTPRequestHandler):
    """One connection (HTTP/1.1 keep-alive) of a sandbox client."""

    protocol_version = "HTTP/1.1"
    server_version = "LiasseSandbox"
    sys_version = ""

    @property
    def sandbox(self) -> Sandbox:
        return self.server.sandbox  # type: ignore[attr-defined]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        self.sandbox.log(f"{self.client_address[0]} {self._trainee or '-'} {format % args}")

    # -- responses ------------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes = b"", content_type: str = "application/json",
              headers: dict[str, str] | None = None, *, close: bool = False) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if body or status not in (204, 304):
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)) if status != 204 else "0")
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, code: str, message: str, description: str, state: str = "code_vitam",
               context: str = "External Ingest") -> None:
        self._send(status, vitam_error(status, code, context, state, message, description), close=self._unread())

    def _unread(self) -> bool:
        """Drain a request body we are refusing (keep-alive stays usable); close if it is too large."""
        length = self.headers.get("Content-Length")
        if self.command not in ("POST", "PUT") or getattr(self, "_body_read", False):
            return False
        if length is None or not length.isdigit() or int(length) > DRAIN_LIMIT:
            return True
        try:
            for _chunk in self._read_exactly(int(length)):
                pass
        except OSError:
            return True
        self._body_read = True
        return False

    # -- filters ----------------------------------------------------------------------------------------
    _trainee: str | None = None

    def _filters(self) -> bool:
        """Vitam's filter chain; False when a response was already sent."""
        self._body_read = False
        der = self.connection.getpeercert(binary_form=True) if hasattr(self.connection, "getpeercert") else None
        self._trainee = self.sandbox.trainees.get(fingerprint(der)) if der else None
        if self.path.rstrip("/") == "/ingest-external/v1/status":
            return True
        tenant = self.headers.get("X-Tenant-Id", "")
        if not re.fullmatch(r"-?\d{1,9}", tenant.strip()):
            self._send(412, b'{"Error":"X-Tenant-Id check failed!"}', close=self._unread())
            return False
        if int(tenant) not in self.sandbox.config.tenants:
            self._send(401, b'{"Error":"X-Tenant-Id check failed!"}', close=self._unread())
            return False
        if self._trainee is None:
            self._error(401, "000700", "Internal Security Filter Unauthorized",
                        "Certificate revoked or not found in database.", "INTERNAL_SECURITY_UNAUTHORIZED",
                        context="IngestExternal")
            return False
        for name, value in self.headers.items():
            if not HEADER_NAME.match(name) or not HEADER_VALUE.match(value) or len(value) > 5000:
                self._error(412, "PRECONDITION_FAILED", "Precondition Failed",
                            f"Header {name!r} has characters Vitam refuses.", context="CHECK_SANITY")
                return False
        return True

    # -- routes -----------------------------------------------------------------------------------------
    def do_HEAD(self) -> None:  # noqa: N802 - name fixed by BaseHTTPRequestHandler
        if not self._filters():
            return
        if self.path.startswith(OPERATIONS):
            self._operation(head=True)
        else:
            self._send(404)

    def do_GET(self) -> None:  # noqa: N802
        if not self._filters():
            return
        path = self.path.split("?", 1)[0].rstrip("/")
        if path == "/ingest-external/v1/status":
            self._send(204)
        elif path.startswith(OPERATIONS):
            self._operation(head=False)
        elif path.startswith(INGESTS + "/") and path.count("/") == 5:
            op_id, kind = path[len(INGESTS) + 1:].split("/")
            self._download(op_id, kind)
        else:
            self._error(404, "NOT_FOUND", "Not Found", f"No such resource: {path}", context="ingest")

    def do_POST(self) -> None:  # noqa: N802
        if not self._filters():
            return
        if self.path.split("?", 1)[0].rstrip("/") != INGESTS:
            self._error(404, "NOT_FOUND", "Not Found", f"No such resource: {self.path}", context="ingest")
            return
        content_type = self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if content_type == "application/json":
            self._error(401, "000700", "Internal Security Filter Unauthorized", "Access denied.",
                        "INTERNAL_SECURITY_UNAUTHORIZED", context="IngestExternal")
            return
        if content_type != "application/octet-stream":
            self._error(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type",
                        "The SIP must be sent as application/octet-stream.")
            return
        action = self.headers.get("X-Action", "").upper()
        if action not in ("RESUME", "NEXT"):
            self._error(412, "040101", "Ingest external precondition failed",
                        "X-Action must be RESUME (or NEXT).", "Validation")
            return
        context = self.headers.get("X-Context-Id", "")
        if context not in self._contexts():
            self._unknown_workflow(context)
            return
        self._ingest(context)

    def _contexts(self) -> dict[str, str]:
        from app.sae.sandbox.server import CONTEXTS

        return CONTEXTS

    def _unknown_workflow(self, context: str) -> None:
        """503 + ATR KO built like Vitam's ATR_KO_DEFAULT (ReplyCode KO, STP_UPLOAD_SIP.KO)."""
        close = self._unread()
        op_id = vitam_guid("operation")
        folder = self.sandbox.config.folder / "transfers" / "_refused"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{op_id}.xml"
        failure = Failure("STP_UPLOAD_SIP.KO", f"Unknown workflow (X-Context-Id) {context!r}.")
        write_atr(path, operation_id=op_id, reply_code="KO", info=None, events=build_events([failure]))
        headers = {"X-Request-Id": op_id, "X-Global-Execution-State": "COMPLETED",
                   "X-Global-Execution-Status": "FATAL"}
        self._send(503, path.read_bytes(), "application/octet-stream", headers, close=close)

    def _ingest(self, context: str) -> None:
        config = self.sandbox.config
        operation = self.sandbox.new_operation(context, self._trainee or "unknown")
        part = operation.folder / "sip.zip.part"
        try:
            size = self._receive(part)
        except _BodyTooLarge:
            shutil.rmtree(operation.folder, ignore_errors=True)
            self._error(413, "040104", "Ingest external bad request",
                        f"The SIP is larger than this sandbox accepts ({config.max_sip_bytes} bytes).")
            return
        except (OSError, ValueError) as exc:  # client gone mid-upload: nothing was received
            shutil.rmtree(operation.folder, ignore_errors=True)
            self.close_connection = True
            self.sandbox.log(f"{self.client_address[0]} upload aborted: {exc}")
            return
        if config.fault == "500":
            shutil.rmtree(operation.folder, ignore_errors=True)
            self._error(500, "040105", "Ingest external internal server error", "Fault injected by the sandbox.",
                        "Input / Output")
            return
        part.replace(operation.folder / "sip.zip")
        self.sandbox.submit(operation, (self.headers.get("X-Manifest-Digest-Algo"),
                                        self.headers.get("X-Manifest-Digest-Value")))
        self.sandbox.log(f"{self._trainee} {operation.id} received {size} bytes ({context})")
        self._send(202, headers={"X-Request-Id": operation.id, "X-Global-Execution-State": "PAUSE",
                                 "X-Global-Execution-Status": "UNKNOWN"})

    def _receive(self, dest) -> int:
        """Stream the body (Content-Length or chunked) to *dest* in 1 MiB chunks; return its size."""
        config = self.sandbox.config
        total = 0
        with open(dest, "wb") as out:
            for chunk in self._body_chunks():
                total += len(chunk)
                if total > config.max_sip_bytes:
                    raise _BodyTooLarge()
                if config.fault == "drop" and total > 0:
                    # Read a little, then vanish: what a crashed proxy or server looks like to the client.
                    self.connection.shutdown(socket.SHUT_RDWR)
                    raise OSError("connection dropped on purpose (fault=drop)")
                if config.fault == "hang":
                    self.sandbox.stopping.wait(config.socket_timeout)
                    raise OSError("no answer on purpose (fault=hang)")
                out.write(chunk)
        self._body_read = True
        return total

    def _body_chunks(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                line = self.rfile.readline(1024)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return
                yield from self._read_exactly(size)
                self.rfile.readline(16)
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise ValueError("no Content-Length")
        if int(length) > self.sandbox.config.max_sip_bytes:
            raise _BodyTooLarge()
        yield from self._read_exactly(int(length))

    def _read_exactly(self, size: int):
        """*size* bytes of the body in chunks of at most 1 MiB; OSError if the client goes away first."""
        remaining = size
        while remaining > 0:
            data = self.rfile.read(min(CHUNK, remaining))
            if not data:
                raise OSError("connection closed during the upload")
            remaining -= len(data)
            yield data

    def _operation(self, head: bool) -> None:
        op_id = self.path.split("?", 1)[0].rstrip("/")[len(OPERATIONS):]
        if not re.fullmatch(r"[a-z0-9]{1,64}", op_id):
            self._error(412, "PRECONDITION_FAILED", "Precondition Failed", "Invalid operation id.",
                        context="CHECK_SANITY")
            return
        operation = self.sandbox.find(op_id)
        if operation is None:
            if head:
                self._send(204)
            else:
                self._error(404, "NOT_FOUND", "Not Found", f"Unknown operation {op_id}.", context="ingest")
            return
        from app.sae.sandbox.server import CONTEXTS

        state, status = operation.state, operation.status
        http = 200 if state == "COMPLETED" else 202
        headers = {"X-Global-Execution-State": state, "X-Global-Execution-Status": status,
                   "X-Context-Id": CONTEXTS.get(operation.context, "INGEST"), "X-Request-Id": op_id}
        body = b""
        if not head:
            meter = [0] * 7
            meter[["UNKNOWN", "STARTED", "ALREADY_EXECUTED", "OK", "WARNING", "KO", "FATAL"].index(status)] = 1
            body = json.dumps({"httpCode": http, "$hits": {"total": 1, "offset": 0, "limit": 0, "size": 1},
                               "$results": [{"itemId": op_id, "message": "", "globalStatus": status,
                                             "statusMeter": meter, "data": {}, "itemsStatus": {},
                                             "subTaskStatus": {}, "globalState": state, "lifecycleEnable": True}],
                               "$facetResults": [], "$context": {}}).encode()
        self._send(http, body, headers=headers)

    def _download(self, op_id: str, kind: str) -> None:
        operation = self.sandbox.find(op_id)
        if kind not in ("archivetransferreply", "manifests"):
            self._error(400, "040104", "Ingest external bad request", f"Unknown collection {kind}.")
            return
        atr = operation.folder / "atr.xml" if operation is not None else None
        if operation is None or operation.state != "COMPLETED" or atr is None or not atr.exists():
            self._error(404, "NOT_FOUND", "Not Found", f"No {kind} for operation {op_id} (yet).", context="ingest")
            return
        if kind == "archivetransferreply":
            self._stream_file(atr.open("rb"), atr.stat().st_size)
            return
        try:
            zf = zipfile.ZipFile(operation.folder / "sip.zip")
        except (OSError, zipfile.BadZipFile):
            zf = None
        with zf or contextlib.nullcontext():
            names = [n for n in zf.namelist() if MANIFEST_NAME.match(n)] if zf is not None else []
            if not names:
                self._error(404, "NOT_FOUND", "Not Found", f"No manifest for operation {op_id}.", context="ingest")
                return
            self._stream_file(zf.open(names[0]), zf.getinfo(names[0]).file_size)

    def _stream_file(self, stream, size: int) -> None:
        with stream:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            shutil.copyfileobj(stream, self.wfile, CHUNK)
