"""Resip metadata CSV: import (every header form Resip accepts, and files re-saved by spreadsheets) and export.

Format (``reference/resip.md`` §2.1–2.2): leading identification columns among ``File``, ``ParentFile``,
``ID``, ``ParentID``, ``ObjectFiles`` (any case), then one column per metadata path, dot-separated, with
occurrence ranks (``Content.Writer.0.FullName``), ``X.attr`` or ``attr`` columns holding raw attributes
(``xml:lang="fr"``), and rule columns (``Management.AccessRule.Rule.1``, ``...StartDate.1``). Without a
``Content.``/``Management.`` prefix every column is descriptive metadata.

Unlike Resip, the separator (``;``, ``,`` or tab) and the encoding (BOM, UTF-8, else windows-1252) are
detected, so a CSV re-saved by LibreOffice or Excel is read too; errors name the line and column, and so do
the warnings about dates and coded values of the wrong form (``31/12/2020``), which are kept as they are.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.metadata import Element
from app.models.tasks import CancelToken, Progress, no_progress
from app.models.transfer import ArchiveUnit, BinaryDataObject, Transfer
from app.seda import ontology
from app.seda.interop.cell_checks import CellChecks
from app.seda.reader import ReadError, _error, gc_paused
from app.seda.report import Report

ID_COLUMNS = ("id", "file", "parentid", "parentfile", "objectfiles")
_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
_USAGE = re.compile(r"^__([A-Za-z]+)_(\d+)__(.+)$")
_ATTR = re.compile(r'([\w:.-]+)\s*=\s*"([^"]*)"')
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"


@dataclass
class CsvImport:
    """An imported transfer and what was noticed on the way."""

    transfer: Transfer
    report: Report
    encoding: str
    delimiter: str


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding of a CSV: BOM first, then strict UTF-8, else windows-1252 (Excel's default)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def sniff_delimiter(header_line: str) -> str:
    """The separator used by the header line (outside quotes): ``;``, ``,`` or tab."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ";"))


class _Column:
    __slots__ = ("index", "root", "path", "attr")

    def __init__(self, index: int, root: str, path: tuple[tuple[str, int], ...], attr: bool) -> None:
        self.index, self.root, self.path, self.attr = index, root, path, attr


def _parse_header(header: list[str], name: str) -> tuple[dict[str, int], list[_Column]]:
    lead: dict[str, int] = {}
    index = 0
    while index < min(len(header), 5) and header[index].strip().lower() in ID_COLUMNS:
        lead[header[index].strip().lower()] = index
        index += 1
    keys = frozenset(lead)
    accepted = [{"file"}, {"file", "parentfile"}, {"id", "file", "parentfile"}, {"id", "parentid", "file"},
                {"id", "parentid", "objectfiles"}, {"id", "parentid", "file", "objectfiles"}]
    if keys not in accepted:
        raise _error(QT_TRANSLATE_NOOP(
            "import", "{name}, line 1: the first columns ({columns}) are not a Resip header: use File; "
                      "File;ParentFile; ID;ParentID;File or ID;ParentID;File;ObjectFiles."), name=name,
            columns=";".join(header[:index] or header[:1]))
    columns: list[_Column] = []
    prefixed = index < len(header) and header[index].split(".", 1)[0] in ("Content", "Management")
    previous: _Column | None = None
    for position in range(index, len(header)):
        title = header[position].strip()
        if not title:
            continue
        if title == "attr":
            if previous is None:
                raise _bad_column(name, position, title)
            columns.append(_Column(position, previous.root, previous.path, True))
            continue
        parts = title.split(".")
        attr = parts[-1] == "attr"
        if attr:
            parts = parts[:-1]
        root = "Content"
        if prefixed:
            root = parts.pop(0)
            if root not in ("Content", "Management"):
                raise _error(QT_TRANSLATE_NOOP(
                    "import", "{name}, line 1, column {column}: {title} must start with Content. or Management. like "
                              "the other columns."), name=name, column=position + 1, title=title)
        path: list[tuple[str, int]] = []
        for part in parts:
            if part.isdigit() and path:
                path[-1] = (path[-1][0], int(part))
            elif _SEGMENT.match(part) and not part.isdigit():
                path.append((part, 0))
            else:
                raise _bad_column(name, position, title)
        if not path:
            raise _bad_column(name, position, title)
        column = _Column(position, root, tuple(path), attr)
        columns.append(column)
        previous = column
    return lead, columns


