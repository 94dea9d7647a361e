"""Translations: Liasse's own (``resources/i18n/liasse_<lang>``) and Qt's (``qtbase_<lang>.qm``).

Compiled ``.qm`` files are used when present (packaged builds compile them); a development checkout
reads the ``.ts`` source directly, so a fresh clone is translated without a build step. Only QtCore
is used here: the CLI loads translations through this module too.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"


def plural_form(language: str, n: int) -> int:
    """Which numerus form *language* uses for *n* (Qt's rules for the languages Liasse ships)."""
    if language == "fr":
        return 0 if abs(n) < 2 else 1  # 0 and 1 are singular in French
    return 0 if n == 1 else 1


class TsTranslator(QTranslator):
    """A QTranslator fed from a Qt Linguist ``.ts`` file (finished entries only, plural forms included)."""

    def __init__(self, ts_path: Path, parent=None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        self._plurals: dict[tuple[str, str], list[str]] = {}
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.parse(str(ts_path), parser).getroot()
        self._language = (root.get("language") or "en").split("_")[0]
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if forms and all(forms):
                    self._plurals[(name, source)] = forms
                elif translation.text:
                    self._table[(name, source)] = translation.text

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 - Qt API
        forms = self._plurals.get((context, source_text))
        if forms is not None:
            return forms[min(plural_form(self._language, n), len(forms) - 1)]
        # None (a null QString) lets Qt fall back to the source text; "" would blank the label.
        return self._table.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return not self._table and not self._plurals


def ui_language(override: str | None = None) -> str:
    """The language to show: *override*, ``$LIASSE_LANG``, else the system's; English unless Liasse has it.

    A system in another language (or the POSIX "C" locale) gets English, the source language, with its
    plural forms ("1 file", not "1 file(s)").
    """
    lang = override or os.environ.get("LIASSE_LANG") or QLocale.system().name()
    code = (lang or "en").split("_")[0].split("-")[0].split(".")[0].lower()
    shipped = {path.stem.split("_", 1)[-1] for path in I18N_DIR.glob("liasse_*.*") if path.suffix in (".ts", ".qm")}
    return code if code in shipped else "en"


def load_translators(language: str) -> list[QTranslator]:
    """Translators for *language*; English, the source language, only has its plural forms translated."""
    translators: list[QTranslator] = []
    qm = I18N_DIR / f"liasse_{language}.qm"
    ts = I18N_DIR / f"liasse_{language}.ts"
    own = QTranslator()
    # A .qm older than its .ts was compiled before the last translations: read the .ts instead.
    fresh = qm.is_file() and not (ts.is_file() and ts.stat().st_mtime > qm.stat().st_mtime)
    if fresh and own.load(str(qm)):
        translators.append(own)
    elif ts.is_file():
        translators.append(TsTranslator(ts))
    if language == "en":
        return translators
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    return translators


def install(app: QCoreApplication, language: str | None = None) -> list[QTranslator]:
    """Install translators on the application; keep the returned list alive."""
    language = ui_language(language)
    # Numbers, dates and sizes follow the interface language, not only the texts.
    QLocale.setDefault(QLocale(language))
    translators = load_translators(language)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def translate_function(language: str | None = None):
    """A ``translate(context, text, n=-1)`` callable for code running without a QCoreApplication (the CLI)."""
    translators = load_translators(ui_language(language))

    def translate(context: str, text: str, n: int = -1) -> str:
        for translator in translators:
            result = translator.translate(context, text, None, n)
            if result:
                return result
        return text

    return translate
