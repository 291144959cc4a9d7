"""Freeze and seizure terms (Judicial Interpretation art. 485), renewals and their reminder lights.

Deposits 1 year, movables 2, real estate and other property rights 3; the renewal is applied for
7 days before the end (《财产保全规定》第十八条); the desk reminds ``reminder_days`` before it (an
admin setting, 30 by default). docs/rules.md §preservation-terms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.lights import Light
from laoshan_desk.domain.preservation.inputs import member
from laoshan_desk.domain.preservation.vocabulary import AssetType, RepeatKind, TermCategory

DEFAULT_REMINDER_DAYS = 30
RENEWAL_APPLICATION_DAYS = 7  # 《财产保全规定》第十八条: at least 7 days before the term ends


def term_category(asset_type: AssetType | str) -> TermCategory:
    return member(AssetType, asset_type, "assets.type", "财产类型").term_category


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 Feb: the month has no corresponding day, so its last day (art. 202)
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class FreezeTerm:
    """A freeze or seizure term (Judicial Interpretation art. 485) and its reminders.

    ``expiry`` is the term's last day: counted in years, the start day not counted, ending on
    the corresponding day (Civil Code arts. 201–202). ``renew_apply_by`` is the last day for the
    applicant's renewal application, 7 days before expiry (《财产保全规定》第十八条).
    """

    category: TermCategory
    start: dt.date
    expiry: dt.date
    reminder_on: dt.date
    renew_apply_by: dt.date
    years: int

    def light(self, today: dt.date, *, released: bool = False) -> Light:
        return term_light(self, today, released=released)

    def days_left(self, today: dt.date) -> int:
        return (self.expiry - today).days


def freeze_term(
    asset_type: AssetType | str,
    start: dt.date,
    *,
    years: int | None = None,
    reminder_days: int = DEFAULT_REMINDER_DAYS,
) -> FreezeTerm:
    """The term of a freeze or seizure begun (or renewed) on ``start``.

    Bank deposits 1 year, movables 2, real estate and other property rights (shares, claims) 3;
    ``years`` may set a shorter term but never a longer one. A renewal is a new term from the
    renewal date, within the same limits.
    """
    category = term_category(asset_type)
    if years is None:
        years = category.years
    if not 1 <= years <= category.years:
        raise ValidationError(f"{category.label}的保全期限最长{category.years}年", field="term_years")
    if reminder_days < 0:
        raise ValidationError("提醒天数不能为负数", field="reminder_days")
    expiry = _add_years(start, years)
    return FreezeTerm(
        category=category,
        start=start,
        expiry=expiry,
        reminder_on=expiry - dt.timedelta(days=reminder_days),
        renew_apply_by=expiry - dt.timedelta(days=RENEWAL_APPLICATION_DAYS),
        years=years,
    )


def term_light(term: FreezeTerm, today: dt.date, *, released: bool = False) -> Light:
    """Red once expired, yellow from the reminder day, green before; grey once released."""
    return expiry_light(term.expiry, today, reminder_days=(term.expiry - term.reminder_on).days, released=released)


def expiry_light(expiry: dt.date, today: dt.date, *, reminder_days: int, released: bool = False) -> Light:
    """The one light of a term ending on ``expiry`` (screens, the Excel export and the command
    line all use it): red, overdue, once the last day to apply for renewal — seven days before
    the end (《财产保全规定》第十八条) — has passed, and after the end; yellow within
    ``reminder_days`` of the end; green before; grey once released."""
    if released:
        return Light.GREY
    days_left = (expiry - today).days
    if days_left < RENEWAL_APPLICATION_DAYS:
        return Light.RED
    if days_left <= reminder_days:
        return Light.YELLOW
    return Light.GREEN


def expiry_note(expiry: dt.date, today: dt.date) -> str:
    """What the term's light says: ended, renewal application overdue, or when it ends."""
    apply_by = expiry - dt.timedelta(days=RENEWAL_APPLICATION_DAYS)
    if today > expiry:
        return f"期限已届满 {expiry:%Y-%m-%d}"
    if today > apply_by:
        return f"续行申请已逾期（截止{apply_by:%m-%d}） 期限届满 {expiry:%Y-%m-%d}"
    return f"期限届满 {expiry:%Y-%m-%d}"


def late_renewal_warning(applied_on: dt.date, expiry: dt.date) -> str:
    """The warning kept on a renewal applied for less than seven days before the term ends
    (《财产保全规定》第十八条 says 应当在保全期限届满七日前); empty when on time. The renewal still goes
    through: the term has not ended, and art. 485 lets the court renew until it does."""
    apply_by = expiry - dt.timedelta(days=RENEWAL_APPLICATION_DAYS)
    if applied_on <= apply_by:
        return ""
    return (
        f"续行申请于{applied_on:%Y-%m-%d}提出，晚于保全期限届满（{expiry:%Y-%m-%d}）七日前的{apply_by:%Y-%m-%d}"
        "（《最高人民法院关于人民法院办理财产保全案件若干问题的规定》第十八条：申请保全人申请续行财产保全的，"
        "应当在保全期限届满七日前向人民法院提出），已在期限届满前予以续行"
    )


def repeat_kind(applicants: Sequence[str], amounts: Sequence[Decimal], balance: Decimal) -> RepeatKind | None:
    """How the freezes of one account by several cases stand (CPL art. 106: 财产已被查封、冻结的，不得
    重复查封、冻结; 《财产保全规定》第十六条: several rulings on one property are registered in the order
    they were served). None for a single freeze. Together within the balance: capped freezes side by
    side. Beyond it: the same applicant twice is likely a mistake; other applicants wait (轮候)."""
    if len(amounts) < 2:
        return None
    if sum(amounts, Decimal("0")) <= balance:
        return RepeatKind.WITHIN_BALANCE
    names = [a.strip() for a in applicants]
    if len(set(names)) < len(names):
        return RepeatKind.SUSPECT
    return RepeatKind.WAITING


def stored_term(
    asset_type: AssetType | str, start: dt.date, expiry: dt.date, years: int, *, reminder_days: int
) -> FreezeTerm:
    """A term as stored on a measure (its expiry may come from a renewal), with today's reminders."""
    return FreezeTerm(
        category=term_category(asset_type),
        start=start,
        expiry=expiry,
        reminder_on=expiry - dt.timedelta(days=reminder_days),
        renew_apply_by=expiry - dt.timedelta(days=RENEWAL_APPLICATION_DAYS),
        years=years,
    )
