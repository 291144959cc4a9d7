"""案号 (court case number) after the Supreme People's Court's 2016 rules: parse and normalize.

Source: 《最高人民法院关于人民法院案件案号的若干规定》 and its list of case-type words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from ..errors import ValidationError
from ._text import _halfwidth

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


def parse_case_number(value: object, *, field: str = "case_number", today: dt.date) -> CaseNumber:
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
    last_year = today.year + 1
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


def normalize_case_number(value: object, *, field: str = "case_number", today: dt.date) -> str:
    """The case number as stored and printed: （2023）鲁0212财保12号."""
    return parse_case_number(value, field=field, today=today).normalized
