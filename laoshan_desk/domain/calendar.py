"""The working-day calendar every deadline in the desk goes through.

Sources, in order of precedence:

1. overrides entered by an admin (a holiday, or a make-up working day such as Sat 2026-10-10);
2. ``chinese_calendar`` for the years the State Council has published (it carries make-up days);
3. for a year it does not know yet, the statutory holidays the law fixes (元旦 1, 春节 4, 清明 1,
   劳动节 2, 端午 1, 中秋 1, 国庆 3 — the ``holidays`` package's China calendar computes the lunar
   ones) plus weekends. Such a year is *provisional*: its make-up working days are missing until an
   admin enters them, and :meth:`WorkCalendar.warnings` says so.

A holiday of the whole people that falls on a Saturday or a Sunday gives a day off on a working
day instead (补假, 全国年节及纪念日放假办法 art. 6, as revised 2024-11-10). For a provisional
year :func:`in_lieu_proposals` lists those days, as the ``holidays`` package places them (the next
days that are neither weekend nor holiday), for the admin to confirm: the law does not fix the
day, the State Council's notice does, so nothing is a day off until the admin enters it
(docs/rules.md §calendar-in-lieu-days).

Counting follows Civil Code art. 201: "N working days after D" does not count D itself.

Arithmetic stays inside the desk's date range (``timeutil.MIN_DATE`` … ``MAX_DATE``): a count
that would leave it is refused with a ValidationError at once, instead of stepping day by day
towards year 9999 and overflowing. Counting and adding N working days read per-year prefix counts
of working days (built once per year per calendar object), so neither steps one day at a time.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import importlib.util
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import chinese_calendar

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.labels import Labelled
from laoshan_desk.domain.timeutil import MAX_DATE, MIN_DATE, check_range

__all__ = ["InLieuProposal", "StatutoryHoliday", "WorkCalendar", "in_lieu_proposals", "known_years"]


@lru_cache(maxsize=1)
def known_years() -> frozenset[int]:
    """Years for which chinese_calendar carries the published schedule."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return frozenset(years)


@lru_cache(maxsize=1)
def _china_holidays() -> Any:
    """The ``holidays`` package's China calendar, loaded alone: ``holidays.countries`` imports
    every country of the world (about 260 modules, a third of a second) to offer one."""
    spec = importlib.util.find_spec("holidays")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    path = Path(folders[0]) / "countries" / "china.py" if folders else None
    if path is not None and path.is_file():
        china_spec = importlib.util.spec_from_file_location("_laoshan_desk_holidays_china", path)
        if china_spec is not None and china_spec.loader is not None:
            module = importlib.util.module_from_spec(china_spec)
            china_spec.loader.exec_module(module)
            return module.China
    import holidays  # a layout this does not know: the package's own (slower) way

    return holidays.country_holidays("CN").__class__


@lru_cache(maxsize=64)
def _statutory_holidays(year: int) -> frozenset[dt.date]:
    # observed=False: only the days the law names, not the library's guess at substitutes.
    return frozenset(_china_holidays()(years=year, observed=False).keys())


class StatutoryHoliday(Labelled):
    """The holidays of the whole people (全国年节及纪念日放假办法 art. 2)."""

    NEW_YEAR = ("new_year", "元旦")
    SPRING_FESTIVAL = ("spring_festival", "春节")
    QINGMING = ("qingming", "清明节")
    LABOUR_DAY = ("labour_day", "劳动节")
    DRAGON_BOAT = ("dragon_boat", "端午节")
    MID_AUTUMN = ("mid_autumn", "中秋节")
    NATIONAL_DAY = ("national_day", "国庆节")
    OTHER = ("other", "法定节假日")  # a name a later ``holidays`` release gives that this does not know


# Words of the ``holidays`` package's English names, in the order they are tried ("Chinese New
# Year's Eve" is 春节's first day since the 2024 revision). A day of two holidays is named
# "Mid-Autumn Festival; National Day": on a weekend it gives two days in lieu, one for each.
_NAME_WORDS = (
    ("Chinese New Year", StatutoryHoliday.SPRING_FESTIVAL),
    ("New Year", StatutoryHoliday.NEW_YEAR),
    ("Tomb-Sweeping", StatutoryHoliday.QINGMING),
    ("Labor", StatutoryHoliday.LABOUR_DAY),
    ("Dragon Boat", StatutoryHoliday.DRAGON_BOAT),
    ("Mid-Autumn", StatutoryHoliday.MID_AUTUMN),
    ("National Day", StatutoryHoliday.NATIONAL_DAY),
)


