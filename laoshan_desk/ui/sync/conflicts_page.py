"""同步冲突: the changes the district database could not apply because the record had changed
there, each with both versions side by side; keep mine / keep theirs / field by field.

Each resolution is one service call (``sync.conflicts.resolve``), audited there; what is sent
again goes out with the next sync.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals import AppealStatus, HandlingLevel, Satisfaction
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.services.sync import conflicts
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

# What each carried service is called on screen (the appeals' own words for the steps).
SERVICE_WORDS = {
    "appeals.dispatch": "派单",
    "appeals.co_handle": "吹哨报到",
    "appeals.return": "退单",
    "appeals.respond": "响应",
    "appeals.progress": "办理进展",
    "appeals.finish": "办结",
    "appeals.visit": "回访",
    "appeals.close": "结案",
    "appeals.supervise": "督办",
    "appeals.request_suspension": "申请挂起",
    "appeals.request_extension": "申请延期",
    "appeals.resume": "恢复办理",
}
FIELD_WORDS = {
    "status": "状态",
    "level": "承办层级",
    "unit_id": "承办单位",
    "result": "办理结果",
    "satisfaction": "满意度",
    "version": "版本",
    "updated_at": "更新时间",
    "note": "说明",
    "reason": "原因",
}


CODES: dict[str, type[Labelled]] = {"status": AppealStatus, "level": HandlingLevel, "satisfaction": Satisfaction}


def _text(value: Any, name: str = "") -> str:
    if value in (None, ""):
        return "（空）"
    enum = CODES.get(name)
    if enum is not None:
        try:
            return enum(value).label
        except ValueError:
            pass
    return str(value)[:60]


def _differences(row: conflicts.ConflictRow) -> str:
    return "；".join(
        f"{FIELD_WORDS.get(d.name, d.name)}：{_text(d.mine, d.name)} ↔ {_text(d.theirs, d.name)}"
        for d in row.differences
    )


COLUMNS = [
    ColumnSpec("诉求编号", lambda r: r.label, width=150, sort_value=lambda r: r.label),
    ColumnSpec("本窗口的操作", lambda r: SERVICE_WORDS.get(r.service, r.service), width=100),
    ColumnSpec("发现时间", lambda r: f"{r.found_at:%m-%d %H:%M}", width=100, sort_value=lambda r: r.found_at),
    ColumnSpec("本窗口 ↔ 区级", _differences, width=420, tooltip=_differences),
]


class ConflictsDialog(QDialog):
    resolved = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle("同步冲突")
        self.resize(860, 480)
        self.model = ListTableModel(COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        prepare_view(self.view, self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_fields())
        self.empty = QLabel("没有未处理的同步冲突", self)
        self.fields_box = QFormLayout()
        self.choices: dict[str, QComboBox] = {}
        buttons = QDialogButtonBox(self)
        self.mine = QPushButton("保留本窗口版本", self)
        self.theirs = QPushButton("保留区级版本", self)
        self.merge = QPushButton("逐项合并", self)
        for button, choice in ((self.mine, "mine"), (self.theirs, "theirs"), (self.merge, "fields")):
            button.clicked.connect(lambda _=False, c=choice: self.resolve(c))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("区级数据库中这些记录在本窗口改动之后又被他人修改；两边的版本都已保留。", self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.fields_box)
        layout.addWidget(buttons)

    def reload(self) -> None:
        run_action(self, lambda: conflicts.open_conflicts(self.ctx.db, self.ctx.actor), done=self._show)

    def _show(self, rows: list[conflicts.ConflictRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.view.selectRow(0)
        self._show_fields()

    def current(self) -> conflicts.ConflictRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_fields(self) -> None:
        while self.fields_box.rowCount():
            self.fields_box.removeRow(0)
        self.choices = {}
        row = self.current()
        for button in (self.mine, self.theirs, self.merge):
            button.setEnabled(row is not None)
        if row is None:
            return
        for d in row.form_fields:
            box = QComboBox(self)
            box.addItem(f"本窗口：{_text(d.mine)}", "mine")
            box.addItem(f"区级：{_text(d.theirs)}", "theirs")
            self.fields_box.addRow(FIELD_WORDS.get(d.name, d.name), box)
            self.choices[d.name] = box
        self.merge.setEnabled(bool(row.form_fields))

    def resolve(self, choice: str) -> None:
        row = self.current()
        if row is None:
            return
        picks = {name: str(box.currentData()) for name, box in self.choices.items()} if choice == "fields" else {}
        form = conflicts.ResolveForm(row.id, choice, picks)
        run_action(
            self,
            lambda: conflicts.resolve(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            done=lambda _: self.resolved.emit(),
            refresh=self.reload,
            area="appeals",
        )
