"""Member and honour dialogs (forms/alliance_member_dialog.ui, forms/alliance_honour_dialog.ui)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from laoshan_desk.domain.alliance.vocabulary import HonourLevel, Industry, LifecycleStage
from laoshan_desk.services import alliance, org
from laoshan_desk.ui.alliance.common import FormDialog, fill, optional_date, optional_day, pydate, qdate, select_data
from laoshan_desk.ui.common.errors import FieldErrors
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.forms.ui_alliance_honour_dialog import Ui_AllianceHonourDialog
from laoshan_desk.ui.forms.ui_alliance_member_dialog import Ui_AllianceMemberDialog


class MemberDialog(FormDialog):
    """Join the alliance, or edit a member (``row`` given): the enterprise, its liaison, the pledge."""

    def __init__(self, ctx: DeskContext, row: alliance.MemberRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.ui = Ui_AllianceMemberDialog()
        self.ui.setupUi(self)
        u = self.ui
        fill(u.industryCombo, Industry.choices())
        fill(u.stageCombo, LifecycleStage.choices())
        select_data(u.stageCombo, LifecycleStage.OPERATION.value)
        fill(u.streetCombo, [(s.id, s.name) for s in org.units(ctx.db, "street")], first="（未选择）")
        u.streetCombo.currentIndexChanged.connect(self._street_changed)
        fill(u.communityCombo, [], first="（未选择）")
        fill(
            u.liaisonUserCombo,
            [(o.user_id, f"{o.full_name}（{o.username}）") for o in alliance.liaison_officers(ctx.db, ctx.actor)],
            first="（不关联账户）",
        )
        u.memberSinceEdit.setDate(qdate(ctx.today()))
        optional_date(u.pledgeCheck, u.pledgeDateEdit, ctx.today())
        self.wire(
            u.buttonBox,
            FieldErrors(
                {
                    "name": u.nameEdit,
                    "uscc": u.usccEdit,
                    "no_uscc_reason": u.noUsccReasonEdit,
                    "street": u.streetCombo,
                    "community": u.communityCombo,
                    "address": u.addressEdit,
                    "industry": u.industryCombo,
                    "stage": u.stageCombo,
                    "liaison_name": u.liaisonEdit,
                    "liaison_user": u.liaisonUserCombo,
                    "liaison_phone": u.liaisonPhoneEdit,
                    "member_since": u.memberSinceEdit,
                    "pledge_signed_on": u.pledgeDateEdit,
                    "note": u.noteEdit,
                },
                u.errorLabel,
            ),
            "加入联盟" if row is None else "保存",
        )
        if row is not None:
            self.setWindowTitle(f"联盟成员：{row.name}")
            u.nameEdit.setText(row.name)
            u.usccEdit.setText(row.uscc)
            u.usccEdit.setReadOnly(True)
            u.addressEdit.setText(row.address)
            select_data(u.industryCombo, row.industry.value)
            select_data(u.stageCombo, row.stage.value)
            u.liaisonEdit.setText(row.liaison_name)
            u.liaisonPhoneEdit.setText(row.liaison_phone)
            select_data(u.liaisonUserCombo, row.liaison_user_id)
            u.memberSinceEdit.setDate(qdate(row.member_since))
            if row.pledge_signed_on:
                u.pledgeCheck.setChecked(True)
                u.pledgeDateEdit.setDate(qdate(row.pledge_signed_on))
            u.noteEdit.setPlainText(row.note)
            street = u.streetCombo.findText(row.street) if row.street else -1
            if street >= 0:
                u.streetCombo.setCurrentIndex(street)
                community = u.communityCombo.findText(row.community)
                if community >= 0:
                    u.communityCombo.setCurrentIndex(community)

    def _street_changed(self) -> None:
        street = self.ui.streetCombo.currentData()
        units = org.units(self.ctx.db, "community", parent_id=street) if street else []
        fill(self.ui.communityCombo, [(c.id, c.name) for c in units], first="（未选择）")

    def form(self) -> alliance.MemberForm:
        u = self.ui
        liaison_user: uuid.UUID | None = u.liaisonUserCombo.currentData()
        return alliance.MemberForm(
            name=u.nameEdit.text(),
            uscc=u.usccEdit.text(),
            no_uscc_reason=u.noUsccReasonEdit.text(),
            street_id=u.streetCombo.currentData(),
            community_id=u.communityCombo.currentData(),
            address=u.addressEdit.text(),
            industry=u.industryCombo.currentData(),
            stage=u.stageCombo.currentData(),
            liaison_name=u.liaisonEdit.text(),
            liaison_user_id=liaison_user,
            liaison_phone=u.liaisonPhoneEdit.text(),
            member_since=pydate(u.memberSinceEdit),
            pledge_signed_on=optional_day(u.pledgeCheck, u.pledgeDateEdit),
            note=u.noteEdit.toPlainText(),
            active=self.row.active if self.row else True,
            member_id=self.row.id if self.row else None,
            version=self.row.version if self.row else None,
        )

    def call(self) -> alliance.MemberRef:
        return alliance.save_member(self.ctx.db, self.ctx.actor, self.form(), now=self.ctx.now())


class HonourDialog(FormDialog):
    def __init__(self, ctx: DeskContext, enterprise_id: uuid.UUID, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.enterprise_id = enterprise_id
        self.ui = Ui_AllianceHonourDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"登记荣誉：{name}")
        fill(self.ui.levelCombo, HonourLevel.choices())
        self.ui.yearSpin.setRange(1949, ctx.today().year + 1)
        self.ui.yearSpin.setValue(ctx.today().year)
        self.wire(
            self.ui.buttonBox,
            FieldErrors(
                {"level": self.ui.levelCombo, "title": self.ui.titleEdit, "year": self.ui.yearSpin}, self.ui.errorLabel
            ),
            "登记",
        )

    def call(self) -> uuid.UUID:
        form = alliance.HonourForm(
            self.enterprise_id, self.ui.levelCombo.currentData(), self.ui.yearSpin.value(), self.ui.titleEdit.text()
        )
        return alliance.add_honour(self.ctx.db, self.ctx.actor, form, now=self.ctx.now())
