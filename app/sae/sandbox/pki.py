"""The sandbox's small certificate authority: a CA, a loopback server certificate, trainee certificates.

Made once with ``cryptography`` and kept in the sandbox folder (``pki/``); later starts reuse them.
Each trainee gets a PKCS#12 file (certificate + key, protected by a random password stored beside it
in a 0600 file: these are throw-away training credentials, never production ones) and the CA
certificate to trust. Private keys are written atomically with mode 0600.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TRAINEE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
VALIDITY_DAYS = 825


@dataclass(frozen=True)
class ClientIdentity:
    """A trainee's credentials: PKCS#12, its password, and PEM copies for curl/requests."""

    name: str
    p12: Path
    password: str
    cert_pem: Path
    key_pem: Path
    fingerprint: str
    """SHA-256 of the DER certificate, lowercase hex: how the server recognises the trainee."""


@dataclass(frozen=True)
class Pki:
    """Paths of the sandbox's CA and server credentials, and the trainees' identities."""

    folder: Path
    ca_cert: Path
    server_cert: Path
    server_key: Path
    clients: dict[str, ClientIdentity]

    def fingerprints(self) -> dict[str, str]:
        """Known client-certificate fingerprints -> trainee name."""
        return {c.fingerprint: name for name, c in self.clients.items()}


def _write_private(path: Path, data: bytes) -> None:
    """Write a secret file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        # mkstemp creates the file with mode 0600: the key is never readable by others.
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_public(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Liasse sandbox"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _builder(subject: str, issuer: x509.Name, public_key) -> x509.CertificateBuilder:
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(issuer).public_key(public_key)
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=VALIDITY_DAYS)))


def fingerprint(cert_der: bytes) -> str:
    """SHA-256 of a DER certificate, lowercase hex."""
    return hashlib.sha256(cert_der).hexdigest()


def _load_ca(folder: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    ca_cert_path, ca_key_path = folder / "ca.pem", folder / "ca-key.pem"
    if ca_cert_path.exists() and ca_key_path.exists():
        cert = x509.load_pem_x509_certificate(ca_cert_path.read_bytes())
        key = serialization.load_pem_private_key(ca_key_path.read_bytes(), password=None)
        return cert, key  # type: ignore[return-value]
    key = _key()
    subject = _name("Liasse sandbox CA")
    cert = (_builder("Liasse sandbox CA", subject, key.public_key())
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    _write_private(ca_key_path, _pem_key(key))
    _write_public(ca_cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert, key


def _issue(ca: tuple[x509.Certificate, ec.EllipticCurvePrivateKey], common_name: str, *, server: bool,
           hosts: tuple[str, ...] = ()) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    ca_cert, ca_key = ca
    key = _key()
    builder = _builder(common_name, ca_cert.subject, key.public_key()).add_extension(
        x509.BasicConstraints(ca=False, path_length=None), critical=True).add_extension(
        x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]),
        critical=False)
    if server:
        names: list[x509.GeneralName] = []
        for host in hosts:
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(host)))
            except ValueError:
                names.append(x509.DNSName(host))
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    return builder.sign(ca_key, hashes.SHA256()), key


def issue_client(folder: Path, name: str, ca: tuple[x509.Certificate, ec.EllipticCurvePrivateKey] | None = None,
                 ) -> ClientIdentity:
    """Create (or return the existing) credentials of trainee *name* under ``folder/clients``."""
    if not TRAINEE_NAME.match(name):
        raise ValueError(f"invalid trainee name {name!r}: use letters, digits, - and _ (at most 40)")
    clients = folder / "clients"
    p12_path, pwd_path = clients / f"{name}.p12", clients / f"{name}.password"
    cert_path, key_path = clients / f"{name}.pem", clients / f"{name}-key.pem"
    if not (p12_path.exists() and pwd_path.exists() and cert_path.exists() and key_path.exists()):
        ca = ca or _load_ca(folder)
        cert, key = _issue(ca, name, server=False)
        password = secrets.token_urlsafe(12)
        p12 = pkcs12.serialize_key_and_certificates(
            name.encode(), key, cert, [ca[0]], serialization.BestAvailableEncryption(password.encode()))
        _write_private(key_path, _pem_key(key))
        _write_public(cert_path, cert.public_bytes(serialization.Encoding.PEM))
        _write_private(pwd_path, password.encode())
        _write_private(p12_path, p12)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return ClientIdentity(name, p12_path, pwd_path.read_text().strip(), cert_path, key_path,
                          fingerprint(cert.public_bytes(serialization.Encoding.DER)))


def ensure_pki(folder: Path, trainees: list[str], hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Pki:
    """Create what is missing (CA, server certificate for *hosts*, one identity per trainee) and load all."""
    folder.mkdir(parents=True, exist_ok=True)
    ca = _load_ca(folder)
    server_cert, server_key = folder / "server.pem", folder / "server-key.pem"
    hosts_file = folder / "server-hosts.json"
    wanted = json.dumps(sorted(hosts))
    if not (server_cert.exists() and server_key.exists() and hosts_file.exists()
            and hosts_file.read_text() == wanted):
        cert, key = _issue(ca, hosts[0], server=True, hosts=hosts)
        _write_private(server_key, _pem_key(key))
        # The chain (server + CA) lets clients that only know the CA build the path.
        _write_public(server_cert, cert.public_bytes(serialization.Encoding.PEM)
                      + ca[0].public_bytes(serialization.Encoding.PEM))
        _write_public(hosts_file, wanted.encode())
    clients = {name: issue_client(folder, name, ca) for name in trainees}
    for existing in sorted((folder / "clients").glob("*.p12")) if (folder / "clients").is_dir() else []:
        if existing.stem not in clients:
            clients[existing.stem] = issue_client(folder, existing.stem, ca)
    return Pki(folder, folder / "ca.pem", server_cert, server_key, clients)
