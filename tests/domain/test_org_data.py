"""Reference data in resources/data: the Laoshan territory (5 streets, 168 communities and
villages, 863 grids), the 62 district departments and units, and the 43 proxy services — the
seed's figures, exactly."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "resources" / "data"


@pytest.fixture(scope="module")
def org():
    return json.loads((DATA / "organisation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services():
    return json.loads((DATA / "proxy_services.json").read_text(encoding="utf-8"))["services"]


def communities(org):
    return [c for s in org["streets"] for c in s["communities"]]


def grids(org):
    return [g for c in communities(org) for g in c["grids"]]


def test_the_seeds_counts(org):
    assert [s["name"] for s in org["streets"]] == [
        "中韩街道",
        "沙子口街道",
        "王哥庄街道",
        "北宅街道",
        "金家岭街道",
    ]
    assert len(communities(org)) == 168
    assert len(grids(org)) == 863
    assert len(org["departments"]) == 62


def test_codes_are_unique_across_every_level(org):
    codes = (
        [s["code"] for s in org["streets"]]
        + [c["code"] for c in communities(org)]
        + [g["code"] for g in grids(org)]
        + [d["code"] for d in org["departments"]]
    )
    assert len(codes) == len(set(codes)) == 5 + 168 + 863 + 62
    assert all(isinstance(c, str) and c for c in codes)


def test_codes_nest_like_the_statistical_division_codes(org):
    for street in org["streets"]:
        assert re.fullmatch(r"370212\d{3}", street["code"])
        for community in street["communities"]:
            assert re.fullmatch(re.escape(street["code"]) + r"\d{3}", community["code"])
            for grid in community["grids"]:
                assert re.fullmatch(re.escape(community["code"]) + r"\d{3}", grid["code"])


def test_names_unique_within_a_street_and_grid_names_follow_their_community(org):
    for street in org["streets"]:
        names = [c["name"] for c in street["communities"]]
        assert len(names) == len(set(names)), street["name"]
        for community in street["communities"]:
            assert community["grids"], community["name"]
            expected = [f"{community['name']}第{i}网格" for i in range(1, len(community["grids"]) + 1)]
            assert [g["name"] for g in community["grids"]] == expected
    # Also unique district-wide, so a community name alone finds one place.
    all_names = [c["name"] for c in communities(org)]
    assert len(all_names) == len(set(all_names))


def test_real_names_are_where_they_belong(org):
    by_street = {s["name"]: {c["name"] for c in s["communities"]} for s in org["streets"]}
    assert {"青山村", "黄山村", "港东村"} <= by_street["王哥庄街道"]
    assert "东麦窑社区" in by_street["沙子口街道"]
    assert {"北宅社区", "卧龙村"} <= by_street["北宅街道"]
    assert {"金家岭社区", "辽阳东路社区"} <= by_street["金家岭街道"]


# The checks file: 中韩街道 since 2017 has these 21 communities, and no others.
ZHONGHAN = (
    "西韩、北村、中韩、东韩、车家下庄、宋家下庄、张村河南、刘家下庄、李家下庄、张家下庄、孙家下庄、"
    "董家下庄、南张、郑张、文张、张村、枯桃、牟家、春光山色、温哥华、华都"
).split("、")


def street_of(org) -> dict[str, str]:
    return {c["name"]: s["name"] for s in org["streets"] for c in s["communities"]}


def test_zhonghan_has_exactly_its_21_communities(org):
    (zhonghan,) = [s for s in org["streets"] if s["name"] == "中韩街道"]
    assert [c["name"] for c in zhonghan["communities"]] == [f"{n}社区" for n in ZHONGHAN]
    assert len(zhonghan["communities"]) == 21


def test_misplaced_communities_are_in_their_streets(org):
    where = street_of(org)
    assert where["午山社区"] == "金家岭街道"
    assert where["南龙口社区"] == "沙子口街道"
    assert where["南姜社区"] == "沙子口街道"


def test_places_outside_laoshan_are_gone(org):
    names = [c["name"] for c in communities(org)] + [g["name"] for g in grids(org)]
    assert not [n for n in names if "红石崖" in n or "钓鱼台" in n]


def test_places_named_in_the_seed_and_the_checks_are_there(org):
    where = street_of(org)
    assert where["春光山色社区"] == "中韩街道"  # seed part 2
    assert where["磅石村"] == "北宅街道"  # seed part 2
    assert where["马鞍子村"] == "沙子口街道"
    assert where["荷花村"] == "王哥庄街道"


def test_former_villages_say_so(org):
    for c in communities(org):
        if "former_village" in c:
            assert c["former_village"] is True and c["kind"] == "community", c["name"]
            assert "村" in c["note"], c["name"]
    where = {c["name"]: c for c in communities(org)}
    assert where["张村社区"].get("former_village") and where["午山社区"].get("former_village")
    assert not where["春光山色社区"].get("former_village")


def test_codes_are_marked_local(org):
    assert org["code_kind"] == "local"
    assert "本地代码" in org["code_note"] and "不是官方" in org["code_note"]
    assert {s["code_kind"] for s in org["streets"]} == {"statistical"}  # 370212001–005 are official


def test_kinds_urban_streets_have_communities_rural_ones_mostly_villages(org):
    for street in org["streets"]:
        kinds = Counter(c["kind"] for c in street["communities"])
        assert set(kinds) <= {"community", "village"}
        for c in street["communities"]:
            assert c["kind"] == ("community" if c["name"].endswith("社区") else "village")
        if street["name"] in ("中韩街道", "金家岭街道"):
            assert kinds["village"] == 0
        else:
            assert kinds["village"] > kinds["community"] > 0


def test_grids_are_distributed_realistically(org):
    for street in org["streets"]:
        sizes = [len(c["grids"]) for c in street["communities"]]
        assert min(sizes) >= 3 and max(sizes) <= 12, street["name"]
    urban_streets = ("中韩街道", "金家岭街道")
    urban = [len(c["grids"]) for s in org["streets"] if s["name"] in urban_streets for c in s["communities"]]
    rural = [len(c["grids"]) for s in org["streets"] if s["name"] not in urban_streets for c in s["communities"]]
    assert sum(urban) / len(urban) > sum(rural) / len(rural)  # towns are denser than villages


def test_departments(org):
    depts = org["departments"]
    for d in depts:
        assert set(d) == {"code", "name", "short_name", "grants_approvals", "category_keywords"}
        assert isinstance(d["grants_approvals"], bool)
        assert isinstance(d["category_keywords"], list)
        assert all(isinstance(k, str) and k.strip() == k and k for k in d["category_keywords"])
    assert len({d["name"] for d in depts}) == 62
    assert len({d["short_name"] for d in depts}) == 62
    approvers = {d["name"] for d in depts if d["grants_approvals"]}
    assert len(approvers) >= 9
    assert {
        "区行政审批服务局",
        "区住房和城乡建设局",
        "区消防救援大队",
        "区市场监督管理局",
        "区卫生健康局",
        "区文化和旅游局",
        "区公安分局",
        "区生态环境分局",
        "区自然资源局",
        "区人力资源和社会保障局",
        "区水务局",
        "区应急管理局",
        "区人民防空办公室",
    } <= approvers
    names = {d["name"] for d in depts}
    assert {"区委办公室", "区政府办公室", "区信访局", "区医疗保障局", "区城市管理局"} <= names


def test_utility_companies_carry_the_keywords_the_dispatch_suggestion_needs(org):
    keywords = {d["short_name"]: set(d["category_keywords"]) for d in org["departments"]}
    assert {"供暖", "暖气"} <= keywords["供热公司"]
    assert "停水" in keywords["自来水公司"]
    assert "燃气" in keywords["燃气公司"]
    assert "停电" in keywords["供电中心"]
    # Every keyword points to one department only, or suggestions would be a coin toss.
    owners = Counter(k for ks in keywords.values() for k in ks)
    assert [k for k, n in owners.items() if n > 1] == []


def test_proxy_services(org, services):
    assert len(services) == 43
    codes = [s["code"] for s in services]
    assert len(set(codes)) == 43
    assert len({s["name"] for s in services}) == 43
    dept_codes = {d["code"] for d in org["departments"]}
    for s in services:
        assert set(s) == {
            "code",
            "name",
            "category",
            "department",
            "materials",
            "time_limit_workdays",
        }
        assert s["department"] in dept_codes, s["name"]
        assert s["materials"] and all(isinstance(m, str) and m for m in s["materials"])
        assert isinstance(s["time_limit_workdays"], int) and 1 <= s["time_limit_workdays"] <= 30
    names = " ".join(s["name"] for s in services)
    for expected in (
        "高龄津贴",
        "城乡居民医疗保险参保登记",
        "残疾人两项补贴",
        "社会保障卡补办",
        "居住证",
        "灵活就业",
        "老年人优待证",
    ):
        assert expected in names


@pytest.fixture(scope="module")
def catalog():
    return json.loads((DATA / "approval_catalog.json").read_text(encoding="utf-8"))


def test_the_departments_that_grant_approvals_are_the_catalogs(org, catalog):
    approvers = {d["name"] for d in org["departments"] if d["grants_approvals"]}
    assert {row["department"] for row in catalog["items"]} == approvers == set(catalog["departments"])


def test_small_catering_and_civil_air_defence_sit_with_one_department(org, services, catalog):
    name_of = {d["code"]: d["name"] for d in org["departments"]}
    catering = {row["department"] for row in catalog["items"] if "小餐饮" in row["name"]}
    catering |= {name_of[s["department"]] for s in services if "小餐饮" in s["name"]}
    assert catering == {"区市场监督管理局"}
    air_defence = {row["department"] for row in catalog["items"] if "人防" in row["name"] or "防空" in row["name"]}
    assert air_defence == {"区人民防空办公室"}
    assert "区人民防空办公室" in name_of.values()
