"""Demo data of the 兴商护航联盟 tab with the seed's numbers (docs/rules/alliance.md §alliance-demo):

53 members (海尔集团（示例） with its one-to-one officer among them), 15 anti-counterfeiting actions
in 2023 (the 六和-like request whose officers went to 四川 and 重庆 in July 2023 one of them), 145
spot-check batches with a realistic non-conforming share, 177 policies across the four lifecycle
stages, the 2022 standardisation awards (¥2,637,000) and the fourth 崂山质量奖 (¥2,750,000), the
honours register's counts, quarterly seminars, and complaints — the year's, finished, and a few
open around ``now`` so the queue's lights have something to show.

Identities are plainly fictitious: USCCs in the 999999 region (no registration authority has it)
with a valid check character, phones in the 1390000xxxx range, 示例 where a real brand is meant.
Everything goes through the services (the rules and the audit apply); ``now`` is passed in.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from stdnum.cn import uscc as stdnum_uscc

from laoshan_desk.domain.alliance.vocabulary import (
    HonourLevel,
    Industry,
    LifecycleStage,
    PolicyLine,
    SamplingLevel,
    Season,
    SeminarFormat,
    SeminarTopic,
    SpotProduct,
)
from laoshan_desk.domain.roles import Role
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services import org
from laoshan_desk.services.alliance import awards, complaint_queue, complaints, members, policies, seminars, spotchecks
from laoshan_desk.services.alliance import requests as req_svc
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models import User
from laoshan_desk.store.models.alliance import AllianceMember
from laoshan_desk.store.models.enterprises import Enterprise

YEAR = 2023  # the year the seed reports on
HAIER = "海尔集团（示例）"
LIUHE = "山东新希望六和集团（示例）"
I, S, H = Industry, LifecycleStage, HonourLevel

# name, industry, stage, street index: 53 members, fictitious but typical of the district.
MEMBERS: list[tuple[str, Industry, LifecycleStage, int]] = [
    (HAIER, I.APPLIANCE, S.GROWTH, 1),
    (LIUHE, I.FOOD, S.OPERATION, 1),
    ("青岛崂山示例矿泉水有限公司", I.BEVERAGE, S.GROWTH, 3),
    ("崂山示例大桶水有限公司", I.BEVERAGE, S.OPERATION, 3),
    ("青岛王哥庄示例馒头食品有限公司", I.FOOD, S.OPERATION, 4),
    ("崂山示例茶业有限公司", I.TEA, S.GROWTH, 4),
    ("青岛示例崂茶一号茶业有限公司", I.TEA, S.OPERATION, 4),
    ("崂山示例龙须茶专业合作社", I.TEA, S.OPERATION, 2),
    ("北宅示例樱桃专业合作社", I.AGRICULTURE, S.OPERATION, 2),
    ("崂山示例金钩米农业有限公司", I.AGRICULTURE, S.MARKET_ENTRY, 2),
    ("青岛示例海珍品养殖有限公司", I.SEAFOOD, S.OPERATION, 3),
    ("沙子口示例海产品加工有限公司", I.SEAFOOD, S.OPERATION, 3),
    ("青岛示例海洋生物科技有限公司", I.BIOTECH, S.GROWTH, 0),
    ("青岛示例生物医药股份有限公司", I.PHARMA, S.GROWTH, 0),
    ("青岛示例医疗器械有限公司", I.PHARMA, S.OPERATION, 0),
    ("青岛示例智能装备有限公司", I.MANUFACTURING, S.GROWTH, 0),
    ("青岛示例精密机械有限公司", I.MANUFACTURING, S.OPERATION, 1),
    ("青岛示例电子科技有限公司", I.MANUFACTURING, S.OPERATION, 0),
    ("青岛示例软件技术有限公司", I.DIGITAL, S.GROWTH, 0),
    ("青岛示例数字科技有限公司", I.DIGITAL, S.MARKET_ENTRY, 0),
    ("青岛示例大数据有限公司", I.DIGITAL, S.OPERATION, 1),
    ("青岛示例文化旅游发展有限公司", I.TOURISM, S.OPERATION, 4),
    ("崂山示例民宿管理有限公司", I.TOURISM, S.OPERATION, 4),
    ("青岛示例酒店管理有限公司", I.TOURISM, S.GROWTH, 0),
    ("青岛示例商业管理有限公司", I.RETAIL, S.OPERATION, 0),
    ("青岛示例百货有限公司", I.RETAIL, S.OPERATION, 1),
    ("青岛示例连锁超市有限公司", I.RETAIL, S.OPERATION, 1),
    ("青岛示例物流有限公司", I.SERVICES, S.OPERATION, 1),
    ("青岛示例检验检测有限公司", I.SERVICES, S.GROWTH, 0),
    ("青岛示例物业服务有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例啤酒饮品有限公司", I.BEVERAGE, S.OPERATION, 1),
    ("青岛示例果汁饮料有限公司", I.BEVERAGE, S.EXIT, 2),
    ("青岛示例乳业有限公司", I.FOOD, S.OPERATION, 2),
    ("青岛示例调味品有限公司", I.FOOD, S.OPERATION, 3),
    ("青岛示例烘焙食品有限公司", I.FOOD, S.MARKET_ENTRY, 1),
    ("青岛示例肉制品有限公司", I.FOOD, S.OPERATION, 2),
    ("青岛示例中央厨房有限公司", I.FOOD, S.GROWTH, 1),
    ("青岛示例家电配件有限公司", I.APPLIANCE, S.OPERATION, 1),
    ("青岛示例厨电有限公司", I.APPLIANCE, S.GROWTH, 1),
    ("青岛示例新能源科技有限公司", I.MANUFACTURING, S.MARKET_ENTRY, 0),
    ("青岛示例特种设备有限公司", I.MANUFACTURING, S.OPERATION, 2),
    ("青岛示例电梯工程有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例燃气有限公司", I.SERVICES, S.OPERATION, 0),
    ("青岛示例药房连锁有限公司", I.PHARMA, S.OPERATION, 1),
    ("青岛示例化妆品有限公司", I.BIOTECH, S.OPERATION, 0),
    ("青岛示例眼镜有限公司", I.RETAIL, S.EXIT, 1),
    ("青岛示例建材有限公司", I.MANUFACTURING, S.EXIT, 2),
    ("青岛示例农产品电商有限公司", I.DIGITAL, S.OPERATION, 4),
    ("崂山示例茶文化发展有限公司", I.TEA, S.GROWTH, 4),
    ("青岛示例海参有限公司", I.SEAFOOD, S.GROWTH, 3),
    ("青岛示例渔业合作社", I.SEAFOOD, S.OPERATION, 3),
    ("青岛示例包装印刷有限公司", I.MANUFACTURING, S.OPERATION, 2),
    ("青岛示例餐饮管理有限公司", I.SERVICES, S.OPERATION, 0),
]

# The register's counts in the seed (世界500强 1 … 山东高端品牌培育企业 35).
HONOUR_COUNTS: list[tuple[HonourLevel, int]] = [
    (H.FORTUNE_500, 1),
    (H.CHINA_QUALITY_AWARD, 1),
    (H.CHINA_WORLD_BRAND, 2),
    (H.CHINA_BRAND, 10),
    (H.WELL_KNOWN_TRADEMARK, 23),
    (H.TIME_HONOURED, 2),
    (H.GOVERNOR_AWARD, 1),
    (H.MAYOR_AWARD, 9),
    (H.LAOSHAN_AWARD, 38),
    (H.HAOPIN_SHANDONG, 8),
    (H.SHANDONG_HIGH_END, 35),
]

STANDARDISATION_2022 = Decimal("2637000.00")
LAOSHAN_AWARD_4TH = Decimal("2750000.00")
ACTIONS = 15
BATCHES = 145
NONCONFORMING = 6  # about 4 %: a realistic share for local specialities
POLICIES = 177


def fictitious_uscc(n: int) -> str:
    """91 + region 999999 (none issued) + DM + serial, and a valid check character."""
    body = f"91999999DM{n:07d}"
    return body + stdnum_uscc.calc_check_digit(body)


def fictitious_phone(n: int) -> str:
    return f"1390000{n:04d}"


def _at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TZ)


def _officer(db: Database) -> tuple[uuid.UUID | None, str]:
    with db.session() as s:
        user = s.scalars(
            select(User).where(User.role == Role.MARKET_OFFICER.value, User.active.is_(True)).order_by(User.username)
        ).first()
        return (user.id, user.full_name) if user else (None, "赵磊")


def load_demo(db: Database, actor: Actor, *, now: dt.datetime, **_options: Any) -> dict[str, int]:
    """The alliance's demo data; idempotent (nothing is added when 海尔集团（示例） is a member)."""
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
    report["policies"] = _policies(db, actor, now, rng)
    report["pushes"] = _pushes(db, actor, ids, now, rng)
    report["awards"] = _awards(db, actor, ids, now)
    report["seminars"] = _seminars(db, actor, ids, now)
    report["complaints"] = _complaints(db, actor, ids, now, rng)
    return report


