"""Tests of the approvals vocabulary, the item life cycle, catalog parsing and verification codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.approvals import (
    STATUS_FLOW,
    VERIFICATION_CODE_LENGTH,
    CatalogItem,
    Classification,
    ItemProgress,
    ItemStatus,
    advance,
    applicable_steps,
    can_transition,
    check_transition,
    check_verification_code,
    format_verification_code,
    next_statuses,
    normalise_verification_code,
    parse_catalog,
    parse_catalog_item,
    parse_menu_templates,
    validate_catalog,
    verification_code,
)
from laoshan_desk.domain.errors import ValidationError

D = dt.date.fromisoformat
S = ItemStatus


# -- vocabulary -------------------------------------------------------------------------------
def test_labels():
    assert [c.label for c in Classification] == ["必办", "企业自办", "无需办理"]
    assert [s.label for s in STATUS_FLOW] == ["未启动", "预审中", "已受理", "踏勘验收", "已销号"]
    assert Classification.from_label("企业自办") is Classification.SELF_HANDLED
    assert Classification.from_label("must_do") is Classification.MUST_DO
    assert ItemStatus("done").is_done and S.ACCEPTED.step == 2
    assert str(S.PRE_REVIEW) == "pre_review"
    assert Classification.choices()[0] == ("must_do", "必办")
    with pytest.raises(ValidationError, match="必办、企业自办、无需办理"):
        Classification.from_label("随便")


# -- life cycle -------------------------------------------------------------------------------
def test_full_flow_moves_one_step_at_a_time():
    assert next_statuses(S.NOT_STARTED) == (S.PRE_REVIEW,)
    assert next_statuses(S.PRE_REVIEW) == (S.ACCEPTED,)
    assert next_statuses(S.ACCEPTED) == (S.INSPECTION,)
    assert next_statuses(S.INSPECTION) == (S.DONE,)
    assert next_statuses(S.DONE) == ()
    assert not can_transition(S.NOT_STARTED, S.DONE)
    assert not can_transition(S.ACCEPTED, S.PRE_REVIEW)  # never backwards


def test_steps_that_do_not_apply_are_skipped():
    assert applicable_steps(pre_review=False, site_inspection=False) == (S.NOT_STARTED, S.ACCEPTED, S.DONE)
    assert can_transition(S.ACCEPTED, S.DONE, site_inspection=False)
    assert not can_transition(S.ACCEPTED, S.DONE, site_inspection=True)
    assert can_transition(S.NOT_STARTED, S.ACCEPTED, pre_review=False)
    # An item caught in a step the catalog no longer has continues with the next that applies.
    assert next_statuses(S.INSPECTION, site_inspection=False) == (S.DONE,)
    assert next_statuses(S.PRE_REVIEW, pre_review=False) == (S.ACCEPTED,)


def test_check_transition_messages():
    with pytest.raises(ValidationError) as err:
        check_transition(S.NOT_STARTED, S.DONE, on=D("2026-05-12"))
    assert err.value.message == "事项当前为“未启动”，不能变为“已销号”（可变为：预审中）"
    assert err.value.field == "status"
    with pytest.raises(ValidationError, match="已销号，不能再变更状态"):
        check_transition(S.DONE, S.INSPECTION)
    with pytest.raises(ValidationError, match="销号须填写办结日期") as err:
        check_transition(S.INSPECTION, S.DONE)
    assert err.value.field == "on"
    with pytest.raises(ValidationError, match="不能晚于今天"):
        check_transition(S.INSPECTION, S.DONE, on=D("2026-05-13"), today=D("2026-05-12"))
    check_transition(S.INSPECTION, S.DONE, on=D("2026-05-12"), today=D("2026-05-12"))
    check_transition("accepted", "done", site_inspection=False, on=D("2026-05-12"))


def test_advance_records_dated_steps():
    p = ItemProgress()
    p = advance(p, S.PRE_REVIEW, D("2026-04-13"), "宋佳")
    p = advance(p, S.ACCEPTED, D("2026-05-06"), "宋佳")
    p = advance(p, S.INSPECTION, D("2026-05-08"), "宋佳")
    p = advance(p, S.DONE, D("2026-05-12"), "宋佳", today=D("2026-05-12"))
    assert p.status is S.DONE
    assert p.started_on == D("2026-04-13") and p.finished_on == D("2026-05-12")
    assert p.date_of("accepted") == D("2026-05-06")
    assert p.date_of(S.NOT_STARTED) is None
    assert [s.by for s in p.steps] == ["宋佳"] * 4
    assert p.pre_reviewed


def test_advance_same_day_allowed_but_not_backwards():
    p = advance(ItemProgress(), S.ACCEPTED, D("2026-05-12"), pre_review=False)
    p = advance(p, S.DONE, D("2026-05-12"), site_inspection=False)  # issued the same day
    assert p.finished_on == D("2026-05-12")
    q = advance(ItemProgress(), S.PRE_REVIEW, D("2026-05-12"))
    with pytest.raises(ValidationError, match="不能早于预审中日期"):
        advance(q, S.ACCEPTED, D("2026-05-11"))
    assert not ItemProgress().pre_reviewed


# -- catalog ----------------------------------------------------------------------------------
ROW = {
    "code": "sp900",
    "name": "测试事项",
    "department": "区行政审批服务局",
    "statutory_days": 20,
    "committed_days": "5",
    "materials": "申请书；营业执照, 平面图",
    "legal_basis": ["《中华人民共和国行政许可法》第四十二条"],
    "prerequisites": "sp901",
    "site_inspection": True,
    "certificate": "测试证",
    "fee": "12.5",
}


def test_parse_catalog_item_from_json_or_excel_text():
    item = parse_catalog_item(ROW)
    assert item.code == "SP900" and item.prerequisites == ("SP901",)
    assert item.materials == ("申请书", "营业执照", "平面图")
    assert item.fee == Decimal("12.50") and item.days == 5
    assert item.pre_review and item.site_inspection and item.certificate == "测试证"
    assert parse_catalog_item({**ROW, "certificate": None, "fee": None}).certificate is None


@pytest.mark.parametrize(
    "change, match",
    [
        ({"code": ""}, "编码不能为空"),
        ({"name": " "}, "名称不能为空"),
        ({"department": ""}, "实施部门"),
        ({"committed_days": 25}, "不能超过法定时限"),
        ({"committed_days": 0}, "至少为 1 个工作日"),
        ({"statutory_days": "二十"}, "应为整数"),
        ({"fee": "abc"}, "收费金额格式"),
        ({"fee": "-1"}, "不能为负数"),
    ],
)
def test_parse_catalog_item_refusals(change, match):
    with pytest.raises(ValidationError, match=match):
        parse_catalog_item({**ROW, **change})


def _item(code: str, *prereqs: str) -> CatalogItem:
    return CatalogItem(code, code, "区行政审批服务局", 10, 5, prerequisites=prereqs)


def test_validate_catalog():
    validate_catalog([_item("A"), _item("B", "A")])
    with pytest.raises(ValidationError, match="重复"):
        validate_catalog([_item("A"), _item("A")])
    with pytest.raises(ValidationError, match="不在事项库中"):
        validate_catalog([_item("A", "Z")])
    with pytest.raises(ValidationError, match="前置事项循环：A → B → A"):
        validate_catalog([_item("A", "B"), _item("B", "A")])
    assert [i.code for i in parse_catalog({"items": [ROW, {**ROW, "code": "SP901", "prerequisites": []}]})] == [
        "SP900",
        "SP901",
    ]


def test_parse_menu_templates():
    data = {"templates": [{"code": "t", "name": "模板", "items": [{"code": "sp1", "class": "必办", "reason": "因"}]}]}
    (template,) = parse_menu_templates(data, ["SP1"])
    assert template.codes() == ["SP1"] and template.codes("must_do") == ["SP1"]
    assert template.entries[0].classification is Classification.MUST_DO
    with pytest.raises(ValidationError, match="不在事项库中"):
        parse_menu_templates(data, ["SP2"])
    dup = {"templates": [{"code": "t", "name": "模板", "items": [{"code": "SP1", "class": "必办"}] * 2}]}
    with pytest.raises(ValidationError, match="重复"):
        parse_menu_templates(dup)


# -- verification codes -----------------------------------------------------------------------
SECRET = b"desk-secret-for-tests"
USCC = "91370212MA3U8KW28P"


def test_verification_code_shape_and_determinism():
    code = verification_code(SECRET, 17, "SP056", USCC)
    assert len(code) == VERIFICATION_CODE_LENGTH == 12
    assert set(code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert code == verification_code(SECRET.decode(), "17", "sp056", USCC.lower())
    formatted = format_verification_code(code)
    assert formatted.count("-") == 2 and formatted.replace("-", "") == code


def test_verification_code_depends_on_every_field():
    base = verification_code(SECRET, 17, "SP056", USCC)
    assert verification_code(SECRET, 18, "SP056", USCC) != base
    assert verification_code(SECRET, 17, "SP057", USCC) != base
    assert verification_code(SECRET, 17, "SP056", "91370212MA3U8KW2X0") != base
    assert verification_code(b"other-secret", 17, "SP056", USCC) != base
    # The separator keeps "1"+"7SP" and "17"+"SP" apart.
    assert verification_code(SECRET, "1", "7SP056", USCC) != base


def test_check_verification_code_folds_typing_slips():
    code = verification_code(SECRET, 17, "SP056", USCC)
    assert check_verification_code(code, SECRET, 17, "SP056", USCC)
    typed = format_verification_code(code).lower().replace("0", "o").replace("1", "l")
    assert check_verification_code(" " + typed + " ", SECRET, 17, "SP056", USCC)
    assert not check_verification_code(code, SECRET, 18, "SP056", USCC)
    assert not check_verification_code("not a code", SECRET, 17, "SP056", USCC)
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert not check_verification_code(wrong, SECRET, 17, "SP056", USCC)


def test_normalise_and_secret_errors():
    with pytest.raises(ValidationError, match="12 位"):
        normalise_verification_code("ABC")
    with pytest.raises(ValidationError):
        normalise_verification_code("UUUU-UUUU-UUUU")  # U is not in Crockford's alphabet
    with pytest.raises(ValueError):
        verification_code(b"", 1, "SP001", USCC)


@given(st.integers(1, 10**9), st.sampled_from(["SP001", "SP023", "SP056"]), st.text(min_size=1, max_size=20))
def test_verification_round_trip(cert_id, item, secret):
    code = verification_code(secret, cert_id, item, USCC)
    assert check_verification_code(format_verification_code(code), secret, cert_id, item, USCC)
    assert normalise_verification_code(code) == code
