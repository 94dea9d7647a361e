"""Liasse's desktop application: ``liasse`` or ``python -m app``.

``--open PATH`` opens a project, or starts a transfer from a folder. ``--screenshot out.png``
renders the window once loading, validation and preview are done, saves it and exits (README
screenshots, tests); ``--view`` chooses what the screenshot shows.
"""

from __future__ import annotations

import argparse
import os
import sys

VIEWS = ("description", "rules", "objects", "xml", "preview", "validation", "export", "history")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line options of the GUI, described in the language ``--lang`` or the system chose."""
    from app import cli
    from app.models.messages import QT_TRANSLATE_NOOP

    argv = list(sys.argv[1:] if argv is None else argv)
    cli._setup_translation(argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else None)
    translate = cli._translate
    parser = argparse.ArgumentParser(prog="liasse", description=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "Prepare SEDA transfers (SIPs) for Vitam.")))
    parser.add_argument("--open", metavar="PATH", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "a .liasse project, a folder to start a transfer from, or a SIP, CSV or workbook to import")))
    parser.add_argument("path", nargs="?", metavar="PATH", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "the same as --open (file managers, liasse.desktop)")))
    parser.add_argument("--screenshot", metavar="PNG", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "save a picture of the window once loaded, then exit")))
    parser.add_argument("--view", choices=VIEWS, default="description", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "what the screenshot shows")))
    parser.add_argument("--select", metavar="TITLE", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "select the first unit whose title contains TITLE")))
    parser.add_argument("--lang", help=translate("gui", QT_TRANSLATE_NOOP(
        "gui", "interface language (fr, en); default: the system's")))
    return parser


def use_offscreen(screenshot: bool, environ: dict | os._Environ = os.environ, platform: str = sys.platform) -> bool:
    """Whether to render offscreen: a screenshot asked for where no display server can be reached.

    Only on X11/Wayland systems (Windows and macOS have no DISPLAY); a platform chosen explicitly
    with QT_QPA_PLATFORM is left alone.
    """
    if not screenshot or platform.startswith(("win", "darwin")) or environ.get("QT_QPA_PLATFORM"):
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def main(argv: list[str] | None = None) -> int:
    """Start the application."""
    args = build_parser(argv).parse_args(argv)
    if use_offscreen(bool(args.screenshot)):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import i18n
    from app.ui.settings import LANGUAGE, Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Liasse")
    app.setOrganizationName("Liasse")
    app.setDesktopFileName("liasse")  # Wayland and the taskbar match the window with liasse.desktop
    from app.ui.icons import application_icon

    app.setWindowIcon(application_icon())
    settings = Settings()
    translators = i18n.install(app, args.lang or settings.get(LANGUAGE) or None)  # noqa: F841 - kept alive
    from app.ui import collector

    collector.install(app)  # before any worker starts
    from app.ui.main_window import MainWindow

    window = MainWindow(settings)
    if args.screenshot:
        from app.ui.screenshot import Screenshooter

        window.setProperty("headless", True)
        shooter = Screenshooter(window, args.screenshot, args.view, args.select)  # noqa: F841 - kept alive
    window.show()
    target = args.open or args.path
    if target:
        QTimer.singleShot(0, lambda: window.open_path(target))
    elif not args.screenshot:
        QTimer.singleShot(0, window.offer_recovery)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
