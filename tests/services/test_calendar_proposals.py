"""The admin confirms proposed in-lieu days (全国年节及纪念日放假办法 art. 6) as days off: one
transaction, each day an override with its audit record, one record of the confirmation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from laoshan_desk.domain.errors import PermissionDenied, ValidationError
from laoshan_desk.domain.roles import Role
from laoshan_desk.services import audit, calendar
from laoshan_desk.services.calendar_proposals import InLieuConfirmation, confirm_in_lieu, in_lieu_proposals
from tests.conftest import FIXED_NOW

LABOUR = (dt.date(2027, 5, 3), dt.date(2027, 5, 4))  # 2027-05-01/02 are a Saturday and a Sunday


def test_confirmed_days_become_days_off_and_the_others_stay_worked(db, admin):
    rows = {r.day: r for r in in_lieu_proposals(db, admin, 2027)}
    assert set(LABOUR) <= set(rows) and not any(r.entered for r in rows.values())
    result = confirm_in_lieu(db, admin, InLieuConfirmation(2027, (LABOUR[1], LABOUR[0], LABOUR[0])), now=FIXED_NOW)
    assert result.days == LABOUR
    cal = calendar.work_calendar(db)
    assert not cal.is_workday(LABOUR[0]) and not cal.is_workday(LABOUR[1])
    assert cal.is_workday(dt.date(2027, 10, 4))  # proposed, not chosen: still worked
    notes = {o.day: o.note for o in calendar.list_overrides(db, 2027)}
    assert set(notes) == set(LABOUR) and all("劳动节" in n and "第六条" in n for n in notes.values())
    entered = {r.day for r in in_lieu_proposals(db, admin, 2027) if r.entered}
    assert entered == set(LABOUR)
    records, _ = audit.page(db, admin, limit=3)
    assert [r.entity for r in records].count("calendar_override") == 2
    assert [r.entity for r in records].count("calendar_in_lieu") == 1


def test_a_day_not_proposed_refuses_the_whole_confirmation(db, admin):
    form = InLieuConfirmation(2027, (LABOUR[0], dt.date(2027, 5, 5)))
    with pytest.raises(ValidationError) as err:
        confirm_in_lieu(db, admin, form, now=FIXED_NOW)
    assert err.value.field == "days" and "2027-05-05" in err.value.message
    assert calendar.list_overrides(db, 2027) == []  # not even the good day
    with pytest.raises(ValidationError):
        confirm_in_lieu(db, admin, dataclasses.replace(form, days=()), now=FIXED_NOW)


def test_a_published_or_confirmed_year_gets_no_proposal(db, admin):
    with pytest.raises(ValidationError) as err:
        in_lieu_proposals(db, admin, 2026)
    assert err.value.field == "year"
    calendar.confirm_year(db, admin, calendar.YearConfirmation(2027), now=FIXED_NOW)
    with pytest.raises(ValidationError):
        confirm_in_lieu(db, admin, InLieuConfirmation(2027, LABOUR), now=FIXED_NOW)


def test_only_the_admin_confirms(db, make_user):
    clerk = make_user(Role.WINDOW_CLERK)
    with pytest.raises(PermissionDenied):
        in_lieu_proposals(db, clerk, 2027)
    with pytest.raises(PermissionDenied):
        confirm_in_lieu(db, clerk, InLieuConfirmation(2027, LABOUR), now=FIXED_NOW)