def _holiday_of(name: str) -> StatutoryHoliday:
    for word, holiday in _NAME_WORDS:
        if word in name:
            return holiday
    return StatutoryHoliday.OTHER


@dataclasses.dataclass(frozen=True)
class InLieuProposal:
    """A proposed day off (``day``) in lieu of ``holiday``'s day ``instead_of`` on a weekend."""

    day: dt.date
    holiday: StatutoryHoliday
    instead_of: dt.date | None  # None only if the package gives more in-lieu days than weekend days


@lru_cache(maxsize=64)
def in_lieu_proposals(year: int) -> tuple[InLieuProposal, ...]:
    """The in-lieu days off of ``year`` (全国年节及纪念日放假办法 art. 6), in date order, each with
    the holiday and its weekend day it stands in for (the n-th in-lieu day of a holiday for its
    n-th weekend day). Whether the year is provisional is the caller's question."""
    check_range(dt.date(year, 1, 1), "year", "年份")
    named = _china_holidays()(years=year, observed=False)
    observed = _china_holidays()(years=year, observed=True)
    weekend: dict[StatutoryHoliday, list[dt.date]] = {}
    for day in sorted(named):
        if day.weekday() >= 5:
            for name in named[day].split(";"):
                weekend.setdefault(_holiday_of(name), []).append(day)
    proposals = []
    for day in sorted(set(observed) - set(named)):
        holiday = _holiday_of(observed[day])
        stands_for = weekend.get(holiday, [])
        proposals.append(InLieuProposal(day, holiday, stands_for.pop(0) if stands_for else None))
    return tuple(proposals)


