"""Demo data of the 兴商护航联盟 tab with the seed's numbers (docs/rules/alliance.md §alliance-demo):

53 members (海尔集团（示例） with its one-to-one officer among them), 15 anti-counterfeiting actions
in 2023 (the 六和-like request whose officers went to 四川 and 重庆 in July 2023 one of them), 145
spot-check batches with a realistic non-conforming share, 177 policies across the four lifecycle
stages, the 2022 standardisation awards (¥2,637,000) and the fourth 崂山质量奖 (¥2,750,000), the
honours register's counts, quarterly seminars, and complaints — the year's, finished, and a few
open around ``now`` so the queue's lights have something to show.

Identities are plainly fictitious: USCCs in the 999999 region (no registration authority has it)
with a valid check character, phones in the 1390000xxxx range, 示例 where a real brand is meant.
Everything goes through the services (the rules and the audit apply); ``now`` is passed in. The
fixed tables and identities are in ``demo_data.py``; the bureau's year (policies to complaints) in
``demo_activity.py``.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import select

from laoshan_desk.domain.alliance.vocabulary import (
    HonourLevel,
    SamplingLevel,
)
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import org
from laoshan_desk.services.alliance import members, spotchecks
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.services.alliance.demo_activity import (
    add_awards,
    add_complaints,
    add_policies,
    add_pushes,
    add_seminars,
)
from laoshan_desk.services.alliance.demo_data import (
    ACTIONS,
    BATCHES,
    HAIER,
    HONOUR_COUNTS,
    MEMBERS,
    NONCONFORMING,
    PRODUCT_NAMES,
    SEASON_MONTHS,
    SEASON_PRODUCTS,
    YEAR,
    demo_officer,
    fictitious_phone,
    fictitious_uscc,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.alliance import AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise


def load_demo(db: Database, actor: Actor, *, now: dt.datetime, **_options: Any) -> dict[str, int]:
    """The alliance's demo data; idempotent (nothing is added when 海尔集团（示例） is a member)."""
    actor.require("admin.edit")  # demo and reference data are the admin's (services/demo.py)
    with db.session() as s:
        if s.scalars(select(Enterprise.id).where(Enterprise.uscc == fictitious_uscc(1))).first() is not None:
            return {"members": 0}
    if now.year <= YEAR:
        raise ValueError(f"the alliance demo reports on {YEAR}: load it with a later `now`")
    rng = random.Random(2023)
    report = {"members": _members(db, actor, now)}
    ids = _member_ids(db)
    report["honours"] = _honours(db, actor, ids, now, rng)
    report["requests"] = _requests(db, actor, ids, now, rng)
    report["batches"] = _batches(db, actor, ids, now, rng)
    report["policies"] = add_policies(db, actor, rng, now=now)
    report["pushes"] = add_pushes(db, actor, ids, rng, now=now)
    report["awards"] = add_awards(db, actor, ids, now=now)
    report["seminars"] = add_seminars(db, actor, ids, now=now)
    report["complaints"] = add_complaints(db, actor, ids, rng, now=now)
    return report


def _members(db: Database, actor: Actor, now: dt.datetime) -> int:
    streets = org.units(db, "street")
    officer_id, officer_name = demo_officer(db)
    liaisons = ["王晓东", "李海燕", "张立新", "刘建华", "陈思远", "杨帆", "赵敏", "孙浩"]
    for n, (name, industry, stage, street) in enumerate(MEMBERS, start=1):
        one_to_one = name == HAIER
        form = members.MemberForm(
            name=name,
            uscc=fictitious_uscc(n),
            liaison_name=f"{officer_name}（专人一对一）" if one_to_one else liaisons[n % len(liaisons)],
            liaison_user_id=officer_id if one_to_one else None,
            liaison_phone=fictitious_phone(n),
            member_since=dt.date(YEAR, 3, 15) if n <= 40 else dt.date(YEAR, 3 + n % 6, 10 + n % 15),
            pledge_signed_on=dt.date(YEAR, 4, 20) if n % 9 else None,
            stage=stage.value,
            industry=industry.value,
            street_id=streets[street % len(streets)].id if streets else None,
            address=f"示例路{n}号",
            note="海尔集团的投诉举报安排专人“一对一”负责" if one_to_one else "",
        )
        members.save_member(db, actor, form, now=now)
    return len(MEMBERS)


