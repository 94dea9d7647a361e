"""The Vitam targets dialog: the form saves through the engine, the passphrase only in the (in-memory) keyring,
the connection test runs in a worker against the sandbox of tests/sae, and Send offers the dialog."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.sae.client import Timeouts
from app.sae.targets import KEYRING_SERVICE, Target, TargetError, TargetStore, config_dir
from app.ui import send as send_module
from app.ui.targets import TargetForm, TargetsDialog
from tests.sae.conftest import make_sandbox, memory_keyring, pki, referentials, sandbox, target_for  # noqa: F401

FAST = Timeouts(connect=5, read=20)
USER = "target:{name}"


def _secret(memory, name: str) -> str | None:
    return memory.store.get((KEYRING_SERVICE, USER.format(name=name)))


def _files_containing(text: str) -> list[Path]:
    """Files of the (per-test) config and data folders whose bytes contain *text*."""
    import os

    found = []
    for folder in (config_dir(), Path(os.environ["XDG_DATA_HOME"])):
        for path in folder.rglob("*"):
            if path.is_file() and text.encode() in path.read_bytes():
                found.append(path)
    return found


def _engine_message(target: Target) -> str:
    with pytest.raises(TargetError) as error:
        target.check()
    return error.value.message.render()


@pytest.fixture
def forms(monkeypatch) -> Callable[[Callable[[TargetForm], None]], list[TargetForm]]:
    """Replace the modal run of the form: *fill* types into the real fields, then Save is clicked."""
    shown: list[TargetForm] = []

    def install(fill: Callable[[TargetForm], None]) -> list[TargetForm]:
        def exec_(form: TargetForm) -> int:
            shown.append(form)
            fill(form)
            form.save_button.click()
            return form.result()

        monkeypatch.setattr(TargetForm, "exec", exec_)
        return shown

    return install


def _fill_new(pki, name: str = "recette", url: str = "https://vitam.example.fr:8443", **more) -> Callable:  # noqa: F811
    client = pki.clients["alice"]

    def fill(form: TargetForm) -> None:
        form.name.setText(name)
        form.ingest_url.setText(url)
        form.tenant.setValue(more.get("tenant", 2))
        form.certificate.setText(str(client.p12))
        form.ca_bundle.setText(str(pki.ca_cert))
        form.passphrase.setText(more.get("passphrase", client.password))

    return fill


def _dialog(qtbot, **options) -> TargetsDialog:
    dialog = TargetsDialog(**options)
    qtbot.addWidget(dialog)
    dialog.test_timeouts = FAST
    return dialog


def _saved(pki, name: str = "recette", url: str = "https://vitam.example.fr:8443", **fields) -> Target:  # noqa: F811
    client = pki.clients["alice"]
    target = Target(name, url, url, certificate=str(client.p12), ca_bundle=str(pki.ca_cert), **fields)
    TargetStore().save(target, client.password)
    return target


# -- add, edit, remove --------------------------------------------------------------------------------
def test_a_target_added_in_the_form_is_saved_with_its_passphrase_only_in_the_keyring(qtbot, forms, pki,  # noqa: F811
                                                                                    memory_keyring):  # noqa: F811
    dialog = _dialog(qtbot)
    assert dialog.stack.currentWidget() is dialog.placeholder and "No target yet" in dialog.placeholder.text()
    assert not dialog.edit_button.isEnabled() and not dialog.test_button.isEnabled()
    shown = forms(_fill_new(pki))
    dialog.add_button.click()

    assert shown and shown[0].result() == QDialog.DialogCode.Accepted
    target = TargetStore().get("recette")
    assert (target.ingest_base(), target.admin_base(), target.tenant) == (
        "https://vitam.example.fr:8443/ingest-external/v1", "https://vitam.example.fr:8443/admin-external/v1", 2)
    assert target.certificate == str(pki.clients["alice"].p12.resolve()) and target.key == ""
    assert target.ca_bundle == str(pki.ca_cert.resolve()) and target.has_secret
    assert (target.context, target.application_id) == ("DEFAULT_WORKFLOW", "liasse")  # the CLI's defaults
    password = pki.clients["alice"].password
    assert _secret(memory_keyring, "recette") == password
    assert TargetStore().path.is_file() and not _files_containing(password)
    assert shown[0].passphrase.text() == ""  # not kept in the widget once saved
    # The list shows it, selected, with its passphrase in the keyring.
    assert dialog.selected().name == "recette" and dialog.table.topLevelItemCount() == 1
    item = dialog.table.topLevelItem(0)
    assert item.text(1) == target.ingest_base() and item.text(2) == "2" and item.text(4) == "in the keyring"
    assert "recette saved" in dialog.message.text() and dialog.test_button.isEnabled()


@pytest.mark.parametrize(("field", "value"), [("ingest_url", "http://vitam.example.fr:8443"),
                                              ("ingest_url", "vitam.example.fr"),
                                              ("name", "ma cible"), ("admin_url", "ftp://vitam.example.fr")])
def test_a_bad_address_or_name_shows_the_engine_message_and_saves_nothing(qtbot, pki, memory_keyring,  # noqa: F811
                                                                          field, value):
    form = TargetForm(TargetStore())
    qtbot.addWidget(form)
    _fill_new(pki)(form)
    getattr(form, field).setText(value)
    form.save_button.click()

    assert form.result() != QDialog.DialogCode.Accepted and form.saved is None
    assert form.error.isVisibleTo(form)
    assert form.error.text() == _engine_message(form.target())
    assert value in form.error.text()
    assert not TargetStore().path.exists() and memory_keyring.store == {}


def test_a_pem_certificate_without_its_key_is_refused_by_the_engine(qtbot, pki, memory_keyring):  # noqa: F811
    form = TargetForm(TargetStore())
    qtbot.addWidget(form)
    _fill_new(pki)(form)
    assert not form.key.isEnabled()  # a PKCS#12 file holds its key
    form.certificate.setText(str(pki.clients["alice"].cert_pem))
    assert form.key.isEnabled()
    form.save_button.click()
    assert "private key" in form.error.text() and not TargetStore().path.exists()
    form.key.setText(str(pki.clients["alice"].key_pem))
    form.passphrase.clear()
    form.save_button.click()
    assert form.result() == QDialog.DialogCode.Accepted
    assert TargetStore().get("recette").key == str(pki.clients["alice"].key_pem.resolve())


def test_the_file_pickers_fill_the_fields(qtbot, monkeypatch, pki):  # noqa: F811
    form = TargetForm(TargetStore())
    qtbot.addWidget(form)
    asked = []

    def pick(parent, caption, start, filters):
        asked.append((caption, filters))
        return str(pki.ca_cert), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    form._browse_buttons[form.ca_bundle].click()
    assert form.ca_bundle.text() == str(pki.ca_cert) and asked[0][0] == "Certificate authority"


def test_keyring_unavailable_gives_a_message_and_saves_nothing(qtbot, pki):  # noqa: F811
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        form = TargetForm(TargetStore())
        qtbot.addWidget(form)
        _fill_new(pki)(form)
        form.save_button.click()
    finally:
        keyring.set_keyring(previous)
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.error.text().startswith("Cannot store the passphrase in the system keyring")
    assert "never written to a file" in form.error.text()
    assert not TargetStore().path.exists()


def test_edit_keeps_the_stored_passphrase_when_the_field_is_left_empty(qtbot, forms, pki,  # noqa: F811
                                                                      memory_keyring):  # noqa: F811
    _saved(pki)
    password = pki.clients["alice"].password
    dialog = _dialog(qtbot)
    assert dialog.select("recette")

    def change_tenant(form: TargetForm) -> None:
        assert form.name.isReadOnly() and form.name.text() == "recette"
        assert form.passphrase.text() == "" and "keep the stored passphrase" in form.passphrase.placeholderText()
        assert form.admin_url.text() == ""  # saved equal to the ingest address
        form.tenant.setValue(7)

    forms(change_tenant)
    dialog.edit_button.click()
    target = TargetStore().get("recette")
    assert target.tenant == 7 and target.has_secret and _secret(memory_keyring, "recette") == password
    assert dialog.table.topLevelItem(0).text(2) == "7"

    forms(lambda form: form.passphrase.setText("une autre phrase"))
    dialog.edit_button.click()
    assert _secret(memory_keyring, "recette") == "une autre phrase" and TargetStore().get("recette").has_secret
    assert not _files_containing("une autre phrase")

    forms(lambda form: form.forget.setChecked(True))
    dialog.edit_button.click()
    assert not TargetStore().get("recette").has_secret and _secret(memory_keyring, "recette") is None
    assert dialog.table.topLevelItem(0).text(4) == "none"


def test_adding_an_existing_name_asks_before_replacing(qtbot, forms, monkeypatch, pki,  # noqa: F811
                                                      memory_keyring):  # noqa: F811
    _saved(pki, tenant=1)
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: questions.append(args[2]) or QMessageBox.StandardButton.No)
    dialog = _dialog(qtbot)
    shown = forms(_fill_new(pki, tenant=5))
    dialog.add_button.click()
    assert "A target named recette already exists" in questions[0]
    assert shown[0].result() != QDialog.DialogCode.Accepted and TargetStore().get("recette").tenant == 1


def test_remove_asks_then_forgets_the_target_and_its_passphrase(qtbot, monkeypatch, pki,  # noqa: F811
                                                                memory_keyring):  # noqa: F811
    _saved(pki)
    _saved(pki, "autre", "https://autre.example.fr")
    dialog = _dialog(qtbot)
    assert dialog.select("recette")
    questions = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: questions.append(args[2]) or answer)
    dialog.remove_button.click()
    assert "Remove the target recette?" in questions[0] and "keyring" in questions[0]
    assert set(TargetStore().load()) == {"autre", "recette"} and _secret(memory_keyring, "recette")

    answer = QMessageBox.StandardButton.Yes
    dialog.remove_button.click()
    assert set(TargetStore().load()) == {"autre"}
    assert _secret(memory_keyring, "recette") is None and _secret(memory_keyring, "autre")
    assert set(dialog.targets()) == {"autre"} and dialog.message.text() == "Target recette removed."


def test_an_unreadable_targets_file_gives_the_engine_message(qtbot):
    store = TargetStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{not json", encoding="utf-8")
    dialog = _dialog(qtbot)
    assert dialog.stack.currentWidget() is dialog.placeholder
    assert dialog.placeholder.text().startswith(f"Cannot read the targets file {store.path}")


# -- test the connection ------------------------------------------------------------------------------
def _run_test(qtbot, dialog: TargetsDialog, name: str) -> str:
    assert dialog.select(name)
    dialog.test_button.click()
    # The check runs in a worker: the dialog answers at once and says what it is doing.
    assert dialog.is_testing() and not dialog.test_button.isEnabled()
    assert dialog.message.text().startswith(f"Connecting to {name}")
    qtbot.waitUntil(lambda: not dialog.is_testing(), timeout=30000)
    assert dialog.test_button.isEnabled()
    return dialog.message.text()


def test_the_connection_test_succeeds_against_the_sandbox(qtbot, sandbox, pki, memory_keyring):  # noqa: F811
    target_for(sandbox, pki)
    dialog = _dialog(qtbot)
    text = _run_test(qtbot, dialog, "sandbox")
    assert text.startswith(f"sandbox — Connection succeeded: {sandbox.url}/ingest-external/v1 answered"), text
    assert "tenant 0" in text and "#19873c" in dialog.message.styleSheet()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("case", ["closed port", "untrusted server", "not vitam", "no keyring"])
def test_the_connection_test_reports_failures(qtbot, sandbox, pki, memory_keyring, case):  # noqa: F811
    client = pki.clients["alice"]
    if case == "closed port":
        url = f"https://127.0.0.1:{_closed_port()}"
        target = _saved(pki, "fermee", url)
        expected = f"Cannot connect to {url}/ingest-external/v1/status: connection refused"
    elif case == "untrusted server":  # a CA that did not sign the sandbox's certificate
        target = _saved(pki, "fermee", sandbox.url)
        TargetStore().save(Target(**{**target.__dict__, "ca_bundle": str(client.cert_pem)}))
        expected = f"Secure connection to {sandbox.url}/ingest-external/v1/status failed"
    elif case == "not vitam":
        target = _saved(pki, "fermee", f"{sandbox.url}/autre-chose")
        expected = "answered 404 (not found)"
    else:
        target = _saved(pki, "fermee", sandbox.url)
    dialog = _dialog(qtbot)
    if case == "no keyring":
        previous = keyring.get_keyring()
        keyring.set_keyring(NoKeyring())
        try:
            text = _run_test(qtbot, dialog, target.name)
        finally:
            keyring.set_keyring(previous)
        expected = "Cannot read the passphrase of target fermee from the system keyring"
    else:
        text = _run_test(qtbot, dialog, target.name)
    assert text.startswith("The connection test of fermee failed: "), text
    assert expected in text, text
    assert "Traceback" not in text and "#c82828" in dialog.message.styleSheet()


# -- hooked into the window ---------------------------------------------------------------------------
def test_the_transfer_menu_opens_the_targets_dialog(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(TargetsDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Transfer")
    texts = [a.text() for a in menu.actions()]
    assert texts.index("Vitam &targets…") == texts.index("Se&nd to Vitam…") + 1
    window.actions_.targets.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Vitam targets"
    assert opened[0].runner is window.runner  # a test still running never blocks the dialog's closing


def _answer_box(monkeypatch, button_text: str | None, seen: list) -> None:
    """Answer the next QMessageBox by clicking the button called *button_text* (None: the Cancel button)."""

    def exec_(box: QMessageBox) -> int:
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        wanted = box.button(QMessageBox.StandardButton.Cancel) if button_text is None else next(
            b for b in box.buttons() if b.text() == button_text)
        wanted.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    # The former dead end (a hint to use liasse-cli) must not come back.
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: pytest.fail(f"information box: {args}"))


def test_send_without_a_target_offers_to_configure_one_then_continues(qtbot, loaded, monkeypatch, forms,
                                                                      pki, memory_keyring):  # noqa: F811
    seen, offered = [], []
    _answer_box(monkeypatch, "Configure a target…", seen)

    def targets_exec(dialog: TargetsDialog) -> int:  # the user adds a target in the real dialog
        dialog.add_button.click()
        return 1

    monkeypatch.setattr(TargetsDialog, "exec", targets_exec)
    forms(_fill_new(pki))
    monkeypatch.setattr(send_module.SendDialog, "exec", lambda d: offered.append(dict(d.targets)) or 0)
    loaded.send_dialog()

    assert seen[0][0] == "No Vitam target is configured yet."
    assert "Configure a target…" in seen[0][1] and "Cancel" in seen[0][1]
    assert TargetStore().get("recette").has_secret
    assert len(offered) == 1 and set(offered[0]) == {"recette"}  # then the send dialog, with the new target


def test_send_without_a_target_stops_when_the_offer_is_declined(qtbot, loaded, monkeypatch):
    seen, opened, offered = [], [], []
    _answer_box(monkeypatch, None, seen)
    monkeypatch.setattr(TargetsDialog, "exec", lambda d: opened.append(d) or 0)
    monkeypatch.setattr(send_module.SendDialog, "exec", lambda d: offered.append(d) or 0)
    loaded.send_dialog()
    assert seen and not opened and not offered


def test_send_stops_when_the_dialog_is_closed_without_a_target(qtbot, loaded, monkeypatch):
    seen, opened, offered = [], [], []
    _answer_box(monkeypatch, "Configure a target…", seen)
    monkeypatch.setattr(TargetsDialog, "exec", lambda d: opened.append(d) or 0)
    monkeypatch.setattr(send_module.SendDialog, "exec", lambda d: offered.append(d) or 0)
    loaded.send_dialog()
    assert len(opened) == 1 and not offered


def test_the_form_tests_its_settings_before_they_are_saved(qtbot, sandbox, pki, memory_keyring):  # noqa: F811
    form = TargetForm(TargetStore())
    qtbot.addWidget(form)
    form.test_timeouts = FAST
    _fill_new(pki, "essai", sandbox.url)(form)
    form.test_button.click()
    assert not form.test_button.isEnabled()  # one test at a time; the form stays usable meanwhile
    qtbot.waitUntil(form.test_button.isEnabled, timeout=30000)
    assert form.error.text().startswith(f"Connection succeeded: {sandbox.url}/ingest-external/v1 answered")
    # Nothing was saved, not even the passphrase typed.
    assert "essai" not in TargetStore().load() and _secret(memory_keyring, "essai") is None
    form.passphrase.setText("not the passphrase")
    form.test_button.click()
    qtbot.waitUntil(form.test_button.isEnabled, timeout=30000)
    assert form.error.text().startswith("The connection test failed:"), form.error.text()
    form.ingest_url.setText("http://vitam.example.fr")  # refused by the engine before any connection
    form.test_button.click()
    assert form.test_button.isEnabled() and "https" in form.error.text()
