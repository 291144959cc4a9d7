"""The two rates leaders judge units by (一诉一考): closure rate = finished ÷ received, satisfaction
rate = (satisfied + basically satisfied) ÷ rated, shown as percentages with two decimals."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from laoshan_desk.domain.appeals.vocabulary import Satisfaction


def rate(numerator: int, denominator: int) -> Decimal | None:
    """``numerator ÷ denominator`` as an exact-as-possible Decimal fraction; None when nothing to
    divide by (a unit with no appeals has no rate, not 0% or 100%)."""
    if numerator < 0 or denominator < 0:
        raise ValueError("counts must not be negative")
    if numerator > denominator:
        raise ValueError(f"numerator {numerator} exceeds denominator {denominator}")
    if denominator == 0:
        return None
    return Decimal(numerator) / Decimal(denominator)


def closure_rate(finished: int, received: int) -> Decimal | None:
    """结案率 = finished ÷ received (finished: a finish time is recorded)."""
    return rate(finished, received)


def satisfaction_rate(satisfied_or_basic: int, rated: int) -> Decimal | None:
    """满意率 = (satisfied + basically satisfied) ÷ appeals with a return-visit result."""
    return rate(satisfied_or_basic, rated)


def satisfaction_rate_of(results: Iterable[Satisfaction | str | None]) -> Decimal | None:
    """The satisfaction rate of a list of visit results; ``None`` entries (not visited) skipped."""
    good = rated = 0
    for result in results:
        if result is None or result == "":
            continue
        rated += 1
        good += Satisfaction(result).counts_as_satisfied
    return satisfaction_rate(good, rated)


def quantize_rate(value: Decimal | None, places: int = 4) -> Decimal | None:
    """A fraction rounded half-up to ``places`` decimals (4 → the percentage's two), e.g. for JSON.

    Rounding the fraction to 4 places and the percentage to 2 round at the same digit, so the
    command line's 0.9903 and the screen's 99.03% always agree.
    """
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_rate(value: Decimal | None, empty: str = "—") -> str:
    """A fraction as a percentage with two decimals, half-up: Decimal('0.990298') → '99.03%'."""
    if value is None:
        return empty
    percent = (value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{percent}%"
