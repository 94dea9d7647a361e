"""Vitam referentials read from local files: management rules CSV, agencies CSV, DROID formats.

These are the files an archivist imports into Vitam (``RuleId,RuleType,RuleValue,RuleDescription,
RuleDuration,RuleMeasurement`` and ``Identifier,Name,Description``), read as strictly as Vitam's
import does so that a referential Vitam would refuse is refused here too, with its line number.
A PRONOM/DROID signature file (``FFSignatureFile``) gives the formats referential (PUIDs).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.ontology import RULE_CATEGORIES

CTX = "referentials"
RULES_HEADER = ("RuleId", "RuleType", "RuleValue", "RuleDescription", "RuleDuration", "RuleMeasurement")
AGENCIES_HEADER = ("Identifier", "Name", "Description")
MEASUREMENTS = ("YEAR", "MONTH", "DAY")
_DROID_NS = "http://www.nationalarchives.gov.uk/pronom/SignatureFile"
_MAX_CSV_BYTES = 64 * 1024 * 1024


class ReferentialError(Exception):
    """A referential file cannot be used; the message names the file and the line."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True, slots=True)
class Rule:
    """One management rule of the rules referential."""

    id: str
    type: str
    value: str
    description: str
    duration: str
    measurement: str


@dataclass(frozen=True, slots=True)
class Agency:
    """One agency (service producteur / versant) of the agencies referential."""

    id: str
    name: str
    description: str


@dataclass
class Referentials:
    """Rules, agencies and formats known to the target archiving system (each may be empty)."""

    rules: dict[str, Rule] = field(default_factory=dict)
    agencies: dict[str, Agency] = field(default_factory=dict)
    formats: set[str] = field(default_factory=set)
    sources: list[Path] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Referentials:
        """Read rules and agencies CSVs (and DROID XML files); a directory means every such file in it."""
        result = cls()
        for path in paths:
            path = Path(path)
            if path.is_dir():
                files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".xml") and p.is_file())
                if not files:
                    raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
                        "referentials", "{path} holds no referential file (rules or agencies CSV)."), path=str(path)))
            elif path.is_file():
                files = [path]
            else:
                raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "Referential file not found: {path}"),
                                            path=str(path)))
            for file in files:
                result._load_file(file)
        return result

    def _load_file(self, path: Path) -> None:
        if path.suffix.lower() == ".xml":
            self.formats |= load_formats(path)
        else:
            kind, rows = _read_csv(path)
            if kind == "rules":
                _merge(self.rules, _parse_rules(path, rows), path)
            else:
                _merge(self.agencies, _parse_agencies(path, rows), path)
        self.sources.append(path)


def _msg(text: str, **params: object) -> Message:
    return Message(CTX, text, params)


def _merge(target: dict, new: dict, path: Path) -> None:
    for key, value in new.items():
        if key in target and target[key] != value:
            raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
                "referentials", "{path}: the identifier {id} is also defined, differently, in another referential "
                                "file."),
                path=str(path), id=key))
        target[key] = value


def _read_csv(path: Path) -> tuple[str, list[tuple[int, list[str]]]]:
    """The kind of the CSV (from its header) and its rows with their starting line numbers."""
    try:
        if path.stat().st_size > _MAX_CSV_BYTES:
            raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "{path} is too large for a referential "
                                                                          "file."),
                                        path=str(path)))
        raw = path.read_bytes()
    except OSError as exc:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "Cannot read {path}: {error}"), path=str(path),
                                    error=exc.strerror or str(exc))) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
            "referentials", "{path}, line {line}: the file is not UTF-8 text. Save it as CSV UTF-8."),
            path=str(path), line=line)) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        line = reader.line_num + 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: malformed CSV ({error})."),
                                    path=str(path), line=reader.line_num, error=str(exc))) from exc
    if not rows:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "{path} is empty."), path=str(path)))
    header = tuple(cell.strip() for cell in rows[0][1])
    if header[:len(RULES_HEADER)] == RULES_HEADER:
        return "rules", rows[1:]
    if header[:len(AGENCIES_HEADER)] == AGENCIES_HEADER:
        return "agencies", rows[1:]
    raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
        "referentials", "{path}, line 1: unknown header. A rules referential starts with {rules}; an agencies "
                        "referential "
             "with {agencies}."), path=str(path), rules=",".join(RULES_HEADER), agencies=",".join(AGENCIES_HEADER)))


