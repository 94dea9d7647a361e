"""Send to Vitam from the window, against the local sandbox of tests/sae (its fixtures, imported)."""

from __future__ import annotations

from pathlib import Path

from app.models import edits
from app.sae.client import Timeouts
from app.seda.context import demo_context
from app.ui.send import ARCHIVED, REJECTED, SendDialog
from app.ui.tree.model import Roles
from tests.sae.conftest import make_sandbox, memory_keyring, pki, referentials, sandbox, target_for  # noqa: F401

FAST = Timeouts(connect=5, read=20, poll_interval=0.05, poll_max_interval=0.2, poll_total=30)


def _with_context(window, agreement: str | None = None) -> None:
    context = demo_context(window.project.transfer.version)
    header = context.header.copy()
    if agreement is not None:
        header.find("ArchivalAgreement").text = agreement
    window.push_edit(edits.SetHeader(header, context.management_metadata), "context")


def _unit_states(window) -> dict[str, str | None]:
    model = window.model
    model.materialize_all()
    return {unit.id: model.unit_index(unit).siblingAtColumn(2).data(Roles.TRANSFER_STATUS)
            for unit in window.project.transfer.iter_units()}


def test_send_dialog_lists_the_targets(qtbot, window, sandbox, pki):  # noqa: F811
    target = target_for(sandbox, pki)
    dialog = SendDialog({target.name: target}, window)
    qtbot.addWidget(dialog)
    dialog.test.setChecked(True)
    assert dialog.chosen() == ("sandbox", True) and sandbox.url.split("//")[1] in dialog.address.text()


def test_sent_transfer_is_marked_archived_unit_by_unit(qtbot, loaded, sandbox, pki):  # noqa: F811
    target_for(sandbox, pki)
    _with_context(loaded)
    loaded.send_timeouts = FAST
    with qtbot.waitSignal(loaded.sent, timeout=60000) as signal:
        loaded.send("sandbox")
    outcome = signal.args[0]
    assert not isinstance(outcome, Exception), outcome.message.render()
    assert outcome.record.status == "OK" and outcome.record.archived
    # The history names the SIP after what was sent (the fonds: no project file yet), not a generic SIP.zip.
    assert Path(outcome.record.sip).name == "Fonds Mairie.zip"
    states = _unit_states(loaded)
    assert set(states.values()) == {ARCHIVED}  # every unit got a Vitam id
    assert loaded.tr("archived") in loaded.statusBar().currentMessage().lower() or "OK" in \
        loaded.statusBar().currentMessage()


def test_rejected_transfer_is_never_shown_as_sent(qtbot, loaded, sandbox, pki):  # noqa: F811
    target_for(sandbox, pki)
    _with_context(loaded, agreement="UnknownContract")
    loaded.send_timeouts = FAST
    with qtbot.waitSignal(loaded.sent, timeout=60000) as signal:
        loaded.send("sandbox")
    outcome = signal.args[0]
    assert not isinstance(outcome, Exception)
    assert outcome.record.status == "KO" and not outcome.record.archived
    assert ARCHIVED not in set(_unit_states(loaded).values())
    assert set(outcome.units.values()) <= {REJECTED}


def test_invalid_transfer_is_not_sent(qtbot, loaded, sandbox, pki):  # noqa: F811
    target_for(sandbox, pki)
    _with_context(loaded)
    unit = loaded.project.transfer.roots[0]
    loaded.push_edit(edits.SetField((unit,), "DescriptionLevel", "NotALevel", "2.2"), "bad level")
    loaded.send_timeouts = FAST
    with qtbot.waitSignal(loaded.sent, timeout=60000) as signal:
        loaded.send("sandbox")
    assert isinstance(signal.args[0], Exception)  # the export refused it: nothing reached the sandbox
    assert not any(_unit_states(loaded).values())
    received = sandbox.config.folder / "transfers"
    assert not received.exists() or not any(received.rglob("sip.zip"))


def test_sent_sips_are_kept_in_the_folder_chosen_in_the_preferences(qtbot, loaded, sandbox, pki, tmp_path):  # noqa: F811
    from app.sae.history import History
    from app.ui import settings as opts

    target_for(sandbox, pki)
    _with_context(loaded)
    loaded.send_timeouts = FAST
    kept = tmp_path / "versements envoyés"
    kept.mkdir()
    loaded.settings.set(opts.SENT_SIPS_FOLDER, str(kept))
    sips = []
    for _ in range(2):  # two sends of the same project: two files, none overwritten
        with qtbot.waitSignal(loaded.sent, timeout=60000) as signal:
            loaded.send("sandbox")
        record = signal.args[0].record
        assert record.status == "OK" and Path(record.sip).parent == kept and Path(record.sip).is_file()
        assert History().get(record.id).sip == record.sip  # the history's "Show SIP in folder" finds it
        sips.append(record.sip)
    assert len(set(sips)) == 2 and sorted(p.name for p in kept.iterdir()) == sorted(Path(s).name for s in sips)
    assert all(Path(s).name.startswith("Fonds Mairie 20") for s in sips)
