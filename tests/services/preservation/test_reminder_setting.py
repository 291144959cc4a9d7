"""The renewal reminder (管理 → 设置, 7–90 days) decides which terms are reminded, everywhere."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from laoshan_desk.domain.lights import Light
from laoshan_desk.services import preservation as svc
from laoshan_desk.services import settings
from tests.services.preservation.builders import granted_on_account


def _executed_case(db, admin, now):  # type: ignore[no-untyped-def]
    """A case whose one account freeze (1 year) was taken on ``now``."""
    return granted_on_account(
        db, admin, now, value="900000", institution="青岛银行", number="A-1", measures=True, claim_amount="100000"
    )


def test_changing_the_setting_changes_which_renewals_are_reminded(db, admin, fixed_now):
    case_id = _executed_case(db, admin, fixed_now)
    expiry = svc.case_detail(db, admin, case_id, now=fixed_now).measures[0].expiry
    day = fixed_now + dt.timedelta(days=(expiry - fixed_now.date()).days - 20)  # 20 days before the end
    party = svc.list_respondents(db, admin)[0].id
    attention = svc.CaseFilter(attention=True)

    # The default, 30 days: reminded everywhere.
    detail = svc.case_detail(db, admin, case_id, now=day)
    assert detail.reminder_days == 30 and detail.measures[0].light is Light.YELLOW
    assert detail.measures[0].reminder_on == expiry - dt.timedelta(days=30)
    assert svc.list_cases(db, admin, now=day)[0].light is Light.YELLOW
    assert svc.count_cases(db, admin, attention, today=day.date()) == 1
    assert svc.statistics(db, admin, now=day).renewals_due == 1
    assert len(svc.respondent_exposure(db, admin, party, now=day).renewals_due) == 1

    # Seven days: twenty days before the end is not yet a reminder.
    settings.update(db, admin, settings.Settings(renewal_reminder_days=7), now=fixed_now)
    detail = svc.case_detail(db, admin, case_id, now=day)
    assert detail.reminder_days == 7 and detail.measures[0].light is Light.GREEN
    assert svc.list_cases(db, admin, now=day)[0].light is Light.GREEN
    assert svc.count_cases(db, admin, attention, today=day.date()) == 0
    assert svc.statistics(db, admin, now=day).renewals_due == 0
    exposure = svc.respondent_exposure(db, admin, party, now=day)
    assert exposure.renewals_due == () and exposure.accounts[0].light is Light.GREEN
    assert svc.reminder_days(db, admin) == 7

    # …and a week before the end it is (the last day to apply for renewal, 第十八条)…
    week_before = day + dt.timedelta(days=13)
    assert svc.case_detail(db, admin, case_id, now=week_before).measures[0].light is Light.YELLOW
    assert svc.statistics(db, admin, now=week_before).renewals_due == 1
    # …and the day after, the application is overdue: red, whatever the setting.
    overdue = week_before + dt.timedelta(days=1)
    assert svc.case_detail(db, admin, case_id, now=overdue).measures[0].light is Light.RED


def test_the_export_names_the_window_it_counted(db, admin, fixed_now, tmp_path):
    _executed_case(db, admin, fixed_now)
    settings.update(db, admin, settings.Settings(renewal_reminder_days=45), now=fixed_now)
    path = svc.export_cases(db, admin, tmp_path / "cases.xlsx", now=fixed_now)
    labels = [r[0].value for r in load_workbook(path)["统计"].iter_rows(min_row=2)]
    assert "45日内到期待续行" in labels and "30日内到期待续行" not in labels
