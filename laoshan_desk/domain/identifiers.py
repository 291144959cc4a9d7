"""Identifier checks shared by every tab: USCC, resident ID, phone, court case number, masking.

Each ``normalize_*`` function takes what a clerk typed (full-width digits from a Chinese input
method, stray spaces and dashes included), returns the one canonical spelling the database stores,
and raises :class:`~laoshan_desk.domain.errors.ValidationError` with a Chinese message and the
form field's name when the value cannot be right. The ``mask_*`` functions never raise: they are
for display and logs, where a wrong value must still not leak.

Sources: GB 32100-2015 (统一社会信用代码), GB 11643-1999 (公民身份号码), the Supreme People's
Court's 2016 rules on case numbers (《最高人民法院关于人民法院案件案号的若干规定》 and its list of
case-type words). Check digits are computed by python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dc_field

from stdnum import numdb
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import ValidationError as StdnumError

from .errors import ValidationError

__all__ = [
    "CaseNumber",
    "KNOWN_CASE_TYPE_WORDS",
    "PROVINCE_ABBREVIATIONS",
    "ResidentId",
    "mask_id_card",
    "mask_name",
    "mask_phone",
    "mask_uscc",
    "normalize_case_number",
    "normalize_phone",
    "normalize_resident_id",
    "normalize_uscc",
    "parse_case_number",
    "parse_resident_id",
    "is_mobile",
]


def _halfwidth(value: str) -> str:
    """Full-width letters, digits and punctuation to ASCII (what an IME types by accident)."""
    return unicodedata.normalize("NFKC", value)


def _compact(value: object, *, keep: str = "") -> str:
    """Half-width, without whitespace or the separators people type between digit groups."""
    if value is None:
        return ""
    text = _halfwidth(str(value))
    drop = {" ", "\t", "\n", "\r", "-", "_", "·", "/", "\u00a0"} - set(keep)
    return "".join(ch for ch in text if ch not in drop)


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
    today: dt.date | None = None,
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
    today = today or dt.date.today()
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
    today: dt.date | None = None,
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


# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
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


def mask_phone(value: object) -> str:
    """'13812345678' -> '138****5678'; '0532-88888888' -> '0532-****8888'.

    A landline keeps its area code (a city is not personal) and the last four digits of an
    8-digit local number, the last three of a 7-digit one, so that at least four are hidden.
    """
    try:
        number = normalize_phone(value)
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


# --------------------------------------------------------------------------------------------
# 案号 (court case number)
# --------------------------------------------------------------------------------------------

#: Province-level abbreviations used as the first character of a court code, plus 兵 (the
#: Xinjiang Production and Construction Corps courts) and 军 (military courts).
PROVINCE_ABBREVIATIONS = frozenset("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵军")

#: Case-type words (案件类型代字) from the 2016 list, the ones a district court meets.
KNOWN_CASE_TYPE_WORDS = frozenset(
    {
        # civil
        "民初",
        "民终",
        "民申",
        "民抗",
        "民再",
        "民监",
        "民撤",
        "民特",
        "民特监",
        "民催",
        "民督",
        "民督监",
        "民辖",
        "民辖终",
        "民辖监",
        "民他",
        "民请",
        "民诉前调",
        "民诉前确",
        # preservation outside a suit (non-litigation preservation review)
        "财保",
        "行保",
        "证保",
        # enforcement
        "执",
        "执恢",
        "执保",
        "执异",
        "执复",
        "执监",
        "执协",
        "执他",
        "执请",
        "执外",
        # criminal
        "刑初",
        "刑终",
        "刑申",
        "刑抗",
        "刑再",
        "刑监",
        "刑核",
        "刑更",
        "刑医",
        "刑没",
        "刑他",
        # administrative
        "行初",
        "行终",
        "行申",
        "行抗",
        "行再",
        "行监",
        "行审",
        "行审复",
        "行辖",
        "行辖终",
        "行他",
        "行赔初",
        "行赔终",
        # bankruptcy and compulsory liquidation
        "破申",
        "破",
        "破终",
        "破监",
        "强清",
        "强清终",
        # state compensation and judicial sanctions
        "法赔",
        "委赔",
        "赔他",
        "司惩",
        "司惩复",
        "司救",
    }
)

_SUFFIX = re.compile(r"^之[一二三四五六七八九十百]+$")


@dataclass(frozen=True)
class CaseNumber:
    """A parsed case number; ``normalized`` is the spelling with full-width brackets.

    ``suffix`` is the '之一' an in-suit preservation ruling adds to the main case's number.
    """

    year: int
    court_code: str
    type_word: str
    serial: int
    suffix: str = ""
    normalized: str = dc_field(init=False)

    def __post_init__(self) -> None:
        text = f"（{self.year}）{self.court_code}{self.type_word}{self.serial}号{self.suffix}"
        object.__setattr__(self, "normalized", text)

    def __str__(self) -> str:
        return self.normalized

    @property
    def province(self) -> str:
        """The court code's first character (鲁 for Shandong), '' for the Supreme Court."""
        return "" if self.court_code == "最高法" else self.court_code[0]


