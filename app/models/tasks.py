"""Progress reporting and cancellation for long engine operations (no Qt, no threads of its own)."""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called by long operations; ``total`` may be 0 when unknown."""


def no_progress(done: int, total: int) -> None:
    """Default progress callback that ignores progress."""


class Cancelled(Exception):
    """Raised inside an operation when its :class:`CancelToken` has been cancelled."""


class CancelToken:
    """A flag shared between the caller (UI, signal handler) and a running operation."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` has been called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled()
