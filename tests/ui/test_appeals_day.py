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
from tests.ui.counts import counted, tab_counted


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


def test_the_1280_by_800_window_shows_every_countdown_column(qtbot, ctx, appeal):
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    view = tab.queue.view
    headers = [c.header for c in tab.queue.columns]
    for name in ("灯", "诉求编号", "响应倒计时", "办结倒计时", "办结时限"):
        i = headers.index(name)
        assert view.columnViewportPosition(i) + view.columnWidth(i) <= view.viewport().width(), name


def test_the_queue_loads_once_on_opening_and_counts_once(qtbot, ctx, appeal, monkeypatch):
    from laoshan_desk.services.appeals import queue

    calls = {"page": 0, "count": 0, "tab_counts": 0}
    for name in calls:
        original = getattr(queue, name)

        def tallied(*args, _name=name, _original=original, **kw):  # type: ignore[no-untyped-def]
            calls[_name] += 1
            return _original(*args, **kw)

        monkeypatch.setattr(queue, name, tallied)
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    assert counted(qtbot, tab.queue.model) == 1 and tab_counted(qtbot, tab)["open"] == 1
    # One page and one total for the list; tab_counts' own counts are the tab's numbers.
    assert calls["page"] == 1 and calls["tab_counts"] == 1
    assert calls["count"] == 1 + 4 - (0 if ctx.actor.unit_id else 1)


def test_lists_reload_on_the_action_bus(qtbot, ctx, appeal):
    from laoshan_desk.ui.common.actions import action_bus

    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    assert counted(qtbot, tab.queue.model) == 1
    street = org.units(ctx.db, "street")[0]
    svc.intake(
        ctx.db,
        ctx.actor,
        svc.IntakeForm(kind="livelihood", channel="counter", content="另一台窗口受理的诉求内容", street_id=street.id),
        now=FIXED_NOW,
    )
    assert tab.queue.model.total() == 1  # nothing told the screen yet
    action_bus().changed.emit("")  # F5, or another screen's action
    qtbot.waitUntil(lambda: tab.queue.model.total() == 2)
    assert "未办结 2" in tab.tabs.tabText(0)


def test_a_street_clerks_street_filter_offers_its_own_street_only(qtbot, db, make_user, fixed_now):
    street = org.units(db, "street")[2]
    clerk = make_user(Role.STREET_CLERK, unit_id=street.id)
    tab = AppealsTab(DeskContext(db=db, actor=clerk, clock=lambda: fixed_now))
    qtbot.addWidget(tab)
    combo = tab.queue.street
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部可见", street.name]


def test_counting_actions_run_off_the_gui_thread(qtbot, ctx, appeal, monkeypatch, tmp_path):
    """Dashboard, hot spots, the brief, the ledger export and the import run in a worker thread
    (the GUI thread only draws their results)."""
    import threading

    from laoshan_desk.services.appeals import hotspots, stats

    main = threading.current_thread()
    seen: dict[str, bool] = {}

    def spy(module, name):  # type: ignore[no-untyped-def]
        original = getattr(module, name)

        def wrapped(*args, **kw):  # type: ignore[no-untyped-def]
            seen[name] = threading.current_thread() is not main
            return original(*args, **kw)

        monkeypatch.setattr(module, name, wrapped)

    spy(stats, "dashboard")
    spy(hotspots, "hot_spots")
    tab = AppealsTab(ctx)
    qtbot.addWidget(tab)
    tab.tabs.setCurrentWidget(tab.dashboard)
    qtbot.waitUntil(lambda: tab.dashboard.job is not None and tab.dashboard.job.finished, timeout=20_000)
    tab.tabs.setCurrentWidget(tab.hotspots)
    qtbot.waitUntil(lambda: tab.hotspots.spots is not None, timeout=20_000)
    tab.start_export(tmp_path / "ledger.xlsx")
    qtbot.waitUntil(lambda: not tab.busy, timeout=20_000)
    assert seen == {"dashboard": True, "hot_spots": True}
    assert tab.status.text().startswith("已导出")
