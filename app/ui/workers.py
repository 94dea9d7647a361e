"""One worker pattern for every long operation: a headless engine call run in a pool thread.

The engine reports through ``progress(done, total)`` and stops on ``CancelToken``; the worker turns
this into queued signals. Progress is throttled here (at most ~10 signals a second, the last one
always sent): a signal per item floods the event loop and, with a cancel, crashed PySide6.

Ownership, made deterministic after a segfault seen under load (a ``deleteLater``'d per-worker relay
QObject was destroyed twice: the relay and its runner formed a Python reference cycle, so the runner
died whenever the cyclic collector ran, possibly in a pool thread):

* A :class:`Worker` is a plain Python object, not a ``QRunnable`` and not a ``QObject``. It is
  started with ``QThreadPool.start(callable)``: Qt owns the C++ runnable, which holds one reference
  to the worker and drops it, under the GIL, in the pool thread right after the call returns.
  (With a ``QRunnable`` subclass, PySide makes the pool keep every runnable, and the job closure with
  the transfer it captured, until the pool itself dies; and ``autoDelete`` lets C++ delete an object
  Python still uses.)
* The :class:`Runner` keeps every worker in ``_live`` until its terminal signal (finished, failed or
  cancelled) has been *delivered* in the GUI thread. No timer decides anything.
* Every worker of a runner emits through one :class:`WorkerSignals` object, a child of the runner,
  created in and living in the GUI thread; signals carry the worker's serial number and plain Python
  data. No Qt object is created, deleted or touched in a pool thread.
* :meth:`Runner.shutdown` (called when the window closes) cancels the live workers and waits for
  the pools, so the signals object outlives every emission.
"""

from __future__ import annotations

import itertools
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

from app.models.tasks import Cancelled, CancelToken, Progress

THROTTLE_SECONDS = 0.1
# How often a worker lets the GUI thread take the GIL (from its progress calls), and for how long it sleeps.
# A worker whose engine code lets go of the GIL for a moment very often (lxml serialising each unit,
# zlib reading a project) takes it straight back every time, and CPython then never asks it to hand
# over: the GUI thread waited up to ~0.5 s for the GIL. A real sleep hands it over.
YIELD_SECONDS = 0.005
YIELD_SLEEP = 0.0002

Job = Callable[[Progress, CancelToken], Any]


class WorkerSignals(QObject):
    """The signals of all the workers of a runner; each carries the worker's serial number first."""

    progressed = Signal(int, int, int)  # serial, done, total
    finished = Signal(int, object)  # serial, result
    failed = Signal(int, object)  # serial, exception
    cancelled = Signal(int)  # serial


class Worker:
    """Runs ``job(progress, cancel)`` once, in a pool thread (the runner calls it through the pool)."""

    def __init__(self, serial: int, job: Job, signals: WorkerSignals, cancel: CancelToken | None = None) -> None:
        self.serial = serial
        self.job: Job | None = job
        self.cancel = cancel or CancelToken()
        self._signals = signals
        self._last_emit = 0.0
        self._last_yield = 0.0
        self._pending: tuple[int, int] | None = None

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_yield >= YIELD_SECONDS:
            time.sleep(YIELD_SLEEP)  # see YIELD_SECONDS
            self._last_yield = now = time.monotonic()
        if now - self._last_emit >= THROTTLE_SECONDS or (total and done >= total):
            self._last_emit = now
            self._pending = None
            self._signals.progressed.emit(self.serial, done, total)
        else:
            self._pending = (done, total)

    def __call__(self) -> None:
        """The pool thread's entry point; the last thing it does is emit one terminal signal."""
        job, self.job = self.job, None  # the closure (and what it captured) goes with the call
        signals = self._signals
        try:
            assert job is not None, "a worker runs once"
            result = job(self._progress, self.cancel)
        except Cancelled:
            signals.cancelled.emit(self.serial)
            return
        except Exception as exc:  # reported to the GUI, which shows it
            exc.traceback_text = traceback.format_exc()  # type: ignore[attr-defined]
            signals.failed.emit(self.serial, exc)
            return
        if self._pending is not None:
            signals.progressed.emit(self.serial, *self._pending)
        signals.finished.emit(self.serial, result)


