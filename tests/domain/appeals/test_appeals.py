"""The appeal domain: vocabularies, status transitions, rates, numbers, SMS, dispatch
suggestions and duplicate detection."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laoshan_desk.domain.appeals import (
    ALLOWED_TRANSITIONS,
    AppealKind,
    AppealSnapshot,
    AppealStatus,
    Channel,
    HandlingLevel,
    Place,
    Satisfaction,
    can_transition,
    check_transition,
    closure_rate,
    content_similarity,
    find_duplicates,
    finished_sms_text,
    format_appeal_number,
    format_rate,
    is_appeal_number,
    normalise_phone,
    parse_appeal_number,
    quantize_rate,
    rate,
    satisfaction_rate,
    satisfaction_rate_of,
    suggest_dispatch,
)
from laoshan_desk.domain.errors import ValidationError
from laoshan_desk.domain.timeutil import TZ

ORG = Path(__file__).resolve().parents[3] / "resources" / "data" / "organisation.json"


def at(y, m, d, hh=0, mm=0):
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


# -- vocabularies ------------------------------------------------------------------------------
def test_labels_match_the_import_sheet_words():
    assert [k.label for k in AppealKind] == ["民生", "发展", "执法"]
    assert [c.label for c in Channel] == ["微信公众号", "电话", "窗口", "网格员", "街道部门提报", "青诉即办"]
    assert [h.label for h in HandlingLevel] == ["社区", "街道", "区直部门"]
    assert [s.label for s in Satisfaction] == ["满意", "基本满意", "不满意"]


def test_from_label_accepts_label_or_code_and_refuses_others():
    assert Channel.from_label("青诉即办") is Channel.CITY
    assert Channel.from_label(" city ") is Channel.CITY
    assert HandlingLevel("department") is HandlingLevel.DEPARTMENT
    with pytest.raises(ValidationError) as err:
        AppealKind.from_label("投诉")
    assert "民生、发展、执法" in err.value.message


def test_enum_values_are_plain_strings_for_the_database():
    assert AppealStatus.IN_PROGRESS == "in_progress"
    assert f"{AppealStatus.IN_PROGRESS}" == "in_progress"
    assert json.dumps(AppealStatus.CLOSED) == '"closed"'


# -- transitions -------------------------------------------------------------------------------
S = AppealStatus


def walk(*steps):
    for a, b in zip(steps, steps[1:], strict=False):
        check_transition(a, b)


def test_the_whole_life_cycle():
    walk(S.RECEIVED, S.DISPATCHED, S.RESPONDED, S.IN_PROGRESS, S.FINISHED, S.VISITED, S.CLOSED)


def test_reassign_return_suspend_and_reopen():
    walk(S.RECEIVED, S.DISPATCHED, S.DISPATCHED, S.RETURNED, S.DISPATCHED, S.RESPONDED)
    walk(S.RESPONDED, S.SUSPENDED, S.IN_PROGRESS, S.SUSPENDED, S.IN_PROGRESS, S.FINISHED)
    # Dissatisfied at the return visit: reopened.
    walk(S.FINISHED, S.VISITED, S.IN_PROGRESS, S.FINISHED, S.VISITED, S.CLOSED)
    # Anonymous: nobody to visit.
    walk(S.FINISHED, S.CLOSED)
    walk(S.RECEIVED, S.MERGED)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (S.RECEIVED, S.FINISHED),
        (S.RECEIVED, S.RESPONDED),
        (S.DISPATCHED, S.FINISHED),
        (S.SUSPENDED, S.FINISHED),
        (S.FINISHED, S.RECEIVED),
        (S.IN_PROGRESS, S.MERGED),
        (S.CLOSED, S.IN_PROGRESS),
        (S.MERGED, S.DISPATCHED),
    ],
)
def test_refused_moves(a, b):
    assert not can_transition(a, b)
    with pytest.raises(ValidationError) as err:
        check_transition(a, b)
    assert err.value.field == "status"
    assert a.label in err.value.message


def test_refusal_message_names_the_allowed_moves():
    with pytest.raises(ValidationError) as err:
        check_transition("received", "finished")
    assert err.value.message == "诉求当前为“已受理”，不能变为“已办结”（可变为：已派单、已合并）"


def test_every_status_has_a_row_and_terminals_are_closed_and_merged():
    assert set(ALLOWED_TRANSITIONS) == set(AppealStatus)
    assert {s for s in AppealStatus if s.is_terminal} == {S.CLOSED, S.MERGED}
    assert {s for s in AppealStatus if s.is_finished} == {S.FINISHED, S.VISITED, S.CLOSED}
    assert not S.SUSPENDED.clock_running and S.RETURNED.clock_running


def test_every_status_is_reachable_from_received():
    seen, todo = {S.RECEIVED}, [S.RECEIVED]
    while todo:
        for nxt in ALLOWED_TRANSITIONS[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(AppealStatus)


# -- rates -------------------------------------------------------------------------------------
def test_the_seeds_figures():
    # 44,733 appeals collected; closure 99.03%, satisfaction 99.37%.
    closure = closure_rate(44_299, 44_733)
    assert format_rate(closure) == "99.03%"
    assert quantize_rate(closure) == Decimal("0.9903")
    satisfaction = satisfaction_rate(44_020, 44_299)
    assert format_rate(satisfaction) == "99.37%"
    assert quantize_rate(satisfaction) == Decimal("0.9937")


def test_rates_round_half_up_not_to_even():
    assert format_rate(Decimal("0.12345")) == "12.35%"
    assert format_rate(Decimal("0.12355")) == "12.36%"
    assert format_rate(rate(1, 8)) == "12.50%"
    assert format_rate(rate(99_995, 100_000)) == "100.00%"
    assert format_rate(rate(0, 3)) == "0.00%"
    assert format_rate(rate(3, 3)) == "100.00%"


def test_no_denominator_no_rate():
    assert closure_rate(0, 0) is None
    assert format_rate(None) == "—"
    assert format_rate(None, empty="") == ""
    assert quantize_rate(None) is None


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        closure_rate(5, 4)
    with pytest.raises(ValueError):
        satisfaction_rate(-1, 4)


def test_satisfaction_rate_of_visit_results():
    results = ["satisfied", Satisfaction.BASIC, None, "dissatisfied", Satisfaction.SATISFIED]
    assert satisfaction_rate_of(results) == Decimal(3) / Decimal(4)
    assert satisfaction_rate_of([None, None]) is None


@given(st.integers(1, 2_000_000).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))))
def test_screen_and_command_line_rates_agree(pair):
    num, den = pair
    r = rate(num, den)
    assert format_rate(r) == f"{quantize_rate(r) * 100:.2f}%"


# -- appeal numbers ----------------------------------------------------------------------------
def test_appeal_number_round_trip():
    number = format_appeal_number(dt.date(2026, 11, 25), 1)
    assert number == "LS202611250001"
    assert parse_appeal_number(number) == (dt.date(2026, 11, 25), 1)
    assert parse_appeal_number(" ls202611259999 ") == (dt.date(2026, 11, 25), 9999)
    assert format_appeal_number(at(2026, 1, 2, 9), 42) == "LS202601020042"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "LS20261125001",  # serial too short
        "LS202613250001",  # month 13
        "LS202602300001",  # 30 February
        "LS202611250000",  # serial 0
        "QD202611250001",  # not ours
    ],
)
def test_bad_appeal_numbers(bad):
    assert not is_appeal_number(bad)
    with pytest.raises(ValidationError):
        parse_appeal_number(bad)


def test_serial_out_of_range():
    with pytest.raises(ValidationError):
        format_appeal_number(dt.date(2026, 11, 25), 10_000)


# -- SMS ---------------------------------------------------------------------------------------
def test_finished_sms():
    text = finished_sms_text("LS202611250001", at(2026, 11, 25, 9), "青山村", "张三")
    assert text.startswith("【崂山区崂先办】张三您好")
    assert "11月25日" in text and "LS202611250001" in text and "青山村" in text
    anonymous = finished_sms_text("LS202611250002", dt.date(2026, 11, 25), None, "匿名")
    assert anonymous.startswith("【崂山区崂先办】您好")
    assert "承办单位" in anonymous


# -- dispatch suggestion -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def keyword_table():
    org = json.loads(ORG.read_text(encoding="utf-8"))
    return {d["short_name"]: d["category_keywords"] for d in org["departments"]}


PLACE = Place(street="王哥庄街道", community="青山村", grid="青山村第2网格")


def test_specialised_matter_goes_to_its_department(keyword_table):
    s = suggest_dispatch("家里暖气不热，室温只有14度", PLACE, keyword_table)
    assert s.level is HandlingLevel.DEPARTMENT
    assert s.unit == "供热公司"
    assert "暖气" in s.matched
    s = suggest_dispatch("孩子明年入学，学区怎么划分", PLACE, keyword_table)
    assert (s.level, s.unit) == (HandlingLevel.DEPARTMENT, "教体局")


def test_street_matter_goes_to_the_street(keyword_table):
    s = suggest_dispatch("村口有人占道经营，流动摊贩很多", PLACE, keyword_table)
    assert (s.level, s.unit) == (HandlingLevel.STREET, "王哥庄街道")
    assert s.matched == ("占道经营", "流动摊贩")


def test_everyday_matter_stays_in_the_community(keyword_table):
    s = suggest_dispatch("楼道里堆满杂物，邻居之间有矛盾", PLACE, keyword_table)
    assert (s.level, s.unit) == (HandlingLevel.COMMUNITY, "青山村")
    s = suggest_dispatch("楼道里堆满杂物", Place(street="北宅街道"), keyword_table)
    assert (s.level, s.unit) == (HandlingLevel.STREET, "北宅街道")
    s = suggest_dispatch("楼道里堆满杂物", None, keyword_table)
    assert (s.level, s.unit) == (HandlingLevel.STREET, None)


def test_category_outweighs_a_passing_word_in_the_content():
    table = {"供热公司": ["供暖", "暖气"], "自来水公司": ["停水", "水压"]}
    text = "暖气片漏水后停水了"
    assert suggest_dispatch(text, PLACE, table).unit == "供热公司"  # tie → length → order
    assert suggest_dispatch(text, PLACE, table, category="停水").unit == "自来水公司"


def test_ties_go_to_the_earlier_department():
    table = {"甲": ["噪音"], "乙": ["噪音"]}
    assert suggest_dispatch("夜间噪音", PLACE, table).unit == "甲"


# -- duplicates --------------------------------------------------------------------------------
NEW = AppealSnapshot(
    "LS202611250010",
    at(2026, 11, 25, 10),
    "小区门口垃圾堆放多日无人清运",
    phone="138 0532 1234",
    grid="G1",
    community="C1",
)


def snap(key, when, content, phone=None, grid=None, community=None):
    return AppealSnapshot(key, when, content, phone, grid, community)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("小区门口垃圾堆放多日无人清运", "小区门口的垃圾好几天没人清运了，臭气熏天"),
        ("楼下烧烤店夜间噪音扰民", "楼下烧烤店每天晚上很吵，噪音扰民严重"),
        ("青山村路灯不亮", "青山村村口路灯坏了好几天不亮"),
        ("家里暖气不热，室温只有14度", "暖气不热，室内温度14度，请供热公司处理"),
    ],
)
def test_rewordings_are_similar(a, b):
    assert content_similarity(a, b) >= 0.2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("小区门口垃圾堆放多日无人清运", "小区门口停车难，车辆乱停"),
        ("小区门口垃圾堆放多日无人清运", "楼下烧烤店夜间噪音扰民"),
        ("青山村路灯不亮", "青山村自来水停水三天"),
    ],
)
def test_different_matters_from_the_same_place_are_not(a, b):
    assert content_similarity(a, b) < 0.2


def test_similarity_edge_cases():
    assert content_similarity("", "") == 0.0
    assert content_similarity("水", "水") == 1.0
    assert content_similarity("停水！", "停 水") == 1.0  # punctuation and spaces ignored
    assert content_similarity("ＡＢＣ", "abc") == 1.0  # full width and case


@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_bounded(a, b):
    s = content_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == content_similarity(b, a)


def test_phone_normalisation():
    assert normalise_phone("+86 138-0532-1234") == "13805321234"
    assert normalise_phone("8613805321234") == "13805321234"
    assert normalise_phone("0532-8888 6666") == "053288886666"
    assert normalise_phone(None) == ""


def test_same_phone_similar_content_within_seven_days():
    other = snap("A", at(2026, 11, 20, 9), "小区门口的垃圾好几天没人清运了", phone="+86 13805321234")
    found = find_duplicates(NEW, [other])
    assert [m.other.key for m in found] == ["A"]
    assert found[0].reasons == ("同一电话",)


def test_same_grid_similar_content():
    other = snap("B", at(2026, 11, 24, 9), "门口垃圾没人清运", grid="G1", community="C1")
    assert find_duplicates(NEW, [other])[0].reasons == ("同一网格",)


def test_community_stands_in_when_a_grid_is_missing():
    other = snap("C", at(2026, 11, 24, 9), "小区门口垃圾多日无人清运", community="C1")
    assert find_duplicates(NEW, [other])[0].reasons == ("同一社区",)
    # Both have grids and they differ: not the same place, even in the same community.
    other = snap("D", at(2026, 11, 24, 9), "小区门口垃圾多日无人清运", grid="G2", community="C1")
    assert find_duplicates(NEW, [other]) == []


def test_not_duplicates():
    too_old = snap("E", at(2026, 11, 18, 9, 59), "小区门口垃圾堆放多日无人清运", phone="13805321234")
    other_matter = snap("F", at(2026, 11, 24), "小区门口停车难，车辆乱停", phone="13805321234")
    elsewhere = snap("G", at(2026, 11, 24), "小区门口垃圾堆放多日无人清运", phone="13900000000", grid="G9")
    itself = snap(NEW.key, NEW.received_at, NEW.content, NEW.phone, NEW.grid)
    assert find_duplicates(NEW, [too_old, other_matter, elsewhere, itself]) == []


def test_exactly_seven_days_is_inside_the_window_and_best_matches_come_first():
    edge = snap("H", at(2026, 11, 18, 10), "门口垃圾没人清运", phone="13805321234")
    exact = snap("I", at(2026, 11, 30, 10), "小区门口垃圾堆放多日无人清运", grid="G1")
    found = find_duplicates(NEW, [edge, exact])
    assert [m.other.key for m in found] == ["I", "H"]
    assert found[0].similarity == 1.0
