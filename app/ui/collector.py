"""Garbage collection in the GUI thread only.

CPython runs a cyclic collection in whichever thread happens to allocate past the threshold. When that
thread is a worker and the garbage holds Qt wrappers (a closed dialog caught in a reference cycle), Qt
objects are destroyed outside the GUI thread and the process can crash: a worker formatting a traceback
segfaulted this way in the tests. So the automatic collector is turned off
(:func:`app.ui.snapshots.stop_automatic_collection`) and :class:`GuiCollector` applies CPython's own
thresholds from a timer in the GUI thread, the recipe PyQt applications use. While a worker builds a
big graph with the collector paused (:func:`~app.ui.snapshots.collector_paused`), nothing is collected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from app.ui.snapshots import collector_busy, resume_automatic_collection, stop_automatic_collection

INTERVAL_MS = 500


class GuiCollector(QObject):
    """Runs the collections CPython would have run, from the GUI thread, every :data:`INTERVAL_MS`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        stop_automatic_collection()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; return the generation (-1: none)."""
        if collector_busy():
            return -1
        first, second, third = gc.get_threshold()
        young, middle, old = gc.get_count()
        if young <= first:
            return -1
        generation = 2 if old > third else 1 if middle > second else 0
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        """Collect what is left here, in the GUI thread, and give collections back to CPython."""
        self.timer.stop()
        gc.collect()
        resume_automatic_collection()


def install(app: QObject) -> GuiCollector:
    """Collect in *app*'s (GUI) thread from now on; the collector is a child of *app*."""
    return GuiCollector(app)