def _members(db: Database, actor: Actor, now: dt.datetime) -> int:
    streets = org.units(db, "street")
    officer_id, officer_name = _officer(db)
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
            if level in (H.FORTUNE_500, H.CHINA_QUALITY_AWARD, H.CHINA_WORLD_BRAND) and i == 0:
                target = ids[0]
            else:
                cursor = (cursor + 1 + rng.randrange(3)) % len(ids)
                while ids[cursor][1] in holders:
                    cursor = (cursor + 1) % len(ids)
                target = ids[cursor]
            holders.add(target[1])
            year = YEAR - (i % 4) if level is H.LAOSHAN_AWARD else YEAR - rng.randrange(0, 8)
            title = "" if level in (H.FORTUNE_500, H.GOVERNOR_AWARD, H.MAYOR_AWARD, H.LAOSHAN_AWARD) else f"示例{i + 1}"
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


SEASON_PRODUCTS: list[tuple[Season, SpotProduct, int]] = [
    (Season.SPRING, SpotProduct.LAOSHAN_TEA, 40),
    (Season.SPRING, SpotProduct.STEAMED_BUN, 15),
    (Season.SUMMER, SpotProduct.MINERAL_WATER, 20),
    (Season.SUMMER, SpotProduct.BOTTLED_WATER, 20),
    (Season.SUMMER, SpotProduct.CHERRY, 10),
    (Season.AUTUMN, SpotProduct.SEAFOOD, 20),
    (Season.AUTUMN, SpotProduct.MILLET, 10),
    (Season.WINTER, SpotProduct.STEAMED_BUN, 10),
]
SEASON_MONTHS = {Season.SPRING: 4, Season.SUMMER: 7, Season.AUTUMN: 9, Season.WINTER: 11}
PRODUCT_NAMES = {
    SpotProduct.LAOSHAN_TEA: ("崂山绿茶", (6, 7, 8, 49)),
    SpotProduct.STEAMED_BUN: ("王哥庄大馒头", (5, 36, 35)),
    SpotProduct.MINERAL_WATER: ("崂山矿泉水", (3, 31)),
    SpotProduct.BOTTLED_WATER: ("崂山大桶水", (4, 31)),
    SpotProduct.CHERRY: ("北宅樱桃", (9,)),
    SpotProduct.SEAFOOD: ("海参、鲍鱼", (11, 12, 50, 51)),
    SpotProduct.MILLET: ("崂山金钩米", (10,)),
}


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


