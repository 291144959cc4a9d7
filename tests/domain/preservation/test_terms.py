"""Freeze and seizure terms: their lengths, the leap day, reminders and lights."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation import expiry_light, expiry_note, freeze_term, late_renewal_warning, term_light

# -- terms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("asset_type", "years"),
    [
        ("account", 1),
        ("vehicle", 2),
        ("equipment", 2),
        ("inventory", 2),
        ("real_estate", 3),
        ("equity", 3),
        ("receivable", 3),
    ],
)
def test_freeze_term_lengths(asset_type, years) -> None:
    term = freeze_term(asset_type, dt.date(2023, 3, 1))
    assert term.years == years
    assert term.expiry == dt.date(2023 + years, 3, 1)
    assert term.reminder_on == term.expiry - dt.timedelta(days=30)
    assert term.renew_apply_by == term.expiry - dt.timedelta(days=7)


def test_freeze_term_leap_day_and_limits() -> None:
    assert freeze_term("account", dt.date(2024, 2, 29)).expiry == dt.date(2025, 2, 28)
    assert freeze_term("real_estate", dt.date(2023, 1, 1), years=1).expiry == dt.date(2024, 1, 1)
    with pytest.raises(ValidationError):
        freeze_term("account", dt.date(2023, 1, 1), years=2)


def test_term_light() -> None:
    term = freeze_term("account", dt.date(2023, 3, 1), reminder_days=30)
    assert term_light(term, dt.date(2024, 1, 30)) is Light.GREEN
    assert term_light(term, dt.date(2024, 1, 31)) is Light.YELLOW
    assert term.light(dt.date(2024, 2, 23)) is Light.YELLOW  # the last day to apply for renewal
    assert term.light(dt.date(2024, 2, 24)) is Light.RED  # the application is overdue (第十八条)
    assert term.light(dt.date(2024, 3, 2)) is Light.RED
    assert term.light(dt.date(2024, 3, 2), released=True) is Light.GREY


def test_expiry_light_follows_the_reminder_setting() -> None:
    expiry = dt.date(2024, 3, 1)
    assert expiry_light(expiry, dt.date(2024, 2, 1), reminder_days=30) is Light.YELLOW
    assert expiry_light(expiry, dt.date(2024, 2, 1), reminder_days=7) is Light.GREEN
    assert expiry_light(expiry, dt.date(2024, 2, 23), reminder_days=7) is Light.YELLOW
    assert expiry_light(expiry, dt.date(2024, 2, 24), reminder_days=7) is Light.RED
    assert expiry_light(expiry, dt.date(2024, 3, 2), reminder_days=7) is Light.RED
    assert expiry_light(expiry, dt.date(2024, 3, 2), reminder_days=7, released=True) is Light.GREY


def test_a_renewal_whose_application_deadline_has_passed_is_red_overdue() -> None:
    # 续行申请截止 11-25 (seven days before the end on 12-02, 《财产保全规定》第十八条), seen on 11-27.
    expiry = dt.date(2026, 12, 2)
    assert expiry - dt.timedelta(days=7) == dt.date(2026, 11, 25)
    assert expiry_light(expiry, dt.date(2026, 11, 25), reminder_days=30) is Light.YELLOW
    assert expiry_light(expiry, dt.date(2026, 11, 27), reminder_days=30) is Light.RED
    assert expiry_note(expiry, dt.date(2026, 11, 27)) == "续行申请已逾期（截止11-25） 期限届满 2026-12-02"
    assert expiry_note(expiry, dt.date(2026, 12, 3)).startswith("期限已届满")


def test_late_renewal_warning_names_the_seven_days() -> None:
    expiry = dt.date(2026, 12, 2)
    assert late_renewal_warning(dt.date(2026, 11, 25), expiry) == ""
    warning = late_renewal_warning(dt.date(2026, 11, 26), expiry)
    assert "七日" in warning and "第十八条" in warning


def test_a_second_freeze_of_one_account_is_waiting_or_a_likely_mistake() -> None:
    # CPL art. 106 (不得重复查封、冻结) and 《财产保全规定》第十六条 (served in order).
    from decimal import Decimal

    from laoshan_desk.domain.preservation import RepeatKind, repeat_kind

    assert repeat_kind(["甲"], [Decimal("100")], Decimal("100")) is None
    assert repeat_kind(["甲", "乙"], [Decimal("40"), Decimal("60")], Decimal("100")) is RepeatKind.WITHIN_BALANCE
    assert repeat_kind(["甲", "乙"], [Decimal("100"), Decimal("100")], Decimal("100")) is RepeatKind.WAITING
    assert repeat_kind(["甲", "甲 "], [Decimal("100"), Decimal("100")], Decimal("100")) is RepeatKind.SUSPECT