def _bad_column(name: str, position: int, title: str) -> ReadError:
    return _error(QT_TRANSLATE_NOOP(
        "import", "{name}, line 1, column {column}: {title} is not a metadata path (names of letters, digits, _ and -, "
                  "separated by dots, with optional ranks)."), name=name, column=position + 1, title=title)


def _shape(root: str, columns: Iterable[_Column], version: str) -> tuple[Element, dict[int, tuple[int | None,
                                                                                          list[int]]]]:
    """The element tree that *columns* (a row's non-empty cells) make, in schema order, without values.

    Returns the tree and, for each node (by ``id``), the column giving its text (the last one, as cells are
    applied in order) and the columns giving its attributes. Depends only on which cells are filled, so it
    is computed once per pattern of filled cells (:class:`_Plan`).
    """
    top = Element(root)
    nodes: dict[tuple, Element] = {}
    ranks: dict[int, int] = {}
    sources: dict[int, tuple[int | None, list[int]]] = {}
    for column in columns:
        parent, key = top, ()
        for name, rank in column.path:
            key += ((name, rank),)
            node = nodes.get(key)
            if node is None:
                node = nodes[key] = parent.append(Element(name))
                ranks[id(node)] = rank
            parent = node
        text, attrs = sources.get(id(parent), (None, []))
        if column.attr:
            attrs.append(column.index)
        else:
            text = column.index
        sources[id(parent)] = (text, attrs)
    # Repeated elements by rank (Writer.0 before Writer.1 whatever the column order), then schema order
    # (a stable sort: ranks stay in order among elements of the same name).
    for node in top.iter():
        if node.children and len(node.children) > 1:
            node.children.sort(key=lambda e: ranks[id(e)])
    type_name = ontology.CONTENT_TYPE if root == "Content" else ontology.MANAGEMENT_TYPE
    ontology.normalize(top, version, type_name)
    for category in top.children or ():
        if category.tag in ontology.RULE_CATEGORIES and category.children:
            # Rule.n goes with StartDate.n (and Hold*.n): group the sequence by rank, then schema order.
            # Within a rank, the schema's own positions (Rule before StartDate, whatever the column order).
            order = ontology.child_order(version, category.tag + "Type")
            category.children.sort(key=lambda e: (ranks.get(id(e), 0) if e.tag in ontology.RULE_GROUP else 1 << 30,
                                                  order.get(e.tag, len(order))))
    return top, sources


def parse_attributes(value: str) -> dict[str, str]:
    """The attributes written in an ``attr`` cell (``xml:lang="fr"``), ``xml:`` ones in Clark notation."""
    return {_XML_NS + name[4:] if name.startswith("xml:") else name: text for name, text in _ATTR.findall(value)}


