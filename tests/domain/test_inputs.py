"""Values made safe on the way in: bounded dates, clean text, amounts and counts with a message."""

from __future__ import annotations

import datetime as dt
import decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain import inputs, timeutil
from laoshan_desk.domain.calendar import WorkCalendar
from laoshan_desk.domain.errors import ValidationError


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "1948-12-31", "2101-01-01"])
def test_dates_outside_the_desk_range_are_refused_with_the_field(text):
    with pytest.raises(ValidationError) as exc:
        timeutil.parse_date(text, "received_on", "受理日期")
    assert exc.value.field == "received_on" and "受理日期超出可受理的范围" in exc.value.message


def test_dates_inside_the_range_parse_and_bad_text_names_the_format():
    assert timeutil.parse_date(" 2026-11-25 ") == dt.date(2026, 11, 25)
    assert timeutil.parse_date("1949-01-01") == timeutil.MIN_DATE
    assert timeutil.parse_datetime("2100-12-31 23:59").tzinfo is timeutil.TZ
    with pytest.raises(ValidationError, match="YYYY-MM-DD HH:MM"):
        timeutil.parse_datetime("9999-12-31 23:59x")
    with pytest.raises(ValidationError, match="超出"):
        timeutil.parse_datetime("0001-01-01 00:00")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        timeutil.parse_date("x" * 10_000)
    assert timeutil.check_range(dt.datetime(2026, 1, 1, tzinfo=timeutil.TZ)).year == 2026
    with pytest.raises(ValidationError):
        timeutil.check_range(dt.date(9999, 12, 31))


def test_one_end_of_day_the_last_instant_of_the_day():
    end = timeutil.end_of_day(dt.date(2026, 11, 25))
    assert end == dt.datetime(2026, 11, 25, 23, 59, 59, 999999, tzinfo=timeutil.TZ)
    assert (
        dt.datetime(2026, 11, 26, tzinfo=timeutil.TZ) > end > dt.datetime(2026, 11, 25, 23, 59, 59, tzinfo=timeutil.TZ)
    )


@pytest.mark.parametrize(
    ("day", "n"), [(dt.date(2099, 12, 30), 3_650_001), (dt.date(2026, 1, 1), 40_000), (dt.date(1950, 1, 1), -1000)]
)
def test_workday_counts_that_leave_the_range_are_refused_at_once(day, n):
    with pytest.raises(ValidationError, match="超出可计算的日期范围"):
        WorkCalendar().add_workdays(day, n)


def test_calendar_refuses_dates_outside_the_range():
    cal = WorkCalendar()
    for call in (
        lambda: cal.add_workdays(dt.date(9999, 12, 30), 3),
        lambda: cal.next_workday(dt.date(9999, 12, 31), inclusive=False),
        lambda: cal.workdays_between(dt.date(1, 1, 1), dt.date(2026, 1, 1)),
        lambda: cal.workdays_in(dt.date(2026, 1, 1), dt.date(9999, 12, 31)),
    ):
        with pytest.raises(ValidationError):
            call()
    assert cal.add_workdays(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)


def test_clean_text_strips_controls_and_checks_length():
    assert inputs.clean_text(" 崂山\x00区\x7f\tA\r\nB ", field="name") == "崂山区 A B"
    assert inputs.clean_text("一\r\n二\x0b", field="note", multiline=True) == "一\n二"
    assert inputs.clean_text(None, field="x") == ""
    with pytest.raises(ValidationError) as exc:
        inputs.clean_text("\x00 \t", field="name", label="项目名称", required=True)
    assert exc.value.field == "name" and exc.value.message == "请填写项目名称"
    with pytest.raises(ValidationError, match="不能超过 5 个字"):
        inputs.clean_text("一二三四五六", field="name", max_length=5)


@given(st.text())
def test_clean_text_never_keeps_a_character_excel_or_a_database_refuses(text):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cleaned = inputs.clean_text(text, field="x")
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    assert "\x00" not in cleaned and "\n" not in cleaned and cleaned == cleaned.strip()
    cleaned.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,200,000.50", "1200000.50"),
        (1200000.5, "1200000.50"),
        (0.21000000000000002, "0.21"),
        ("１２３元", "123.00"),
        (decimal.Decimal("7"), "7.00"),
        (7, "7.00"),
    ],
)
def test_amounts_read_as_decimal_yuan(value, expected):
    assert inputs.parse_amount(value, field="claim") == decimal.Decimal(expected)


@pytest.mark.parametrize(
    "value",
    [
        "1e400",
        float("inf"),
        float("nan"),
        decimal.Decimal("1e400"),
        decimal.Decimal("NaN"),
        "9" * 1000,
        "0." + "0" * 100 + "1",
        "12.345",
        "-5",
        "abc",
        True,
        "1000000000000000",
    ],
)
def test_bad_amounts_get_a_message_not_an_exception(value):
    with pytest.raises(ValidationError) as exc:
        inputs.parse_amount(value, field="claim", label="请求保全金额")
    assert exc.value.field == "claim" and exc.value.message.startswith("请求保全金额")


def test_an_empty_amount_is_none_unless_required():
    assert inputs.parse_amount(" ", field="a", required=False) is None
    with pytest.raises(ValidationError, match="请填写"):
        inputs.parse_amount("", field="a")
    assert inputs.parse_amount("-5", field="a", allow_negative=True) == decimal.Decimal("-5.00")


@given(st.one_of(st.text(max_size=80), st.floats(), st.decimals(), st.integers()))
def test_parse_amount_answers_every_input_with_a_value_or_a_message(value):
    try:
        amount = inputs.parse_amount(value, field="a")
    except ValidationError:
        return
    assert amount is not None and abs(amount) <= inputs.MAX_AMOUNT and amount.as_tuple().exponent == -2


def test_counts_are_bounded():
    assert inputs.check_count("１２", field="n", high=100) == 12
    for bad in ("3650001", "-1", "x", "1" * 40, True, None):
        with pytest.raises(ValidationError) as exc:
            inputs.check_count(bad, field="n", label="天数", high=3650)
        assert exc.value.field == "n"
