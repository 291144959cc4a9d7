"""Long loops off the GUI thread hand it the interpreter at least every :data:`INTERVAL_S`.

    for values in rows:
        pace()
        ...

CPython 3.11 runs Python on one thread at a time (the GIL). A thread that wants it waits 5 ms,
then asks the holder to let go — but the wait starts over each time the holder lets go for a
moment (every file write, SQLite step or zlib call), and the holder, already running, takes it
straight back before the waiter has woken. A worker streaming a workbook lets go every
millisecond or so, and the GUI thread then waited 0.2–1 s at a time for its next line of Python
(a timer, a paint, a key), while a pure-Python loop with no such moments is asked after 5 ms
(≤ 21 ms measured; README, performance: the ledger's GUI stall). A short sleep is a real
hand-over: the waiting thread is woken and takes the interpreter while the worker sleeps; it
costs the worker PAUSE_S / INTERVAL_S of its time (5 %).

On the main thread (the command line, a synchronous call from a screen) :func:`pace` does
nothing: nobody waits there for a worker to let go.
"""

from __future__ import annotations

import threading
import time

INTERVAL_S = 0.01  # the longest run of Python between two hand-overs
PAUSE_S = 0.0005  # long enough for a woken thread to take the interpreter (load 3–5 measured)

_MAIN = threading.main_thread().ident


class _Due(threading.local):
    at = 0.0  # when this thread hands over next (each worker keeps its own rhythm)


_due = _Due()


_hold = [-1e9]  # workers wait in pace() until this moment (perf_counter seconds)
HOLD_GAP_S = 0.1  # the least time between the end of one hold and the start of the next


def hold(seconds: float) -> None:
    """The GUI thread is about to repaint much at once — a progress dialog appearing deactivates
    the window behind it, whose lists then repaint every visible cell, each a call into Python:
    1,771 of them took 130 ms while an export's worker competed for the interpreter, 18 ms
    without it. Workers wait at their next :func:`pace` until ``seconds`` from now — unless a
    hold runs or ended less than :data:`HOLD_GAP_S` ago: a window that repaints all the time (a
    busy bar's animation) must not stop the workers, so they keep two thirds of the time."""
    now = time.perf_counter()
    if now < _hold[0] + HOLD_GAP_S:
        return
    _hold[0] = now + seconds


def pace() -> None:
    """Call once per item of a long loop; sleeps :data:`PAUSE_S` when :data:`INTERVAL_S` has
    passed since this thread last handed over (otherwise only a clock read), or until the end
    of a :func:`hold`."""
    now = time.perf_counter()
    if now < _hold[0] and threading.get_ident() != _MAIN:
        time.sleep(_hold[0] - now)
    elif now < _due.at:
        return
    elif threading.get_ident() != _MAIN:
        time.sleep(PAUSE_S)
    _due.at = time.perf_counter() + INTERVAL_S
