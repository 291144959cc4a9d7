"""Phone numbers: mobile, fixed line with area code and extension; normalize and mask."""

from __future__ import annotations

import re

from ..errors import ValidationError
from ._text import _compact, _halfwidth
from .resident import mask_id_card

# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
# A landline as normalize_phone writes it (and the desk stores it): 0532-88888888[-123].
_STORED_LANDLINE = re.compile(r"^(0\d{2,3})-[2-9]\d{6,7}(-\d+)?$")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)(\d{1,6})$", re.IGNORECASE)
_DASHED_EXTENSION = re.compile(r"^(0\d{2,3})-(\d{7,8})-(\d{1,6})$")
_PHONE_HINT = "电话号码格式错误：手机号码为11位（1开头），固定电话如0532-88888888"


def is_mobile(normalized: str) -> bool:
    """True for a normalised mainland mobile number (SMS can be sent to it)."""
    return bool(_MOBILE.match(normalized))


def _split_area(digits: str) -> tuple[str, str]:
    # Beijing (010) and the 02x cities have three-digit area codes; every other code has four.
    size = 3 if digits.startswith(("010", "02")) else 4
    return digits[:size], digits[size:]


def normalize_phone(value: object, *, field: str = "phone", default_area_code: str | None = None) -> str:
    """A mobile as '13812345678', a landline as '0532-88888888' (extension '-123').

    A local number without area code ('88888888', 7–8 digits) is kept as typed unless
    ``default_area_code`` (e.g. '0532' for Qingdao) is given, which is then prefixed.
    """
    text = _halfwidth("" if value is None else str(value)).strip()
    if not text:
        raise ValidationError("请填写联系电话", field=field)
    extension = ""
    spaced = re.sub(r"\s+", "", text)
    dashed = _DASHED_EXTENSION.match(spaced)
    if dashed:
        spaced = dashed.group(1) + dashed.group(2)
        extension = dashed.group(3)
    else:
        found = _EXTENSION.search(spaced)
        if found:
            extension = found.group(1)
            spaced = spaced[: found.start()]
    digits = re.sub(r"[\s\-()（）.]", "", spaced)
    if digits.startswith("+86"):
        digits = digits[3:]
        international = True
    elif digits.startswith("0086"):
        digits = digits[4:]
        international = True
    elif len(digits) == 13 and digits.startswith("86") and _MOBILE.match(digits[2:]):
        digits = digits[2:]
        international = True
    else:
        international = False
    if not digits.isdigit():
        raise ValidationError(_PHONE_HINT, field=field)
    if international and not digits.startswith(("0", "1")):
        digits = "0" + digits  # +86 532 … drops the trunk prefix 0 of the area code
    ext = f"-{extension}" if extension else ""
    if _MOBILE.match(digits):
        if extension:
            raise ValidationError("手机号码不应带分机号", field=field)
        return digits
    if digits.startswith("0"):
        area, local = _split_area(digits)
        if len(area) < 3 or not _LOCAL.match(local):
            raise ValidationError(_PHONE_HINT, field=field)
        return f"{area}-{local}{ext}"
    if _LOCAL.match(digits):
        if default_area_code:
            area = _compact(default_area_code)
            if not re.fullmatch(r"0\d{2,3}", area):
                raise ValidationError("默认区号格式错误，如0532", field=field)
            return f"{area}-{digits}{ext}"
        return f"{digits}{ext}"
    if digits.startswith("1"):
        raise ValidationError("手机号码应为11位，以13至19开头", field=field)
    raise ValidationError(_PHONE_HINT, field=field)


def _is_stored_landline(value: str) -> bool:
    """``value`` is a landline exactly as :func:`normalize_phone` writes it (its own fixed point),
    so masking it needs no second normalisation (every listed row masks its phone)."""
    found = _STORED_LANDLINE.match(value)
    if found is None:
        return False
    area = found.group(1)
    return _split_area(area + "00000000")[0] == area


def mask_phone(value: object) -> str:
    """'13812345678' -> '138****5678'; '0532-88888888' -> '0532-****8888'.

    A landline keeps its area code (a city is not personal) and the last four digits of an
    8-digit local number, the last three of a 7-digit one, so that at least four are hidden.
    """
    if isinstance(value, str) and _MOBILE.match(value):  # as stored: already normalised (queue rows)
        return value[:3] + "****" + value[-4:]
    try:
        number = value if isinstance(value, str) and _is_stored_landline(value) else normalize_phone(value)
    except ValidationError:
        text = _compact(value)
        return mask_id_card(text) if len(text) <= 4 else "*" * (len(text) - 4) + text[-4:]
    if _MOBILE.match(number):
        return number[:3] + "****" + number[-4:]
    parts = number.split("-")
    if parts[0].startswith("0"):
        area, local, rest = parts[0], parts[1], parts[2:]
    else:
        area, local, rest = "", parts[0], parts[1:]
    keep = 4 if len(local) >= 8 else 3
    masked = "*" * (len(local) - keep) + local[-keep:]
    return "-".join(([area] if area else []) + [masked] + rest)
