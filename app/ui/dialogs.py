"""Dialogs: transfer context, export options and summary, preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.models.metadata import Element
from app.models.transfer import Transfer
from app.seda import ontology
from app.seda.context import ContextError, load_context
from app.seda.sip import ExportResult
from app.ui.editors.objects import human_size
from app.ui.labels import label
from app.ui.panels import translate
from app.ui.xmltext import XmlHighlighter, XmlTextError, element_xml, parse_element

HEADER_FIELDS = ("Comment", "MessageIdentifier", "ArchivalAgreement")
AGENCIES = ("ArchivalAgency", "TransferringAgency")
MANAGEMENT_FIELDS = ("ArchivalProfile", "ServiceLevel", "AcquisitionInformation", "LegalStatus",
                     "OriginatingAgencyIdentifier", "SubmissionAgencyIdentifier")
DIGESTS = ("sha512", "sha256", "sha384", "sha1")


class ContextDialog(QDialog):
    """The message header and ManagementMetadata, with import of a context file (Liasse or Resip)."""

    def __init__(self, transfer: Transfer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer context"))
        self.resize(640, 560)
        self.version = transfer.version
        self.header = transfer.header.copy()
        self.management_metadata = transfer.management_metadata.copy()
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key in HEADER_FIELDS + AGENCIES + MANAGEMENT_FIELDS:
            line = QLineEdit()
            line.setObjectName(key)
            caption = label(key) + (" — " + self.tr("identifier") if key in AGENCIES else "")
            self.form.addRow(caption, line)
            self.fields[key] = line
        layout.addLayout(self.form)
        layout.addWidget(QLabel(self.tr("Package-level rules (ManagementMetadata rules, XML):")))
        self.rules = QPlainTextEdit()
        self.rules.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.rules.highlighter = XmlHighlighter(self.rules.document())  # type: ignore[attr-defined]
        layout.addWidget(self.rules, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        load = QPushButton(self.tr("Import context file…"))
        load.setToolTip(self.tr("A Liasse context (JSON) or a Resip ExportContext.config"))
        load.clicked.connect(self._on_load_clicked)
        buttons.addButton(load, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        for key in HEADER_FIELDS:
            self.fields[key].setText(self.header.findtext(key) or "")
        for key in AGENCIES:
            agency = self.header.find(key)
            self.fields[key].setText(agency.findtext("Identifier") or "" if agency is not None else "")
        for key in MANAGEMENT_FIELDS:
            self.fields[key].setText(self.management_metadata.findtext(key) or "")
        rules = Element("ManagementMetadata", children=[c.copy() for c in self.management_metadata
                                                        if c.tag in ontology.RULE_CATEGORIES] or None)
        self.rules.setPlainText(element_xml(rules, self.version, ontology.MANAGEMENT_METADATA_TYPE)
                                if rules.children else "")

    def load_file(self, path: str) -> bool:
        """Import a context file into the form."""
        try:
            context = load_context(path, self.version)
        except ContextError as exc:
            self.error.setText(exc.message.render(translate))
            return False
        self.header, self.management_metadata = context.header, context.management_metadata
        self._fill()
        self.error.clear()
        return True

    def _on_load_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a transfer context"), "",
                                              self.tr("Context files (*.json *.config);;All files (*)"))
        if path:
            self.load_file(path)

    def result_elements(self) -> tuple[Element, Element] | None:
        """The edited (header, ManagementMetadata), or None (error shown) when the rules XML is invalid."""
        header, mm = self.header.copy(), self.management_metadata.copy()
        for key in HEADER_FIELDS:
            ontology.set_child(header, self.version, ontology.TRANSFER_TYPE, key, self.fields[key].text().strip())
        for key in AGENCIES:
            header.remove_all(key)
            identifier = self.fields[key].text().strip()
            if identifier:
                ontology.insert_ordered(header, Element(key, children=[Element("Identifier", identifier)]),
                                        self.version, ontology.TRANSFER_TYPE)
        for key in MANAGEMENT_FIELDS:
            ontology.set_child(mm, self.version, ontology.MANAGEMENT_METADATA_TYPE, key,
                               self.fields[key].text().strip())
        for category in ontology.RULE_CATEGORIES:
            mm.remove_all(category)
        text = self.rules.toPlainText().strip()
        if text:
            try:
                rules = parse_element(text, "ManagementMetadata")
            except XmlTextError as exc:
                self.error.setText(self.tr("Rules, line {line}: {error}").format(line=exc.line, error=str(exc)))
                return None
            for child in rules.children or ():
                ontology.insert_ordered(mm, child, self.version, ontology.MANAGEMENT_METADATA_TYPE)
        return header, mm

    def accept(self) -> None:  # noqa: D102 - Qt API
        if self.result_elements() is not None:
            super().accept()


class ExportDialog(QDialog):
    """SEDA version, digest algorithm, compression and destination of the SIP."""

    def __init__(self, version: str, algorithm: str, destination: str, compress: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the SIP"))
        form = QFormLayout(self)
        self.version = QComboBox()
        self.version.addItems(ontology.VERSIONS)
        self.version.setCurrentText(version)
        form.addRow(self.tr("SEDA version"), self.version)
        self.algorithm = QComboBox()
        self.algorithm.addItems(DIGESTS)
        self.algorithm.setCurrentText(algorithm)
        self.algorithm.setToolTip(self.tr("Used for files that changed since they were analysed"))
        form.addRow(self.tr("Digest algorithm"), self.algorithm)
        self.compress = QCheckBox(self.tr("Compress text and office files"))
        self.compress.setChecked(compress)
        form.addRow("", self.compress)
        row = QHBoxLayout()
        self.destination = QLineEdit(destination)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        row.addWidget(self.destination, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Destination"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())  # no empty band below

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the SIP"), self.destination.text(),
                                              self.tr("SIP (*.zip)"))
        if path:
            self.destination.setText(path if path.endswith(".zip") else path + ".zip")

    def accept(self) -> None:  # noqa: D102 - Qt API
        dest = Path(self.destination.text().strip())
        if not self.destination.text().strip() or not dest.parent.is_dir():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a destination in an existing folder."))
            return
        super().accept()


def show_export_summary(parent: QWidget, result: ExportResult) -> None:
    """The end of an export: counts, size, time, and a button to show the SIP in its folder."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("ExportSummary", "Export finished"))
    box.setText(QCoreApplication.translate("ExportSummary", "SIP written: {path}").format(path=str(result.path)))
    summary = QCoreApplication.translate("ExportSummary", "{units}, {objects} ({size}) in {seconds} s.")
    box.setInformativeText(summary.format(
        units=QCoreApplication.translate("ExportSummary", "%n archive unit(s)", None, result.units),
        objects=QCoreApplication.translate("ExportSummary", "%n file(s)", None, result.objects),
        size=human_size(result.bytes), seconds=QLocale().toString(result.seconds, "f", 1)))
    show = box.addButton(QCoreApplication.translate("ExportSummary", "Show in folder"),
                         QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is show:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))


