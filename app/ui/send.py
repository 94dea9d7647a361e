"""Send the transfer to Vitam (or the training sandbox): target dialog, background send, ATR outcome.

The job exports a SIP from a detached snapshot to a private temporary file (refused when invalid),
sends it with :func:`app.sae.client.send_sip` (upload progress, cancel, polling, ATR download) and
returns the history record with its parsed ATR. The GUI then marks each unit of the tree with what
the ATR says about it and shows a summary. A unit is marked "archived" only when the reply accepted
the transfer (OK or WARNING) and gave that unit a Vitam id: a failed or rejected transfer never
shows anything as sent.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QWidget,
)

from app.models.transfer import Transfer
from app.ui import jobs
from app.ui import settings as opts
from app.ui.panels import translate

ARCHIVED, WARNING, REJECTED = "archived", "warning", "rejected"
_TOKEN = re.compile(r"[A-Za-z_][\w.-]*")


@dataclass
class SendOutcome:
    """What a send produced: the history record, its parsed ATR (or None) and the status of each unit."""

    record: object  # app.sae.history.TransferRecord
    summary: object | None  # app.sae.atr.AtrSummary
    units: dict[str, str]  # unit id -> ARCHIVED / WARNING / REJECTED


def unit_outcomes(transfer: Transfer, summary) -> dict[str, str]:
    """The status of each unit according to an ATR: archived (with a Vitam id), warning, or rejected."""
    if summary is None:
        return {}
    groups: dict[str, list[str]] = {}
    unit_ids = set()
    for unit in transfer.iter_units():
        unit_ids.add(unit.id)
        if unit.object_group is not None:
            groups.setdefault(unit.object_group.id, []).append(unit.id)
            for obj in unit.object_group.objects:
                groups.setdefault(obj.id, []).append(unit.id)
    concerned: dict[str, str] = {}
    for event in summary.failures():
        state = WARNING if event.outcome == "WARNING" else REJECTED
        named = set(groups.get(event.object_id, ()))
        for text in (event.detail_data, event.message):
            named.update(t for t in _TOKEN.findall(text or "") if t in unit_ids)
            for token in _TOKEN.findall(text or ""):
                named.update(groups.get(token, ()))
        for unit_id in named:
            if concerned.get(unit_id) != REJECTED:
                concerned[unit_id] = state
    result: dict[str, str] = {}
    if summary.accepted:
        for unit_id in summary.units:
            result[unit_id] = WARNING if concerned.get(unit_id) else ARCHIVED
    else:
        result.update({u: REJECTED for u, s in concerned.items() if s == REJECTED})
    return result


def send_job(view: Transfer, target, test: bool, timeouts, progress, cancel, name: str = "SIP",
             keep: str = "") -> SendOutcome:
    """Export *view* (a detached snapshot) to a SIP, send it, fetch and read the ATR.

    The SIP is named after *name* (the project) so that the transfer history says what was sent. It is
    written in the folder *keep* and kept there (named with the date: several sends never overwrite each
    other), or in a temporary folder removed once sent.
    """
    from app.sae.client import record_summary, send_sip
    from app.seda.interop.resip_disk_export import safe_name
    from app.seda.sip import ExportOptions, export_sip

    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="liasse-send-"))
    try:
        base = f"{safe_name(name)} {datetime.now():%Y-%m-%d %H-%M-%S}" if keep else safe_name(name)
        sip, number = folder / f"{base}.zip", 2
        while keep and sip.exists():  # two sends in the same second
            sip, number = folder / f"{base} ({number}).zip", number + 1
        export_sip(view, sip, ExportOptions(validator=jobs.export_validator), progress=progress, cancel=cancel)
        record = send_sip(target, sip, test=test, progress=progress, cancel=cancel, timeouts=timeouts)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    summary = record_summary(record)
    return SendOutcome(record, summary, unit_outcomes(view, summary))


class SendDialog(QDialog):
    """Choose the target (from the SAE configuration) and whether to send in test mode."""

    def __init__(self, targets: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to Vitam"))
        self.resize(520, 180)
        self.targets = targets
        form = QFormLayout(self)
        self.target = QComboBox()
        for name in sorted(targets):
            self.target.addItem(name, name)
        self.target.currentIndexChanged.connect(self._on_target_current_index_changed)
        form.addRow(self.tr("Target"), self.target)
        self.address = QLabel()
        self.address.setWordWrap(True)
        form.addRow(self.tr("Address"), self.address)
        self.test = QCheckBox(self.tr("Test mode: checked by Vitam, not archived"))
        form.addRow("", self.test)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._on_target_current_index_changed()

    def _on_target_current_index_changed(self, _index: int = 0) -> None:
        target = self.targets.get(self.target.currentData())
        self.address.setText(self.tr("{url} (tenant {tenant})").format(url=target.ingest_base(), tenant=target.tenant)
                             if target is not None else "")

    def chosen(self) -> tuple[str, bool]:
        """(target name, test mode)."""
        return self.target.currentData(), self.test.isChecked()


def summary_text(outcome: SendOutcome) -> tuple[str, str]:
    """(headline, details) of a send, translated."""
    from PySide6.QtCore import QCoreApplication

    record, summary = outcome.record, outcome.summary
    status = record.status_message().render(translate)
    headline = QCoreApplication.translate("SendSummary", "Transfer {status}").format(status=status)
    lines = []
    if record.operation_id:
        lines.append(QCoreApplication.translate("SendSummary", "Operation: {id}").format(id=record.operation_id))
    archived = sum(1 for s in outcome.units.values() if s in (ARCHIVED, WARNING))
    if record.archived:
        lines.append(QCoreApplication.translate("SendSummary", "%n archive unit(s) archived.", None, archived))
    else:
        lines.append(QCoreApplication.translate("SendSummary", "Nothing was archived."))
    if summary is not None:
        for event in summary.failures()[:15]:
            lines.append("• " + " — ".join(x for x in (event.detail or event.type_code, event.message) if x))
    return headline, "\n".join(lines)


class SendMixin:
    """The "Send to Vitam" action of the main window (which declares the ``sent`` signal)."""

    send_timeouts = None  # app.sae.client.Timeouts; None: the client's defaults

    def send_dialog(self) -> None:
        """Pick a target and the test mode, then send."""
        from app.sae.targets import TargetError, TargetStore

        if not self.project.transfer.roots:
            return
        try:
            targets = TargetStore().load()
        except TargetError as exc:
            QMessageBox.critical(self, self.tr("Send to Vitam"), exc.message.render(translate))
            return
        if not targets:
            from app.ui.targets import configure_first

            targets = configure_first(self)  # offers the targets dialog; empty if the user gave up
            if not targets:
                return
        dialog = SendDialog(targets, self)
        if dialog.exec():
            name, test = dialog.chosen()
            self.send(name, test)

    def send(self, target_name: str, test: bool = False) -> None:
        """Export and send the transfer to *target_name* in the write pool; the outcome goes to the tree."""
        from app.sae.targets import TargetStore

        target = TargetStore().get(target_name)
        transfer, model, timeouts = self.project.transfer, self.model, self.send_timeouts
        name = self.project.path.stem if self.project.path else (transfer.roots[0].title if transfer.roots else "")
        keep = self.settings.get(opts.SENT_SIPS_FOLDER)
        self.model.set_transfer_status({})

        def job(progress, cancel):
            with model.reader(transfer) as view:
                return send_job(view, target, test, timeouts, progress, cancel, name or "SIP", keep)

        def done(outcome: SendOutcome) -> None:
            if transfer is self.project.transfer:
                self.model.set_transfer_status(outcome.units)
            headline, details = summary_text(outcome)
            self.statusBar().showMessage(headline, 10000)
            self.sent.emit(outcome)
            if not self.property("headless"):
                box = QMessageBox(QMessageBox.Icon.Information if outcome.record.archived else
                                  QMessageBox.Icon.Warning, self.tr("Send to Vitam"), headline, parent=self)
                box.setInformativeText(details)
                box.exec()

        def failed(exc: Exception) -> None:
            self._failed(self.tr("The transfer was not sent"), exc)
            self.sent.emit(exc)

        self.run(job, self.tr("Sending to {target}…").format(target=target_name), done, writes=True,
                 on_failed=failed, on_cancelled=lambda: self.sent.emit(None))
