"""Send a SIP to Vitam (or the sandbox): streamed upload, operation polling, ATR, history.

:func:`send_sip` is the whole transfer for the CLI and the GUI (run it in a worker):
``POST /ingest-external/v1/ingests`` (one streamed ``application/octet-stream`` body, progress and
cancel between 1 MiB chunks), ``HEAD /admin-external/v1/operations/{id}`` until COMPLETED, then
``GET .../archivetransferreply``, saved beside the history and parsed. TLS is always verified
(the target's CA bundle, or the system's), with the target's client certificate; no call can turn
verification off, and redirects are never followed (an archive does not redirect an ingest).
Whatever goes wrong, the history record ends ``failed`` (or stays re-pollable once Vitam gave an
operation id) and the caller gets a :class:`SendError` with a readable message.
"""

from __future__ import annotations

import hashlib
import os
import re
import ssl
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.tasks import Cancelled, CancelToken, Progress, no_progress
from app.sae.atr import AtrError, AtrSummary, parse_atr, parse_atr_bytes
from app.sae.history import History, TransferRecord, sending_owner
from app.sae.targets import Target, TargetError, get_secret
from app.seda.validation.package import MANIFEST_NAME

CTX = "sae"
CHUNK = 1 << 20
OPERATION_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
"""What an operation id (Vitam GUID) may be: it names the ATR file, so never a path."""


class SendError(Exception):
    """The transfer failed; :attr:`message` says what happened and what to do."""

    def __init__(self, message: Message, *, atr: AtrSummary | None = None) -> None:
        super().__init__(message.render())
        self.message = message
        self.atr = atr


def _msg(source: str, **params: object) -> Message:
    return Message(CTX, source, params)


@dataclass
class Timeouts:
    """Seconds: connect, read (long: Vitam answers only once the whole SIP is stored), polling."""

    connect: float = 15.0
    read: float = 3600.0
    poll_interval: float = 1.0
    poll_max_interval: float = 5.0
    poll_total: float = 3600.0


# -- TLS ------------------------------------------------------------------------------------------
class _TlsAdapter(HTTPAdapter):
    """Every connection uses our context (client certificate, TLS 1.2+) and verifies the server."""

    def __init__(self, context: ssl.SSLContext, verify: str | bool) -> None:
        self._context = context
        self._verify = verify
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_context"] = self._context
        return super().init_poolmanager(*args, **kwargs)

    def send(self, request, **kwargs):  # noqa: D102 - requests API
        # A caller's verify=False (or a stray environment setting) must never reach the connection.
        kwargs["verify"] = self._verify
        return super().send(request, **kwargs)


def _target_error(target: Target, error: object) -> SendError:
    return SendError(_msg(QT_TRANSLATE_NOOP(
        "sae", "Cannot load the client certificate of target {target}: {error}. Check the file and its "
             "passphrase (liasse-cli targets add ... --ask-passphrase)."), target=target.name, error=str(error)))


_STORED = object()


@contextmanager
def session_for(target: Target, secret: str | None | object = _STORED) -> Iterator[requests.Session]:
    """A session that verifies the server (target CA or system store) and presents the client certificate.

    The certificate's passphrase is the one in the keyring, unless *secret* gives it (a target being
    edited and not saved yet: the passphrase typed in the form).
    """
    try:
        context = ssl.create_default_context(cafile=target.ca_bundle or None)
    except (ssl.SSLError, OSError) as exc:
        raise SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Cannot read the CA bundle {path} of target {target}: {error}"), path=target.ca_bundle,
            target=target.name, error=str(exc))) from exc
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # create_default_context verifies; say so explicitly, since the whole transfer's safety rests on it.
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    if secret is _STORED:
        try:
            secret = get_secret(target.name) if target.has_secret else None
        except TargetError as exc:
            raise SendError(exc.message) from exc
    with tempfile.TemporaryDirectory(prefix="liasse-tls-") as tmp:
        try:
            if target.is_pkcs12():
                cert, key, password = _pkcs12_to_pem(Path(target.certificate), secret, Path(tmp))
                context.load_cert_chain(cert, key, password=password)
            else:
                context.load_cert_chain(target.certificate, target.key, password=secret)
        except (ssl.SSLError, ValueError, TypeError, OSError) as exc:
            raise _target_error(target, exc) from exc
        session = requests.Session()
        # An environment REQUESTS_CA_BUNDLE must not silently replace the target's CA; proxies are not used
        # for the archive (they would break client-certificate authentication anyway).
        session.trust_env = False
        session.verify = target.ca_bundle or True
        session.max_redirects = 0
        session.mount("https://", _TlsAdapter(context, session.verify))
        session.mount("http://", _Refused())
        try:
            yield session
        finally:
            session.close()