POLICY_TOPICS: dict[LifecycleStage, list[str]] = {
    S.MARKET_ENTRY: ["企业开办“一窗通办”", "个体工商户转企业扶持", "新设小微企业首贷贴息", "住所登记申报承诺制"],
    S.OPERATION: [
        "食品安全主体责任落实",
        "特种设备安全隐患排查补助",
        "稳岗返还",
        "小微企业社保补贴",
        "消费维权先行赔付",
    ],
    S.GROWTH: [
        "标准化建设奖励",
        "崂山质量奖",
        "商标品牌奖励",
        "专利导航补助",
        "高新技术企业认定奖励",
        "首台套保险补偿",
    ],
    S.EXIT: ["简易注销指引", "歇业备案", "破产重整府院联动", "税务注销即办"],
}
STAGE_SHARE = [(S.MARKET_ENTRY, 30), (S.OPERATION, 70), (S.GROWTH, 57), (S.EXIT, 20)]
ISSUERS = [
    "崂山区市场监管局",
    "崂山区发展和改革局",
    "崂山区人力资源和社会保障局",
    "崂山区科技局",
    "崂山区财政局",
    "青岛市市场监管局",
]


def _policies(db: Database, actor: Actor, now: dt.datetime, rng: random.Random) -> int:
    assert sum(n for _s, n in STAGE_SHARE) == POLICIES
    n = 0
    for stage, count in STAGE_SHARE:
        topics = POLICY_TOPICS[stage]
        for i in range(count):
            n += 1
            topic = topics[i % len(topics)]
            honours: tuple[str, ...] = ()
            industries: tuple[str, ...] = ()
            lines: tuple[str, ...] = (PolicyLine.QUALITY.value,)
            amount: Decimal | None = None
            if "标准化" in topic:
                lines, amount = (PolicyLine.STANDARDISATION.value,), Decimal("200000")
            elif "质量奖" in topic:
                lines, amount, honours = (PolicyLine.QUALITY.value,), Decimal("500000"), ()
            elif "商标" in topic:
                lines, amount = (PolicyLine.INTELLECTUAL_PROPERTY.value,), Decimal("100000")
                honours = (H.WELL_KNOWN_TRADEMARK.value, H.CHINA_BRAND.value, H.TIME_HONOURED.value)
            elif "专利" in topic:
                lines = (PolicyLine.INTELLECTUAL_PROPERTY.value,)
            elif "食品" in topic:
                lines = (PolicyLine.FOOD_DRUG_SAFETY.value,)
                industries = (I.FOOD.value, I.TEA.value, I.BEVERAGE.value, I.SEAFOOD.value, I.AGRICULTURE.value)
            elif "特种设备" in topic:
                lines, amount = (PolicyLine.SPECIAL_EQUIPMENT.value,), Decimal("50000")
            elif "消费" in topic:
                lines = (PolicyLine.CONSUMER_SAFETY.value,)
                industries = (I.RETAIL.value, I.SERVICES.value, I.TOURISM.value)
            elif "首台套" in topic:
                lines, amount = (PolicyLine.PRODUCT_SAFETY.value,), Decimal("300000")
                industries = (I.MANUFACTURING.value, I.APPLIANCE.value)
            form = policies.PolicyForm(
                code=f"ZC{YEAR}-{n:03d}",
                title=f"{topic}（{'稳中向好、进中提质'}政策第{n}条）",
                issuer=ISSUERS[n % len(ISSUERS)],
                issued_on=dt.date(YEAR, 1 + n % 6, 1 + n % 27),
                stages=(stage.value,),
                industries=industries,
                honours=honours,
                lines=lines,
                conditions="在崂山区登记注册、依法纳税、信用良好；具体条件以政策原文为准",
                amount=amount,
            )
            policies.save_policy(db, actor, form, now=now)
    return n