def _member_ids(db: Database) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(member id, enterprise id, name) in the order of MEMBERS."""
    with db.session() as s:
        rows = {
            e.uscc: (m.id, e.id, e.name)
            for m, e in s.execute(select(AllianceMember, Enterprise).join(Enterprise)).tuples()
        }
    return [rows[fictitious_uscc(n)] for n in range(1, len(MEMBERS) + 1)]


def _honours(db: Database, actor: Actor, ids: list[Any], now: dt.datetime, rng: random.Random) -> int:
    """The register's counts exactly: Haier holds the highest; the rest go round the members,
    never the same honour twice to one enterprise."""
    added = 0
    cursor = 0
    for level, count in HONOUR_COUNTS:
        holders: set[uuid.UUID] = set()
        for i in range(count):
            if (
                level in (HonourLevel.FORTUNE_500, HonourLevel.CHINA_QUALITY_AWARD, HonourLevel.CHINA_WORLD_BRAND)
                and i == 0
            ):
                target = ids[0]
            else:
                cursor = (cursor + 1 + rng.randrange(3)) % len(ids)
                while ids[cursor][1] in holders:
                    cursor = (cursor + 1) % len(ids)
                target = ids[cursor]
            holders.add(target[1])
            year = YEAR - (i % 4) if level is HonourLevel.LAOSHAN_AWARD else YEAR - rng.randrange(0, 8)
            title = (
                ""
                if level
                in (
                    HonourLevel.FORTUNE_500,
                    HonourLevel.GOVERNOR_AWARD,
                    HonourLevel.MAYOR_AWARD,
                    HonourLevel.LAOSHAN_AWARD,
                )
                else f"示例{i + 1}"
            )
            members.add_honour(db, actor, members.HonourForm(target[1], level.value, year, title), now=now)
            added += 1
    return added


def _requests(db: Database, actor: Actor, ids: list[Any], now: dt.datetime, rng: random.Random) -> int:
    liuhe = ids[1]
    rid = req_svc.open_request(
        db,
        actor,
        req_svc.RequestForm(
            liuhe[0], "六和（示例）", "冷冻禽肉制品（仿冒六和包装）", "四川省成都市、重庆市", dt.date(YEAR, 7, 3)
        ),
        now=now,
    )
    for step in (
        req_svc.StepForm(rid, "assigned", dt.date(YEAR, 7, 4), officers="执法员甲、执法员乙", regions="四川、重庆"),
        req_svc.StepForm(rid, "letter", dt.date(YEAR, 7, 5), recipient="成都市市场监督管理局"),
        req_svc.StepForm(rid, "letter", dt.date(YEAR, 7, 5), recipient="重庆市市场监督管理局"),
        req_svc.StepForm(
            rid, "evidence", dt.date(YEAR, 7, 12), note="协调当地市场监管部门开展异地调查，迅速收集到重要证据线索"
        ),
        req_svc.StepForm(rid, "outcome", dt.date(YEAR, 7, 28), outcome="case_filed", note="移送当地立案查处"),
    ):
        req_svc.add_step(db, actor, step, now=now)
    brands = ["崂山示例", "示例龙须", "王哥庄示例", "示例海珍", "示例厨电", "示例矿泉"]
    places = ["山东省临沂市", "河北省保定市", "江苏省徐州市", "浙江省义乌市", "广东省广州市", "河南省郑州市"]
    outcomes = ["case_filed", "goods_seized", "closed"]
    for i in range(ACTIONS - 1):
        member = ids[2 + (i * 3) % (len(ids) - 2)]
        day = dt.date(YEAR, 1 + (i * 11) // 14, 3 + rng.randrange(20))
        rid = req_svc.open_request(
            db,
            actor,
            req_svc.RequestForm(member[0], brands[i % 6], "涉嫌仿冒包装的同类产品", places[i % 6], day),
            now=now,
        )
        steps = [
            req_svc.StepForm(rid, "assigned", day + dt.timedelta(days=1), officers="执法员丙"),
            req_svc.StepForm(rid, "letter", day + dt.timedelta(days=2), recipient=f"{places[i % 6][3:]}市场监督管理局"),
            req_svc.StepForm(rid, "evidence", day + dt.timedelta(days=9), note="收集涉嫌侵权商品照片及进货凭证"),
        ]
        steps.append(req_svc.StepForm(rid, "outcome", day + dt.timedelta(days=20), outcome=outcomes[i % 3]))
        for step in steps:
            req_svc.add_step(db, actor, step, now=now)
    # Two requests still open around "now": one young (green), one past ten working days (yellow).
    today = now.astimezone(TZ).date()
    for k, ago in enumerate((5, 16)):
        member = ids[4 + k * 7]
        day = today - dt.timedelta(days=ago)
        rid = req_svc.open_request(
            db,
            actor,
            req_svc.RequestForm(member[0], brands[k], "网售仿冒商品", places[k + 2], day),
            now=now,
        )
        req_svc.add_step(db, actor, req_svc.StepForm(rid, "assigned", day, officers="执法员丁"), now=now)
    return ACTIONS + 2


def _batches(db: Database, actor: Actor, ids: list[Any], now: dt.datetime, rng: random.Random) -> int:
    assert sum(n for _s, _p, n in SEASON_PRODUCTS) == BATCHES
    bad = set(rng.sample(range(BATCHES), NONCONFORMING))
    serial = 0
    for season, product, count in SEASON_PRODUCTS:
        plan = spotchecks.add_plan(
            db, actor, spotchecks.PlanForm(YEAR, season.value, product.value, count, "本地特色产品质量抽检"), now=now
        )
        name, owners = PRODUCT_NAMES[product]
        month = SEASON_MONTHS[season]
        for i in range(count):
            member = ids[owners[i % len(owners)] - 1]
            sampled = dt.date(YEAR, month, 1) + dt.timedelta(days=(i * 2) % 26)
            level = SamplingLevel.DISTRICT
            bid = spotchecks.record_batch(
                db,
                actor,
                spotchecks.BatchForm(
                    member[2],
                    fictitious_uscc(owners[i % len(owners)]),
                    product.value,
                    f"{name}（{season.label}第{i + 1}批）",
                    f"LS{YEAR}-{serial + 1:03d}",
                    sampled,
                    "青岛市示例产品质量检验研究院",
                    level.value,
                    plan_id=plan,
                ),
                now=now,
            )
            result_on = sampled + dt.timedelta(days=7)
            nonconforming = serial in bad
            spotchecks.record_result(
                db,
                actor,
                spotchecks.ResultForm(
                    bid,
                    "nonconforming" if nonconforming else "conforming",
                    result_on,
                    result_on + dt.timedelta(days=2),
                    "菌落总数超标" if nonconforming else "",
                ),
                now=now,
            )
            if nonconforming:
                spotchecks.add_followup(
                    db, actor, spotchecks.FollowUpForm(bid, "notice", result_on + dt.timedelta(days=3)), now=now
                )
                if serial % 2:
                    spotchecks.add_followup(
                        db, actor, spotchecks.FollowUpForm(bid, "recheck", result_on + dt.timedelta(days=20)), now=now
                    )
                    spotchecks.add_followup(
                        db, actor, spotchecks.FollowUpForm(bid, "closed", result_on + dt.timedelta(days=25)), now=now
                    )
            serial += 1
    return serial
