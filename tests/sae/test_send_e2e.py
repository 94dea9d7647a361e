"""End to end over real TLS on 127.0.0.1: the client sends SIPs to the sandbox and reads the ATRs."""

from __future__ import annotations

import re
import zipfile

import pytest
import requests

from app.sae.atr import parse_atr
from app.sae.client import SendError, Timeouts, send_sip
from app.sae.history import History
from app.seda.schemas import load_schema
from tests.sae.conftest import MAIL_SIP, rewrite_sip, target_for

FAST = Timeouts(connect=5, read=10, poll_interval=0.05, poll_max_interval=0.2, poll_total=20)


def test_valid_built_sip_is_archived(sandbox, pki, built_sip):
    target = target_for(sandbox, pki)
    record = send_sip(target, built_sip, timeouts=FAST)
    assert record.status == "OK", record
    assert record.archived and record.operation_id
    summary = parse_atr(record.atr)
    manifest = zipfile.ZipFile(built_sip).read("manifest.xml").decode()
    unit_ids = set(re.findall(r'<ArchiveUnit id="([^"]+)"', manifest))
    assert set(summary.units) == unit_ids
    assert all(re.fullmatch(r"aeaq[a-z2-7]{32}", v) for v in summary.units.values())
    assert summary.operation_id == record.operation_id
    # The history keeps the transfer with its ATR, as sent.
    stored = History().get(record.id)
    assert stored is not None and stored.status == "OK" and stored.atr == record.atr
    # The sandbox keeps what it received, per trainee, for the trainer.
    kept = sandbox.config.folder / "transfers" / "alice" / record.operation_id
    assert (kept / "sip.zip").stat().st_size == built_sip.stat().st_size and (kept / "atr.xml").is_file()


def test_atr_of_corpus_sip_keeps_its_seda_version(sandbox, pki):
    record = send_sip(target_for(sandbox, pki), MAIL_SIP, test=True, timeouts=FAST)
    text = open(record.atr, encoding="utf-8").read()
    assert 'xmlns="fr:gouv:culture:archivesdefrance:seda:v2.2"' in text
    summary = parse_atr(record.atr)
    # HOL-00002 is missing from the rules referential of these tests.
    assert summary.outcome == "KO" and summary.test
    details = [e.detail for e in summary.failures()]
    assert "UNITS_RULES_COMPUTE.UNKNOWN.KO" in details, details
    assert "<GrantDate>" not in text  # BLANK_TEST: nothing is granted


@pytest.mark.parametrize("case, expected", [
    ("digest", "CHECK_DIGEST.INVALID.KO"),
    ("agency", "CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO"),
    ("name", "STP_UPLOAD_SIP.KO"),
    ("contract", "CHECK_HEADER.CHECK_CONTRACT_INGEST.CONTRACT_UNKNOWN.KO"),
])
def test_bad_sips_come_back_ko_with_outcome_detail(sandbox, pki, built_sip, tmp_path, case, expected):
    dest = tmp_path / f"{case}.zip"
    if case == "digest":
        rewrite_sip(built_sip, dest, content=lambda name, data: (name, data + b"altered"))
    elif case == "agency":
        rewrite_sip(built_sip, dest, manifest=lambda text: text.replace(
            "<OriginatingAgencyIdentifier>Service_producteur<", "<OriginatingAgencyIdentifier>Inconnu<"))
    elif case == "name":
        rewrite_sip(built_sip, dest, content=lambda name, data: (name.replace(".txt", " copie.txt"), data),
                    manifest=lambda text: text.replace(".txt</Uri>", " copie.txt</Uri>"))
    else:
        rewrite_sip(built_sip, dest, manifest=lambda text: text.replace(
            "<ArchivalAgreement>ArchivalAgreement0<", "<ArchivalAgreement>IC-INCONNU<"))
    record = send_sip(target_for(sandbox, pki), dest, timeouts=FAST)
    assert record.status == "KO" and not record.archived
    summary = parse_atr(record.atr)
    details = [e.detail for e in summary.failures()]
    assert expected in details, details
    assert not summary.units  # nothing archived: no system ids


