"""建议调休（待确认） on the admin's calendar page (issue 9; 全国年节及纪念日放假办法 art. 6): the
proposed in-lieu days of the provisional year (2027 on 2026-11-25), confirmed with 确认所选."""

from __future__ import annotations

import datetime as dt
import os

from laoshan_desk.services import calendar as calendar_service
from laoshan_desk.ui.admin.calendar_page import CalendarPage
from tests.conftest import FIXED_NOW

FEBRUARY = (dt.date(2027, 2, 9), dt.date(2027, 2, 10))  # 春节: 2027-02-06/07 are a weekend


def _page(qtbot, ctx):
    page = CalendarPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 820)
    return page


def test_the_page_proposes_the_weekend_holidays_days_off_and_confirms_the_ticked_ones(qtbot, ctx, tmp_path):
    page = _page(qtbot, ctx)
    panel = page.in_lieu
    assert panel.year == 2027 and not panel.isHidden()
    rows = panel.model.rows()
    assert [r.day for r in rows[:2]] == list(FEBRUARY)
    assert len(panel.model.checked_rows()) == len(rows)  # all ticked: none entered yet
    assert "建议调休（待确认）" in panel.title.text()
    for i, row in enumerate(rows):
        if row.day not in FEBRUARY:
            panel.model.set_checked(i, False)
    panel.confirm_button.click()
    cal = calendar_service.work_calendar(ctx.db)
    assert not cal.is_workday(FEBRUARY[0]) and not cal.is_workday(FEBRUARY[1])
    assert cal.is_workday(dt.date(2027, 5, 3))  # not ticked: still worked
    assert "已录入 2 个补假日" in panel.result_label.text()
    entered = {r.day for r in panel.model.rows() if r.entered}
    assert entered == set(FEBRUARY)
    assert panel.model.cell_text(0, 4) == "已录入"
    assert {o.day for o in page.model.rows()} == set(FEBRUARY)  # the page's own list was redrawn
    shot = os.environ.get("LAOSHAN_SHOT_DIR")
    page.grab().save(str(tmp_path / "in_lieu.png") if not shot else os.path.join(shot, "calendar_in_lieu.png"))


def test_nothing_ticked_says_so_beside_the_list_and_changes_nothing(qtbot, ctx):
    panel = _page(qtbot, ctx).in_lieu
    for i in range(panel.model.total()):
        panel.model.set_checked(i, False)
    panel.confirm_button.click()
    assert "请至少选择一个建议补假日" in panel.errors.message_for("days")
    assert calendar_service.list_overrides(ctx.db, 2027) == []


def test_no_provisional_year_hides_the_list(qtbot, ctx):
    calendar_service.confirm_year(ctx.db, ctx.actor, calendar_service.YearConfirmation(2027), now=FIXED_NOW)
    page = _page(qtbot, ctx)
    assert page.in_lieu.year is None and page.in_lieu.isHidden()


def test_the_proposal_heading_wraps_instead_of_being_clipped(qtbot, ctx):
    page = _page(qtbot, ctx)
    title = page.in_lieu.title
    assert title.wordWrap() and "第六条" in title.text()
