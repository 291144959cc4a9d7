"""待审批: the extension and suspension requests waiting for a leader's decision, in one list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.services import appeals as svc
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec, ListTableModel, prepare_view
from laoshan_desk.ui.context import DeskContext

SUMMARY = "待审批 {n} 件：批准延期后以新日期为办结时限；批准挂起后办结时限暂停计算。"


def request_columns() -> list[ColumnSpec]:
    return [
        ColumnSpec("类别", lambda r: r.kind.label, width=90),
        ColumnSpec("诉求编号", lambda r: r.appeal_number, width=150),
        ColumnSpec("申请人", lambda r: r.requested_by, width=90),
        ColumnSpec("申请内容", lambda r: r.text, width=440),
    ]


class ApprovalsPanel(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.model = ListTableModel(request_columns(), parent=self)
        self.table = QTableView(self)
        prepare_view(self.table, self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText("审批意见（不批准时请写明理由）")
        self.approve_button = QPushButton("批准")
        self.refuse_button = QPushButton("不批准")
        self.refresh_button = QPushButton("刷新")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        self.refresh_button.clicked.connect(self.reload)
        self.errors = FieldErrors({"note": self.note_edit}, self.summary)
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 1)
        for button in (self.approve_button, self.refuse_button, self.refresh_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        # Loaded when its tab is opened (tab.py _tab_changed), not with the appeals tab.

    def reload(self) -> None:
        self.model.set_rows(svc.pending_approvals(self.ctx.db, self.ctx.actor))
        self.summary.setStyleSheet("")
        self.summary.setText(SUMMARY.format(n=self.model.total()))

    def decide(self, approve: bool) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.summary.setText("请先在列表中选择一项申请")
            return
        request = self.model.row_at(index.row())
        form = svc.DecisionForm(request.id, request.version, approve, self.note_edit.text())
        decide = svc.decide_extension if request.kind == "extension" else svc.decide_suspension
        run_action(
            self,
            lambda: decide(self.ctx.db, self.ctx.actor, form, now=self.ctx.now()),
            errors=self.errors,
            done=lambda _r: self.note_edit.clear(),
            refresh=self.reload,
            area="appeals",
        )
