"""Waiting for a count made off the GUI thread (``PagedTableModel`` with ``CountOffThread``, the
appeals tab's figures): a screen shows its first page at once and its count a moment later."""

from __future__ import annotations

from typing import Any


def counted(qtbot: Any, model: Any, timeout: int = 10_000) -> int:
    """The model's count, once the worker counting it has reported."""
    qtbot.waitUntil(lambda: model.total() is not None, timeout=timeout)
    total: int = model.total()
    return total


def tab_counted(qtbot: Any, tab: Any, timeout: int = 10_000) -> dict[str, int]:
    """The appeals tab's figures (待办, 未办结, 红灯), once counted."""
    qtbot.waitUntil(lambda: bool(tab.counts), timeout=timeout)
    figures: dict[str, int] = tab.counts
    return figures