def _pkcs12_to_pem(path: Path, secret: str | None, folder: Path) -> tuple[str, str, bytes]:
    """Convert a PKCS#12 file for ``ssl``: the key is re-encrypted with a one-time password, never in clear."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, cert, extra = pkcs12.load_key_and_certificates(path.read_bytes(), secret.encode() if secret else None)
    if key is None or cert is None:
        raise ValueError("the PKCS#12 file holds no private key or no certificate")
    password = os.urandom(24).hex().encode()
    cert_path, key_path = folder / "client.pem", folder / "client-key.pem"
    chain = cert.public_bytes(serialization.Encoding.PEM) + b"".join(
        c.public_bytes(serialization.Encoding.PEM) for c in extra or [])
    cert_path.write_bytes(chain)
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.BestAvailableEncryption(password)))
    return str(cert_path), str(key_path), password


class _Refused(HTTPAdapter):
    """Plain HTTP is never used for an archive (targets are checked to be https://)."""

    def send(self, request, **kwargs):  # noqa: D102 - requests API
        raise requests.exceptions.InvalidURL(f"not an https:// address: {request.url}")


# -- upload body ----------------------------------------------------------------------------------
class _SipUnreadable(Exception):
    """The SIP file could not be read to the end during the upload (not OSError: urllib3 would hide it)."""


class _Body:
    """The SIP as an iterable of 1 MiB chunks with a length (so requests sends Content-Length, not chunked).

    Exactly the announced length is sent: a file that grows or shrinks during the upload would otherwise
    corrupt the request, and memory stays at one chunk whatever the SIP's size.
    """

    def __init__(self, path: Path, progress: Progress, cancel: CancelToken | None) -> None:
        self.path = path
        self.size = path.stat().st_size
        self.progress = progress
        self.cancel = cancel

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[bytes]:
        done = 0
        self.progress(0, self.size)
        try:
            with self.path.open("rb") as stream:
                while done < self.size:
                    if self.cancel is not None:
                        self.cancel.check()
                    chunk = stream.read(min(CHUNK, self.size - done))
                    if not chunk:
                        raise _SipUnreadable(f"{self.path} became shorter during the upload")
                    yield chunk
                    done += len(chunk)
                    self.progress(done, self.size)
        except OSError as exc:
            raise _SipUnreadable(str(exc)) from exc


def manifest_digest(sip: Path) -> tuple[str, str] | None:
    """(``SHA-512``, hex) of the manifest inside a zip SIP, for the X-Manifest-Digest-* headers."""
    try:
        with zipfile.ZipFile(sip) as zf:
            names = [n for n in zf.namelist() if MANIFEST_NAME.match(n)]
            if len(names) != 1:
                return None  # Vitam refuses the package anyway; let it say why
            digest = hashlib.sha512()
            with zf.open(names[0]) as stream:
                for chunk in iter(lambda: stream.read(CHUNK), b""):
                    digest.update(chunk)
            return "SHA-512", digest.hexdigest()
    except (OSError, zipfile.BadZipFile):
        return None


# -- HTTP errors ----------------------------------------------------------------------------------
def _vitam_error(response: requests.Response) -> tuple[str, str, str]:
    try:
        data = response.json()
    except ValueError:
        return "", "", response.text[:300].strip()
    if isinstance(data, dict):
        return str(data.get("code", "")), str(data.get("message", "")), str(data.get("description")
                                                                            or data.get("Error") or "")
    return "", "", ""


def error_for_response(response: requests.Response, target: Target) -> SendError:
    """A readable :class:`SendError` for a non-2xx answer (VitamError JSON, 503 with an ATR KO...)."""
    status = response.status_code
    code, text, description = _vitam_error(response)
    if status == 503 and response.content.lstrip().startswith(b"<"):
        try:
            atr = parse_atr_bytes(response.content)
        except AtrError:
            atr = None
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Vitam refused the transfer (503): the workflow {context} is unknown or unavailable on this "
                 "platform. Check the context of target {target}."), context=target.context, target=target.name),
            atr=atr)
    if status == 401:
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Access refused (401): the client certificate, the tenant {tenant} or the security context of "
                 "target {target} is not accepted by Vitam ({detail}). Ask the Vitam administrators to check them."),
            tenant=target.tenant, target=target.name, detail=description or text or code))
    if status == 412:
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Request refused (412): Vitam rejected a header (tenant, workflow, application id...): {detail}"),
            detail=description or text or code))
    if status == 413:
        return SendError(_msg(QT_TRANSLATE_NOOP("sae", "The SIP is too large for this server (413): {detail}"),
                              detail=description or text))
    if code or text:
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Vitam answered {status} with error {code}: {error} ({detail}). The transfer was not accepted."),
            status=status, code=code, error=text, detail=description))
    return SendError(_msg(QT_TRANSLATE_NOOP(
        "sae", "Unexpected answer {status} from {url}. The transfer was not accepted."),
        status=status, url=response.url))


