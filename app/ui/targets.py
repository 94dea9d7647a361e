"""The Vitam targets of the user, managed from the window: list, add, edit, remove, test the connection.

The same engine as ``liasse-cli targets`` (:mod:`app.sae.targets`): :class:`TargetStore` keeps
``targets.json`` in the user's config folder, :meth:`Target.check` says what cannot work (its message is
shown as is), and the passphrase of the certificate goes to the system keyring only, through
:meth:`TargetStore.save` (never to a file, never to the settings). A target keeps its name once saved:
the transfer history refers to targets by name.

"Test the connection" runs in a background worker: it opens the TLS session the client uses for
transfers (:func:`app.sae.client.session_for`: the server's certificate is always verified, the client
certificate presented) and asks the ingest-external status endpoint (``GET .../status``, 204 on Vitam).
Network and TLS failures are told with the client's own messages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.sae.targets import Target, TargetError, TargetStore
from app.ui.panels import translate
from app.ui.workers import Runner

NAME, ADDRESS, TENANT, CERTIFICATE, PASSPHRASE = range(5)
GREEN, RED = QColor(25, 135, 60), QColor(200, 40, 40)
MAX_TENANT = 999_999_999  # what Vitam's X-Tenant-Id filter reads (an integer of at most 9 digits)
STATUS_OK = (200, 204)  # Vitam's status endpoint answers 204


# -- the connection test (run in a worker) ----------------------------------------------------------
def _message(text: str, **params: object) -> Message:
    return Message("TargetsDialog", text, params)


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) < 300 else text[:297] + "..."


def _network_error(exc, url: str, timeouts):
    """A SendError for a failed status request: the client's messages, except those that speak of a SIP."""
    import requests

    from app.sae.client import SendError, error_for_exception

    refused = "refused" in str(exc).lower()
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return SendError(_message(QT_TRANSLATE_NOOP(
            "TargetsDialog", "{url} accepted the connection but did not answer within {seconds} s. The server may "
                             "be overloaded: try again later."), url=url, seconds=int(timeouts.read)))
    lost = (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)
    if isinstance(exc, lost) and not refused and not isinstance(
            exc, requests.exceptions.SSLError | requests.exceptions.ConnectTimeout):
        return SendError(_message(QT_TRANSLATE_NOOP(
            "TargetsDialog", "Cannot reach {url}: {error}. Check the address and the network."),
            url=url, error=_short(exc)))
    return error_for_exception(exc, url, timeouts)


def check_connection(target: Target, timeouts=None, **secret: str | None) -> Message:
    """Ask *target*'s ingest-external status endpoint through the client's TLS session.

    Returns the message to show when the server answered; raises :class:`app.sae.client.SendError` (or
    :class:`TargetError` for a target that cannot work) with a readable message otherwise. ``secret=``
    gives the passphrase of a target not saved yet (else the keyring's is used).
    """
    import requests

    from app.sae.client import SendError, Timeouts, error_for_response, session_for

    timeouts = timeouts or Timeouts(connect=10, read=30)
    target.check()
    url = f"{target.ingest_base()}/status"
    headers = {"X-Tenant-Id": str(target.tenant), "X-Application-Id": target.application_id}
    with session_for(target, **secret) as session:
        try:
            response = session.get(url, headers=headers, timeout=(timeouts.connect, timeouts.read),
                                   allow_redirects=False)
        except requests.RequestException as exc:
            raise _network_error(exc, url, timeouts) from exc
        status = response.status_code
        if status in STATUS_OK:
            return _message(QT_TRANSLATE_NOOP(
                "TargetsDialog", "Connection succeeded: {url} answered, its certificate is trusted and it accepted "
                                 "the client certificate. Whether this certificate may send transfers to tenant "
                                 "{tenant} is checked by Vitam at the first transfer (send one in test mode to "
                                 "check it)."), url=target.ingest_base(), tenant=target.tenant)
        if status == 401:
            raise error_for_response(response, target)
        if status == 404:
            raise SendError(_message(QT_TRANSLATE_NOOP(
                "TargetsDialog", "The server answered 404 (not found) at {url}: this is not the address of a Vitam "
                                 "ingest-external service. Check the ingest address."), url=url))
        if status == 503:
            raise SendError(_message(QT_TRANSLATE_NOOP(
                "TargetsDialog", "Vitam answered 503 (service unavailable) at {url}: the platform is not ready. "
                                 "Try again later or ask its administrators."), url=url))
        raise SendError(_message(QT_TRANSLATE_NOOP(
            "TargetsDialog", "The server answered {status} at {url}, where Vitam answers 204. Check the ingest "
                             "address."), status=status, url=url))