class _Plan:
    """How to build a row's Content and Management, compiled once per pattern of filled cells.

    Rows of a CSV fill the same cells again and again, and the tree they make (which elements, nested how,
    in which schema order) depends only on which cells are filled. So each pattern is shaped once
    (:func:`_shape`) and turned into a small Python function that creates the ``Element`` nodes directly
    (``Element.__new__`` and four slot stores, no sorting, no path walking, no regex), compiled with
    :func:`compile`. The generated source only holds tags checked by ``_SEGMENT`` (written with ``repr``)
    and column numbers. Beyond :data:`MAX_PATTERNS` patterns (a very sparse table) further ones are built by
    walking their shape instead, which gives the same elements.
    """

    MAX_PATTERNS = 512

    def __init__(self, columns: list[_Column], version: str) -> None:
        self.version = version
        self.content = [c for c in columns if c.root == "Content"]
        self.management = [c for c in columns if c.root == "Management"]
        self.indices = [c.index for c in columns]
        self.functions: dict[bytes, object] = {}
        self.attr_cache: dict[str, dict[str, str] | None] = {}

    def attributes(self, value: str) -> dict[str, str] | None:
        """The parsed attributes of a cell (parsed once per distinct text), as a new dict."""
        parsed = self.attr_cache.get(value)
        if parsed is None:
            parsed = parse_attributes(value)
            if len(self.attr_cache) < 4096:
                self.attr_cache[value] = parsed
        return dict(parsed) if parsed else None

    def build(self, row: list[str]) -> tuple[Element, Element | None]:
        """The Content (always) and Management (None when no management cell is filled) of *row*."""
        indices = self.indices
        mask = bytes([row[i] != "" for i in indices])
        function = self.functions.get(mask)
        if function is None:
            filled = [c for c in self.content if row[c.index] != ""]
            managed = [c for c in self.management if row[c.index] != ""]
            shapes = (_shape("Content", filled, self.version),
                      _shape("Management", managed, self.version) if managed else None)
            if len(self.functions) >= self.MAX_PATTERNS:
                return self._walk(shapes[0], row), self._walk(shapes[1], row) if shapes[1] else None
            function = self.functions[mask] = self._compile(shapes)
        return function(row)  # type: ignore[operator]

    def _walk(self, shape: tuple[Element, dict], row: list[str]) -> Element:
        top, sources = shape

        def make(node: Element) -> Element:
            text, attrs = sources.get(id(node), (None, ()))
            attrib = None
            for index in attrs:
                attrib = {**(attrib or {}), **(self.attributes(row[index]) or {})} or None
            return Element(node.tag, row[text] if text is not None else None, attrib,
                           [make(child) for child in node.children] if node.children else None)

        return make(top)

    def _compile(self, shapes: tuple) -> object:
        # Helpers as default arguments: local variables inside the function, the fastest lookup.
        lines = ["def build(row, new=new, E=E, attributes=attributes, merge=merge):"]
        count = 0

        def emit(node: Element, sources: dict) -> str:
            nonlocal count
            children = [emit(child, sources) for child in node.children or ()]
            name = f"n{count}"
            count += 1
            text, attrs = sources.get(id(node), (None, ()))
            if not attrs:
                attrib = "None"
            elif len(attrs) == 1:
                attrib = f"attributes(row[{attrs[0]}])"
            else:
                attrib = "merge(" + ", ".join(f"attributes(row[{i}])" for i in attrs) + ")"
            value = f"row[{text}]" if text is not None else "None"
            kids = "[" + ", ".join(children) + "]" if children else "None"
            lines.append(f" {name} = new(E); {name}.tag = {node.tag!r}; {name}.text = {value}; "
                         f"{name}.attrib = {attrib}; {name}.children = {kids}")
            return name

        content = emit(shapes[0][0], shapes[0][1])
        management = emit(shapes[1][0], shapes[1][1]) if shapes[1] else "None"
        lines.append(f" return {content}, {management}")
        namespace = {"new": Element.__new__, "E": Element, "attributes": self.attributes, "merge": _merge}
        exec(compile("\n".join(lines), "<resip csv plan>", "exec"), namespace)  # noqa: S102  (see the docstring)
        return namespace["build"]


def _merge(*parts: dict[str, str] | None) -> dict[str, str] | None:
    merged: dict[str, str] = {}
    for part in parts:
        merged.update(part or {})
    return merged or None


def read_csv(
    path: str | os.PathLike[str],
    version: str = ontology.DEFAULT_VERSION,
    *,
    with_files: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> CsvImport:
    """Import a Resip metadata CSV; file paths are relative to the CSV's folder (``/`` or ``\\``)."""
    with gc_paused():
        return _read_csv(Path(path), version, with_files, progress, cancel)


def read_text(path: Path) -> tuple[str, str]:
    """A CSV file's text and the encoding it was written in (UTF-8 or windows-1252, detected)."""
    try:
        return decode(path.read_bytes())
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("import", "Cannot read {name}: {error}"), name=str(path),
                     error=exc.strerror or str(exc)) from exc


