"""The order of an anti-counterfeiting request's steps, the numbers, and the totals per quarter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from laoshan_desk.domain.alliance.requests import StepFact, check_step, complaint_number, letter_number, request_number
from laoshan_desk.domain.alliance.stats import (
    Quarter,
    QuarterFacts,
    format_percent,
    quarter_of,
    quarter_totals,
    quarters,
)
from laoshan_desk.domain.alliance.vocabulary import ComplaintOutcome, RequestStep, SpotResult
from laoshan_desk.domain.errors import ValidationError

R = RequestStep
TODAY = dt.date(2023, 7, 31)


def done(*steps: tuple[RequestStep, int]) -> list[StepFact]:
    return [StepFact(s, dt.date(2023, 7, d)) for s, d in steps]


def test_steps_in_order_pass():
    check_step([], R.RECEIVED, dt.date(2023, 7, 3), today=TODAY)
    check_step(done((R.RECEIVED, 3)), R.ASSIGNED, dt.date(2023, 7, 3), today=TODAY)
    history = done((R.RECEIVED, 3), (R.ASSIGNED, 4), (R.LETTER, 5))
    check_step(history, R.LETTER, dt.date(2023, 7, 6), today=TODAY)  # a second letter (重庆 after 四川)
    check_step(history, R.EVIDENCE, dt.date(2023, 7, 12), today=TODAY)
    check_step(history, R.OUTCOME, dt.date(2023, 7, 28), today=TODAY)


@pytest.mark.parametrize(
    "history, step, day, field",
    [
        (done((R.RECEIVED, 3)), R.RECEIVED, 4, "step"),
        (done((R.RECEIVED, 3)), R.LETTER, 4, "step"),
        (done((R.RECEIVED, 3)), R.EVIDENCE, 4, "step"),
        (done((R.RECEIVED, 3), (R.ASSIGNED, 4), (R.OUTCOME, 9)), R.EVIDENCE, 10, "step"),
        (done((R.RECEIVED, 3), (R.ASSIGNED, 8)), R.LETTER, 7, "on"),
    ],
)
def test_steps_out_of_order_or_dated_back_are_refused(history, step, day, field):
    with pytest.raises(ValidationError) as caught:
        check_step(history, step, dt.date(2023, 7, day), today=TODAY)
    assert caught.value.field == field


def test_a_step_in_the_future_is_refused():
    with pytest.raises(ValidationError):
        check_step(done((R.RECEIVED, 3)), R.ASSIGNED, dt.date(2023, 8, 1), today=TODAY)


def test_numbers():
    assert request_number(2023, 7) == "HH2023-007"
    assert letter_number(2023, 3) == "崂市监协〔2023〕3号"
    assert complaint_number(dt.date(2026, 11, 25), 3) == "TS20261125-0003"


def test_quarters():
    assert quarter_of(dt.date(2023, 7, 1)) == Quarter(2023, 3)
    assert Quarter(2023, 4).last_day == dt.date(2023, 12, 31)
    assert Quarter(2024, 1).first_day == dt.date(2024, 1, 1)
    assert Quarter(2023, 1).label == "2023年第一季度" and Quarter(2023, 1).code == "2023Q1"
    assert quarters(dt.date(2023, 11, 5), dt.date(2024, 2, 1)) == [Quarter(2023, 4), Quarter(2024, 1)]
    with pytest.raises(ValueError):
        Quarter(2023, 5)


def test_quarter_totals_add_up():
    facts = QuarterFacts(
        requests=[dt.date(2023, 7, 3), dt.date(2023, 7, 20), dt.date(2023, 10, 9)],
        batches=[
            (dt.date(2023, 7, 5), SpotResult.CONFORMING),
            (dt.date(2023, 8, 5), SpotResult.NONCONFORMING),
            (dt.date(2023, 9, 5), SpotResult.PENDING),
            (dt.date(2023, 11, 5), SpotResult.CONFORMING),
        ],
        complaints=[
            (dt.date(2023, 7, 10), ComplaintOutcome.AGREEMENT, False),
            (dt.date(2023, 8, 10), ComplaintOutcome.AGREEMENT, True),
            (dt.date(2023, 9, 10), ComplaintOutcome.FILED, False),
        ],
        pushes=[dt.date(2023, 9, 1)] * 4,
        awards=[(dt.date(2023, 8, 1), Decimal("2637000.00")), (dt.date(2023, 9, 1), Decimal("2750000.00"))],
    )
    q3, q4 = quarter_totals(facts, [Quarter(2023, 4), Quarter(2023, 3)])
    assert q3.quarter == Quarter(2023, 3) and q4.quarter == Quarter(2023, 4)
    assert (q3.actions, q3.batches, q3.tested, q3.conforming) == (2, 3, 2, 1)
    assert format_percent(q3.conformity_rate) == "50.00%"
    assert q3.complaints == 3 and q3.on_time == 2 and format_percent(q3.on_time_rate) == "66.67%"
    assert dict(q3.by_outcome) == {ComplaintOutcome.AGREEMENT: 2, ComplaintOutcome.FILED: 1}
    assert q3.pushes == 4 and q3.awards_paid == Decimal("5387000.00")
    assert (q4.actions, q4.batches, q4.complaints, q4.awards_paid) == (1, 1, 0, Decimal("0.00"))
    assert format_percent(q4.on_time_rate) == "—"
