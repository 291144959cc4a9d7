"""The 财产保全审查 tab (placeholder until the area's issue fills it): toolbar and empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from laoshan_desk.ui.common.empty_state import EmptyState
from laoshan_desk.ui.context import DeskContext


class PreservationTab(QWidget):
    TITLE = "财产保全审查"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        for text in ("新收案件", "被申请人视图", "统计"):
            action = self.toolbar.addAction(text)
            action.setEnabled(False)
        layout.addWidget(self.toolbar)
        layout.addWidget(EmptyState("财产保全审查", "还没有保全案件。点击“新收案件”登记保全申请，按三步工作法审查。"), 1)
