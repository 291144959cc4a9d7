"""Tests of catalog parsing and menu templates."""

from __future__ import annotations

from decimal import Decimal

import pytest

from laoshan_desk.domain.approvals import (
    CatalogItem,
    Classification,
    check_graph,
    parse_catalog,
    parse_catalog_item,
    parse_menu_templates,
    validate_catalog,
)
from laoshan_desk.domain.errors import ValidationError

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


def test_check_graph_is_the_one_check_of_the_catalog_graph():
    check_graph({"A": (), "B": ("A",)})
    with pytest.raises(ValidationError, match="不能以自身为前置事项"):
        check_graph({"A": ("A",)})
    with pytest.raises(ValidationError, match="前置事项 Z 不在事项库中") as err:
        check_graph({"A": ("Z",)})
    assert err.value.field == "prerequisites"
    with pytest.raises(ValidationError, match="前置事项循环：A → B → C → A") as err:
        check_graph({"A": ("C",), "B": ("A",), "C": ("B",)})
    assert err.value.code == "prerequisite_cycle"


def test_the_loader_takes_citation_objects_and_a_limit_of_kind_none():
    """The catalog file may carry added fields (limit kinds, verified citations): they are read
    or ignored, never refused."""
    row = {
        **ROW,
        "statutory_days": None,
        "limit_kind": "none",
        "applicant_deadline_days": 15,
        "level": "district",
        "legal_basis": [{"text": "《某条例》第八条", "verified": True, "source": "LawRefBook"}, "《某办法》第三条"],
    }
    item = parse_catalog_item(row)
    assert item.statutory_days == 0 and item.committed_days == 5
    assert item.legal_basis == ("《某条例》第八条", "《某办法》第三条")
    with pytest.raises(ValidationError, match="法定时限应为整数"):
        parse_catalog_item({**ROW, "statutory_days": None})
