"""Translation maintenance: extract strings into resources/i18n/*.ts, list and fill unfinished ones.

    python tools/i18n.py update            # run pyside6-lupdate over app/ (keeps existing translations)
    python tools/i18n.py todo > todo.json  # unfinished entries as {"context": {"source": ""}}, per .ts file
    python tools/i18n.py fill done.json    # write translations from the same structure

Plural entries (``tr("%n file(s)", "", n)``) are filled with a list of forms (French: singular, plural).
English is the source language, so ``liasse_en.ts`` holds only the plural entries (lupdate -pluralonly).
    python tools/i18n.py literal-contexts  # rewrite QT_TRANSLATE_NOOP(CTX, ...) with the literal context

lupdate only understands literal contexts, hence the last command for modules that name theirs CTX.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "resources" / "i18n" / "liasse_fr.ts", ROOT / "resources" / "i18n" / "liasse_en.ts"]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def update() -> None:
    for ts in TS_FILES:
        ts.parent.mkdir(parents=True, exist_ok=True)
        language = ts.stem.split("_")[-1]
        plural_only = ["-pluralonly"] if language == "en" else []
        subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none", *plural_only, "-source-language", "en",
                        "-target-language", language, *sources(), "-ts", str(ts)], cwd=ROOT, check=True)


def todo() -> None:
    result: dict[str, dict[str, dict[str, str | list[str]]]] = {}
    for ts in TS_FILES:
        root = etree.parse(str(ts)).getroot()
        for context in root.iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") == "unfinished":
                    forms = translation.findall("numerusform")
                    empty: str | list[str] = [""] * len(forms) if forms else ""
                    result.setdefault(ts.stem, {}).setdefault(name, {})[message.findtext("source")] = empty
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


def fill(path: str) -> None:
    done = json.loads(Path(path).read_text(encoding="utf-8"))
    for ts in TS_FILES:
        tree = etree.parse(str(ts))
        for context in tree.getroot().iter("context"):
            table = done.get(ts.stem, {}).get(context.findtext("name"), {})
            for message in context.iter("message"):
                text = table.get(message.findtext("source"))
                translation = message.find("translation")
                if not text or translation is None:
                    continue
                if isinstance(text, list):
                    forms = translation.findall("numerusform")
                    if len(forms) != len(text) or not all(text):
                        sys.exit(f"{ts.name}: {message.findtext('source')!r} needs {len(forms)} forms")
                    for form, value in zip(forms, text, strict=True):
                        form.text = value
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
        tree.write(str(ts), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    update()  # lupdate rewrites the file in its own layout: diffs stay small


def literal_contexts() -> None:
    for name in sources():
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        match = re.search(r'^CTX = "([^"]+)"', text, re.MULTILINE)
        pattern = re.compile(r"QT_TRANSLATE_NOOP\((\s*)CTX,")
        if match and pattern.search(text):
            context = match.group(1)
            path.write_text(pattern.sub(lambda m, c=context: f'QT_TRANSLATE_NOOP({m.group(1)}"{c}",', text),
                            encoding="utf-8")
            print("rewrote", name)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    {"update": update, "todo": todo, "literal-contexts": literal_contexts}.get(command, lambda: fill(sys.argv[2]))()
