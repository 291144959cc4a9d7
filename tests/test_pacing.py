"""pace(): a worker thread hands the interpreter over once per interval, however often it is
called; on the main thread (the command line, a screen's synchronous call) it never sleeps."""

from __future__ import annotations

import threading
import time

import pytest

from laoshan_desk import pacing

CALLS = 5000


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, float]]:
    """Every time.sleep while the test runs, by thread (and still slept)."""
    seen: list[tuple[int, float]] = []
    real = time.sleep

    def sleep(seconds: float) -> None:
        seen.append((threading.get_ident(), seconds))
        real(seconds)

    monkeypatch.setattr(pacing.time, "sleep", sleep)
    return seen


def test_the_main_thread_never_sleeps(sleeps):
    for _ in range(CALLS):
        pacing.pace()
    assert sleeps == []


def test_a_worker_sleeps_once_per_interval_not_once_per_call(sleeps):
    worker: list[int] = []

    def loop() -> None:
        worker.append(threading.get_ident())
        for _ in range(CALLS):
            pacing.pace()

    thread = threading.Thread(target=loop)
    thread.start()
    thread.join(30)
    assert worker and [s for s in sleeps if s[0] == worker[0]][0] == (worker[0], pacing.PAUSE_S)
    # The first call hands over (the thread has not yet); then one call in an interval does,
    # and 5,000 calls of a clock read take far less than a hundred intervals.
    assert 1 <= len(sleeps) < 100


def test_a_hold_stops_a_worker_at_its_next_pace_and_holds_cannot_chain(sleeps):
    pacing.hold(0.2)
    pacing.hold(0.2)  # while a hold runs, another neither extends it nor starts one after it
    worker: list[int] = []
    waited: list[float] = []

    def loop() -> None:
        worker.append(threading.get_ident())
        started = time.perf_counter()
        pacing.pace()
        waited.append(time.perf_counter() - started)

    thread = threading.Thread(target=loop)
    thread.start()
    thread.join(30)
    assert 0.1 < waited[0] < 0.3  # the worker waited out the one hold
    pacing.hold(0.2)  # ended just now: too soon for another (the workers keep most of the time)
    before = len(sleeps)
    thread = threading.Thread(target=pacing.pace)
    thread.start()
    thread.join(30)
    assert all(seconds <= pacing.PAUSE_S for _ident, seconds in sleeps[before:])
    for _ in range(CALLS):
        pacing.pace()  # the main thread never waits for a hold
    assert all(ident != threading.main_thread().ident for ident, _s in sleeps)
