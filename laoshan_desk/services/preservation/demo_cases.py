"""Three dozen ordinary demo cases, made through the services with past clocks.

Their lights, terms and renewals are exactly what a clerk would have produced, dated around
``now``: new today, ruled and awaiting execution, executed (some terms inside the reminder
window), released on a bond, refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import uuid
from decimal import Decimal

from laoshan_desk.domain.preservation import (
    AccountKind,
    ApplicantGuarantee,
    AssetType,
    CaseKind,
    Decision,
    GuaranteeType,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation import assets, cases, measures, plan, release
from laoshan_desk.services.preservation.assets import AssetFields
from laoshan_desk.services.preservation.demo_names import (
    APPLICANTS,
    BANKS,
    CAUSES,
    demo_phone,
    resident_id,
    uscc,
)
from laoshan_desk.services.preservation.forms import (
    ApprovalForm,
    AssetForm,
    CaseForm,
    CaseRef,
    DecisionForm,
    GuaranteeForm,
    GuaranteeReleaseForm,
    LawsuitForm,
    MeasuresForm,
    ReviewForm,
)
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase

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


def _version(db: Database, case_id: uuid.UUID) -> int:
    """The case's version now: what a clerk's screen would show before the next step."""
    with db.session() as session:
        case = session.get(PresCase, case_id)
        assert case is not None
        return case.version


def _assets(i: int, claim: Decimal, person: bool, bank: str, rng: random.Random) -> list[AssetFields]:
    """The respondent's assets: a basic and a general account, for a company a wage account and
    a production line, real estate, every fifth a car."""
    found = [
        AssetFields(AssetType.ACCOUNT, claim * 2, AccountKind.BASIC, bank, f"6228{i:04d}0001"),
        AssetFields(
            AssetType.ACCOUNT,
            (claim * Decimal("0.4")).quantize(Decimal("1")),
            AccountKind.GENERAL,
            BANKS[(i + 1) % 8],
            f"6228{i:04d}0002",
        ),
    ]
    if not person:
        found.append(
            AssetFields(
                AssetType.ACCOUNT,
                Decimal(rng.randrange(100, 900) * 1000),
                AccountKind.WAGE,
                BANKS[(i + 2) % 8],
                f"6228{i:04d}0003",
            )
        )
        found.append(
            AssetFields(
                AssetType.EQUIPMENT,
                (claim * Decimal("0.5")).quantize(Decimal("1")),
                institution="崂山区市场监督管理局（动产抵押登记）",
                number=f"DY{i:05d}",
                description="生产线设备一套",
                in_operational_use=True,
            )
        )
    found.append(
        AssetFields(
            AssetType.REAL_ESTATE,
            (claim * Decimal("0.7")).quantize(Decimal("1")),
            institution="青岛市不动产登记中心崂山分中心",
            number=f"鲁(2021)青岛市崂山区不动产权第00{i:05d}号",
            description=f"崂山区松岭路{10 + i}号房产",
        )
    )
    if i % 5 == 0:
        found.append(
            AssetFields(
                AssetType.VEHICLE,
                Decimal(rng.randrange(80, 300) * 1000),
                institution="青岛市公安局交通警察支队车辆管理所",
                number=f"鲁B{i:02d}K{i:02d}",
                description="鲁B轿车一辆",
            )
        )
    return found


def _asset_form(case_id: uuid.UUID, version: int, fields: AssetFields) -> AssetForm:
    return AssetForm(
        case_id=case_id,
        version=version,
        type=fields.type,
        value=fields.value,
        account_kind=fields.account_kind,
        institution=fields.institution,
        number=fields.number,
        description=fields.description,
        in_operational_use=bool(fields.in_operational_use),
    )


def load_cases(db: Database, actor: Actor, *, now: dt.datetime) -> int:
    """The ordinary cases, each step at its own past time; returns how many were made."""
    # A court has two people on a ruling: the filing clerk registers the case and enters the
    # application's assets (and signs as 书记员), the judge reviews and decides (审判员). The
    # names are the demo accounts' (services/demo.py DEMO_USERS); the audit log still names the
    # init job.
    registrar = dataclasses.replace(actor, full_name="刘敏")
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
        kind = CaseKind.PRE_SUIT if i % 3 == 0 else CaseKind.IN_SUIT
        claim = Decimal(rng.randrange(80, 3000) * 1000)
        serial = 300 + i
        case_number = (
            f"（{received.year}）鲁0212财保{serial}号"
            if kind is CaseKind.PRE_SUIT
            else f"（{received.year}）鲁0212民初{5000 + i * 13}号之一"
        )
        case_id = cases.register_case(
            db,
            registrar,
            CaseForm(
                case_number=case_number,
                kind=kind,
                applicant=APPLICANTS[i % len(APPLICANTS)],
                respondent=name,
                respondent_id=number,
                claim_amount=claim,
                received_at=received,
                cause=CAUSES[i % len(CAUSES)],
                applicant_guarantee_type=ApplicantGuarantee.INSURANCE,
                applicant_guarantee_amount=claim if kind is CaseKind.PRE_SUIT else claim * Decimal("0.3"),
                respondent_phone=demo_phone(i),
            ),
            now=received + dt.timedelta(minutes=5),
        )
        t = received + dt.timedelta(minutes=20)
        bank = BANKS[i % len(BANKS)]
        for fields in _assets(i, claim, person, bank, rng):
            assets.add_asset(db, registrar, _asset_form(case_id, _version(db, case_id), fields), now=t)
        review = ReviewForm(
            case_id=case_id,
            version=_version(db, case_id),
            preconditions_met=True,
            transfer_risk=stage != 5,
            purpose="保障将来判决得以执行",
            net_assets=claim * (3 if stage == 5 else 1),
            taxes_paid=Decimal(rng.randrange(0, 900) * 1000),
            employees=rng.randrange(0, 120),
            going_concern=True,
            dishonest=False,
        )
        cases.save_review(db, actor, review, now=t + dt.timedelta(minutes=10))
        plan.propose(db, actor, CaseRef(case_id, _version(db, case_id)), now=t + dt.timedelta(minutes=15))
        count += 1
        if stage == 0:
            continue
        if stage == 5:
            refusal = DecisionForm(
                case_id,
                _version(db, case_id),
                Decision.REFUSE,
                "被申请人经营正常、净资产充足，申请人权利不保全亦可实现",
            )
            cases.decide(db, actor, refusal, now=t + dt.timedelta(hours=2))
            continue
        grant = DecisionForm(case_id, _version(db, case_id), Decision.GRANT, "申请符合法律规定，准予在请求范围内保全")
        cases.decide(db, actor, grant, now=t + dt.timedelta(hours=3))
        if plan.current_plan(db, actor, case_id, today=today).needs_approval:
            approval = ApprovalForm(case_id, _version(db, case_id), "其他财产不足，同意限额冻结基本账户")
            plan.approve_basic_account(db, actor, approval, now=t + dt.timedelta(hours=4))
        if stage == 1:
            continue
        taken = (t + dt.timedelta(hours=5)).date()
        measures.record_measures(
            db, actor, MeasuresForm(case_id, _version(db, case_id), taken), now=t + dt.timedelta(hours=5)
        )
        if kind is CaseKind.PRE_SUIT and stage == 2:
            filed = t + dt.timedelta(days=12)
            measures.record_lawsuit(db, actor, LawsuitForm(case_id, _version(db, case_id), filed), now=filed)
        if stage == 4:
            g_at = t + dt.timedelta(days=20)
            bond = GuaranteeForm(
                case_id=case_id,
                version=_version(db, case_id),
                type=GuaranteeType.PERFORMANCE_BOND,
                amount=claim,
                # Valid beyond every term it replaces (a shorter one is not 充分有效: 第二十二条).
                valid_until=today + dt.timedelta(days=3 * 366),
                issuer=bank,
                number=f"LYBH-2026-{i:04d}",
                undertaking=True,
                credit_agreement="授信协议（2026）第031号",
            )
            release.add_guarantee(db, actor, bond, now=g_at)
            release.release_on_guarantee(
                db, actor, GuaranteeReleaseForm(case_id, _version(db, case_id)), now=g_at + dt.timedelta(hours=2)
            )
    return count
