"""Policies matched and pushed, awards in Decimal with yearly totals, seminars, quarter totals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from laoshan_desk.domain.alliance.stats import Quarter, format_percent
from laoshan_desk.domain.alliance.vocabulary import AwardKind, ComplaintOutcome
from laoshan_desk.domain.errors import NotFound, ValidationError
from laoshan_desk.services import alliance
from laoshan_desk.services.alliance import awards as aw
from laoshan_desk.services.alliance import policies as pol
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.services.alliance import seminars as sem
from laoshan_desk.services.alliance import spotchecks as sc
from laoshan_desk.services.alliance import stats
from tests.alliance_support import at, fake_uscc

NOW = at(2023, 12, 20)


def policy(code_: str, **changes):  # type: ignore[no-untyped-def]
    form = pol.PolicyForm(
        code_, f"政策{code_}", "崂山区市场监管局", dt.date(2023, 3, 1), ("生产经营",), lines=("质量发展",)
    )
    return dataclasses.replace(form, **changes)


@pytest.fixture
def library(db, officer):  # type: ignore[no-untyped-def]
    ids = {}
    for form in [
        policy("P001"),
        policy("P002", industries=("茶叶",)),
        policy("P003", honours=("崂山质量奖",), amount=Decimal("500000")),
        policy("P004", stages=("market_entry",)),
        policy("P005", active=False),
    ]:
        ids[form.code] = pol.save_policy(db, officer, form, now=NOW)
    return ids


def test_matching_by_stage_industry_honours_and_pushing_once(db, officer, add_member, library):
    m = add_member(1, industry="tea")
    alliance.add_honour(db, officer, alliance.HonourForm(m.enterprise_id, "laoshan_award", 2022), now=NOW)
    result = pol.match(db, officer, uscc=fake_uscc(1))
    assert [r.policy.code for r in result.matches] == ["P003", "P002", "P001"]
    assert result.matches[0].reasons[-1] == "荣誉：崂山质量奖" and result.matches[0].pushed_at is None
    assert pol.push(db, officer, pol.PushForm(m.enterprise_id, (library["P003"], library["P002"])), now=NOW) == 2
    assert pol.push(db, officer, pol.PushForm(m.enterprise_id, (library["P003"],)), now=NOW) == 0
    again = pol.match(db, officer, enterprise_id=m.enterprise_id)
    assert [r.pushed_at is not None for r in again.matches] == [True, True, False]
    assert {p.code: p.pushes for p in pol.list_policies(db, officer)}["P003"] == 1
    assert [p.code for p in pol.list_policies(db, officer, stage="市场准入")] == ["P004"]


def test_match_refuses_unknown_codes_and_non_members(db, officer, library):
    with pytest.raises(NotFound):
        pol.match(db, officer, uscc=fake_uscc(77))
    with pytest.raises(ValidationError):
        pol.match(db, officer, uscc="123")


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"code": ""}, "code"),
        ({"stages": ()}, "stages"),
        ({"stages": ("成长期",)}, "stages"),
        ({"amount": Decimal("-1")}, "amount"),
        ({"amount": "1.005"}, "amount"),
        ({"issued_on": dt.date(2030, 1, 1)}, "issued_on"),
    ],
)
def test_bad_policies(db, officer, changes, field):
    with pytest.raises(ValidationError) as caught:
        pol.save_policy(db, officer, policy("P9", **changes), now=NOW)
    assert caught.value.field == field


def test_awards_are_decimal_and_totalled_per_year(db, officer, add_member):
    a, b = add_member(1), add_member(2)
    ids = [
        aw.apply_award(
            db, officer, aw.AwardForm(a.enterprise_id, "标准化奖励", 2022, "1318500", dt.date(2023, 3, 1)), now=NOW
        ),
        aw.apply_award(
            db,
            officer,
            aw.AwardForm(b.enterprise_id, "标准化奖励", 2022, "1,318,500.00", dt.date(2023, 3, 1)),
            now=NOW,
        ),
        aw.apply_award(
            db, officer, aw.AwardForm(b.enterprise_id, "崂山质量奖", 2023, "500000", dt.date(2023, 6, 1)), now=NOW
        ),
    ]
    for aid in ids[:2]:
        aw.decide_award(db, officer, aw.AwardDecisionForm(aid, "已兑现", dt.date(2023, 8, 8)), now=NOW)
    with pytest.raises(ValidationError):
        aw.decide_award(db, officer, aw.AwardDecisionForm(ids[0], "已兑现", dt.date(2023, 8, 8)), now=NOW)
    with pytest.raises(ValidationError):
        aw.decide_award(db, officer, aw.AwardDecisionForm(ids[2], "已兑现", dt.date(2023, 5, 1)), now=NOW)
    (total,) = aw.award_totals(db, officer)
    assert (total.year, total.kind, total.awards, total.paid) == (
        2022,
        AwardKind.STANDARDISATION,
        2,
        Decimal("2637000.00"),
    )
    assert isinstance(aw.list_awards(db, officer)[0].amount, Decimal)


def test_seminars_and_quarter_totals(db, officer, leader, add_member, tmp_path):
    m = add_member(1)
    slides = tmp_path / "反不正当竞争案例.pdf"
    slides.write_bytes(b"%PDF-1.4 demo")
    sem.add_seminar(
        db,
        officer,
        sem.SeminarForm(
            dt.date(2023, 9, 14),
            "第三季度专题研讨：反不正当竞争",
            ("反不正当竞争", "保护知识产权"),
            "案例剖析",
            attendees=(sem.Attendee(m.enterprise_id, "法务甲"), sem.Attendee(None, "专家乙")),
            materials=(slides,),
        ),
        now=NOW,
    )
    (row,) = sem.list_seminars(db, leader, year=2023)
    assert row.quarter == Quarter(2023, 3) and row.attendees == 2 and row.materials == ("反不正当竞争案例.pdf",)
    with pytest.raises(ValidationError):
        sem.add_seminar(db, officer, sem.SeminarForm(dt.date(2023, 9, 14), "x", (), "lecture"), now=NOW)

    rid = req_svc.open_request(
        db, officer, req_svc.RequestForm(m.id, "品牌", "产品", "四川", dt.date(2023, 7, 3)), now=NOW
    )
    assert rid
    bid = sc.record_batch(
        db,
        officer,
        sc.BatchForm(
            "青岛示例1号有限公司", fake_uscc(1), "laoshan_tea", "崂山绿茶", "B1", dt.date(2023, 8, 2), "实验室"
        ),
        now=NOW,
    )
    sc.record_result(db, officer, sc.ResultForm(bid, "合格", dt.date(2023, 8, 9)), now=NOW)
    c = alliance.register(
        db,
        officer,
        alliance.ComplaintForm(
            "complaint", at(2023, 8, 1), "茶叶包装破损", "孙示例", enterprise_name="青岛示例1号有限公司"
        ),
        now=NOW,
    )
    alliance.decide(db, officer, alliance.DecisionForm(c.id, "受理", at(2023, 8, 2)), now=NOW)
    alliance.finish(db, officer, alliance.FinishForm(c.id, "调解成功", at(2023, 8, 20)), now=NOW)
    report = stats.quarterly(db, leader, first=dt.date(2023, 7, 1), last=dt.date(2023, 12, 31))
    q3, q4 = report.rows
    assert (q3.actions, q3.batches, q3.conforming, q3.complaints, q3.on_time) == (1, 1, 1, 1, 1)
    assert dict(q3.by_outcome) == {ComplaintOutcome.AGREEMENT: 1}
    assert format_percent(q3.conformity_rate) == "100.00%" and q4.actions == 0
    assert report.total.actions == 1
    with pytest.raises(ValidationError):
        stats.quarterly(db, leader, first=dt.date(2023, 7, 1), last=dt.date(2023, 1, 1))
