"""短信发件箱: the SMS outbox, sending now and retrying a message.

The columns fit the desk's normal window (1280×760) without a horizontal scroll bar: the times,
counts and states are as wide as their longest text (tests/ui/test_outbox_columns_fit.py); the
appeal number, the error and the message are elided where they are longer, with the whole text in
the tooltip, and the message takes whatever width is left.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.appeals.steps import SmsState
from laoshan_desk.services.appeals import SmsRetryForm, sms
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.table_model import ColumnSpec, PagedTableModel, RowRole, prepare_view
from laoshan_desk.ui.context import DeskContext

_STATE_COLOURS = {"sent": "2E9D46", "failed": "E6A700", "gave_up": "D6322F"}


def _time(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def outbox_columns() -> list[ColumnSpec]:
    """The outbox's columns; the last (短信内容) stretches over what the others leave."""
    return [
        ColumnSpec("创建时间", lambda r: _time(r.created_at), None, width=116),
        # An imported appeal's number may be up to 40 characters: elided, whole in the tooltip.
        ColumnSpec("诉求编号", lambda r: r.appeal_number, None, width=124, tooltip=lambda r: r.appeal_number),
        ColumnSpec("手机号", lambda r: r.phone, None, width=104),
        ColumnSpec("状态", lambda r: r.state_label, None, width=152, foreground=lambda r: _STATE_COLOURS.get(r.state)),
        ColumnSpec("次数", lambda r: str(r.attempts), None, width=40),
        ColumnSpec("发送时间", lambda r: _time(r.sent_at), None, width=116),
        ColumnSpec("错误", lambda r: r.last_error, None, width=180, tooltip=lambda r: r.last_error),
        ColumnSpec("短信内容", lambda r: r.text, None, width=300, tooltip=lambda r: r.text),
    ]


class OutboxWidget(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.state = QComboBox()
        self.state.addItem("全部短信", None)
        for code, label in SmsState.choices():
            self.state.addItem(label, code)
        self.send_button = QPushButton("立即发送待发短信")
        self.retry_button = QPushButton("重发所选")
        self.info = QLabel()
        bar.addWidget(self.state)
        bar.addWidget(self.send_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.info, 1)
        layout.addLayout(bar)
        columns = outbox_columns()
        # Loaded when first shown: the tab opens on the queue, and most clerks never look here.
        self.model = PagedTableModel(columns, self._fetch, self._count, parent=self, load=False)
        self.view = QTableView()
        prepare_view(self.view, self.model, load=False)  # the one idiom: no horizontal scroll bar while empty
        # One line a message, cut at the column's edge with "…" (word wrap would cut it at the last
        # break before the number, leaving half the column empty); the whole text is the tooltip.
        self.view.setWordWrap(False)
        layout.addWidget(self.view, 1)
        self.state.currentIndexChanged.connect(self.model.reload)
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self.retry_selected)

    def showEvent(self, event: QShowEvent) -> None:
        if not self.model.loaded:
            self.model.reload()
        super().showEvent(event)

    def _fetch(self, offset: int, limit: int, _sort: Any, _desc: bool) -> list[sms.OutboxRow]:
        return sms.outbox(self.ctx.db, self.ctx.actor, state=self.state.currentData(), offset=offset, limit=limit)[0]

    def _count(self) -> int:
        return sms.outbox(self.ctx.db, self.ctx.actor, state=self.state.currentData(), offset=0, limit=0)[1]

    def send_now(self, gateway: Any = None) -> sms.SendReport:
        report = sms.send_pending(self.ctx.db, self.ctx.actor, now=self.ctx.now(), gw=gateway or None)
        if not report.configured:
            self.info.setText(f"{sms.NOT_CONFIGURED}：短信未发出，保留在发件箱（待发 {report.waiting} 条）")
        else:
            self.info.setText(
                ("短信网关离线，短信保留在发件箱，稍后自动重试。" if report.offline else "")
                + f"本次发送成功 {report.sent} 条，失败 {report.failed} 条，待发 {report.waiting} 条"
            )
        self.model.reload()
        return report

    def retry_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.data(index, RowRole) if index.isValid() else None
        if row is not None:
            run_action(
                self,
                lambda: sms.retry(self.ctx.db, self.ctx.actor, SmsRetryForm(row.id), now=self.ctx.now()),
                refresh=self.model.reload,
                area="appeals",
            )