def _pushes(db: Database, actor: Actor, ids: list[Any], now: dt.datetime, rng: random.Random) -> int:
    """Each member gets the policies that fit it, a few at a time, through the year."""
    total = 0
    for i, (_member_id, enterprise_id, _name) in enumerate(ids):
        result = policies.match(db, actor, enterprise_id=enterprise_id)
        chosen = tuple(m.policy.id for m in result.matches[: 6 + i % 5])
        if chosen:
            at = _at(dt.date(YEAR, 3 + i % 9, 5 + i % 20), 10)
            total += policies.push(db, actor, policies.PushForm(enterprise_id, chosen), now=at)
    return total


def _awards(db: Database, actor: Actor, ids: list[Any], now: dt.datetime) -> int:
    """The 2022 standardisation awards and the fourth 崂山质量奖, paid in 2023."""
    standard = [Decimal(x) for x in ("500000", "400000", "300000", "300000", "250000", "200000", "200000")]
    standard += [Decimal("100000")] * 4 + [Decimal("87000")]
    quality = [Decimal("500000")] * 3 + [Decimal("250000")] * 5
    assert sum(standard) == STANDARDISATION_2022 and sum(quality) == LAOSHAN_AWARD_4TH
    n = 0
    for kind, year, title, amounts, paid_on, offset in (
        ("standardisation", 2022, "2022年标准化奖励", standard, dt.date(YEAR, 6, 28), 2),
        ("laoshan_quality", YEAR, "第四届崂山质量奖", quality, dt.date(YEAR, 9, 15), 15),
    ):
        for i, amount in enumerate(amounts):
            enterprise_id = ids[(offset + i * 3) % len(ids)][1]
            aid = awards.apply_award(
                db,
                actor,
                awards.AwardForm(enterprise_id, kind, year, amount, dt.date(YEAR, 3, 1), title),
                now=now,
            )
            awards.decide_award(db, actor, awards.AwardDecisionForm(aid, "paid", paid_on), now=now)
            n += 1
    return n


