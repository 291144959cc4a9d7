"""Complaint and report dialogs: registering, the decision, a testing period, finishing a
mediation and telling a reporter (forms/alliance_complaint_dialog.ui, _decision_, _pause_,
_finish_). docs/rules/alliance.md §alliance-complaints."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.alliance.vocabulary import (
    ComplaintDecision,
    ComplaintKind,
    RejectReason,
)
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance.complaints import COMPLAINT_OUTCOMES
from laoshan_desk.ui.alliance.common import (
    FormDialog,
    fill,
    moment,
    optional_date,
    optional_day,
    pydate,
    qdate,
    set_moment,
)
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_alliance_complaint_dialog import Ui_AllianceComplaintDialog
from laoshan_desk.ui.forms.ui_alliance_decision_dialog import Ui_AllianceDecisionDialog
from laoshan_desk.ui.forms.ui_alliance_finish_dialog import Ui_AllianceFinishDialog
from laoshan_desk.ui.forms.ui_alliance_pause_dialog import Ui_AlliancePauseDialog


class ComplaintDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AllianceComplaintDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill(u.kindCombo, ComplaintKind.choices())
        set_moment(u.receivedEdit, ctx.now())
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "kind": u.kindCombo,
                    "received_at": u.receivedEdit,
                    "complainant": u.complainantEdit,
                    "phone": u.phoneEdit,
                    "enterprise_name": u.enterpriseEdit,
                    "uscc": u.usccEdit,
                    "content": u.contentEdit,
                },
                u.errorLabel,
            ),
            "登记",
        )

    def call(self) -> alliance.ComplaintRef:
        u = self.ui
        form = alliance.ComplaintForm(
            kind=u.kindCombo.currentData(),
            received_at=moment(u.receivedEdit),
            content=u.contentEdit.toPlainText(),
            complainant=u.complainantEdit.text(),
            phone=u.phoneEdit.text(),
            enterprise_name=u.enterpriseEdit.text(),
            uscc=u.usccEdit.text(),
        )
        return alliance.register(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class DecisionDialog(FormDialog):
    """受理/不予受理 for a complaint, 立案/不予立案 for a report."""

    def __init__(self, ctx: DeskContext, row: alliance.ComplaintRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.ui = Ui_AllianceDecisionDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.setWindowTitle(f"作出决定：{row.number}")
        decisions = [d for d in ComplaintDecision if d.kind is row.kind]
        fill(u.decisionCombo, [(d.value, d.label) for d in decisions])
        fill(u.reasonCombo, RejectReason.choices())
        set_moment(u.decidedEdit, ctx.now())
        u.decisionCombo.currentIndexChanged.connect(self._changed)
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "decision": u.decisionCombo,
                    "decided_at": u.decidedEdit,
                    "reject_reason": u.reasonCombo,
                    "note": u.noteEdit,
                },
                u.errorLabel,
            ),
            "决定",
        )
        self._changed()

    def _changed(self) -> None:
        refusing = self.ui.decisionCombo.currentData() == ComplaintDecision.REJECT.value
        self.ui.reasonCombo.setVisible(refusing)
        self.ui.reasonComboLabel.setVisible(refusing)

    def call(self) -> alliance.ComplaintRef:
        u = self.ui
        form = alliance.DecisionForm(
            self.row.id,
            u.decisionCombo.currentData(),
            moment(u.decidedEdit),
            reject_reason=u.reasonCombo.currentData() if u.reasonCombo.isVisible() else "",
            note=u.noteEdit.toPlainText(),
            version=self.row.version,
        )
        return alliance.decide(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class PauseDialog(FormDialog):
    """Start a testing period (or record one already over); ``ending=True``: only its end."""

    def __init__(
        self, ctx: DeskContext, row: alliance.ComplaintRow, *, ending: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.row, self.ending = row, ending
        self.ui = Ui_AlliancePauseDialog()
        self.ui.setupUi(self)
        u = self.ui
        u.startEdit.setDate(qdate(ctx.today()))
        optional_date(u.endedCheck, u.endEdit, ctx.today(), ticked=ending)
        for w in (u.reasonEdit, u.startEdit, u.endedCheck):
            w.setVisible(not ending)
            getattr(u, f"{w.objectName()}Label").setVisible(not ending)
        self.setWindowTitle(("检测鉴定结束：" if ending else "检测鉴定（不计入期限）：") + row.number)
        self.wire(
            u.buttonBox,
            FieldErrors({"reason": u.reasonEdit, "start": u.startEdit, "end": u.endEdit}, u.errorLabel),
            "登记",
        )

    def call(self) -> alliance.ComplaintRef:
        u = self.ui
        if self.ending:
            form = alliance.EndPauseForm(self.row.id, pydate(u.endEdit), self.row.version)
            return alliance.end_pause(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
        end = optional_day(u.endedCheck, u.endEdit)
        pause = alliance.PauseForm(self.row.id, pydate(u.startEdit), u.reasonEdit.text(), end, self.row.version)
        return alliance.start_pause(self.ctx.db, self.ctx.actor, pause, now=self.ctx.now())


class FinishDialog(FormDialog):
    """End a complaint's mediation with its outcome; ``notify=True``: a reporter was told."""

    def __init__(
        self, ctx: DeskContext, row: alliance.ComplaintRow, *, notify: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.row, self.notify = row, notify
        self.ui = Ui_AllianceFinishDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill(u.outcomeCombo, [(o.value, o.label) for o in COMPLAINT_OUTCOMES])
        set_moment(u.atEdit, ctx.now())
        if notify:
            self.setWindowTitle(f"告知举报人立案决定：{row.number}")
            for w in (u.outcomeCombo, u.resultEdit):
                w.hide()
                getattr(u, f"{w.objectName()}Label").hide()
            u.atEditLabel.setText("告知时间")
        else:
            self.setWindowTitle(f"办结调解：{row.number}")
        self.wire(
            u.buttonBox,
            FieldErrors(
                {"outcome": u.outcomeCombo, "finished_at": u.atEdit, "notified_at": u.atEdit, "result": u.resultEdit},
                u.errorLabel,
            ),
            "登记" if notify else "办结",
        )

    def call(self) -> alliance.ComplaintRef:
        u = self.ui
        if self.notify:
            told = alliance.NotifyForm(self.row.id, moment(u.atEdit), self.row.version)
            return alliance.notify(self.ctx.db, self.ctx.actor, told, now=self.ctx.now())
        form = alliance.FinishForm(
            self.row.id, u.outcomeCombo.currentData(), moment(u.atEdit), u.resultEdit.toPlainText(), self.row.version
        )
        return alliance.finish(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
