"""第一步 必要性审查（能不保就不保）: the review form, the desk's suggestion, the judge's decision."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from laoshan_desk.domain.preservation import Decision
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.dialogs import ask
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.step import CaseStep
from laoshan_desk.ui.preservation.widgets import GREEN, note_label, when, yuan

_TRI: list[tuple[str, bool | None]] = [("未填写", None), ("是", True), ("否", False)]


def _tri_combo() -> QComboBox:
    combo = QComboBox()
    for text, value in _TRI:
        combo.addItem(text, value)
    return combo


def _set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex([v for _t, v in _TRI].index(value))


class ReviewStep(CaseStep):
    """The step-1 page of a case: saving the form and deciding are each one service call."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        outer = QHBoxLayout(self)
        review = QGroupBox("审查表")
        form = QFormLayout(review)
        self.preconditions = _tri_combo()
        self.transfer_risk = _tri_combo()
        self.purpose = QLineEdit()
        self.net_assets = QLineEdit()
        self.taxes = QLineEdit()
        self.employees = QSpinBox()
        self.employees.setRange(-1, 1_000_000)
        self.employees.setSpecialValueText("未填写")
        self.employees.setValue(-1)
        self.going_concern = _tri_combo()
        self.dishonest = _tri_combo()
        self.review_note = QLineEdit()
        form.addRow("符合保全条件", self.preconditions)
        form.addRow("存在转移、隐匿财产风险", self.transfer_risk)
        form.addRow("保全目的", self.purpose)
        form.addRow("净资产（元）", self.net_assets)
        form.addRow("上年度纳税（元）", self.taxes)
        form.addRow("在职员工（人）", self.employees)
        form.addRow("持续正常经营", self.going_concern)
        form.addRow("失信被执行人", self.dishonest)
        form.addRow("备注", self.review_note)
        self.review_error = note_label(red=True)
        form.addRow(self.review_error)
        self.save_review_button = QPushButton("保存审查表")
        self.save_review_button.clicked.connect(self.save_review)
        form.addRow(self.save_review_button)
        self.review_errors = FieldErrors(
            {"net_assets": self.net_assets, "taxes_paid": self.taxes, "employees": self.employees}, self.review_error
        )
        outer.addWidget(review, 3)
        right = QVBoxLayout()
        advice_box = QGroupBox("系统提示")
        av = QVBoxLayout(advice_box)
        self.safe_flag = QLabel()
        self.safe_flag.setWordWrap(True)
        self.advice = note_label()
        av.addWidget(self.safe_flag)
        av.addWidget(self.advice, 1)
        right.addWidget(advice_box, 1)
        decision_box = QGroupBox("审查决定（法官）")
        dv = QFormLayout(decision_box)
        self.decision = QComboBox()
        # No default: the judge picks the decision, then confirms it (case and amount named).
        self.decision.addItem("（请选择）", None)
        for d in Decision:
            self.decision.addItem(d.label, d.value)
        self.reasons = QPlainTextEdit()
        self.reasons.setPlaceholderText("决定理由")
        self.reasons.setFixedHeight(70)
        self.decide_button = QPushButton("作出决定")
        self.decide_button.clicked.connect(self.decide)
        self.decision_error = note_label(red=True)
        self.decision_state = note_label()
        dv.addRow("决定", self.decision)
        dv.addRow("理由", self.reasons)
        dv.addRow(self.decision_error)
        dv.addRow(self.decide_button)
        dv.addRow(self.decision_state)
        self.decision_errors = FieldErrors(
            {"decision": self.decision, "decision_reasons": self.reasons}, self.decision_error
        )
        right.addWidget(decision_box, 1)
        outer.addLayout(right, 2)

    def fill(self, d: svc.CaseDetail) -> None:
        super().fill(d)
        actor = self.ctx.actor
        r = d.review
        _set_tri(self.preconditions, r.preconditions_met)
        _set_tri(self.transfer_risk, r.transfer_risk)
        _set_tri(self.going_concern, r.going_concern)
        _set_tri(self.dishonest, r.dishonest)
        self.purpose.setText(r.purpose)
        self.net_assets.setText("" if r.net_assets is None else f"{r.net_assets}")
        self.taxes.setText("" if r.taxes_paid is None else f"{r.taxes_paid}")
        self.employees.setValue(-1 if r.employees is None else r.employees)
        self.review_note.setText(r.note)
        self.save_review_button.setEnabled(d.decision is None and actor.may(svc.EDIT))
        if d.advice is None:
            self.safe_flag.setText("尚未保存审查表。")
            self.advice.setText("")
        else:
            if d.advice.claim_appears_safe:
                self.safe_flag.setText(f"<b style='color:{GREEN};font-size:12pt'>⚑ 申请人权利不保全亦可实现</b>")
            else:
                self.safe_flag.setText("<b style='color:#E6A700;font-size:12pt'>存在保全必要或信息不全</b>")
            lines = [d.advice.suggestion] + [f"✓ {x}" for x in d.advice.reasons] + [f"✗ {x}" for x in d.advice.concerns]
            self.advice.setText("\n".join(lines))
        open_decision = d.decision is None
        self.decide_button.setEnabled(open_decision and actor.may(svc.DECIDE))
        self.decision.setEnabled(open_decision)
        self.reasons.setEnabled(open_decision)
        if d.decision:
            self.decision_state.setText(
                f"已决定：{d.decision_label}（{d.decided_by}，{when(d.ruled_at)}）\n理由：{d.decision_reasons}"
                + (f"\n裁定保全金额：{yuan(d.ruled_amount)}元" if d.ruled_amount else "")
            )
        elif not actor.may(svc.DECIDE):
            self.decision_state.setText("审查决定由承办法官作出。")
        else:
            self.decision_state.setText("")

    def save_review(self) -> None:
        ref = self.ref()
        form = svc.ReviewForm(
            case_id=ref.case_id,
            version=ref.version,
            preconditions_met=self.preconditions.currentData(),
            transfer_risk=self.transfer_risk.currentData(),
            purpose=self.purpose.text(),
            net_assets=self.net_assets.text().strip() or None,
            taxes_paid=self.taxes.text().strip() or None,
            employees=None if self.employees.value() < 0 else self.employees.value(),
            going_concern=self.going_concern.currentData(),
            dishonest=self.dishonest.currentData(),
            note=self.review_note.text(),
        )
        ctx = self.ctx
        self.act(lambda: svc.save_review(ctx.db, ctx.actor, form, now=ctx.now()), errors=self.review_errors)

    def decide(self) -> None:
        ref = self.ref()
        form = svc.DecisionForm(ref.case_id, ref.version, self.decision.currentData(), self.reasons.toPlainText())
        # A form the service would refuse (no decision, no reasons) is refused beside its field
        # first; a complete one is confirmed before it is taken (是 takes it, 否 leaves it as typed).
        if form.decision is not None and form.reasons.strip():
            self._confirm(Decision(form.decision), lambda: self._decide(form))
        else:
            self._decide(form)

    def _decide(self, form: svc.DecisionForm) -> None:
        ctx = self.ctx
        self.act(lambda: svc.decide(ctx.db, ctx.actor, form, now=ctx.now()), errors=self.decision_errors)

    def _confirm(self, decision: Decision, yes: Callable[[], None]) -> None:
        d = self.detail
        assert d is not None
        amount = f"请求保全金额 {yuan(d.claim_amount)} 元"
        if decision.grants and d.plan.selected:
            amount += f"，按方案保全 {yuan(d.plan.total_preserved)} 元"
        ask(
            self,
            "确认审查决定",
            f"对 {d.case_number}（被申请人 {d.respondent}）作出“{decision.label}”的决定？\n{amount}。",
            yes,
        )
