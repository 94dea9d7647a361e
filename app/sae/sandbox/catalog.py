"""What the sandbox platform knows: its ingest contracts, the engine's referentials, its archive profiles.

Only the contract list is the sandbox's own: Vitam's contracts JSON (a list of records with
``Identifier`` and ``Status``), a CSV with an ``Identifier`` column, or one identifier per line.
Agencies, rules and formats are the validation engine's :class:`~app.seda.referentials.Referentials`
(Vitam's import CSVs, read as strictly as Vitam reads them), and profiles are checked with the
engine's :func:`~app.seda.profiles.load_profile`. Everything is read at start, so that a bad file
stops the sandbox before the workshop rather than in the middle of it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.profiles import load_profile
from app.seda.referentials import ReferentialError, Referentials

CTX = "sandbox"

__all__ = ["Catalog", "ReferentialError", "load_contracts"]


def _error(text: str, **params: object) -> ReferentialError:
    return ReferentialError(Message(CTX, text, params))


def load_contracts(path: Path) -> set[str]:
    """Active ingest contract identifiers from a Vitam contracts JSON, a CSV or a plain list."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(QT_TRANSLATE_NOOP("sandbox", "Cannot read the contracts file {path}: {error}"),
                     path=str(path), error=str(exc)) from exc
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _error(QT_TRANSLATE_NOOP("sandbox", "The contracts file {path} is not valid JSON ({error})."),
                         path=str(path), error=str(exc)) from exc
        records = data if isinstance(data, list) else [data]
        return {str(r["Identifier"]) for r in records
                if isinstance(r, dict) and "Identifier" in r and str(r.get("Status", "ACTIVE")).upper() == "ACTIVE"}
    if suffix == ".csv":
        try:
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            raise _error(QT_TRANSLATE_NOOP("sandbox", "The contracts file {path} is not a valid CSV ({error})."),
                         path=str(path), error=str(exc)) from exc
        if rows and "Identifier" not in rows[0]:
            raise _error(QT_TRANSLATE_NOOP("sandbox", "The contracts CSV {path} has no Identifier column."),
                         path=str(path))
        return {row["Identifier"].strip() for row in rows if (row.get("Identifier") or "").strip()}
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


@dataclass
class Catalog:
    """What transfers are checked against. ``contracts`` None means "no list: accept any contract"."""

    contracts: set[str] | None = None
    referentials: Referentials | None = None
    """Agencies, rules (and formats) for the validation engine; None when none was given."""
    profiles: dict[str, Path] = field(default_factory=dict)
    """ArchivalProfile identifier -> RNG or XSD file."""

    @classmethod
    def load(cls, contracts: Iterable[Path] = (), referentials: Iterable[Path] = (),
             profiles: dict[str, Path] | None = None) -> Catalog:
        """Read every file now; raise ReferentialError (or ProfileError) naming the bad one."""
        catalog = cls(profiles={k: Path(v) for k, v in (profiles or {}).items()})
        for path in contracts:
            catalog.contracts = (catalog.contracts or set()) | load_contracts(Path(path))
        paths = [Path(p) for p in referentials]
        if paths:
            catalog.referentials = Referentials.load(paths)
        for path in catalog.profiles.values():
            # Compiled once here to refuse a broken profile at start; each ingest compiles its own copy,
            # because a compiled validator keeps its error log and the workers run in parallel.
            load_profile(path)
        return catalog