def parse_case_number(value: object, *, field: str = "case_number", today: dt.date | None = None) -> CaseNumber:
    """Parse （2023）鲁0212财保12号 and its half-width or spaced spellings.

    Court codes: a province abbreviation plus 4 digits (basic court, 鲁0212), 2 digits
    (intermediate court, 鲁02) or none (high court, 鲁), or 最高法. Years 1990 to next year.
    The pre-2016 form （2010）崂民初字第1号 is not accepted: the desk's cases are all newer.
    """
    raw = "" if value is None else str(value)
    text = re.sub(r"\s+", "", _halfwidth(raw))
    if not text:
        raise ValidationError("请填写案号", field=field)
    if text[0] in "〔[【［":
        raise ValidationError("案号年份应使用圆括号（），如（2023）鲁0212财保12号", field=field)
    head = re.match(r"^\((\d*)\)", text)
    if not head:
        raise ValidationError("案号应以括号中的年份开头，如（2023）鲁0212财保12号", field=field)
    if len(head.group(1)) != 4:
        raise ValidationError("案号年份应为4位数字", field=field)
    year = int(head.group(1))
    last_year = (today or dt.date.today()).year + 1
    if not 1990 <= year <= last_year:
        raise ValidationError(f"案号年份应在1990至{last_year}之间", field=field)
    rest = text[head.end() :]
    if rest.startswith("最高法"):
        court_code, rest = "最高法", rest[3:]
    else:
        court = re.match(r"^(\D)(\d*)", rest)
        if not court or court.group(1) not in PROVINCE_ABBREVIATIONS:
            raise ValidationError("法院代字应以省份简称开头，如鲁0212", field=field)
        if len(court.group(2)) not in (0, 2, 4):
            raise ValidationError("法院代字应为省份简称加4位数字，如鲁0212", field=field)
        court_code, rest = court.group(0), rest[court.end() :]
    body = re.match(r"^([\u4e00-\u9fff]+?)(\d+)号(.*)$", rest)
    if not body:
        if "号" not in rest:
            raise ValidationError("案号应以“号”结尾，如（2023）鲁0212财保12号", field=field)
        raise ValidationError("案号缺少案件类型代字或序号，如财保12号", field=field)
    type_word, serial_text, suffix = body.groups()
    if type_word not in KNOWN_CASE_TYPE_WORDS:
        raise ValidationError(f"案件类型代字“{type_word}”无法识别", field=field)
    serial = int(serial_text)
    if serial < 1:
        raise ValidationError("案号序号应为正整数", field=field)
    if suffix and not _SUFFIX.match(suffix):
        raise ValidationError("案号应以“号”结尾，其后只可有“之一”等序号", field=field)
    return CaseNumber(year=year, court_code=court_code, type_word=type_word, serial=serial, suffix=suffix)


def normalize_case_number(value: object, *, field: str = "case_number", today: dt.date | None = None) -> str:
    """The case number as stored and printed: （2023）鲁0212财保12号."""
    return parse_case_number(value, field=field, today=today).normalized
