"""One respondent across all its cases: rulings, freezes, guarantees, renewals, over-freezing.

The seed's Company A (185 suits, 133 rulings, 29 accounts frozen) at a glance: which accounts
are frozen by more than one case, which cases keep more than they still need once the
guarantees are deducted, which terms are due for renewal.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import NotFound
from laoshan_desk.domain.preservation import AssetType, CaseStatus, Decision, PartyKind
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import VIEW, ZERO, case_light, party_number, reminder_days_in
from laoshan_desk.services.preservation.measures import measure_rows
from laoshan_desk.services.preservation.rows import Exposure, ExposureCase, FrozenAccount
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresCase, PresGuarantee, PresParty
from laoshan_desk.store.queries import preservation as queries

# One frozen account: (case, amount, expiry) per measure on it.
_Freezes = list[tuple[uuid.UUID, Decimal, dt.date, Decimal]]  # case, amount, expiry, the account's balance


def _granted(case: PresCase) -> bool:
    return case.decision is not None and Decision(case.decision).grants


def respondent_exposure(db: Database, actor: Actor, party_id: uuid.UUID, *, now: dt.datetime) -> Exposure:
    """One respondent across all its cases: rulings, amounts, freezes, guarantees, renewals, over-freezing."""
    actor.require(VIEW)
    today = now.date()
    with db.session() as session:
        party = session.get(PresParty, party_id)
        cases = list(
            session.scalars(
                queries.scoped(select(PresCase).where(PresCase.respondent_id == party_id), actor.scope).order_by(
                    PresCase.received_at
                )
            )
        )
        if party is None or not cases:
            raise NotFound("被申请人不存在")
        reminder = reminder_days_in(session)
        ids = [c.id for c in cases]
        guaranteed: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        for g in session.scalars(select(PresGuarantee).where(PresGuarantee.case_id.in_(ids))):
            if g.valid_until >= today:
                guaranteed[g.case_id] += g.amount
        preserved: dict[uuid.UUID, Decimal] = defaultdict(lambda: ZERO)
        accounts: dict[tuple[str, str], _Freezes] = defaultdict(list)
        active = 0
        frozen_total = ZERO
        for m, a in queries.measures_with_assets(session, ids, only_active=True):
            active += 1
            preserved[m.case_id] += m.amount
            if a.type == AssetType.ACCOUNT:
                frozen_total += m.amount
                accounts[(a.institution or "", a.number or a.code)].append((m.case_id, m.amount, m.expiry, a.value))
        rows = []
        for c in cases:
            ruled = c.ruled_amount or ZERO
            need = max((ruled if _granted(c) else ZERO) - guaranteed[c.id], ZERO)
            kept = preserved[c.id]
            rows.append(
                ExposureCase(
                    case_id=c.id,
                    case_number=c.case_number,
                    applicant=c.applicant,
                    received_at=c.received_at,
                    status=CaseStatus(c.status),
                    claim=c.claim_amount,
                    ruled=ruled,
                    guaranteed=guaranteed[c.id],
                    need=need,
                    preserved=kept,
                    excess=max(kept - need, ZERO) if kept else ZERO,
                    light=case_light(c, now, reminder)[0],
                )
            )

        applicant_of = {c.id: c.applicant for c in cases}

        def account_row(key: tuple[str, str], entries: _Freezes) -> FrozenAccount:
            expiry = min(e for _c, _a, e, _b in entries)
            balance = max(b for _c, _a, _e, b in entries)
            applicants = tuple(applicant_of[c] for c, _a, _e, _b in entries)
            amounts = [a for _c, a, _e, _b in entries]
            return FrozenAccount(
                institution=key[0],
                number=key[1],
                cases=len({c for c, _a, _e, _b in entries}),
                amount=sum(amounts, ZERO),
                expiry=expiry,
                light=rules.expiry_light(expiry, today, reminder_days=reminder),
                repeat=rules.repeat_kind(applicants, amounts, balance),
                balance=balance,
                applicants=applicants,
            )

        account_rows = sorted((account_row(k, v) for k, v in accounts.items()), key=lambda r: r.expiry)
        over = tuple(r for r in rows if r.excess > 0)
        renewals = tuple(
            r for r in measure_rows(session, ids, today, reminder, only_active=True) if r.reminder_on <= today
        )
        return Exposure(
            id=party.id,
            name=party.name,
            kind=PartyKind(party.kind),
            number=party_number(party),
            cases=len(cases),
            rulings=sum(1 for c in cases if _granted(c)),
            refused=sum(1 for c in cases if c.decision == Decision.REFUSE),
            claims_total=sum((c.claim_amount for c in cases), ZERO),
            ruled_total=sum((r.ruled for r in rows), ZERO),
            preserved_total=sum(preserved.values(), ZERO),
            frozen_total=frozen_total,
            accounts_frozen=len(accounts),
            active_measures=active,
            guarantees_total=sum(guaranteed.values(), ZERO),
            freed_total=queries.freed_by_guarantees(session, ids),
            need_total=sum((r.need for r in rows if r.preserved > 0), ZERO),
            over_freeze_total=sum((r.excess for r in over), ZERO),
            over_freeze_cases=over,
            repeated_accounts=tuple(
                r for r in account_rows if r.cases > 1 and r.repeat is not rules.RepeatKind.WITHIN_BALANCE
            ),
            renewals_due=renewals,
            case_rows=tuple(rows),
            accounts=tuple(account_rows),
            reminder_days=reminder,
        )
