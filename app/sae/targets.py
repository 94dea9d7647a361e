"""Vitam targets (where to send SIPs), kept in the user's config; their passphrases in the system keyring.

``targets.json`` holds URLs, tenant, workflow, application id and the paths of the client certificate
(PKCS#12, or PEM certificate + key) and CA bundle. The passphrase of the PKCS#12 file or of the key
goes to ``keyring`` (service ``liasse``, user ``target:NAME``) and never into a file.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message

CTX = "sae"
KEYRING_SERVICE = "liasse"
TARGET_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
# Vitam's header sanity rule (vitam-api.md §2.1): what X-Application-Id may contain.
APPLICATION_ID = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


class TargetError(Exception):
    """A target is missing, invalid or cannot be saved; the message says what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _error(text: str, **params: object) -> TargetError:
    return TargetError(Message(CTX, text, params))


def config_dir() -> Path:
    """The per-user configuration folder of Liasse."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / "Liasse"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / "Liasse"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "liasse"


@dataclass
class Target:
    """A Vitam platform (or sandbox) to send transfers to."""

    name: str
    ingest_url: str
    admin_url: str
    tenant: int = 0
    context: str = "DEFAULT_WORKFLOW"
    application_id: str = "liasse"
    certificate: str = ""
    """PKCS#12 file (.p12/.pfx) or PEM certificate."""
    key: str = ""
    """PEM private key when ``certificate`` is a PEM certificate."""
    ca_bundle: str = ""
    has_secret: bool = False

    def ingest_base(self) -> str:
        """``https://host:port/ingest-external/v1`` whatever form was given."""
        return _base(self.ingest_url, "/ingest-external/v1")

    def admin_base(self) -> str:
        """``https://host:port/admin-external/v1`` whatever form was given."""
        return _base(self.admin_url or self.ingest_url, "/admin-external/v1")

    def is_pkcs12(self) -> bool:
        """True when the client certificate is a PKCS#12 bundle."""
        return Path(self.certificate).suffix.lower() in (".p12", ".pfx")

    def check(self) -> None:
        """Raise :class:`TargetError` if a field cannot work."""
        if not TARGET_NAME.match(self.name):
            raise _error(QT_TRANSLATE_NOOP("sae", "The target name {name} is not valid: use letters, digits, "
                                                ". - and _."), name=self.name)
        for url in (self.ingest_url, self.admin_url or self.ingest_url):
            if not url.startswith("https://"):
                raise _error(QT_TRANSLATE_NOOP("sae", "The address {url} must start with https:// (Vitam only "
                                                    "speaks TLS)."), url=url)
        if not APPLICATION_ID.match(self.application_id):
            raise _error(QT_TRANSLATE_NOOP("sae", "The application id {value} would be refused by Vitam: use only "
                                                "letters, digits, . - and _."), value=self.application_id)
        if not self.certificate:
            raise _error(QT_TRANSLATE_NOOP("sae", "The target {name} has no client certificate: Vitam requires one."),
                         name=self.name)
        for path in (self.certificate, self.key, self.ca_bundle):
            if path and not Path(path).is_file():
                raise _error(QT_TRANSLATE_NOOP("sae", "The file {path} does not exist."), path=path)
        if not self.is_pkcs12() and not self.key:
            raise _error(QT_TRANSLATE_NOOP("sae", "A PEM certificate needs its private key (--key)."))


def _base(url: str, suffix: str) -> str:
    url = url.rstrip("/")
    for known in ("/ingest-external/v1", "/admin-external/v1"):
        if url.endswith(known):
            url = url[: -len(known)]
    return url + suffix


class TargetStore:
    """The saved targets (``targets.json`` in the config folder, written atomically)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "targets.json"

    def load(self) -> dict[str, Target]:
        """All targets by name (empty if none saved yet)."""
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _error(QT_TRANSLATE_NOOP("sae", "Cannot read the targets file {path}: {error}"),
                         path=str(self.path), error=str(exc)) from exc
        known = {f.name for f in fields(Target)}
        try:
            return {name: Target(**{k: v for k, v in item.items() if k in known}) for name, item in data.items()}
        except (AttributeError, TypeError) as exc:  # hand-edited into another shape
            raise _error(QT_TRANSLATE_NOOP("sae", "Cannot read the targets file {path}: {error}"),
                         path=str(self.path), error=str(exc)) from exc

    def get(self, name: str) -> Target:
        """The target called *name*."""
        targets = self.load()
        if name not in targets:
            raise _error(QT_TRANSLATE_NOOP("sae", "No target named {name}. Add it with: liasse-cli targets add "
                                                "{name} ..."), name=name)
        return targets[name]

    def save(self, target: Target, secret: str | None = None) -> None:
        """Add or replace *target*; a *secret* (passphrase) goes to the keyring.

        Without a new secret, a target saved with ``has_secret`` False loses the passphrase a previous
        version of it had: a secret nobody refers to any more must not linger in the keyring.
        """
        target.check()
        targets = self.load()
        if secret:
            set_secret(target.name, secret)
            target.has_secret = True
        elif not target.has_secret and target.name in targets and targets[target.name].has_secret:
            delete_secret(target.name)
        targets[target.name] = target
        self._write(targets)

    def remove(self, name: str) -> bool:
        """Forget a target and its keyring secret; False if it did not exist."""
        targets = self.load()
        if name not in targets:
            return False
        if targets.pop(name).has_secret:
            delete_secret(name)
        self._write(targets)
        return True

    def _write(self, targets: dict[str, Target]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".targets.", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({n: asdict(t) for n, t in sorted(targets.items())}, out, indent=2, ensure_ascii=False)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _keyring():
    import keyring

    return keyring


def set_secret(name: str, secret: str) -> None:
    """Store the passphrase of target *name* in the system keyring."""
    from keyring.errors import KeyringError

    try:
        _keyring().set_password(KEYRING_SERVICE, f"target:{name}", secret)
    except (KeyringError, RuntimeError) as exc:
        raise _error(QT_TRANSLATE_NOOP("sae", "Cannot store the passphrase in the system keyring ({error}). The "
                                            "passphrase is never written to a file: install or unlock a keyring."),
                     error=str(exc)) from exc


def get_secret(name: str) -> str | None:
    """The passphrase of target *name*, or None."""
    from keyring.errors import KeyringError

    try:
        return _keyring().get_password(KEYRING_SERVICE, f"target:{name}")
    except (KeyringError, RuntimeError) as exc:
        raise _error(QT_TRANSLATE_NOOP("sae", "Cannot read the passphrase of target {name} from the system keyring: "
                                            "{error}"), name=name, error=str(exc)) from exc


def delete_secret(name: str) -> None:
    """Remove the passphrase of target *name* from the keyring (ignore if absent)."""
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        _keyring().delete_password(KEYRING_SERVICE, f"target:{name}")
    except (PasswordDeleteError, KeyringError, RuntimeError):
        pass
