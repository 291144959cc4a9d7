"""未诉先办: keywords with jieba and the local dictionary, hot topics per week and community,
week-on-week surges, repeat places and phones."""

from __future__ import annotations

import datetime as dt

import pytest

from laoshan_desk.domain.appeals.hotspots import (
    STOPWORDS_FILE,
    AppealRecord,
    Segmenter,
    community_keyword_counts,
    hot_topics,
    keyword_counts,
    keywords,
    load_stopwords,
    repeat_phones,
    repeat_places,
    surges,
    week_start,
    weekly_keyword_counts,
)
from laoshan_desk.domain.timeutil import TZ


def at(y, m, d, hh=10, mm=0):
    return dt.datetime(y, m, d, hh, mm, tzinfo=TZ)


def rec(key, when, content, community=None, grid=None, phone=None):
    return AppealRecord(key, when, content, None, community, grid, phone)


# -- keywords ----------------------------------------------------------------------------------
def test_local_terms_stay_whole_and_boilerplate_is_dropped():
    words = keywords("王哥庄街道青山村村民反映小区门口垃圾清运不及时，噪音扰民，占道经营，停车难")
    for term in ("垃圾清运", "噪音扰民", "占道经营", "停车难", "王哥庄"):
        assert term in words
    for noise in ("反映", "小区", "门口", "村民", "街道", "，"):
        assert noise not in words


def test_keywords_are_distinct_in_order_and_skip_numbers():
    words = keywords("暖气不热暖气不热，室温只有14度，希望供热公司尽快处理")
    assert words == ("暖气不热", "室温", "供热")


def test_stopword_file_has_comments_and_the_usual_words():
    stop = load_stopwords()
    assert {"的", "反映", "希望", "小区"} <= stop
    assert not any(w.startswith("#") for w in stop)
    assert STOPWORDS_FILE.exists()


def test_a_segmenter_of_ones_own_does_not_touch_jiebas_global_dictionary(tmp_path):
    import jieba

    userdict = tmp_path / "dict.txt"
    userdict.write_text("青山茶韵 100 n\n", encoding="utf-8")
    seg = Segmenter(userdict=userdict, stopwords=set())
    assert "青山茶韵" in seg.keywords("青山茶韵很好")
    assert "青山茶韵" not in jieba.lcut("青山茶韵很好")


def test_empty_content():
    assert keywords("") == ()


# -- counting ----------------------------------------------------------------------------------
RECORDS = [
    rec("1", at(2026, 11, 16), "小区停车难，车位被占", "金家岭社区"),
    rec("2", at(2026, 11, 17), "停车难，晚上回家没有车位", "金家岭社区"),
    rec("3", at(2026, 11, 18), "楼下烧烤店噪音扰民，噪音扰民", "辽阳东路社区"),
    rec("4", at(2026, 11, 23), "停车难问题一直没解决", "辽阳东路社区"),
    rec("5", at(2026, 11, 24), "暖气不热，供暖温度不达标", "金家岭社区"),
    rec("6", at(2026, 11, 29, 23, 59), "供暖不热", None),
]


def test_week_start_is_monday_in_shanghai():
    assert week_start(dt.date(2026, 11, 29)) == dt.date(2026, 11, 23)  # Sunday
    assert week_start(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)
    # Sunday 16:30 UTC is already Monday in Shanghai.
    assert week_start(dt.datetime(2026, 11, 29, 16, 30, tzinfo=dt.UTC)) == dt.date(2026, 11, 30)


def test_keyword_counts_count_appeals_not_mentions():
    counts = keyword_counts(RECORDS)
    assert counts["停车难"] == 3
    assert counts["噪音扰民"] == 1  # said twice in one appeal
    assert counts["供暖"] == 2


def test_hot_topics_ranked_and_limited_to_a_period():
    # Ties in count are ordered by the word, so reports are reproducible.
    assert hot_topics(RECORDS, top=3) == [("停车难", 3), ("供暖", 2), ("车位", 2)]
    week = hot_topics(RECORDS, start=dt.date(2026, 11, 23), end=dt.date(2026, 11, 29), min_count=1)
    assert week[0] == ("供暖", 2)
    assert ("停车难", 1) in week


def test_weekly_and_community_counts():
    weeks = weekly_keyword_counts(RECORDS)
    assert list(weeks) == [dt.date(2026, 11, 16), dt.date(2026, 11, 23)]
    assert weeks[dt.date(2026, 11, 16)]["停车难"] == 2
    assert weeks[dt.date(2026, 11, 23)]["供暖"] == 2
    by_community = community_keyword_counts(RECORDS)
    assert set(by_community) == {"金家岭社区", "辽阳东路社区"}  # no community: left out
    assert by_community["金家岭社区"]["停车难"] == 2
    assert by_community["辽阳东路社区"]["噪音扰民"] == 1


