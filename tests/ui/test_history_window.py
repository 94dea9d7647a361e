"""The transfer history window: records from a real History (private XDG folders), real widgets offscreen."""

from __future__ import annotations

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from app.sae import client
from app.sae.atr import parse_atr
from app.sae.history import STATUS_LABELS, History, TransferRecord
from app.sae.targets import Target, TargetStore
from app.ui.history import DATE, GREEN, OPERATION, ORANGE, RED, SIP, SIZE, STATUS, TARGET, HistoryDialog, local_date
from tests.conftest import CORPUS

ATR = CORPUS / "vitam-api" / "atr"
OK_OPERATION = "aeeaaaaaacgkqpbuaazxwamzwkxhlaaaaaaq"
KO_OPERATION = "aeeaaaaaacgkqpbuaazxwamzwkxhmbqaaaaq"
PENDING_OPERATION = "aeeaaaaaacgkqpbuaazxwamzwkxhnfyaaaaq"


def _atr(history: History, name: str, operation: str) -> str:
    history.atr_dir.mkdir(parents=True, exist_ok=True)
    dest = history.atr_dir / f"{operation}.xml"
    shutil.copyfile(ATR / name, dest)
    return str(dest)


@pytest.fixture
def records(tmp_path) -> dict[str, TransferRecord]:
    """Five transfers in the user's (private) history, saved in an order that is not their date order."""
    history = History()
    sip = tmp_path / "Fonds_Mairie.zip"
    sip.write_bytes(b"PK" + b"\0" * 4000)
    made = {
        "ok": TransferRecord(date="2025-03-02T09:14:05+01:00", sip=str(sip), sip_size=4002, target="vitam-prod",
                             operation_id=OK_OPERATION, status="OK",
                             atr=_atr(history, "atr-ok-seda21-doc-example.xml", OK_OPERATION)),
        "pending": TransferRecord(date="2025-03-05T16:22:10+01:00", sip="/gone/Travaux.zip", sip_size=980_000_000,
                                  target="vitam-prod", operation_id=PENDING_OPERATION, status="timeout"),
        # 2025-03-03T20:00Z: later than "ko" below although its text sorts before it.
        "failed": TransferRecord(date="2025-03-04T01:00:00+05:00", sip="/gone/Etat_civil.zip", sip_size=2_100_000,
                                 target="recette", status="failed",
                                 error={"context": "sae", "text": "Cannot reach {url}: {error}",
                                        "params": {"url": "https://vitam.example:8443", "error": "refused"}}),
        "ko": TransferRecord(date="2025-03-03T19:00:00+00:00", sip="/gone/Deliberations.zip", sip_size=125_000,
                             target="recette", test=True, operation_id=KO_OPERATION, status="KO",
                             atr=_atr(history, "atr-ko-check-header-doc-example.xml", KO_OPERATION)),
    }
    for record in made.values():
        history.save(record)
    return made


@pytest.fixture
def dialog(qtbot):
    """The history window over the user's history, with its own runner (drained at the end)."""
    window = HistoryDialog()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.runner.wait()


def _status(status: str) -> str:
    return QCoreApplication.translate("sae", STATUS_LABELS[status])


def test_records_are_listed_newest_first_with_their_columns(records, dialog):
    shown = dialog.records_shown()
    assert [r.id for r in shown] == [records[k].id for k in ("pending", "failed", "ko", "ok")]
    top = dialog.table.topLevelItem(0)
    assert top.text(DATE) == local_date(records["pending"].date) and "2025" in top.text(DATE)
    assert top.text(SIP) == "Travaux.zip" and top.toolTip(SIP) == "/gone/Travaux.zip"
    assert top.text(OPERATION) == PENDING_OPERATION and top.text(SIZE).startswith("980")
    ko = dialog.table.topLevelItem(2)
    assert ko.text(TARGET) == "recette (test)"
    assert [dialog.table.topLevelItem(r).text(STATUS) for r in range(4)] == [
        "received, still being processed (poll again)", "failed, not sent", "rejected (KO)", "archived (OK)"]
    colours = [dialog.table.topLevelItem(r).foreground(STATUS).color() for r in range(4)]
    assert colours == [ORANGE, RED, RED, GREEN]
    assert dialog.table.currentItem() is top  # the newest is selected at first


