"""One worker pattern for every long operation: a QRunnable running a headless engine call.

The engine reports through ``progress(done, total)`` and stops on ``CancelToken``; the worker turns
this into queued signals. Progress is throttled here (at most ~10 signals a second, the last one
always sent): a signal per item floods the event loop and, with a cancel, crashed PySide6.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.models.tasks import Cancelled, CancelToken, Progress

THROTTLE_SECONDS = 0.1

Job = Callable[[Progress, CancelToken], Any]


class WorkerSignals(QObject):
    """Signals of a worker, emitted from its thread and delivered (queued) in the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class Worker(QRunnable):
    """Runs ``job(progress, cancel)`` in a pool thread."""

    def __init__(self, job: Job, cancel: CancelToken | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner owns it (git-cola's double-free lesson)
        self.job = job
        self.cancel = cancel or CancelToken()
        self.signals = WorkerSignals()
        self._last_emit = 0.0
        self._pending: tuple[int, int] | None = None

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_emit >= THROTTLE_SECONDS or (total and done >= total):
            self._last_emit = now
            self._pending = None
            self.signals.progressed.emit(done, total)
        else:
            self._pending = (done, total)

    def run(self) -> None:  # noqa: D102 - QRunnable API
        try:
            result = self.job(self._progress, self.cancel)
        except Cancelled:
            self.signals.cancelled.emit()
            return
        except Exception as exc:  # reported to the GUI, which shows it
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
            return
        if self._pending is not None:
            self.signals.progressed.emit(*self._pending)
        self.signals.finished.emit(result)


class _Relay(QObject):
    """Receives one worker's signals in the GUI thread and calls its callbacks.

    A child of the runner: when the window (and its runner) is destroyed, the relay goes with it and
    Qt drops the connections, so a late result never reaches a deleted window.
    """

    def __init__(self, runner: Runner, worker: Worker, callbacks: dict[str, Callable | None]) -> None:
        super().__init__(runner)
        self.runner, self.worker, self.callbacks = runner, worker, callbacks
        signals = worker.signals
        signals.progressed.connect(self.on_progressed)
        signals.finished.connect(self.on_finished)
        signals.failed.connect(self.on_failed)
        signals.cancelled.connect(self.on_cancelled)

    def _call(self, name: str, *args: Any) -> None:
        callback = self.callbacks.get(name)
        if callback is not None:
            callback(*args)

    def _done(self) -> None:
        self.runner._retire(self.worker)
        self.deleteLater()

    @Slot(int, int)
    def on_progressed(self, done: int, total: int) -> None:  # noqa: D102
        self._call("progress", done, total)

    @Slot(object)
    def on_finished(self, result: Any) -> None:  # noqa: D102
        self._done()
        self._call("finished", result)

    @Slot(object)
    def on_failed(self, exc: Exception) -> None:  # noqa: D102
        self._done()
        self._call("failed", exc)

    @Slot()
    def on_cancelled(self) -> None:  # noqa: D102
        self._done()
        self._call("cancelled")


class Runner(QObject):
    """Starts workers on two pools and keeps each alive until it has reported."""

    def __init__(self, parent: QObject | None = None, workers: int = 0) -> None:
        super().__init__(parent)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)  # export and save: one at a time
        self.pool = QThreadPool(self)
        if workers:
            self.pool.setMaxThreadCount(workers)
        self._live: set[Worker] = set()
        # Finished workers are kept a moment: the pool thread may still be returning from run() when
        # the result arrives here, and deleting a running QRunnable crashes.
        self._retired: list[tuple[float, Worker]] = []

    def _retire(self, worker: Worker) -> None:
        now = time.monotonic()
        self._live.discard(worker)
        self._retired = [(t, w) for t, w in self._retired if now - t < 2.0]
        self._retired.append((now, worker))

    def start(self, job: Job, *, writes: bool = False, on_finished: Callable[[Any], None] | None = None,
              on_failed: Callable[[Exception], None] | None = None, on_cancelled: Callable[[], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None) -> Worker:
        """Run *job* in the background; the callbacks run in the GUI thread."""
        worker = Worker(job)
        self._live.add(worker)
        _Relay(self, worker, {"progress": on_progress, "finished": on_finished, "failed": on_failed,
                              "cancelled": on_cancelled})
        (self.write_pool if writes else self.pool).start(worker)
        return worker

    def busy(self) -> bool:
        """Whether a worker is still running."""
        return bool(self._live)

    def wait(self, msecs: int = 30000) -> None:
        """Wait for the pools to drain (closing the window, tests)."""
        self.write_pool.waitForDone(msecs)
        self.pool.waitForDone(msecs)
