"""Policy, award and seminar dialogs (forms/alliance_policy_dialog.ui, _award_, _seminar_)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.alliance.vocabulary import (
    AwardKind,
    HonourLevel,
    Industry,
    LifecycleStage,
    PolicyLine,
    SeminarFormat,
    SeminarTopic,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import awards, policies, seminars
from laoshan_desk.ui.alliance.common import (
    FormDialog,
    checked,
    fill,
    fill_checks,
    pick_files,
    pydate,
    qdate,
)
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_alliance_award_dialog import Ui_AllianceAwardDialog
from laoshan_desk.ui.forms.ui_alliance_policy_dialog import Ui_AlliancePolicyDialog
from laoshan_desk.ui.forms.ui_alliance_seminar_dialog import Ui_AllianceSeminarDialog


class PolicyDialog(FormDialog):
    def __init__(self, ctx: DeskContext, row: policies.PolicyRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.ui = Ui_AlliancePolicyDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill_checks(u.stagesList, LifecycleStage.choices(), [s.value for s in row.stages] if row else [])
        fill_checks(u.industriesList, Industry.choices(), [s.value for s in row.industries] if row else [])
        fill_checks(u.honoursList, HonourLevel.choices(), [s.value for s in row.honours] if row else [])
        fill_checks(u.linesList, PolicyLine.choices(), [s.value for s in row.lines] if row else [])
        u.issuedEdit.setDate(qdate(row.issued_on if row else ctx.today()))
        if row is not None:
            self.setWindowTitle(f"政策：{row.code}")
            u.codeEdit.setText(row.code)
            u.titleEdit.setText(row.title)
            u.issuerEdit.setText(row.issuer)
            u.conditionsEdit.setPlainText(row.conditions)
            u.amountEdit.setText("" if row.amount is None else str(row.amount))
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "code": u.codeEdit,
                    "title": u.titleEdit,
                    "issuer": u.issuerEdit,
                    "issued_on": u.issuedEdit,
                    "stages": u.stagesList,
                    "industries": u.industriesList,
                    "honours": u.honoursList,
                    "lines": u.linesList,
                    "conditions": u.conditionsEdit,
                    "amount": u.amountEdit,
                },
                u.errorLabel,
            ),
        )

    def call(self) -> uuid.UUID:
        u = self.ui
        form = policies.PolicyForm(
            code=u.codeEdit.text(),
            title=u.titleEdit.text(),
            issuer=u.issuerEdit.text(),
            issued_on=pydate(u.issuedEdit),
            stages=tuple(checked(u.stagesList)),
            industries=tuple(checked(u.industriesList)),
            honours=tuple(checked(u.honoursList)),
            lines=tuple(checked(u.linesList)),
            conditions=u.conditionsEdit.toPlainText(),
            amount=policies.parse_amount(u.amountEdit.text(), required=False),
            active=self.row.active if self.row else True,
            policy_id=self.row.id if self.row else None,
            version=self.row.version if self.row else None,
        )
        return policies.save_policy(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class AwardDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AllianceAwardDialog()
        self.ui.setupUi(self)
        u = self.ui
        members = alliance.list_members(ctx.db, ctx.actor)
        fill(u.enterpriseCombo, [(m.enterprise_id, m.name) for m in members], first="（请选择企业）")
        fill(u.kindCombo, AwardKind.choices())
        u.yearSpin.setRange(2000, ctx.today().year)
        u.yearSpin.setValue(ctx.today().year)
        u.appliedEdit.setDate(qdate(ctx.today()))
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "enterprise": u.enterpriseCombo,
                    "kind": u.kindCombo,
                    "year": u.yearSpin,
                    "amount": u.amountEdit,
                    "applied_on": u.appliedEdit,
                    "title": u.titleEdit,
                },
                u.errorLabel,
            ),
            "申报",
        )

    def call(self) -> uuid.UUID:
        u = self.ui
        enterprise = u.enterpriseCombo.currentData()
        if enterprise is None:
            raise ValidationError("请选择企业", field="enterprise")
        form = awards.AwardForm(
            enterprise,
            u.kindCombo.currentData(),
            u.yearSpin.value(),
            u.amountEdit.text(),
            pydate(u.appliedEdit),
            u.titleEdit.text(),
        )
        return awards.apply_award(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class SeminarDialog(FormDialog):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AllianceSeminarDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.files: list[Path] = []
        fill(u.formatCombo, SeminarFormat.choices())
        fill_checks(u.topicsList, SeminarTopic.choices())
        fill_checks(u.attendeesList, [(m.enterprise_id, m.name) for m in alliance.list_members(ctx.db, ctx.actor)])
        u.heldEdit.setDate(qdate(ctx.today()))
        u.addMaterialButton.clicked.connect(lambda: self.add_files(pick_files(self, "添加研讨材料")))
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "title": u.titleEdit,
                    "held_on": u.heldEdit,
                    "format": u.formatCombo,
                    "topics": u.topicsList,
                    "place": u.placeEdit,
                    "attendees": u.peopleEdit,
                    "materials": u.materialsList,
                },
                u.errorLabel,
            ),
        )

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.append(path)
            self.ui.materialsList.addItem(path.name)

    def call(self) -> uuid.UUID:
        u = self.ui
        people = [
            p.strip() for p in u.peopleEdit.text().replace("，", "、").replace(",", "、").split("、") if p.strip()
        ]
        attendees = tuple(seminars.Attendee(e) for e in checked(u.attendeesList)) + tuple(
            seminars.Attendee(None, p) for p in people
        )
        form = seminars.SeminarForm(
            pydate(u.heldEdit),
            u.titleEdit.text(),
            tuple(checked(u.topicsList)),
            u.formatCombo.currentData(),
            u.placeEdit.text(),
            attendees,
            tuple(self.files),
        )
        return seminars.add_seminar(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
