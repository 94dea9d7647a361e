"""The local history of transfers sent to Vitam: a non-modal window over :class:`app.sae.history.History`.

It shows what ``liasse-cli history`` shows (date, SIP, target, status, operation id, reply, error),
newest first, and lets the user poll again a transfer still being processed: the poll runs
:func:`app.sae.client.poll_transfer` in a background worker (the engine updates the history), then
the window reloads. Received replies (ATR) are read in a worker too, since they can be large.
A history file that cannot be read, or records edited into another shape, give a message, never a
traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.messages import Message
from app.sae.history import History, TransferRecord
from app.ui.editors.objects import human_size
from app.ui.panels import translate
from app.ui.workers import Runner

DATE, SIP, TARGET, STATUS, OPERATION, SIZE = range(6)
RECORD_ID = Qt.ItemDataRole.UserRole
GREEN, RED, ORANGE = QColor(25, 135, 60), QColor(200, 40, 40), QColor(200, 110, 0)
FAILED_STATUSES = ("failed", "KO", "FATAL", "interrupted")
PENDING_STATUSES = ("sending", "accepted", "timeout")
MAX_PROBLEMS = 50
_TEXT_FIELDS = ("id", "date", "sip", "target", "operation_id", "status", "atr", "updated")


def status_colour(record: TransferRecord) -> QColor | None:
    """Green when archived, red when rejected or failed, orange while still pending."""
    if record.archived:
        return GREEN
    if record.status in FAILED_STATUSES:
        return RED
    if record.status in PENDING_STATUSES:
        return ORANGE
    return None


def local_date(text: str) -> str:
    """An ISO date of the history in the user's time zone and locale (the text itself if unreadable)."""
    try:
        value = dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    locale = QLocale()
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date_format:  # English short dates have two-digit years
        date_format = date_format.replace("yy", "yyyy")
    moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
    return locale.toString(moment, date_format + " " + locale.timeFormat(QLocale.FormatType.ShortFormat))


def _timestamp(record: TransferRecord) -> float:
    try:
        return dt.datetime.fromisoformat(record.date).timestamp()
    except (TypeError, ValueError, OverflowError, OSError):
        return float("-inf")


def newest_first(records: list[TransferRecord]) -> list[TransferRecord]:
    """Records by date, newest first (the file order breaks ties and orders unreadable dates)."""
    order = sorted(enumerate(records), key=lambda item: (_timestamp(item[1]), item[0]), reverse=True)
    return [record for _index, record in order]


def is_readable(record: TransferRecord) -> bool:
    """False for a record edited by hand into another shape (a number for a path, a list for a status...)."""
    return (all(isinstance(getattr(record, name), str) for name in _TEXT_FIELDS)
            and isinstance(record.sip_size, int) and isinstance(record.test, bool)
            and (record.error is None or (isinstance(record.error, dict)
                                          and isinstance(record.error.get("params", {}), dict))))


def render(message: Message | None) -> str:
    """A stored message in the interface's language; its source text if its parameters do not fit."""
    if message is None:
        return ""
    try:
        return message.render(translate)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return str(message.text)


@dataclass
class AtrDigest:
    """What the details show of a reply: outcome, how many units and objects got a Vitam id, problems."""

    outcome: str
    accepted: bool
    units: int
    objects: int
    problems: list[str] = field(default_factory=list)
    more: int = 0


def read_atr(path: str) -> AtrDigest:
    """Parse the ATR at *path* (in a worker); raises AtrError or OSError."""
    from app.sae.atr import parse_atr

    summary = parse_atr(Path(path))
    failures = summary.failures()
    problems = []
    for event in failures[:MAX_PROBLEMS]:
        text = " — ".join(x for x in (event.detail or event.type_code, event.message) if x)
        problems.append(f"[{event.outcome}] {text}")
    return AtrDigest(summary.outcome, summary.accepted, len(summary.units), len(summary.objects), problems,
                     max(0, len(failures) - MAX_PROBLEMS))


