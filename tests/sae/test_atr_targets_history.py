"""ATR parsing of Vitam's own replies, error messages, targets with keyring secrets, history."""

from __future__ import annotations

import json
import os

import pytest
import requests

from app.sae.atr import AtrError, parse_atr, parse_atr_bytes
from app.sae.client import error_for_response
from app.sae.history import History, TransferRecord
from app.sae.targets import Target, TargetError, TargetStore
from tests.conftest import CORPUS

ATR = CORPUS / "vitam-api" / "atr"
ERRORS = CORPUS / "vitam-api" / "errors"


def test_parse_vitam_ok_atr_maps_manifest_ids():
    summary = parse_atr(ATR / "atr-ok-seda21-doc-example.xml")
    assert summary.outcome == "OK" and summary.accepted
    assert summary.objects["ID30"] == "aeaaaaaaaae2txtzaadjwaltyrxsypiaaaaq"
    assert summary.groups["ID29"] == "aebaaaaaaae2txtzaadjwaltyrxsypqaaaaq"
    assert summary.units["ID19"] == "aeaqaaaaaae2txtzaadjwaltyrxsyxiaaaaq"
    assert summary.message_request_identifier == "OK_texte_14BinaryMaster_fmts"


def test_parse_vitam_ko_atr_gives_outcome_details():
    summary = parse_atr(ATR / "atr-ko-check-header-doc-example.xml")
    assert summary.outcome == "KO" and not summary.accepted
    assert [e.detail for e in summary.failures()] == ["CHECK_HEADER.UNKNOWN.KO", "CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO"]
    assert "FRAN_NP_000002" in summary.failures()[0].detail_data


def test_parse_warning_atr_places_logbook_events_on_groups():
    summary = parse_atr(ATR / "atr-with-lifecycle-logbook-warnings.xml")
    assert summary.outcome == "WARNING"
    lfc = [e for e in summary.failures() if e.object_id]
    assert {e.object_id for e in lfc} >= {"ID20"}
    assert summary.units.keys() == {"ID18", "ID22", "ID14"}


def test_fatal_and_test_reply_codes():
    text = (ATR / "ATR_KO_DEFAULT.template.xml").read_text(encoding="utf-8")
    fatal = parse_atr_bytes(text.replace("#OUTCOME#", "FATAL").encode())
    assert fatal.outcome == "FATAL" and not fatal.accepted
    test = parse_atr_bytes(text.replace("#OUTCOME#", "Test KO").encode())
    assert test.test and test.outcome == "KO"


def test_not_an_atr_is_refused():
    with pytest.raises(AtrError):
        parse_atr(CORPUS / "vitam-api" / "manifests" / "manifest-seda21-ok.xml")
    with pytest.raises(AtrError):
        parse_atr_bytes(b"<ArchiveTransferReply><oops")
    with pytest.raises(AtrError):  # entities are never expanded
        parse_atr_bytes(b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><ArchiveTransferReply>&x;'
                        b"</ArchiveTransferReply>")


def _response(status: int, body: bytes) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body
    response.url = "https://vitam.example/ingest-external/v1/ingests"
    return response


@pytest.mark.parametrize("status, name, words", [
    (401, "error-401.json", "Access refused (401)"),
    (412, "error-412.json", "Request refused (412)"),
    (500, "error-500.json", "Vitam answered 500 with error"),
])
def test_vitam_error_bodies_become_clear_messages(status, name, words):
    target = Target("prod", "https://vitam.example", "https://vitam.example", certificate="x.p12")
    error = error_for_response(_response(status, (ERRORS / name).read_bytes()), target)
    assert words in str(error)
    assert json.loads((ERRORS / name).read_text())["message"] in str(error) or status != 500


def test_targets_keep_secrets_in_keyring_only(tmp_path, memory_keyring):
    cert = tmp_path / "me.p12"
    cert.write_bytes(b"not used here")
    store = TargetStore()
    store.save(Target("prod", "https://vitam.example:8443", "https://vitam.example:8444", certificate=str(cert)),
               "s3cret-passphrase")
    assert "s3cret-passphrase" not in store.path.read_text()
    assert memory_keyring.get_password("liasse", "target:prod") == "s3cret-passphrase"
    target = store.get("prod")
    assert target.has_secret and target.ingest_base() == "https://vitam.example:8443/ingest-external/v1"
    assert target.admin_base() == "https://vitam.example:8444/admin-external/v1"
    assert store.remove("prod") and memory_keyring.get_password("liasse", "target:prod") is None
    with pytest.raises(TargetError):
        store.get("prod")


@pytest.mark.parametrize("fields", [
    {"ingest_url": "http://vitam.example"},
    {"application_id": "me@example.org"},
    {"certificate": ""},
])
def test_invalid_targets_are_refused(tmp_path, fields):
    cert = tmp_path / "me.p12"
    cert.write_bytes(b"x")
    values = {"name": "t", "ingest_url": "https://v", "admin_url": "", "certificate": str(cert), **fields}
    with pytest.raises(TargetError):
        TargetStore().save(Target(**values))


def test_history_updates_in_place_and_survives_bad_lines(tmp_path):
    history = History(tmp_path)
    record = history.save(TransferRecord(sip="a.zip", target="t"))
    record.status, record.operation_id = "accepted", "aeeaaaaaaexample"
    history.save(record)
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write("{broken\n")
    records = history.records()
    assert len(records) == 1 and records[0].status == "accepted" and records[0].can_poll
    assert history.get("aeeaaaaaaexample").id == record.id
    assert not records[0].archived


@pytest.mark.skipif(os.name == "nt", reason="processes are not probed on Windows")
def test_a_send_cut_short_is_shown_interrupted_never_sent_nor_still_running(tmp_path):
    import socket
    import subprocess
    import sys

    from app.sae.history import sending_owner

    history = History(tmp_path)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    host = socket.gethostname()
    cut = history.save(TransferRecord(sip="/s/a.zip", target="prod", owner=f"{host}:{dead.pid}"))
    running = history.save(TransferRecord(sip="/s/b.zip", target="prod", owner=sending_owner()))
    elsewhere = history.save(TransferRecord(sip="/s/c.zip", target="prod", owner=f"another-{host}:{dead.pid}"))
    older = history.save(TransferRecord(sip="/s/d.zip", target="prod"))  # written before owners were recorded
    shown = {r.id: r for r in history.records()}
    assert shown[cut.id].status == "interrupted" and not shown[cut.id].archived and not shown[cut.id].can_poll
    assert "Look for it in Vitam before sending it again" in shown[cut.id].error_message().render()
    assert shown[cut.id].status_message().render() == "interrupted while sending: check in Vitam"
    assert [shown[r.id].status for r in (running, elsewhere, older)] == ["sending"] * 3
