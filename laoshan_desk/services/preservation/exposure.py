"""One respondent across all its cases: rulings, freezes, guarantees, renewals, over-freezing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select

from laoshan_desk.domain.errors import NotFound
from laoshan_desk.domain.lights import Light
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    REMINDER_DAYS,
    STATUS_LABELS,
    VIEW,
    ZERO,
    _case_light,
    _party_number,
    _scoped,
)
from laoshan_desk.services.preservation.measures import _measure_rows
from laoshan_desk.services.preservation.rows import Exposure, ExposureCase, FrozenAccount
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresGuarantee,
    PresMeasure,
    PresParty,
    PresRelease,
)


def respondent_exposure(db: Database, actor: Actor, party_id: uuid.UUID, *, now: dt.datetime) -> Exposure:
    """One respondent across all its cases: rulings, amounts, freezes, guarantees, renewals, over-freezing."""
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        party = session.get(PresParty, party_id)
        if party is None:
            raise NotFound("被申请人不存在")
        cases = list(
            session.scalars(
                _scoped(select(PresCase).where(PresCase.respondent_id == party_id), actor).order_by(
                    PresCase.received_at
                )
            )
        )
        ids = [c.id for c in cases]
        guar: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        for g in session.scalars(select(PresGuarantee).where(PresGuarantee.case_id.in_(ids))):
            if g.valid_until >= today:
                guar[g.case_id] += g.amount
        preserved: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        accounts: dict[tuple[str, str], list[tuple[uuid.UUID, Decimal, dt.date]]] = defaultdict(list)
        active = 0
        frozen_total = ZERO
        for m, a in session.execute(
            select(PresMeasure, PresAsset)
            .join(PresAsset, PresAsset.id == PresMeasure.asset_id)
            .where(PresMeasure.respondent_id == party_id, PresMeasure.status == "active")
        ):
            active += 1
            preserved[m.case_id] += m.amount
            if a.type == "account":
                frozen_total += m.amount
                accounts[(a.institution or "", a.number or a.code)].append((m.case_id, m.amount, m.expiry))
        freed = (
            session.scalar(
                select(func.coalesce(func.sum(PresRelease.amount_freed), 0)).where(
                    PresRelease.case_id.in_(ids), PresRelease.reason == "guarantee"
                )
            )
            or ZERO
        )
        rows = []
        for c in cases:
            ruled = c.ruled_amount or ZERO
            basis = ruled if c.decision in ("grant", "grant_in_part") else ZERO
            need = max(basis - guar[c.id], ZERO)
            kept = preserved[c.id]
            rows.append(
                ExposureCase(
                    c.id,
                    c.case_number,
                    c.applicant,
                    c.received_at,
                    STATUS_LABELS.get(c.status, c.status),
                    c.claim_amount,
                    ruled,
                    guar[c.id],
                    need,
                    kept,
                    max(kept - need, ZERO) if kept else ZERO,
                    _case_light(c, now)[0],
                )
            )

        def account_row(key: tuple[str, str], entries: list[tuple[uuid.UUID, Decimal, dt.date]]) -> FrozenAccount:
            expiry = min(e for _c, _a, e in entries)
            days = (expiry - today).days
            light = Light.RED if days < 0 else Light.YELLOW if days <= REMINDER_DAYS else Light.GREEN
            return FrozenAccount(
                key[0],
                key[1],
                len({c for c, _a, _e in entries}),
                sum((a for _c, a, _e in entries), ZERO),
                expiry,
                light,
            )

        account_rows = sorted((account_row(k, v) for k, v in accounts.items()), key=lambda r: r.expiry)
        over = tuple(r for r in rows if r.excess > 0)
        renewals = tuple(r for r in _measure_rows(session, ids, today, only_active=True) if r.reminder_on <= today)
        open_rows = [r for r in rows if r.preserved > 0]
        return Exposure(
            id=party.id,
            name=party.name,
            kind=party.kind,
            number=_party_number(actor, party),
            cases=len(cases),
            rulings=sum(1 for c in cases if c.decision in ("grant", "grant_in_part")),
            refused=sum(1 for c in cases if c.decision == "refuse"),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((r.ruled for r in rows), ZERO),
            preserved_total=sum(preserved.values(), ZERO),
            frozen_total=frozen_total,
            accounts_frozen=len(accounts),
            active_measures=active,
            guarantees_total=sum(guar.values(), ZERO),
            freed_total=Decimal(freed).quantize(Decimal("0.01")),
            need_total=sum((r.need for r in open_rows), ZERO),
            over_freeze_total=sum((r.excess for r in over), ZERO),
            over_freeze_cases=over,
            repeated_accounts=tuple(r for r in account_rows if r.cases > 1),
            renewals_due=renewals,
            case_rows=tuple(rows),
            accounts=tuple(account_rows),
        )
