"""Totals per quarter (统计): actions, batches, conformity, complaints by outcome, on-time rate,
policies pushed and awards paid — from plain facts, so the same sums serve the dashboard, the
workbook and the PDF (docs/rules/alliance.md §alliance-statistics).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from laoshan_desk.domain.alliance.vocabulary import ComplaintOutcome, SpotResult

__all__ = ["Quarter", "QuarterFacts", "QuarterTotals", "format_percent", "quarter_of", "quarter_totals", "quarters"]


@dataclasses.dataclass(frozen=True, order=True)
class Quarter:
    year: int
    q: int

    def __post_init__(self) -> None:
        if self.q not in (1, 2, 3, 4):
            raise ValueError(f"quarter {self.q} is not 1..4")

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.q - 1]}季度"

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.q}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def last_day(self) -> dt.date:
        nxt = dt.date(self.year + 1, 1, 1) if self.q == 4 else dt.date(self.year, 3 * self.q + 1, 1)
        return nxt - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def quarters(first: dt.date, last: dt.date) -> list[Quarter]:
    """Every quarter from the one holding ``first`` to the one holding ``last``."""
    out: list[Quarter] = []
    current = quarter_of(first)
    end = quarter_of(last)
    while current <= end:
        out.append(current)
        current = Quarter(current.year + 1, 1) if current.q == 4 else Quarter(current.year, current.q + 1)
    return out


@dataclasses.dataclass(frozen=True)
class QuarterFacts:
    """Dated facts of one kind each; a fact counts in the quarter of its date."""

    requests: Iterable[dt.date] = ()  # anti-counterfeiting actions, by the day received
    batches: Iterable[tuple[dt.date, SpotResult]] = ()  # by the day sampled
    complaints: Iterable[tuple[dt.date, ComplaintOutcome | None, bool]] = ()  # by finish day: outcome, late
    pushes: Iterable[dt.date] = ()
    awards: Iterable[tuple[dt.date, Decimal]] = ()  # paid, by the day paid


@dataclasses.dataclass(frozen=True)
class QuarterTotals:
    quarter: Quarter
    actions: int = 0
    batches: int = 0
    tested: int = 0
    conforming: int = 0
    complaints: int = 0
    on_time: int = 0
    by_outcome: tuple[tuple[ComplaintOutcome, int], ...] = ()
    pushes: int = 0
    awards_paid: Decimal = Decimal("0.00")

    @property
    def conformity_rate(self) -> Decimal | None:
        return Decimal(self.conforming) / Decimal(self.tested) if self.tested else None

    @property
    def on_time_rate(self) -> Decimal | None:
        return Decimal(self.on_time) / Decimal(self.complaints) if self.complaints else None


def format_percent(rate: Decimal | None) -> str:
    """0.9312 → '93.12%'; '—' when there is nothing to divide."""
    if rate is None:
        return "—"
    return f"{(rate * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def quarter_totals(facts: QuarterFacts, wanted: Iterable[Quarter]) -> list[QuarterTotals]:
    """One :class:`QuarterTotals` per wanted quarter, in order, zero where nothing happened."""
    keys = sorted(set(wanted))
    actions: Counter[Quarter] = Counter(quarter_of(d) for d in facts.requests)
    batches: Counter[Quarter] = Counter()
    tested: Counter[Quarter] = Counter()
    good: Counter[Quarter] = Counter()
    for day, result in facts.batches:
        k = quarter_of(day)
        batches[k] += 1
        if result is not SpotResult.PENDING:
            tested[k] += 1
            good[k] += result is SpotResult.CONFORMING
    finished: Counter[Quarter] = Counter()
    on_time: Counter[Quarter] = Counter()
    outcomes: dict[Quarter, Counter[ComplaintOutcome]] = {}
    for day, outcome, late in facts.complaints:
        k = quarter_of(day)
        finished[k] += 1
        on_time[k] += not late
        if outcome is not None:
            outcomes.setdefault(k, Counter())[outcome] += 1
    pushes: Counter[Quarter] = Counter(quarter_of(d) for d in facts.pushes)
    paid: dict[Quarter, Decimal] = {}
    for day, amount in facts.awards:
        k = quarter_of(day)
        paid[k] = paid.get(k, Decimal("0.00")) + amount
    out = []
    for k in keys:
        by = outcomes.get(k, Counter())
        out.append(
            QuarterTotals(
                quarter=k,
                actions=actions[k],
                batches=batches[k],
                tested=tested[k],
                conforming=good[k],
                complaints=finished[k],
                on_time=on_time[k],
                by_outcome=tuple((o, by[o]) for o in ComplaintOutcome if by[o]),
                pushes=pushes[k],
                awards_paid=paid.get(k, Decimal("0.00")),
            )
        )
    return out