def error_for_exception(exc: requests.RequestException, url: str, timeouts: Timeouts) -> SendError:
    """A readable :class:`SendError` for a network failure."""
    if isinstance(exc, requests.exceptions.SSLError):
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Secure connection to {url} failed: {error}. Check the CA bundle of the target (the server's "
                 "certificate must be trusted) and its client certificate."), url=url, error=_short(exc)))
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "No connection to {url} within {seconds} s. Check the address and the network."),
            url=url, seconds=int(timeouts.connect)))
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "No answer from {url} within {seconds} s: the transfer is not confirmed. Look for it in Vitam "
                 "before sending it again."), url=url, seconds=int(timeouts.read)))
    text = str(exc)
    if "refused" in text.lower():
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Cannot connect to {url}: connection refused. Is the server running, and is the address right?"),
            url=url))
    if isinstance(exc, requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError):
        return SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "The connection to {url} was lost during the transfer ({error}): the SIP was not received. "
                 "Send it again."), url=url, error=_short(exc)))
    return SendError(_msg(QT_TRANSLATE_NOOP("sae", "Network error with {url}: {error}"), url=url, error=_short(exc)))


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) < 300 else text[:297] + "..."


# -- protocol steps -------------------------------------------------------------------------------
def _headers(target: Target, **extra: str) -> dict[str, str]:
    return {"X-Tenant-Id": str(target.tenant), "X-Application-Id": target.application_id, **extra}


def upload(session: requests.Session, target: Target, sip: Path, *, test: bool = False,
           progress: Progress = no_progress, cancel: CancelToken | None = None,
           timeouts: Timeouts | None = None) -> str:
    """POST the SIP; return the operation id (``X-Request-Id`` of the 202)."""
    timeouts = timeouts or Timeouts()
    url = f"{target.ingest_base()}/ingests"
    headers = _headers(target, **{"X-Context-Id": "BLANK_TEST" if test else target.context, "X-Action": "RESUME",
                                  "Content-Type": "application/octet-stream", "Accept": "application/xml"})
    digest = manifest_digest(sip)
    if digest is not None:
        headers["X-Manifest-Digest-Algo"], headers["X-Manifest-Digest-Value"] = digest
    try:
        response = session.post(url, data=_Body(sip, progress, cancel), headers=headers,
                                timeout=(timeouts.connect, timeouts.read), allow_redirects=False)
    except _SipUnreadable as exc:
        raise SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "The SIP {path} could not be read to the end during the upload ({error}); it was not received. "
                 "Do not change the file while it is sent, then send it again."), path=str(sip),
            error=str(exc))) from exc
    except requests.RequestException as exc:
        if isinstance(exc.__context__, Cancelled) or (cancel is not None and cancel.cancelled):
            raise Cancelled() from exc
        raise error_for_exception(exc, url, timeouts) from exc
    if response.status_code != 202:
        raise error_for_response(response, target)
    operation = response.headers.get("X-Request-Id", "")
    if not OPERATION_ID.match(operation):
        raise SendError(_msg(QT_TRANSLATE_NOOP(
            "sae", "Vitam answered 202 but gave no usable operation id (X-Request-Id: {value}); the transfer "
                 "cannot be followed. Look for it in Vitam before sending it again."), value=operation[:100] or "-"))
    return operation


