"""The 财产保全审查 tab: the case list with lights, a case in three steps, the respondent view."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.preservation import CaseStatus
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.actions import Outcome, action_bus, run_action
from laoshan_desk.ui.common.pdf_preview import documents_folder
from laoshan_desk.ui.common.table_model import ColumnSpec, PagedTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.case_page import CasePage
from laoshan_desk.ui.preservation.dialogs import CaseDialog
from laoshan_desk.ui.preservation.respondent import RespondentView
from laoshan_desk.ui.preservation.statistics import StatisticsDialog
from laoshan_desk.ui.preservation.widgets import RIGHT, table

COLUMNS = [
    ColumnSpec("提醒", lambda r: r.light_text, "next_expiry", light=lambda r: r.light, width=170),
    ColumnSpec("案号", lambda r: r.case_number, "case_number", width=230),
    ColumnSpec("类型", lambda r: r.kind_label, "kind", width=100),
    ColumnSpec("申请人", lambda r: r.applicant, None, width=170),
    ColumnSpec("被申请人", lambda r: r.respondent, "respondent", width=190),
    ColumnSpec("请求保全（元）", lambda r: f"{r.claim_amount:,.2f}", "claim_amount", align=RIGHT, width=120),
    ColumnSpec("收案时间", lambda r: f"{r.received_at:%Y-%m-%d %H:%M}", "received_at", width=120),
    ColumnSpec("状态", lambda r: r.status_label + ("·涉企" if r.enterprise else ""), "status", width=100),
]
STATUSES: list[tuple[str, str | None]] = [("全部状态", None)] + [(s.label, s.value) for s in CaseStatus]


READ = "preservation:read"  # the area of a read-only action (a view, statistics, an export)


class PreservationTab(QWidget):
    TITLE = "财产保全审查"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: CaseDialog | None = None
        self.stats_dialog: StatisticsDialog | None = None
        self.stats_job: Outcome[svc.Statistics] | None = None
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        # the list
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar(self)
        self.new_action = self.toolbar.addAction("新收案件", self.new_case)
        self.new_action.setEnabled(ctx.actor.may(svc.EDIT))
        self.respondent_action = self.toolbar.addAction("被申请人视图", lambda: self.show_respondent(None))
        self.stats_action = self.toolbar.addAction("统计", self.show_statistics)
        self.export_action = self.toolbar.addAction("导出清单与统计（Excel）", self.export_dialog)
        v.addWidget(self.toolbar)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("案号、申请人或被申请人")
        self.search.returnPressed.connect(self.reload)
        self.status = QComboBox()
        for text, key in STATUSES:
            self.status.addItem(text, key)
        self.status.currentIndexChanged.connect(self.reload)
        self.attention = QComboBox()
        days = svc.reminder_days(ctx.db, ctx.actor)
        self.attention.addItems(["全部案件", f"需关注（未结时限、{days}日内到期）"])
        self.attention.currentIndexChanged.connect(self.reload)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.attention)
        self.count_label = QLabel()
        filters.addWidget(self.count_label, 1)
        v.addLayout(filters)
        self.view = table(page)
        self.model = PagedTableModel(COLUMNS, self._fetch, self._count, page_size=100, parent=self, load=False)
        self.model.set_sort("received_at", descending=True)
        prepare_view(self.view, self.model)
        self.view.doubleClicked.connect(self._open_index)
        v.addWidget(self.view, 1)
        self.stack.addWidget(page)
        self.case_page = CasePage(ctx, self)
        self.case_page.back.connect(self.show_list)
        self.case_page.changed.connect(self.reload)
        self.case_page.show_respondent.connect(self.show_respondent)
        self.stack.addWidget(self.case_page)
        self.respondent_view = RespondentView(ctx, self)
        self.respondent_view.back.connect(self.show_list)
        self.respondent_view.open_case.connect(self.open_case)
        self.stack.addWidget(self.respondent_view)
        self._update_count()
        # Reloads are coalesced and run after the action that announced them has finished.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh)
        self._refresh_screen = False
        action_bus().changed.connect(self._changed)

    def _changed(self, area: str) -> None:
        """A change here: the list reloads. One naming no area (刷新/F5, an admin page such as the
        reminder setting): the case or respondent on screen reloads too. Reads announce READ."""
        if area not in ("preservation", ""):
            return
        self._refresh_screen = self._refresh_screen or not area
        self._refresh_timer.start()

    def _refresh(self) -> None:
        self.reload()
        screen, self._refresh_screen = self._refresh_screen, False
        if not screen:
            return  # the area's own screens reload themselves after their actions
        current = self.stack.currentWidget()
        if current is self.case_page and self.case_page.detail is not None:
            self.case_page.load(self.case_page.detail.id)
        elif current is self.respondent_view and self.respondent_view.exposure is not None:
            self.respondent_view.load(self.respondent_view.exposure.id)

    # -- list -----------------------------------------------------------------------------------
    def _filters(self) -> svc.CaseFilter:
        return svc.CaseFilter(
            text=self.search.text(),
            status=self.status.currentData(),
            attention=self.attention.currentIndex() == 1,
        )

    def _fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[svc.CaseRow]:
        return svc.list_cases(
            self.ctx.db,
            self.ctx.actor,
            self._filters(),
            now=self.ctx.now(),
            offset=offset,
            limit=limit,
            sort=sort,
            descending=descending if sort else True,
        )

    def _count(self) -> int:
        return svc.count_cases(self.ctx.db, self.ctx.actor, self._filters(), today=self.ctx.today())

    def _update_count(self) -> None:
        self.count_label.setText(f"共 {self.model.total()} 件")

    def _open_index(self, index: QModelIndex) -> None:
        self.open_case(self.model.row_at(index.row()).id)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)

    def new_case(self) -> None:
        self.dialog = CaseDialog(self.ctx, self)
        self.dialog.accepted.connect(self._registered)
        self.dialog.open()

    def _registered(self) -> None:
        assert self.dialog is not None
        self.reload()
        if self.dialog.case_id:
            self.open_case(self.dialog.case_id)

    def open_case(self, case_id: uuid.UUID) -> None:
        self.case_page.load(case_id)
        self.stack.setCurrentWidget(self.case_page)

    def show_respondent(self, party_id: uuid.UUID | None) -> None:
        if party_id is None and self.case_page.detail is not None:
            # In step with the case last opened: its respondent first.
            party_id = self.case_page.detail.respondent_id

        def show() -> None:
            self.respondent_view.reload_respondents()
            self.respondent_view.load(party_id)

        run_action(self, show, done=lambda _none: self.stack.setCurrentWidget(self.respondent_view), area=READ)

    def show_statistics(self) -> Outcome[svc.Statistics]:
        """Count off the GUI thread (every case and measure is read), then show the figures."""
        ctx = self.ctx
        self.stats_job = run_action(
            self,
            lambda: svc.statistics(ctx.db, ctx.actor, now=ctx.now()),
            done=self._show_statistics,
            background=True,
            progress="正在统计财产保全案件…",
            area=READ,
            title="无法统计",
        )
        return self.stats_job

    def _show_statistics(self, stats: svc.Statistics) -> None:
        self.stats_dialog = StatisticsDialog(stats, self)
        self.stats_dialog.open()

    def export_dialog(self) -> None:
        suggested = str(documents_folder() / "保全案件清单.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, "导出保全案件清单与统计", suggested, "Excel 文件 (*.xlsx)")
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> Outcome[Path]:
        """Write the workbook off the GUI thread (every case, with the statistics)."""
        ctx = self.ctx
        filters = self._filters()
        sort, descending = self.model.current_sort()
        return run_action(
            self,
            # What the list shows: its filter and its sort (named in the workbook's title row).
            lambda: svc.export_cases(ctx.db, ctx.actor, path, filters, now=ctx.now(), sort=sort, descending=descending),
            done=self._exported,
            background=True,
            progress="正在导出保全案件清单与统计…",
            area=READ,
            title="无法导出",
        )

    def _exported(self, out: Path) -> None:
        self.count_label.setText(f"共 {self.model.total()} 件　已导出到 {out}")
