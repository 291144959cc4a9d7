"""What the preservation tests share: one registered case, four assets of every kind, a case
granted on one account (the services' and the papers' tests start from it), and the version a
screen would show before the next write."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation.seed import resident_id, uscc
from tests.conftest import FIXED_NOW

D = Decimal
USCC = uscc("MA3C51111")
PERSON = resident_id(dt.date(1980, 5, 6), 123)


def shown(db, actor, case_id: uuid.UUID, now: dt.datetime = FIXED_NOW) -> int:  # type: ignore[no-untyped-def]
    """The case's version as its page shows it (what every write hands back)."""
    return svc.case_detail(db, actor, case_id, now=now).version


def ref(db, actor, case_id: uuid.UUID) -> svc.CaseRef:  # type: ignore[no-untyped-def]
    return svc.CaseRef(case_id, shown(db, actor, case_id))


def _register(db, actor, now, **over):  # type: ignore[no-untyped-def]
    fields = dict(
        case_number="（2026）鲁0212财保12号",
        kind="in_suit",
        applicant="青岛甲建设有限公司",
        respondent="青岛乙贸易有限公司",
        respondent_id=USCC,
        claim_amount="1,200,000.00",
        received_at=now - dt.timedelta(hours=2),
        respondent_phone="13853291234",
    )
    fields.update(over)
    return svc.register_case(db, actor, svc.CaseForm(**fields), now=now)


def add_asset(db, actor, case_id, now, **fields):  # type: ignore[no-untyped-def]
    """One asset as the asset dialog sends it, with the version the page showed."""
    form = svc.AssetForm(case_id=case_id, version=shown(db, actor, case_id, now), **fields)
    return svc.add_asset(db, actor, form, now=now)


def add_guarantee(db, actor, case_id, now, **fields):  # type: ignore[no-untyped-def]
    form = svc.GuaranteeForm(case_id=case_id, version=shown(db, actor, case_id, now), **fields)
    return svc.add_guarantee(db, actor, form, now=now)


def decide(db, actor, case_id, decision, reasons, now):  # type: ignore[no-untyped-def]
    form = svc.DecisionForm(case_id, shown(db, actor, case_id, now), decision, reasons)
    return svc.decide(db, actor, form, now=now)


def add_account(db, actor, case_id, now, *, code, kind, value, institution, number):  # type: ignore[no-untyped-def]
    """One bank account (``kind``: basic, general, wage…) as the asset dialog sends it."""
    return add_asset(
        db,
        actor,
        case_id,
        now,
        code=code,
        type="account",
        account_kind=kind,
        value=value,
        institution=institution,
        number=number,
    )


def granted_on_account(  # type: ignore[no-untyped-def]
    db, actor, now, *, value, institution, number, reasons="准予", measures=False, **case_fields
):
    """A case (``case_fields`` over :func:`_register`'s) with one general account (code G) of
    ``value``, the plan proposed and preservation granted for ``reasons``; ``measures=True``:
    the freeze taken on ``now``'s day as well. Returns the case id."""
    case_id = _register(db, actor, now, **case_fields)
    add_account(db, actor, case_id, now, code="G", kind="general", value=value, institution=institution, number=number)
    svc.propose(db, actor, ref(db, actor, case_id), now=now)
    decide(db, actor, case_id, "grant", reasons, now)
    if measures:
        svc.record_measures(db, actor, svc.MeasuresForm(case_id, shown(db, actor, case_id), now.date()), now=now)
    return case_id


def _assets(db, actor, case_id, now):  # type: ignore[no-untyped-def]
    add_account(
        db, actor, case_id, now, code="B", kind="basic", value="3000000", institution="青岛银行", number="6222001"
    )
    add_account(
        db, actor, case_id, now, code="G", kind="general", value="500000", institution="农业银行", number="6222002"
    )
    add_account(
        db, actor, case_id, now, code="W", kind="wage", value="900000", institution="工商银行", number="6222003"
    )
    add_asset(db, actor, case_id, now, code="R", type="real_estate", value="800000", description="崂山区松岭路1号房产")
