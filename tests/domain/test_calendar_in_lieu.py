"""In-lieu days off (补假), from 全国年节及纪念日放假办法 art. 6 (2024 revision): a holiday of the
whole people that falls on a Saturday or a Sunday gives a day off on a working day. The fixed-date
holidays (art. 2: 元旦 1 Jan, 劳动节 1–2 May, 国庆节 1–3 Oct) are computed here from the calendar
alone, not from the ``holidays`` package the domain reads."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.calendar import StatutoryHoliday, WorkCalendar, in_lieu_proposals

FIXED = {
    StatutoryHoliday.NEW_YEAR: [(1, 1)],
    StatutoryHoliday.LABOUR_DAY: [(5, 1), (5, 2)],
    StatutoryHoliday.NATIONAL_DAY: [(10, 1), (10, 2), (10, 3)],
}


def test_new_year_on_a_saturday_gives_the_monday_after():
    # 2028-01-01 is a Saturday.
    assert dt.date(2028, 1, 1).weekday() == 5
    new_year = [p for p in in_lieu_proposals(2028) if p.holiday is StatutoryHoliday.NEW_YEAR]
    assert [(p.day, p.instead_of) for p in new_year] == [(dt.date(2028, 1, 3), dt.date(2028, 1, 1))]
    assert new_year[0].holiday.label == "元旦"


def test_new_year_on_a_sunday_gives_the_monday_after():
    assert dt.date(2034, 1, 1).weekday() == 6
    new_year = [p for p in in_lieu_proposals(2034) if p.holiday is StatutoryHoliday.NEW_YEAR]
    assert [(p.day, p.instead_of) for p in new_year] == [(dt.date(2034, 1, 2), dt.date(2034, 1, 1))]


def test_new_year_on_a_weekday_gives_nothing():
    assert dt.date(2029, 1, 1).weekday() == 0
    assert not [p for p in in_lieu_proposals(2029) if p.holiday is StatutoryHoliday.NEW_YEAR]


@pytest.mark.parametrize("year", range(2027, 2041))
def test_every_fixed_holiday_on_a_weekend_has_exactly_one_weekday_in_lieu(year):
    proposals = in_lieu_proposals(year)
    for holiday, days in FIXED.items():
        on_weekend = [dt.date(year, m, d) for m, d in days if dt.date(year, m, d).weekday() >= 5]
        stand_ins = sorted(p.instead_of for p in proposals if p.holiday is holiday and p.instead_of)
        assert stand_ins == on_weekend, holiday
    for p in proposals:
        assert p.day.weekday() < 5, p  # a working day of the week …
        assert p.instead_of is not None and p.instead_of.weekday() >= 5 and p.instead_of < p.day
    fixed_days = {dt.date(year, m, d) for days in FIXED.values() for m, d in days}
    assert not {p.day for p in proposals} & fixed_days  # … that is not itself a holiday
    assert len({p.day for p in proposals}) == len(proposals)


def test_a_proposal_is_a_working_day_until_the_admin_enters_it():
    # The desk counts only the statutory days in a provisional year: 2028-01-03 is worked until
    # an override says otherwise (the State Council's notice may place the day elsewhere).
    assert WorkCalendar().is_workday(dt.date(2028, 1, 3))
    assert not WorkCalendar({dt.date(2028, 1, 3): False}).is_workday(dt.date(2028, 1, 3))


def test_a_weekend_day_of_two_holidays_gives_two_days_in_lieu():
    # 2039-10-02 (a Sunday) is both 中秋节 and 国庆节's second day: each gives its own day off.
    assert dt.date(2039, 10, 2).weekday() == 6
    october = [p for p in in_lieu_proposals(2039) if p.instead_of == dt.date(2039, 10, 2)]
    assert sorted(p.holiday.label for p in october) == ["中秋节", "国庆节"]
    assert len({p.day for p in october}) == 2
