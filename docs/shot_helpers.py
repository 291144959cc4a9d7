"""What every screenshot script needs: let Qt draw, and wait for background work to finish."""

from __future__ import annotations

import time
from collections.abc import Callable

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
