"""打假协助: the members' anti-counterfeiting requests with their age and light, each request's
dated steps, and the coordination letter of a 发出协查函 step (printed from the preview)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from laoshan_desk.domain.alliance.vocabulary import RequestStep
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import papers
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.ui.alliance.common import CENTER, RIGHT, selected_row, status_errors
from laoshan_desk.ui.alliance.dialogs_requests import RequestDialog, StepDialog
from laoshan_desk.ui.common.pdf_preview import preview_paper
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext


def request_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("灯", lambda r: r.light.label, light=lambda r: r.light, width=64),
        ColumnSpec("编号", lambda r: r.number, sort_value=lambda r: r.number, width=100),
        ColumnSpec("成员", lambda r: r.member_name, sort_value=lambda r: r.member_name, width=200),
        ColumnSpec("品牌", lambda r: r.brand, width=110),
        ColumnSpec("涉嫌地点", lambda r: r.places, width=160),
        ColumnSpec("受理日期", lambda r: f"{r.received_on:%Y-%m-%d}", sort_value=lambda r: r.received_on, width=90),
        ColumnSpec(
            "已办（工作日）", lambda r: str(r.age_workdays), sort_value=lambda r: r.age_workdays, align=RIGHT, width=100
        ),
        ColumnSpec("执法人员", lambda r: r.officers, width=130),
        ColumnSpec("前往地区", lambda r: r.regions, width=100),
        ColumnSpec("进展", lambda r: r.outcome.label if r.outcome else r.last_step.label, width=150),
    ]


def step_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("日期", lambda s: f"{s.on:%Y-%m-%d}", width=90),
        ColumnSpec("步骤", lambda s: s.step.label, width=100),
        ColumnSpec("协查函", lambda s: s.letter_number or "", width=150),
        ColumnSpec("收函单位/执法人员/结果", lambda s: _step_detail(s), width=260),
        ColumnSpec("说明", lambda s: s.note, width=220),
        ColumnSpec("经办", lambda s: s.by, align=CENTER, width=70),
    ]


def _step_detail(s: Any) -> str:
    if s.step is RequestStep.LETTER:
        return s.recipient or ""
    if s.step is RequestStep.ASSIGNED:
        return f"{s.officers}" + (f"（{s.regions}）" if s.regions else "")
    if s.step is RequestStep.OUTCOME and s.outcome is not None:
        return str(s.outcome.label)
    return ""


class RequestsPage(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self.detail: req_svc.RequestDetail | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        can_edit = ctx.actor.may(alliance.EDIT)
        self.new_button = QPushButton("受理请求…")
        self.step_button = QPushButton("登记步骤…")
        self.letter_button = QPushButton("打印协查函…")
        self.open_only = QCheckBox("只看未办结")
        self.new_button.setEnabled(can_edit)
        self.step_button.setEnabled(False)
        self.letter_button.setEnabled(False)
        for w in (self.new_button, self.step_button, self.letter_button, self.open_only):
            bar.addWidget(w)
        bar.addStretch(1)
        self.status = QLabel()  # what the last action did, or why it could not
        self.status.setObjectName("statusLabel")
        self.count_label = QLabel()
        bar.addWidget(self.status)
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ListTableModel(request_columns(), parent=self)
        self.view = QTableView()
        prepare_view(self.view, self.model)
        self.steps = ListTableModel(step_columns(), parent=self)
        self.steps_view = QTableView()
        prepare_view(self.steps_view, self.steps)
        split.addWidget(self.view)
        split.addWidget(self.steps_view)
        split.setSizes([380, 220])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.open_new)
        self.step_button.clicked.connect(lambda: self.open_step())
        self.letter_button.clicked.connect(lambda: self.preview_letter())
        self.open_only.toggled.connect(lambda _c: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.steps_view.selectionModel().currentRowChanged.connect(lambda *_: self._step_selected())
        self.reload()

    def reload(self) -> None:
        rows = req_svc.list_requests(
            self.ctx.db, self.ctx.actor, now=self.ctx.now(), open_only=self.open_only.isChecked()
        )
        current = self.detail.row.id if self.detail else None
        self.model.set_rows(rows)
        red = sum(1 for r in rows if r.light.value == "red")
        self.count_label.setText(f"共 {len(rows)} 次，红灯 {red} 次")
        for i, r in enumerate(rows):
            if r.id == current:
                self.view.selectRow(i)
                break
        else:
            self.detail = None
            self.steps.set_rows([])

    def select(self, number: str) -> None:
        for i, r in enumerate(self.model.rows()):
            if r.number == number:
                self.view.selectRow(i)
                return

    def _selected(self) -> None:
        row = selected_row(self.view)
        self.detail = req_svc.request_detail(self.ctx.db, self.ctx.actor, row.id, now=self.ctx.now()) if row else None
        self.steps.set_rows(list(self.detail.steps) if self.detail else [])
        can_edit = self.ctx.actor.may(alliance.EDIT)
        self.step_button.setEnabled(can_edit and bool(self.detail and self.detail.next_steps))
        self._step_selected()

    def _step_selected(self) -> None:
        step = selected_row(self.steps_view)
        self.letter_button.setEnabled(step is not None and step.step is RequestStep.LETTER)

    def open_new(self) -> RequestDialog:
        dialog = RequestDialog(self.ctx, self)
        dialog.accepted.connect(self.reload)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_step(self, step: RequestStep | None = None) -> StepDialog | None:
        if self.detail is None:
            return None
        dialog = StepDialog(self.ctx, self.detail, self)
        if step is not None:
            dialog.choose(step)
        dialog.accepted.connect(self.reload)
        dialog.accepted.connect(self._selected)
        self.dialog = dialog
        dialog.open()
        return dialog

    def preview_letter(self) -> QWidget | None:
        step = selected_row(self.steps_view)
        if step is None:
            return None
        dialog = preview_paper(
            self,
            self.ctx,
            lambda: papers.coordination_letter(self.ctx.db, self.ctx.actor, step.id, now=self.ctx.now()),
            errors=status_errors(self.status),
        )
        if dialog is not None:
            self.dialog = dialog
        return dialog