# While a worker runs Python, every call Qt makes into Python from the GUI thread (data(), flags() for
# each painted cell...) must win the GIL back, and CPython makes it wait a whole switch interval (5 ms
# by default) each time: repainting a few rows after an edit took ~0.45 s during a validation. With
# 1 ms the same repaint takes a few tens of ms; the workers lose little (they get switched a bit more).
SWITCH_INTERVAL = 0.0002


class Runner(QObject):
    """Starts workers on two pools and owns each until its terminal signal has been delivered."""

    def __init__(self, parent: QObject | None = None, workers: int = 0) -> None:
        super().__init__(parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)  # see SWITCH_INTERVAL
        # Children are destroyed in creation order: the pools (which wait for their threads) go
        # before the signals object the threads emit through.
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)  # export and save: one at a time
        self.pool = QThreadPool(self)
        if workers:
            self.pool.setMaxThreadCount(workers)
        self.signals = WorkerSignals(self)
        queued = Qt.ConnectionType.QueuedConnection  # always delivered by the GUI thread's event loop
        self.signals.progressed.connect(self._on_signals_progressed, queued)
        self.signals.finished.connect(self._on_signals_finished, queued)
        self.signals.failed.connect(self._on_signals_failed, queued)
        self.signals.cancelled.connect(self._on_signals_cancelled, queued)
        self._serials = itertools.count(1)
        self._live: dict[int, tuple[Worker, dict[str, Callable | None]]] = {}
        self._closed = False

    def start(self, job: Job, *, writes: bool = False, on_finished: Callable[[Any], None] | None = None,
              on_failed: Callable[[Exception], None] | None = None, on_cancelled: Callable[[], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None) -> Worker:
        """Run *job* in the background; the callbacks run in the GUI thread."""
        worker = Worker(next(self._serials), job, self.signals)
        if self._closed:  # the window is closing: nothing new starts
            worker.job = None
            return worker
        self._live[worker.serial] = (worker, {"progress": on_progress, "finished": on_finished,
                                              "failed": on_failed, "cancelled": on_cancelled})
        (self.write_pool if writes else self.pool).start(worker)
        return worker

    def busy(self) -> bool:
        """Whether a worker has not reported its end yet."""
        return bool(self._live)

    def live_count(self) -> int:
        """How many workers are owned by the runner (started, end not delivered yet)."""
        return len(self._live)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the pools to drain (closing the window, tests); the GIL is released meanwhile."""
        return self.write_pool.waitForDone(msecs) & self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel every live worker, wait for the pools, and drop results still to be delivered."""
        self._closed = True
        for worker, _callbacks in list(self._live.values()):
            worker.cancel.cancel()
        self.wait(msecs)
        self._live.clear()

    # -- delivery, in the GUI thread -----------------------------------------------------------
    def _callback(self, serial: int, name: str, *, end: bool) -> Callable | None:
        entry = self._live.pop(serial, None) if end else self._live.get(serial)
        return entry[1].get(name) if entry is not None else None

    @Slot(int, int, int)
    def _on_signals_progressed(self, serial: int, done: int, total: int) -> None:
        callback = self._callback(serial, "progress", end=False)
        if callback is not None:
            callback(done, total)

    @Slot(int, object)
    def _on_signals_finished(self, serial: int, result: Any) -> None:
        callback = self._callback(serial, "finished", end=True)
        if callback is not None:
            callback(result)

    @Slot(int, object)
    def _on_signals_failed(self, serial: int, exc: Exception) -> None:
        callback = self._callback(serial, "failed", end=True)
        if callback is not None:
            callback(exc)

    @Slot(int)
    def _on_signals_cancelled(self, serial: int) -> None:
        callback = self._callback(serial, "cancelled", end=True)
        if callback is not None:
            callback()
