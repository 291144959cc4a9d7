"""The SQL the preservation screens page through: the case list, the respondents, the measures.

Row scope is a condition here, never a filter afterwards: preservation cases belong to the court
and only roles of scope ``all`` see them (:func:`scoped`). The status sets come from the domain's
:class:`~laoshan_desk.domain.preservation.CaseStatus`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from laoshan_desk.domain.preservation import CaseStatus, MeasureStatus, ReleaseReason
from laoshan_desk.store.models.preservation import PresAsset, PresCase, PresMeasure, PresParty, PresRelease

T = TypeVar("T", bound=tuple[Any, ...])
CaseQuery = Select[tuple[PresCase, PresParty]]

# A case whose ruling or execution clock still runs.
CLOCK_RUNNING = (CaseStatus.RECEIVED.value, CaseStatus.GRANTED.value)

SORTS: dict[str, Any] = {
    "received_at": PresCase.received_at,
    "case_number": PresCase.case_number,
    "claim_amount": PresCase.claim_amount,
    "status": PresCase.status,
    "next_expiry": PresCase.next_expiry,
    "respondent": PresParty.name,
    "kind": PresCase.kind,
}


def scoped(query: Select[T], scope: str) -> Select[T]:
    """Preservation cases belong to the court: a role of any narrower scope sees none."""
    return query if scope == "all" else query.where(false())


def case_query(
    scope: str,
    *,
    text: str = "",
    status: str | None = None,
    respondent_id: uuid.UUID | None = None,
    expiring_by: dt.date | None = None,
) -> CaseQuery:
    """Cases with their respondent, filtered. ``expiring_by`` keeps the cases that need
    attention: a ruling or execution clock still running, or a term ending by that day."""
    q = select(PresCase, PresParty).join(PresParty, PresParty.id == PresCase.respondent_id)
    if text.strip():
        like = f"%{text.strip()}%"
        q = q.where(or_(PresCase.case_number.like(like), PresParty.name.like(like), PresCase.applicant.like(like)))
    if status:
        q = q.where(PresCase.status == status)
    if respondent_id:
        q = q.where(PresCase.respondent_id == respondent_id)
    if expiring_by is not None:
        q = q.where(or_(PresCase.status.in_(CLOCK_RUNNING), PresCase.next_expiry <= expiring_by))
    return scoped(q, scope)


def count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def case_page(
    session: Session,
    query: CaseQuery,
    *,
    sort: str | None,
    descending: bool,
    offset: int,
    limit: int,
) -> list[tuple[PresCase, PresParty]]:
    """One page, sorted in SQL (unknown sort keys sort by receipt), the case number breaking ties."""
    column = SORTS.get(sort or "received_at", PresCase.received_at)
    order = column.desc() if descending else column.asc()
    rows = session.execute(query.order_by(order, PresCase.case_number).offset(offset).limit(limit))
    return [(case, party) for case, party in rows]


def respondents(session: Session, scope: str, *, text: str = "", limit: int = 200) -> list[tuple[PresParty, int, int]]:
    """Respondents with their number of cases and of active measures, the most exposed first."""
    active = (
        select(PresMeasure.respondent_id, func.count().label("n"))
        .where(PresMeasure.status == MeasureStatus.ACTIVE.value)
        .group_by(PresMeasure.respondent_id)
        .subquery()
    )
    q = (
        select(PresParty, func.count(PresCase.id), func.coalesce(active.c.n, 0))
        .join(PresCase, PresCase.respondent_id == PresParty.id)
        .outerjoin(active, active.c.respondent_id == PresParty.id)
        .group_by(PresParty.id, active.c.n)
    )
    if text.strip():
        q = q.where(PresParty.name.like(f"%{text.strip()}%"))
    q = scoped(q, scope).order_by(func.count(PresCase.id).desc(), PresParty.name).limit(limit)
    return [(party, int(cases), int(measures)) for party, cases, measures in session.execute(q)]


def measures_with_assets(
    session: Session, case_ids: Sequence[uuid.UUID], *, only_active: bool = False
) -> list[tuple[PresMeasure, PresAsset]]:
    """The measures of these cases with their assets, the earliest expiry first."""
    if not case_ids:
        return []
    q = (
        select(PresMeasure, PresAsset)
        .join(PresAsset, PresAsset.id == PresMeasure.asset_id)
        .where(PresMeasure.case_id.in_(case_ids))
    )
    if only_active:
        q = q.where(PresMeasure.status == MeasureStatus.ACTIVE.value)
    return [(m, a) for m, a in session.execute(q.order_by(PresMeasure.expiry))]


def freed_by_guarantees(session: Session, case_ids: Sequence[uuid.UUID]) -> Decimal:
    """The funds the release rulings of these cases freed on a guarantee (担保替代释放资金)."""
    if not case_ids:
        return Decimal("0.00")
    total = session.scalar(
        select(func.coalesce(func.sum(PresRelease.amount_freed), 0)).where(
            PresRelease.case_id.in_(case_ids), PresRelease.reason == ReleaseReason.GUARANTEE.value
        )
    )
    return Decimal(total or 0).quantize(Decimal("0.01"))
