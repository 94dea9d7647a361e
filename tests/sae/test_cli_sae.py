"""The CLI as a user runs it: add a target, send to the sandbox, read the history."""

from __future__ import annotations

import json

from app.cli import main
from tests.sae.conftest import rewrite_sip


def _add_target(sandbox, pki, monkeypatch, name="sandbox"):
    client = pki.clients["alice"]
    monkeypatch.setenv("LIASSE_TARGET_PASSPHRASE", client.password)
    return main(["targets", "add", name, "--url", sandbox.url, "--certificate", str(client.p12),
                 "--ca", str(pki.ca_cert)])


def test_cli_send_and_history(sandbox, pki, built_sip, monkeypatch, capsys):
    assert _add_target(sandbox, pki, monkeypatch) == 0
    assert main(["targets", "list"]) == 0
    assert "sandbox" in capsys.readouterr().out
    assert main(["send", str(built_sip), "--target", "sandbox", "--json"]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert sent["status"] == "OK" and sent["operation_id"]
    assert main(["history"]) == 0
    assert "archived (OK)" in capsys.readouterr().out
    assert main(["history", "--show", sent["operation_id"]]) == 0
    assert "received system ids" in capsys.readouterr().out


def test_cli_refuses_invalid_sip_unless_forced(sandbox, pki, built_sip, tmp_path, monkeypatch, capsys):
    assert _add_target(sandbox, pki, monkeypatch) == 0
    bad = rewrite_sip(built_sip, tmp_path / "bad.zip", content=lambda name, data: (name, data + b"!"))
    assert main(["send", str(bad), "--target", "sandbox"]) == 1
    assert "nothing was sent" in capsys.readouterr().err
    assert main(["send", str(bad), "--target", "sandbox", "--force"]) == 1
    out = capsys.readouterr().out
    assert "rejected (KO)" in out and "CHECK_DIGEST.INVALID.KO" in out


def test_cli_unknown_target(capsys, built_sip):
    assert main(["send", str(built_sip), "--target", "nowhere"]) == 2
    assert "No target named nowhere" in capsys.readouterr().err
