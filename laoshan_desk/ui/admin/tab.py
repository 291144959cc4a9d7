"""The 管理 tab: users, organisation, working-day calendar, audit log, settings and backup."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from laoshan_desk.ui.admin.audit_page import AuditPage
from laoshan_desk.ui.admin.calendar_page import CalendarPage
from laoshan_desk.ui.admin.org_page import OrgPage
from laoshan_desk.ui.admin.settings_page import SettingsPage
from laoshan_desk.ui.admin.users_page import UsersPage
from laoshan_desk.ui.context import DeskContext


class AdminTab(QWidget):
    TITLE = "管理"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pages = QTabWidget(self)
        self.users = UsersPage(ctx, self)
        self.org = OrgPage(ctx, self)
        self.calendar = CalendarPage(ctx, self)
        self.audit = AuditPage(ctx, self)
        self.settings = SettingsPage(ctx, self)
        self.pages.addTab(self.users, "用户")
        self.pages.addTab(self.org, "组织机构")
        self.pages.addTab(self.calendar, "工作日历")
        self.pages.addTab(self.audit, "审计日志")
        self.pages.addTab(self.settings, "设置与备份")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def reload(self) -> None:
        """刷新 (F5): every list of the tab from the database."""
        for page in (self.users, self.org, self.calendar, self.audit):
            page.reload()
