"""The asset dialog: real estate can be marked indivisible (《财产保全规定》第十五条), other kinds cannot."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from laoshan_desk.domain.preservation import AssetType
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.preservation.dialogs import AssetDialog
from tests.services.preservation.builders import _register, shown


def test_the_indivisible_box_is_for_real_estate_and_is_stored(qtbot, ctx):
    now = ctx.now()
    case_id = _register(ctx.db, ctx.actor, now)
    dialog = AssetDialog(ctx, case_id, shown(ctx.db, ctx.actor, case_id, now))
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.typeCombo.setCurrentIndex(u.typeCombo.findData(AssetType.VEHICLE.value))
    assert not u.indivisibleCheck.isEnabled()
    u.typeCombo.setCurrentIndex(u.typeCombo.findData(AssetType.REAL_ESTATE.value))
    assert u.indivisibleCheck.isEnabled()
    u.indivisibleCheck.setChecked(True)
    qtbot.keyClicks(u.valueEdit, "5000000")
    u.institutionEdit.insert("青岛市不动产登记中心崂山分中心")
    u.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assets = svc.case_detail(ctx.db, ctx.actor, case_id, now=now).assets
    assert [(a.type, a.indivisible) for a in assets] == [(AssetType.REAL_ESTATE, True)]


def test_the_disputed_box_marks_the_asset_as_the_disputed_property(qtbot, ctx):
    # 《财产保全规定》第二十二条: the disputed property is released on a guarantee only with the
    # applicant's consent, so the clerk marks it when registering it (any kind of asset).
    now = ctx.now()
    case_id = _register(ctx.db, ctx.actor, now)
    dialog = AssetDialog(ctx, case_id, shown(ctx.db, ctx.actor, case_id, now))
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.typeCombo.setCurrentIndex(u.typeCombo.findData(AssetType.VEHICLE.value))
    assert u.disputedCheck.isEnabled() and not u.disputedCheck.isChecked()
    assert "申请保全人同意" in u.disputedCheck.text()
    u.disputedCheck.setChecked(True)
    qtbot.keyClicks(u.valueEdit, "300000")
    u.descriptionEdit.insert("鲁B12345货车")
    u.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assets = svc.case_detail(ctx.db, ctx.actor, case_id, now=now).assets
    assert [(a.type, a.disputed) for a in assets] == [(AssetType.VEHICLE, True)]
