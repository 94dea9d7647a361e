"""Problems met by a long operation, kept for a report instead of aborting it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.models.messages import Message, Translate, identity_translate


class Severity(StrEnum):
    """How serious a problem is: warnings are done with, errors left something out."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: where (a path on disk or in the transfer) and what, as a translatable message."""

    severity: Severity
    code: str
    path: str
    message: Message

    def render(self, translate: Translate = identity_translate) -> str:
        """The message in the user's language."""
        return self.message.render(translate)


@dataclass
class Report:
    """The problems of an operation, in the order they were met."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, severity: Severity, code: str, path: str, message: Message) -> None:
        """Record a problem."""
        self.problems.append(Problem(severity, code, path, message))

    def extend(self, other: Report) -> None:
        """Append another report's problems."""
        self.problems.extend(other.problems)

    @property
    def errors(self) -> list[Problem]:
        """Problems that left something out."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def __bool__(self) -> bool:
        return bool(self.problems)