def operation_state(session: requests.Session, target: Target, operation: str,
                    timeouts: Timeouts | None = None) -> tuple[str, str]:
    """(``X-Global-Execution-State``, ``X-Global-Execution-Status``) of the operation."""
    timeouts = timeouts or Timeouts()
    url = f"{target.admin_base()}/operations/{_checked(operation)}"
    try:
        response = session.head(url, headers=_headers(target), timeout=(timeouts.connect, 60), allow_redirects=False)
    except requests.RequestException as exc:
        raise error_for_exception(exc, url, timeouts) from exc
    if response.status_code == 204:
        raise SendError(_msg(QT_TRANSLATE_NOOP("sae", "Vitam does not know the operation {operation}."),
                             operation=operation))
    if response.status_code not in (200, 202):
        raise error_for_response(response, target)
    state = response.headers.get("X-Global-Execution-State", "")
    if response.status_code == 200 and not state:
        state = "COMPLETED"  # 200 is Vitam's "completed" even if a proxy dropped the header
    return state, response.headers.get("X-Global-Execution-Status", "")


def wait_completed(session: requests.Session, target: Target, operation: str, *, cancel: CancelToken | None = None,
                   timeouts: Timeouts | None = None) -> bool:
    """Poll until the operation is COMPLETED (True) or the polling time is over (False)."""
    timeouts = timeouts or Timeouts()
    deadline = time.monotonic() + timeouts.poll_total
    interval = timeouts.poll_interval
    while True:
        state, status = operation_state(session, target, operation, timeouts)
        if state == "COMPLETED" or (state == "PAUSE" and status not in ("", "UNKNOWN")):
            return True
        if time.monotonic() + interval > deadline:
            return False
        for _ in range(max(1, int(interval * 10))):
            if cancel is not None:
                cancel.check()
            time.sleep(interval / max(1, int(interval * 10)))
        interval = min(interval * 1.5, timeouts.poll_max_interval)


def download_atr(session: requests.Session, target: Target, operation: str, dest: Path,
                 timeouts: Timeouts | None = None) -> AtrSummary:
    """GET the ATR, stream it to *dest* atomically, and parse it."""
    timeouts = timeouts or Timeouts()
    url = f"{target.ingest_base()}/ingests/{_checked(operation)}/archivetransferreply"
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with session.get(url, headers=_headers(target, Accept="application/octet-stream"), stream=True,
                         timeout=(timeouts.connect, 300), allow_redirects=False) as response:
            if response.status_code != 200:
                raise error_for_response(response, target)
            fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".atr.", suffix=".xml")
            try:
                with os.fdopen(fd, "wb") as out:
                    # iter_content, not .raw: a gzip-encoded reply is decoded; one chunk in memory at a time.
                    for chunk in response.iter_content(CHUNK):
                        out.write(chunk)
                os.replace(tmp, dest)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
    except requests.RequestException as exc:
        raise error_for_exception(exc, url, timeouts) from exc
    try:
        return parse_atr(dest)
    except AtrError as exc:
        raise SendError(exc.message) from exc


def _checked(operation: str) -> str:
    """*operation* if it has the shape of an operation id (it is used in URLs and file names)."""
    if not OPERATION_ID.match(operation):
        raise SendError(_msg(QT_TRANSLATE_NOOP("sae", "The operation id {value} is not valid."),
                             value=operation[:100]))
    return operation


# -- the whole transfer ---------------------------------------------------------------------------
def _unexpected(exc: BaseException) -> SendError:
    """A SendError for what no step foresaw (a local file error, a library error): never a traceback."""
    if isinstance(exc, TargetError):
        return SendError(exc.message)
    return SendError(_msg(QT_TRANSLATE_NOOP("sae", "The transfer failed: {error}"),
                          error=f"{type(exc).__name__}: {_short(exc)}"))


