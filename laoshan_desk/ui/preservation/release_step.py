"""担保与解除: the guarantees given for the respondent, what they would free, and the release rulings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.preservation import CaseStatus, Paper
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation import papers as docs
from laoshan_desk.ui.common.dates import pydate, qdate
from laoshan_desk.ui.common.dialogs import ask, open_dialog
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.common.table_model import ColumnSpec
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.dialogs import GuaranteeDialog
from laoshan_desk.ui.preservation.step import CaseStep
from laoshan_desk.ui.preservation.widgets import (
    BarErrors,
    attach,
    day,
    money_column,
    note_label,
    selected_row,
    table,
    when,
    yuan,
)

GUARANTEE_COLUMNS = [
    ColumnSpec("类型", lambda g: g.type_label, width=80),
    ColumnSpec("出具机构", lambda g: g.issuer, width=170),
    ColumnSpec("编号", lambda g: g.number, width=130),
    money_column("金额（元）", lambda g: g.amount, width=120),
    ColumnSpec("有效期至", lambda g: day(g.valid_until), width=90),
    ColumnSpec("履约承诺函", lambda g: "有" if g.undertaking else "", width=80),
    ColumnSpec("授信协议", lambda g: g.credit_agreement, width=170),
    ColumnSpec("状态", lambda g: "有效" if g.valid else "已过期"),
]
RELEASE_COLUMNS = [
    ColumnSpec("裁定书号", lambda r: r.ruling_number, width=250),
    ColumnSpec("原因", lambda r: r.reason_label, width=130),
    ColumnSpec("时间", lambda r: when(r.ruled_at), width=130),
    money_column("释放资金（元）", lambda r: r.amount_freed, width=130),
    ColumnSpec("说明", lambda r: r.note),
]


class ReleaseStep(CaseStep):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_release: svc.ReleaseResult | None = None
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.guarantee_button = QPushButton("登记担保（履约保函）…")
        self.release_button = QPushButton("因担保解除保全（法官）")
        self.release_print_button = QPushButton("打印解除保全裁定")
        # The day the applicant applied to release (today, or an earlier day entered afterwards):
        # the five-day clock of 第二十三条 runs from it.
        self.application_date = QDateEdit(qdate(ctx.today()))
        self.application_date.setObjectName("releaseAppliedOn")
        self.application_date.setCalendarPopup(True)
        self.application_date.setDisplayFormat("yyyy-MM-dd")
        self.application_date.setToolTip("申请人提出解除保全申请的日期（默认今日）")
        self.application_button = QPushButton("登记申请人申请解除")
        self.application_button.clicked.connect(self.record_application)
        self.guarantee_button.clicked.connect(self.add_guarantee)
        self.release_button.clicked.connect(self.release)
        self.release_print_button.clicked.connect(self.print_release)
        for b in (self.guarantee_button, self.release_button, self.release_print_button):
            bar.addWidget(b)
        bar.addWidget(QLabel("解除申请日期"))
        bar.addWidget(self.application_date)
        bar.addWidget(self.application_button)
        bar.addStretch(1)
        v.addLayout(bar)
        v.addWidget(self._consent_box())
        self.application_error = QLabel()  # a refusal that names no field of its own
        self.application_error.setWordWrap(True)
        self.application_error.hide()  # shown by FieldErrors when a refusal names no field
        v.addWidget(self.application_error)
        self.application_errors = BarErrors(
            {"applied_on": self.application_date}, self.application_error, repeat_below=False
        )
        self.guarantees_view = table()
        self.guarantees = attach(self.guarantees_view, GUARANTEE_COLUMNS)
        v.addWidget(self.guarantees_view, 2)
        self.release_preview = note_label()
        v.addWidget(self.release_preview)
        v.addWidget(QLabel("解除保全裁定："))
        self.releases_view = table()
        self.releases = attach(self.releases_view, RELEASE_COLUMNS)
        v.addWidget(self.releases_view, 2)

    def _consent_box(self) -> QWidget:
        """申请保全人同意 (《财产保全规定》第二十二条): shown when the case holds the disputed property."""
        self.consent_box = QWidget()
        form = QFormLayout(self.consent_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.consent_check = QCheckBox("申请保全人同意解除对争议标的物的保全")
        self.consent_note = QLineEdit()
        self.consent_note.setPlaceholderText("同意的方式和日期，如：申请保全人2026年11月24日书面同意")
        self.consent_error = QLabel()
        self.consent_error.setWordWrap(True)
        form.addRow("申请保全人同意", self.consent_check)
        form.addRow("同意情况", self.consent_note)
        form.addRow(self.consent_error)
        self.consent_errors = FieldErrors(
            {"applicant_consent": self.consent_check, "consent_note": self.consent_note},
            self.consent_error,
            repeat_below=False,
        )
        return self.consent_box

    def fill(self, d: svc.CaseDetail) -> None:
        super().fill(d)
        self.guarantees.set_rows(d.guarantees)
        self.releases.set_rows(d.releases)
        actor = self.ctx.actor
        executed = d.status is CaseStatus.EXECUTED
        self.guarantee_button.setEnabled(actor.may(svc.EDIT) and not d.status.finished)
        self.release_button.setEnabled(executed and actor.may(svc.DECIDE))
        self.release_print_button.setEnabled(bool(d.releases))
        self.application_button.setEnabled(executed and actor.may(svc.EDIT))
        self.consent_box.setVisible(executed and any(a.disputed for a in d.assets))
        text = ""
        if self.last_release is not None:
            r = self.last_release
            text = f"已作出{r.ruling_number}解除保全裁定，释放资金 <b>{yuan(r.freed)}</b> 元。"
            self.last_release = None
        if executed and d.guarantees:
            pre = svc.preview_release(self.ctx.db, actor, d.id, today=self.ctx.today())
            text += (
                f"现有担保可解除保全 <b>{yuan(pre.freed)}</b> 元："
                + "、".join(f"{s.label} {yuan(s.amount)}元" for s in pre.released)
                if pre.freed > 0
                # Cover enough, but only for the disputed property: consent, not money, is missing.
                else "现有担保可解除的仅为争议标的物，须经申请保全人同意。"
                if pre.consent_needed
                else "现有担保尚不足以解除任何保全措施。"
            )
            for warning in pre.expiry_warnings:
                text += f"<br><span style='color:#D6322F'>有效期不足：{warning}</span>"
            for warning in pre.consent_needed:
                text += f"<br><span style='color:#D6322F'>{warning}</span>"
        if d.freed_total:
            text += f"<br>本案因担保已释放资金 <b>{yuan(d.freed_total)}</b> 元。"
        self.release_preview.setText(text)

    def record_application(self) -> None:
        """The applicant applied to release: the five-day clock of 第二十三条 starts (第三步 shows it)."""
        ref, ctx = self.ref(), self.ctx
        form = svc.ReleaseApplicationForm(ref.case_id, ref.version, pydate(self.application_date.date()))
        self.act(
            lambda: svc.record_release_application(ctx.db, ctx.actor, form, now=ctx.now()),
            errors=self.application_errors,
            done=lambda _none: self.application_errors.clear(),
        )

    def add_guarantee(self) -> None:
        ref = self.ref()
        open_dialog(self, GuaranteeDialog(self.ctx, ref.case_id, ref.version, self), accepted=self.changed.emit)

    def release(self) -> None:
        ref, ctx = self.ref(), self.ctx
        pre = svc.preview_release(ctx.db, ctx.actor, ref.case_id, today=ctx.today())
        if pre.expiry_warnings:
            # Not "sufficient and effective" (第二十二条): the judge confirms, naming the case;
            # 是 releases, 否 leaves the case as it is.
            assert self.detail is not None
            ask(
                self,
                "担保有效期不足",
                f"{self.detail.case_number}：\n" + "\n".join(pre.expiry_warnings) + "\n\n仍要据此解除保全吗？",
                lambda: self._release(ref, confirmed=True),
            )
        else:
            self._release(ref, confirmed=False)

    def _release(self, ref: svc.CaseRef, *, confirmed: bool) -> None:
        ctx = self.ctx
        form = svc.GuaranteeReleaseForm(
            ref.case_id,
            ref.version,
            expiry_confirmed=confirmed,
            applicant_consent=self.consent_check.isChecked(),
            consent_note=self.consent_note.text(),
        )
        self.act(
            lambda: svc.release_on_guarantee(ctx.db, ctx.actor, form, now=ctx.now()),
            # Beside the consent fields when they are shown; otherwise a message box as before.
            errors=None if self.consent_box.isHidden() else self.consent_errors,
            done=self._released,
        )

    def _released(self, result: svc.ReleaseResult) -> None:
        self.last_release = result

    def print_release(self) -> None:
        """The selected release ruling, else the latest."""
        d = self.detail
        if d is None or not d.releases:
            return
        release: svc.ReleaseRow = selected_row(self.releases_view) or d.releases[-1]
        ctx = self.ctx
        self.show_paper(Paper.RELEASE, lambda: docs.release_pdf(ctx.db, ctx.actor, release.id, now=ctx.now()))
