"""The sandbox on top of the validation engine: schema store required, platform checks, client hardening."""

from __future__ import annotations

import shutil
import threading

import pytest
import requests

from app.sae.atr import parse_atr
from app.sae.client import SendError, session_for, upload
from app.sae.history import History, TransferRecord
from app.sae.sandbox.__main__ import main as sandbox_main
from app.sae.sandbox.catalog import Catalog, ReferentialError
from app.sae.sandbox.processing import IngestRequest, run_ingest
from app.sae.sandbox.server import Sandbox, SandboxConfig, SandboxError
from app.sae.targets import Target, TargetStore
from tests.conftest import XSD_SOURCE
from tests.sae.conftest import target_for


def _ingest(sip, tmp_path, catalog=None, **request):
    folder = tmp_path / "op"
    folder.mkdir()
    shutil.copy(sip, folder / "sip.zip")
    return run_ingest(IngestRequest(folder / "sip.zip", "aeeaaaaaatest", **request), catalog or Catalog())


def test_sandbox_refuses_to_start_without_schemas(tmp_path, monkeypatch, capsys, pki):
    empty = tmp_path / "no-schemas"
    empty.mkdir()
    monkeypatch.setenv("LIASSE_SCHEMA_DIR", str(empty))
    assert sandbox_main(["--folder", str(tmp_path / "atelier"), "--port", "0", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "not installed" in err and "liasse-cli schemas install" in err and "Traceback" not in err
    assert not (tmp_path / "atelier").exists()  # nothing generated for a sandbox that does not run
    with pytest.raises(SandboxError):
        Sandbox(SandboxConfig(tmp_path / "sb", port=0, quiet=True), pki).start()


def test_version_without_schema_is_refused_not_accepted(tmp_path, monkeypatch, built_sip):
    from app.seda import schemas

    store = tmp_path / "store"
    schemas.install(XSD_SOURCE, store)
    shutil.rmtree(store / "seda-2.1")  # the built SIP is SEDA 2.1
    monkeypatch.setenv("LIASSE_SCHEMA_DIR", str(store))
    result = _ingest(built_sip, tmp_path)
    assert result.status == "KO"
    assert [f.detail for f in result.failures] == ["CHECK_SEDA.UNSUPPORTED_SEDA_VERSION.KO"]


def test_valid_sip_ok_and_atr_echoes_the_header(tmp_path, built_sip, referentials):
    result = _ingest(built_sip, tmp_path, referentials)
    assert result.status == "OK", result.failures
    summary = parse_atr(result.atr)
    assert summary.archival_agreement == "ArchivalAgreement0" and summary.message_request_identifier
    assert summary.units and summary.objects
    text = result.atr.read_text(encoding="utf-8")
    assert "<Identifier>Identifier4</Identifier></ArchivalAgency>" in text
    assert "<Identifier>Identifier5</Identifier></TransferringAgency>" in text


def test_manifest_digest_header_is_blocking(tmp_path, built_sip, referentials):
    result = _ingest(built_sip, tmp_path, referentials, digest_algorithm="SHA-512", digest_value="00" * 64)
    assert [f.detail for f in result.failures] == ["MANIFEST_DIGEST_CHECK.KO"]


def test_bad_contract_file_stops_the_catalog(tmp_path):
    bad = tmp_path / "contracts.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ReferentialError):
        Catalog.load([bad])


def test_tls_verification_cannot_be_turned_off(sandbox, pki):
    target = target_for(sandbox, pki)
    target.ca_bundle = ""  # the system store does not trust the sandbox CA
    with session_for(target) as session, pytest.raises(requests.exceptions.SSLError):
        session.get(f"{sandbox.url}/ingest-external/v1/status", verify=False, timeout=5)


def test_operation_id_that_is_a_path_is_refused(tmp_path):
    class Session:
        def post(self, *args, **kwargs):
            response = requests.Response()
            response.status_code = 202
            response.headers["X-Request-Id"] = "../../.bashrc"
            return response

    sip = tmp_path / "sip.zip"
    sip.write_bytes(b"PK")
    target = Target("t", "https://vitam.example", "https://vitam.example", certificate="x.p12")
    with pytest.raises(SendError, match="operation id"):
        upload(Session(), target, sip)


def test_local_failure_is_recorded_failed_not_sending(pki, built_sip, tmp_path):
    from app.sae.client import send_sip

    client = pki.clients["alice"]
    target = Target("t", "https://127.0.0.1:9", "", certificate=str(client.cert_pem), key=str(client.key_pem),
                    ca_bundle=str(tmp_path / "missing-ca.pem"))
    with pytest.raises(SendError, match="CA bundle"):
        send_sip(target, built_sip)
    assert History().records()[-1].status == "failed"


def test_target_saved_without_secret_forgets_the_old_one(tmp_path, memory_keyring):
    cert = tmp_path / "me.p12"
    cert.write_bytes(b"x")
    store = TargetStore()
    store.save(Target("prod", "https://v", "", certificate=str(cert)), "old-passphrase")
    store.save(Target("prod", "https://v2", "", certificate=str(cert)))
    assert memory_keyring.get_password("liasse", "target:prod") is None
    assert not store.get("prod").has_secret


def test_concurrent_history_writes_keep_every_record(tmp_path):
    history = History(tmp_path)
    threads = [threading.Thread(target=lambda i=i: History(tmp_path).save(TransferRecord(sip=f"{i}.zip")))
               for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.sip for r in history.records()) == sorted(f"{i}.zip" for i in range(20))


def test_trainer_can_download_the_received_manifest(sandbox, pki, built_sip):
    import zipfile

    from app.sae.client import Timeouts, send_sip

    target = target_for(sandbox, pki)
    record = send_sip(target, built_sip, timeouts=Timeouts(poll_interval=0.05, poll_total=20))
    with session_for(target) as session:
        response = session.get(f"{target.ingest_base()}/ingests/{record.operation_id}/manifests",
                               headers={"X-Tenant-Id": "0"}, timeout=10)
    assert response.status_code == 200
    assert response.content == zipfile.ZipFile(built_sip).read("manifest.xml")