def test_statuses_are_shown_in_the_interface_language(qtbot, records):
    from app.ui.i18n import I18N_DIR, TsTranslator

    app = QCoreApplication.instance()
    translator = TsTranslator(I18N_DIR / "liasse_fr.ts")
    app.installTranslator(translator)
    try:
        window = HistoryDialog()
        qtbot.addWidget(window)
        shown = [window.table.topLevelItem(r).text(STATUS) for r in range(4)]
        expected = [_status(s) for s in ("timeout", "failed", "KO", "OK")]
        window.runner.wait()
    finally:
        app.removeTranslator(translator)
    assert shown == expected and "archivé" in shown[3]
    assert shown != [STATUS_LABELS[s] for s in ("timeout", "failed", "KO", "OK")]  # really translated


def test_selecting_a_record_shows_its_details(qtbot, records, dialog, tmp_path):
    assert dialog.select(records["ok"].id)
    fields = dialog.fields
    assert fields["sip"].text() == str(tmp_path / "Fonds_Mairie.zip")
    assert fields["operation"].text() == OK_OPERATION and fields["atr"].text() == records["ok"].atr
    assert not fields["error"].isVisible()
    # The reply is read in the background: 15 units and 14 objects of the corpus ATR got a Vitam id.
    qtbot.waitUntil(lambda: "archive units 15, objects 14" in fields["result"].text(), timeout=10000)
    assert not dialog.problems.isVisible()

    assert dialog.select(records["ko"].id)
    qtbot.waitUntil(lambda: "nothing was archived" in fields["result"].text(), timeout=10000)
    assert "Reply KO" in fields["result"].text() and "test mode" in fields["target"].text()
    problems = dialog.problems.toPlainText()
    assert dialog.problems.isVisible() and "(2)" in problems
    assert "CHECK_HEADER.UNKNOWN.KO" in problems and "CHECK_HEADER.CHECK_AGENT.UNKNOWN.KO" in problems

    assert dialog.select(records["failed"].id)
    assert fields["error"].isVisible()
    assert fields["error"].text() == "Cannot reach https://vitam.example:8443: refused"
    assert fields["sip"].text() == "/gone/Etat_civil.zip (no longer on disk)" and fields["atr"].text() == "—"
    assert not dialog.problems.isVisible()


def test_buttons_follow_the_selected_record(records, dialog, monkeypatch, tmp_path):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    for key in ("ok", "ko", "failed"):  # final records cannot be polled
        dialog.select(records[key].id)
        assert not dialog.poll_button.isEnabled(), key
    dialog.select(records["pending"].id)
    assert dialog.poll_button.isEnabled()
    assert not dialog.atr_button.isEnabled() and not dialog.sip_button.isEnabled()  # no reply yet, SIP gone

    dialog.select(records["ok"].id)
    assert dialog.atr_button.isEnabled() and dialog.sip_button.isEnabled()
    dialog.atr_button.click()
    dialog.sip_button.click()
    assert [url.toLocalFile() for url in opened] == [records["ok"].atr, str(tmp_path)]


@pytest.fixture
def target(tmp_path) -> Target:
    certificate = tmp_path / "client.p12"
    certificate.write_bytes(b"not used: the session is mocked")
    target = Target("vitam-prod", "https://vitam.example:8443", "", certificate=str(certificate))
    TargetStore().save(target)
    return target


