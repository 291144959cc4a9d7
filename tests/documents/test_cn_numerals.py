"""Dates in Chinese numerals, amounts in capital figures and 发文字号, checked against the rules'
own examples and read back by an independent parser over random values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.documents.cn_numerals import amount_in_words, arabic_date, cn_date, doc_number

CAPITAL = {c: n for n, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_integer(words: str) -> int:
    """壹佰零壹万零伍 → 1010005: an independent reading of the capital form."""
    total = section = digit = 0
    for ch in words:
        if ch in CAPITAL:
            digit = CAPITAL[ch]
        elif ch in SMALL_UNITS:
            section += digit * SMALL_UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise AssertionError(ch)
    return total + section + digit


def _parse_amount(words: str) -> Decimal:
    words = words.removesuffix("整")
    yuan, _, rest = words.rpartition("元") if "元" in words else ("", "", words)
    value = Decimal(_parse_integer(yuan)) if yuan and yuan != "零" else Decimal(0)
    rest = rest.lstrip("零")
    if "角" in rest:
        value += Decimal(CAPITAL[rest[rest.index("角") - 1]]) / 10
    if "分" in rest:
        value += Decimal(CAPITAL[rest[rest.index("分") - 1]]) / 100
    return value


@pytest.mark.parametrize(
    ("amount", "words"),
    [  # 支付结算办法 附件一 (正确填写票据和结算凭证的基本规定) and its rules
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("107000.53", "壹拾万柒仟元伍角叁分"),
        ("1409.50", "壹仟肆佰零玖元伍角"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("16", "壹拾陆元整"),
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("1200000.50", "壹佰贰拾万元伍角"),
        ("100000001", "壹亿零壹元整"),
        ("1010000", "壹佰零壹万元整"),
    ],
)
def test_amounts_as_the_rules_write_them(amount, words):
    assert amount_in_words(Decimal(amount)) == words


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2, allow_nan=False))
def test_amount_in_words_reads_back(amount):
    words = amount_in_words(amount)
    assert _parse_amount(words) == amount
    assert "零零" not in words and not words.endswith("零")
    assert words.endswith(("整", "角", "分"))


def test_amount_limits():
    with pytest.raises(ValueError):
        amount_in_words(Decimal("-1"))
    with pytest.raises(ValueError):
        amount_in_words(Decimal("1000000000000"))


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 11, 27), "二〇二六年十一月二十七日"),
        (dt.date(2030, 1, 10), "二〇三〇年一月十日"),
        (dt.date(2026, 10, 20), "二〇二六年十月二十日"),
        (dt.date(2000, 12, 31), "二〇〇〇年十二月三十一日"),
    ],
)
def test_court_dates_in_chinese_numerals(day, text):
    assert cn_date(day) == text


@given(st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_cn_date_reads_back(day):
    digits = {c: n for n, c in enumerate("〇一二三四五六七八九")}
    text = cn_date(day)
    year, rest = text.split("年")
    month, rest = rest.split("月")

    def small(s: str) -> int:
        if "十" not in s:
            return digits[s]
        tens, _, ones = s.partition("十")
        return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)

    assert int("".join(str(digits[c]) for c in year)) == day.year
    assert small(month) == day.month and small(rest.removesuffix("日")) == day.day
    assert arabic_date(day) == f"{day.year}年{day.month}月{day.day}日"


def test_document_numbers():
    assert doc_number("崂审批告", 2026, 12) == "崂审批告〔2026〕12号"
    assert doc_number("崂先办督", 2026, 1) == "崂先办督〔2026〕1号"
    for bad in (("", 2026, 1), ("崂审批告", 26, 1), ("崂审批告", 2026, 0)):
        with pytest.raises(ValueError):
            doc_number(*bad)
