"""A clerk's day in the appeals tab, driven as a clerk would: the detail offers only what the
status allows, each input empty until chosen; each clock has its own light; a stale screen is
refused and keeps what was typed; the outbox says when no SMS gateway is configured."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals import sms
from laoshan_desk.services.context import system_actor
from laoshan_desk.ui.appeals.detail import NO_DATE, AppealDetailDialog
from laoshan_desk.ui.appeals.tab import AppealsTab
from laoshan_desk.ui.context import DeskContext
from tests.conftest import FIXED_NOW


def version(db, appeal_id):  # type: ignore[no-untyped-def]
    return svc.detail(db, system_actor("test"), appeal_id, now=FIXED_NOW).version


@pytest.fixture
def appeal(ctx):  # type: ignore[no-untyped-def]
    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]
    form = svc.IntakeForm(
        kind="livelihood",
        channel="phone",
        appellant="张三",
        phone="13805321234",
        content="小区门口垃圾桶满溢多日无人清运，异味严重",
        street_id=street.id,
        community_id=comm.id,
        received_at=FIXED_NOW - dt.timedelta(hours=5),  # the 4-hour response limit has passed
    )
    ref = svc.intake(ctx.db, ctx.actor, form, now=FIXED_NOW)
    return ref, street, comm


def visible(dialog, *names):  # type: ignore[no-untyped-def]
    return [dialog.input_labels[n].isVisibleTo(dialog) for n in names]


def test_the_detail_offers_only_what_the_status_allows_each_input_empty(qtbot, ctx, appeal):
    ref, street, comm = appeal
    dialog = AppealDetailDialog(ctx, ref.id)
    qtbot.addWidget(dialog)
    assert set(dialog.action_buttons) >= {"dispatch", "merge"} and "visit" not in dialog.action_buttons
    assert visible(dialog, "visit", "suspend", "extend") == [False, False, False]
    assert not dialog.visit_result.isVisibleTo(dialog) and not dialog.until.isVisibleTo(dialog)
    assert dialog.proxy_service.currentData() is None and dialog.proxy_service.currentText() == "请选择帮代办事项"
    dialog.action_buttons["proxy"].click()
    assert "帮代办事项" in dialog.errors.message_for("service")  # nothing chosen: nothing recorded
    assert svc.proxy_tasks(ctx.db, ctx.actor, appeal_id=ref.id, state=None) == []

    svc.dispatch(
        ctx.db, ctx.actor, svc.DispatchForm(ref.id, version(ctx.db, ref.id), "community", comm.id), now=FIXED_NOW
    )
    svc.respond(ctx.db, ctx.actor, svc.NoteForm(ref.id, version(ctx.db, ref.id)), now=FIXED_NOW)
    dialog.refresh()
    assert visible(dialog, "visit", "suspend", "extend") == [False, True, True]
    assert dialog.suspend_kind.currentData() is None and dialog.until.date() == NO_DATE
    assert dialog.until.text() == "请选择日期"
    dialog.note.setText("等待诉求人提供照片")
    dialog.action_buttons["suspend"].click()
    assert "挂起原因类别" in dialog.errors.message_for("reason_kind") and dialog.d.status == "responded"
    assert dialog.note.text() == "等待诉求人提供照片"  # the form keeps what was typed
    dialog.action_buttons["extend"].click()
    assert "延期" in dialog.errors.message_for("until")
    assert svc.detail(ctx.db, ctx.actor, ref.id, now=FIXED_NOW).extensions == ()

    dialog.note.setText("已清运")
    dialog.action_buttons["finish"].click()
    assert dialog.d.status == "finished"
    assert visible(dialog, "visit", "suspend", "extend") == [True, False, False]
    assert dialog.visit_result.currentData() is None and not dialog.reopen.isChecked()
    dialog.action_buttons["visit"].click()
    assert "回访结果" in dialog.errors.message_for("result") and dialog.d.status == "finished"
    dialog.visit_result.setCurrentIndex(dialog.visit_result.findData("basic"))
    dialog.action_buttons["visit"].click()
    assert dialog.d.status == "visited" and dialog.d.satisfaction == "basic"


def test_each_clock_has_its_own_light_in_the_header(qtbot, ctx, appeal):
    ref, _, _ = appeal
    dialog = AppealDetailDialog(ctx, ref.id)
    qtbot.addWidget(dialog)
    text = dialog.header.text()
    response, completion = text.split("办结")
    assert "响应" in response and Light.RED.rgb in response and "超时" in response
    assert Light.RED.rgb not in completion and "剩余" in completion and Light.GREEN.rgb in completion


def test_a_stale_reassignment_is_refused_and_keeps_the_other_clerks_unit(qtbot, ctx, appeal, make_user):
    ref, street, comm = appeal
    svc.dispatch(
        ctx.db, ctx.actor, svc.DispatchForm(ref.id, version(ctx.db, ref.id), "community", comm.id), now=FIXED_NOW
    )
    first = AppealDetailDialog(ctx, ref.id)
    other_ctx = DeskContext(db=ctx.db, actor=make_user(Role.WINDOW_CLERK), clock=lambda: FIXED_NOW)
    second = AppealDetailDialog(other_ctx, ref.id)
    for d in (first, second):
        qtbot.addWidget(d)
    # The second clerk reassigns to the street office.
    second.run("reassign")
    dd = second.sub_dialog
    dd.ui.levelCombo.setCurrentIndex(dd.ui.levelCombo.findData("street"))
    dd.ui.unitCombo.setCurrentIndex(dd.ui.unitCombo.findText(street.name))
    dd.ui.noteEdit.setText("属街道职责")
    dd.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert second.d.unit_name == street.name
    # The first clerk's screen still shows the community: its reassignment is refused.
    first.run("reassign")
    dd = first.sub_dialog
    dd.ui.levelCombo.setCurrentIndex(dd.ui.levelCombo.findData("community"))
    dd.ui.unitCombo.setCurrentIndex(dd.ui.unitCombo.findText(comm.name))
    dd.ui.noteEdit.setText("改回社区")
    dd.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "已被他人修改" in dd.errors.fallback.text()
    assert dd.ui.noteEdit.text() == "改回社区" and dd.result() != dd.DialogCode.Accepted
    assert svc.detail(ctx.db, ctx.actor, ref.id, now=FIXED_NOW).unit_name == street.name
    # A stale step from the detail itself: the note stays typed.
    first.note.setText("已联系诉求人")
    first.action_buttons["respond"].click()
    assert "已被他人修改" in first.error.text() and first.note.text() == "已联系诉求人"


def test_the_outbox_says_when_no_gateway_is_configured(qtbot, ctx, appeal):
    ref, _, comm = appeal
    db, actor = ctx.db, ctx.actor
    svc.dispatch(db, actor, svc.DispatchForm(ref.id, version(db, ref.id), "community", comm.id), now=FIXED_NOW)
    svc.respond(db, actor, svc.NoteForm(ref.id, version(db, ref.id)), now=FIXED_NOW)
    svc.finish(db, actor, svc.FinishForm(ref.id, version(db, ref.id), "已清运"), now=FIXED_NOW)
    sms.set_gateway(None)
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    report = tab.outbox.send_now()
    assert not report.configured
    assert "未配置短信通道，已记录" in tab.outbox.info.text()
    cell = tab.outbox.model.data(tab.outbox.model.index(0, 3))
    assert cell == "未配置短信通道，已记录" and cell != "已发送"
