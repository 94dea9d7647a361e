"""Checks of the values of a metadata table (Resip CSV, workbook) against the SEDA types of their columns.

Dates must have one of the lexical forms of their XSD type (``xs:date``, ``xs:dateTime``, or SEDA's
``DateType``, a union of dates, date-times and partial dates such as ``2020`` or ``2020-12``), and
enumerated values (``DescriptionLevel``, ``FinalAction``, ``KeywordType``...) one of the allowed values.
The types come from the ontology table (:func:`app.seda.ontology.value_types` and
:func:`~app.seda.ontology.enumeration`); free text (titles, rule identifiers...) is not checked.

A bad value is kept as it is: each one becomes a warning of the import report naming the file, the line,
the column and the value, with what is expected (and the corrected date when a French ``31/12/2020`` is
recognised), the first :data:`MAX_WARNINGS` one by one, then one summary.

Which checker a column needs is decided once, from its header; per row, only the filled checked cells
are looked at, and a value already found good is found again in a set without running any pattern.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Protocol

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda import ontology
from app.seda.report import Report, Severity

MAX_WARNINGS = 100
"""Bad cells reported one by one; the others are counted in a single last warning."""
MAX_GOOD = 65536
"""Distinct good values remembered per column (beyond, they are checked again, still correctly)."""
MAX_LISTED = 12
"""Allowed values listed in a message; longer lists show their first ten."""
MAX_VALUE = 80
"""Characters of a bad value quoted in a message."""

# Lexical forms of the XSD 1.0 date types (Datatypes §3.2.7-3.2.13). Year 0000 does not exist in XSD 1.0;
# years of more than four digits have no leading zero; 24:00:00 is midnight at the end of the day.
_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"-?(?:[1-9]\d{4,}|(?!0000)\d{4})"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_TIME = r"(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?|24:00:00(?:\.0+)?)"
DATE_FORMS: dict[str, str] = {
    "xs:date": rf"{_YEAR}-{_MONTH}-{_DAY}{_TZ}",
    "xs:dateTime": rf"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_TZ}",
    "xs:gYear": rf"{_YEAR}{_TZ}",
    "xs:gYearMonth": rf"{_YEAR}-{_MONTH}{_TZ}",
    "xs:gMonth": rf"--{_MONTH}{_TZ}",
    "xs:gMonthDay": rf"--{_MONTH}-{_DAY}{_TZ}",
    "xs:gDay": rf"---{_DAY}{_TZ}",
}
_DAY_OF = re.compile(r"-?(\d{4,})-(\d\d)-(\d\d)|--(\d\d)-(\d\d)")
_XML_SPACE = " \t\n\r"
_XML_SPACES = re.compile(r"[ \t\n\r]+")
_PARTIAL = frozenset({"xs:date", "xs:dateTime", "xs:gYear", "xs:gYearMonth"})

# What an archivist types instead: 31/12/2020, 31.12.2020, 2020/12/31, 2020-1-5, 2020-12-31 14:30, 12/2020.
_LOOSE_DAY = re.compile(
    r"\s*(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})|(?P<y2>\d{4})[/.-](?P<m2>\d{1,2})[/.-](?P<d2>\d{1,2}))"
    r"(?:(?:\s+|\s*T\s*)(?P<H>\d{1,2})\s*[:h]\s*(?P<M>\d{2})(?:\s*[:m]\s*(?P<S>\d{2}))?)?\s*")
_LOOSE_MONTH = re.compile(r"\s*(?:(?P<m>\d{1,2})[/.-](?P<y>\d{4})|(?P<y2>\d{4})[/.](?P<m2>\d{1,2}))\s*")


class _Column(Protocol):
    index: int
    root: str
    path: tuple[tuple[str, int], ...]
    attr: bool


def leaf_type(version: str, root: str, path: Iterable[tuple[str, int]]) -> str | None:
    """The SEDA type of the element a column fills (``Content`` or ``Management`` then *path*), or None."""
    type_name: str | None = ontology.CONTENT_TYPE if root == "Content" else ontology.MANAGEMENT_TYPE
    for name, _rank in path:
        type_name = ontology.child_type(version, type_name, name)
        if type_name is None:
            return None
    return type_name


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _day_exists(text: str) -> bool:
    """Whether the day of a date, date-time or --MM-DD form exists (no 2021-02-29, no 2020-04-31)."""
    match = _DAY_OF.match(text)
    if match is None:
        return True
    if match[1] is not None:
        day = int(match[3])
        return day <= 28 or day <= _month_length(int(match[1]), int(match[2]))
    return int(match[5]) <= (29 if match[4] == "02" else _month_length(2000, int(match[4])))


def _collapse(value: str) -> str:
    """*value* with XML whitespace collapsed, as a token-typed value is read by the schema."""
    return _XML_SPACES.sub(" ", value).strip(" ")


def _shorten(value: str) -> str:
    return value if len(value) <= MAX_VALUE else value[:MAX_VALUE - 1] + "…"


class CellChecks:
    """The value checks of one table: a checker per constrained column, and the warnings they make."""

    def __init__(self, name: str, report: Report, version: str) -> None:
        self.name, self.report, self.version = name, report, version
        self.bad = 0

    def plan(self, header: list[str], columns: Iterable[_Column]) -> list[tuple[int, set[str], Callable]]:
        """``(cell index, good values, checker)`` for each column whose element has a constrained type.

        Per row: ``if row[index] not in good: checker(row[index], line)`` (empty cells are in *good*).
        """
        checks = []
        for column in columns:
            if column.attr:
                continue
            type_name = leaf_type(self.version, column.root, column.path)
            if type_name is None or ontology.children(self.version, type_name):
                continue
            title = header[column.index].strip()
            allowed = ontology.enumeration(self.version, type_name)
            members = ontology.value_types(self.version, type_name)
            if allowed:
                checker: _Checker = _Enumeration(self, title, allowed)
            elif members and all(m in DATE_FORMS for m in members):
                checker = _Dates(self, title, members)
            else:
                continue
            checks.append((column.index, checker.good, checker))
        return checks

    def warn(self, line: int, title: str, value: str, text: str, **params: object) -> None:
        """Report a bad cell (the first :data:`MAX_WARNINGS` ones; the others are only counted)."""
        self.bad += 1
        if self.bad <= MAX_WARNINGS:
            self.report.add(Severity.WARNING, "table-cell-value", self.name, Message("import", text, {
                "name": self.name, "line": line, "column": title, "value": _shorten(value), **params}))

    def finish(self) -> None:
        """Add the summary of the bad cells beyond :data:`MAX_WARNINGS`."""
        if self.bad > MAX_WARNINGS:
            self.report.add(Severity.WARNING, "table-cell-value-more", self.name, Message("import", QT_TRANSLATE_NOOP(
                "import", "{name}: other cells with a value of the wrong form, not listed above: {count}."),
                {"name": self.name, "count": self.bad - MAX_WARNINGS}))


class _Checker:
    __slots__ = ("checks", "title", "good")

    def __init__(self, checks: CellChecks, title: str) -> None:
        self.checks, self.title = checks, title
        self.good: set[str] = {""}

    def valid(self, value: str) -> bool:
        raise NotImplementedError

    def complain(self, value: str, line: int) -> None:
        raise NotImplementedError

    def __call__(self, value: str, line: int) -> None:
        if self.valid(value):
            if len(self.good) < MAX_GOOD:
                self.good.add(value)
        elif self.checks.bad >= MAX_WARNINGS:
            self.checks.bad += 1  # only counted: no message to write
        else:
            self.complain(value, line)


class _Enumeration(_Checker):
    """A code list (an ``xs:token`` restriction: spaces around and doubled inside do not count)."""

    __slots__ = ("allowed",)

    def __init__(self, checks: CellChecks, title: str, allowed: tuple[str, ...]) -> None:
        super().__init__(checks, title)
        self.allowed = allowed
        self.good.update(allowed)

    def valid(self, value: str) -> bool:
        return _collapse(value) in self.allowed

    def complain(self, value: str, line: int) -> None:
        folded = _collapse(value).casefold()
        same = [v for v in self.allowed if v.casefold() == folded]
        if same:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: “{value}” is not an allowed value; write "
                          "{suggestion} (capitals count)."), suggestion=same[0])
            return
        allowed = self.allowed if len(self.allowed) <= MAX_LISTED else self.allowed[:10] + ("…",)
        self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
            "import", "{name}, line {line}, column {column}: “{value}” is not an allowed value; expected one of "
                      "{values}."), values=", ".join(allowed))


class _Dates(_Checker):
    """Dates of an XSD date type or of a union of them (SEDA's ``DateType``)."""

    __slots__ = ("members", "pattern")

    def __init__(self, checks: CellChecks, title: str, members: tuple[str, ...]) -> None:
        super().__init__(checks, title)
        self.members = frozenset(members)
        self.pattern = re.compile("|".join(f"(?:{DATE_FORMS[m]})" for m in members))

    def valid(self, value: str) -> bool:
        text = value.strip(_XML_SPACE)  # dates are collapsed: spaces around them do not count
        return self.pattern.fullmatch(text) is not None and _day_exists(text)

    def complain(self, value: str, line: int) -> None:
        suggestion = self.suggest(value)
        if suggestion:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: the date “{value}” is not written as SEDA expects; "
                          "write {suggestion}."), suggestion=suggestion)
        elif self.members == {"xs:date"}:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: “{value}” is not a date; expected YYYY-MM-DD (for "
                          "example 2020-12-31)."))
        elif self.members == {"xs:dateTime"}:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: “{value}” is not a date and time; expected "
                          "YYYY-MM-DDThh:mm:ss, optionally followed by a time zone (for example 2020-12-31T14:30:00 "
                          "or 2020-12-31T14:30:00+01:00)."))
        elif _PARTIAL <= self.members:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: “{value}” is not a date; expected YYYY-MM-DD, "
                          "YYYY-MM, YYYY or a date and time YYYY-MM-DDThh:mm:ss (for example 2020-12-31)."))
        else:
            self.checks.warn(line, self.title, value, QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}, column {column}: “{value}” does not have the form the schema "
                          "expects ({types})."), types=", ".join(sorted(self.members)))

    def suggest(self, value: str) -> str | None:
        """The value written as the column's type wants it, when it is a recognisable date; else None."""
        members = self.members
        match = _LOOSE_DAY.fullmatch(value)
        if match is not None:
            try:
                day = dt.date(int(match["y"] or match["y2"]), int(match["m"] or match["m2"]),
                              int(match["d"] or match["d2"]))
                clock = dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0)) if match["H"] else None
            except ValueError:
                return None
            if clock is not None and "xs:dateTime" in members:
                suggestion = f"{day.isoformat()}T{clock.isoformat()}"
            elif "xs:date" in members:
                suggestion = day.isoformat()
            elif "xs:dateTime" in members:
                suggestion = f"{day.isoformat()}T{(clock or dt.time(0)).isoformat()}"
            else:
                return None
            return suggestion if suggestion != value and self.valid(suggestion) else None
        match = _LOOSE_MONTH.fullmatch(value)
        if match is not None and "xs:gYearMonth" in members:
            year, month = int(match["y"] or match["y2"]), int(match["m"] or match["m2"])
            suggestion = f"{year:04d}-{month:02d}"
            return suggestion if 1 <= month <= 12 and suggestion != value and self.valid(suggestion) else None
        return None
