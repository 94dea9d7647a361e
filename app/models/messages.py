"""Translatable messages declared by the engine and rendered by the CLI or the GUI.

The engine never imports Qt. It marks its strings with :func:`QT_TRANSLATE_NOOP` (a name that
``pyside6-lupdate`` recognises) and hands :class:`Message` objects to whoever displays them, which
translates them with ``QCoreApplication.translate(context, text)`` then fills the named placeholders.

Counts go through Qt's plural forms ("numerus" entries of the ``.ts`` files): a placeholder whose value is
a :class:`Plural` (``QT_TRANSLATE_NOOP(context, "%n archive unit(s)", "", n)``) is rendered with the form
the language uses for *n* ("1 unité d'archives", "2 unités d'archives"; French treats 0 as singular).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# translate(context, text, n): the text in the user's language; *n* (-1: none) picks a plural form.
Translate = Callable[..., str]


@dataclass(frozen=True)
class Plural:
    """A count and its words (``"%n archive unit(s)"``), rendered in the form the language uses for *n*."""

    context: str
    text: str
    n: int

    def render(self, translate: Translate) -> str:
        # QCoreApplication.translate fills %n itself; a bare QTranslator (the CLI) does not.
        return translate(self.context, self.text, self.n).replace("%n", str(self.n))

    def __str__(self) -> str:
        return self.render(identity_translate)


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None, n: int | None = None):  # noqa: N802
    """Mark *text* for extraction into the translation files (a name lupdate knows) and return it.

    With a count *n*, lupdate extracts a plural entry and this returns a :class:`Plural` to be given
    as a message parameter: ``units=QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", count)``.
    """
    if n is None:
        return text
    return Plural(context, text, n)


def identity_translate(context: str, text: str, n: int = -1) -> str:
    """A translator that keeps the English source text (tests, logs, non-Qt callers)."""
    return text


@dataclass(frozen=True)
class Message:
    """A message in English with named placeholders, translated when it is displayed.

    *text* may itself be a :class:`Plural` when the whole sentence agrees with a count; a parameter may be
    a :class:`Plural` or another :class:`Message` (a sentence quoted in another), rendered in the same language.
    """

    context: str
    text: str | Plural
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = identity_translate) -> str:
        """Translate the text, then substitute ``{name}`` placeholders."""
        text = self.text
        if isinstance(text, Plural):
            template, text = text.render(translate), str(text)
        else:
            template = translate(self.context, text)
        params = self.params
        if any(isinstance(value, (Plural, Message)) for value in params.values()):
            params = {name: value.render(translate) if isinstance(value, (Plural, Message)) else value
                      for name, value in params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source text.
            return text.format(**params)

    def __str__(self) -> str:
        return self.render()