def _read_csv(path: Path, version: str, with_files: bool, progress: Progress,
              cancel: CancelToken | None) -> CsvImport:
    path = Path(path)
    name = str(path)
    text, encoding = read_text(path)
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=True)
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as exc:
        raise _error(QT_TRANSLATE_NOOP("import", "{name} is empty or has no header line."), name=name) from exc

    def numbered() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in rows:
                yield rows.line_num, row
        except csv.Error as exc:
            raise _error(QT_TRANSLATE_NOOP("import", "{name}, line {line}: {error}. Check the quotes of that line."),
                         name=name, line=rows.line_num, error=str(exc)) from exc

    transfer, report = read_table(header, numbered(), name, path.parent, version, with_files=with_files,
                                  progress=progress, cancel=cancel)
    return CsvImport(transfer, report, encoding, delimiter)


def read_table(
    header: list[str],
    rows: Iterable[tuple[int, list[str]]],
    name: str,
    base: Path,
    version: str,
    *,
    with_files: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> tuple[Transfer, Report]:
    """Build a transfer from a table with Resip's columns (a CSV or a spreadsheet's sheet).

    *rows* yields ``(line number, cells)``; *name* is used in messages and *base* resolves file paths.
    Dates and coded values of the wrong form are kept and reported as warnings
    (:mod:`app.seda.interop.cell_checks`).
    """
    lead, columns = _parse_header(header, name)
    transfer = Transfer(version)
    report = Report()
    units: dict[str, ArchiveUnit] = {}
    pending: list[tuple[ArchiveUnit, str | None]] = []
    identifier = None
    plan = _Plan(columns, version)
    build = plan.build
    cells = CellChecks(name, report, version)
    checks = cells.plan(header, columns)  # decided once per column: per row, set lookups of filled cells
    new_id = transfer.ids.new
    width = len(header)
    id_index, file_index = lead.get("id"), lead.get("file")
    parent_id_index, parent_file_index = lead.get("parentid"), lead.get("parentfile")
    objects_index = lead.get("objectfiles")
    base_name = str(base)
    line = 0
    for line, row in rows:
        if len(row) != width:
            if not "".join(row).strip():
                continue
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name}, line {line}: {count} cells where the header has {expected}. Check the "
                          "quotes and separators of that line."), name=name, line=line, count=len(row),
                expected=width)
        if not "".join(row).strip():
            continue
        if line % 1000 == 0:
            if cancel is not None:
                cancel.check()
            progress(line, 0)
        file_cell = row[file_index].strip().replace("\\", "/") if file_index is not None else ""
        key = row[id_index].strip() if id_index is not None else file_cell
        if not key:
            raise _error(QT_TRANSLATE_NOOP("import", "{name}, line {line}: the unit has no ID/File."),
                         name=name, line=line)
        if key in units:
            raise _error(QT_TRANSLATE_NOOP("import", "{name}, line {line}: {key} appears twice."), name=name,
                         line=line, key=key)
        content, management = build(row)
        for index, good, check in checks:
            if row[index] not in good:
                check(row[index], line)
        unit = units[key] = ArchiveUnit(new_id(), content)
        if management is not None:
            unit.management = management
        if parent_id_index is not None:
            parent_key = row[parent_id_index].strip() or None
        elif parent_file_index is not None:
            parent_key = row[parent_file_index].strip().replace("\\", "/") or None
        else:
            parent_key = os.path.dirname(file_cell) or None
        pending.append((unit, parent_key))
        if file_cell:
            unit.source = str(base / file_cell)
        if objects_index is not None:
            files = [f for f in row[objects_index].split("|") if f.strip()] if row[objects_index] else []
        elif file_cell and os.path.isfile(os.path.join(base_name, file_cell)):
            files = [file_cell]
        else:
            files = []
        if files and with_files:
            identifier = _attach_objects(transfer, unit, base, files, identifier, report, line)
    progress(line, 0)
    cells.finish()
    roots = transfer.roots
    for unit, parent_key in pending:
        parent = units.get(parent_key) if parent_key else None
        if parent is None or parent is unit:
            roots.append(unit)
        else:
            parent.children.append(unit)
            unit.parents.append(parent)
    return transfer, report


