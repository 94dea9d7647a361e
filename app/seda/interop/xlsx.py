"""Resip's metadata table as a spreadsheet (XLSX): a ready-to-fill workbook of the tree, and its import.

The columns are those of the Resip metadata CSV (:mod:`app.seda.interop.resip_csv`): the same header
forms on import, the extended layout (``Id;ParentId;File;ObjectFiles;Content...;Management...``) on
export. The exported workbook has a frozen header row, sized columns, drop-down lists (DescriptionLevel,
and rule identifiers when a rules referential is given) kept on a hidden ``Lists`` sheet, and every cell
that a spreadsheet could run as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) stored as
text with a quote prefix, so that opening the file never evaluates anything.

Import reads the first sheet in read-only (streamed) mode; numbers, dates and booleans typed by the
archivist become SEDA text (``2024-01-31``, ``true``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import Transfer
from app.seda import ontology
from app.seda.interop.resip_csv import read_table, table
from app.seda.reader import ReadError, _error, gc_paused
from app.seda.referentials import Referentials
from app.seda.report import Report

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP's CSV-injection list)."""
LISTS_SHEET = "Lists"
MAX_WIDTH = 60
LAST_ROW = 1048576  # the last row of a sheet: drop-down lists also apply to rows the archivist adds


@dataclass
class XlsxImport:
    """An imported transfer and what was noticed on the way."""

    transfer: Transfer
    report: Report
    sheet: str


