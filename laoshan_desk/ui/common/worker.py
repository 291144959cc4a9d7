"""Run slow service calls (exports, imports, chain checks) off the GUI thread.

    run_in_background(lambda: audit.verify_chain(db, actor), on_done=show, on_error=fail, parent=self)

The result comes back on the GUI thread through a signal; each call opens its own session in
the service, so nothing is shared between threads. :func:`start` is the one way a job is run:
``run_in_background`` (start-up, login) and ``run_action(..., background=True)`` both use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_running: set[Relay] = set()  # keeps each relay alive until its job has reported


def start(
    relay: Relay,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``fn`` on the thread pool; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Job(fn, relay))


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
) -> None:
    start(Relay(parent), fn, on_done, on_error)
