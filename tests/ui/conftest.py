"""Fixtures of the GUI tests: settings in a temporary folder, a generated folder, a headless window."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _english_translators(qapp):
    """The translators the application installs for an English user (its plural forms), as app/__main__ does."""
    from app.ui import i18n

    translators = i18n.install(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _gui_thread_collection(qapp):
    """Garbage collected in the GUI thread only, as app/__main__ sets it up; given back to CPython after
    each test (what the test left is collected here, in the GUI thread), so other tests see the default."""
    from app.ui import collector

    gui_collector = collector.install(qapp)
    yield gui_collector
    gui_collector.stop()
    gui_collector.setParent(None)


@pytest.fixture
def settings(tmp_path):
    """Settings stored in an INI file under tmp_path."""
    from PySide6.QtCore import QSettings

    from app.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings(QSettings(str(tmp_path / "settings" / "liasse.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def folder(tmp_path) -> Path:
    """A small archive: two folders of text files and a PDF-like file."""
    root = tmp_path / "Fonds Mairie"
    for name in ("Conseil", "Travaux"):
        sub = root / name
        sub.mkdir(parents=True)
        for i in range(3):
            (sub / f"{name.lower()}-{i}.txt").write_text(f"{name} document {i}\n" * 20, encoding="utf-8")
    (root / "note.txt").write_text("note", encoding="utf-8")
    return root


@pytest.fixture
def window(qtbot, settings):
    """The main window, headless (no modal prompts), closed after the test."""
    from app.ui.main_window import MainWindow

    win = MainWindow(settings)
    win.setProperty("headless", True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.runner.wait()


@pytest.fixture
def loaded(qtbot, window, folder):
    """The window with a transfer built from :func:`folder`."""
    with qtbot.waitSignal(window.loaded, timeout=30000):
        window.open_path(str(folder))
    return window