def _seminars(db: Database, actor: Actor, ids: list[Any], now: dt.datetime) -> int:
    plan = [
        (
            dt.date(YEAR, 3, 23),
            "联盟成立暨诚信经营倡议书签署",
            (SeminarTopic.POLICY, SeminarTopic.COUNTERFEIT),
            SeminarFormat.FORUM,
        ),
        (
            dt.date(YEAR, 6, 15),
            "打击假冒伪劣与异地维权案例剖析",
            (SeminarTopic.COUNTERFEIT, SeminarTopic.IP),
            SeminarFormat.CASE_STUDY,
        ),
        (
            dt.date(YEAR, 9, 14),
            "反不正当竞争与反商业贿赂专家讲座",
            (SeminarTopic.UNFAIR_COMPETITION, SeminarTopic.BRIBERY),
            SeminarFormat.LECTURE,
        ),
        (
            dt.date(YEAR, 12, 7),
            "应对敲诈勒索式投诉举报现场观摩",
            (SeminarTopic.EXTORTION, SeminarTopic.POLICY),
            SeminarFormat.SITE_VISIT,
        ),
    ]
    for i, (day, title, topics, fmt) in enumerate(plan):
        attendees = tuple(seminars.Attendee(e) for _m, e, _n in ids[i : i + 20])
        form = seminars.SeminarForm(
            day, title, tuple(t.value for t in topics), fmt.value, "崂山区市场监管局会议室", attendees
        )
        seminars.add_seminar(db, actor, form, now=now)
    return len(plan)


CONTENTS = [
    ("complaint", "购买的桶装水有异味，要求退换"),
    ("complaint", "网购茶叶与宣传等级不符"),
    ("complaint", "家电安装后多次故障，售后推诿"),
    ("complaint", "海参净含量不足"),
    ("report", "有商户销售仿冒品牌矿泉水"),
    ("report", "无证小作坊生产馒头"),
    ("complaint", "预付卡消费后商家停业"),
    ("report", "虚假宣传“有机”茶叶"),
]


def _complaints(db: Database, actor: Actor, ids: list[Any], now: dt.datetime, rng: random.Random) -> int:
    """The year's complaints and reports (finished), and a handful open around ``now``."""
    n = 0
    for i in range(96):
        kind, content = CONTENTS[i % len(CONTENTS)]
        member = ids[0] if i % 6 == 0 else ids[(i * 7) % len(ids)]
        received = _at(dt.date(YEAR, 1 + i // 9, 2 + (i * 3) % 25), 9 + i % 7)
        ref = complaints.register(
            db,
            actor,
            complaints.ComplaintForm(
                kind,
                received,
                content,
                f"消费者{i + 1}" if kind == "complaint" or i % 3 else "",
                fictitious_phone(100 + i),
                uscc=fictitious_uscc(ids.index(member) + 1),
            ),
            now=now,
        )
        decided = received + dt.timedelta(days=2 + i % 4)
        if kind == "complaint":
            if i % 10 == 3:
                complaints.decide(db, actor, complaints.DecisionForm(ref.id, "reject", decided, "handled"), now=now)
            else:
                complaints.decide(db, actor, complaints.DecisionForm(ref.id, "accept", decided), now=now)
                outcome = "agreement" if i % 7 else "mediation_ended"
                finished = decided + dt.timedelta(days=5 + i % 20 if outcome == "agreement" else 66)
                complaints.finish(db, actor, complaints.FinishForm(ref.id, outcome, finished, "已处理"), now=now)
        else:
            decision = "file" if i % 2 else "not_file"
            complaints.decide(
                db, actor, complaints.DecisionForm(ref.id, decision, decided + dt.timedelta(days=8)), now=now
            )
            if "notify" in complaint_queue.detail(db, actor, ref.id, now=now).actions:  # a real-name reporter
                told = decided + dt.timedelta(days=10 + (i % 3) * 3)
                complaints.notify(db, actor, complaints.NotifyForm(ref.id, told), now=now)
        n += 1
    today = now.astimezone(TZ).date()
    for j, ago in enumerate((1, 4, 8, 9, 12, 15, 19, 22, 26, 29, 33, 36)):  # fresh, due soon, late
        kind, content = CONTENTS[j % len(CONTENTS)]
        received = _at(today - dt.timedelta(days=ago), 9 + j % 6)
        member = ids[0] if j % 4 == 0 else ids[(j * 5 + 3) % len(ids)]
        ref = complaints.register(
            db,
            actor,
            complaints.ComplaintForm(
                kind,
                received,
                content,
                f"群众{j + 1}",
                fictitious_phone(300 + j),
                uscc=fictitious_uscc(ids.index(member) + 1),
            ),
            now=now,
        )
        if kind == "complaint" and j % 3 == 1:
            complaints.decide(
                db, actor, complaints.DecisionForm(ref.id, "accept", received + dt.timedelta(days=1)), now=now
            )
        n += 1
    return n
