"""The court's preservation statistics and the Excel export of the case list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.preservation import (
    CaseKind,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import REMINDER_DAYS, STATUS_LABELS, VIEW, ZERO, _scoped
from laoshan_desk.services.preservation.rows import CaseRow, Statistics
from laoshan_desk.services.preservation.views import count_cases, list_cases
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresCase,
    PresMeasure,
    PresRelease,
)


def statistics(db: Database, actor: Actor, *, now: dt.datetime, year: int | None = None) -> Statistics:
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        q = _scoped(select(PresCase), actor)
        if year:
            q = q.where(
                PresCase.received_at >= dt.datetime(year, 1, 1, tzinfo=now.tzinfo),
                PresCase.received_at < dt.datetime(year + 1, 1, 1, tzinfo=now.tzinfo),
            )
        cases = list(session.scalars(q))
        ids = [c.id for c in cases]
        by_status: dict[str, int] = defaultdict(int)
        by_kind: dict[str, int] = defaultdict(int)
        months: dict[str, list[Any]] = {}
        same_day = on_time = ent = 0
        for c in cases:
            by_status[STATUS_LABELS.get(c.status, c.status)] += 1
            by_kind[CaseKind(c.kind).label] += 1
            key = f"{c.received_at:%Y-%m}"
            months.setdefault(key, [0, ZERO])
            months[key][0] += 1
            months[key][1] += c.ruled_amount or ZERO
            if c.enterprise:
                ent += 1
                if c.ruled_at and c.ruled_at.date() == c.received_at.date():
                    same_day += 1
            if c.ruled_at and c.ruled_at <= rules.ruling_due(c.kind, c.received_at):
                on_time += 1
        preserved = ZERO
        renewals = active = 0
        if ids:
            for m in session.scalars(
                select(PresMeasure).where(PresMeasure.case_id.in_(ids), PresMeasure.status == "active")
            ):
                active += 1
                preserved += m.amount
                if m.expiry - dt.timedelta(days=REMINDER_DAYS) <= today:
                    renewals += 1
        freed = ZERO
        if ids:
            freed = Decimal(
                session.scalar(
                    select(func.coalesce(func.sum(PresRelease.amount_freed), 0)).where(
                        PresRelease.case_id.in_(ids), PresRelease.reason == "guarantee"
                    )
                )
                or 0
            ).quantize(Decimal("0.01"))
        return Statistics(
            cases=len(cases),
            by_status=dict(by_status),
            by_kind=dict(by_kind),
            rulings=sum(1 for c in cases if c.decision in ("grant", "grant_in_part")),
            refused=sum(1 for c in cases if c.decision == "refuse"),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((c.ruled_amount or ZERO for c in cases), ZERO),
            preserved_total=preserved,
            freed_total=freed,
            active_measures=active,
            renewals_due=renewals,
            enterprise_cases=ent,
            enterprise_same_day=same_day,
            rulings_on_time=on_time,
            by_month=[(k, v[0], v[1]) for k, v in sorted(months.items())],
        )


def export_cases(db: Database, actor: Actor, path: Path, *, now: dt.datetime) -> Path:
    """The case list and statistics as an Excel workbook (audited as an export)."""
    from laoshan_desk.documents.preservation import workbook

    actor.require(VIEW)
    rows: list[CaseRow] = []
    total = count_cases(db, actor)
    offset = 0
    while offset < total:
        page = list_cases(db, actor, now=now, offset=offset, limit=1000, sort="received_at", descending=False)
        if not page:
            break
        rows.extend(page)
        offset += len(page)
    stats = statistics(db, actor, now=now)
    out = workbook.write_workbook(Path(path), rows, stats, now)
    from laoshan_desk.services import audit

    audit.record(
        db,
        actor,
        "export",
        "pres_case",
        None,
        f"导出保全案件清单与统计（{len(rows)}件）",
        after={"file": Path(path).name, "rows": len(rows)},
    )
    return out
