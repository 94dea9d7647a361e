"""Fixtures for the transfer tests: an in-memory keyring, generated certificates, a running sandbox, SIPs."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.sae.sandbox.catalog import Catalog
from app.sae.sandbox.pki import Pki, ensure_pki
from app.sae.sandbox.server import Sandbox, SandboxConfig
from app.sae.targets import Target, TargetStore
from tests.conftest import CORPUS

REFERENTIALS = CORPUS / "seda" / "referentials"
MAIL_SIP = CORPUS / "seda" / "sip" / "valid" / "seda-2.2" / "WARNING_SIP_mail_Seda2.2.zip"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in the test's memory (never the system keyring)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pki(tmp_path_factory) -> Pki:
    """CA, server and trainee certificates, generated once for the session."""
    return ensure_pki(tmp_path_factory.mktemp("pki"), ["alice", "bob"])


@pytest.fixture(scope="session")
def referentials(tmp_path_factory) -> Catalog:
    """The corpus contracts, an agencies CSV with the demo agencies, and the corpus rules minus HOL-00002."""
    folder = tmp_path_factory.mktemp("refs")
    agencies = folder / "agencies.csv"
    agencies.write_text("Identifier,Name,Description\nService_producteur,Producteur,d\nService_versant,Versant,d\n"
                        "Identifier4,Archives,d\nIdentifier5,Versant,d\n", encoding="utf-8")
    rules = folder / "rules.csv"
    source = (REFERENTIALS / "rules" / "jeu_donnees_OK_regles_CSV_regles.csv").read_text(encoding="utf-8")
    rules.write_text("\n".join(line for line in source.split("\n") if not line.startswith("HOL-00002")),
                     encoding="utf-8")
    return Catalog.load([REFERENTIALS / "contracts" / "referential_contracts_ok.json"], [agencies, rules])


@pytest.fixture
def make_sandbox(tmp_path, pki, referentials) -> Iterator[Callable[..., Sandbox]]:
    """Start sandboxes on 127.0.0.1 (ephemeral port); all are stopped at the end of the test."""
    started: list[Sandbox] = []

    def make(**options) -> Sandbox:
        config = SandboxConfig(tmp_path / f"sandbox{len(started)}", port=0, quiet=True,
                               socket_timeout=options.pop("socket_timeout", 10), **options)
        sandbox = Sandbox(config, pki, referentials).start()
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()


@pytest.fixture
def sandbox(make_sandbox) -> Sandbox:
    return make_sandbox()


def target_for(sandbox: Sandbox, pki: Pki, name: str = "sandbox", trainee: str = "alice", **fields) -> Target:
    """A saved target using the trainee's PKCS#12 (passphrase in the keyring) and the sandbox CA."""
    client = pki.clients[trainee]
    target = Target(name, f"{sandbox.url}/ingest-external/v1", sandbox.url, certificate=str(client.p12),
                    ca_bundle=str(pki.ca_cert), **fields)
    TargetStore().save(target, client.password)
    return target


@pytest.fixture(scope="session")
def built_sip(tmp_path_factory) -> Path:
    """A valid SIP made by the engine (scan + demonstration context + export)."""
    from app.seda.context import demo_context
    from app.seda.scanner import ScanOptions, scan_folder
    from app.seda.sip import ExportOptions, export_sip

    folder = tmp_path_factory.mktemp("files") / "Dossier"
    (folder / "Courriers").mkdir(parents=True)
    (folder / "Courriers" / "lettre.txt").write_text("Bonjour\n", encoding="utf-8")
    (folder / "note.txt").write_text("Une note\n", encoding="utf-8")
    scan = scan_folder(folder, ScanOptions(), version="2.1")
    demo_context("2.1").apply(scan.transfer)
    dest = tmp_path_factory.mktemp("sip") / "valid.zip"
    export_sip(scan.transfer, dest, ExportOptions())
    return dest


def rewrite_sip(source: Path, dest: Path, *, manifest: Callable[[str], str] | None = None,
                content: Callable[[str, bytes], tuple[str, bytes]] | None = None) -> Path:
    """Copy a SIP, changing the manifest text and/or the content entries (name, bytes)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            name = info.filename
            if name == "manifest.xml" and manifest is not None:
                data = manifest(data.decode("utf-8")).encode("utf-8")
            elif not name.endswith("/") and name != "manifest.xml" and content is not None:
                name, data = content(name, data)
            zout.writestr(name, data)
    return dest


