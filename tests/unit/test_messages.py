"""Engine messages: placeholders, counts in the language's plural form, sentences quoted in others."""

from __future__ import annotations

import re

from app.models.messages import QT_TRANSLATE_NOOP, Message, Plural


def shouting(context: str, text: str, n: int = -1) -> str:
    """A stand-in translator that makes translation visible (and picks an English-like plural)."""
    if "%n" in text and "(s)" in text:
        text = text.replace("(s)", "" if n == 1 else "s")
    # Upper case outside the {placeholders} and the %n.
    return "".join(part if re.fullmatch(r"\{\w*\}|%n", part) else part.upper()
                   for part in re.split(r"(\{\w*\}|%n)", text))


def test_placeholders_are_filled_after_translation():
    message = Message("cli", "Written: {path}", {"path": "a.zip"})
    assert message.render() == "Written: a.zip"
    assert message.render(shouting) == "WRITTEN: a.zip"


def test_a_count_takes_the_form_chosen_by_the_translator():
    units = QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", 1)
    assert isinstance(units, Plural)
    assert Message("cli", "{units} read.", {"units": units}).render(shouting) == "1 ARCHIVE UNIT READ."
    many = QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", 3)
    assert Message("cli", "{units} read.", {"units": many}).render(shouting) == "3 ARCHIVE UNITS READ."
    assert str(many) == "3 archive unit(s)"  # no translator: the source with its count


def test_a_whole_sentence_can_agree_with_its_count():
    message = Message("profiles", QT_TRANSLATE_NOOP("profiles", "%n unit(s) (e.g. {unit}) changed.", "", 2),
                      {"unit": "ID7"})
    assert message.render(shouting) == "2 UNITS (E.G. ID7) CHANGED."


def test_a_quoted_sentence_is_translated_with_the_one_that_quotes_it():
    inner = Message("xsd", "{element} is not expected here.", {"element": "Title"})
    outer = Message("validation", "Not valid: {error}", {"error": inner})
    assert outer.render(shouting) == "NOT VALID: Title IS NOT EXPECTED HERE."
    assert str(outer) == "Not valid: Title is not expected here."


def test_a_broken_translation_falls_back_to_the_source():
    def broken(context: str, text: str, n: int = -1) -> str:
        return "{missing}"

    assert Message("cli", "Written: {path}", {"path": "a.zip"}).render(broken) == "Written: a.zip"
