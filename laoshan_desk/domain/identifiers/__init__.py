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

from .case_number import (
    KNOWN_CASE_TYPE_WORDS,
    PROVINCE_ABBREVIATIONS,
    CaseNumber,
    normalize_case_number,
    parse_case_number,
)
from .phone import is_mobile, mask_phone, normalize_phone
from .resident import ResidentId, mask_id_card, mask_name, normalize_resident_id, parse_resident_id
from .uscc import mask_uscc, normalize_uscc

__all__ = [
    "CaseNumber",
    "KNOWN_CASE_TYPE_WORDS",
    "PROVINCE_ABBREVIATIONS",
    "ResidentId",
    "is_mobile",
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
]
