"""Every user-visible string is extracted, translated into French, and keeps its placeholders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "liasse_fr.ts"
TS_EN = ROOT / "resources" / "i18n" / "liasse_en.ts"  # English is the source: only its plural forms
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def texts(translation) -> list[str]:
    """The translated text, or each plural form of a numerus entry."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def messages(ts: Path):
    root = etree.parse(str(ts)).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_no_unfinished_translation():
    for ts in (TS, TS_EN):
        unfinished = [(ctx, src) for ctx, src, tr in messages(ts)
                      if tr.get("type") == "unfinished" or not all(texts(tr))]
        assert not unfinished, f"{ts.name}: {len(unfinished)} untranslated, e.g. {unfinished[:5]}"


def test_plural_entries_have_both_forms_in_french_and_english():
    for ts in (TS, TS_EN):
        plurals = [(src, texts(tr)) for _ctx, src, tr in messages(ts) if tr.find("numerusform") is not None]
        assert len(plurals) >= 20, ts.name
        assert all(len(forms) == 2 for _src, forms in plurals), ts.name
        # The plural form shows the count; a singular form may drop it ("l'unité sélectionnée").
        assert all("%n" in forms[1] for src, forms in plurals if "%n" in src), ts.name
    english = {src for _ctx, src, _tr in messages(TS_EN)}
    french_plurals = {src for _ctx, src, tr in messages(TS) if tr.find("numerusform") is not None}
    assert english == french_plurals


def test_every_string_of_the_code_is_in_the_translation_file(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)], check=True,
                   capture_output=True)
    missing = [(ctx, src) for ctx, src, tr in messages(copy) if tr.get("type") == "unfinished"]
    assert not missing, f"strings missing from {TS.name} (run tools/i18n.py update): {missing[:5]}"
    copy_en = tmp_path / TS_EN.name
    shutil.copyfile(TS_EN, copy_en)
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", "-pluralonly", "-target-language", "en",
                    *sources, "-ts", str(copy_en)], check=True, capture_output=True)
    missing = [(ctx, src) for ctx, src, tr in messages(copy_en) if tr.get("type") == "unfinished"]
    assert not missing, f"plural strings missing from {TS_EN.name} (run tools/i18n.py update): {missing[:5]}"


def test_translations_keep_the_placeholders():
    for ts in (TS, TS_EN):
        for ctx, src, tr in messages(ts):
            for text in texts(tr):
                assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(text)), (ts.name, ctx, src)


def test_counts_take_the_form_of_the_language(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.models.messages import QT_TRANSLATE_NOOP, Message
    from app.ui.i18n import translate_function

    app = qapp  # pytest-qt's QApplication: a bare QCoreApplication here would break later widget tests
    french, english = translate_function("fr"), translate_function("en")
    sentence = Message("cli", QT_TRANSLATE_NOOP("cli", "Written: {path} ({units})."), {"path": "a.csv"})

    def units(n):
        return Message(sentence.context, sentence.text,
                       {**sentence.params, "units": QT_TRANSLATE_NOOP("cli", "%n archive unit(s)", "", n)})

    # French: 0 and 1 are singular.
    assert units(0).render(french) == "Fichier écrit : a.csv (0 unité d'archives)."
    assert units(1).render(french) == "Fichier écrit : a.csv (1 unité d'archives)."
    assert units(2).render(french) == "Fichier écrit : a.csv (2 unités d'archives)."
    assert units(1).render(english) == "Written: a.csv (1 archive unit)."
    assert units(0).render(english) == "Written: a.csv (0 archive units)."
    # A whole sentence that agrees with its count.
    plural = Message("profiles", QT_TRANSLATE_NOOP("profiles", "%n unit(s) match several unit patterns of the profile; "
                                                   "only the values these patterns share were filled.", "", 3))
    assert plural.render(french).startswith("3 unités correspondent")
    # The GUI goes through QCoreApplication with the same translators.
    from app.ui.i18n import load_translators

    translators = load_translators("fr")
    for translator in translators:
        app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "%n selected", None, 1) == "1 sélectionnée"
        assert QCoreApplication.translate("MainWindow", "%n selected", None, 5) == "5 sélectionnées"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_contexts_are_literal_for_lupdate():
    offenders = [str(p) for p in (ROOT / "app").rglob("*.py")
                 if re.search(r"QT_TRANSLATE_NOOP\(\s*[A-Za-z_]", p.read_text(encoding="utf-8"))
                 and p.name != "messages.py"]
    assert not offenders, f"QT_TRANSLATE_NOOP needs a literal context in {offenders}"


def test_ts_translator_falls_back_to_the_source_text(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import TsTranslator

    app = qapp  # pytest-qt's QApplication: a bare QCoreApplication here would break later widget tests
    translator = TsTranslator(TS)
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("cli", "error") == "erreur"
        assert QCoreApplication.translate("cli", "a string nobody translated") == "a string nobody translated"
    finally:
        app.removeTranslator(translator)


def test_a_compiled_file_older_than_its_source_is_not_used(tmp_path, monkeypatch, qapp):
    # A .qm left over from an earlier build must not hide the strings translated since in the .ts.
    import os

    from PySide6.QtCore import QCoreApplication

    from app.ui import i18n

    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    stale = tmp_path / "stale.ts"
    stale.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr">'
                     '<context><name>cli</name><message><source>error</source><translation>PÉRIMÉ</translation>'
                     '</message></context></TS>', encoding="utf-8")
    subprocess.run([str(lrelease), "-silent", str(stale), "-qm", str(tmp_path / "liasse_fr.qm")], check=True)
    shutil.copyfile(TS, tmp_path / "liasse_fr.ts")
    os.utime(tmp_path / "liasse_fr.qm", (1_600_000_000, 1_600_000_000))
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    app = qapp  # pytest-qt's QApplication: a bare QCoreApplication here would break later widget tests
    translators = i18n.load_translators("fr")
    for translator in translators:
        app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("cli", "error") == "erreur"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_no_translation_wrapper_hides_strings_from_lupdate():
    # lupdate only sees tr(), translate("Context", ...) and QT_TRANSLATE_NOOP("Context", ...) with literals:
    # a local wrapper called with a bare literal is invisible to it, and its strings never get translated.
    offenders = []
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"^\s*def (_t|_tr|tr)\(text", text, re.MULTILINE):
            if re.search(rf"(?<![.\w]){name}\(\s*[\"']", text):
                offenders.append(f"{path.relative_to(ROOT)}: {name}(")
    assert not offenders, offenders
    contexts = {ctx for ctx, _src, _tr in messages(TS)}
    assert "" not in contexts and not any(" " in c or "." in c for c in contexts), sorted(contexts)


def test_a_language_liasse_does_not_ship_gets_english_with_its_plural_forms(monkeypatch):
    from app.ui.i18n import ui_language

    monkeypatch.delenv("LIASSE_LANG", raising=False)
    assert ui_language("fr_FR") == "fr" and ui_language("fr-CA") == "fr" and ui_language("en_GB") == "en"
    # German, or the POSIX locale of a bare server: the English source, whose plurals liasse_en.ts gives.
    assert ui_language("de_DE") == "en" and ui_language("C") == "en" and ui_language("C.UTF-8") == "en"
