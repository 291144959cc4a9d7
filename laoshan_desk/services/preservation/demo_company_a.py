"""The seed's Company A in bulk: 185 suits in H1 2023, 133 rulings, ¥608 million ruled, 29 accounts
still frozen (renewed year after year, some due for renewal now), and bank performance guarantees
under a credit agreement that freed ¥120+ million (docs/rules.md §preservation-company-a).

Inserted directly, in one transaction, with the codes of the domain's vocabulary; the terms come
from the same rule the services use (:func:`~laoshan_desk.domain.preservation.freeze_term`).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.preservation import (
    AccountKind,
    ApplicantGuarantee,
    AssetSource,
    AssetType,
    CaseKind,
    CaseStatus,
    ClockEvent,
    Decision,
    GuaranteeType,
    Measure,
    MeasureStatus,
    PartyKind,
    PlanStage,
    ReleaseReason,
)
from laoshan_desk.domain.timeutil import TZ
from laoshan_desk.services.preservation.demo_names import (
    APPLICANTS,
    BANKS,
    CAUSES,
    COMPANY_A,
    COMPANY_A_CASES,
    COMPANY_A_FREED,
    COMPANY_A_FROZEN_ACCOUNTS,
    COMPANY_A_RULED,
    COMPANY_A_RULINGS,
    demo_phone,
    uscc,
)
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

Rows = list[dict[str, Any]]  # rows for a bulk insert


def _split(total: Decimal, n: int, rng: random.Random) -> list[Decimal]:
    weights = [rng.uniform(0.3, 3.0) for _ in range(n)]
    scale = float(total) / sum(weights)
    parts = [Decimal(str(round(w * scale / 1000) * 1000)).quantize(Decimal("0.01")) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def load_company_a(db: Database, now: dt.datetime) -> int:
    """Company A's 185 cases, bulk-inserted in one transaction; returns the number of cases."""
    rng = random.Random(2023)
    party_id = uuid.uuid4()
    parties = [
        {
            "id": party_id,
            "kind": PartyKind.ENTERPRISE.value,
            "name": COMPANY_A,
            "id_number": uscc("MA3C8LX2Q"),
            "phone": demo_phone(900),
            "address": "青岛市崂山区松岭路1号",
            "created_at": now,
        }
    ]
    accounts = [
        (
            BANKS[i % len(BANKS)],
            f"3802{rng.randrange(10**11, 10**12)}",
            AccountKind.BASIC if i == 0 else AccountKind.GENERAL,
        )
        for i in range(COMPANY_A_FROZEN_ACCOUNTS + 40)
    ]
    frozen_accounts = accounts[:COMPANY_A_FROZEN_ACCOUNTS]
    start = dt.datetime(2023, 1, 3, 9, 0, tzinfo=TZ)
    received = sorted(
        start + dt.timedelta(days=rng.randrange(0, 178), minutes=rng.randrange(0, 480)) for _ in range(COMPANY_A_CASES)
    )
    kinds = [CaseKind.PRE_SUIT] * 60 + [CaseKind.IN_SUIT] * 125
    rng.shuffle(kinds)
    granted_idx = sorted(rng.sample(range(COMPANY_A_CASES), COMPANY_A_RULINGS))
    ruled = dict(zip(granted_idx, _split(COMPANY_A_RULED, COMPANY_A_RULINGS, rng), strict=False))
    cases: Rows = []
    assets: Rows = []
    sels: Rows = []
    measures: Rows = []
    renewals: Rows = []
    releases: Rows = []
    guarantees: Rows = []
    events: Rows = []
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
        if kind is CaseKind.PRE_SUIT:
            serial_pre += 1
            number = f"（2023）鲁0212财保{serial_pre}号"
        else:
            serial_in += 1
            number = f"（2023）鲁0212民初{1000 + serial_in * 7}号之一"
        granted = i in ruled
        amount = ruled.get(i, Decimal(rng.randrange(200, 4000) * 1000))
        claim = amount
        ruled_at = at + dt.timedelta(hours=rng.choice([2, 3, 5, 6]))
        status = CaseStatus.REFUSED
        executed_at = None
        if granted:
            status = CaseStatus.CLOSED
        row: dict[str, Any] = {
            "id": cid,
            "case_number": number,
            "kind": kind.value,
            "applicant": APPLICANTS[i % len(APPLICANTS)],
            "respondent_id": party_id,
            "cause": CAUSES[i % len(CAUSES)],
            "claim_amount": claim,
            "applicant_guarantee_type": (ApplicantGuarantee.INSURANCE if i % 3 else ApplicantGuarantee.BANK).value,
            "applicant_guarantee_amount": (claim if kind is CaseKind.PRE_SUIT else claim * Decimal("0.3")).quantize(
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
            "decision": (Decision.GRANT if granted else Decision.REFUSE).value,
            "decision_reasons": (
                "申请符合法律规定，被申请人存在转移财产风险，准予在请求范围内保全"
                if granted
                else "被申请人经营正常、偿付能力充足，申请人权利不保全亦可实现，驳回申请"
            ),
            "decided_by": "陈立",
            "registered_by": "刘敏",  # the filing clerk: 书记员 on the rulings
            "ruled_amount": amount if granted else Decimal("0.00"),
            "filed_at": at,
            "ruled_at": ruled_at,
            "executed_at": None,
            "lawsuit_filed_at": None,
            "lawsuit_due_on": None,
            "next_expiry": None,
            "status": status.value,
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
            {"id": uuid.uuid4(), "case_id": cid, "kind": ClockEvent.RECEIVED.value, "at": at, "note": None},
            {"id": uuid.uuid4(), "case_id": cid, "kind": ClockEvent.FILED.value, "at": at, "note": None},
            {"id": uuid.uuid4(), "case_id": cid, "kind": ClockEvent.RULED.value, "at": ruled_at, "note": None},
        ]
        if granted:
            executed_at = ruled_at + dt.timedelta(hours=2)
            row["executed_at"] = executed_at
            if kind is CaseKind.PRE_SUIT:
                row["lawsuit_filed_at"] = executed_at + dt.timedelta(days=rng.randrange(5, 25))
                row["lawsuit_due_on"] = executed_at.date() + dt.timedelta(days=30)
            events.append(
                {"id": uuid.uuid4(), "case_id": cid, "kind": ClockEvent.EXECUTED.value, "at": executed_at, "note": None}
            )
            k = active_cases.index(i) if i in active_cases else None
            if k is not None:
                bank, acct, akind = frozen_accounts[k if k < COMPANY_A_FROZEN_ACCOUNTS else k - 27]
            else:
                bank, acct, akind = accounts[COMPANY_A_FROZEN_ACCOUNTS + (i % 40)]
                akind = AccountKind.GENERAL
            aid = uuid.uuid4()
            assets.append(
                {
                    "id": aid,
                    "case_id": cid,
                    "code": "A1",
                    "type": AssetType.ACCOUNT.value,
                    "account_kind": akind.value,
                    "institution": bank,
                    "number": acct,
                    "description": None,
                    "value": amount + Decimal(rng.randrange(0, 500) * 1000),
                    "in_operational_use": False,
                    "protected": False,
                    "protected_reason": None,
                    "source": AssetSource.IMPORT.value,
                    "sort_order": 1,
                }
            )
            sels.append(
                {
                    "id": uuid.uuid4(),
                    "case_id": cid,
                    "stage": PlanStage.PROPOSED.value,
                    "asset_id": aid,
                    "measure": Measure.FREEZE.value,
                    "amount": amount,
                    "created_at": ruled_at,
                }
            )
            if akind is AccountKind.BASIC:
                row["basic_approved_by"] = "孙志强"
                row["basic_approved_at"] = ruled_at
            mid = uuid.uuid4()
            taken = executed_at.date()
            m: dict[str, Any] = {
                "id": mid,
                "case_id": cid,
                "asset_id": aid,
                "respondent_id": party_id,
                "measure": Measure.FREEZE.value,
                "amount": amount,
                "taken_on": taken,
                "term_years": 1,
                "expiry": rules.freeze_term(AssetType.ACCOUNT, taken).expiry,
                "renewals": 0,
                "released_on": None,
                "release_id": None,
                "status": MeasureStatus.ACTIVE.value,
            }
            if k is not None:
                # Renewed every year before the term ends; the latest renewal puts the expiry at
                # ``target`` (5 to 365 days from now), so a few are inside the reminder window.
                expiry = m["expiry"]
                target = now.date() + dt.timedelta(days=5 + k * 12)
                while expiry < target:
                    exact = target.replace(year=target.year - 1)
                    renewed_on = exact if exact <= expiry else expiry - dt.timedelta(days=rng.randrange(8, 20))
                    new_expiry = rules.freeze_term(AssetType.ACCOUNT, renewed_on).expiry
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
                row["status"] = CaseStatus.EXECUTED.value
                row["next_expiry"] = expiry
                if i in over_cases:
                    guarantees.append(
                        {
                            "id": uuid.uuid4(),
                            "case_id": cid,
                            "type": GuaranteeType.PERFORMANCE_BOND.value,
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
                        "type": GuaranteeType.PERFORMANCE_BOND.value,
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
                        "reason": ReleaseReason.GUARANTEE.value,
                        "ruled_at": given + dt.timedelta(hours=3),
                        "ruling_number": rules.release_ruling_number(number, 1),
                        "amount_freed": freed,
                        "note": "履约保函足额，解除冻结",
                        "by": "陈立",
                    }
                )
                m.update(
                    status=MeasureStatus.RELEASED.value,
                    released_on=(given + dt.timedelta(hours=3)).date(),
                    release_id=rid,
                )
                row["status"] = CaseStatus.RELEASED.value
            else:
                rid = uuid.uuid4()
                done = m["expiry"] - dt.timedelta(days=rng.randrange(30, 200))
                releases.append(
                    {
                        "id": rid,
                        "case_id": cid,
                        "guarantee_id": None,
                        "reason": ReleaseReason.APPLICATION.value,
                        "ruled_at": dt.datetime.combine(done, dt.time(10), tzinfo=TZ),
                        "ruling_number": rules.release_ruling_number(number, 1),
                        "amount_freed": amount,
                        "note": "案件调解结案，申请人申请解除",
                        "by": "陈立",
                    }
                )
                m.update(status=MeasureStatus.RELEASED.value, released_on=done, release_id=rid)
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