# -- surges ------------------------------------------------------------------------------------
def many(prefix, n, day, content, community="金家岭社区"):
    return [rec(f"{prefix}{i}", at(2026, 11, day, 9, i), content, community) for i in range(n)]


def test_surge_needs_count_increase_and_ratio():
    records = (
        many("a", 2, 17, "占道经营")  # last week 2
        + many("b", 6, 24, "占道经营")  # this week 6: ×3, +4 → surge
        + many("c", 4, 17, "停车难")
        + many("d", 7, 24, "停车难")  # ×1.75 → no
        + many("e", 4, 24, "油烟扰民")  # 4 < min_count → no
        + many("f", 5, 25, "井盖")  # new: 0 → 5 → surge
    )
    found = surges(records, dt.date(2026, 11, 26))
    assert [(s.keyword, s.this_week, s.last_week) for s in found] == [
        ("井盖", 5, 0),
        ("占道经营", 6, 2),
    ]
    assert found[0].ratio is None and found[1].ratio == 3.0
    assert found[1].increase == 4
    assert found[1].label == "占道经营 本周 6 件，上周 2 件（×3.0）"
    assert found[0].label.endswith("（新增）")


def test_surge_thresholds_are_parameters():
    records = many("a", 2, 17, "占道经营") + many("b", 3, 24, "占道经营")
    assert surges(records, at(2026, 11, 24)) == []
    loose = surges(records, at(2026, 11, 24), min_count=3, min_increase=1, min_ratio=1.5)
    assert [(s.keyword, s.this_week) for s in loose] == [("占道经营", 3)]


def test_surges_by_community_compare_each_with_itself():
    records = (
        many("a", 5, 17, "停车难", "金家岭社区")
        + many("b", 5, 24, "停车难", "辽阳东路社区")  # district: 5 vs 5, no surge
    )
    assert surges(records, dt.date(2026, 11, 24)) == []
    found = surges(records, dt.date(2026, 11, 24), by_community=True)
    assert [(s.community, s.keyword, s.this_week, s.last_week) for s in found] == [("辽阳东路社区", "停车难", 5, 0)]
    assert found[0].label.startswith("辽阳东路社区 停车难")


def test_weeks_further_back_are_ignored():
    records = many("a", 9, 10, "停车难") + many("b", 5, 24, "停车难")
    assert [s.keyword for s in surges(records, dt.date(2026, 11, 24))] == ["停车难"]


# -- repeats -----------------------------------------------------------------------------------
def test_repeat_places_in_the_window():
    now = at(2026, 11, 30, 12)
    records = [
        rec("1", at(2026, 11, 1, 0, 0), "a", grid="G1"),  # 30 days ending today: 1 Nov included
        rec("2", at(2026, 11, 15), "b", grid="G1"),
        rec("3", at(2026, 11, 30, 11), "c", grid="G1"),
        rec("4", at(2026, 10, 31, 23, 59), "d", grid="G2"),  # outside
        rec("5", at(2026, 11, 20), "e", grid="G2"),
        rec("6", at(2026, 11, 21), "f", grid="G2"),
        rec("7", at(2026, 11, 30, 13), "g", grid="G2"),  # after now: not yet
    ]
    found = repeat_places(records, now)
    assert [(r.value, r.count, r.keys) for r in found] == [("G1", 3, ("1", "2", "3"))]
    assert found[0].first == at(2026, 11, 1, 0, 0)
    assert found[0].last == at(2026, 11, 30, 11)
    # 16 days ending 30 Nov start on 15 Nov: G1 (15th, 30th) and G2 (20th, 21st) have two each.
    assert [r.value for r in repeat_places(records, now, days=16, min_count=2)] == ["G1", "G2"]
    assert repeat_places(records, now, days=10, min_count=2) == []


def test_repeat_places_by_community():
    now = at(2026, 11, 30)
    records = [rec(str(i), at(2026, 11, 20 + i), "x", community="青山村", grid=f"G{i}") for i in range(3)]
    assert repeat_places(records, now) == []
    assert repeat_places(records, now, level="community")[0].value == "青山村"
    with pytest.raises(ValueError):
        repeat_places(records, now, level="street")


def test_repeat_phones_are_normalised_and_anonymous_skipped():
    now = at(2026, 11, 30)
    records = [
        rec("1", at(2026, 11, 20), "x", phone="138 0532 1234"),
        rec("2", at(2026, 11, 21), "x", phone="+86 13805321234"),
        rec("3", at(2026, 11, 22), "x", phone="138-0532-1234"),
        rec("4", at(2026, 11, 22), "x"),
        rec("5", at(2026, 11, 23), "x"),
        rec("6", at(2026, 11, 24), "x", phone=""),
    ]
    found = repeat_phones(records, now)
    assert [(r.value, r.count) for r in found] == [("13805321234", 3)]
