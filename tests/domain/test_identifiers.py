"""Tests for the shared identifier checks: USCC, resident ID, phone, case number, masking."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.identifiers import (
    CaseNumber,
    is_mobile,
    mask_id_card,
    mask_name,
    mask_phone,
    mask_uscc,
    normalize_case_number,
    normalize_phone,
    normalize_resident_id,
    normalize_uscc,
    parse_case_number,
    parse_resident_id,
)

TODAY = dt.date(2023, 8, 1)


def _uscc(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


def _ric(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


VALID_USCC = _uscc("91370212MA3C12345")
VALID_ID = _ric("37021219900101123")  # Laoshan district, born 1990-01-01, male


# -- USCC -------------------------------------------------------------------------------------


def test_uscc_valid_is_normalised() -> None:
    messy = f" {VALID_USCC[:6]}-{VALID_USCC[6:]} ".lower()
    assert normalize_uscc(messy) == VALID_USCC


def test_uscc_full_width_input() -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in VALID_USCC)
    assert normalize_uscc(full) == VALID_USCC


def test_uscc_bad_check_character() -> None:
    wrong = VALID_USCC[:-1] + ("0" if VALID_USCC[-1] != "0" else "1")
    with pytest.raises(ValidationError) as info:
        normalize_uscc(wrong, field="respondent_id")
    assert info.value.message == "统一社会信用代码校验位错误"
    assert info.value.field == "respondent_id"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("", "请填写"),
        ("91370212MA3C1234", "18位"),
        ("91370212MA3C1234IO", "无效字符"),
        ("9137A212MA3C12345X", "行政区划"),
    ],
)
def test_uscc_bad_format(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_uscc(value)
    assert fragment in info.value.message
    assert info.value.field == "uscc"


def test_uscc_letter_registration_authority_accepted() -> None:
    # N (agriculture) codes are issued in practice though stdnum's validate rejects them.
    code = _uscc("N2370212MA3C12345")
    assert normalize_uscc(code) == code


def test_mask_uscc_is_identity() -> None:
    assert mask_uscc(VALID_USCC.lower()) == VALID_USCC
    assert mask_uscc("not a code ") == "not a code"


# -- resident ID -----------------------------------------------------------------------------


def test_resident_id_valid_and_parsed() -> None:
    info = parse_resident_id(VALID_ID.lower(), today=TODAY)
    assert info.number == VALID_ID
    assert info.birth_date == dt.date(1990, 1, 1)
    assert info.sex == "男"
    assert info.county == "崂山区"
    assert normalize_resident_id(VALID_ID, today=TODAY) == VALID_ID


def test_resident_id_bad_checksum() -> None:
    wrong = VALID_ID[:-1] + ("1" if VALID_ID[-1] != "1" else "2")
    with pytest.raises(ValidationError) as info:
        normalize_resident_id(wrong, field="respondent_id", today=TODAY)
    assert info.value.message == "公民身份号码校验位错误"
    assert info.value.field == "respondent_id"


def test_resident_id_invalid_birth_date() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_resident_id(_ric("37021219900230123"), today=TODAY)
    assert "出生日期无效" in info.value.message


def test_resident_id_future_birth_date() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_resident_id(_ric("37021220300101123"), today=TODAY)
    assert "晚于今天" in info.value.message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("370212900101123", "15位"),
        ("3702121990010112", "18位"),
        ("37021219900101123A", "格式错误"),
        ("", "请填写"),
    ],
)
def test_resident_id_bad_format(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_resident_id(value, today=TODAY)
    assert fragment in info.value.message


def test_resident_id_unknown_region() -> None:
    unknown = _ric("99999919900101123")
    with pytest.raises(ValidationError) as info:
        normalize_resident_id(unknown, today=TODAY)
    assert "地址码" in info.value.message
    assert normalize_resident_id(unknown, check_region=False, today=TODAY) == unknown


def test_resident_id_late_registration_region_accepted() -> None:
    # 即墨区 (370215) exists since 2017; a person born earlier may hold the new code.
    late = _ric("37021520000101123")
    assert normalize_resident_id(late, today=TODAY) == late


def test_mask_id_card() -> None:
    assert mask_id_card("370212199001011234") == "370212********1234"
    assert mask_id_card("123") == "***"


# -- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0532-88888888", "0532-88888888"),
        ("053288888888", "0532-88888888"),
        ("(0532)8888888", "0532-8888888"),
        ("010-62345678", "010-62345678"),
        ("0532-88888888转123", "0532-88888888-123"),
        ("0532-88888888-123", "0532-88888888-123"),
        ("88888888", "88888888"),
    ],
)
def test_phone_normalised(raw: str, normalised: str) -> None:
    assert normalize_phone(raw) == normalised


def test_phone_default_area_code() -> None:
    assert normalize_phone("88888888", default_area_code="0532") == "0532-88888888"


@pytest.mark.parametrize("raw", ["", "12345", "12812345678", "0532-1234", "02112345678", "abc"])
def test_phone_bad(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw, field="contact_phone")
    assert info.value.field == "contact_phone"
    assert info.value.message


def test_is_mobile() -> None:
    assert is_mobile("13812345678")
    assert not is_mobile("0532-88888888")


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0532-88888888") == "0532-****8888"
    assert mask_phone("0532-8888888") == "0532-****888"
    assert mask_phone("88888888") == "****8888"
    assert mask_phone("garbage123456") == "*********3456"


@given(
    st.one_of(
        st.from_regex(r"\A1[3-9][0-9]{9}\Z"),
        st.from_regex(r"\A0[0-9]{2,3}-?[2-9][0-9]{6,7}(-[0-9]{1,5})?\Z"),
        st.from_regex(r"\A\+86 ?(1[3-9][0-9]{9}|[1-9][0-9]{1,2}-?[2-9][0-9]{6,7})\Z"),
        st.text(alphabet="0123456789- ", max_size=16),
    )
)
def test_a_stored_number_masks_as_its_typed_form_does(typed: str) -> None:
    # The queue masks numbers as stored (normalised) without normalising them again: the mask of
    # the stored form must be the mask of what the clerk typed.
    try:
        stored = normalize_phone(typed)
    except ValidationError:
        return
    assert normalize_phone(stored) == stored  # the stored form is its own normal form
    assert mask_phone(stored) == mask_phone(" " + typed + " ")  # the spaces defeat any fast path


def test_mask_name() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("张三", court_style=True) == "张某"
    assert mask_name("张三丰", court_style=True) == "张某某"
    assert mask_name("") == ""


# -- case number -----------------------------------------------------------------------------


def test_case_number_full_width() -> None:
    parsed = parse_case_number("（2023）鲁0212财保12号", today=TODAY)
    assert parsed == CaseNumber(2023, "鲁0212", "财保", 12)
    assert parsed.normalized == "（2023）鲁0212财保12号"
    assert parsed.province == "鲁"


@pytest.mark.parametrize(
    "raw",
    [
        "(2023)鲁0212财保12号",
        "（2023)鲁0212财保12号",
        " ( 2023 ) 鲁0212 财保 12 号 ",
        "（２０２３）鲁０２１２财保１２号",
        "(2023)鲁0212财保012号",
    ],
)
def test_case_number_half_width_and_spacing(raw: str) -> None:
    assert normalize_case_number(raw, today=TODAY) == "（2023）鲁0212财保12号"


@pytest.mark.parametrize(
    ("raw", "court", "word", "suffix"),
    [
        ("(2023)鲁0212民初123号之一", "鲁0212", "民初", "之一"),
        ("(2022)鲁0212执保7号", "鲁0212", "执保", ""),
        ("(2023)鲁0212执1号", "鲁0212", "执", ""),
        ("(2023)鲁0212民特3号", "鲁0212", "民特", ""),
        ("(2023)鲁02民终45号", "鲁02", "民终", ""),
        ("(2023)最高法民申1号", "最高法", "民申", ""),
    ],
)
def test_case_number_other_types(raw: str, court: str, word: str, suffix: str) -> None:
    parsed = parse_case_number(raw, today=TODAY)
    assert (parsed.court_code, parsed.type_word, parsed.suffix) == (court, word, suffix)
    assert parsed.normalized.startswith("（")


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("", "请填写"),
        ("2023鲁0212财保12号", "括号"),
        ("〔2023〕鲁0212财保12号", "圆括号"),
        ("(23)鲁0212财保12号", "4位"),
        ("(1989)鲁0212财保12号", "1990"),
        ("(2025)鲁0212财保12号", "1990至2024"),
        ("(2023)X0212财保12号", "省份简称"),
        ("(2023)鲁021财保12号", "4位数字"),
        ("(2023)鲁0212财保12", "号"),
        ("(2023)鲁0212财保号", "序号"),
        ("(2023)鲁0212某某12号", "无法识别"),
        ("(2023)鲁0212财保0号", "正整数"),
        ("(2023)鲁0212财保12号附", "之一"),
    ],
)
def test_case_number_bad(raw: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_case_number(raw, today=TODAY, field="case_no")
    assert fragment in info.value.message
    assert info.value.field == "case_no"
