"""The bureau's demo year for the 兴商护航联盟 tab (docs/rules/alliance.md §alliance-demo): 177
policies across the lifecycle stages and their pushes, the 2022 standardisation awards and the
fourth 崂山质量奖, quarterly seminars, and complaints (the year's, finished, and a few open around
``now``). Called by ``seed.load_demo`` after the members exist; everything goes through the services."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from laoshan_desk.domain.alliance.vocabulary import (
    HonourLevel,
    Industry,
    PolicyLine,
    SeminarFormat,
    SeminarTopic,
)
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.alliance import awards, complaint_queue, complaints, policies, seminars
from laoshan_desk.services.alliance.demo_data import (
    CONTENTS,
    ISSUERS,
    LAOSHAN_AWARD_4TH,
    POLICIES,
    POLICY_TOPICS,
    STAGE_SHARE,
    STANDARDISATION_2022,
    YEAR,
    demo_time,
    fictitious_phone,
    fictitious_uscc,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database


def add_policies(db: Database, actor: Actor, rng: random.Random, *, now: dt.datetime) -> int:
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
                honours = (
                    HonourLevel.WELL_KNOWN_TRADEMARK.value,
                    HonourLevel.CHINA_BRAND.value,
                    HonourLevel.TIME_HONOURED.value,
                )
            elif "专利" in topic:
                lines = (PolicyLine.INTELLECTUAL_PROPERTY.value,)
            elif "食品" in topic:
                lines = (PolicyLine.FOOD_DRUG_SAFETY.value,)
                industries = (
                    Industry.FOOD.value,
                    Industry.TEA.value,
                    Industry.BEVERAGE.value,
                    Industry.SEAFOOD.value,
                    Industry.AGRICULTURE.value,
                )
            elif "特种设备" in topic:
                lines, amount = (PolicyLine.SPECIAL_EQUIPMENT.value,), Decimal("50000")
            elif "消费" in topic:
                lines = (PolicyLine.CONSUMER_SAFETY.value,)
                industries = (Industry.RETAIL.value, Industry.SERVICES.value, Industry.TOURISM.value)
            elif "首台套" in topic:
                lines, amount = (PolicyLine.PRODUCT_SAFETY.value,), Decimal("300000")
                industries = (Industry.MANUFACTURING.value, Industry.APPLIANCE.value)
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


def add_pushes(db: Database, actor: Actor, ids: list[Any], rng: random.Random, *, now: dt.datetime) -> int:
    """Each member gets the policies that fit it, a few at a time, through the year."""
    total = 0
    for i, (_member_id, enterprise_id, _name) in enumerate(ids):
        result = policies.match(db, actor, enterprise_id=enterprise_id)
        chosen = tuple(m.policy.id for m in result.matches[: 6 + i % 5])
        if chosen:
            at = demo_time(dt.date(YEAR, 3 + i % 9, 5 + i % 20), 10)
            total += policies.push(db, actor, policies.PushForm(enterprise_id, chosen), now=at)
    return total


def add_awards(db: Database, actor: Actor, ids: list[Any], *, now: dt.datetime) -> int:
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


def add_seminars(db: Database, actor: Actor, ids: list[Any], *, now: dt.datetime) -> int:
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


def add_complaints(db: Database, actor: Actor, ids: list[Any], rng: random.Random, *, now: dt.datetime) -> int:
    """The year's complaints and reports (finished), and a handful open around ``now``."""
    n = 0
    for i in range(96):
        kind, content = CONTENTS[i % len(CONTENTS)]
        member = ids[0] if i % 6 == 0 else ids[(i * 7) % len(ids)]
        received = demo_time(dt.date(YEAR, 1 + i // 9, 2 + (i * 3) % 25), 9 + i % 7)
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
        received = demo_time(today - dt.timedelta(days=ago), 9 + j % 6)
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
