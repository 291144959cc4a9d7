"""The cyclic garbage collector runs on the GUI thread only (ui/common/collector.py): a cycle
that a worker's allocations would have collected is collected by the GUI thread's timer."""

from __future__ import annotations

import gc
import threading


class _Cycle:
    finalized_in: list[str] = []

    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        _Cycle.finalized_in.append(threading.current_thread().name)


def test_a_workers_allocations_never_run_the_collector(qtbot, qapp):
    from laoshan_desk.ui.common.collector import GuiThreadCollector, collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector and isinstance(collector, GuiThreadCollector)
    assert not gc.isenabled()
    _Cycle.finalized_in.clear()
    _Cycle()  # unreachable at once, but for its cycle

    kept: list[object] = []

    def allocate() -> None:  # objects that live on, far past the young generation's threshold
        kept.extend([] for _ in range(50_000))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.finalized_in == []  # an enabled collector would have run on the worker
    qtbot.waitUntil(lambda: bool(_Cycle.finalized_in), timeout=5000)
    assert _Cycle.finalized_in == [threading.main_thread().name] and len(kept) == 50_000