class HistoryDialog(QDialog):
    """The transfers sent to Vitam, newest first, with their details, poll again and the received reply."""

    poll_timeouts = None  # app.sae.client.Timeouts for "Poll again"; None: POLL_SECONDS of polling

    POLL_SECONDS = 120.0
    """How long one "Poll again" waits for the archive to finish before the record is left re-pollable."""

    def __init__(self, parent: QWidget | None = None, history: History | None = None,
                 runner: Runner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(self.tr("Transfer history"))
        self.setModal(False)
        self.resize(1100, 640)
        self.history = history or History()
        self.runner = runner or Runner(self)
        self._records: dict[str, TransferRecord] = {}
        self._polling: dict[str, object] = {}  # record id -> its worker
        self._atr_cache: dict[tuple[str, int, int], AtrDigest | str] = {}
        self._atr_reading: set[tuple[str, int, int]] = set()

        layout = QVBoxLayout(self)
        self.notice = QLabel()
        self.notice.setObjectName("history_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {ORANGE.name()};")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("history_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeholder.setMargin(24)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTreeWidget()
        self.table.setObjectName("history_table")
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([self.tr("Date"), self.tr("SIP"), self.tr("Target"), self.tr("Status"),
                                    self.tr("Operation id"), self.tr("Size")])
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SIP, QHeaderView.ResizeMode.Stretch)  # the file name takes the room left
        self.table.headerItem().setTextAlignment(SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.currentItemChanged.connect(self._on_table_current_item_changed)
        splitter.addWidget(self.table)
        splitter.addWidget(self._details_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.placeholder)

        self.message = QLabel()
        self.message.setObjectName("history_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.poll_button = QPushButton(self.tr("Poll again"))
        self.poll_button.setToolTip(self.tr("Ask the archive again for the result of this transfer"))
        self.poll_button.clicked.connect(self.poll_selected)
        self.atr_button = QPushButton(self.tr("Open ATR"))
        self.atr_button.setToolTip(self.tr("Open the reply (ArchiveTransferReply) received from the archive"))
        self.atr_button.clicked.connect(self.open_atr)
        self.sip_button = QPushButton(self.tr("Show SIP in folder"))
        self.sip_button.clicked.connect(self.show_sip)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        for button in (self.poll_button, self.atr_button, self.sip_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.refresh()

    def _details_box(self) -> QGroupBox:
        box = self.details_box = QGroupBox(self.tr("Details"))
        self.details = QFormLayout(box)
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        rows = (("sip", self.tr("SIP")), ("target", self.tr("Target")), ("status", self.tr("Status")),
                ("operation", self.tr("Operation id")), ("dates", self.tr("Sent on")),
                ("error", self.tr("Error")), ("atr", self.tr("Reply (ATR)")), ("result", self.tr("Result")))
        for key, caption in rows:
            value = QLabel()
            value.setObjectName(f"history_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.details.addRow(caption, value)
        self.fields["error"].setStyleSheet(f"color: {RED.name()};")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("history_problems")
        self.problems.setReadOnly(True)
        self.problems.setMaximumHeight(140)
        self.details.addRow("", self.problems)
        return box

    # -- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the history again and show it, keeping the selected transfer."""
        current = self.selected_record()
        keep = current.id if current is not None else None
        self.table.clear()
        self._records.clear()
        self.notice.hide()
        try:
            records = self.history.records()
        except (OSError, ValueError) as exc:  # unreadable file (rights, a folder), or not UTF-8 text
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._show_placeholder(self.tr("The transfer history cannot be read ({path}): {error}").format(
                path=str(self.history.path), error=error), error=True)
            return
        readable = [r for r in records if is_readable(r)]
        if len(readable) < len(records):
            self.notice.setText(self.tr("Some records of the history file {path} are damaged and not shown "
                                        "({count}).").format(count=len(records) - len(readable),
                                                             path=str(self.history.path)))
            self.notice.show()
        if not readable:
            self._show_placeholder(self.tr(
                "No transfer has been sent yet.\nTransfers sent to Vitam, from this window or with liasse-cli "
                "send, are listed here."))
            return
        self.stack.setCurrentIndex(0)
        selected = None
        for record in newest_first(readable):
            self._records[record.id] = record
            item = self._item(record)
            self.table.addTopLevelItem(item)
            if record.id == keep:
                selected = item
        self._fit_columns()
        self.table.setCurrentItem(selected or self.table.topLevelItem(0))

    def _fit_columns(self) -> None:
        """Columns as wide as their contents, long ones capped (the whole text is in the details and tooltips)."""
        for column, widest in ((DATE, 0), (TARGET, 220), (STATUS, 300), (OPERATION, 300), (SIZE, 0)):
            self.table.resizeColumnToContents(column)
            if widest and self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def _show_placeholder(self, text: str, *, error: bool = False) -> None:
        self.placeholder.setText(text)
        self.placeholder.setStyleSheet(f"color: {RED.name()};" if error else "")
        self.stack.setCurrentIndex(1)
        self._show_details(None)

    def _item(self, record: TransferRecord) -> QTreeWidgetItem:
        target = record.target if not record.test else self.tr("{target} (test)").format(target=record.target)
        item = QTreeWidgetItem([local_date(record.date), Path(record.sip).name, target,
                                render(record.status_message()), record.operation_id,
                                human_size(record.sip_size) if record.sip_size > 0 else ""])
        item.setData(DATE, RECORD_ID, record.id)
        item.setToolTip(DATE, record.date)
        item.setToolTip(SIP, record.sip)
        item.setTextAlignment(SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colour = status_colour(record)
        if colour is not None:
            item.setForeground(STATUS, QBrush(colour))
        error = render(record.error_message())
        item.setToolTip(STATUS, item.text(STATUS) + ("\n" + error if error else ""))
        if record.test:
            item.setToolTip(TARGET, self.tr("Test mode: checked by Vitam, not archived"))
        return item

    def records_shown(self) -> list[TransferRecord]:
        """The records in the order of the table."""
        return [self._records[self.table.topLevelItem(row).data(DATE, RECORD_ID)]
                for row in range(self.table.topLevelItemCount())]

    def selected_record(self) -> TransferRecord | None:
        """The record of the current row."""
        item = self.table.currentItem()
        return self._records.get(item.data(DATE, RECORD_ID)) if item is not None else None

    def select(self, record_id: str) -> bool:
        """Make the record *record_id* current; False if it is not shown."""
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item.data(DATE, RECORD_ID) == record_id:
                self.table.setCurrentItem(item)
                return True
        return False

    # -- details ------------------------------------------------------------------------------------
    def _on_table_current_item_changed(self, _current=None, _previous=None) -> None:
        self._show_details(self.selected_record())

    def _show_details(self, record: TransferRecord | None) -> None:
        self._update_buttons(record)
        for value in self.fields.values():
            value.clear()
        self.problems.clear()
        self.details.setRowVisible(self.problems, False)
        if record is None:
            self.details_box.setEnabled(False)
            return
        self.details_box.setEnabled(True)
        sip = record.sip
        if sip and not Path(sip).is_file():
            sip = self.tr("{path} (no longer on disk)").format(path=sip)
        self.fields["sip"].setText(sip)
        if record.test:
            self.fields["target"].setText(self.tr("{target} — test mode: checked by Vitam, not archived").format(
                target=record.target))
        else:
            self.fields["target"].setText(record.target)
        self.fields["status"].setText(render(record.status_message()))
        colour = status_colour(record)
        self.fields["status"].setStyleSheet(f"color: {colour.name()};" if colour is not None else "")
        self.fields["operation"].setText(record.operation_id or "—")
        self.fields["dates"].setText(self.tr("{sent} (last update {updated})").format(
            sent=local_date(record.date), updated=local_date(record.updated)))
        error = render(record.error_message())
        self.fields["error"].setText(error)
        self.details.setRowVisible(self.fields["error"], bool(error))
        self._show_atr(record)
        self.details.setRowVisible(self.fields["result"], bool(self.fields["result"].text()))

    def _show_atr(self, record: TransferRecord) -> None:
        atr, result = self.fields["atr"], self.fields["result"]
        if not record.atr:
            atr.setText(self.tr("not received yet") if record.can_poll else "—")
            return
        atr.setText(record.atr)
        try:
            stat = Path(record.atr).stat()
        except OSError:
            result.setText(self.tr("The reply file no longer exists."))
            return
        key = (record.atr, stat.st_mtime_ns, stat.st_size)
        digest = self._atr_cache.get(key)
        if digest is None:
            result.setText(self.tr("Reading the reply…"))
            if key not in self._atr_reading:
                self._atr_reading.add(key)
                self.runner.start(lambda _progress, _cancel: read_atr(key[0]),
                                  on_finished=lambda d: self._on_atr_read(key, d),
                                  on_failed=lambda exc: self._on_atr_read(key, render(getattr(exc, "message", None))
                                                                          or str(exc)))
            return
        if isinstance(digest, str):
            result.setText(self.tr("The reply (ATR) cannot be read: {error}").format(error=digest))
            return
        if digest.accepted:
            result.setText(self.tr("Archived. Given a Vitam id: archive units {units}, objects {objects}.").format(
                units=digest.units, objects=digest.objects))
        else:
            result.setText(self.tr("Reply {outcome}: nothing was archived.").format(outcome=digest.outcome))
        if digest.problems:
            lines = [self.tr("Problems reported by the archive ({count}):").format(
                count=len(digest.problems) + digest.more),
                     *digest.problems]
            if digest.more:
                lines.append(self.tr("… and others not shown here ({count}): open the ATR.").format(
                    count=digest.more))
            self.problems.setPlainText("\n".join(lines))
            self.details.setRowVisible(self.problems, True)

    def _on_atr_read(self, key: tuple[str, int, int], digest: AtrDigest | str) -> None:
        self._atr_reading.discard(key)
        self._atr_cache[key] = digest
        record = self.selected_record()
        if record is not None and record.atr == key[0]:
            self._show_details(record)

    def _update_buttons(self, record: TransferRecord | None) -> None:
        self.poll_button.setEnabled(record is not None and record.can_poll and record.id not in self._polling)
        self.atr_button.setEnabled(record is not None and bool(record.atr) and Path(record.atr).is_file())
        self.sip_button.setEnabled(record is not None and bool(record.sip) and Path(record.sip).is_file())

    # -- actions ------------------------------------------------------------------------------------
    def poll_selected(self) -> None:
        """Ask the record's target for the result of its operation, in a worker; the history is updated."""
        from app.sae.client import Timeouts

        record = self.selected_record()
        if record is None or not record.can_poll or record.id in self._polling:
            return
        history, copy = self.history, replace(record)  # the worker never touches a record the window shows
        timeouts = self.poll_timeouts or Timeouts(poll_total=self.POLL_SECONDS)

        def job(_progress, cancel):
            from app.sae.client import poll_transfer
            from app.sae.targets import TargetStore

            return poll_transfer(TargetStore().get(copy.target), copy, history=history, cancel=cancel,
                                 timeouts=timeouts)

        self._say(self.tr("Asking {target} for the result of operation {operation}…").format(
            target=record.target, operation=record.operation_id))
        self._polling[record.id] = self.runner.start(
            job, on_finished=lambda result: self._on_polled(record.id, result),
            on_failed=lambda exc: self._on_poll_failed(record.id, exc),
            on_cancelled=lambda: self._on_polled(record.id, None))
        self._update_buttons(record)

    def _on_polled(self, record_id: str, record: TransferRecord | None) -> None:
        self._polling.pop(record_id, None)
        self._say(self.tr("Result of operation {operation}: {status}").format(
            operation=record.operation_id, status=render(record.status_message())) if record is not None else "")
        self.refresh()

    def _on_poll_failed(self, record_id: str, exc: Exception) -> None:
        self._polling.pop(record_id, None)
        message = getattr(exc, "message", None)
        self._say(self.tr("Polling failed: {error}").format(
            error=render(message) if isinstance(message, Message) else str(exc)), error=True)
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        """Show *text* above the buttons (hidden when empty)."""
        self.message.setStyleSheet(f"color: {RED.name()};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def is_polling(self) -> bool:
        """Whether a poll started here has not reported its end yet."""
        return bool(self._polling)

    def open_atr(self) -> None:
        """Open the received reply with the system's viewer for XML files."""
        record = self.selected_record()
        if record is not None and record.atr and Path(record.atr).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(record.atr))

    def show_sip(self) -> None:
        """Open the folder of the SIP that was sent, if it is still there."""
        record = self.selected_record()
        if record is not None and record.sip and Path(record.sip).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(record.sip).parent)))

    def on_sent(self, _outcome: object = None) -> None:
        """A send finished in the main window: show its record if the window is open."""
        if self.isVisible():
            self.refresh()


def show_history(window: QWidget) -> HistoryDialog:
    """Open (or bring back) the history window of *window*; it follows the window's sends."""
    dialog = window.findChild(HistoryDialog, "history_dialog")
    if dialog is None:
        dialog = HistoryDialog(window, runner=getattr(window, "runner", None))
        sent = getattr(window, "sent", None)
        if sent is not None:
            sent.connect(dialog.on_sent)
    else:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog

