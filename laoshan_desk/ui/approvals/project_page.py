"""One project's page: header with lights and counts; tabs for the items, the gold team, the wall
chart, the task-force log and the printed papers."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.approvals import Classification, ItemSignal, LogKind, TeamRole
from laoshan_desk.domain.lights import Light
from laoshan_desk.services import approvals as svc
from laoshan_desk.services.calendar import work_calendar
from laoshan_desk.ui.approvals.common import AREA, setup_table
from laoshan_desk.ui.approvals.gantt import GanttView
from laoshan_desk.ui.approvals.item_dialogs import AdvanceDialog, ItemEditDialog, MoveNodeDialog
from laoshan_desk.ui.approvals.models import ITEM_COLUMNS, LOG_COLUMNS, TEAM_COLUMNS
from laoshan_desk.ui.approvals.papers import PapersMixin
from laoshan_desk.ui.approvals.team_log import LogEntryDialog, TeamMemberDialog
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.dialogs import open_dialog, tell
from laoshan_desk.ui.common.table_model import ListTableModel
from laoshan_desk.ui.context import DeskContext


def _dot(light: Light) -> str:
    return f"<span style='color:#{light.rgb}'>●</span>"


class ProjectPage(PapersMixin):
    changed = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: svc.ProjectView | None = None
        self.dialog: QDialog | None = None  # the dialog (or message) open over the page, if any
        self.editable = ctx.actor.may("approvals.edit")
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#E8F5E9; color:#1B5E20; padding:4px; border-radius:3px;")
        self.banner.hide()
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self._build_items()
        self._build_team()
        self.gantt = GanttView()
        self.tabs.addTab(self.gantt, "挂图")
        self._build_log()
        self._build_documents()

    # -- building ------------------------------------------------------------------------------
    def _button(self, bar: QHBoxLayout, text: str, slot: Any, *, edit: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(self.editable or not edit)
        bar.addWidget(button)
        return button

    def _build_items(self) -> None:
        page = QWidget()
        bar = QHBoxLayout()
        self.advance_button = self._button(bar, "推进 / 销号…", self.advance)
        self.move_button = self._button(bar, "调整节点…", self.move_node)
        self.edit_button = self._button(bar, "分类与指派…", self.edit_item)
        self.certificate_button = self._button(bar, "出具证照…", self.certificate)
        bar.addStretch(1)
        self.filter_combo = QComboBox()
        for key, text in (
            ("all", "全部事项（必办在前）"),
            ("must_do", "仅必办事项"),
            ("open", "未销号的必办事项"),
            ("other", "企业自办和无需办理"),
        ):
            self.filter_combo.addItem(text, key)
        self.filter_combo.currentIndexChanged.connect(self._fill_items)
        bar.addWidget(self.filter_combo)
        self.items_info = QLabel()
        bar.addWidget(self.items_info)
        self.items_model = ListTableModel(ITEM_COLUMNS, parent=self)
        self.items_view = QTableView()
        setup_table(self.items_view, self.items_model)
        self.items_view.doubleClicked.connect(lambda *_: self.advance())
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.items_view, 1)
        self.tabs.addTab(page, "审批事项")

    def _build_team(self) -> None:
        page = QWidget()
        bar = QHBoxLayout()
        self._button(bar, "添加成员…", self.add_member)
        self._button(bar, "移除所选", self.remove_member)
        bar.addStretch(1)
        self.team_info = QLabel()
        bar.addWidget(self.team_info)
        self.team_model = ListTableModel(TEAM_COLUMNS, parent=self)
        self.team_view = QTableView()
        setup_table(self.team_view, self.team_model)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.team_view, 1)
        self.tabs.addTab(page, "金牌团队")

    def _build_log(self) -> None:
        page = QWidget()
        bar = QHBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-size: 14px;")
        bar.addWidget(self.counts_label)
        bar.addStretch(1)
        self._button(bar, "记专题会议…", lambda: self.add_log(LogKind.MEETING))
        self._button(bar, "记现场踏勘…", lambda: self.add_log(LogKind.VISIT))
        self._button(bar, "记问题…", lambda: self.add_log(LogKind.PROBLEM))
        self._button(bar, "问题已解决", self.solve_problem)
        self.log_model = ListTableModel(LOG_COLUMNS, parent=self)
        self.log_view = QTableView()
        setup_table(self.log_view, self.log_model)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.log_view, 1)
        self.tabs.addTab(page, "专班台账")

    # -- data ----------------------------------------------------------------------------------
    def show_project(self, project_id: uuid.UUID) -> None:
        self.view = svc.project_detail(self.ctx.db, self.ctx.actor, project_id, today=self.ctx.today())
        v = self.view
        must = v.must_items
        counts = v.class_counts()
        feasible = (
            "<span style=color:#2E9D46>计划可行</span>" if v.feasible else "<b style=color:#D6322F>计划不可行</b>"
        )
        self.header.setText(
            f"<div style='font-size:16px'><b>{v.name}</b> {_dot(v.light)} "
            f"<span style='color:#666'>{v.number} · {v.status_label}</span></div>"
            f"<div>{v.enterprise}（{v.credit_code}）· {v.street_name} · "
            f"联系人 {v.contact_name or '—'} {v.contact_phone}</div>"
            f"<div>开始 {v.start_date} · 目标开业 <b>{v.target_date}</b> · 计划全部办结 {v.finish_date or '—'} · "
            f"{feasible} · 关键路径 {' → '.join(v.critical_path) or '—'}</div>"
            f"<div>点选 {len(v.items)} 项：必办 {counts[Classification.MUST_DO]}"
            f" · 企业自办 {counts[Classification.SELF_HANDLED]} · 无需办理 {counts[Classification.NOT_NEEDED]}"
            f"　销号 <b>{v.done_count}/{len(must)}</b>　{_dot(Light.RED)} 超期 {v.signal_count(ItemSignal.OVERDUE)}"
            f"　{_dot(Light.RED)} 计划不可行 {v.signal_count(ItemSignal.INFEASIBLE)}"
            f"　{_dot(Light.YELLOW)} 临期 {v.signal_count(ItemSignal.DUE_SOON)}"
            f"　{_dot(Light.GREEN)} 正常 {v.signal_count(ItemSignal.ON_TRACK)}</div>"
        )
        ready = [i for i in v.items if i.ready]
        self.banner.setVisible(bool(ready))
        self.banner.setText("可发证：" + "；".join(f"{i.code} {i.name}（前置事项已办结，材料已预审）" for i in ready))
        self._fill_items()
        self.items_info.setText("★ 关键路径　〔调〕已调整节点" + (f"　{'；'.join(v.warnings)}" if v.warnings else ""))
        self.team_model.set_rows(v.team)
        roles = [t.role for t in v.team]
        self.team_info.setText(" · ".join(f"{r.label} {roles.count(r)}" for r in TeamRole))
        self.gantt.show_project(v, work_calendar(self.ctx.db))
        c = v.log_counts
        self.counts_label.setText(
            f"专题会议 <b>{c.meetings}</b> 次　现场踏勘 <b>{c.visits}</b> 次　"
            f"问题 <b>{c.problems}</b> 个（已解决 {c.solved}，未解决 {c.open_problems}）"
        )
        self.log_model.set_rows(svc.log_entries(self.ctx.db, self.ctx.actor, v.id))
        self.certificates_label.setText(
            "已出具证照："
            + ("；".join(f"{x.number} {x.title}" + ("（已撤销）" if x.revoked else "") for x in v.certificates) or "无")
        )

    def _fill_items(self) -> None:
        if self.view is None:
            return
        key = self.filter_combo.currentData()
        rows = [i for i in self.view.items if i.must_do] + [i for i in self.view.items if not i.must_do]
        if key == "must_do":
            rows = [i for i in rows if i.must_do]
        elif key == "open":
            rows = [i for i in rows if i.must_do and not i.done]
        elif key == "other":
            rows = [i for i in rows if not i.must_do]
        self.items_model.set_rows(rows)

    def reload(self) -> None:
        if self.view is not None:
            self.show_project(self.view.id)
            self.changed.emit()

    def current_item(self) -> svc.ItemRow | None:
        index = self.items_view.currentIndex()
        return self.items_model.row_at(index.row()) if index.isValid() else None

    def select_item(self, code: str) -> None:
        for row, item in enumerate(self.items_model.rows()):
            if item.code == code:
                self.items_view.selectRow(row)
                return
        raise KeyError(code)

    def _need_item(self) -> svc.ItemRow | None:
        item = self.current_item()
        if item is None:
            tell(self, "请选择事项", "请先在列表中选择一个事项")
        return item

    # -- item actions (each dialog opens with open(); what follows a save runs when it is accepted)
    def advance(self) -> AdvanceDialog | None:
        item = self._need_item()
        if item is None:
            return None
        if not item.must_do:
            tell(self, "无需跟踪", f"“{item.name}”为{item.class_label}事项，不跟踪办理进度")
            return None
        if item.done:
            tell(self, "已销号", f"“{item.name}”已于 {item.finished_on} 销号")
            return None
        dialog = AdvanceDialog(self.ctx, item, self)
        open_dialog(self, dialog, accepted=lambda: self._advanced(dialog.result_))
        return dialog

    def _advanced(self, result: svc.AdvanceResult | None) -> None:
        self.reload()
        if result and result.newly_ready:
            tell(self, "可发证", "前置事项已办结，以下事项材料已预审，可当日发证：\n" + "\n".join(result.newly_ready))

    def move_node(self) -> MoveNodeDialog | None:
        item = self._need_item()
        if item is None or not item.must_do or item.done:
            return None
        dialog = MoveNodeDialog(self.ctx, item, self)
        open_dialog(self, dialog, accepted=lambda: self._moved(dialog.result_))
        return dialog

    def _moved(self, r: svc.MoveResult | None) -> None:
        self.reload()
        if r is not None:
            tell(
                self,
                "节点已调整",
                f"{r.code}：{r.old_finish} → {r.new_finish}，联动调整 {len(r.dependents)} 项"
                + ("" if r.feasible else "\n注意：调整后计划不可行，请召开协调会"),
            )

    def edit_item(self) -> ItemEditDialog | None:
        item = self._need_item()
        if item is None or self.view is None:
            return None
        dialog = ItemEditDialog(self.ctx, item, list(self.view.team), self)
        open_dialog(self, dialog, accepted=self.reload)
        return dialog

    def add_member(self) -> TeamMemberDialog | None:
        if self.view is None:
            return None
        dialog = TeamMemberDialog(self.ctx, self.view.id, self)
        open_dialog(self, dialog, accepted=self.reload)
        return dialog

    def remove_member(self) -> None:
        index = self.team_view.currentIndex()
        if self.view is None or not index.isValid():
            return
        form = svc.RemoveMemberForm(self.view.id, self.team_model.row_at(index.row()).id)
        run_action(
            self,
            lambda: svc.remove_team_member(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            refresh=self.reload,
            area=AREA,
        )

    def add_log(self, kind: LogKind) -> LogEntryDialog | None:
        if self.view is None:
            return None
        dialog = LogEntryDialog(self.ctx, self.view.id, kind, self)
        open_dialog(self, dialog, accepted=self.reload)
        return dialog

    def solve_problem(self) -> None:
        index = self.log_view.currentIndex()
        if not index.isValid():
            return
        form = svc.SolveForm(self.log_model.row_at(index.row()).id, self.ctx.today())
        run_action(
            self,
            lambda: svc.solve_problem(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            refresh=self.reload,
            area=AREA,
        )
