"""Complaint and report clocks across the 2026 National Day holiday and its make-up days, testing
time not counted, lights, request age, the 15-day re-inspection window and follow-up limits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laoshan_desk.domain.alliance.clocks import (
    ComplaintFacts,
    Pause,
    RequestThresholds,
    accept_limit,
    complaint_clock,
    countdown,
    deadline_light,
    followup_due,
    light_horizon,
    mediation_limit,
    notify_limit,
    paused_limit,
    reinspection_deadline,
    reinspection_open,
    request_age,
    request_light,
    verify_limit,
)
from laoshan_desk.domain.alliance.vocabulary import ComplaintDecision, ComplaintKind, ComplaintStatus
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import TZ

CAL = WorkCalendar()
D = dt.date


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


# -- the 2026 autumn holidays: 中秋 Fri 25 Sep, 国庆 1–7 Oct; make-up days Sun 20 Sep, Sat 10 Oct
def test_the_calendar_this_file_relies_on():
    assert not CAL.is_workday(D(2026, 9, 25))
    assert all(not CAL.is_workday(D(2026, 10, d)) for d in range(1, 8))
    assert CAL.is_workday(D(2026, 9, 20)) and CAL.is_workday(D(2026, 10, 10))


def test_acceptance_within_seven_working_days_across_national_day():
    # Received Mon 28 Sep: 29, 30 Sep, 8, 9, 10 (Saturday make-up), 12, 13 Oct.
    assert accept_limit(at(2026, 9, 28), CAL) == D(2026, 10, 13)


def test_the_day_of_receipt_is_not_counted_even_late_at_night():
    # 23:59 on Tue 29 Sep: 30 Sep, 8, 9, 10, 12, 13, 14 Oct.
    assert accept_limit(at(2026, 9, 29, 23, 59), CAL) == D(2026, 10, 14)
    # 00:30 on 30 Sep in Shanghai is still 29 Sep in UTC: the Shanghai day is the one not counted.
    utc = dt.datetime(2026, 9, 29, 16, 30, tzinfo=dt.UTC)
    assert accept_limit(utc, CAL) == accept_limit(at(2026, 9, 30, 0, 30), CAL) == D(2026, 10, 15)


def test_receipt_on_a_holiday_counts_from_the_first_working_day_after_it():
    assert accept_limit(at(2026, 10, 3), CAL) == D(2026, 10, 15)


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        accept_limit(dt.datetime(2026, 9, 28, 10), CAL)


def test_mediation_ends_after_45_working_days():
    # Accepted Fri 18 Sep 2026: the holidays (25 Sep, 1–7 Oct) are skipped, 20 Sep and 10 Oct count.
    limit = mediation_limit(D(2026, 9, 18), CAL, today=D(2026, 9, 18))
    assert CAL.workdays_between(D(2026, 9, 18), limit) == 45
    # 20 Sep (1), 21–24, 28–30 Sep, 8, 9, 10 (Saturday make-up) Oct (11) ... 23–26 Nov (42–45).
    assert limit == D(2026, 11, 26)


def test_testing_time_is_not_counted():
    base = mediation_limit(D(2026, 9, 18), CAL, today=D(2026, 12, 31))
    # Testing Mon 12 – Fri 16 Oct (5 working days) moves the end five working days later.
    tested = mediation_limit(D(2026, 9, 18), CAL, [Pause(D(2026, 10, 12), D(2026, 10, 16))], today=D(2026, 12, 31))
    assert CAL.workdays_between(base, tested) == 5
    # Overlapping periods count their shared days once.
    both = mediation_limit(
        D(2026, 9, 18),
        CAL,
        [Pause(D(2026, 10, 12), D(2026, 10, 16)), Pause(D(2026, 10, 14), D(2026, 10, 16))],
        today=D(2026, 12, 31),
    )
    assert both == tested


def test_an_open_testing_period_counts_up_to_today_and_stops_the_clock():
    pause = Pause(D(2026, 10, 12))
    limit = paused_limit(D(2026, 10, 20), [pause], CAL, today=D(2026, 10, 14))  # 12, 13, 14 Oct
    assert limit == CAL.add_workdays(D(2026, 10, 20), 3)
    facts = ComplaintFacts(
        ComplaintKind.COMPLAINT,
        at(2026, 9, 1),
        ComplaintDecision.ACCEPT,
        at(2026, 9, 3),
        pauses=(pause,),
    )
    clock = complaint_clock(facts, CAL, today=D(2026, 10, 14))
    assert clock.paused and clock.light is Light.GREY and "不计时" in clock.text


def test_a_testing_period_after_the_limit_does_not_cure_lateness():
    assert paused_limit(D(2026, 10, 13), [Pause(D(2026, 10, 20), D(2026, 10, 23))], CAL, today=D(2026, 11, 1)) == D(
        2026, 10, 13
    )


def test_a_testing_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError):
        paused_limit(D(2026, 10, 13), [Pause(D(2026, 10, 9), D(2026, 10, 8))], CAL, today=D(2026, 11, 1))


def test_report_verification_fifteen_working_days_plus_fifteen_with_approval():
    received = at(2026, 9, 28)
    plain = verify_limit(received, CAL, today=D(2026, 9, 28))
    assert CAL.workdays_between(D(2026, 9, 28), plain) == 15
    assert plain == D(2026, 10, 23)
    longer = verify_limit(received, CAL, extended=True, today=D(2026, 9, 28))
    assert CAL.workdays_between(plain, longer) == 15


def test_real_name_reporter_told_within_five_working_days_of_the_filing_decision():
    # Decided Tue 29 Sep: 30 Sep, 8, 9, 10 (make-up Saturday), 12 Oct.
    assert notify_limit(D(2026, 9, 29), CAL) == D(2026, 10, 12)


# -- one case's clock ---------------------------------------------------------------------------
def test_a_registered_complaint_runs_the_acceptance_clock():
    facts = ComplaintFacts(ComplaintKind.COMPLAINT, at(2026, 9, 28))
    clock = complaint_clock(facts, CAL, today=D(2026, 10, 12))
    assert clock.status is ComplaintStatus.REGISTERED
    assert clock.accept_limit == clock.due_on == D(2026, 10, 13)
    assert clock.light is Light.YELLOW  # the limit is the next working day
    assert clock.text == "剩余 1 个工作日" and not clock.late


def test_acceptance_decided_late_marks_the_case_late_for_good():
    facts = ComplaintFacts(
        ComplaintKind.COMPLAINT, at(2026, 9, 28), ComplaintDecision.ACCEPT, at(2026, 10, 14), finished_at=None
    )
    clock = complaint_clock(facts, CAL, today=D(2026, 10, 15))
    assert clock.status is ComplaintStatus.MEDIATING and clock.late
    assert clock.light is Light.GREEN  # mediation itself has just begun


def test_a_refused_complaint_is_finished_on_the_day_of_the_decision():
    facts = ComplaintFacts(ComplaintKind.COMPLAINT, at(2026, 9, 28), ComplaintDecision.REJECT, at(2026, 10, 9))
    clock = complaint_clock(facts, CAL, today=D(2026, 11, 1))
    assert clock.status is ComplaintStatus.FINISHED and clock.light is Light.GREY
    assert clock.text == "按期办结" and clock.due_on is None


def test_mediation_overrun_asks_for_termination():
    facts = ComplaintFacts(ComplaintKind.COMPLAINT, at(2026, 9, 16), ComplaintDecision.ACCEPT, at(2026, 9, 18))
    assert complaint_clock(facts, CAL, today=D(2026, 11, 26)).light is Light.YELLOW
    clock = complaint_clock(facts, CAL, today=D(2026, 11, 27))
    assert clock.finish_limit == D(2026, 11, 26)
    assert clock.light is Light.RED and clock.late and "终止调解" in clock.text


def test_a_report_decision_that_must_be_told_runs_the_notice_clock():
    facts = ComplaintFacts(
        ComplaintKind.REPORT, at(2026, 9, 28), ComplaintDecision.FILE, at(2026, 9, 29), real_name=True
    )
    clock = complaint_clock(facts, CAL, today=D(2026, 10, 9))
    assert clock.status is ComplaintStatus.AWAITING_NOTICE and clock.due_on == D(2026, 10, 12)
    told = complaint_clock(
        ComplaintFacts(
            ComplaintKind.REPORT,
            at(2026, 9, 28),
            ComplaintDecision.FILE,
            at(2026, 9, 29),
            real_name=True,
            notified_at=at(2026, 10, 13),
        ),
        CAL,
        today=D(2026, 10, 20),
    )
    assert told.status is ComplaintStatus.FINISHED and told.late and told.text == "超期办结"


def test_an_anonymous_report_finishes_with_its_decision():
    facts = ComplaintFacts(ComplaintKind.REPORT, at(2026, 9, 28), ComplaintDecision.NOT_FILE, at(2026, 10, 8))
    clock = complaint_clock(facts, CAL, today=D(2026, 10, 9))
    assert clock.status is ComplaintStatus.FINISHED and not clock.late


def test_a_decision_of_the_other_kind_is_refused():
    with pytest.raises(ValidationError):
        complaint_clock(
            ComplaintFacts(ComplaintKind.REPORT, at(2026, 9, 28), ComplaintDecision.ACCEPT, at(2026, 9, 29)),
            CAL,
            today=D(2026, 10, 1),
        )


# -- lights and text ----------------------------------------------------------------------------
def test_lights_turn_yellow_the_working_day_before_and_red_the_day_after():
    limit = D(2026, 10, 8)  # Thursday after the holiday
    assert deadline_light(limit, CAL, D(2026, 9, 29)) is Light.GREEN
    # On 30 Sep the next working day is 8 Oct: yellow across the whole holiday.
    assert deadline_light(limit, CAL, D(2026, 9, 30)) is Light.YELLOW
    assert deadline_light(limit, CAL, D(2026, 10, 5)) is Light.YELLOW
    assert deadline_light(limit, CAL, D(2026, 10, 8)) is Light.YELLOW
    assert deadline_light(limit, CAL, D(2026, 10, 9)) is Light.RED
    assert deadline_light(limit, CAL, D(2026, 10, 9), running=False) is Light.GREY


def test_countdown_text():
    assert countdown(D(2026, 10, 13), CAL, D(2026, 10, 8)) == "剩余 4 个工作日"
    assert countdown(D(2026, 10, 13), CAL, D(2026, 10, 13)) == "今日到期"
    assert countdown(D(2026, 10, 9), CAL, D(2026, 10, 11)) == "超期 1 个工作日"  # Sat 10 Oct is a working day
    assert countdown(D(2026, 10, 16), CAL, D(2026, 10, 17)) == "已超期"


@settings(max_examples=200, deadline=None)
@given(
    limit=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31)),
    today=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 12, 31)),
)
def test_the_light_agrees_with_the_horizon_a_sql_filter_uses(limit: dt.date, today: dt.date):
    first, horizon = light_horizon(CAL, today)
    light = deadline_light(limit, CAL, today)
    expected = Light.RED if limit < first else Light.YELLOW if limit <= horizon else Light.GREEN
    assert light is expected
    assert (light is Light.RED) == (today > limit)


@settings(max_examples=150, deadline=None)
@given(
    received=st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 12, 20)),
    start=st.integers(0, 40),
    length=st.integers(0, 20),
)
def test_testing_never_shortens_a_limit_and_adds_exactly_its_working_days(received, start, length):
    moment = received.replace(tzinfo=TZ)
    day = moment.date()
    base = mediation_limit(day, CAL, today=D(2027, 6, 1))
    pause = Pause(day + dt.timedelta(days=start), day + dt.timedelta(days=start + length))
    moved = mediation_limit(day, CAL, [pause], today=D(2027, 6, 1))
    assert moved >= base
    if pause.start <= base:
        assert CAL.workdays_between(base, moved) == CAL.workdays_in(pause.start, pause.end or pause.start)


# -- requests -----------------------------------------------------------------------------------
def test_request_age_and_light_with_thresholds():
    t = RequestThresholds(yellow_after=5, red_after=10)
    received = D(2026, 9, 28)
    assert request_age(received, CAL, D(2026, 10, 12)) == 6  # 29, 30 Sep, 8, 9, 10, 12 Oct
    assert request_light(received, CAL, D(2026, 10, 9), t) is Light.GREEN  # 4 days
    assert request_light(received, CAL, D(2026, 10, 12), t) is Light.YELLOW
    assert request_light(received, CAL, D(2026, 10, 20), t) is Light.RED  # 12 days
    assert request_light(received, CAL, D(2026, 10, 20), t, closed=True) is Light.GREY


@pytest.mark.parametrize("yellow, red", [(0, 5), (5, 5), (10, 3), (1, 251)])
def test_request_thresholds_are_checked(yellow: int, red: int):
    with pytest.raises(ValidationError):
        RequestThresholds(yellow, red)


# -- spot checks ---------------------------------------------------------------------------------
def test_reinspection_may_be_asked_within_fifteen_days_of_the_result():
    # Result received Mon 14 Sep 2026: day 15 is Tue 29 Sep, a working day.
    assert reinspection_deadline(D(2026, 9, 14), CAL) == D(2026, 9, 29)
    assert reinspection_open(D(2026, 9, 14), CAL, D(2026, 9, 29))
    assert not reinspection_open(D(2026, 9, 14), CAL, D(2026, 9, 30))
    assert not reinspection_open(D(2026, 9, 14), CAL, D(2026, 9, 13))
    assert not reinspection_open(None, CAL, D(2026, 9, 20))


def test_a_reinspection_period_ending_in_the_holiday_ends_on_the_first_working_day_after_it():
    # Received 17 Sep: day 15 is 2 Oct (National Day): the period ends Thu 8 Oct (Civil Code art. 203).
    assert reinspection_deadline(D(2026, 9, 17), CAL) == D(2026, 10, 8)
    assert reinspection_open(D(2026, 9, 17), CAL, D(2026, 10, 8))


def test_followup_limit_in_working_days():
    assert followup_due(D(2026, 9, 28), CAL, 5) == D(2026, 10, 10)
