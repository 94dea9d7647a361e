"""Findings of a validation and the report that gathers them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.models.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate
from app.seda.report import Report, Severity

LAYERS = ("package", "schema", "profile", "vitam")
VITAM_ONLY = "schema.vitam-only"


@dataclass(frozen=True)
class Finding:
    """One problem of a transfer: which check, where (unit, object, element, line) and what to do."""

    severity: Severity
    layer: str
    check: str
    message: Message
    unit_id: str | None = None
    unit_title: str | None = None
    object_id: str | None = None
    path: str | None = None
    line: int | None = None
    vitam_code: str | None = None

    def render(self, translate: Translate = identity_translate) -> str:
        """The message in the user's language."""
        return self.message.render(translate)

    def location(self, translate: Translate = identity_translate) -> str:
        """A short 'where' for reports: unit, object or path, and line (in the user's language)."""
        parts: list[str] = []
        if self.unit_id:
            parts.append(f"{self.unit_id} \u201c{self.unit_title}\u201d" if self.unit_title else self.unit_id)
        if self.object_id:
            parts.append(self.object_id)
        if self.line:
            parts.append(Message("validation", QT_TRANSLATE_NOOP("validation", "line {line}"),
                                 {"line": self.line}).render(translate))
        return ", ".join(parts) or (self.path or "")

    def to_json(self, translate: Translate = identity_translate) -> dict[str, Any]:
        """The finding as a JSON-ready dict (message rendered and in source form)."""
        return {
            "severity": self.severity.value,
            "layer": self.layer,
            "check": self.check,
            "message": self.message.render(translate),
            "message_source": self.message.text,
            "params": {k: v if isinstance(v, (int, float, bool)) or v is None else str(v)
                       for k, v in self.message.params.items()},
            "unit_id": self.unit_id,
            "unit_title": self.unit_title,
            "object_id": self.object_id,
            "path": self.path,
            "line": self.line,
            "vitam_code": self.vitam_code,
        }


@dataclass
class ValidationReport:
    """All findings of one validation, most relevant first."""

    findings: list[Finding] = field(default_factory=list)
    version: str | None = None
    target: str | None = None
    profile: str | None = None

    @property
    def valid(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> list[Finding]:
        """The error findings."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def vitam_only(self) -> bool:
        """True when every error is Vitam-specific markup: Vitam accepts it, the official schema does not."""
        errors = self.errors
        return bool(errors) and all(f.check == VITAM_ONLY for f in errors)

    def order(self) -> None:
        """Put Vitam-only markup after profile and Vitam errors: it is rarely what must be fixed first."""
        if any(f.severity is Severity.ERROR and f.layer in ("profile", "vitam") for f in self.findings):
            self.findings.sort(key=lambda f: f.check == VITAM_ONLY)

    def to_report(self) -> Report:
        """The findings as a build-pipeline report (path = unit or object, then element path)."""
        report = Report()
        for finding in self.findings:
            where = finding.location()
            report.add(finding.severity, finding.check, where, _located(finding, where))
        return report

    def to_json(self, translate: Translate = identity_translate) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        if self.valid:
            verdict = "valid"
        elif self.vitam_only:
            verdict = "vitam-only"
        else:
            verdict = "invalid"
        return {
            "target": self.target,
            "version": self.version,
            "profile": self.profile,
            "valid": self.valid,
            "verdict": verdict,
            "errors": len(self.errors),
            "warnings": len(self.findings) - len(self.errors),
            "findings": [f.to_json(translate) for f in self.findings],
        }


def _located(finding: Finding, where: str) -> Message:
    """The finding's message prefixed with its location, still translatable."""
    if not where:
        return finding.message
    return _Prefixed("validation", QT_TRANSLATE_NOOP("validation", "{where}: {message}"),
                     {"where": _Where("validation", "", {"finding": finding}), "message": finding.message})


class _Where(Message):
    """A finding's location, rendered when displayed (its "line" is translated then)."""

    def render(self, translate: Translate = identity_translate) -> str:  # noqa: D102
        return self.params["finding"].location(translate)


class _Prefixed(Message):
    """A message whose parameters may themselves be Messages, rendered with the same translator."""

    def render(self, translate: Translate = identity_translate) -> str:  # noqa: D102
        params = {k: v.render(translate) if isinstance(v, Message) else v for k, v in self.params.items()}
        return Message(self.context, self.text, params).render(translate)