def _cells(path: Path, line: int, row: list[str], count: int) -> list[str] | None:
    if not any(cell.strip() for cell in row):
        return None  # blank line
    if len(row) != count:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
            "referentials", "{path}, line {line}: {found} instead of {expected}."), path=str(path), line=line,
            found=QT_TRANSLATE_NOOP("referentials", "%n column(s)", "", len(row)), expected=count))
    return [cell.strip() for cell in row]


def _parse_rules(path: Path, rows: list[tuple[int, list[str]]]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for line, row in rows:
        cells = _cells(path, line, row, len(RULES_HEADER))
        if cells is None:
            continue
        rule_id, rule_type, value, description, duration, measurement = cells

        def fail(text: str, line: int = line, rule_id: str = rule_id, **params: object) -> ReferentialError:
            return ReferentialError(Message(CTX, text, {"path": str(path), "line": line, "id": rule_id, **params}))

        if not rule_id:
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: the RuleId is empty."))
        if rule_id in rules:
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: the rule {id} is defined twice."))
        if rule_type not in RULE_CATEGORIES:
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: rule {id} has the unknown RuleType "
                                              "\u201c{type}\u201d (expected one of {types})."),
                       type=rule_type, types=", ".join(RULE_CATEGORIES))
        if not value:
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: rule {id} has no RuleValue."))
        if duration and duration.lower() != "unlimited" and not duration.isdigit():
            raise fail(QT_TRANSLATE_NOOP(
                "referentials", "{path}, line {line}: rule {id} has the RuleDuration \u201c{duration}\u201d; "
                                "expected a whole "
                     "number or \u201cunlimited\u201d."), duration=duration)
        if measurement and measurement.upper() not in MEASUREMENTS:
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: rule {id} has the RuleMeasurement "
                                              "\u201c{value}\u201d; expected Year, Month or Day."), value=measurement)
        if bool(duration) != bool(measurement):
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: rule {id} gives a RuleDuration "
                                                         "without a "
                                              "RuleMeasurement, or the reverse; give both or neither."))
        if not duration and rule_type != "HoldRule":
            raise fail(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: rule {id} has no RuleDuration."))
        rules[rule_id] = Rule(rule_id, rule_type, value, description, duration, measurement)
    return rules


def _parse_agencies(path: Path, rows: list[tuple[int, list[str]]]) -> dict[str, Agency]:
    agencies: dict[str, Agency] = {}
    for line, row in rows:
        cells = _cells(path, line, row, len(AGENCIES_HEADER))
        if cells is None:
            continue
        identifier, name, description = cells
        params = {"path": str(path), "line": line, "id": identifier}
        if not identifier:
            raise ReferentialError(Message(CTX, QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: the "
                                                                                  "Identifier is empty."),
                                           params))
        if identifier in agencies:
            raise ReferentialError(Message(CTX, QT_TRANSLATE_NOOP(
                "referentials", "{path}, line {line}: the agency {id} is defined twice."), params))
        if not name:
            raise ReferentialError(Message(CTX, QT_TRANSLATE_NOOP(
                "referentials", "{path}, line {line}: the agency {id} has no Name."), params))
        agencies[identifier] = Agency(identifier, name, description)
    return agencies


def load_formats(path: Path) -> set[str]:
    """The PUIDs of a PRONOM/DROID signature file, read in streaming mode (no entities, no network)."""
    puids: set[str] = set()
    tag = f"{{{_DROID_NS}}}FileFormat"
    try:
        for _event, element in etree.iterparse(str(path), events=("end",), tag=tag, resolve_entities=False,
                                               load_dtd=False, no_network=True):
            puid = element.get("PUID")
            if puid:
                puids.add(puid)
            element.clear(keep_tail=True)
    except etree.XMLSyntaxError as exc:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "{path}, line {line}: not a valid XML file "
                                                                      "({error})."),
                                    path=str(path), line=exc.lineno or 0, error=exc.msg)) from exc
    except OSError as exc:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP("referentials", "Cannot read {path}: {error}"), path=str(path),
                                    error=exc.strerror or str(exc))) from exc
    if not puids:
        raise ReferentialError(_msg(QT_TRANSLATE_NOOP(
            "referentials", "{path} is neither a rules or agencies CSV nor a PRONOM/DROID signature file."),
            path=str(path)))
    return puids
