"""The worker's throttled progress, and the ``--screenshot`` entry point run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_screenshot_entry_point(tmp_path, schema_store):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LIASSE_SCHEMA_DIR=str(schema_store))
    sample = RESIP_SAMPLES / "SampleWithoutLinksModelV2"
    subprocess.run([sys.executable, "-m", "app", "--open", str(sample), "--screenshot", str(out), "--view", "rules"],
                   cwd=ROOT, env=env, check=True, timeout=120)
    assert out.stat().st_size > 10_000 and Path(out).read_bytes()[:4] == b"\x89PNG"
