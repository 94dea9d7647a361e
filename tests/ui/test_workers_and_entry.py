"""The worker's throttled progress, and the ``--screenshot`` entry point run as a user would."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path

from app.models.tasks import Cancelled
from app.ui.workers import Runner
from tests.conftest import RESIP_SAMPLES, ROOT


def test_progress_is_throttled_and_last_value_sent(qtbot, qapp):
    runner = Runner()
    seen: list[tuple[int, int]] = []
    results = []

    def job(progress, cancel):
        for i in range(1, 200_001):
            progress(i, 0)  # unknown total: only the throttle limits the signals
        return "done"

    runner.start(job, on_progress=lambda d, t: seen.append((d, t)), on_finished=results.append)
    qtbot.waitUntil(lambda: results == ["done"], timeout=30000)
    runner.wait()
    assert seen[-1] == (200_000, 0)
    assert len(seen) < 100  # 200,000 calls, a handful of signals


def test_cancel_reports_cancelled(qtbot, qapp):
    runner = Runner()
    cancelled = []

    def job(progress, cancel):
        while True:
            cancel.check()

    worker = runner.start(job, on_cancelled=lambda: cancelled.append(True))
    worker.cancel.cancel()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    runner.wait()


class _Payload:
    """Something a job closure captures (stands for the transfer)."""


def test_each_worker_reports_once_and_is_released_after_delivery(qtbot, qapp):
    # Many short workers ending in every way, with progress: each end is delivered exactly once, the
    # runner owns a worker until then, and nothing the job captured is kept afterwards.
    runner = Runner(workers=4)
    ends: dict[int, list[str]] = {}
    payload = _Payload()
    captured = weakref.ref(payload)

    def make(i: int, data: _Payload):
        def job(progress, cancel):
            for step in range(50):
                progress(step + 1, 50)
            if i % 3 == 1:
                raise ValueError(f"job {i}")
            if i % 3 == 2:
                raise Cancelled()
            return data and i
        return job

    for i in range(300):
        ends[i] = []
        runner.start(make(i, payload), on_finished=lambda r, i=i: ends[i].append("finished"),
                     on_failed=lambda e, i=i: ends[i].append("failed"),
                     on_cancelled=lambda i=i: ends[i].append("cancelled"))
    del payload
    qtbot.waitUntil(lambda: not runner.busy(), timeout=60000)
    assert runner.wait()
    assert all(len(v) == 1 for v in ends.values())
    assert [ends[i][0] for i in range(3)] == ["finished", "failed", "cancelled"]
    gc.collect()
    assert captured() is None  # neither the runner nor the pools keep job closures


def test_shutdown_cancels_live_workers_and_drops_late_results(qtbot, qapp):
    runner = Runner()
    started = threading.Event()
    delivered = []

    def job(progress, cancel):
        started.set()
        while True:
            cancel.check()

    runner.start(job, on_cancelled=lambda: delivered.append("cancelled"))
    assert started.wait(10)
    runner.shutdown(10000)
    assert not runner.busy()
    qtbot.wait(50)  # the queued "cancelled" arrives after shutdown: dropped
    assert delivered == []
    assert runner.start(lambda p, c: 1).job is None  # nothing starts after shutdown


def test_screenshot_entry_point(tmp_path, schema_store):
    out = tmp_path / "shot.png"
    # As on a server or in CI: no display and no platform chosen; --screenshot must go offscreen by itself.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["LIASSE_SCHEMA_DIR"] = str(schema_store)
    sample = RESIP_SAMPLES / "SampleWithoutLinksModelV2"
    subprocess.run([sys.executable, "-m", "app", "--open", str(sample), "--screenshot", str(out), "--view", "rules"],
                   cwd=ROOT, env=env, check=True, timeout=120)
    assert out.stat().st_size > 10_000 and Path(out).read_bytes()[:4] == b"\x89PNG"


def test_edits_wait_while_a_reader_takes_its_snapshot(qtbot, loaded):
    import time

    model = loaded.model
    model.tree_lock.acquire()  # a worker is copying the tree
    releaser = threading.Timer(0.2, model.tree_lock.release)
    releaser.start()
    started = time.monotonic()
    loaded.add_unit()
    assert time.monotonic() - started >= 0.15
    assert loaded.project.transfer.count_units() == 11
    releaser.join()


def test_offscreen_is_chosen_only_for_screenshots_without_display():
    from app.__main__ import use_offscreen

    assert use_offscreen(True, {}, "linux")
    assert not use_offscreen(False, {}, "linux")
    assert not use_offscreen(True, {"DISPLAY": ":0"}, "linux")
    assert not use_offscreen(True, {"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not use_offscreen(True, {"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not use_offscreen(True, {}, "win32") and not use_offscreen(True, {}, "darwin")


def test_the_gui_takes_a_path_as_file_managers_give_it_and_describes_its_options_in_french():
    from app.__main__ import build_parser

    args = build_parser(["projet.liasse"]).parse_args(["projet.liasse"])
    assert args.path == "projet.liasse" and args.open is None
    try:
        french = build_parser(["--lang", "fr"]).format_help()
        assert "Préparer des versements SEDA" in french and "un projet .liasse" in french
    finally:
        build_parser(["--lang", "en"])  # the CLI's translator is process-wide: back to the tests' English
