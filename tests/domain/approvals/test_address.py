"""The street an address names (docs/rules.md §approvals-street), written from the rule."""

from __future__ import annotations

from laoshan_desk.domain.approvals import street_for_address

STREETS = {1: "中韩街道", 2: "沙子口街道", 3: "金家岭街道"}
COMMUNITIES = [("石老人社区", 3), ("南姜社区", 2), ("西韩社区", 1), ("北村社区", 1), ("段家埠村", 2)]


def suggest(address: str) -> int | None:
    return street_for_address(address, STREETS, COMMUNITIES)


def test_a_street_named_in_full_or_by_its_stem():
    assert suggest("青岛市崂山区沙子口街道滨海大道（示例地址）") == 2
    assert suggest("崂山区 沙子口 滨海大道") == 2  # spaces do not matter; the stem names it


def test_a_community_or_village_names_its_street():
    assert suggest("青岛市崂山区石老人社区海口路") == 3
    assert suggest("崂山区石老人海水浴场旁") == 3  # the stem
    assert suggest("段家埠村 12 号") == 2


def test_none_or_two_streets_suggest_nothing():
    assert suggest("") is None
    assert suggest("青岛市市南区香港中路") is None
    assert suggest("西韩社区与南姜社区之间") is None  # two streets: the clerk chooses


def test_a_full_name_outranks_a_stem():
    # 沙子口街道 in full; 北村 appears only as part of another word (a stem match of 中韩's 北村社区)
    assert suggest("沙子口街道北村路") == 2
