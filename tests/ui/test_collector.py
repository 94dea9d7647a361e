"""Collections run in the GUI thread: never in a worker, and not while a graph is being built."""

from __future__ import annotations

import gc
import threading

from app.ui.snapshots import collector_paused


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_workers_never_collect_and_the_gui_thread_does(qtbot, _gui_thread_collection):
    collector = _gui_thread_collection
    assert not gc.isenabled()
    threads: list[str] = []

    def record(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(record)
    try:
        def allocate() -> None:  # far past the young generation's threshold, in a worker thread
            for _ in range(gc.get_threshold()[0] * 5):
                Cycle()

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert threads == []  # CPython did not collect in the worker
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)  # the GUI thread's timer did
        assert set(threads) == {threading.main_thread().name}
        with collector_paused(freeze=False):  # a graph being built: the timer leaves it alone
            threads.clear()
            allocate()
            assert collector.collect() == -1 and threads == []
        assert not gc.isenabled()  # the pause did not turn CPython's collector back on
    finally:
        gc.callbacks.remove(record)