def _attach_objects(transfer: Transfer, unit: ArchiveUnit, base: Path, files: Iterable[str], identifier,
                    report: Report, line: int):
    """Objects named in a row: hashed and identified like scanned files; missing ones reported."""
    from app.models.messages import Message
    from app.seda.digest import DEFAULT_ALGORITHM
    from app.seda.identify import FormatIdentifier
    from app.seda.report import Severity
    from app.seda.scanner import analyse_file, apply_analysis

    group = None
    for relative in files:
        file_path = base / relative.strip().replace("\\", "/")
        if not file_path.is_file():
            report.add(Severity.WARNING, "csv-file-missing", str(file_path), Message("import", QT_TRANSLATE_NOOP(
                "import", "Line {line}: the file {path} does not exist; the unit is kept without it."),
                {"line": line, "path": str(file_path)}))
            continue
        match = _USAGE.match(file_path.name)
        version, filename = (f"{match[1]}_{match[2]}", match[3]) if match else ("BinaryMaster_1", file_path.name)
        if group is None:
            group = unit.object_group = transfer.new_group()
        obj = BinaryDataObject(transfer.ids.new(), version, source_path=str(file_path), filename=filename)
        identifier = identifier or FormatIdentifier()
        result = analyse_file(str(file_path), DEFAULT_ALGORITHM, identifier)
        apply_analysis(obj, DEFAULT_ALGORITHM, result.size, result.mtime_ns, result.digest, result.puid, result.name,
                       result.mime)
        group.objects.append(obj)
    return identifier


# -- export ------------------------------------------------------------------------------------------
def _flatten(element: Element, root: str, version: str, type_name: str | None, prefix: tuple,
             out: dict[tuple, str]) -> None:
    counts: dict[str, int] = {}
    rule_rank = -1
    is_rule = element.tag in ontology.RULE_CATEGORIES
    for child in element.children or ():
        if is_rule and child.tag in ontology.RULE_GROUP:
            if child.tag == "Rule":
                rule_rank += 1
            rank = max(rule_rank, 0)
        else:
            rank = counts.get(child.tag, 0)
            counts[child.tag] = rank + 1
        path = prefix + ((child.tag.split("}")[-1], rank),)
        sub = ontology.child_type(version, type_name, child.tag) if type_name else None
        if child.attrib:
            out[(root, path, True)] = " ".join(
                f'{"xml:" + k[len(_XML_NS):] if k.startswith(_XML_NS) else k}="{v}"' for k, v in child.attrib.items())
        if child.children:
            _flatten(child, root, version, sub, path, out)
        elif child.text:
            out[(root, path, False)] = child.text


_VITAM_CONTENT = ("OriginatingSystemIdReplyTo", "TextContent")
"""Vitam's extensions of SEDA 2.1 Content (standard from 2.2 on): placed last among the known elements."""


def _column_key(version: str):
    def key(column: tuple) -> tuple:
        root, path, attr = column
        type_name = ontology.CONTENT_TYPE if root == "Content" else ontology.MANAGEMENT_TYPE
        parts: list = [root != "Content"]
        for name, rank in path:
            order = ontology.child_order(version, type_name) if type_name else {}
            rule = type_name is not None and type_name.endswith("RuleType") and name in ontology.RULE_GROUP
            position = order.get(name)
            if position is None and type_name == ontology.CONTENT_TYPE and name in _VITAM_CONTENT:
                position = (1 << 19) + _VITAM_CONTENT.index(name)
            if rule:
                parts.append((0, rank, position or 0, ""))
            elif position is None:  # unknown: after the known ones, by name then rank (as Resip)
                parts.append((1 << 20, 0, name, rank))
            else:
                parts.append((position, rank, "", 0))
            type_name = ontology.child_type(version, type_name, name) if type_name else None
        parts.append(attr)
        return tuple(parts)
    return key


def _header(columns: list[tuple]) -> list[str]:
    repeated = {(root, path[:i], path[i][0]) for root, path, _ in columns for i in range(len(path)) if path[i][1]}
    names = []
    for root, path, attr in columns:
        segments = [root]
        for i, (name, rank) in enumerate(path):
            segments.append(name)
            if (root, path[:i], name) in repeated:
                segments.append(str(rank))
        names.append(".".join(segments) + (".attr" if attr else ""))
    return names


def _relative(path: str | None, base: Path) -> str:
    if not path:
        return ""
    try:
        return os.path.relpath(path, base).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return path


