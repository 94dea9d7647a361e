"""Shared snapshots for background readers, collector pauses, and the release of a replaced transfer."""

from __future__ import annotations

import gc
import threading

import pytest

from app.models import edits
from app.models.tasks import Cancelled
from app.ui import snapshots


def _in_thread(function):
    """Run *function* in another thread (as a worker would) and return its result."""
    out: dict = {}

    def target() -> None:
        try:
            out["result"] = function()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if "error" in out:
        raise out["error"]
    return out["result"]


def test_readers_share_a_snapshot_until_the_tree_changes(qtbot, loaded):
    model, transfer = loaded.model, loaded.project.transfer
    loaded.runner.wait()

    def read():
        with model.reader(transfer) as view:
            return view, view.roots[0], sorted(u.title for u in view.iter_units())

    first, root1, titles = _in_thread(read)
    second, root2, _ = _in_thread(read)
    assert first is not second and root1 is root2  # own views over one copy
    assert root1 is not transfer.roots[0]  # never the live tree
    # An edit: the next reader gets a new copy, with the edit.
    unit = next(u for u in transfer.iter_units() if u.title == "Conseil")
    loaded.push_edit(edits.SetField((unit,), "Title", "Délibérations"), "t")
    third, root3, titles3 = _in_thread(read)
    assert root3 is not root1 and "Délibérations" in titles3 and "Délibérations" not in titles
    # The superseded copy had no reader left: it was torn down (its cycles broken).
    assert root1.children == [] and root1.parents == []


def test_a_superseded_snapshot_is_torn_down_by_its_last_reader(qtbot, loaded):
    model, transfer = loaded.model, loaded.project.transfer
    loaded.runner.wait()
    holding = model.reader(transfer)
    view = _in_thread(holding.__enter__)
    root = view.roots[0]
    loaded.push_edit(edits.SetField((transfer.roots[0],), "Title", "Autre"), "t")
    _in_thread(lambda: model.reader(transfer).__enter__())  # a new copy; the old one is still read
    assert root.children  # not torn down under its reader
    _in_thread(lambda: holding.__exit__(None, None, None))
    assert root.children == []


def test_a_reader_of_a_replaced_transfer_is_cancelled(qtbot, loaded, tmp_path):
    model, old = loaded.model, loaded.project.transfer
    loaded.runner.wait()
    path = tmp_path / "p.liasse"
    assert loaded.save(str(path))
    with qtbot.waitSignal(loaded.loaded, timeout=30000):
        loaded.open_path(str(path))
    with pytest.raises(Cancelled):
        _in_thread(lambda: model.reader(old).__enter__())
    with pytest.raises(Cancelled):
        _in_thread(lambda: model.private_snapshot(old))


def test_reader_views_keep_their_own_header_version_and_ids(qtbot, loaded):
    model, transfer = loaded.model, loaded.project.transfer
    loaded.runner.wait()

    def read():
        with model.reader(transfer) as view:
            view.version = "2.1"
            view.header = view.header.copy()
            return view.ids.new()

    first = _in_thread(read)
    assert _in_thread(read) == first  # each reader draws from its own factory
    with model.reader(transfer) as view:
        assert view.version == transfer.version
        assert all(u.id != first for u in view.iter_units())
        assert all(o.uri for g in view.groups for o in g.objects)  # filled once for every reader


def test_replacing_a_transfer_frees_the_old_one_in_slices(qtbot, loaded, tmp_path):
    old = loaded.project.transfer
    top = old.roots[0]
    child = top.children[0]
    path = tmp_path / "p.liasse"
    assert loaded.save(str(path))
    with qtbot.waitSignal(loaded.loaded, timeout=30000):
        loaded.open_path(str(path))
    qtbot.waitUntil(lambda: not loaded._teardowns, timeout=10000)
    assert old.roots == [] and top.children == [] and child.parents == []
    assert loaded.project.transfer.roots[0].children  # the new transfer is whole


def test_collector_pauses_nest_and_freeze_only_on_success(_gui_thread_collection):
    _gui_thread_collection.stop()  # CPython's automatic collector (test_collector.py covers the GUI-thread one)
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with snapshots.collector_paused():
        with snapshots.collector_paused(freeze=False):
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        kept = [[i] for i in range(100)]
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(kept)
    frozen = gc.get_freeze_count()
    with pytest.raises(ValueError), snapshots.collector_paused():
        garbage = [[i] for i in range(100)]  # noqa: F841
        raise ValueError
    assert gc.isenabled() and gc.get_freeze_count() == frozen
