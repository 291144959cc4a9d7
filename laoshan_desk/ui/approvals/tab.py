"""The 审批点菜单 tab: the project list with lights beside the selected project's page, and the
toolbar for a new project (ordering from the menu), the catalog, the daily dispatch, the weekly
bulletin, verifying a certificate and exporting the list as shown. The list loads once when the tab
is built and again on every change announced on the action bus."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import approvals as svc
from laoshan_desk.ui.approvals.catalog import CatalogDialog
from laoshan_desk.ui.approvals.common import AREA, setup_table
from laoshan_desk.ui.approvals.intake import NewProjectDialog
from laoshan_desk.ui.approvals.models import PROJECT_COLUMNS
from laoshan_desk.ui.approvals.project_page import ProjectPage
from laoshan_desk.ui.approvals.reports import BulletinDialog, DispatchDialog
from laoshan_desk.ui.approvals.verify import VerifyDialog
from laoshan_desk.ui.common.actions import Outcome, action_bus, run_action
from laoshan_desk.ui.common.dialogs import open_dialog, tell
from laoshan_desk.ui.common.empty_state import EmptyState
from laoshan_desk.ui.common.pdf_preview import documents_folder
from laoshan_desk.ui.common.table_model import PagedTableModel
from laoshan_desk.ui.context import DeskContext

DialogT = TypeVar("DialogT", bound=QDialog)


class ApprovalsTab(QWidget):
    TITLE = "审批点菜单"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the dialog (or message) open over the tab, if any
        layout = QVBoxLayout(self)
        self.toolbar = QToolBar(self)
        self.actions_: dict[str, Any] = {}
        for key, text, slot in (
            ("new", "新建项目", self.new_project),
            ("catalog", "事项库", self.open_catalog),
            ("dispatch", "日调度", self.open_dispatch),
            ("bulletin", "周通报", self.open_bulletin),
            ("verify", "核验证照", self.open_verify),
            ("export", "导出列表", self.export_list),
            ("refresh", "刷新", self.refresh),
        ):
            action = self.toolbar.addAction(text)
            action.triggered.connect(slot)
            self.actions_[key] = action
        self.actions_["new"].setEnabled(ctx.actor.may("approvals.edit"))
        layout.addWidget(self.toolbar)

        self.search = QLineEdit()
        self.search.setPlaceholderText("查找项目、企业、信用代码")
        self.search.textChanged.connect(self.refresh)
        # Built empty: the view's first sort is the one load (newest projects first).
        self.model = PagedTableModel(PROJECT_COLUMNS, self._fetch, self._count, page_size=100, parent=self, load=False)
        self.model.set_sort("number", descending=True)
        self.list_view = QTableView()
        setup_table(self.list_view, self.model)
        self.list_view.selectionModel().selectionChanged.connect(self._selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list_view, 1)
        self.count_label = QLabel()
        left_layout.addWidget(self.count_label)

        self.page = ProjectPage(ctx)
        self.empty = EmptyState(
            "审批点菜单", "还没有项目。点击“新建项目”，从点菜单中为企业选择审批事项，系统将倒排工期并生成一次告知书。"
        )
        self.hint = EmptyState("审批点菜单", "在左侧选择一个项目，查看事项、金牌团队、挂图和专班台账。")
        self.stack = QStackedWidget()
        for w in (self.empty, self.hint, self.page):
            self.stack.addWidget(w)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setSizes([430, 1000])
        body = QHBoxLayout()
        body.addWidget(self.splitter)
        layout.addLayout(body, 1)
        self._show_state()  # setup_table's prepare_view made the one first load
        # Every action anywhere (run_action) and 刷新/F5 announce a change: the list reloads once.
        action_bus().changed.connect(self._changed)

    # -- list ----------------------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[svc.ProjectRow]:
        return svc.list_projects(
            self.ctx.db,
            self.ctx.actor,
            today=self.ctx.today(),
            text=self.search.text() or None,
            offset=offset,
            limit=limit,
            sort=sort,
            descending=descending,
        )

    def _count(self) -> int:
        return svc.count_projects(self.ctx.db, self.ctx.actor, text=self.search.text() or None)

    def refresh(self) -> None:
        self.model.reload()
        self._show_state()

    def _changed(self, area: str) -> None:
        """An approvals action, or a change naming no area (刷新/F5, an admin page): reload the list,
        keeping the project open."""
        if area in (AREA, ""):
            self._list_changed()
            self.count_label.setText(f"共 {self.model.total()} 个项目")

    def _show_state(self) -> None:
        current = self.page.view.id if self.page.view is not None else None
        total = self.model.total()
        self.count_label.setText(f"共 {total} 个项目")
        if current is not None and self.select_project(current):
            return
        self.stack.setCurrentWidget(self.empty if total == 0 and not self.search.text() else self.hint)

    def _list_changed(self) -> None:
        current = self.page.view.id if self.page.view is not None else None
        self.model.reload()
        if current is not None:
            row = self._row_of(current)
            if row is not None:
                self.list_view.selectionModel().blockSignals(True)
                self.list_view.selectRow(row)
                self.list_view.selectionModel().blockSignals(False)

    def _row_of(self, project_id: uuid.UUID) -> int | None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == project_id:
                return row
        return None

    def select_project(self, project_id: uuid.UUID) -> bool:
        row = self._row_of(project_id)
        if row is None:
            return False
        self.list_view.selectRow(row)
        self.open_project(project_id)
        return True

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {i.row() for i in selected.indexes()}
        if rows:
            self.open_project(self.model.row_at(min(rows)).id)

    def open_project(self, project_id: uuid.UUID) -> None:
        self.page.show_project(project_id)
        self.stack.setCurrentWidget(self.page)

    # -- toolbar -------------------------------------------------------------------------------
    def new_project(self) -> NewProjectDialog:
        """The menu, opened with ``open()``; the new project is shown once it was saved."""
        dialog = NewProjectDialog(self.ctx, self)
        open_dialog(self, dialog, accepted=lambda: self._created(dialog.project_id))
        return dialog

    def _created(self, project_id: uuid.UUID | None) -> None:
        if project_id is None:
            return
        # Accepted from inside the save's run_action, before the action bus reloads the list:
        # the list is reloaded here so the new project is in it to be selected.
        if self.search.text():
            self.search.clear()  # reloads the list (textChanged)
        else:
            self.model.reload()
        self._show_state()
        self.select_project(project_id)

    def open_catalog(self) -> CatalogDialog:
        return self._open(CatalogDialog(self.ctx, self))

    def open_dispatch(self) -> DispatchDialog:
        return self._open(DispatchDialog(self.ctx, self))

    def open_bulletin(self) -> BulletinDialog:
        return self._open(BulletinDialog(self.ctx, self))

    def open_verify(self) -> VerifyDialog:
        return self._open(VerifyDialog(self.ctx, self))

    def _open(self, dialog: DialogT) -> DialogT:
        open_dialog(self, dialog)
        return dialog

    def export_list(self) -> None:
        suggested = documents_folder() / f"审批项目列表-{self.ctx.today().isoformat()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, "导出项目列表", str(suggested), "Excel 文件 (*.xlsx)")
        if name:
            self.export_to(Path(name))

    def _exported(self, target: Path) -> None:
        tell(self, "已导出", f"项目列表已写入：\n{target}")

    def export_to(self, path: Path) -> Outcome[Path]:
        """Write exactly what the list shows (search text and sort), off the GUI thread."""
        sort, descending = self.model.current_sort()
        text = self.search.text() or None
        return run_action(
            self,
            lambda: svc.export_projects(
                self.ctx.db, self.ctx.actor, path, text=text, sort=sort, descending=descending, now=self.ctx.now()
            ),
            done=self._exported,
            area=AREA,
            background=True,
            progress="正在导出项目列表…",
        )
