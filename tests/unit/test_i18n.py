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
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def messages(ts: Path):
    root = etree.parse(str(ts)).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_no_unfinished_translation():
    unfinished = [(ctx, src) for ctx, src, tr in messages(TS) if tr.get("type") == "unfinished" or not tr.text]
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"


def test_every_string_of_the_code_is_in_the_translation_file(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)], check=True,
                   capture_output=True)
    missing = [(ctx, src) for ctx, src, tr in messages(copy) if tr.get("type") == "unfinished"]
    assert not missing, f"strings missing from {TS.name} (run tools/i18n.py update): {missing[:5]}"


def test_translations_keep_the_placeholders():
    for ctx, src, tr in messages(TS):
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(tr.text or "")), (ctx, src)


def test_contexts_are_literal_for_lupdate():
    offenders = [str(p) for p in (ROOT / "app").rglob("*.py")
                 if re.search(r"QT_TRANSLATE_NOOP\(\s*[A-Za-z_]", p.read_text(encoding="utf-8"))
                 and p.name != "messages.py"]
    assert not offenders, f"QT_TRANSLATE_NOOP needs a literal context in {offenders}"


def test_ts_translator_falls_back_to_the_source_text():
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import TsTranslator

    app = QCoreApplication.instance() or QCoreApplication([])
    translator = TsTranslator(TS)
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("cli", "error") == "erreur"
        assert QCoreApplication.translate("cli", "a string nobody translated") == "a string nobody translated"
    finally:
        app.removeTranslator(translator)


def test_a_compiled_file_older_than_its_source_is_not_used(tmp_path, monkeypatch):
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
    app = QCoreApplication.instance() or QCoreApplication([])
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
