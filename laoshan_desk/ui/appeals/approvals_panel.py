"""待审批: the extension and suspension requests waiting for a leader's decision, in one list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.errors import DeskError
from laoshan_desk.services import appeals as svc
from laoshan_desk.ui.common.errors import show_error
from laoshan_desk.ui.context import DeskContext

KIND_LABELS = {"extension": "延期申请", "suspension": "挂起申请"}


class ApprovalsPanel(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.requests: list[tuple[str, object, str, str]] = []
        self.summary = QLabel()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["类别", "诉求编号", "申请内容"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(1, 150)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText("审批意见（不批准时请写明理由）")
        self.approve_button = QPushButton("批准")
        self.refuse_button = QPushButton("不批准")
        self.refresh_button = QPushButton("刷新")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        self.refresh_button.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.note_edit, 1)
        for button in (self.approve_button, self.refuse_button, self.refresh_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.requests = svc.pending_approvals(self.ctx.db, self.ctx.actor)
        self.table.setRowCount(len(self.requests))
        for r, (kind, _rid, number, text) in enumerate(self.requests):
            for c, value in enumerate((KIND_LABELS.get(kind, kind), number, text)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.summary.setText(
            f"待审批 {len(self.requests)} 件：批准延期后以新日期为办结时限；批准挂起后办结时限暂停计算。"
        )

    def decide(self, approve: bool) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.requests):
            self.summary.setText("请先在列表中选择一项申请")
            return
        kind, request_id, _number, _text = self.requests[row]
        note = self.note_edit.text().strip()
        if not approve and not note:
            self.summary.setText("不批准时请在“审批意见”中写明理由")
            self.note_edit.setFocus()
            return
        decide = svc.decide_extension if kind == "extension" else svc.decide_suspension
        try:
            decide(self.ctx.db, self.ctx.actor, request_id, approve, self.ctx.now(), note)
        except DeskError as exc:
            show_error(self, exc)
            return
        self.note_edit.clear()
        self.reload()
