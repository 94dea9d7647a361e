"""Translatable messages declared by the engine and rendered by the CLI or the GUI.

The engine never imports Qt. It marks its strings with :func:`QT_TRANSLATE_NOOP` (a name that
``pyside6-lupdate`` recognises) and hands :class:`Message` objects to whoever displays them, which
translates them with ``QCoreApplication.translate(context, text)`` then fills the named placeholders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name fixed by lupdate
    """Mark *text* for extraction into the translation files; return it unchanged."""
    return text


def identity_translate(context: str, text: str) -> str:
    """A translator that keeps the English source text (tests, logs, non-Qt callers)."""
    return text


@dataclass(frozen=True)
class Message:
    """A message in English with named placeholders, translated when it is displayed."""

    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity_translate) -> str:
        """Translate the text, then substitute ``{name}`` placeholders."""
        template = translate(self.context, self.text)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source text.
            return self.text.format(**self.params)

    def __str__(self) -> str:
        return self.render()
