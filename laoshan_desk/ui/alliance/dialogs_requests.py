"""Anti-counterfeiting request dialogs: a member's request, and each dated step after it
(forms/alliance_request_dialog.ui, forms/alliance_step_dialog.ui)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.alliance.vocabulary import RequestOutcome, RequestStep
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.ui.alliance.common import FormDialog, fill, pick_files, pydate, qdate, select_data
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_alliance_request_dialog import Ui_AllianceRequestDialog
from laoshan_desk.ui.forms.ui_alliance_step_dialog import Ui_AllianceStepDialog


class RequestDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AllianceRequestDialog()
        self.ui.setupUi(self)
        self.files: list[Path] = []
        members = alliance.list_members(ctx.db, ctx.actor, active_only=True)
        fill(self.ui.memberCombo, [(m.id, m.name) for m in members], first="（请选择成员）")
        self.ui.receivedEdit.setDate(qdate(ctx.today()))
        self.ui.addEvidenceButton.clicked.connect(lambda: self.add_files(pick_files(self, "添加证据材料")))
        self.wire(
            self.ui.buttonBox,
            FieldErrors(
                {
                    "member": self.ui.memberCombo,
                    "brand": self.ui.brandEdit,
                    "products": self.ui.productsEdit,
                    "places": self.ui.placesEdit,
                    "received_on": self.ui.receivedEdit,
                    "evidence": self.ui.evidenceList,
                    "note": self.ui.noteEdit,
                },
                self.ui.errorLabel,
            ),
            "受理",
        )

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.append(path)
            self.ui.evidenceList.addItem(path.name)

    def call(self) -> uuid.UUID:
        form = req_svc.RequestForm(
            member_id=self.ui.memberCombo.currentData(),
            brand=self.ui.brandEdit.text(),
            products=self.ui.productsEdit.toPlainText(),
            places=self.ui.placesEdit.toPlainText(),
            received_on=pydate(self.ui.receivedEdit),
            evidence=tuple(self.files),
            note=self.ui.noteEdit.text(),
        )
        return req_svc.open_request(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class StepDialog(FormDialog):
    """The next step of a request; only the steps the rules allow now are offered."""

    def __init__(self, ctx: DeskContext, detail: req_svc.RequestDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.ui = Ui_AllianceStepDialog()
        self.ui.setupUi(self)
        self.files: list[Path] = []
        self.setWindowTitle(f"登记办理步骤：{detail.row.number}")
        steps = [s for s in detail.next_steps if s is not RequestStep.RECEIVED]
        fill(self.ui.stepCombo, [(s.value, s.label) for s in steps])
        fill(self.ui.outcomeCombo, RequestOutcome.choices(), first="")
        self.ui.onEdit.setDate(qdate(ctx.today()))
        self.ui.stepCombo.currentIndexChanged.connect(self._step_changed)
        self.ui.addEvidenceButton.clicked.connect(lambda: self.add_files(pick_files(self, "添加证据材料")))
        self.wire(
            self.ui.buttonBox,
            FieldErrors(
                {
                    "step": self.ui.stepCombo,
                    "on": self.ui.onEdit,
                    "officers": self.ui.officersEdit,
                    "regions": self.ui.regionsEdit,
                    "recipient": self.ui.recipientEdit,
                    "outcome": self.ui.outcomeCombo,
                    "evidence": self.ui.evidenceList,
                    "note": self.ui.noteEdit,
                },
                self.ui.errorLabel,
            ),
            "登记",
        )
        self._step_changed()

    def choose(self, step: RequestStep) -> None:
        select_data(self.ui.stepCombo, step.value)

    def _step_changed(self) -> None:
        step = self.ui.stepCombo.currentData()
        u = self.ui
        shown = {
            RequestStep.ASSIGNED.value: (u.officersEdit, u.regionsEdit),
            RequestStep.LETTER.value: (u.recipientEdit,),
            RequestStep.EVIDENCE.value: (u.evidenceList, u.addEvidenceButton),
            RequestStep.OUTCOME.value: (u.outcomeCombo,),
        }.get(step, ())
        for widget in (
            u.officersEdit,
            u.regionsEdit,
            u.recipientEdit,
            u.outcomeCombo,
            u.evidenceList,
            u.addEvidenceButton,
        ):
            widget.setVisible(widget in shown)
            label = getattr(u, f"{widget.objectName()}Label", None)
            if label is not None:
                label.setVisible(widget in shown)

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.append(path)
            self.ui.evidenceList.addItem(path.name)

    def call(self) -> uuid.UUID:
        u = self.ui
        form = req_svc.StepForm(
            request_id=self.detail.row.id,
            step=u.stepCombo.currentData() or "",
            on=pydate(u.onEdit),
            note=u.noteEdit.toPlainText(),
            officers=u.officersEdit.text(),
            regions=u.regionsEdit.text(),
            recipient=u.recipientEdit.text(),
            outcome=u.outcomeCombo.currentData() or "",
            evidence=tuple(self.files),
            version=self.detail.row.version,
        )
        return req_svc.add_step(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
