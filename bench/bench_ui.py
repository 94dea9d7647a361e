"""GUI scale benchmark: 100,000 units — time to show the tree, and the worst UI-thread stall during
import (project open, and open again over it), export and background validation, measured with a
10 ms QTimer heartbeat on the event loop.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [units]``
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def build_project(folder: Path, units: int) -> Path:
    """A project of *units* units (folders of 100 items, 1 small file per 100 items)."""
    from app.models.metadata import Element
    from app.models.project import Project, save_project
    from app.models.transfer import BinaryDataObject, Transfer
    from app.seda.digest import file_digest

    data = folder / "data"
    data.mkdir()
    transfer = Transfer("2.2")
    transfer.header.children = [Element("ArchivalAgreement", "ArchivalAgreement0")]
    root = transfer.new_unit("Fonds", "Fonds")
    made = 1
    sample = data / "sample.txt"
    sample.write_text("bench\n" * 100)
    digest, size = file_digest(str(sample), "sha512")
    while made < units:
        parent = transfer.new_unit(f"Dossier {made}", "RecordGrp", root)
        made += 1
        for i in range(min(99, units - made)):
            unit = transfer.new_unit(f"Pièce {made}", "Item", parent)
            unit.content.append(Element("Description", f"Description de la pièce {made}"))
            made += 1
            if i == 0:
                group = transfer.new_group()
                obj = BinaryDataObject(transfer.ids.new(), source_path=str(sample), filename="sample.txt")
                obj.digest, obj.digest_algorithm, obj.size, obj.mime_type = digest, "SHA-512", size, "text/plain"
                obj.format_id = "x-fmt/111"
                group.objects = [obj]
                unit.object_group = group
    path = folder / "bench.liasse"
    save_project(Project(transfer, source_root=str(data)), path)
    return path


class Heartbeat:
    """Measures the longest gap between 10 ms timer ticks: the worst stall of the event loop."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer  # noqa: TID251 - the bench drives the GUI

        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.010)
        self.last = now

    def start(self) -> None:
        self.worst, self.last = 0.0, time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def wait_for(app, signal, timeout: float = 600) -> list:
    """Run the event loop until *signal* fires; return its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: TID251 - the bench drives the GUI

    loop = QEventLoop()
    got: list = []
    signal.connect(lambda *args: (got.extend(args), loop.quit()))
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    return got


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    from PySide6.QtCore import QSettings  # noqa: TID251 - the bench drives the GUI
    from PySide6.QtWidgets import QApplication  # noqa: TID251 - the bench drives the GUI

    app = QApplication([])
    from app.ui import collector

    collector.install(app)  # collections in the GUI thread, as app/__main__ sets them up
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("XDG_DATA_HOME", str(folder / "xdg"))
        started = time.perf_counter()
        path = build_project(folder, units)
        print(f"generated {units:,} units in {time.perf_counter() - started:.1f} s ({path.stat().st_size:,} bytes)")
        from app.ui.main_window import MainWindow
        from app.ui.settings import Settings

        settings = Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.setProperty("headless", True)
        window._validation_timer.setInterval(10**9)  # measure import/export alone
        window.show()
        app.processEvents()
        beat = Heartbeat()
        beat.start()
        started = time.perf_counter()
        window.open_path(str(path))
        wait_for(app, window.loaded)
        app.processEvents()
        shown = time.perf_counter() - started
        open_stall = beat.stop()
        print(f"open project + show tree: {shown:.2f} s; worst UI stall while opening: {open_stall * 1000:.0f} ms")
        window._validation_timer.stop()
        window._first_validation_timer.stop()
        beat.start()
        started = time.perf_counter()
        window.tree.expand(window.proxy.index(0, 0))
        window.tree.scrollToBottom()
        app.processEvents()
        print(f"expand 1,000 folders' parent and scroll to the bottom: {(time.perf_counter() - started) * 1000:.0f} ms")
        beat.stop()
        beat.start()
        started = time.perf_counter()
        window.export(folder / "sip.zip")
        result = wait_for(app, window.exported)
        export_stall = beat.stop()
        print(f"export: {time.perf_counter() - started:.1f} s ({result[0]!r:.80}); worst UI stall during export: "
              f"{export_stall * 1000:.0f} ms")
        beat.start()
        started = time.perf_counter()
        window.validate()
        wait_for(app, window.validated)
        print(f"background validation (snapshot shared with the export): {time.perf_counter() - started:.1f} s; "
              f"worst UI stall: {beat.stop() * 1000:.0f} ms")
        from app.models import edits

        unit = window.project.transfer.roots[0].children[0]
        beat.start()
        started = time.perf_counter()
        window.push_edit(edits.SetField((unit,), "Title", "Dossier renommé"), "rename")
        window.validate()
        wait_for(app, window.validated)
        print(f"edit + background validation (new snapshot): {time.perf_counter() - started:.1f} s; worst UI stall: "
              f"{beat.stop() * 1000:.0f} ms")
        window.runner.wait()
        window.setWindowModified(False)
        beat.start()
        started = time.perf_counter()
        window.open_path(str(path))  # the 100,000 units shown are replaced (and freed) too
        wait_for(app, window.loaded)
        app.processEvents()
        shown = time.perf_counter() - started
        while window._teardowns:
            app.processEvents()
        print(f"open again over the shown project: {shown:.2f} s; old one freed after "
              f"{time.perf_counter() - started:.2f} s; worst UI stall: {beat.stop() * 1000:.0f} ms")
        window.runner.wait()
        window.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of 100,000 units (and PySide's finalisation order)


if __name__ == "__main__":
    main()