def _post_order(transfer: Transfer) -> Iterator[ArchiveUnit]:
    """Every unit once, children before their parent, as Resip's CSV export lists them."""
    seen: set[int] = set()
    for root in transfer.roots:
        if id(root) in seen:
            continue
        seen.add(id(root))
        stack = [(root, iter(root.children))]
        while stack:
            unit, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                yield unit
            elif id(child) not in seen:
                seen.add(id(child))
                stack.append((child, iter(child.children)))


def metadata_table(transfer: Transfer, units: Iterable[ArchiveUnit]) -> tuple[list[str], list[list[str]]]:
    """Metadata column names (Resip's, in schema order) and the cells of each of *units*, in order."""
    flat: list[dict[tuple, str]] = []
    columns: dict[tuple, None] = {}
    for unit in units:
        values: dict[tuple, str] = {}
        _flatten(unit.content, "Content", transfer.version, ontology.CONTENT_TYPE, (), values)
        if unit.management is not None:
            _flatten(unit.management, "Management", transfer.version, ontology.MANAGEMENT_TYPE, (), values)
        flat.append(values)
        columns.update(dict.fromkeys(values))
    ordered = sorted(columns, key=_column_key(transfer.version))
    return _header(ordered), [[values.get(column, "") for column in ordered] for values in flat]


def packaged_objects(transfer: Transfer) -> int:
    """How many binary objects are read in place from a SIP (an entry of a zip, not a file on disk).

    A table can only point at files on disk, so :func:`table` lists none of them in ``ObjectFiles``.
    """
    return sum(1 for group in transfer.groups for o in group.binaries if o.source_member is not None)


def table(transfer: Transfer, base: Path, *, extended: bool = True) -> tuple[list[str], list[list[str]]]:
    """Header and rows of Resip's metadata table for *transfer* (shared by the CSV and XLSX exports).

    Extended format (``Id;ParentId;File;ObjectFiles``, Resip's default) or normal (``File`` only); file
    paths are relative to *base* (the folder of the written file) when possible. Rows are listed children
    first, as Resip does. Objects inside a SIP (:func:`packaged_objects`) are not listed: the path of the
    SIP itself would make every unit's object the whole zip when the table is imported again.
    """
    units = list(_post_order(transfer))
    names, cells = metadata_table(transfer, units)
    lead = ["Id", "ParentId", "File", "ObjectFiles"] if extended else ["File"]
    rows: list[list[str]] = []
    for unit, values in zip(units, cells):
        files = [o.source_path for o in (unit.object_group.binaries if unit.object_group else [])
                 if o.source_member is None]
        if extended:
            parent = unit.parents[0].id if unit.parents else ""
            row = [unit.id, parent, _relative(unit.source, base),
                   "|".join(_relative(f, base) for f in files if f)]
        else:
            row = [_relative(unit.source or (files[0] if files else None), base) or unit.id]
        rows.append(row + values)
    return lead + names, rows


def csv_lines(header: list[str], rows: Iterable[list[str]], delimiter: str = ";") -> Iterator[str]:
    """The lines of a CSV as Resip writes them: header unquoted, every non-empty cell quoted, CRLF ends."""
    def quote(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if value else ""

    yield delimiter.join(header) + "\r\n"
    for cells in rows:
        yield delimiter.join(quote(c) for c in cells) + "\r\n"


def write_csv(transfer: Transfer, dest: str | os.PathLike[str], *, extended: bool = True, delimiter: str = ";",
              encoding: str = "utf-8") -> int:
    """Write the Resip metadata CSV of *transfer* atomically; return the number of rows.

    Extended format (``Id;ParentId;File;ObjectFiles``, Resip's default) or normal (``File`` only).
    Cells are quoted as Resip does: every non-empty value between double quotes.
    """
    import tempfile

    dest = Path(dest)
    base = dest.parent.resolve()
    header, rows = table(transfer, base, extended=extended)

    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=base)
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors="replace", newline="") as out:
            out.writelines(csv_lines(header, rows, delimiter))
        os.chmod(tmp, 0o644)  # mkstemp makes it private
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise
    return len(rows)
