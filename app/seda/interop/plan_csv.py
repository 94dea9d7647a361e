"""Resip's classification-plan CSV ("csv d'arbre de classement"): ``id;nom;observ;cote;série``.

Semantics (``reference/resip.md`` §2.3, sedalib's ``CSVTreeToDataObjectPackageImporter``): the header
line is skipped; columns are taken by position: 1 ``id`` (only used in messages), 2 ``nom`` → Title
(required), 3 ``observ`` → Description, 4 ``cote`` → the unit's own suffix (required), 5 ``série`` →
the full cote of the parent; further columns are ignored. The full cote (série + cote) becomes
``OriginatingAgencyArchiveUnitIdentifier``. A line with an empty série is a root ``Series``, the
others ``Subseries`` under the line whose full cote is their série; lines whose série matches no
line are refused, all named at once. No objects.

As for the metadata CSV, the encoding (BOM, UTF-8, else windows-1252) and the separator are detected.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.transfer import ArchiveUnit, Transfer
from app.seda import ontology
from app.seda.interop.resip_csv import decode, read_text, sniff_delimiter
from app.seda.reader import _error
from app.seda.report import Report, Severity

PLAN_COLUMNS = ("id", "nom", "observ", "cote", "serie")


@dataclass
class PlanImport:
    """An imported classification plan and what was noticed on the way."""

    transfer: Transfer
    report: Report
    encoding: str
    delimiter: str


@dataclass
class _Line:
    number: int
    ident: str
    title: str
    description: str
    cote: str
    series: str

    @property
    def full(self) -> str:
        return self.series + self.cote


def _plain(text: str) -> str:
    """Lower case without accents: ``Série`` and ``serie``, ``observations`` and ``observ`` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_plan_header(cells: list[str]) -> bool:
    """Whether a header line is a classification plan's (``id;nom;observ;cote;série`` and variants)."""
    names = [_plain(c) for c in cells[:5]]
    return len(names) == 5 and all(name.startswith(prefix) for name, prefix in zip(names, PLAN_COLUMNS))


def is_plan_csv(path: str | os.PathLike[str]) -> bool:
    """Whether the CSV at *path* starts with a classification plan's header."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    text, _encoding = decode(head.split(b"\n", 1)[0])
    return is_plan_header(next(csv.reader([text.strip("\r")], delimiter=sniff_delimiter(text)), []))


def read_plan_csv(path: str | os.PathLike[str], version: str = ontology.DEFAULT_VERSION) -> PlanImport:
    """Import a classification plan CSV. Raises :class:`~app.seda.reader.ReadError` naming the lines at fault."""
    path = Path(path)
    name = str(path)
    text, encoding = read_text(path)
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    lines: list[_Line] = []
    try:
        for row in rows:
            number = rows.line_num
            if number == 1 or not any(cell.strip() for cell in row):
                continue  # the header, or an empty line
            if len(row) < 5:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}: {count}, a classification plan needs 5 (id;nom;observ;"
                              "cote;série)."), name=name, line=number,
                    count=QT_TRANSLATE_NOOP("import", "%n column(s)", "", len(row)))
            line = _Line(number, *(cell.strip() for cell in row[:5]))
            if not line.title:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}, column 2: the title (nom) is empty; give each line a title."),
                    name=name, line=number)
            if not line.cote:
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line {line}, column 4: the cote is empty; give each line its cote."),
                    name=name, line=number)
            lines.append(line)
    except csv.Error as exc:
        raise _error(QT_TRANSLATE_NOOP("import", "{name}, line {line}: {error}. Check the quotes of that line."),
                     name=name, line=rows.line_num, error=str(exc)) from exc
    transfer, report = _build(lines, name, version)
    return PlanImport(transfer, report, encoding, delimiter)


def _build(lines: list[_Line], name: str, version: str) -> tuple[Transfer, Report]:
    transfer = Transfer(version)
    report = Report()
    by_cote: dict[str, _Line] = {}
    for line in lines:
        first = by_cote.setdefault(line.full, line)
        if first is not line:
            report.add(Severity.WARNING, "plan-duplicate", name, Message("import", QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}: the cote {cote} is already used on line {first}; the sub-series of "
                          "that cote go under line {first} only."),
                {"name": name, "line": line.number, "cote": line.full, "first": first.number}))
    orphans = [line for line in lines if line.series and line.series not in by_cote]
    if orphans:
        shown = ", ".join(f"{line.ident or '?'} (line {line.number}, série {line.series})" for line in orphans[:20])
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name}: these lines belong to no series (their série is the cote of no line): {lines}. Fix "
                      "their série column."), name=name, lines=shown + (", …" if len(orphans) > 20 else ""))
    if not any(not line.series for line in lines):
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name} describes no series: at least one line needs an empty série column."), name=name)
    units: dict[int, ArchiveUnit] = {}
    for line in lines:
        unit = ArchiveUnit(transfer.ids.new())
        content = unit.content
        content.append(Element("DescriptionLevel", "Subseries" if line.series else "Series"))
        content.append(Element("Title", line.title))
        content.append(Element("OriginatingAgencyArchiveUnitIdentifier", line.full))
        if line.description:
            content.append(Element("Description", line.description))
        ontology.normalize(content, version, ontology.CONTENT_TYPE)
        units[id(line)] = unit
    for line in lines:
        unit = units[id(line)]
        if not line.series:
            transfer.roots.append(unit)
        else:
            units[id(by_cote[line.series])].add_child(unit)
    return transfer, report
