"""Small builders the preservation domain tests share: assets by kind, a plan as of one day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from laoshan_desk.domain.preservation import (
    AccountKind,
    Asset,
    AssetType,
    propose_plan,
)

D = Decimal
AS_OF = dt.date(2023, 6, 1)


def account(id_: str, kind: str, value: str) -> Asset:
    return Asset(id_, AssetType.ACCOUNT, AccountKind(kind), D(value))


def thing(
    id_: str,
    type_: str,
    value: str,
    *,
    used: bool = False,
    protected: bool = False,
    indivisible: bool = False,
    disputed: bool = False,
) -> Asset:
    return Asset(
        id_,
        AssetType(type_),
        None,
        D(value),
        in_operational_use=used,
        protected=protected,
        indivisible=indivisible,
        disputed=disputed,
    )


def plan_of(claim: str, assets, guarantees=(), **kw):
    return propose_plan(D(claim), assets, guarantees, as_of=AS_OF, **kw)


def picked(plan) -> dict[str, Decimal]:
    return {s.asset_id: s.amount for s in plan.selected}
