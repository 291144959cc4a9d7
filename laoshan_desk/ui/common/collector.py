"""Python's cyclic garbage collector, run on the GUI thread only.

CPython collects in whichever thread happens to allocate when a generation's threshold is
crossed. A cycle that holds a Qt object (a closed dialog and the lambdas connected to it, a page
and its model) collected on a worker thread destroys that object off the GUI thread, which Qt
does not allow: the desk crashed so, with a segmentation fault inside "Garbage-collecting" on
the worker that was counting the audit log. So automatic collection is switched off and a timer
on the GUI thread collects each generation when its threshold is passed — what the collector
would have done, only in the right thread (as pyqtgraph's ``GarbageCollector`` does).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 200  # young objects pile up for at most this long (a short-lived worker's rows)


class GuiThreadCollector(QObject):
    """Collects on the GUI thread: :func:`collect_on_gui_thread` makes the one instance."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @staticmethod
    def check() -> None:
        young, middle, old = gc.get_count()
        first, second, third = gc.get_threshold()
        if young > first:
            gc.collect(0)
            if middle > second:
                gc.collect(1)
                if old > third:
                    gc.collect(2)


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Switch the automatic collector off and collect from ``app``'s thread instead (once)."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    gc.disable()
    return GuiThreadCollector(app)
