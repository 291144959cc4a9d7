"""Run slow service calls (exports, imports, chain checks) off the GUI thread.

    run_in_background(lambda: audit.verify_chain(db, actor), on_done=show, on_error=fail, parent=self)

The result comes back on the GUI thread through a signal; each call opens its own session in
the service, so nothing is shared between threads. :func:`start` is the one way a job is run:
``run_in_background`` (start-up, login) and ``run_action(..., background=True)`` both use it.
Long jobs share Qt's global pool; a quick read (``quick=True``: a list's count) has a pool of its
own, so that a count never waits behind a three-minute export and a statistics job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal

from laoshan_desk.pacing import hold


class Relay(QObject):
    """Brings a background call's end (``done`` or ``failed``) back to the GUI thread. (Its
    progress is not signalled: ``run_action``'s dialog reads the latest report itself.)"""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            if shiboken6.isValid(self.relay):  # the screen that asked may be gone by now
                self.relay.failed.emit(exc)
        else:
            if shiboken6.isValid(self.relay):
                self.relay.done.emit(result)


_running: set[Relay] = set()  # keeps each relay alive until its job has reported
QUICK_THREADS = 2
_quick_pool: QThreadPool | None = None


def _pool(quick: bool) -> QThreadPool:
    global _quick_pool
    if not quick:
        return QThreadPool.globalInstance()
    if _quick_pool is None:
        _quick_pool = QThreadPool()
        _quick_pool.setMaxThreadCount(QUICK_THREADS)
    return _quick_pool


def start(
    relay: Relay,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    quick: bool = False,
) -> None:
    """Run ``fn`` on the thread pool (the quick reads' pool with ``quick``); ``on_done(result)``
    or ``on_error(exc)`` on the GUI thread."""
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    _pool(quick).start(_Job(fn, relay))


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
    *,
    quick: bool = False,
) -> None:
    start(Relay(parent), fn, on_done, on_error, quick=quick)


class LatestRead:
    """A quick read (a count) whose newest request alone matters: :meth:`start` runs it on the
    quick pool once the event loop is free again — starting a worker hands it the GIL, which
    would hold up the paint in progress — and a request overtaken before then (a clerk typing a
    search) starts none; an answer overtaken later, or for an owner gone, reaches nobody."""

    def __init__(self, owner: QObject) -> None:
        self.owner = owner
        self.latest = 0

    def start(
        self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        self.latest += 1
        request = self.latest

        def current() -> bool:
            return shiboken6.isValid(self.owner) and request == self.latest

        def done(value: Any) -> None:
            if current():
                on_done(value)

        def failed(exc: BaseException) -> None:
            if current():
                on_error(exc)

        def begin() -> None:
            if current():
                run_in_background(fn, done, failed, quick=True)

        QTimer.singleShot(0, self.owner, begin)


class PaintHold(QObject):
    """An event filter: when the watched window is about to paint (``repaints``) or appears, the
    workers wait at their next ``pace()`` for :data:`HOLD_S` (laoshan_desk/pacing.py ``hold``),
    so that each cell's call into Python does not queue for the interpreter behind an export: a
    progress dialog appearing over the queue repainted 1,771 cells in 130 ms with a worker
    running, in 18 ms without. Nothing waits when no worker runs."""

    def __init__(self, *, repaints: bool) -> None:
        super().__init__()
        self.kinds = (QEvent.Type.UpdateRequest, QEvent.Type.Show) if repaints else (QEvent.Type.Show,)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            hold(HOLD_S)  # at most a third of the time (pacing.py HOLD_GAP_S)
        return False


HOLD_S = 0.05  # a full repaint of the desk's window takes 20–40 ms uncontended
_filters: dict[bool, PaintHold] = {}


def paint_hold(*, repaints: bool = True) -> PaintHold:
    """The filter for ``window.installEventFilter(...)``: the desk's window holds the workers for
    its repaints; a progress dialog, whose busy bar repaints all the time, only when it appears."""
    if repaints not in _filters:
        _filters[repaints] = PaintHold(repaints=repaints)
    return _filters[repaints]