class PreferencesDialog(QDialog):
    """Language, default SEDA version, digest, ignore patterns, workers."""

    def __init__(self, values: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in (("", self.tr("System language")), ("fr", "Français"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(values.get("language", "")), 0))
        form.addRow(self.tr("Language (after a restart)"), self.language)
        self.version = QComboBox()
        self.version.addItems(ontology.VERSIONS)
        self.version.setCurrentText(values.get("seda_version", ontology.DEFAULT_VERSION))
        form.addRow(self.tr("SEDA version of new transfers"), self.version)
        self.digest = QComboBox()
        self.digest.addItems(DIGESTS)
        self.digest.setCurrentText(values.get("digest", "sha512"))
        form.addRow(self.tr("Digest algorithm"), self.digest)
        self.ignore = QPlainTextEdit(values.get("ignore_patterns", ""))
        self.ignore.setPlaceholderText(self.tr("One pattern per line, e.g. *.tmp or backup/"))
        self.ignore.setMaximumHeight(90)
        form.addRow(self.tr("Also ignore"), self.ignore)
        self.workers = QSpinBox()
        self.workers.setRange(0, 64)
        self.workers.setSpecialValueText(self.tr("One per core"))
        self.workers.setValue(int(values.get("workers", 0)))
        form.addRow(self.tr("Analysis threads"), self.workers)
        self.rules = self._path_row(form, self.tr("Rules referential (CSV)"), values.get("rules_referential", ""))
        self.agencies = self._path_row(form, self.tr("Agencies referential (CSV)"),
                                       values.get("agencies_referential", ""))
        self.sent_sips = self._path_row(form, self.tr("Keep the SIPs sent to Vitam in"),
                                        values.get("sent_sips_folder", ""), folder=True)
        self.sent_sips.setPlaceholderText(self.tr("Not kept: each SIP is removed once sent"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(max(self.sizeHint().width(), 620), self.sizeHint().height())

    def _path_row(self, form: QFormLayout, caption: str, value: str, *, folder: bool = False) -> QLineEdit:
        line = QLineEdit(value)
        line.setPlaceholderText(self.tr("Export of the archive's referential, for completion and end dates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda _=False: self._browse(line, caption, folder))
        row = QHBoxLayout()
        row.addWidget(line, 1)
        row.addWidget(browse)
        form.addRow(caption, row)
        return line

    def _browse(self, line: QLineEdit, caption: str, folder: bool = False) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, caption, line.text())
        else:
            path, _ = QFileDialog.getOpenFileName(self, caption, line.text(),
                                                  self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            line.setText(path)

    def values(self) -> dict:
        """The chosen values."""
        return {"language": self.language.currentData(), "seda_version": self.version.currentText(),
                "digest": self.digest.currentText(), "ignore_patterns": self.ignore.toPlainText(),
                "workers": self.workers.value(), "rules_referential": self.rules.text().strip(),
                "agencies_referential": self.agencies.text().strip(), "sent_sips_folder": self.sent_sips.text().strip()}


def show_remarks(parent: QWidget, title: str, problems: list[str], warning: bool = False) -> None:
    """The remarks of an import or a scan: the first ones in the box, all of them under "Show Details..."."""
    shown = 12
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information, title,
                      QCoreApplication.translate("Remarks", "%n remark(s):", None, len(problems)), parent=parent)
    lines = ["\u2022 " + problem for problem in problems[:shown]]  # bullets: long remarks wrap
    if len(problems) > shown:
        lines.append(QCoreApplication.translate("Remarks", "… and %n more, under Show Details.", None,
                                                len(problems) - shown))
    box.setInformativeText("\n".join(lines))
    if len(problems) > shown:
        box.setDetailedText("\n".join(problems))
    box.exec()
