"""Dialogs of the preservation tab: a new application (kept as a draft), a guarantee, an asset."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from laoshan_desk.domain.preservation import AccountKind, ApplicantGuarantee, AssetType, CaseKind, GuaranteeType
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.actions import run_action
from laoshan_desk.ui.common.drafts import DraftKeeper
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_preservation_asset_dialog import Ui_PreservationAssetDialog
from laoshan_desk.ui.forms.ui_preservation_case_dialog import Ui_PreservationCaseDialog
from laoshan_desk.ui.forms.ui_preservation_guarantee_dialog import Ui_PreservationGuaranteeDialog


def _aware(qdt: QDateTime) -> dt.datetime:
    return dt.datetime.strptime(qdt.toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


class _OnCaseDialog(QDialog):
    """A dialog that adds one record to a case as its page showed it (``version``): Save runs the
    service through ``run_action`` and the dialog closes only when the service took it."""

    errors: FieldErrors

    def __init__(self, ctx: DeskContext, case_id: uuid.UUID, version: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.version = ctx, case_id, version

    def _wire(self, buttons: QDialogButtonBox, errors: FieldErrors) -> None:
        self.errors = errors
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        run_action(self, self._call, errors=self.errors, done=lambda _saved: self.accept(), area="preservation")

    def _call(self) -> object:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError


class CaseDialog(QDialog):
    """新收保全申请: checked by the service; wrong fields get their message beside them."""

    DRAFT_KEY = "preservation.case"

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_PreservationCaseDialog()
        self.ui.setupUi(self)
        self.case_id: uuid.UUID | None = None
        for kind in CaseKind:
            self.ui.kindCombo.addItem(kind.label, kind.value)
        for guarantee in ApplicantGuarantee:
            self.ui.guaranteeTypeCombo.addItem(guarantee.label, guarantee.value)
        self.ui.guaranteeTypeCombo.setCurrentIndex(list(ApplicantGuarantee).index(ApplicantGuarantee.INSURANCE))
        now = ctx.now()
        self.ui.receivedEdit.setDateTime(QDateTime.fromString(f"{now:%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))
        self.ui.enterpriseCheck.setChecked(True)
        u = self.ui
        self.errors = FieldErrors(
            {
                "case_number": u.caseNumberEdit,
                "kind": u.kindCombo,
                "applicant": u.applicantEdit,
                "respondent": u.respondentEdit,
                "respondent_id": u.respondentIdEdit,
                "respondent_phone": u.respondentPhoneEdit,
                "claim_amount": u.claimEdit,
                "received_at": u.receivedEdit,
                "applicant_guarantee_type": u.guaranteeTypeCombo,
                "applicant_guarantee_amount": u.guaranteeAmountEdit,
            },
            u.errorLabel,
        )
        self.drafts = DraftKeeper(
            ctx,
            self.DRAFT_KEY,
            {
                "case_number": u.caseNumberEdit,
                "kind": u.kindCombo,
                "applicant": u.applicantEdit,
                "cause": u.causeEdit,
                "respondent": u.respondentEdit,
                "respondent_id": u.respondentIdEdit,
                "respondent_phone": u.respondentPhoneEdit,
                "claim": u.claimEdit,
                "received": u.receivedEdit,
                "guarantee_type": u.guaranteeTypeCombo,
                "guarantee_amount": u.guaranteeAmountEdit,
                "enterprise": u.enterpriseCheck,
                "urgent": u.urgentCheck,
            },
            parent=self,
        )
        self.drafts.restore()
        u.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("登记立案")
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        u = self.ui
        form = svc.CaseForm(
            case_number=u.caseNumberEdit.text(),
            kind=u.kindCombo.currentData(),
            applicant=u.applicantEdit.text(),
            cause=u.causeEdit.text(),
            respondent=u.respondentEdit.text(),
            respondent_id=u.respondentIdEdit.text(),
            respondent_phone=u.respondentPhoneEdit.text(),
            claim_amount=u.claimEdit.text(),
            received_at=_aware(u.receivedEdit.dateTime()),
            enterprise=u.enterpriseCheck.isChecked(),
            urgent=u.urgentCheck.isChecked(),
            applicant_guarantee_type=u.guaranteeTypeCombo.currentData(),
            applicant_guarantee_amount=u.guaranteeAmountEdit.text(),
        )
        ctx = self.ctx
        run_action(
            self,
            lambda: svc.register_case(ctx.db, ctx.actor, form, now=ctx.now()),
            errors=self.errors,
            done=self._registered,
            area="preservation",
        )

    def _registered(self, case_id: uuid.UUID) -> None:
        self.case_id = case_id
        self.drafts.discard()
        self.accept()


class GuaranteeDialog(_OnCaseDialog):
    """登记担保: a bond or cash for the respondent, on the case as its page showed it (``version``)."""

    def __init__(self, ctx: DeskContext, case_id: uuid.UUID, version: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, version, parent)
        self.ui = Ui_PreservationGuaranteeDialog()
        self.ui.setupUi(self)
        for g in GuaranteeType:
            self.ui.typeCombo.addItem(g.label, g.value)
        today = ctx.today()
        self.ui.validUntilEdit.setDate(QDate(today.year + 1, today.month, min(today.day, 28)))
        u = self.ui
        fields = {
            "guarantees.type": u.typeCombo,
            "guarantees.issuer": u.issuerEdit,
            "guarantees.amount": u.amountEdit,
            "guarantees.valid_until": u.validUntilEdit,
        }
        self._wire(u.buttonBox, FieldErrors(fields, u.errorLabel))

    def _call(self) -> object:
        u = self.ui
        q = u.validUntilEdit.date()
        form = svc.GuaranteeForm(
            case_id=self.case_id,
            version=self.version,
            type=u.typeCombo.currentData(),
            amount=u.amountEdit.text(),
            valid_until=dt.date(q.year(), q.month(), q.day()),
            issuer=u.issuerEdit.text(),
            number=u.numberEdit.text(),
            undertaking=u.undertakingCheck.isChecked(),
            credit_agreement=u.creditEdit.text(),
        )
        return svc.add_guarantee(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class AssetDialog(_OnCaseDialog):
    """登记财产: one asset of the respondent, on the case as its page showed it (``version``)."""

    def __init__(self, ctx: DeskContext, case_id: uuid.UUID, version: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, case_id, version, parent)
        self.ui = Ui_PreservationAssetDialog()
        self.ui.setupUi(self)
        for t in AssetType:
            self.ui.typeCombo.addItem(t.label, t.value)
        for k in AccountKind:
            self.ui.accountKindCombo.addItem(k.label, k.value)
        self.ui.accountKindCombo.setCurrentIndex(1)
        self.ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        u = self.ui
        fields = {
            "assets.type": u.typeCombo,
            "assets.account_kind": u.accountKindCombo,
            "assets.value": u.valueEdit,
            "code": u.numberEdit,
            "indivisible": u.indivisibleCheck,
            "disputed": u.disputedCheck,
        }
        self._wire(u.buttonBox, FieldErrors(fields, u.errorLabel))

    def _type_changed(self) -> None:
        self.ui.accountKindCombo.setEnabled(self.ui.typeCombo.currentData() == AssetType.ACCOUNT)
        # Only real estate is sealed in part (《财产保全规定》第十五条), so only it can be marked whole.
        self.ui.indivisibleCheck.setEnabled(self.ui.typeCombo.currentData() == AssetType.REAL_ESTATE)

    def _call(self) -> object:
        u = self.ui
        is_account = u.typeCombo.currentData() == AssetType.ACCOUNT
        form = svc.AssetForm(
            case_id=self.case_id,
            version=self.version,
            type=u.typeCombo.currentData(),
            account_kind=u.accountKindCombo.currentData() if is_account else None,
            value=u.valueEdit.text(),
            institution=u.institutionEdit.text(),
            number=u.numberEdit.text(),
            description=u.descriptionEdit.text(),
            in_operational_use=u.operationalCheck.isChecked(),
            protected=u.protectedCheck.isChecked(),
            protected_reason=u.protectedReasonEdit.text(),
            indivisible=u.indivisibleCheck.isChecked() and u.typeCombo.currentData() == AssetType.REAL_ESTATE,
            disputed=u.disputedCheck.isChecked(),  # released on a guarantee only with consent (第二十二条)
        )
        return svc.add_asset(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