def _fail(history: History, record: TransferRecord, error: SendError, status: str = "failed") -> None:
    record.status = status
    record.error = {"context": error.message.context, "text": error.message.text,
                    "params": {k: str(v) for k, v in error.message.params.items()}}
    history.save(record)


def send_sip(target: Target, sip: str | os.PathLike[str], *, test: bool = False, progress: Progress = no_progress,
             cancel: CancelToken | None = None, wait: bool = True, history: History | None = None,
             timeouts: Timeouts | None = None) -> TransferRecord:
    """Send *sip* to *target* and (if *wait*) fetch its ATR; every step is recorded in the history.

    Returns the final record (``status`` OK/WARNING/KO/FATAL, ``accepted`` when not waiting, ``timeout``
    when still running). Raises :class:`SendError` (recorded as ``failed``) or ``Cancelled``.
    """
    history = history or History()
    path = Path(sip)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SendError(_msg(QT_TRANSLATE_NOOP("sae", "Cannot read the SIP {path}: {error}"), path=str(path),
                             error=exc.strerror or str(exc))) from exc
    record = history.save(TransferRecord(sip=str(path.resolve()), sip_size=size, target=target.name, test=test,
                                         owner=sending_owner()))
    try:
        with session_for(target) as session:
            record.operation_id = upload(session, target, path, test=test, progress=progress, cancel=cancel,
                                         timeouts=timeouts)
            record.status = "accepted"
            history.save(record)
            if wait:
                _finish(session, target, record, history, cancel, timeouts)
    except Cancelled:
        if record.status == "sending":
            _fail(history, record, SendError(_msg(QT_TRANSLATE_NOOP("sae", "Cancelled before the SIP was received."))))
        raise
    except SendError as exc:
        # Once Vitam gave an operation id, a later error (polling, ATR download) leaves it re-pollable.
        _fail(history, record, exc, "timeout" if record.status == "accepted" else "failed")
        raise
    except Exception as exc:
        error = _unexpected(exc)
        _fail(history, record, error, "timeout" if record.status == "accepted" else "failed")
        raise error from exc
    except BaseException:  # KeyboardInterrupt, SystemExit: never leave a transfer "sending"
        if record.status == "sending":
            _fail(history, record, SendError(_msg(QT_TRANSLATE_NOOP("sae", "Interrupted before the SIP was "
                                                                           "received."))))
        raise
    return record


def poll_transfer(target: Target, record: TransferRecord, *, history: History | None = None,
                  cancel: CancelToken | None = None, timeouts: Timeouts | None = None) -> TransferRecord:
    """Poll again a transfer that was accepted or timed out, and fetch its ATR once completed."""
    history = history or History()
    if not record.operation_id:
        raise SendError(_msg(QT_TRANSLATE_NOOP("sae", "This transfer never reached the archive: send it again.")))
    try:
        with session_for(target) as session:
            _finish(session, target, record, history, cancel, timeouts)
    except SendError as exc:
        _fail(history, record, exc, "timeout")
        raise
    except (Cancelled, KeyboardInterrupt):
        raise  # the record keeps its re-pollable status
    except Exception as exc:
        error = _unexpected(exc)
        _fail(history, record, error, "timeout")
        raise error from exc
    return record


def _finish(session: requests.Session, target: Target, record: TransferRecord, history: History,
            cancel: CancelToken | None, timeouts: Timeouts | None) -> None:
    if not wait_completed(session, target, record.operation_id, cancel=cancel, timeouts=timeouts):
        record.status = "timeout"
        record.error = None
        history.save(record)
        return
    dest = history.atr_dir / f"{_checked(record.operation_id)}.xml"
    summary = download_atr(session, target, record.operation_id, dest, timeouts)
    record.atr = str(dest)
    record.status = summary.outcome
    record.error = None
    history.save(record)


def record_summary(record: TransferRecord) -> AtrSummary | None:
    """The parsed ATR of a record, if it has one."""
    if not record.atr or not Path(record.atr).exists():
        return None
    try:
        return parse_atr(Path(record.atr))
    except AtrError:
        return None
