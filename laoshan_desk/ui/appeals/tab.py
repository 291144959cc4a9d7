"""The 崂先办诉求 tab: the queue, the dashboard, hot spots (未诉先办) and the SMS outbox, with
intake, import and export in the toolbar. Counts show on the inner tabs and on the desk's tab.

Opening the tab shows the queue's first page and nothing else that waits: the inner pages are
built when first opened (or first asked for), and the counts come from a worker thread."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QTabWidget, QToolBar, QVBoxLayout, QWidget

from laoshan_desk.services import appeals as svc
from laoshan_desk.services.appeals import queue
from laoshan_desk.services.appeals.exchange import ImportReport, export_ledger, import_appeals
from laoshan_desk.ui.appeals.approvals_panel import ApprovalsPanel
from laoshan_desk.ui.appeals.dashboard import READ, DashboardWidget
from laoshan_desk.ui.appeals.detail import AppealDetailDialog
from laoshan_desk.ui.appeals.hotspots import HotSpotsWidget
from laoshan_desk.ui.appeals.intake import IntakeDialog
from laoshan_desk.ui.appeals.outbox import OutboxWidget
from laoshan_desk.ui.appeals.queue import QueueWidget
from laoshan_desk.ui.common import worker
from laoshan_desk.ui.common.actions import Outcome, action_bus, run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext

log = logging.getLogger(__name__)
T = TypeVar("T")


class AppealsTab(QWidget):
    TITLE = "崂先办诉求"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        can_edit = ctx.actor.may("appeals.edit")
        self.intake_action = self.toolbar.addAction("受理诉求", self.open_intake)
        self.open_action = self.toolbar.addAction("查看/办理", self._open_selected)
        self.toolbar.addSeparator()
        self.import_action = self.toolbar.addAction("导入（青诉即办）…", self._import_dialog)
        self.export_action = self.toolbar.addAction("导出台账…", self._export_dialog)
        self.supervise_action = self.toolbar.addAction("超期自动督办", self.supervise_overdue)
        self.intake_action.setEnabled(can_edit)
        # The service refuses a department's handler (services/appeals/exchange/platform_import.py).
        self.import_action.setEnabled(can_edit and ctx.actor.scope != "unit")
        if ctx.actor.scope == "unit":
            self.import_action.setToolTip("青诉即办的导出由受理窗口或街道导入")
        self.status = QLabel()
        self._job: Outcome[Any] | None = None
        self.status.setObjectName("statusLabel")
        self.toolbar.addWidget(self.status)
        layout.addWidget(self.toolbar)
        self.tabs = QTabWidget(self)
        self.queue = QueueWidget(ctx, self)
        self.tabs.addTab(self.queue, "诉求队列")
        # The other pages: an empty holder each, replaced by the page when it is first opened.
        pages: list[tuple[str, str, Callable[[DeskContext, QWidget], QWidget]]] = [
            ("dashboard", "统计分析", DashboardWidget),
            ("hotspots", "未诉先办", HotSpotsWidget),
            ("outbox", "短信发件箱", OutboxWidget),
        ]
        if ctx.actor.may("appeals.approve_extension"):
            pages.append(("approvals", "待审批", ApprovalsPanel))
        self._holders: dict[str, QWidget] = {}
        self._factories = {key: factory for key, _title, factory in pages}
        self._pages: dict[str, QWidget] = {}
        for key, title, _factory in pages:
            holder = QWidget(self.tabs)
            self._holders[key] = holder
            self.tabs.addTab(holder, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        # The outbox sends on its own every minute (queued while the gateway is offline).
        self.sms_timer = QTimer(self)
        self.sms_timer.setInterval(60_000)
        self.sms_timer.timeout.connect(self._send_sms_quietly)
        self.sms_timer.start()
        self.queue.openRequested.connect(self.open_appeal)
        self.counts: dict[str, int] = {}
        self._figures = worker.LatestRead(self)  # the tab's numbers: the latest count only
        # Any action anywhere (and F5) may change what the lists show: reload them once, when the
        # event loop is free again, however many signals came.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_lists)
        action_bus().changed.connect(self._changed)
        self.update_counts()

    # -- the inner pages, built when first needed ----------------------------------------------
    def _page(self, key: str) -> Any:
        """The inner page ``key``, built the first time: it takes its holder's place."""
        page = self._pages.get(key)
        if page is None:
            holder = self._holders[key]
            page = self._pages[key] = self._factories[key](self.ctx, self.tabs)
            i = self.tabs.indexOf(holder)
            current = self.tabs.currentIndex() == i
            title = self.tabs.tabText(i)
            self.tabs.blockSignals(True)  # the same page stays current: no second currentChanged
            self.tabs.removeTab(i)
            self.tabs.insertTab(i, page, title)
            if current:
                self.tabs.setCurrentIndex(i)
            self.tabs.blockSignals(False)
            holder.deleteLater()
        return page

    @property
    def dashboard(self) -> DashboardWidget:
        page: DashboardWidget = self._page("dashboard")
        return page

    @property
    def hotspots(self) -> HotSpotsWidget:
        page: HotSpotsWidget = self._page("hotspots")
        return page

    @property
    def outbox(self) -> OutboxWidget:
        page: OutboxWidget = self._page("outbox")
        return page

    @property
    def approvals(self) -> ApprovalsPanel | None:
        """The extension approvals (待审批), for a role that approves them; else None."""
        if "approvals" not in self._holders:
            return None
        page: ApprovalsPanel = self._page("approvals")
        return page

    def _current_page(self) -> str | None:
        current = self.tabs.currentWidget()
        for key, holder in self._holders.items():
            if current is holder or current is self._pages.get(key):
                return key
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_counts()  # now inside the desk's QTabWidget: its tab shows the count too

    def _changed(self, area: str) -> None:
        if area != READ:  # counting figures changes nothing
            self._refresh_timer.start()

    def refresh_lists(self) -> None:
        """Reload what the data shows: the queue, the counts, and the open inner lists."""
        self.queue.reload()
        self.update_counts()
        current = self._current_page()
        if current == "outbox":
            self.outbox.model.reload()
        elif current == "approvals" and self.approvals is not None:
            self.approvals.reload()

    def _send_sms_quietly(self) -> None:
        try:
            self.outbox.send_now()
        except Exception:  # noqa: BLE001 - a timer must never take the desk down; the outbox shows state
            log.exception("sending the SMS outbox failed")

    # -- counts --------------------------------------------------------------------------------
    def update_counts(self) -> None:
        """Count the tab's numbers (once per change of the data, not per filter) on a worker, and
        show them when they come; a count overtaken by a later one is dropped (or not started)."""
        job = partial(queue.tab_counts, self.ctx.db, self.ctx.actor, now=self.ctx.now())
        self._figures.start(job, self._counted, self._counts_failed)

    def _counted(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._show_counts()

    @staticmethod
    def _counts_failed(exc: BaseException) -> None:
        log.error("counting the appeals tab's figures failed", exc_info=exc)

    def _show_counts(self) -> None:
        counts = self.counts
        if not counts:
            return
        self.tabs.setTabText(
            0, f"诉求队列（待办 {counts['mine']} · 未办结 {counts['open']:,} · 红灯 {counts['red']:,}）"
        )
        # The desk's own tab shows the open count too (found by walking up to the QTabWidget).
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if isinstance(parent, QTabWidget):
            i = parent.indexOf(self)
            if i >= 0:
                parent.setTabText(i, f"{self.TITLE}（{counts['open']:,}）")

    def _tab_changed(self, index: int) -> None:
        key = self._current_page()
        if key is None:
            return
        page = self._page(key)  # built the first time it is opened
        if page is self.dashboard and not self.dashboard.ranks and self.dashboard.job is None:
            self.dashboard.refresh()
        elif page is self.hotspots and self.hotspots.spots is None and self.hotspots.job is None:
            self.hotspots.refresh()
        elif page is self.approvals and self.approvals is not None:
            self.approvals.reload()

    # -- actions -------------------------------------------------------------------------------
    def open_intake(self) -> IntakeDialog:
        dialog = IntakeDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._after_intake(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_intake(self, dialog: IntakeDialog) -> None:
        if dialog.created is not None:
            self.status.setText(f"已受理 {dialog.created.number}")
            self.open_appeal(dialog.created.id)

    def open_appeal(self, appeal_id: uuid.UUID) -> AppealDetailDialog:
        dialog = AppealDetailDialog(self.ctx, appeal_id, self)  # its actions reload the lists via the bus
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_selected(self) -> None:
        ident = self.queue.selected_id()
        if ident is not None:
            self.open_appeal(ident)

    # Import and export: the synchronous forms serve tests and small files; the dialogs run the
    # same work off the GUI thread (a year's ledger is 45,000 rows) and report back here.
    def _import(self, path: Path) -> ImportReport:
        return import_appeals(self.ctx.db, self.ctx.actor, path, now=self.ctx.now())

    def _imported(self, report: ImportReport) -> None:
        msg = f"导入完成：新增 {report.imported} 件，更新 {report.updated} 件，拒绝 {len(report.rejected)} 行"
        if report.rejected:
            msg += "（" + "；".join(f"第{r.row}行{r.column}：{r.message}" for r in report.rejected[:3]) + " …）"
        self.status.setText(msg)

    def import_file(self, path: Path) -> ImportReport:
        report = self._import(path)
        self._imported(report)
        self.refresh_lists()
        return report

    def _export(self, path: Path) -> Callable[[], int]:
        """The export of exactly what the queue shows (docs/rules/appeals.md §appeals-ledger). The
        filter and the sort are read here, on the GUI thread; the returned call may run anywhere."""
        flt = self.queue.current_filter()
        sort, descending = self.queue.model.current_sort()
        db, actor, now = self.ctx.db, self.ctx.actor, self.ctx.now()
        return lambda: export_ledger(db, actor, path, now=now, flt=flt, sort=sort, descending=descending)

    def _exported(self, n: int, path: Path) -> None:
        self.status.setText(f"已导出 {n:,} 件到 {Path(path)}")

    def export_file(self, path: Path) -> int:
        n = self._export(path)()
        self._exported(n, path)
        return n

    def start_import(self, path: Path) -> None:
        self._in_background("正在导入，请稍候…", lambda: self._import(path), self._imported)

    def start_export(self, path: Path) -> None:
        # An export changes no list: READ, so the queue and the counts are not reloaded after it.
        self._in_background("正在导出台账，请稍候…", self._export(path), lambda n: self._exported(n, path), READ)

    @property
    def busy(self) -> bool:
        """An import or export is still running off the GUI thread."""
        return self._job is not None and not self._job.finished

    def _in_background(
        self, busy: str, work: Callable[[], T], done: Callable[[T], None], area: str = "appeals"
    ) -> None:
        # A refusal (a bad file) is said in the status line, as the result would be.
        self._job = run_action(
            self,
            work,
            errors=FieldErrors({}, self.status),
            done=done,
            area=area,
            background=True,
            progress=busy,
        )
        if not self._job.finished:
            self.status.setStyleSheet("")
            self.status.setText(busy)

    def supervise_overdue(self) -> int:
        outcome = run_action(
            self,
            lambda: svc.supervise_overdue(self.ctx.db, self.ctx.actor, now=self.ctx.now()),
            done=lambda n: self.status.setText(f"新增督办 {n} 件"),
            area="appeals",
        )
        return outcome.result or 0

    def _import_dialog(self) -> None:  # pragma: no cover - file dialog
        path, _ = QFileDialog.getOpenFileName(self, "导入诉求", "", "Excel 工作簿 (*.xlsx)")
        if path:
            self.start_import(Path(path))

    def _export_dialog(self) -> None:  # pragma: no cover - file dialog
        path, _ = QFileDialog.getSaveFileName(self, "导出诉求台账", "诉求台账.xlsx", "Excel 工作簿 (*.xlsx)")
        if path:
            self.start_export(Path(path))