def test_generated_atr_is_valid_seda_shape(sandbox, pki, built_sip):
    """The ATR is well-formed, in the manifest namespace, with the elements in SEDA order."""
    record = send_sip(target_for(sandbox, pki), built_sip, timeouts=FAST)
    from lxml import etree

    root = etree.parse(record.atr).getroot()
    names = [etree.QName(child).localname for child in root]
    assert names == ["Date", "MessageIdentifier", "ArchivalAgreement", "CodeListVersions", "DataObjectPackage",
                     "ReplyCode", "MessageRequestIdentifier", "GrantDate", "ArchivalAgency", "TransferringAgency"]
    assert load_schema("2.1") is not None  # the namespace's schema is installed (same store as the engine)


def test_client_without_certificate_is_refused(sandbox, pki):
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{sandbox.url}/ingest-external/v1/status", verify=str(pki.ca_cert), timeout=5)


def test_unknown_certificate_gets_401(sandbox, pki, built_sip, tmp_path):
    from app.sae.sandbox.pki import issue_client

    stranger = issue_client(pki.folder, "stranger")  # signed by the CA, but not registered in this sandbox
    target = target_for(sandbox, pki)
    target.certificate, target.key, target.has_secret = str(stranger.cert_pem), str(stranger.key_pem), False
    with pytest.raises(SendError) as info:
        send_sip(target, built_sip, timeouts=FAST)
    assert "401" in str(info.value) and "Certificate revoked or not found" in str(info.value)
    assert History().records()[-1].status == "failed"


def test_untrusted_server_is_a_tls_failure(sandbox, pki, built_sip):
    target = target_for(sandbox, pki)
    target.ca_bundle = ""  # the system store does not trust the sandbox CA
    with pytest.raises(SendError) as info:
        send_sip(target, built_sip, timeouts=FAST)
    assert "Secure connection" in str(info.value)
    assert History().records()[-1].status == "failed"


def test_unknown_workflow_gets_503_with_atr_ko(sandbox, pki, built_sip):
    target = target_for(sandbox, pki, context="NO_SUCH_WORKFLOW")
    with pytest.raises(SendError) as info:
        send_sip(target, built_sip, timeouts=FAST)
    assert "503" in str(info.value)
    assert info.value.atr is not None and info.value.atr.outcome == "KO"
    assert info.value.atr.failures()[0].detail == "STP_UPLOAD_SIP.KO"


@pytest.mark.parametrize("fault, words", [("500", "040105"), ("drop", "lost"), ("hang", "No answer")])
def test_server_failures_are_recorded_as_failed(make_sandbox, pki, built_sip, fault, words):
    sandbox = make_sandbox(fault=fault, socket_timeout=5)
    target = target_for(sandbox, pki)
    timeouts = Timeouts(connect=2, read=1.5, poll_interval=0.05, poll_total=2)
    with pytest.raises(SendError) as info:
        send_sip(target, built_sip, timeouts=timeouts)
    assert words in str(info.value)
    records = History().records()
    assert records[-1].status == "failed" and not records[-1].archived and not records[-1].operation_id


def test_connection_refused_is_clear(pki, built_sip, tmp_path):
    import socket

    from app.sae.targets import Target

    with socket.socket() as probe:  # a port with nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = pki.clients["alice"]
    target = Target("closed", f"https://127.0.0.1:{port}", f"https://127.0.0.1:{port}",
                    certificate=str(client.cert_pem), key=str(client.key_pem), ca_bundle=str(pki.ca_cert))
    with pytest.raises(SendError) as info:
        send_sip(target, built_sip, timeouts=FAST)
    assert "connection refused" in str(info.value)
    assert History().records()[-1].status == "failed"


def test_poll_timeout_then_repoll(make_sandbox, pki, built_sip):
    from app.sae.client import poll_transfer

    sandbox = make_sandbox(processing_delay=1.0)
    target = target_for(sandbox, pki)
    record = send_sip(target, built_sip, timeouts=Timeouts(poll_interval=0.05, poll_total=0.2))
    assert record.status == "timeout" and record.can_poll and not record.archived
    record = poll_transfer(target, record, timeouts=FAST)
    assert record.status == "OK"
    assert History().get(record.operation_id).status == "OK"
