"""One preservation case in three steps (必要性 → 范围 → 时限), guarantees and release, papers.

The page holds the case as the service last showed it (:class:`CaseDetail`, with its version)
and hands it to each step's widget; a step that wrote something asks the page to reload.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from laoshan_desk.domain.preservation import Paper
from laoshan_desk.domain.roles import SEES_FULL_NUMBERS
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers as docs
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.pdf_preview import PdfPreviewDialog
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.measures_step import MeasuresStep
from laoshan_desk.ui.preservation.papers import show_paper
from laoshan_desk.ui.preservation.plan_step import PlanStep
from laoshan_desk.ui.preservation.release_step import ReleaseStep
from laoshan_desk.ui.preservation.review_step import ReviewStep
from laoshan_desk.ui.preservation.widgets import GREEN, yuan


class CasePage(QWidget):
    back = Signal()
    changed = Signal()
    show_respondent = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: uuid.UUID | None = None
        self.detail: svc.CaseDetail | None = None
        self.preview: PdfPreviewDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton("← 返回列表")
        self.back_button.clicked.connect(self.back.emit)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.respondent_button = QPushButton("被申请人全部案件")
        self.respondent_button.clicked.connect(
            lambda: self.show_respondent.emit(self.detail.respondent_id if self.detail else None)
        )
        self.reveal_button = QPushButton("显示完整号码")
        self.reveal_button.setToolTip("显示被申请人的完整证件号码和电话（记入审计日志）")
        self.reveal_button.clicked.connect(self.reveal)
        self.ruling_button = QPushButton("打印裁定书")
        self.ruling_button.clicked.connect(self.print_ruling)
        top.addWidget(self.back_button)
        top.addWidget(self.header, 1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.respondent_button)
        top.addWidget(self.ruling_button)
        layout.addLayout(top)
        self.review = ReviewStep(ctx)
        self.plan = PlanStep(ctx)
        self.measures = MeasuresStep(ctx)
        self.release = ReleaseStep(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.review, "第一步 必要性审查（能不保就不保）")
        self.tabs.addTab(self.plan, "第二步 保全范围（能部分保就不全部保）")
        self.tabs.addTab(self.measures, "第三步 时限与措施（能快保就不慢保）")
        self.tabs.addTab(self.release, "担保与解除")
        for step in (self.review, self.plan, self.measures, self.release):
            step.changed.connect(self._step_changed)
        layout.addWidget(self.tabs, 1)

    def load(self, case_id: uuid.UUID) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        assert self.case_id is not None
        d = self.detail = svc.case_detail(self.ctx.db, self.ctx.actor, self.case_id, now=self.ctx.now())
        self.header.setText(
            f"<b style='font-size:13pt'>{d.case_number}</b>　{d.kind_label}　<b>{d.status_label}</b>"
            f"　<span style='color:#{d.light.rgb}'>● {d.light_text}</span><br>"
            f"申请人：{d.applicant}　被申请人：{d.respondent}（{d.respondent_number}）"
            f"　请求保全：{yuan(d.claim_amount)}元"
            + (f"　<b style='color:{GREEN}'>涉企·绿色通道</b>" if d.enterprise else "")
        )
        self.ruling_button.setEnabled(d.decision is not None)
        self.reveal_button.setVisible(d.numbers_masked and self.ctx.actor.role in SEES_FULL_NUMBERS)
        self.reveal_button.setEnabled(True)
        for step in (self.review, self.plan, self.measures, self.release):
            step.fill(d)

    def _step_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def reveal(self) -> None:
        """The respondent's number and phone in full (the service audits it)."""
        if self.case_id is None:
            return
        case_id, ctx = self.case_id, self.ctx
        run_action(
            self,
            lambda: svc.reveal_id_number(ctx.db, ctx.actor, case_id, now=ctx.now()),
            done=self._revealed,
            title="无法显示",
        )

    def _revealed(self, shown: tuple[str, str]) -> None:
        number, phone = shown
        self.header.setText(self.header.text() + f"<br><b>完整号码：</b>{number}　<b>电话：</b>{phone or '—'}")
        self.reveal_button.setEnabled(False)

    def print_ruling(self) -> None:
        d = self.detail
        if d is None:
            return
        ctx = self.ctx
        show_paper(
            self,
            ctx,
            d,
            Paper.RULING,
            lambda: docs.ruling_pdf(ctx.db, ctx.actor, d.id, now=ctx.now()),
            self._opened,
        )

    def _opened(self, dialog: PdfPreviewDialog) -> None:
        self.preview = dialog
