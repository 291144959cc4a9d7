"""The clerk enters the day an application came in (a date field, today by default): a day that
cannot be is refused beside the field with the date kept; an earlier day is what the clock and
the 第十八条 warning go by."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from laoshan_desk.domain.timeutil import end_of_day
from laoshan_desk.services import preservation as svc
from laoshan_desk.ui.common.dates import pydate, qdate
from laoshan_desk.ui.context import DeskContext
from laoshan_desk.ui.preservation.tab import PreservationTab
from tests.services.preservation.test_renewals import _executed


def _page(qtbot, db, admin, case_id, now):  # type: ignore[no-untyped-def]
    tab = PreservationTab(DeskContext(db=db, actor=admin, clock=lambda: now))
    qtbot.addWidget(tab)
    tab.open_case(case_id)
    return tab.case_page


def test_the_release_application_takes_the_day_entered(qtbot, db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)  # measures taken 2026-11-25
    later = fixed_now + dt.timedelta(days=2)  # entered on 11-27
    page = _page(qtbot, db, admin, case_id, later)
    step = page.release
    assert pydate(step.application_date.date()) == later.date()  # today by default
    step.application_date.setDate(qdate(dt.date(2026, 11, 24)))
    qtbot.mouseClick(step.application_button, Qt.MouseButton.LeftButton)
    assert "不能早于采取保全措施的日期（2026-11-25）" in step.application_errors.message_for("applied_on")
    assert pydate(step.application_date.date()) == dt.date(2026, 11, 24)  # what was typed stays
    step.application_date.setDate(qdate(dt.date(2026, 11, 28)))
    qtbot.mouseClick(step.application_button, Qt.MouseButton.LeftButton)
    assert "不能晚于今天" in step.application_errors.message_for("applied_on")
    step.application_date.setDate(qdate(dt.date(2026, 11, 26)))  # yesterday's application
    qtbot.mouseClick(step.application_button, Qt.MouseButton.LeftButton)
    assert step.application_errors.message_for("applied_on") == ""
    clock = next(c for c in page.measures.clocks.rows() if c.label.startswith("解除"))
    assert clock.start.date() == dt.date(2026, 11, 26) and clock.due == end_of_day(dt.date(2026, 12, 1))


def test_the_renewal_application_takes_the_day_entered(qtbot, db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)  # the term ends 2027-11-25; apply by 2027-11-18
    seen = fixed_now.replace(year=2027, month=11, day=20)
    page = _page(qtbot, db, admin, case_id, seen)
    step = page.measures
    step.measures_view.selectRow(0)
    assert pydate(step.renew_applied.date()) == seen.date()  # today by default
    step.renew_applied.setDate(qdate(dt.date(2027, 11, 21)))
    qtbot.mouseClick(step.renew_button, Qt.MouseButton.LeftButton)
    assert step.renew_errors.message_for("applied_on") == "续行申请日期不能晚于今天"
    assert pydate(step.renew_applied.date()) == dt.date(2027, 11, 21)
    assert svc.case_detail(db, admin, case_id, now=seen).measures[0].renewals == 0
    step.renew_applied.setDate(qdate(dt.date(2027, 11, 17)))  # it came in three days ago, in time
    qtbot.mouseClick(step.renew_button, Qt.MouseButton.LeftButton)
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    assert measure.renewals == 1 and measure.renewal_warning == "" and step.dialog is None  # no warning
    assert step.renew_errors.message_for("applied_on") == ""
    assert pydate(step.renew_applied.date()) == seen.date()  # back to today for the next one


def test_a_renewal_applied_for_late_on_the_day_entered_is_warned(qtbot, db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=22)
    step = _page(qtbot, db, admin, case_id, seen).measures
    step.measures_view.selectRow(0)
    step.renew_applied.setDate(qdate(dt.date(2027, 11, 19)))  # one day after the last day to apply
    qtbot.mouseClick(step.renew_button, Qt.MouseButton.LeftButton)
    # A late application still renews; the warning is a box opened with open() over the step.
    box = step.dialog
    assert isinstance(box, QMessageBox) and box.isVisible() and box.icon() is QMessageBox.Icon.Warning
    assert box.windowTitle() == "续行（申请逾期）" and "2027-11-19" in box.text() and "第十八条" in box.text()
    assert svc.case_detail(db, admin, case_id, now=seen).measures[0].renewals == 1
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert step.dialog is None


def test_renewing_with_no_measure_chosen_is_said_in_a_box(qtbot, db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    step = _page(qtbot, db, admin, case_id, fixed_now).measures
    step.measures_view.setCurrentIndex(QModelIndex())  # no measure chosen
    qtbot.mouseClick(step.renew_button, Qt.MouseButton.LeftButton)
    box = step.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert (box.windowTitle(), box.text()) == ("续行", "请先在列表中选择一项保全措施。")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert step.dialog is None
    assert svc.case_detail(db, admin, case_id, now=fixed_now).measures[0].renewals == 0
