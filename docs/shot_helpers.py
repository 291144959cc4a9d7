"""What every screenshot script needs: let Qt draw, and wait for background work to finish."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication


def settle(app: QApplication, rounds: int = 6) -> None:
    """Process pending events a few times so layouts and repaints are done before a grab."""
    for _ in range(rounds):
        app.processEvents()


def wait_until(app: QApplication, done: Callable[[], object], seconds: float = 60) -> None:
    """Let background work (counts, statistics, hot spots) finish and draw, at most ``seconds``."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)
    settle(app)


def counted(widget: object) -> bool:
    """Every count made off the GUI thread under ``widget`` has come (lists' 共 N 件, the appeals
    tab's figures): a screenshot taken sooner shows 正在计数…."""
    from laoshan_desk.ui.appeals.tab import AppealsTab
    from laoshan_desk.ui.common.table_model import PagedTableModel

    root: Any = widget
    models = root.findChildren(PagedTableModel)
    tabs = [root, *root.findChildren(AppealsTab)]
    waiting = any(m.loaded and m.total() is None and not m.count_failed for m in models)
    return not waiting and all(bool(t.counts) for t in tabs if isinstance(t, AppealsTab))
