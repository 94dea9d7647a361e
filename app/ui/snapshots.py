"""Big object graphs without UI stalls: collector pauses, a shared snapshot, and piecemeal release.

Every stall above ~50 ms the GUI bench measured on 100,000 units was CPython's cyclic garbage
collector, not our code: a collection walks every tracked object while holding the GIL, so when it
runs in a worker it freezes the GUI thread too. Three rules follow.

* Large graphs that will live long (a loaded transfer, a snapshot) are built with the collector
  paused and then *frozen* (``gc.freeze()``: moved out of the collector's sight) before it resumes,
  in the worker that built them (:func:`collector_paused`). Otherwise the first collection after
  the load walks a million young objects (~0.2–0.6 s).
* Frozen objects are never collected as cycles, so whoever drops such a graph must break its cycles
  (``children``/``parents`` of units, ``parent``/``children`` of tree nodes) and let reference
  counting free it. :func:`unit_teardown` and :func:`node_teardown` do this a slice at a time: the
  GUI thread runs the slices from a zero-timer, a worker runs them in a row (its Python loop lets
  the GUI thread take the GIL between bytecodes, unlike one long C-level deallocation).
* Background readers share one snapshot per state of the tree (:class:`SnapshotCache`): a new copy
  is made only when :meth:`~app.ui.tree.model.TransferItemModel.apply` has changed the tree since
  the last one. The last reader of a superseded snapshot tears it down.

Nothing here imports Qt.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app.models.project import reader_view, structure_copy
from app.models.transfer import Transfer

SLICE = 2000  # units (or nodes) per teardown slice: a few milliseconds

_gc_lock = threading.Lock()
_gc_pauses = 0
_automatic = True  # False once the GUI thread runs every collection (app.ui.collector)


def stop_automatic_collection() -> None:
    """Leave collections to the GUI thread: CPython's automatic ones are turned off for good.

    A collection runs in whichever thread allocates past the threshold. When a worker runs it and
    frees a Qt object's wrapper that was garbage (a closed dialog's cycle), Qt objects are destroyed
    outside the GUI thread, which crashes (seen in the tests). :mod:`app.ui.collector` collects from a
    GUI-thread timer instead; :func:`collector_paused` then no longer turns the automatic collector
    back on.
    """
    global _automatic
    with _gc_lock:
        _automatic = False
        gc.disable()


def resume_automatic_collection() -> None:
    """Undo :func:`stop_automatic_collection` (the GUI-thread collector stopped: tests, shutdown)."""
    global _automatic
    with _gc_lock:
        _automatic = True
        if not _gc_pauses:
            gc.enable()


def collector_busy() -> bool:
    """Whether a :func:`collector_paused` block is running (a graph is being built: do not collect)."""
    return _gc_pauses > 0


@contextmanager
def collector_paused(freeze: bool = True) -> Iterator[None]:
    """Pause the cyclic collector while the block builds many objects; freeze them if it succeeds.

    Pauses nest across threads: the collector resumes when the last one ends. A failed block does
    not freeze what it left behind (that garbage must stay collectable).
    """
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        gc.disable()
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        with _gc_lock:
            if succeeded and freeze:
                gc.freeze()
            _gc_pauses -= 1
            if not _gc_pauses and _automatic:
                gc.enable()


def unit_teardown(transfer: Transfer) -> Iterator[None]:
    """Break the parent/child cycles of *transfer*'s units (no longer used by anyone), a slice per step.

    Units are freed by reference counting as the walk drops them, so no collection is needed.
    """
    stack = list(transfer.roots)
    transfer.roots = []
    transfer.layout = None
    groups, transfer.groups = transfer.groups, []
    done = 0
    while stack:
        unit = stack.pop()
        children = unit.children
        unit.children = []
        unit.parents = []
        stack.extend(children)
        del children, unit
        done += 1
        if done % SLICE == 0:
            yield
    while groups:  # one at a time: dropping the list at once would free them all in one C call
        groups.pop()
        done += 1
        if done % SLICE == 0:
            yield


def node_teardown(roots: list) -> Iterator[None]:
    """Break the parent/child cycles of tree-model nodes (``Node``) no index can point at any more."""
    stack = list(roots)
    roots.clear()
    done = 0
    while stack:
        node = stack.pop()
        if node.children:
            stack.extend(node.children)
        node.children = None
        node.parent = None
        del node
        done += 1
        if done % SLICE == 0:
            yield


def run(steps: Iterator[None]) -> None:
    """Run every slice of a teardown now (in a worker)."""
    for _ in steps:
        pass


class _Base:
    """One shared snapshot and its readers."""

    __slots__ = ("view", "reserved", "transfer", "generation", "readers", "superseded", "torn_down")

    def __init__(self, view: Transfer, reserved: list[str], transfer: Transfer, generation: int) -> None:
        self.view = view
        self.reserved = reserved
        self.transfer = transfer
        self.generation = generation
        self.readers = 0
        self.superseded = False
        self.torn_down = False


class SnapshotCache:
    """The snapshot background readers share while the live tree stays the same.

    :meth:`acquire` must be called with the tree model's lock held (the live tree is copied then);
    :meth:`release` and :meth:`supersede` may be called from any thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # readers counts and the current base
        self._base: _Base | None = None

    def acquire(self, transfer: Transfer, generation: int) -> tuple[_Base, list[_Base]]:
        """The snapshot of *transfer* at *generation* (copied if needed), and superseded ones to tear down."""
        with self._lock:
            base = self._base
            if base is not None and base.transfer is transfer and base.generation == generation:
                base.readers += 1
                return base, []
        with collector_paused():  # built in ~0.15 s for 100,000 units, then out of the collector's sight
            view, reserved = structure_copy(transfer)
            _fill_uris(view)
        fresh = _Base(view, reserved, transfer, generation)
        fresh.readers = 1
        with self._lock:
            old, self._base = self._base, fresh
            return fresh, self._retire(old)

    def release(self, base: _Base) -> list[_Base]:
        """A reader is done with *base*; returns it when it is now to be torn down."""
        with self._lock:
            base.readers -= 1
            return self._retire(base) if base.superseded else []

    def supersede(self) -> list[_Base]:
        """Forget the current snapshot (another transfer is shown); returns it if no reader holds it."""
        with self._lock:
            old, self._base = self._base, None
            return self._retire(old)

    @staticmethod
    def _retire(base: _Base | None) -> list[_Base]:
        if base is None:
            return []
        base.superseded = True
        if base.readers or base.torn_down:
            return []
        base.torn_down = True
        return [base]

    @staticmethod
    def reader_view(base: _Base) -> Transfer:
        """A reader's own view of *base* (own transfer object and id factory)."""
        return reader_view(base.view, base.reserved)

    @staticmethod
    def teardown(base: _Base) -> Iterator[None]:
        """The slices that free a retired snapshot."""
        view, base.view, base.reserved = base.view, None, []
        base.transfer = None
        return unit_teardown(view)


def _fill_uris(view: Transfer) -> None:
    """Give the shared snapshot the Uris export and validation would give it (the same for every reader).

    ``assign_uris`` is the only write those readers make to the objects; done once here, their own
    calls find every Uri already right and change nothing, so readers can share the objects.
    """
    from app.seda.sip import assign_uris

    assign_uris(view)
