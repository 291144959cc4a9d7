"""The day of a release or renewal application, as the clerk enters it (today by default, or an
earlier day): never after today nor before the measure was taken; the five-day clock of 第二十三条
and the seven-day warning of 第十八条 run from that day."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import end_of_day
from laoshan_desk.services import preservation as svc
from laoshan_desk.store.models.preservation import PresRenewal
from tests.services.preservation.builders import shown
from tests.services.preservation.test_renewals import _executed


def _renewals(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(PresRenewal)) or 0)


def _release_clock(db, admin, case_id, now):  # type: ignore[no-untyped-def]
    return next((c for c in svc.case_detail(db, admin, case_id, now=now).clocks if c.label.startswith("解除")), None)


def test_a_renewal_applied_for_on_an_earlier_day_is_judged_from_that_day(db, admin, fixed_now):
    """Frozen 2026-11-25: the term ends 2027-11-25, the application is due by 2027-11-18. Renewed
    on 11-20, the application came in on 11-17: in time, no warning; the renewal keeps 11-17."""
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=20)
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    applied = dt.date(2027, 11, 17)
    form = svc.RenewalForm(measure.id, shown(db, admin, case_id, seen), renewed_on=seen.date(), applied_on=applied)
    assert svc.renew_measure(db, admin, form, now=seen).warning == ""
    with db.session() as session:
        assert session.scalars(select(PresRenewal.applied_on)).one() == applied
    assert svc.case_detail(db, admin, case_id, now=seen).measures[0].renewal_warning == ""


@pytest.mark.parametrize(
    "applied, words",
    [
        (dt.date(2027, 11, 21), "续行申请日期不能晚于今天"),  # tomorrow
        (dt.date(2026, 11, 24), "续行申请日期不能早于采取该措施的日期（2026-11-25）"),
    ],
)
def test_a_renewal_application_dated_tomorrow_or_before_the_measure_is_refused(db, admin, fixed_now, applied, words):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=20)
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    form = svc.RenewalForm(measure.id, shown(db, admin, case_id, seen), renewed_on=seen.date(), applied_on=applied)
    with pytest.raises(ValidationError) as refused:
        svc.renew_measure(db, admin, form, now=seen)
    assert refused.value.field == "applied_on" and refused.value.message == words
    assert _renewals(db) == 0
    assert svc.case_detail(db, admin, case_id, now=seen).measures[0].expiry == dt.date(2027, 11, 25)


def test_a_release_application_entered_the_next_day_starts_the_clock_on_its_day(db, admin, fixed_now):
    """Executed on 2026-11-25; the application came in on 11-26 and is entered on 11-27: the
    release ruling is due five days after 11-26, by the end of 12-01 (not of 12-02)."""
    case_id = _executed(db, admin, fixed_now)
    later = fixed_now + dt.timedelta(days=2)
    form = svc.ReleaseApplicationForm(case_id, shown(db, admin, case_id, later), dt.date(2026, 11, 26))
    svc.record_release_application(db, admin, form, now=later)
    clock = _release_clock(db, admin, case_id, later)
    assert clock is not None and clock.due == end_of_day(dt.date(2026, 12, 1))
    assert clock.start.date() == dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    "applied, words",
    [
        (dt.date(2026, 11, 28), "解除保全申请日期不能晚于今天"),
        (dt.date(2026, 11, 24), "解除保全申请日期不能早于采取保全措施的日期（2026-11-25）"),
    ],
)
def test_a_release_application_dated_tomorrow_or_before_the_measures_is_refused(db, admin, fixed_now, applied, words):
    case_id = _executed(db, admin, fixed_now)
    later = fixed_now + dt.timedelta(days=2)
    form = svc.ReleaseApplicationForm(case_id, shown(db, admin, case_id, later), applied)
    with pytest.raises(ValidationError) as refused:
        svc.record_release_application(db, admin, form, now=later)
    assert refused.value.field == "applied_on" and refused.value.message == words
    assert _release_clock(db, admin, case_id, later) is None  # nothing stored
