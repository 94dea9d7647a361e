"""Validation of a manifest against the official XSD of its SEDA version, streamed.

libxml2 validates while ``iterparse`` reads, and each ArchiveUnit or object is cleared once read,
so a manifest of hundreds of MB is checked in bounded memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from app.seda.ontology import version_of_namespace
from app.seda.schemas import default_store, load_schema

_CLEARED = ("ArchiveUnit", "BinaryDataObject", "PhysicalDataObject", "DataObjectGroup")


@dataclass(frozen=True, slots=True)
class SchemaViolation:
    """One message of the XML parser or schema validator, with its position."""

    line: int
    column: int
    message: str


def detect_version(path: Path) -> str | None:
    """The SEDA version declared by the root element's namespace (None when not SEDA 2.1–2.3)."""
    for _event, element in etree.iterparse(str(path), events=("start",), resolve_entities=False, no_network=True,
                                           load_dtd=False):
        tag = element.tag
        if isinstance(tag, str) and tag.startswith("{"):
            return version_of_namespace(tag[1:].split("}", 1)[0])
        return None
    return None


def validate_manifest(path: Path, version: str, *, limit: int = 100) -> list[SchemaViolation]:
    """Validate *path* against the official schema of *version*; an empty list means valid."""
    schema = load_schema(version, str(default_store()))
    violations: list[SchemaViolation] = []
    # A validating iterparse reports through the thread's global error log, which keeps the errors of
    # earlier validations: start from an empty one so that only this file's errors are listed.
    etree.clear_error_log()
    try:
        for _event, element in etree.iterparse(str(path), events=("end",), schema=schema, resolve_entities=False,
                                               no_network=True, load_dtd=False, huge_tree=True):
            if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] in _CLEARED:
                # The validator works on the parse events, not on the tree: drop what was read.
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        for entry in exc.error_log or ():
            violations.append(SchemaViolation(entry.line, entry.column, entry.message))
            if len(violations) >= limit:
                break
        if not violations:
            line, column = exc.position if exc.position else (0, 0)
            violations.append(SchemaViolation(line, column, str(exc)))
    return violations
