"""第三步 时限与措施（能快保就不慢保）: the case's clocks, the measures taken, renewals, assistance notices."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import CaseStatus, Paper
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers as docs
from laoshan_desk.ui.common.dates import pydate, qdate
from laoshan_desk.ui.common.dialogs import tell
from laoshan_desk.ui.common.table_model import ColumnSpec
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.step import CaseStep
from laoshan_desk.ui.preservation.widgets import RIGHT, BarErrors, attach, day, money_column, selected_row, table, when


def _clock_state(c: svc.ClockRow) -> str:
    if c.done_at is None:
        return c.light.label
    return "超时完成" if c.light is Light.RED else "按时完成"


CLOCK_COLUMNS = [
    ColumnSpec("提醒", _clock_state, light=lambda c: c.light, width=100),
    ColumnSpec("时限", lambda c: c.label, width=170),
    ColumnSpec("起算", lambda c: when(c.start), width=130),
    ColumnSpec("期限", lambda c: when(c.due), width=130),
    ColumnSpec("完成", lambda c: when(c.done_at), width=130),
    ColumnSpec("依据", lambda c: c.basis + (f"（{c.note}）" if c.note else "")),
]


RENEWAL_HINT = "申请逾期（第十八条）"  # a renewal applied for less than 7 days before the term ended


def _measure_reminder(m: svc.MeasureRow) -> str:
    # The one light of a term (terms.expiry_light): red once the renewal application is overdue.
    if not m.active:
        return "已解除"
    if m.days_left < 0:
        return "已届满"
    if m.light is Light.RED:
        return f"续行逾期 {m.days_left}天"
    return f"{m.days_left}天"


# Sized so that the whole table fits the 1280×800 default window without a horizontal scroll bar
# the clerk works in: short columns for short values, and 续行提示 last so that it takes the rest of the
# width; the full 第十八条 warning is its tooltip.
MEASURE_COLUMNS = [
    ColumnSpec("提醒", _measure_reminder, light=lambda m: m.light, width=104),
    ColumnSpec("财产", lambda m: m.asset_label, width=144, tooltip=lambda m: m.asset_label),
    ColumnSpec("开户行/登记机关", lambda m: m.institution, width=120, tooltip=lambda m: m.institution),
    ColumnSpec("账号/编号", lambda m: m.number, width=96, tooltip=lambda m: m.number),
    ColumnSpec("措施", lambda m: m.measure_label, width=86),  # 查封（活封）
    money_column("数额（元）", lambda m: m.amount, width=96),
    ColumnSpec("采取日期", lambda m: day(m.taken_on), width=80),
    ColumnSpec("期限届满", lambda m: day(m.expiry), width=80),
    ColumnSpec("续行申请截止", lambda m: day(m.renew_apply_by), width=88),
    ColumnSpec("续行次数", lambda m: str(m.renewals), align=RIGHT, width=60),
    ColumnSpec("状态", lambda m: "执行中" if m.active else f"已解除 {day(m.released_on)}", width=116),
    ColumnSpec(
        "续行提示",
        lambda m: RENEWAL_HINT if m.renewal_warning else "",
        tooltip=lambda m: m.renewal_warning,
        foreground=lambda m: "D6322F" if m.renewal_warning else None,
    ),
]


class MeasuresStep(CaseStep):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        v = QVBoxLayout(self)
        v.addWidget(QLabel("时限（收案 → 立案 → 裁定 → 执行；涉企案件当天立案、当天裁定）："))
        self.clocks_view = table()
        self.clocks = attach(self.clocks_view, CLOCK_COLUMNS)
        v.addWidget(self.clocks_view, 2)
        bar = QHBoxLayout()
        self.record_button = QPushButton("登记已采取保全措施（今日）")
        # The renewal is made today; the application may have come in earlier, and the seven-day
        # warning of 第十八条 is judged from the day it came in (docs/rules.md §preservation-terms).
        self.renew_applied = QDateEdit(qdate(ctx.today()))
        self.renew_applied.setObjectName("renewAppliedOn")
        self.renew_applied.setCalendarPopup(True)
        self.renew_applied.setDisplayFormat("yyyy-MM-dd")
        self.renew_applied.setToolTip("申请人提出续行申请的日期（默认今日）")
        self.renew_button = QPushButton("续行所选措施")
        self.notice_button = QPushButton("打印协助执行通知书")
        self.record_button.clicked.connect(self.record_measures)
        self.renew_button.clicked.connect(self.renew)
        self.notice_button.clicked.connect(self.print_notice)
        bar.addWidget(self.record_button)
        bar.addWidget(QLabel("续行申请日期"))
        for w in (self.renew_applied, self.renew_button, self.notice_button):
            bar.addWidget(w)
        bar.addStretch(1)
        v.addLayout(bar)
        self.renew_error = QLabel()  # a refusal of the renewal that names no field of its own
        self.renew_error.setWordWrap(True)
        self.renew_error.hide()  # shown by FieldErrors when a refusal names no field
        v.addWidget(self.renew_error)
        self.renew_errors = BarErrors({"applied_on": self.renew_applied}, self.renew_error, repeat_below=False)
        self.measures_caption = QLabel()
        v.addWidget(self.measures_caption)
        self.measures_view = table()
        self.measures = attach(self.measures_view, MEASURE_COLUMNS)
        v.addWidget(self.measures_view, 3)

    def fill(self, d: svc.CaseDetail) -> None:
        super().fill(d)
        self.clocks.set_rows(d.clocks)
        self.measures.set_rows(d.measures)
        may_edit = self.ctx.actor.may(svc.EDIT)
        self.record_button.setEnabled(d.status is CaseStatus.GRANTED and may_edit)
        self.renew_button.setEnabled(any(m.active for m in d.measures) and may_edit)
        self.notice_button.setEnabled(d.granted)
        self.measures_caption.setText(
            f"已采取的保全措施（期限届满前{d.reminder_days}日提醒续行，续行申请应在届满7日前提出）："
        )

    def record_measures(self) -> None:
        ref, ctx = self.ref(), self.ctx
        form = svc.MeasuresForm(ref.case_id, ref.version, ctx.today())
        self.act(lambda: svc.record_measures(ctx.db, ctx.actor, form, now=ctx.now()))

    def renew(self) -> None:
        m: svc.MeasureRow | None = selected_row(self.measures_view)
        if m is None:
            tell(self, "续行", "请先在列表中选择一项保全措施。")
            return
        ctx = self.ctx
        applied_on = pydate(self.renew_applied.date())
        form = svc.RenewalForm(m.id, self.ref().version, renewed_on=ctx.today(), applied_on=applied_on)
        self.act(
            lambda: svc.renew_measure(ctx.db, ctx.actor, form, now=ctx.now()),
            errors=self.renew_errors,
            done=self._renewed,
        )

    def _renewed(self, result: svc.RenewalResult) -> None:
        self.renew_errors.clear()
        self.renew_applied.setDate(qdate(self.ctx.today()))  # the next renewal starts from today again
        # A late application still renews; the clerk is told why it is late (第十八条).
        if result.warning:
            tell(self, "续行（申请逾期）", result.warning, warning=True)

    def print_notice(self) -> None:
        """The notice for the selected measure, else for the plan's first asset."""
        d = self.detail
        if d is None:
            return
        m: svc.MeasureRow | None = selected_row(self.measures_view)
        asset_id: uuid.UUID | None = m.asset_id if m else (d.plan.selected[0].asset_id if d.plan.selected else None)
        if asset_id is None:
            return
        ctx, found = self.ctx, asset_id
        self.show_paper(Paper.NOTICE, lambda: docs.assistance_pdf(ctx.db, ctx.actor, d.id, found, now=ctx.now()))
