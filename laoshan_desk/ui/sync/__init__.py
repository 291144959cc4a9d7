"""Street offices' sync on screen: the status bar's 在线/离线 indicator with the number of changes
waiting and a 同步 button, and the 同步冲突 list (docs/hall.md)."""

from __future__ import annotations

from laoshan_desk.ui.sync.conflicts_page import ConflictsDialog
from laoshan_desk.ui.sync.indicator import SyncIndicator

__all__ = ["ConflictsDialog", "SyncIndicator"]