def _error_text(exc: BaseException) -> str:
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return message.render(translate)
    return QCoreApplication.translate("TargetsDialog", "Unexpected error: {error}").format(
        error=f"{type(exc).__name__}: {_short(exc)}")


def _hint(text: str, details: str = "") -> QLabel:
    """A one-line explanation under a field, in the placeholder colour (*details* in its tooltip).

    One line, not word-wrapped: QFormLayout sizes wrapped labels for a narrower width than they get.
    """
    label = QLabel(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setToolTip(details)
    return label


def _path(line: QLineEdit) -> str:
    """The absolute path typed or picked in *line* ("" if empty), as ``liasse-cli targets add`` stores it."""
    text = line.text().strip()
    return str(Path(text).expanduser().resolve()) if text else ""


# -- the form ---------------------------------------------------------------------------------------
class TargetForm(QDialog):
    """Add a target (*original* None) or edit one; Save checks it with the engine and stores it."""

    def __init__(self, store: TargetStore, original: Target | None = None, parent: QWidget | None = None,
                 runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_form")
        self.store = store
        self.original = original
        self.saved: Target | None = None
        self._browse_buttons: dict[QLineEdit, QPushButton] = {}
        editing = original is not None
        self.setWindowTitle(self.tr("Edit the target {name}").format(name=original.name) if editing
                            else self.tr("New Vitam target"))
        layout = QVBoxLayout(self)
        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. production, recette, sandbox"))
        form.addRow(self.tr("Name"), self.name)
        if editing:
            self.name.setReadOnly(True)
            self.name.setToolTip(self.tr("The name of a saved target cannot be changed: the transfer history "
                                         "refers to it. Add a new target instead."))
        self.ingest_url = QLineEdit()
        self.ingest_url.setPlaceholderText("https://vitam.example.fr:8443")
        self.ingest_url.setToolTip(self.tr("Address of the ingest-external service of Vitam"))
        form.addRow(self.tr("Ingest address"), self.ingest_url)
        self.admin_url = QLineEdit()
        self.admin_url.setPlaceholderText(self.tr("Optional: the ingest address"))
        self.admin_url.setToolTip(self.tr("Address of the admin-external service, used to follow the processing "
                                          "of a transfer (often port 8444)"))
        form.addRow(self.tr("Admin address"), self.admin_url)
        self.tenant = QSpinBox()
        self.tenant.setRange(0, MAX_TENANT)
        self.tenant.setToolTip(self.tr("Number of the Vitam tenant the transfers go to"))
        form.addRow(self.tr("Tenant"), self.tenant)
        self.context = QLineEdit()
        self.context.setPlaceholderText(Target.context)
        self.context.setToolTip(self.tr("Ingest workflow asked from Vitam (X-Context-Id)"))
        form.addRow(self.tr("Workflow"), self.context)
        self.application_id = QLineEdit()
        self.application_id.setPlaceholderText(Target.application_id)
        self.application_id.setToolTip(self.tr("Application session id sent to Vitam (X-Application-Id) and "
                                               "recorded in its logbook"))
        form.addRow(self.tr("Application id"), self.application_id)

        self.certificate = self._file_row(self.tr("Client certificate"), self.tr(
            "Certificates (*.p12 *.pfx *.pem *.crt *.cer);;All files (*)"))
        self.certificate.setPlaceholderText(self.tr("PKCS#12 file (.p12, .pfx) or PEM certificate"))
        self.certificate.textChanged.connect(self._on_certificate_text_changed)
        self.key = self._file_row(self.tr("Private key"), self.tr("PEM keys (*.pem *.key);;All files (*)"))
        self.key.setPlaceholderText(self.tr("Only with a PEM certificate"))
        self.ca_bundle = self._file_row(self.tr("Certificate authority"), self.tr(
            "Certificates (*.pem *.crt *.cer);;All files (*)"))
        self.ca_bundle.setPlaceholderText(self.tr("Optional: the authorities the system trusts"))
        self.ca_bundle.setToolTip(self.tr("The server's certificate must be signed by this authority, or by one "
                                          "the system trusts; there is no way to turn the verification off."))
        form.addRow("", _hint(self.tr("The server's certificate is always verified (TLS)."), self.ca_bundle.toolTip()))

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("target_passphrase")
        stored = editing and original.has_secret
        self.passphrase.setPlaceholderText(self.tr("Leave empty to keep the stored passphrase") if stored
                                           else self.tr("If the certificate or key has one"))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.forget = QCheckBox(self.tr("Forget the stored passphrase"))
        self.forget.toggled.connect(self._on_forget_toggled)
        form.addRow("", self.forget)
        form.setRowVisible(self.forget, stored)
        form.addRow("", _hint(self.tr("Kept in the system keyring, never written to a file.")))

        self.error = QLabel()
        self.error.setObjectName("target_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet(f"color: {RED.name()};")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.test_button = buttons.addButton(self.tr("Test the connection"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.setToolTip(self.tr("Try these settings without saving them"))
        self.test_button.clicked.connect(self.test)
        # The list's runner: closing the form never waits for a test still connecting (its result is dropped).
        self.runner = runner or Runner(self)
        self.test_timeouts = None
        self._closed = False
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if editing:
            self._fill(original)
        else:
            self._on_certificate_text_changed()
        self.resize(max(self.sizeHint().width(), 680), self.sizeHint().height())

    def _file_row(self, caption: str, filters: str) -> QLineEdit:
        line = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda _=False: self._browse(line, caption, filters))
        self._browse_buttons[line] = browse
        row = QHBoxLayout()
        row.addWidget(line, 1)
        row.addWidget(browse)
        self.form.addRow(caption, row)
        return line

    def _browse(self, line: QLineEdit, caption: str, filters: str) -> None:
        start = line.text().strip() or (str(Path(self.certificate.text().strip()).parent)
                                        if self.certificate.text().strip() else "")
        path, _ = QFileDialog.getOpenFileName(self, caption, start, filters)
        if path:
            line.setText(path)

    def _fill(self, target: Target) -> None:
        self.name.setText(target.name)
        self.ingest_url.setText(target.ingest_url)
        self.admin_url.setText(target.admin_url if target.admin_url != target.ingest_url else "")
        self.tenant.setValue(target.tenant)
        self.context.setText(target.context)
        self.application_id.setText(target.application_id)
        self.certificate.setText(target.certificate)
        self.key.setText(target.key)
        self.ca_bundle.setText(target.ca_bundle)
        self._on_certificate_text_changed()

    def _on_certificate_text_changed(self, _text: str = "") -> None:
        # A PKCS#12 file holds its key; a PEM certificate needs one (Target.check says so on save).
        pem = not Target("", "", "", certificate=self.certificate.text().strip()).is_pkcs12()
        self.key.setEnabled(pem)
        self._browse_buttons[self.key].setEnabled(pem)

    def _on_forget_toggled(self, checked: bool) -> None:
        if checked:
            self.passphrase.clear()
        self.passphrase.setEnabled(not checked)

    def target(self) -> Target:
        """The target the fields describe (not checked)."""
        ingest = self.ingest_url.text().strip()
        certificate = _path(self.certificate)
        target = Target(self.name.text().strip(), ingest, self.admin_url.text().strip() or ingest,
                        self.tenant.value(), self.context.text().strip() or Target.context,
                        self.application_id.text().strip() or Target.application_id, certificate,
                        ca_bundle=_path(self.ca_bundle))
        if not target.is_pkcs12():
            target.key = _path(self.key)
        if self.original is not None:  # an empty passphrase field keeps the stored one
            target.has_secret = self.original.has_secret and not self.forget.isChecked()
        return target

    def test(self) -> None:
        """Check the connection with the fields as they are (nothing saved), in a worker."""
        target = self.target()
        try:
            target.check()
        except TargetError as exc:
            self._show_error(exc.message.render(translate))
            return
        secret: dict[str, str | None] = {}
        if self.passphrase.text() or not target.has_secret:  # else the stored passphrase of the edited target
            secret["secret"] = self.passphrase.text() or None
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting to {url}…").format(url=target.ingest_base()), ok=True)
        timeouts = self.test_timeouts
        self.runner.start(lambda _progress, _cancel: check_connection(target, timeouts, **secret),
                          on_finished=lambda message: self._on_tested(message.render(translate), ok=True),
                          on_failed=lambda exc: self._on_tested(_error_text(exc), ok=False),
                          on_cancelled=lambda: self._on_tested("", ok=False))

    def _on_tested(self, text: str, *, ok: bool) -> None:
        if self._closed:
            return
        self.test_button.setEnabled(True)
        if text:
            self._show_result(text if ok else self.tr("The connection test failed: {error}").format(error=text),
                              ok=ok)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.error.setStyleSheet(f"color: {(GREEN if ok else RED).name()};")
        self.error.setText(text)
        self.error.show()

    def done(self, result: int) -> None:  # noqa: D102 - Qt API
        self._closed = True
        super().done(result)

    def accept(self) -> None:  # noqa: D102 - Qt API
        target = self.target()
        secret = self.passphrase.text() or None
        try:
            target.check()  # before anything is written or stored in the keyring
            if self.original is None and target.name in self.store.load() and not self._replace(target.name):
                return
            self.store.save(target, secret)
        except TargetError as exc:
            self._show_error(exc.message.render(translate))
            return
        except OSError as exc:
            self._show_error(self.tr("The target could not be saved in {path}: {error}").format(
                path=str(self.store.path), error=exc.strerror or str(exc)))
            return
        self.passphrase.clear()
        self.saved = target
        super().accept()

    def reject(self) -> None:  # noqa: D102 - Qt API
        self.passphrase.clear()
        super().reject()

    def _replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, self.windowTitle(),
            self.tr("A target named {name} already exists. Replace it?").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _show_error(self, text: str) -> None:
        self._show_result(text, ok=False)


# -- the list ---------------------------------------------------------------------------------------
class TargetsDialog(QDialog):
    """The saved targets, with Add, Edit, Remove and Test the connection."""

    test_timeouts = None  # app.sae.client.Timeouts of the connection test; None: 10 s to connect, 30 s to answer

    def __init__(self, parent: QWidget | None = None, store: TargetStore | None = None,
                 runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targets_dialog")
        self.setWindowTitle(self.tr("Vitam targets"))
        self.store = store or TargetStore()
        # The window's runner outlives this dialog: closing it never waits for a test still running.
        self.runner = runner or Runner(self)
        self._targets: dict[str, Target] = {}
        self._testing: dict[str, object] = {}  # target name -> its worker
        self._closed = False

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The Vitam platforms (or training sandboxes) transfers are sent to. Each one is "
                               "reached with your client certificate; its passphrase is kept in the system "
                               "keyring."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.table = QTreeWidget()
        self.table.setObjectName("targets_table")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Name"), self.tr("Ingest address"), self.tr("Tenant"),
                                    self.tr("Client certificate"), self.tr("Passphrase")])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.table.currentItemChanged.connect(self._on_table_current_item_changed)
        self.table.itemDoubleClicked.connect(self._on_table_item_double_clicked)
        self.stack.addWidget(self.table)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("targets_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.stack.addWidget(self.placeholder)

        self.message = QLabel()
        self.message.setObjectName("targets_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.setToolTip(self.tr("Connect to the target with its certificate and ask whether Vitam "
                                            "answers (nothing is sent)"))
        self.test_button.clicked.connect(self.test)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.resize(860, 400)
        self.refresh()

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Read the targets again; keep (or select) *select* or the current one."""
        current = self.selected()
        keep = select or (current.name if current is not None else None)
        self.table.clear()
        self._targets.clear()
        try:
            self._targets = self.store.load()
        except TargetError as exc:
            self._show_placeholder(exc.message.render(translate), error=True)
            return
        if not self._targets:
            self._show_placeholder(self.tr("No target yet. Click Add… to configure the Vitam platform (or the "
                                           "training sandbox) that receives the transfers."))
            return
        self.stack.setCurrentIndex(0)
        selected = None
        for name in sorted(self._targets):
            item = self._item(self._targets[name])
            self.table.addTopLevelItem(item)
            if name == keep:
                selected = item
        self.table.setCurrentItem(selected or self.table.topLevelItem(0))

    def _item(self, target: Target) -> QTreeWidgetItem:
        item = QTreeWidgetItem([target.name, target.ingest_base(), str(target.tenant),
                                Path(target.certificate).name,
                                self.tr("in the keyring") if target.has_secret else self.tr("none")])
        item.setData(NAME, Qt.ItemDataRole.UserRole, target.name)
        item.setToolTip(ADDRESS, self.tr("Admin: {url}").format(url=target.admin_base()))
        item.setToolTip(CERTIFICATE, target.certificate)
        item.setTextAlignment(TENANT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _show_placeholder(self, text: str, *, error: bool = False) -> None:
        self.placeholder.setText(text)
        self.placeholder.setStyleSheet(f"color: {RED.name()};" if error else "")
        self.stack.setCurrentIndex(1)
        self._update_buttons()

    def targets(self) -> dict[str, Target]:
        """The targets shown, by name."""
        return dict(self._targets)

    def selected(self) -> Target | None:
        """The target of the current row."""
        item = self.table.currentItem()
        return self._targets.get(item.data(NAME, Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, name: str) -> bool:
        """Make the target *name* current; False if it is not shown."""
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item.data(NAME, Qt.ItemDataRole.UserRole) == name:
                self.table.setCurrentItem(item)
                return True
        return False

    def _on_table_current_item_changed(self, _current=None, _previous=None) -> None:
        self._update_buttons()

    def _on_table_item_double_clicked(self, _item=None, _column: int = 0) -> None:
        self.edit()

    def _update_buttons(self) -> None:
        target = self.selected() if self.stack.currentIndex() == 0 else None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(target is not None)
        self.test_button.setEnabled(target is not None and target.name not in self._testing)

    # -- actions ------------------------------------------------------------------------------------
    def add(self) -> None:
        """Open the form for a new target."""
        self._open_form(None)

    def edit(self) -> None:
        """Open the form on the selected target."""
        target = self.selected()
        if target is not None:
            self._open_form(target)

    def _open_form(self, target: Target | None) -> None:
        form = TargetForm(self.store, target, self, runner=self.runner)
        try:
            if form.exec() and form.saved is not None:
                self.refresh(select=form.saved.name)
                self._say(self.tr("Target {name} saved. Test the connection to check it.").format(
                    name=form.saved.name))
        finally:
            form.deleteLater()

    def remove(self) -> None:
        """Forget the selected target and its passphrase, after confirmation."""
        target = self.selected()
        if target is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove a target"),
            self.tr("Remove the target {name}? Its passphrase is removed from the system keyring too. The "
                    "transfers already sent stay in the history.").format(name=target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.remove(target.name)
        except TargetError as exc:
            self._say(exc.message.render(translate), error=True)
            return
        except OSError as exc:
            self._say(self.tr("The target could not be removed from {path}: {error}").format(
                path=str(self.store.path), error=exc.strerror or str(exc)), error=True)
            return
        self.refresh()
        self._say(self.tr("Target {name} removed.").format(name=target.name))

    def test(self) -> None:
        """Check the connection to the selected target in a worker; the result is shown below the list."""
        target = self.selected()
        if target is None or target.name in self._testing:
            return
        name, timeouts = target.name, self.test_timeouts
        self._say(self.tr("Connecting to {name} ({url})…").format(name=name, url=target.ingest_base()))
        self._testing[name] = self.runner.start(
            lambda _progress, _cancel: check_connection(target, timeouts),
            on_finished=lambda message: self._on_tested(name, message.render(translate), ok=True),
            on_failed=lambda exc: self._on_tested(name, _error_text(exc), ok=False),
            on_cancelled=lambda: self._on_tested(name, "", ok=False))
        self._update_buttons()

    def _on_tested(self, name: str, text: str, *, ok: bool) -> None:
        if self._closed:
            return
        self._testing.pop(name, None)
        self._update_buttons()
        if ok:
            self._say(self.tr("{name} — {result}").format(name=name, result=text))
        elif text:
            self._say(self.tr("The connection test of {name} failed: {error}").format(name=name, error=text),
                      error=True)
        else:
            self._say("")

    def is_testing(self) -> bool:
        """Whether a connection test started here has not reported its end yet."""
        return bool(self._testing)

    def _say(self, text: str, *, error: bool = False) -> None:
        """Show *text* under the list (hidden when empty); green unless *error*."""
        self.message.setStyleSheet(f"color: {(RED if error else GREEN).name()};" if text else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def done(self, result: int) -> None:  # noqa: D102 - Qt API
        self._closed = True
        super().done(result)


def show_targets(window: QWidget) -> TargetsDialog:
    """Open the targets dialog of *window* (modal); returns it once closed."""
    dialog = TargetsDialog(window, runner=getattr(window, "runner", None))
    dialog.exec()
    dialog.deleteLater()
    return dialog


def configure_first(window: QWidget) -> dict[str, Target]:
    """No target yet: offer to configure one; the targets saved meanwhile (empty if none or cancelled)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("TargetsDialog", "Send to Vitam"),
                      QCoreApplication.translate("TargetsDialog", "No Vitam target is configured yet."),
                      parent=window)
    box.setInformativeText(QCoreApplication.translate(
        "TargetsDialog", "A target says where the transfers go: the address of the Vitam platform (or of the "
                         "training sandbox), the tenant and your client certificate."))
    configure = box.addButton(QCoreApplication.translate("TargetsDialog", "Configure a target…"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(configure)
    box.exec()
    chosen = box.clickedButton() is configure
    box.deleteLater()
    if not chosen:
        return {}
    show_targets(window)
    try:
        return TargetStore().load()
    except TargetError:
        return {}
