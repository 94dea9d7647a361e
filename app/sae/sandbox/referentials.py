"""The sandbox's referentials: ingest contracts, agencies and rules (Vitam CSV), archive profiles.

Contracts come from Vitam's JSON (a list of records with ``Identifier`` and ``Status``), a CSV with an
``Identifier`` column, or a text file with one identifier per line. Agencies and rules are Vitam's
import CSVs (``Identifier,Name,...`` and ``RuleId,RuleType,...``); their paths are also handed to the
validation engine's ``Referentials.load``.
"""

from __future__ import annotations

import csv
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ReferentialError(Exception):
    """A referential file cannot be read; the text says which and why."""


def load_contracts(path: Path) -> set[str]:
    """Active ingest contract identifiers from a Vitam JSON, a CSV or a plain list."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReferentialError(f"{path}: not valid JSON ({exc})") from exc
        records = data if isinstance(data, list) else [data]
        return {str(r["Identifier"]) for r in records
                if isinstance(r, dict) and "Identifier" in r and str(r.get("Status", "ACTIVE")).upper() == "ACTIVE"}
    if path.suffix.lower() == ".csv":
        return {row["Identifier"].strip() for row in csv.DictReader(text.splitlines())
                if row.get("Identifier") and row["Identifier"].strip()}
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def _csv_column(path: Path, column: str) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return {row[column].strip() for row in csv.DictReader(stream) if row.get(column)}


def kind_of_csv(path: Path) -> str:
    """``rules`` or ``agencies`` from the CSV header; raise :class:`ReferentialError` otherwise."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header = next(csv.reader(stream), [])
    if "RuleId" in header:
        return "rules"
    if "Identifier" in header:
        return "agencies"
    raise ReferentialError(f"{path}: neither a Vitam rules CSV (RuleId,...) nor an agencies CSV (Identifier,...)")


@dataclass
class SandboxReferentials:
    """What the sandbox checks transfers against. ``None`` means "not configured: accept anything"."""

    contracts: set[str] | None = None
    agencies: set[str] | None = None
    rules: set[str] | None = None
    profiles: dict[str, Path] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)
    """The agencies and rules CSV files, for the validation engine."""
    _engine: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, contracts: list[Path] = (), referentials: list[Path] = (),
             profiles: dict[str, Path] | None = None) -> SandboxReferentials:
        """Read every file now, so that a bad file stops the sandbox at start rather than mid-workshop."""
        refs = cls(profiles=dict(profiles or {}))
        try:
            for path in contracts:
                refs.contracts = (refs.contracts or set()) | load_contracts(path)
            for path in referentials:
                kind = kind_of_csv(path)
                column = "RuleId" if kind == "rules" else "Identifier"
                values = _csv_column(path, column)
                setattr(refs, kind, (getattr(refs, kind) or set()) | values)
                refs.paths.append(path)
        except (OSError, UnicodeDecodeError, KeyError, csv.Error) as exc:
            raise ReferentialError(str(exc)) from exc
        for identifier, path in refs.profiles.items():
            if not path.is_file():
                raise ReferentialError(f"profile {identifier}: {path} does not exist")
        return refs

    def engine_referentials(self) -> Any:
        """The validation engine's ``Referentials`` for these files (loaded once, shared by workers)."""
        if not self.paths:
            return None
        with self._lock:
            if self._engine is None:
                from app.seda.referentials import Referentials

                self._engine = Referentials.load(self.paths)
            return self._engine
