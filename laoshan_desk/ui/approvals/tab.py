"""The 审批点菜单 tab (placeholder until the area's issue fills it): toolbar and empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from laoshan_desk.ui.common.empty_state import EmptyState
from laoshan_desk.ui.context import DeskContext


class ApprovalsTab(QWidget):
    TITLE = "审批点菜单"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        for text in ("新建项目", "事项库", "日调度", "周通报"):
            action = self.toolbar.addAction(text)
            action.setEnabled(False)
        layout.addWidget(self.toolbar)
        layout.addWidget(EmptyState("审批点菜单", "还没有项目。点击“新建项目”，从点菜单中为企业选择审批事项，系统将倒排工期并生成一次告知书。"), 1)
