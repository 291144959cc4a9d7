"""The 兴商护航联盟 tab: 成员, 打假协助, 投诉举报, 监督抽检, 政策与奖励, 专题研讨, 统计 and 一企一档,
with the workbook imports and exports in the toolbar. Pages reload when an action elsewhere in the
alliance changes something (the action bus)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QTabWidget, QToolBar, QVBoxLayout, QWidget

from laoshan_desk.services import alliance
from laoshan_desk.ui.alliance.complaints import ComplaintsPage
from laoshan_desk.ui.alliance.dashboard import DashboardPage
from laoshan_desk.ui.alliance.members import MembersPage
from laoshan_desk.ui.alliance.policies import PoliciesPage
from laoshan_desk.ui.alliance.requests import RequestsPage
from laoshan_desk.ui.alliance.seminars import SeminarsPage
from laoshan_desk.ui.alliance.spotchecks import SpotChecksPage
from laoshan_desk.ui.common.actions import action_bus
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.enterprise.page import EnterprisePage

PAGES = ("members", "requests", "complaints", "spotchecks", "policies", "seminars", "dashboard", "enterprise")


class AllianceTab(QWidget):
    TITLE = "兴商护航联盟"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        can_edit = ctx.actor.may(alliance.EDIT)
        self.import_members_action = self.toolbar.addAction("导入成员…", self._import_members_dialog)
        self.export_members_action = self.toolbar.addAction("导出成员…", self._export_members_dialog)
        self.toolbar.addSeparator()
        self.import_complaints_action = self.toolbar.addAction("导入投诉举报…", self._import_complaints_dialog)
        self.export_complaints_action = self.toolbar.addAction("导出投诉举报…", self._export_complaints_dialog)
        for action in (self.import_members_action, self.import_complaints_action):
            action.setEnabled(can_edit)
        self.status = QLabel()
        self.toolbar.addWidget(self.status)
        layout.addWidget(self.toolbar)
        self.tabs = QTabWidget(self)
        self.members = MembersPage(ctx, self)
        self.requests = RequestsPage(ctx, self)
        self.complaints = ComplaintsPage(ctx, self)
        self.spotchecks = SpotChecksPage(ctx, self)
        self.policies = PoliciesPage(ctx, self)
        self.seminars = SeminarsPage(ctx, self)
        self.dashboard = DashboardPage(ctx, self)
        self.enterprise = EnterprisePage(ctx, self)
        for page, title in (
            (self.members, "成员"),
            (self.requests, "打假协助"),
            (self.complaints, "投诉举报"),
            (self.spotchecks, "监督抽检"),
            (self.policies, "政策与奖励"),
            (self.seminars, "专题研讨"),
            (self.dashboard, "统计"),
            (self.enterprise, "一企一档"),
        ):
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._page_changed)
        self.members.enterpriseRequested.connect(self.open_enterprise)
        self.enterprise.openArea.connect(self._open_area)
        action_bus().changed.connect(self._changed)

    def page(self, name: str) -> QWidget:
        widget = getattr(self, name)
        self.tabs.setCurrentWidget(widget)
        return widget  # type: ignore[no-any-return]

    def _page_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard and self.dashboard.report is None:
            self.dashboard.refresh()

    def _changed(self, area: str) -> None:
        """Another alliance page changed something, or a change named no area (刷新/F5, an admin
        page, the org tree): the lists that show it reload."""
        if area not in ("alliance", ""):
            return
        for page in (self.members, self.requests, self.spotchecks, self.seminars):
            page.reload()
        if self.dashboard.report is not None:
            self.dashboard.refresh()

    def open_enterprise(self, enterprise_id: uuid.UUID) -> EnterprisePage:
        """一企一档 of one enterprise (from a member row, or from another tab's link)."""
        self.tabs.setCurrentWidget(self.enterprise)
        self.enterprise.show_enterprise(enterprise_id)
        return self.enterprise

    def open_member_of(self, enterprise_id: uuid.UUID) -> MembersPage:
        """The members page with the enterprise's row selected (a link from the enterprise file)."""
        self.tabs.setCurrentWidget(self.members)
        self.members.select_enterprise(enterprise_id)
        return self.members

    def _open_area(self, area: str, ident: object) -> None:
        if area == "alliance" and isinstance(ident, uuid.UUID):
            self.open_member_of(ident)
            return
        window = self.window()
        opener = getattr(window, "open_in_area", None)
        if opener is not None:
            opener(area, ident)

    # -- workbooks -------------------------------------------------------------------------------
    def _import_members_dialog(self) -> None:  # pragma: no cover - native file dialog
        name, _ = QFileDialog.getOpenFileName(self, "导入联盟成员", "", "Excel 工作簿 (*.xlsx)")
        if name:
            self.members.import_file(Path(name))

    def _export_members_dialog(self) -> None:  # pragma: no cover - native file dialog
        name, _ = QFileDialog.getSaveFileName(self, "导出联盟成员", "联盟成员.xlsx", "Excel 工作簿 (*.xlsx)")
        if name:
            self.members.export_file(Path(name))

    def _import_complaints_dialog(self) -> None:  # pragma: no cover - native file dialog
        name, _ = QFileDialog.getOpenFileName(self, "导入投诉举报", "", "Excel 工作簿 (*.xlsx)")
        if name:
            self.tabs.setCurrentWidget(self.complaints)
            self.complaints.start_import(Path(name))

    def _export_complaints_dialog(self) -> None:  # pragma: no cover - native file dialog
        name, _ = QFileDialog.getSaveFileName(self, "导出投诉举报", "投诉举报台账.xlsx", "Excel 工作簿 (*.xlsx)")
        if name:
            self.tabs.setCurrentWidget(self.complaints)
            self.complaints.start_export(Path(name))
