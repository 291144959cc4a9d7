"""公民身份号码 (GB 11643-1999): parse a resident ID (birth date, sex, region), mask it and names.

The check digit and the region table are python-stdnum's (``stdnum.cn.ric``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from stdnum import numdb
from stdnum.cn import ric as stdnum_ric
from stdnum.exceptions import ValidationError as StdnumError

from ..errors import ValidationError
from ._text import _compact

# --------------------------------------------------------------------------------------------
# 公民身份号码 (resident identity card number)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResidentId:
    """A checked resident ID and what it says (the ruling prints sex and date of birth)."""

    number: str
    birth_date: dt.date
    sex: str  # "男" or "女": the 17th digit is odd for men
    province: str
    county: str


def _region(number: str, *, check: bool) -> tuple[str, str]:
    try:
        info = stdnum_ric.get_birth_place(number)
        return info.get("province", ""), info.get("county", "")
    except StdnumError:
        pass
    # stdnum also requires the county to have existed in the birth year; a person registered
    # late (补录户口) gets today's code with an earlier birth year, so only existence is required.
    results = numdb.get("cn/loc").info(number[:6])
    merged = {k: v for _part, props in results for k, v in props.items()}
    county = merged.get("county", "")
    if county:
        names = [re.sub(r"^\[[^\]]*\]", "", c) for c in county.split(",")]
        return merged.get("province", ""), names[-1]
    if check:
        raise ValidationError("公民身份号码前6位地址码无效", field="id_number")
    return merged.get("province", ""), ""


def parse_resident_id(
    value: object,
    *,
    field: str = "id_number",
    today: dt.date,
    check_region: bool = True,
) -> ResidentId:
    """Check an 18-digit resident ID (check character, birth date, region) and read it.

    ``check_region=False`` accepts a region code missing from stdnum's table (a county created
    after the library's release), for the rare case a clerk confirms the card in hand.
    """
    number = _compact(value).upper()
    if not number:
        raise ValidationError("请填写公民身份号码", field=field)
    if len(number) == 15 and number.isdigit():
        raise ValidationError("15位旧身份证号码已停止使用，请填写18位公民身份号码", field=field)
    if len(number) != 18:
        raise ValidationError(f"公民身份号码应为18位，当前为{len(number)}位", field=field)
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise ValidationError("公民身份号码格式错误：前17位应为数字，末位为数字或X", field=field)
    if number[17] != stdnum_ric.calc_check_digit(number):
        raise ValidationError("公民身份号码校验位错误", field=field)
    try:
        birth = stdnum_ric.get_birth_date(number)
    except StdnumError:
        raise ValidationError("公民身份号码中的出生日期无效", field=field) from None
    if birth > today:
        raise ValidationError("公民身份号码中的出生日期晚于今天", field=field)
    if birth.year < 1900:
        raise ValidationError("公民身份号码中的出生日期早于1900年", field=field)
    try:
        province, county = _region(number, check=check_region)
    except ValidationError as exc:
        raise ValidationError(exc.message, field=field) from None
    sex = "男" if int(number[16]) % 2 else "女"
    return ResidentId(number=number, birth_date=birth, sex=sex, province=province, county=county)


def normalize_resident_id(
    value: object,
    *,
    field: str = "id_number",
    today: dt.date,
    check_region: bool = True,
) -> str:
    """The 18-character resident ID (a final ``x`` upper-cased), or ValidationError."""
    return parse_resident_id(value, field=field, today=today, check_region=check_region).number


def mask_id_card(value: object) -> str:
    """'370212199001011234' -> '370212********1234': region and last four kept.

    Works on any string (it never validates) so that a wrongly stored number is masked too.
    """
    text = _compact(value).upper()
    if len(text) >= 11:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) > 4:
        return "*" * (len(text) - 4) + text[-4:]
    return "*" * len(text)


def mask_name(name: object, *, court_style: bool = False) -> str:
    """A person's name with the surname kept: '张三' -> '张*', '张三丰' -> '张**'.

    ``court_style`` gives the form of published judgments: '张三' -> '张某', '张三丰' -> '张某某'.
    Only for natural persons; an enterprise name is public and shown as is by the caller.
    """
    text = "" if name is None else str(name).strip()
    if len(text) <= 1:
        return "*" * len(text)
    if court_style:
        return text[0] + ("某" if len(text) == 2 else "某某")
    return text[0] + "*" * (len(text) - 1)
