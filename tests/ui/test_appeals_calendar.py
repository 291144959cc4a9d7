"""The admin's calendar page says how many appeal deadlines a change moved (docs/rules.md
§appeals-clocks), and the queue shows the moved limit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from laoshan_desk.services import appeals as svc
from laoshan_desk.services import org
from laoshan_desk.services.appeals import queue
from laoshan_desk.ui.admin.calendar_page import CalendarPage
from tests.conftest import FIXED_NOW


def test_the_calendar_page_tells_how_many_deadlines_moved(qtbot, ctx):
    street = org.units(ctx.db, "street")[0]
    comm = org.units(ctx.db, "community", parent_id=street.id)[0]
    received = dt.datetime(2026, 11, 25, 9, tzinfo=FIXED_NOW.tzinfo)  # Wed: community limit Fri 27
    form = svc.IntakeForm(
        kind="livelihood",
        channel="counter",
        content="楼道灯坏了很久没人修",
        street_id=street.id,
        community_id=comm.id,
        received_at=received,
    )
    ref = svc.intake(ctx.db, ctx.actor, form, now=FIXED_NOW)
    page = CalendarPage(ctx)
    qtbot.addWidget(page)
    page.date_edit.setDate(QDate(2026, 11, 26))
    page.kind_combo.setCurrentIndex(1)  # 放假
    page.note_edit.setText("临时停电")
    page.save_override()
    assert "1 件未办结诉求的办结时限随之变更" in page.moved_info.text()
    row = queue.page(ctx.db, ctx.actor, queue.QueueFilter(), now=FIXED_NOW)[0]
    assert row.id == ref.id and row.completion_limit == dt.date(2026, 11, 30)
    page.date_edit.setDate(QDate(2027, 1, 9))
    page.save_override()
    assert "没有诉求的办结时限因此变更" in page.moved_info.text()