def _text(value: object) -> str:
    """A cell's value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(
    path: str | os.PathLike[str],
    version: str = ontology.DEFAULT_VERSION,
    *,
    with_files: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> XlsxImport:
    """Import the first sheet of a workbook with Resip's columns; paths are relative to the workbook's folder."""
    from openpyxl import load_workbook

    path = Path(path)
    name = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name} cannot be read as an Excel workbook (.xlsx): {error}. Save it again as .xlsx from "
                      "the spreadsheet."), name=name, error=getattr(exc, "strerror", None) or str(exc)) from exc
    try:
        sheet = next((ws for ws in workbook.worksheets if ws.sheet_state == "visible"), None)
        if sheet is None:
            raise _error(QT_TRANSLATE_NOOP("import", "{name} has no visible sheet."), name=name)
        rows = sheet.iter_rows(values_only=True)
        header = [_text(v).strip() for v in next(rows, ())]
        while header and not header[-1]:
            header.pop()
        if not header:
            raise _error(QT_TRANSLATE_NOOP("import", "{name} is empty or has no header line."), name=name)
        where = f"{name} ({sheet.title})"
        width = len(header)

        def numbered() -> Iterator[tuple[int, list[str]]]:
            for line, values in enumerate(rows, start=2):
                cells = [_text(v) for v in values]
                extra = [c for c in cells[width:] if c.strip()]
                if extra:
                    raise _error(QT_TRANSLATE_NOOP(
                        "import", "{name}, line {line}: a value is written beyond the last titled column ({value}). "
                                  "Give its column a title or remove it."), name=where, line=line, value=extra[0])
                yield line, (cells + [""] * width)[:width]

        with gc_paused():
            transfer, report = read_table(header, numbered(), where, path.parent, version, with_files=with_files,
                                          progress=progress, cancel=cancel)
        return XlsxImport(transfer, report, sheet.title)
    except ReadError:
        raise
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:  # a damaged workbook
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name} cannot be read as an Excel workbook (.xlsx): {error}. Save it again as .xlsx from "
                      "the spreadsheet."), name=name, error=str(exc)) from exc
    finally:
        workbook.close()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _rule_category(title: str) -> str | None:
    """``AccessRule`` for ``Management.AccessRule.Rule`` or ``Management.AccessRule.Rule.1``."""
    parts = title.split(".")
    if len(parts) in (3, 4) and parts[0] == "Management" and parts[2] == "Rule" and parts[1].endswith("Rule") \
            and (len(parts) == 3 or parts[3].isdigit()):
        return parts[1]
    return None


def write_xlsx(transfer: Transfer, dest: str | os.PathLike[str], *, referentials: Referentials | None = None,
               progress: Progress = no_progress, cancel: CancelToken | None = None) -> int:
    """Write the ready-to-fill workbook of *transfer* atomically; return the number of unit rows."""
    from openpyxl import Workbook

    dest = Path(dest)
    base = dest.parent.resolve()
    header, rows = table(transfer, base)
    rule_ids: dict[str, list[str]] = {}
    for rule in sorted((referentials.rules.values() if referentials else ()), key=lambda r: r.id):
        rule_ids.setdefault(rule.type, []).append(rule.id)
    # Ready to fill: the title, the level and one rule per category of the referential, even if unused.
    wanted = ["Content.DescriptionLevel", "Content.Title"]
    wanted += [f"Management.{category}.Rule" for category in rule_ids
               if not any(_rule_category(h) == category for h in header)]
    missing = [c for c in wanted if c not in header]
    if missing:
        header = header + missing
        rows = [r + [""] * len(missing) for r in rows]

    workbook = Workbook(write_only=True)
    try:
        return _fill_and_save(workbook, header, rows, rule_ids, dest, base, progress, cancel)
    except BaseException:
        # Finish openpyxl's half-run row writers; left to the garbage collector, they print
        # tracebacks ("Exception ignored in ...") on the user's terminal.
        for sheet in workbook.worksheets:
            try:
                sheet.close()
            except Exception:
                pass
        raise


def _fill_and_save(workbook, header: list[str], rows: list[list[str]], rule_ids: dict[str, list[str]],
                   dest: Path, base: Path, progress: Progress, cancel: CancelToken | None) -> int:
    """Write the sheets of the write-only *workbook*, then save it atomically at *dest*."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    # The workbook's own texts stay in English: the engine has no translator (they are not messages).
    sheet = workbook.create_sheet("Metadata")
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_columns: list[list[str]] = [list(ontology.DESCRIPTION_LEVELS)] + list(rule_ids.values())
    list_ranges: list[str] = []
    for index, values in enumerate(list_columns):
        letter = _column_letter(index)
        list_ranges.append(f"{LISTS_SHEET}!${letter}$1:${letter}${max(len(values), 1)}")
    for position in range(max((len(v) for v in list_columns), default=0)):
        lists.append([v[position] if position < len(v) else None for v in list_columns])
    categories = list(rule_ids)
    for index, title in enumerate(header):
        source = None
        if title == "Content.DescriptionLevel":
            source = list_ranges[0]
        elif _rule_category(title) in categories:
            source = list_ranges[1 + categories.index(_rule_category(title))]
        if source is not None:
            validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True, showErrorMessage=True)
            validation.error = "Choose a value from the list."
            letter = _column_letter(index)
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.data_validations.append(validation)  # write-only sheets lack add_data_validation()
    for index, title in enumerate(header):
        longest = max([len(title)] + [len(r[index]) for r in rows[:2000]])
        sheet.column_dimensions[_column_letter(index)].width = min(max(longest, 8) + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def cell(value: str, font: Font | None = None) -> WriteOnlyCell | str | None:
        if not value:
            return None
        if font is None and not value.startswith(FORMULA_PREFIXES):
            return value
        written = WriteOnlyCell(sheet, value)
        written.data_type = "s"  # never a formula, whatever its first character
        if font is not None:
            written.font = font
        if value.startswith(FORMULA_PREFIXES):
            written.quotePrefix = True
        return written

    sheet.append([cell(title, bold) for title in header])
    for number, cells in enumerate(rows, start=1):
        sheet.append([cell(value) for value in cells])
        if number % 1000 == 0:
            progress(number, len(rows))
            if cancel is not None:
                cancel.check()
    progress(len(rows), len(rows))
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=base)
    os.close(fd)
    try:
        workbook.save(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes it private
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise
    return len(rows)