def test_poll_again_fetches_the_reply_and_updates_the_table(qtbot, records, dialog, target, monkeypatch):
    release = threading.Event()
    asked: list[tuple[str, str]] = []

    @contextmanager
    def session_for(chosen):
        yield object()

    def wait_completed(session, chosen, operation, *, cancel=None, timeouts=None):
        asked.append((chosen.name, operation))
        assert release.wait(10)
        return True

    def download_atr(session, chosen, operation, dest, timeouts=None):
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ATR / "atr-ok-seda21-doc-example.xml", dest)
        return parse_atr(dest)

    monkeypatch.setattr(client, "session_for", session_for)
    monkeypatch.setattr(client, "wait_completed", wait_completed)
    monkeypatch.setattr(client, "download_atr", download_atr)
    pending = records["pending"]
    dialog.select(pending.id)
    dialog.poll_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert asked == [("vitam-prod", PENDING_OPERATION)]
    assert dialog.is_polling() and not dialog.poll_button.isEnabled()  # one poll at a time per record
    assert "Asking vitam-prod" in dialog.message.text()
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_polling(), timeout=10000)

    saved = History().get(pending.id)
    assert saved.status == "OK" and saved.archived and Path(saved.atr).is_file()
    assert dialog.selected_record().id == pending.id  # the refresh kept the selection
    item = dialog.table.currentItem()
    assert item.text(STATUS) == "archived (OK)" and item.foreground(STATUS).color() == GREEN
    assert "archived (OK)" in dialog.message.text()
    assert not dialog.poll_button.isEnabled() and dialog.atr_button.isEnabled()
    qtbot.waitUntil(lambda: "archive units 15, objects 14" in dialog.fields["result"].text(), timeout=10000)


def test_poll_again_without_the_target_says_why(qtbot, records, dialog):
    dialog.select(records["pending"].id)
    dialog.poll_button.click()
    qtbot.waitUntil(lambda: not dialog.is_polling(), timeout=10000)
    assert "Polling failed" in dialog.message.text() and "No target named vitam-prod" in dialog.message.text()
    assert History().get(records["pending"].id).status == "timeout"  # still re-pollable
    assert dialog.poll_button.isEnabled()


def test_empty_history_shows_a_placeholder(dialog):
    assert dialog.stack.currentWidget() is dialog.placeholder
    assert "No transfer has been sent yet" in dialog.placeholder.text()
    assert not dialog.poll_button.isEnabled() and not dialog.atr_button.isEnabled()


def test_unreadable_history_gives_a_message_not_a_traceback(qtbot):
    history = History()
    history.folder.mkdir(parents=True)
    history.path.write_bytes(b'{"id": "a", "status": "OK"}\n\xff\xfe\x00garbage\n')  # not UTF-8: records() raises
    with pytest.raises(UnicodeDecodeError):
        history.records()
    window = HistoryDialog()  # pytest-qt fails the test on any exception raised in Qt callbacks
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.placeholder
    assert "The transfer history cannot be read" in window.placeholder.text()
    assert str(history.path) in window.placeholder.text()
    window.refresh_button.click()  # still no exception
    assert window.table.topLevelItemCount() == 0

    history.path.unlink()
    history.path.mkdir()  # a folder where the file should be: OSError
    window.refresh()
    assert "cannot be read" in window.placeholder.text()
    window.runner.wait()


def test_damaged_records_are_left_out_and_counted(qtbot, records):
    history = History()
    with history.path.open("a", encoding="utf-8") as stream:
        stream.write("{broken\n")  # skipped by the engine itself
        stream.write('{"id": "bad", "sip": 12, "status": ["OK"], "error": "text"}\n')
    window = HistoryDialog()
    qtbot.addWidget(window)
    window.show()
    assert window.table.topLevelItemCount() == 4
    assert window.notice.isVisible() and "(1)" in window.notice.text()
    window.runner.wait()


def test_menu_action_opens_one_window_that_follows_the_sends(qtbot, window, records):
    action = window.actions_.history
    assert action in window.menuBar().actions()[0].menu().actions()  # File menu, right after "Send to Vitam"
    file_actions = window.menuBar().actions()[0].menu().actions()
    assert file_actions[file_actions.index(window.actions_.send) + 1] is action
    action.trigger()
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.runner is window.runner and dialog.table.topLevelItemCount() == 4
    dialog.close()
    action.trigger()
    assert window.findChildren(HistoryDialog) == [dialog] and dialog.isVisible()  # reused

    newer = History().save(TransferRecord(date="2025-04-01T10:00:00+02:00", sip="/gone/New.zip", target="recette",
                                          operation_id="aeeaaaaaacgkqpbuaazxwamzwkxhpqqaaaaq", status="accepted"))
    window.sent.emit(None)  # what the send flow emits when it ends
    assert dialog.table.topLevelItemCount() == 5 and dialog.records_shown()[0].id == newer.id
