"""Demo data of the preservation tab: the seed's Company A portfolio and a few dozen ordinary cases.

Company A (seed part 3): 185 suits in H1 2023, 133 rulings, ¥608 million ruled, 29 accounts
still frozen (renewed year after year, some due for renewal now), and bank performance
guarantees under a credit agreement that freed ¥120+ million. It is bulk-inserted. The
ordinary cases go through the services with past clocks, so their lights, terms and renewals
are exactly what a clerk would have produced, dated around today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.domain.timeutil import now as clock_now
from laoshan_desk.services import preservation as svc
from laoshan_desk.services.context import Actor
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresClockEvent,
    PresGuarantee,
    PresMeasure,
    PresParty,
    PresRelease,
    PresRenewal,
    PresSelection,
)

COMPANY_A = "青岛崂信建设集团有限公司"
COMPANY_A_CASES = 185
COMPANY_A_RULINGS = 133
COMPANY_A_RULED = Decimal("608000000.00")
COMPANY_A_FROZEN_ACCOUNTS = 29
COMPANY_A_FREED = Decimal("121600000.00")

BANKS = [
    "青岛银行崂山支行",
    "中国农业银行青岛崂山支行",
    "中国工商银行青岛海尔路支行",
    "中国建设银行青岛崂山支行",
    "青岛农商银行崂山支行",
    "中国银行青岛崂山支行",
    "交通银行青岛崂山支行",
    "招商银行青岛分行营业部",
]
APPLICANTS = [
    "青岛海岳建材有限公司",
    "山东鲁信钢构工程有限公司",
    "青岛东沣劳务有限公司",
    "青岛华砼商品混凝土有限公司",
    "青岛崂顶机械租赁有限公司",
    "青岛海泊装饰工程有限公司",
    "山东泰和电气设备有限公司",
    "青岛北岭石材有限公司",
    "青岛金沙滩物资有限公司",
    "青岛中海防水工程有限公司",
]
CAUSES = ["建设工程施工合同纠纷", "买卖合同纠纷", "租赁合同纠纷", "劳务合同纠纷", "承揽合同纠纷"]


def uscc(seed: str) -> str:
    """A valid USCC from 17 characters (9137021 + 10 of the seed), check character computed."""
    body = ("91370212" + seed.upper())[:17]
    return body + stdnum_uscc.calc_check_digit(body)


def resident_id(birth: dt.date, seq: int) -> str:
    body = f"370212{birth:%Y%m%d}{seq:03d}"
    return body + stdnum_ric.calc_check_digit(body + "0")


def load_reference(db: Database, actor: Actor) -> dict[str, int]:
    return {}


def load_demo(db: Database, actor: Actor, **options: Any) -> dict[str, int]:
    now = options.get("now") or clock_now()
    with db.session() as session:
        if session.scalar(select(PresParty.id).where(PresParty.name == COMPANY_A)) is not None:
            return {"company_a_cases": 0, "ordinary_cases": 0}
    a = _company_a(db, now)
    b = _ordinary(db, actor, now)
    return {"company_a_cases": a, "ordinary_cases": b}


# --------------------------------------------------------------------------------------------
# Company A, bulk
# --------------------------------------------------------------------------------------------


def _split(total: Decimal, n: int, rng: random.Random) -> list[Decimal]:
    weights = [rng.uniform(0.3, 3.0) for _ in range(n)]
    scale = float(total) / sum(weights)
    parts = [Decimal(str(round(w * scale / 1000) * 1000)).quantize(Decimal("0.01")) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def _company_a(db: Database, now: dt.datetime) -> int:
    rng = random.Random(2023)
    party_id = uuid.uuid4()
    parties = [
        {
            "id": party_id,
            "kind": "enterprise",
            "name": COMPANY_A,
            "id_number": uscc("MA3C8LX2Q"),
            "phone": "0532-88996600",
            "address": "青岛市崂山区松岭路1号",
            "created_at": now,
        }
    ]
    accounts = [
        (BANKS[i % len(BANKS)], f"3802{rng.randrange(10**11, 10**12)}", "basic" if i == 0 else "general")
        for i in range(COMPANY_A_FROZEN_ACCOUNTS + 40)
    ]
    frozen_accounts = accounts[:COMPANY_A_FROZEN_ACCOUNTS]
    start = dt.datetime(2023, 1, 3, 9, 0, tzinfo=TZ)
    received = sorted(
        start + dt.timedelta(days=rng.randrange(0, 178), minutes=rng.randrange(0, 480)) for _ in range(COMPANY_A_CASES)
    )
    kinds = ["pre_suit"] * 60 + ["in_suit"] * 125
    rng.shuffle(kinds)
    granted_idx = sorted(rng.sample(range(COMPANY_A_CASES), COMPANY_A_RULINGS))
    ruled = dict(zip(granted_idx, _split(COMPANY_A_RULED, COMPANY_A_RULINGS, rng), strict=False))
    cases, assets, sels, measures, renewals, releases, guarantees, events = [], [], [], [], [], [], [], []
    # Which granted cases keep active freezes today: 31 measures on 29 accounts (two accounts are
    # frozen by two cases each — the cross-case repetition the respondent view shows).
    active_cases = granted_idx[:31]
    guarantee_cases = granted_idx[31:71]  # 40 cases released on bank performance guarantees
    freed_parts = sorted(_split(COMPANY_A_FREED, len(guarantee_cases), rng))
    freed_of = dict(zip(sorted(guarantee_cases, key=lambda j: ruled[j]), freed_parts, strict=False))
    over_cases = set(active_cases[:2])  # guarantee came, freeze not yet released: over-freezing
    serial_pre = serial_in = 0
    for i, at in enumerate(received):
        cid = uuid.uuid4()
        kind = kinds[i]
        if kind == "pre_suit":
            serial_pre += 1
            number = f"（2023）鲁0212财保{serial_pre}号"
        else:
            serial_in += 1
            number = f"（2023）鲁0212民初{1000 + serial_in * 7}号之一"
        granted = i in ruled
        amount = ruled.get(i, Decimal(rng.randrange(200, 4000) * 1000))
        claim = amount
        ruled_at = at + dt.timedelta(hours=rng.choice([2, 3, 5, 6]))
        status = "refused"
        executed_at = None
        if granted:
            status = "closed"
        row: dict[str, Any] = {
            "id": cid,
            "case_number": number,
            "kind": kind,
            "applicant": APPLICANTS[i % len(APPLICANTS)],
            "respondent_id": party_id,
            "cause": CAUSES[i % len(CAUSES)],
            "claim_amount": claim,
            "applicant_guarantee_type": "insurance" if i % 3 else "bank",
            "applicant_guarantee_amount": (claim if kind == "pre_suit" else claim * Decimal("0.3")).quantize(
                Decimal("0.01")
            ),
            "received_at": at,
            "enterprise": True,
            "urgent": False,
            "preconditions_met": True,
            "transfer_risk": granted,
            "going_concern": True,
            "employees": 860,
            "taxes_paid": Decimal("41800000.00"),
            "net_assets": Decimal("1350000000.00"),
            "dishonest": False,
            "claim_appears_safe": not granted,
            "reviewed_at": at + dt.timedelta(hours=1),
            "decision": "grant" if granted else "refuse",
            "decision_reasons": (
                "申请符合法律规定，被申请人存在转移财产风险，准予在请求范围内保全"
                if granted
                else "被申请人经营正常、偿付能力充足，申请人权利不保全亦可实现，驳回申请"
            ),
            "decided_by": "陈立",
            "ruled_amount": amount if granted else Decimal("0.00"),
            "filed_at": at,
            "ruled_at": ruled_at,
            "executed_at": None,
            "lawsuit_filed_at": None,
            "lawsuit_due_on": None,
            "next_expiry": None,
            "status": status,
            "created_at": at,
            "updated_at": ruled_at,
            "version": 1,
            "basic_approved_by": None,
            "basic_approved_at": None,
            "basic_approval_note": None,
            "applicant_id_number": None,
            "applicant_phone": None,
            "purpose": "防止被申请人转移财产，保障判决执行",
            "review_note": None,
        }
        events += [
            {"id": uuid.uuid4(), "case_id": cid, "kind": "received", "at": at, "note": None},
            {"id": uuid.uuid4(), "case_id": cid, "kind": "filed", "at": at, "note": None},
            {"id": uuid.uuid4(), "case_id": cid, "kind": "ruled", "at": ruled_at, "note": None},
        ]
        if granted:
            executed_at = ruled_at + dt.timedelta(hours=2)
            row["executed_at"] = executed_at
            if kind == "pre_suit":
                row["lawsuit_filed_at"] = executed_at + dt.timedelta(days=rng.randrange(5, 25))
                row["lawsuit_due_on"] = executed_at.date() + dt.timedelta(days=30)
            events.append({"id": uuid.uuid4(), "case_id": cid, "kind": "executed", "at": executed_at, "note": None})
            k = active_cases.index(i) if i in active_cases else None
            if k is not None:
                bank, acct, akind = frozen_accounts[k if k < COMPANY_A_FROZEN_ACCOUNTS else k - 27]
            else:
                bank, acct, akind = accounts[COMPANY_A_FROZEN_ACCOUNTS + (i % 40)]
                akind = "general"
            aid = uuid.uuid4()
            assets.append(
                {
                    "id": aid,
                    "case_id": cid,
                    "code": "A1",
                    "type": "account",
                    "account_kind": akind,
                    "institution": bank,
                    "number": acct,
                    "description": None,
                    "value": amount + Decimal(rng.randrange(0, 500) * 1000),
                    "in_operational_use": False,
                    "protected": False,
                    "protected_reason": None,
                    "source": "import",
                    "sort_order": 1,
                }
            )
            sels.append(
                {
                    "id": uuid.uuid4(),
                    "case_id": cid,
                    "stage": "proposed",
                    "asset_id": aid,
                    "measure": "freeze",
                    "amount": amount,
                    "created_at": ruled_at,
                }
            )
            if akind == "basic":
                row["basic_approved_by"] = "孙志强"
                row["basic_approved_at"] = ruled_at
            mid = uuid.uuid4()
            taken = executed_at.date()
            m = {
                "id": mid,
                "case_id": cid,
                "asset_id": aid,
                "respondent_id": party_id,
                "measure": "freeze",
                "amount": amount,
                "taken_on": taken,
                "term_years": 1,
                "expiry": rules.freeze_term("account", taken).expiry,
                "renewals": 0,
                "released_on": None,
                "release_id": None,
                "status": "active",
            }
            if k is not None:
                # Renewed every year; the latest renewal puts the expiry between now-ish and a year out.
                # Renewed every year before the term ends; the latest renewal puts the expiry at
                # ``target`` (5 to 365 days from now), so a few are inside the reminder window.
                expiry = m["expiry"]
                target = now.date() + dt.timedelta(days=5 + k * 12)
                while expiry < target:
                    exact = target.replace(year=target.year - 1)
                    renewed_on = exact if exact <= expiry else expiry - dt.timedelta(days=rng.randrange(8, 20))
                    new_expiry = rules.freeze_term("account", renewed_on).expiry
                    renewals.append(
                        {
                            "id": uuid.uuid4(),
                            "measure_id": mid,
                            "renewed_on": renewed_on,
                            "previous_expiry": expiry,
                            "new_expiry": new_expiry,
                            "by": "刘敏",
                        }
                    )
                    expiry = new_expiry
                    m["renewals"] += 1
                m["expiry"] = expiry
                row["status"] = "executed"
                row["next_expiry"] = expiry
                if i in over_cases:
                    guarantees.append(
                        {
                            "id": uuid.uuid4(),
                            "case_id": cid,
                            "type": "performance_bond",
                            "issuer": "青岛银行崂山支行",
                            "number": f"QDB-LY-2026-{len(guarantees) + 1:04d}",
                            "amount": (amount * Decimal("0.6")).quantize(Decimal("0.01")),
                            "valid_until": now.date() + dt.timedelta(days=400),
                            "undertaking": True,
                            "credit_agreement": "青银授字（2026）第018号",
                            "given_at": now - dt.timedelta(days=3),
                        }
                    )
            elif i in freed_of:
                freed = min(freed_of[i], amount)  # the account held this much of the ruled amount
                m["amount"] = freed
                gid = uuid.uuid4()
                given = executed_at + dt.timedelta(days=rng.randrange(20, 200))
                guarantees.append(
                    {
                        "id": gid,
                        "case_id": cid,
                        "type": "performance_bond",
                        "issuer": BANKS[i % 3],
                        "number": f"LYBH-{given:%Y}-{len(guarantees) + 1:04d}",
                        "amount": amount,
                        "valid_until": dt.date(2027, 12, 31),
                        "undertaking": True,
                        "credit_agreement": "授信协议（2023）崂信字第007号",
                        "given_at": given,
                    }
                )
                rid = uuid.uuid4()
                releases.append(
                    {
                        "id": rid,
                        "case_id": cid,
                        "guarantee_id": gid,
                        "reason": "guarantee",
                        "ruled_at": given + dt.timedelta(hours=3),
                        "ruling_number": svc.release_ruling_number(number, 1),
                        "amount_freed": freed,
                        "note": "履约保函足额，解除冻结",
                        "by": "陈立",
                    }
                )
                m.update(status="released", released_on=(given + dt.timedelta(hours=3)).date(), release_id=rid)
                row["status"] = "released"
            else:
                rid = uuid.uuid4()
                done = m["expiry"] - dt.timedelta(days=rng.randrange(30, 200))
                releases.append(
                    {
                        "id": rid,
                        "case_id": cid,
                        "guarantee_id": None,
                        "reason": "application",
                        "ruled_at": dt.datetime.combine(done, dt.time(10), tzinfo=TZ),
                        "ruling_number": svc.release_ruling_number(number, 1),
                        "amount_freed": amount,
                        "note": "案件调解结案，申请人申请解除",
                        "by": "陈立",
                    }
                )
                m.update(status="released", released_on=done, release_id=rid)
            measures.append(m)
        cases.append(row)
    with db.session() as session:
        session.execute(insert(PresParty), parties)
        session.execute(insert(PresCase), cases)
        session.execute(insert(PresAsset), assets)
        session.execute(insert(PresSelection), sels)
        session.execute(insert(PresGuarantee), guarantees)
        session.execute(insert(PresRelease), releases)
        session.execute(insert(PresMeasure), measures)
        if renewals:
            session.execute(insert(PresRenewal), renewals)
        session.execute(insert(PresClockEvent), events)
    return len(cases)


# --------------------------------------------------------------------------------------------
# Ordinary cases through the services
# --------------------------------------------------------------------------------------------

_PERSONS = ["张建华", "李秀英", "王志强", "刘海燕", "陈国庆", "杨丽娟", "赵明远", "孙晓东", "周红梅", "吴德胜"]
_COMPANIES = [
    "青岛沙子口海产品有限公司",
    "青岛王哥庄茶业有限公司",
    "青岛北宅农业科技有限公司",
    "青岛中韩物流有限公司",
    "青岛金家岭餐饮管理有限公司",
    "青岛崂山湾酒店有限公司",
    "青岛海大生物科技有限公司",
    "青岛松岭路汽车销售有限公司",
    "青岛石老人文旅发展有限公司",
    "青岛午山建筑劳务有限公司",
    "青岛华楼印刷有限公司",
    "青岛仰口旅游服务有限公司",
]


def _ordinary(db: Database, actor: Actor, now: dt.datetime) -> int:
    # Demo papers are signed by the demo judge (the audit log still names the init job).
    actor = dataclasses.replace(actor, full_name="陈立")
    rng = random.Random(1125)
    today = now.date()
    count = 0
    for i in range(36):
        person = i % 4 == 3
        if person:
            name = _PERSONS[i % len(_PERSONS)]
            number = resident_id(dt.date(1965 + i, 1 + i % 12, 1 + i % 27), 100 + i)
        else:
            name = _COMPANIES[i % len(_COMPANIES)]
            number = uscc(f"MA3{i:02d}K{rng.randrange(1000, 9999)}")
        stage = i % 6  # 0 new today, 1 ruled awaiting execution, 2-3 executed, 4 released, 5 refused
        days_ago = {0: 0, 1: 0, 2: 330 + i, 3: 20 + i, 4: 60 + i, 5: 3 + i}[stage]
        if stage == 2:
            days_ago = 340 + (i * 3) % 30  # account terms ending within the reminder window
        received = (now - dt.timedelta(days=days_ago)).replace(hour=9, minute=10 + i, second=0, microsecond=0)
        if stage in (0, 1):
            received = now - dt.timedelta(hours=5, minutes=i)
        if stage == 0 and i % 12 == 0:
            received = now - dt.timedelta(hours=46)  # a pre-suit case near its 48 hours
        kind = "pre_suit" if i % 3 == 0 else "in_suit"
        claim = Decimal(rng.randrange(80, 3000) * 1000)
        serial = 300 + i
        case_number = (
            f"（{received.year}）鲁0212财保{serial}号"
            if kind == "pre_suit"
            else f"（{received.year}）鲁0212民初{5000 + i * 13}号之一"
        )
        case_id = svc.register_case(
            db,
            actor,
            now=received + dt.timedelta(minutes=5),
            case_number=case_number,
            kind=kind,
            applicant=APPLICANTS[i % len(APPLICANTS)],
            respondent=name,
            respondent_id=number,
            claim_amount=claim,
            received_at=received,
            cause=CAUSES[i % len(CAUSES)],
            applicant_guarantee_type="insurance",
            applicant_guarantee_amount=claim if kind == "pre_suit" else claim * Decimal("0.3"),
            respondent_phone=f"1385329{i:04d}" if person else f"0532-8{i:03d}6688",
        )
        t = received + dt.timedelta(minutes=20)
        bank = BANKS[i % len(BANKS)]
        specs = [
            dict(type="account", account_kind="basic", value=claim * 2, institution=bank, number=f"6228{i:04d}0001")
        ]
        specs.append(
            dict(
                type="account",
                account_kind="general",
                value=(claim * Decimal("0.4")).quantize(Decimal("1")),
                institution=BANKS[(i + 1) % 8],
                number=f"6228{i:04d}0002",
            )
        )
        if not person:
            specs.append(
                dict(
                    type="account",
                    account_kind="wage",
                    value=Decimal(rng.randrange(100, 900) * 1000),
                    institution=BANKS[(i + 2) % 8],
                    number=f"6228{i:04d}0003",
                )
            )
            specs.append(
                dict(
                    type="equipment",
                    value=(claim * Decimal("0.5")).quantize(Decimal("1")),
                    description="生产线设备一套",
                    in_operational_use=True,
                    institution="崂山区市场监督管理局（动产抵押登记）",
                    number=f"DY{i:05d}",
                )
            )
        specs.append(
            dict(
                type="real_estate",
                value=(claim * Decimal("0.7")).quantize(Decimal("1")),
                description=f"崂山区松岭路{10 + i}号房产",
                institution="青岛市不动产登记中心崂山分中心",
                number=f"鲁(2021)青岛市崂山区不动产权第00{i:05d}号",
            )
        )
        if i % 5 == 0:
            specs.append(
                dict(
                    type="vehicle",
                    value=Decimal(rng.randrange(80, 300) * 1000),
                    description="鲁B轿车一辆",
                    institution="青岛市公安局交通警察支队车辆管理所",
                    number=f"鲁B{i:02d}K{i:02d}",
                )
            )
        for spec in specs:
            svc.add_asset(db, actor, case_id, now=t, code=None, **spec)
        svc.save_review(
            db,
            actor,
            case_id,
            svc.Review(
                preconditions_met=True,
                transfer_risk=stage != 5,
                purpose="保障将来判决得以执行",
                net_assets=claim * (3 if stage == 5 else 1),
                taxes_paid=Decimal(rng.randrange(0, 900) * 1000),
                employees=rng.randrange(0, 120),
                going_concern=True,
                dishonest=False,
            ),
            now=t + dt.timedelta(minutes=10),
        )
        if stage == 0:
            svc.propose(db, actor, case_id, now=t + dt.timedelta(minutes=15))
            count += 1
            continue
        svc.propose(db, actor, case_id, now=t + dt.timedelta(minutes=15))
        if stage == 5:
            svc.decide(
                db,
                actor,
                case_id,
                "refuse",
                "被申请人经营正常、净资产充足，申请人权利不保全亦可实现",
                now=t + dt.timedelta(hours=2),
            )
            count += 1
            continue
        svc.decide(db, actor, case_id, "grant", "申请符合法律规定，准予在请求范围内保全", now=t + dt.timedelta(hours=3))
        view = svc.plan(db, actor, case_id, as_of=today)
        if view.needs_approval:
            svc.approve_basic_account(
                db, actor, case_id, "其他财产不足，同意限额冻结基本账户", now=t + dt.timedelta(hours=4)
            )
        if stage == 1:
            count += 1
            continue
        taken = (t + dt.timedelta(hours=5)).date()
        svc.record_measures(db, actor, case_id, taken_on=taken, now=t + dt.timedelta(hours=5))
        if kind == "pre_suit" and stage == 2:
            svc.record_lawsuit(db, actor, case_id, filed_on=t + dt.timedelta(days=12), now=t + dt.timedelta(days=12))
        if stage == 4:
            g_at = t + dt.timedelta(days=20)
            svc.add_guarantee(
                db,
                actor,
                case_id,
                type="performance_bond",
                amount=claim,
                valid_until=today + dt.timedelta(days=365),
                issuer=bank,
                number=f"LYBH-2026-{i:04d}",
                undertaking=True,
                credit_agreement="授信协议（2026）第031号",
                now=g_at,
            )
            svc.release_on_guarantee(db, actor, case_id, now=g_at + dt.timedelta(hours=2))
        count += 1
    return count
