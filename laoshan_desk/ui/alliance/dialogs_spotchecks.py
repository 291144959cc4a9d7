"""Spot-check dialogs: a batch sampled (with the repeated-sampling warning), its result, and the
re-inspection request or a follow-up step (forms/alliance_batch_dialog.ui, _result_, _followup_).
docs/rules/alliance.md §alliance-spot-checks."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.alliance.vocabulary import FollowUpStep, SamplingLevel, SpotProduct, SpotResult
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.services.alliance import spot_lists, spotchecks
from laoshan_desk.ui.alliance.common import FormDialog, fill, optional_date, optional_day, pydate, qdate, select_data
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_alliance_batch_dialog import Ui_AllianceBatchDialog
from laoshan_desk.ui.forms.ui_alliance_followup_dialog import Ui_AllianceFollowUpDialog
from laoshan_desk.ui.forms.ui_alliance_result_dialog import Ui_AllianceResultDialog


class BatchDialog(FormDialog):
    """A batch sampled. The repeated-sampling warning shows as the clerk types; saving over it
    needs the confirmation box (the service refuses it otherwise)."""

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AllianceBatchDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill(u.productCombo, SpotProduct.choices())
        fill(u.levelCombo, SamplingLevel.choices())
        select_data(u.levelCombo, SamplingLevel.DISTRICT.value)
        plans = spotchecks.list_plans(ctx.db, ctx.actor, year=ctx.today().year)
        fill(u.planCombo, [(p.id, p.label) for p in plans], first="（不属于计划）")
        u.sampledEdit.setDate(qdate(ctx.today()))
        u.feeEdit.setPlaceholderText("监督抽查不收费，留空")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.check_repeat)
        for signal in (u.usccEdit.textChanged, u.productCombo.currentIndexChanged, u.levelCombo.currentIndexChanged):
            signal.connect(lambda *_: self._timer.start())
        u.sampledEdit.dateChanged.connect(lambda *_: self._timer.start())
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "name": u.enterpriseEdit,
                    "uscc": u.usccEdit,
                    "no_uscc_reason": u.usccEdit,
                    "product": u.productCombo,
                    "product_name": u.productNameEdit,
                    "batch_number": u.batchNumberEdit,
                    "sampled_on": u.sampledEdit,
                    "lab": u.labEdit,
                    "level": u.levelCombo,
                    "fee": u.feeEdit,
                    "confirm_repeat": u.confirmRepeatCheck,
                },
                u.errorLabel,
            ),
            "登记",
        )

    def check_repeat(self) -> str | None:
        """Ask the service whether a higher level sampled this already; show the warning."""
        u = self.ui
        warning = None
        if len(u.usccEdit.text().strip()) == 18:
            try:
                warning = spotchecks.repeat_warning(
                    self.ctx.db,
                    self.ctx.actor,
                    uscc=u.usccEdit.text(),
                    product=u.productCombo.currentData(),
                    level=u.levelCombo.currentData(),
                    sampled_on=pydate(u.sampledEdit),
                )
            except ValidationError:
                warning = None  # a half-typed code: the save says what is wrong
        u.warningLabel.setText(warning or "")
        return warning

    def _fee(self) -> Decimal | None:
        text = self.ui.feeEdit.text().strip()
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValidationError("检验费用应为数字（监督抽查不收费，请留空）", field="fee") from None

    def call(self) -> uuid.UUID:
        u = self.ui
        form = spotchecks.BatchForm(
            enterprise_name=u.enterpriseEdit.text(),
            uscc=u.usccEdit.text(),
            product=u.productCombo.currentData(),
            product_name=u.productNameEdit.text(),
            batch_number=u.batchNumberEdit.text(),
            sampled_on=pydate(u.sampledEdit),
            lab=u.labEdit.text(),
            level=u.levelCombo.currentData(),
            fee=self._fee(),
            plan_id=u.planCombo.currentData(),
            confirm_repeat=u.confirmRepeatCheck.isChecked(),
        )
        return spotchecks.record_batch(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class ResultDialog(FormDialog):
    def __init__(self, ctx: DeskContext, row: spot_lists.BatchRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.ui = Ui_AllianceResultDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.setWindowTitle(f"登记检验结果：{row.batch_number}")
        fill(u.resultCombo, [(r.value, r.label) for r in SpotResult if r is not SpotResult.PENDING])
        u.resultOnEdit.setDate(qdate(ctx.today()))
        optional_date(u.notifiedCheck, u.notifiedOnEdit, ctx.today())
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "result": u.resultCombo,
                    "result_on": u.resultOnEdit,
                    "notified_on": u.notifiedOnEdit,
                    "items_failed": u.itemsEdit,
                },
                u.errorLabel,
            ),
            "登记",
        )

    def call(self) -> None:
        u = self.ui
        form = spotchecks.ResultForm(
            self.row.id,
            u.resultCombo.currentData(),
            pydate(u.resultOnEdit),
            optional_day(u.notifiedCheck, u.notifiedOnEdit),
            u.itemsEdit.toPlainText(),
            self.row.version,
        )
        spotchecks.record_result(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())


class FollowUpDialog(FormDialog):
    """A follow-up step of a non-conforming batch; ``reinspection=True``: the enterprise's request."""

    def __init__(
        self, ctx: DeskContext, row: spot_lists.BatchRow, *, reinspection: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.row, self.reinspection = row, reinspection
        self.ui = Ui_AllianceFollowUpDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill(u.stepCombo, FollowUpStep.choices())
        u.onEdit.setDate(qdate(ctx.today()))
        if reinspection:
            self.setWindowTitle(f"企业申请复检：{row.batch_number}（{row.reinspection_text}）")
            for w in (u.stepCombo, u.noteEdit):
                w.hide()
                getattr(u, f"{w.objectName()}Label").hide()
            u.onEditLabel.setText("申请日期")
        else:
            self.setWindowTitle(f"不合格批次处置：{row.batch_number}")
        self.wire(
            u.buttonBox,
            FieldErrors(
                {"step": u.stepCombo, "on": u.onEdit, "requested_on": u.onEdit, "note": u.noteEdit}, u.errorLabel
            ),
            "登记",
        )

    def call(self) -> None:
        u = self.ui
        if self.reinspection:
            form = spotchecks.ReinspectionForm(self.row.id, pydate(u.onEdit), self.row.version)
            spotchecks.request_reinspection(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
            return
        step = spotchecks.FollowUpForm(
            self.row.id, u.stepCombo.currentData(), pydate(u.onEdit), u.noteEdit.toPlainText(), self.row.version
        )
        spotchecks.add_followup(self.ctx.db, self.ctx.actor, step, now=self.ctx.now())
