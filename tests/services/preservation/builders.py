"""What the preservation service tests share: one registered case, four assets of every kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from laoshan_desk.services import preservation as svc
from laoshan_desk.services.preservation.seed import resident_id, uscc

D = Decimal
USCC = uscc("MA3C51111")
PERSON = resident_id(dt.date(1980, 5, 6), 123)


def _register(db, actor, now, **over):
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
    return svc.register_case(db, actor, now=now, **fields)


def _assets(db, actor, case_id, now):
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="B",
        type="account",
        account_kind="basic",
        value="3000000",
        institution="青岛银行",
        number="6222001",
    )
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="G",
        type="account",
        account_kind="general",
        value="500000",
        institution="农业银行",
        number="6222002",
    )
    svc.add_asset(
        db,
        actor,
        case_id,
        now=now,
        code="W",
        type="account",
        account_kind="wage",
        value="900000",
        institution="工商银行",
        number="6222003",
    )
    svc.add_asset(
        db, actor, case_id, now=now, code="R", type="real_estate", value="800000", description="崂山区松岭路1号房产"
    )
