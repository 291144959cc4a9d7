"""Dates, amounts and document numbers as the papers write them.

- :func:`arabic_date` — 2026年11月27日, the 成文日期 of an administrative paper (docs/rules.md
  §papers-closing: Arabic numerals, the year in full, no leading zeros).
- :func:`cn_date` — 二〇二六年十一月二十七日, the date of a court paper (§papers-closing).
- :func:`amount_in_words` — 壹佰贰拾万元伍角, capital figures after the 支付结算办法's rules
  (docs/rules.md §papers-amounts: 壹拾 for a leading ten, one 零 for a run of zeros, 整 after 元).
- :func:`doc_number` — 崂审批告〔2026〕12号, the 发文字号 (docs/rules.md §papers-head: the year in
  full inside 六角括号, the sequence number without 第 and without leading zeros, then 号).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

_CN_DIGITS = "〇一二三四五六七八九"
_CAPITALS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿")
_MAX = Decimal(10) ** 12  # below 一万亿元


def arabic_date(day: dt.date) -> str:
    """2026年11月27日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _cn_small(n: int) -> str:
    """1..31 as a date writes it: 十一, 二十, 二十七, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def cn_date(day: dt.date) -> str:
    """二〇二六年十一月二十七日: the year digit by digit with 〇, month and day in words."""
    year = "".join(_CN_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{_cn_small(day.month)}月{_cn_small(day.day)}日"


def _group(n: int) -> str:
    """0 < n < 10000 in capitals, a 零 for each run of inner zeros: 1005 → 壹仟零伍."""
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CAPITALS[digit] + _UNITS[power])
    return "".join(out)


def _integer_words(n: int) -> str:
    groups: list[int] = []
    while n:
        n, rest = divmod(n, 10000)
        groups.append(rest)
    out: list[str] = []
    pending_zero = False
    for level in range(len(groups) - 1, -1, -1):
        value = groups[level]
        if value == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or value < 1000):
            out.append("零")
        out.append(_group(value) + _GROUPS[level])
        pending_zero = False
    return "".join(out)


def amount_in_words(amount: Decimal | int | str) -> str:
    """An amount of 元 in capital figures, rounded to the 分: 1200000.50 → 壹佰贰拾万元伍角,
    325.04 → 叁佰贰拾伍元零肆分, 16 → 壹拾陆元整, 0 → 零元整."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("金额不能为负数")
    if value >= _MAX:
        raise ValueError("金额过大")
    cents = int(value * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    head = _integer_words(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return (head or "零元") + "整"
    tail = ""
    if jiao:
        tail += _CAPITALS[jiao] + "角"
    elif head:
        tail += "零"
    if fen:
        tail += _CAPITALS[fen] + "分"
    return head + tail


def doc_number(agency: str, year: int, number: int) -> str:
    """崂审批告〔2026〕12号: agency code, the year in 〔〕, the number without 第 or leading zeros."""
    if not agency.strip():
        raise ValueError("发文机关代字不能为空")
    if not 1000 <= year <= 9999:
        raise ValueError("年份应为四位数")
    if number < 1:
        raise ValueError("发文顺序号应从1开始")
    return f"{agency.strip()}〔{year}〕{number}号"


__all__ = ["amount_in_words", "arabic_date", "cn_date", "doc_number"]
