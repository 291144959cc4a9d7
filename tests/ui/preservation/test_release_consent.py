"""担保与解除 and the disputed property: the release form's 申请保全人同意 with its note; without it the
judge's release is refused beside the box with 《财产保全规定》第二十二条 as it reads."""

from __future__ import annotations

from PySide6.QtCore import Qt

from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.test_release_consent import ART_22_SECOND, _executed


def test_the_release_form_asks_for_the_applicants_consent(qtbot, ctx, tmp_path):
    case_id = _executed(ctx.db, ctx.actor, ctx.now(), vehicle=False)
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    step = tab.case_page.release
    assert not step.consent_box.isHidden()
    assert ART_22_SECOND in step.release_preview.text()

    qtbot.mouseClick(step.release_button, Qt.MouseButton.LeftButton)
    assert ART_22_SECOND in step.consent_errors.message_for("applicant_consent")
    assert svc.case_detail(ctx.db, ctx.actor, case_id, now=ctx.now()).releases == ()
    step.resize(1100, 560)
    step.grab().save(str(tmp_path / "release-step.png"))  # looked at: the refusal under the box

    step.consent_check.setChecked(True)
    qtbot.mouseClick(step.release_button, Qt.MouseButton.LeftButton)
    assert "同意的方式和日期" in step.consent_errors.message_for("consent_note")
    assert step.consent_check.isChecked()  # the form keeps what was typed

    step.consent_note.insert("申请保全人2026年11月24日书面同意")
    qtbot.mouseClick(step.release_button, Qt.MouseButton.LeftButton)
    releases = svc.case_detail(ctx.db, ctx.actor, case_id, now=ctx.now()).releases
    assert len(releases) == 1 and "申请保全人2026年11月24日书面同意" in releases[0].note


def test_no_consent_row_when_no_asset_is_the_disputed_property(qtbot, ctx):
    from tests.services.preservation.test_renewals import _executed as plain_executed

    case_id = plain_executed(ctx.db, ctx.actor, ctx.now())
    tab = PreservationTab(ctx)
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    assert tab.case_page.release.consent_box.isHidden()
