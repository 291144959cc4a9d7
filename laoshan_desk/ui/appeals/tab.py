"""The 崂先办诉求 tab (placeholder until the area's issue fills it): toolbar and empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from laoshan_desk.ui.common.empty_state import EmptyState
from laoshan_desk.ui.context import DeskContext


class AppealsTab(QWidget):
    TITLE = "崂先办诉求"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        for text in ("受理诉求", "导入", "导出台账", "统计分析"):
            action = self.toolbar.addAction(text)
            action.setEnabled(False)
        layout.addWidget(self.toolbar)
        layout.addWidget(EmptyState("崂先办诉求", "还没有诉求。点击“受理诉求”登记群众和企业的诉求，或从青诉即办导入。"), 1)