class WorkCalendar:
    """Working days with admin overrides. Immutable once built; build a new one on change.

    ``overrides`` maps a date to ``True`` (a working day, e.g. 调休上班) or ``False`` (a day off).
    ``confirmed_years`` are years an admin has marked as fully entered (make-up days included),
    which silences the provisional-year warning.
    """

    def __init__(
        self,
        overrides: Mapping[dt.date, bool] | None = None,
        confirmed_years: Iterable[int] = (),
    ) -> None:
        self._overrides: dict[dt.date, bool] = dict(overrides or {})
        self._confirmed = frozenset(confirmed_years)
        self._cache: dict[dt.date, bool] = {}
        self._years: dict[int, list[int]] = {}  # year -> running count of working days, by day
        self._cum: dict[int, int] = {}  # year -> working days before it (see _before)

    # -- single days -------------------------------------------------------------------------
    def is_workday(self, day: dt.date) -> bool:
        if isinstance(day, dt.datetime):
            day = day.date()
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        result = self._compute(day)
        self._cache[day] = result
        return result

    def _compute(self, day: dt.date) -> bool:
        if day in self._overrides:
            return self._overrides[day]
        if day.year in known_years():
            return bool(chinese_calendar.is_workday(day))
        if day in _statutory_holidays(day.year):
            return False
        return day.weekday() < 5

    def is_provisional(self, year: int) -> bool:
        """True when the year's make-up working days are not known (warn the clerk)."""
        return year not in known_years() and year not in self._confirmed

    def warnings(self, years: Iterable[int]) -> list[str]:
        """Chinese warnings for the status bar, one per provisional year among ``years``."""
        return [
            f"{y}年调休上班日尚未录入，期限按法定节假日和周末推算，请管理员补录"
            for y in sorted(set(years))
            if self.is_provisional(y)
        ]

    # -- arithmetic --------------------------------------------------------------------------
    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The Nth working day after ``day`` (``day`` itself not counted); N<0 counts back.

        ``add_workdays(d, 0)`` is ``d`` itself. The answer is read from the running counts of
        working days per year (a bisection in the year that holds it), not found by stepping.
        """
        check_range(day)
        if n == 0:
            return day
        # Fewer than 2 of every 7 days are working days only in weeks of holidays: a count
        # that cannot fit before the range's end is refused without looking there.
        room = (MAX_DATE - day).days if n > 0 else (day - MIN_DATE).days
        if abs(n) > room:
            raise ValidationError(f"{n} 个工作日超出可计算的日期范围（至 {MAX_DATE.year} 年）", field="n")
        through = self._year_counts(day.year)[day.timetuple().tm_yday - 1]  # working days Jan 1 … day
        if n > 0:
            target = through + n  # the first day whose running count reaches it
        else:
            target = through - self.is_workday(day) + n + 1  # the |n|th working day before ``day``
        return self._day_of_count(day.year, target, n)

    def _day_of_count(self, year: int, target: int, n: int) -> dt.date:
        """The first day whose running count (from Jan 1 of ``year``) reaches ``target``; a
        target at or below zero lies in an earlier year, one above the year's total in a later."""
        while True:
            counts = self._year_counts(year)
            if target <= 0:
                year -= 1
                if year < MIN_DATE.year:
                    raise ValidationError(f"{n} 个工作日超出可计算的日期范围（自 {MIN_DATE.year} 年）", field="n")
                target += self._year_counts(year)[-1]
            elif target > counts[-1]:
                target -= counts[-1]
                year += 1
                if year > MAX_DATE.year:
                    raise ValidationError(f"{n} 个工作日超出可计算的日期范围（至 {MAX_DATE.year} 年）", field="n")
            else:
                return dt.date(year, 1, 1) + dt.timedelta(days=bisect.bisect_left(counts, target))

    def next_workday(self, day: dt.date, *, inclusive: bool = True) -> dt.date:
        """The first working day on or after ``day`` (after, when not inclusive)."""
        check_range(day)
        current = day if inclusive else day + dt.timedelta(days=1)
        while not self.is_workday(current):
            if current >= MAX_DATE:
                raise ValidationError(f"{MAX_DATE.isoformat()} 之前没有工作日", field="date")
            current += dt.timedelta(days=1)
        return current

    def previous_workday(self, day: dt.date, *, inclusive: bool = True) -> dt.date:
        """The last working day on or before ``day`` (before, when not inclusive)."""
        check_range(day)
        current = day if inclusive else day - dt.timedelta(days=1)
        while not self.is_workday(current):
            if current <= MIN_DATE:
                raise ValidationError(f"{MIN_DATE.isoformat()} 之后没有工作日", field="date")
            current -= dt.timedelta(days=1)
        return current

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Signed count of working days in (start, end], or minus those in (end, start].

        ``workdays_between(d, add_workdays(d, n)) == n`` whenever ``d`` is a working day.
        """
        if end == start:
            return 0
        check_range(start)
        check_range(end)
        sign = 1 if end > start else -1
        lo, hi = (start, end) if sign > 0 else (end, start)
        return sign * self._count_after(lo, hi)

    def workdays_in(self, start: dt.date, end: dt.date) -> int:
        """Working days in the closed range [start, end] (0 when end < start)."""
        if end < start:
            return 0
        check_range(start)
        check_range(end)
        return self._count_after(start - dt.timedelta(days=1), end)

    # Counting and adding read each year's running count of working days (a prefix count, built
    # once per year per calendar object; the calendar is immutable, a change builds a new one), so
    # a call costs a lookup per year spanned and one bisection, never a step per day.
    def _year_counts(self, year: int) -> list[int]:
        counts = self._years.get(year)
        if counts is None:
            counts, running, day = [], 0, dt.date(year, 1, 1)
            while day.year == year:
                running += self.is_workday(day)
                counts.append(running)
                day += dt.timedelta(days=1)
            self._years[year] = counts
        return counts

    def _before(self, year: int) -> int:
        """Working days from Jan 1 of the first year asked about up to Jan 1 of ``year`` (negative
        before it): a running count across years, extended one year at a time as it is needed."""
        cum = self._cum
        if not cum:
            cum[year] = 0
        if year in cum:
            return cum[year]
        low, high = min(cum), max(cum)
        while year > high:
            cum[high + 1] = cum[high] + self._year_counts(high)[-1]
            high += 1
        while year < low:
            cum[low - 1] = cum[low] - self._year_counts(low - 1)[-1]
            low -= 1
        return cum[year]

    def _count_after(self, lo: dt.date, hi: dt.date) -> int:
        """Working days in (lo, hi], lo <= hi."""
        total = self._year_counts(hi.year)[hi.timetuple().tm_yday - 1]
        total -= self._year_counts(lo.year)[lo.timetuple().tm_yday - 1]
        if hi.year != lo.year:
            total += self._before(hi.year) - self._before(lo.year)
        return total

    def overrides(self) -> dict[dt.date, bool]:
        return dict(self._overrides)
