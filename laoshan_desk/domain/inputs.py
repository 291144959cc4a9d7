"""What people type or import, made safe on the way in: text, amounts and counts.

Every area calls these instead of writing its own checks, at the one place a value enters (the
validator its form and its import share):

    name = clean_text(form.name, field="name", label="项目名称", max_length=100, required=True)
    amount = parse_amount(form.claim, field="claim", label="请求保全金额")
    days = check_count(form.days, field="days", label="办理时限", high=3650)

- :func:`clean_text` removes control characters (NUL, the other C0/C1 codes, U+FFFE/FFFF and
  lone surrogates — what an Excel file cannot hold and a database should not), keeps tabs and
  line breaks only where ``multiline`` allows them, trims, and checks length and presence.
- :func:`parse_amount` reads yuan as a ``Decimal`` with two places, within ±:data:`MAX_AMOUNT`;
  ``1e400``, ``NaN``, ``Infinity`` and a thousand digits are a clear message, not
  ``decimal.InvalidOperation`` or an overflow.
- :func:`check_count` bounds an integer (days, a number of rows, a number of appeals).

Each raises :class:`~laoshan_desk.domain.errors.ValidationError` with the ``field`` the message
belongs beside.
"""

from __future__ import annotations

import decimal
import math
import re
import unicodedata

from laoshan_desk.domain.errors import ValidationError

MAX_AMOUNT = decimal.Decimal("999999999999999.99")  # what Numeric(16, 2) holds: under 10^15 yuan
_CENT = decimal.Decimal("0.01")
_CONTEXT = decimal.Context(prec=40, Emax=40, Emin=-40, traps=[decimal.InvalidOperation, decimal.Overflow])
_AMOUNT_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")

# C0 controls except tab/newline/carriage return, DEL, C1 controls, non-characters, surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\r\n\u2028\u2029]+")


def strip_controls(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters; tabs and line breaks become spaces unless multiline."""
    cleaned = _CONTROL.sub("", text)
    if multiline:
        return cleaned.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _LINE_BREAKS.sub(" ", cleaned)


def clean_text(
    value: object,
    *,
    field: str,
    label: str | None = None,
    max_length: int | None = None,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Text as it should be stored: NFC-normalised, no control characters, trimmed.

    ``None`` becomes ``""``. A value longer than ``max_length`` after cleaning, or an empty
    one when ``required``, is refused with a message naming ``label`` (defaults to ``field``).
    """
    name = label or field
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", strip_controls(text, multiline=multiline)).strip()
    if required and not text:
        raise ValidationError(f"请填写{name}", field=field)
    if max_length is not None and len(text) > max_length:
        raise ValidationError(f"{name}不能超过 {max_length} 个字（现有 {len(text)} 个）", field=field)
    return text


def parse_amount(
    value: object,
    *,
    field: str,
    label: str | None = None,
    required: bool = True,
    allow_negative: bool = False,
    high: decimal.Decimal = MAX_AMOUNT,
) -> decimal.Decimal | None:
    """An amount in yuan: ``"1,200,000.50"``, ``1200000.5`` or a Decimal → ``Decimal("1200000.50")``.

    Thousands separators, full-width digits, a trailing 元 and spaces are accepted; more than
    two decimal places, exponents, NaN/Infinity and amounts above ``high`` are refused. Returns
    None for an empty value when not ``required``.
    """
    name = label or field
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"请填写{name}", field=field)
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{name}应为以元为单位的数字", field=field)
    if isinstance(value, float):
        # An Excel cell: a binary fraction near the cents it was typed as (0.21000000000000002).
        if not math.isfinite(value) or abs(value) > high:
            raise ValidationError(f"{name}数额无效或过大，无法受理", field=field)
        text = f"{value:.2f}" if abs(value - round(value, 2)) < 1e-6 else repr(value)
    elif isinstance(value, decimal.Decimal):
        if not value.is_finite() or value.adjusted() > 20:
            raise ValidationError(f"{name}数额无效或过大，无法受理", field=field)
        text = format(value, "f")
    else:
        text = str(value)
    if len(text) > 64:
        raise ValidationError(f"{name}数额无效或过大，无法受理", field=field)
    text = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "").removesuffix("元")
    if not _AMOUNT_TEXT.match(text):
        raise ValidationError(f"{name}应为以元为单位的数字，例如 1200000.50：{str(value)[:40]!r}", field=field)
    try:
        amount = _CONTEXT.create_decimal(text)
        if amount != amount.quantize(_CENT, context=_CONTEXT):
            raise ValidationError(f"{name}最多保留两位小数（分）", field=field)
        amount = amount.quantize(_CENT, context=_CONTEXT)
    except (decimal.InvalidOperation, decimal.Overflow):
        raise ValidationError(f"{name}数额过大，无法受理", field=field) from None
    if amount < 0 and not allow_negative:
        raise ValidationError(f"{name}不能为负数", field=field)
    if abs(amount) > high:
        raise ValidationError(f"{name}不能超过 {high:,.2f} 元", field=field)
    return amount


def check_count(
    value: object,
    *,
    field: str,
    label: str | None = None,
    low: int = 0,
    high: int,
) -> int:
    """An integer within ``low`` … ``high`` (days, rows, items), or a ValidationError."""
    name = label or field
    if isinstance(value, bool):
        raise ValidationError(f"{name}应为整数", field=field)
    if isinstance(value, int):
        number = value
    else:
        text = unicodedata.normalize("NFKC", str(value if value is not None else ""))[:32].strip()
        if not re.fullmatch(r"[+-]?\d{1,18}", text):
            raise ValidationError(f"{name}应为整数：{str(value)[:40]!r}", field=field)
        number = int(text)
    if not low <= number <= high:
        raise ValidationError(f"{name}应在 {low} 至 {high} 之间：{number}", field=field)
    return number
