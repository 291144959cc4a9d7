"""统一社会信用代码 (USCC, GB 32100-2015): normalize what a clerk typed, mask it for display.

The check character is computed by python-stdnum (``stdnum.cn.uscc``).
"""

from __future__ import annotations

from stdnum.cn import uscc as stdnum_uscc

from ..errors import ValidationError
from ._text import _compact

# --------------------------------------------------------------------------------------------
# 统一社会信用代码 (USCC)
# --------------------------------------------------------------------------------------------

# GB 32100 leaves out I, O, Z, S and V so that they cannot be misread as 1, 0, 2, 5 and U.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def normalize_uscc(value: object, *, field: str = "uscc") -> str:
    """The 18-character USCC in upper case, or ValidationError with a Chinese reason.

    stdnum's own ``validate`` insists on digits in the first two positions, but registration
    authorities also issue letters there (A 军队, N 农业农村, Y 其他 …), so the format is checked
    here and only the check character is left to stdnum.
    """
    number = _compact(value).upper()
    if not number:
        raise ValidationError("请填写统一社会信用代码", field=field)
    if len(number) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，当前为{len(number)}位", field=field)
    bad = [ch for ch in number if ch not in _USCC_ALPHABET]
    if bad:
        raise ValidationError(f"统一社会信用代码含无效字符“{bad[0]}”（不使用I、O、Z、S、V）", field=field)
    if number[0] == "0":
        raise ValidationError("统一社会信用代码第1位（登记管理部门代码）不能为0", field=field)
    if not number[2:8].isdigit():
        raise ValidationError("统一社会信用代码第3至8位应为行政区划代码（数字）", field=field)
    if number[-1] != stdnum_uscc.calc_check_digit(number[:17]):
        raise ValidationError("统一社会信用代码校验位错误", field=field)
    return number


def mask_uscc(value: object) -> str:
    """The USCC unmasked: it is public (国家企业信用信息公示系统), so masking it hides nothing.

    Normalised when valid so that the display matches the stored spelling; otherwise the input
    is shown as typed (stripped), because a wrong code is still not personal data.
    """
    try:
        return normalize_uscc(value)
    except ValidationError:
        return "" if value is None else str(value).strip()
