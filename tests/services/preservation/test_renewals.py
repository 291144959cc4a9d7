"""Renewals by the law: a late application (《财产保全规定》第十八条) and the one overdue light."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from sqlalchemy import select

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import preservation as svc
from laoshan_desk.store.models.preservation import PresRenewal
from tests.services.preservation.builders import _register, add_asset, decide, ref, shown


def _executed(db, admin, now):  # type: ignore[no-untyped-def]
    """A case whose general account is frozen on 2026-11-25: the term ends 2027-11-25 and the
    renewal must be applied for by 2027-11-18 (seven days before)."""
    case_id = _register(db, admin, now)
    add_asset(db, admin, case_id, now, code="G", type="account", account_kind="general", value="5000000")
    svc.propose(db, admin, ref(db, admin, case_id), now=now)
    decide(db, admin, case_id, "grant", "申请符合法律规定", now)
    svc.record_measures(db, admin, svc.MeasuresForm(case_id, shown(db, admin, case_id, now), now.date()), now=now)
    return case_id


def test_a_renewal_applied_for_late_goes_through_with_the_seven_day_warning(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=20)
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    assert measure.renew_apply_by == dt.date(2027, 11, 18)
    form = svc.RenewalForm(measure.id, shown(db, admin, case_id, seen), renewed_on=seen.date(), applied_on=seen.date())
    result = svc.renew_measure(db, admin, form, now=seen)
    assert result.new_expiry == dt.date(2028, 11, 20)
    assert "七日" in result.warning and "第十八条" in result.warning and "2027-11-20" in result.warning
    # Kept on the case: the measure shows it, the renewal holds the application date.
    renewed = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    assert renewed.renewal_warning == result.warning and renewed.expiry == dt.date(2028, 11, 20)
    with db.session() as session:
        stored = session.scalars(select(PresRenewal)).one()
        assert (stored.applied_on, stored.late_warning) == (dt.date(2027, 11, 20), result.warning)


def test_a_renewal_applied_for_in_time_has_no_warning(db, admin, fixed_now):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=18)  # an application is never dated after today
    measure = svc.case_detail(db, admin, case_id, now=seen).measures[0]
    applied = dt.date(2027, 11, 18)  # the last day to apply is still in time
    form = svc.RenewalForm(measure.id, shown(db, admin, case_id, seen), renewed_on=applied, applied_on=applied)
    assert svc.renew_measure(db, admin, form, now=seen).warning == ""


def test_an_overdue_renewal_application_is_red_in_the_list_the_case_and_the_export(db, admin, fixed_now, tmp_path):
    case_id = _executed(db, admin, fixed_now)
    seen = fixed_now.replace(year=2027, month=11, day=20)  # two days after the application deadline
    detail = svc.case_detail(db, admin, case_id, now=seen)
    assert detail.measures[0].light is Light.RED
    assert detail.light is Light.RED
    row = svc.list_cases(db, admin, now=seen)[0]
    assert row.light is Light.RED and "续行申请已逾期" in row.light_text
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=seen)
    ws = load_workbook(path)["保全案件清单"]
    header = [c.value for c in ws[2]]  # row 1 is the title row naming the filter
    line = {h: c for h, c in zip(header, ws[3], strict=True)}
    assert line["提醒"].value == Light.RED.label and "续行申请已逾期" in line["提醒事项"].value
    assert line["提醒"].fill.fgColor.rgb.endswith("FCE4D6")
