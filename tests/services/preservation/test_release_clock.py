"""The applicant's application to release starts the five-day clock for the release ruling
(《财产保全规定》第二十三条: 收到解除保全申请后，应当在五日内裁定解除保全)."""

from __future__ import annotations

import datetime as dt

from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.timeutil import end_of_day
from laoshan_desk.services import preservation as svc
from tests.services.preservation.builders import shown
from tests.services.preservation.test_renewals import _executed


def test_the_release_ruling_is_due_five_days_after_the_application(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    applied = svc.ReleaseApplicationForm(case_id, shown(db, admin, case_id), fixed_now)
    svc.record_release_application(db, admin, applied, now=fixed_now)
    clock = next(c for c in svc.case_detail(db, admin, case_id, now=fixed_now).clocks if c.label.startswith("解除"))
    assert clock.due == end_of_day(dt.date(2026, 11, 30)) and "第二十三条" in clock.basis
    late = fixed_now + dt.timedelta(days=6)
    assert svc.case_detail(db, admin, case_id, now=late).light is Light.RED
    assert "解除裁定" in svc.list_cases(db, admin, now=late)[0].light_text
    release = svc.ReleaseForm(case_id, shown(db, admin, case_id, late), "application", "申请人申请解除")
    svc.release_all(db, admin, release, now=late)
    clock = next(c for c in svc.case_detail(db, admin, case_id, now=late).clocks if c.label.startswith("解除"))
    assert clock.done_at == late and clock.light is Light.RED  # ruled, but late: it stays red
