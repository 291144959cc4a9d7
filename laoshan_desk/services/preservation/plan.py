"""Step 2 (scope): the least-harm plan proposed, adjusted by the judge, the basic account approved."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.domain.preservation import (
    Measure,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.assets import _check_plan_open
from laoshan_desk.services.preservation.common import (
    APPROVE,
    DECIDE,
    EDIT,
    VIEW,
    ZERO,
    _asset_row,
    _assets,
    _domain_asset,
    _domain_guarantee,
    _get_case,
    _guarantees,
)
from laoshan_desk.services.preservation.rows import ExclusionRow, PlanView, SelectionRow
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresPlanNote,
    PresSelection,
)


def _store_notes(work: Work, case: PresCase, stage: str, notes: Iterable[tuple[str, str | None, str]]) -> None:
    work.session.execute(delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == stage))
    for seq, (kind, code, text) in enumerate(notes):
        work.session.add(PresPlanNote(case_id=case.id, stage=stage, kind=kind, asset_code=code, text=text, seq=seq))


def _store_selections(
    work: Work, case: PresCase, stage: str, selections: Sequence[rules.Selection], by_code: dict[str, PresAsset]
) -> None:
    work.session.execute(delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage))
    for sel in selections:
        work.session.add(
            PresSelection(
                case_id=case.id,
                stage=stage,
                asset_id=by_code[sel.asset_id].id,
                measure=sel.measure.value,
                amount=sel.amount,
                created_at=work.now,
            )
        )


def _domain_plan(session: Session, case: PresCase, as_of: dt.date) -> tuple[rules.Plan, list[PresAsset]]:
    assets = _assets(session, case.id)
    plan = rules.propose_plan(
        case.claim_amount,
        [_domain_asset(a) for a in assets],
        [_domain_guarantee(g) for g in _guarantees(session, case.id)],
        as_of=as_of,
    )
    return plan, assets


def _store_proposal(work: Work, case: PresCase, now: dt.datetime) -> rules.Plan:
    plan, assets = _domain_plan(work.session, case, now.date())
    by_code = {a.code: a for a in assets}
    _store_selections(work, case, "proposed", plan.selected, by_code)
    notes = [("excluded", e.asset_id, e.reason) for e in plan.excluded] + [("note", None, n) for n in plan.notes]
    if plan.over_scope_reason:
        notes.append(("over_scope", None, plan.over_scope_reason))
    _store_notes(work, case, "proposed", notes)
    # A new proposal replaces the judge's adjustment and any approval given for it.
    work.session.execute(
        delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == "adjusted")
    )
    work.session.execute(delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == "adjusted"))
    case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
    case.updated_at = now
    return plan


def propose(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> PlanView:
    """The desk's least-harm plan from the assets and guarantees on file (stored as proposed)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        plan = _store_proposal(work, case, now)
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"生成保全方案 {case.case_number}：保全{plan.total_preserved:,.2f}元，需求{plan.need:,.2f}元",
            after=plan.as_dict(),
        )
        return _plan_view(work.session, case, now.date())


def adjust(
    db: Database, actor: Actor, case_id: uuid.UUID, selections: Sequence[tuple[str, object]], *, now: dt.datetime
) -> tuple[PlanView, list[str]]:
    """The judge changes the plan (asset code, amount or None for whole); the desk re-checks it.

    Violations do not block the change: they are stored and shown in red until corrected.
    """
    actor.require(DECIDE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        _check_plan_open(case)
        plan, assets = _domain_plan(work.session, case, now.date())
        domain_assets = [_domain_asset(a) for a in assets]
        adjusted, violations = rules.adjust_plan(plan, domain_assets, list(selections))
        by_code = {a.code: a for a in assets}
        _store_selections(work, case, "adjusted", [s for s in adjusted.selected if s.asset_id in by_code], by_code)
        notes = [("note", None, n) for n in adjusted.notes if n not in violations]
        notes += [("violation", None, v) for v in violations]
        if adjusted.over_scope_reason:
            notes.append(("over_scope", None, adjusted.over_scope_reason))
        _store_notes(work, case, "adjusted", notes)
        case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
        case.updated_at = now
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"法官调整保全方案 {case.case_number}：" + (f"{len(violations)}项不合规" if violations else "复核通过"),
            after={**adjusted.as_dict(), "violations": violations},
        )
        return _plan_view(work.session, case, now.date()), violations


def approve_basic_account(db: Database, actor: Actor, case_id: uuid.UUID, note: str = "", *, now: dt.datetime) -> None:
    """A leader approves freezing the basic account (the court's own rule, not a statute)."""
    actor.require(APPROVE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        plan = _plan_view(work.session, case, now.date())
        if not plan.needs_approval:
            raise DeskError("当前方案未冻结基本账户，无需审批")
        if plan.violations:
            raise DeskError("方案存在不合规之处，请法官先行修正后再报批")
        case.basic_approved_by = actor.full_name or actor.username
        case.basic_approved_at = now
        case.basic_approval_note = note.strip() or None
        case.updated_at = now
        work.audit(
            "update", "pres_case", case.id, f"院领导批准冻结基本账户 {case.case_number}", after={"note": note.strip()}
        )


def _plan_view(session: Session, case: PresCase, as_of: dt.date) -> PlanView:
    stages = set(session.scalars(select(PresPlanNote.stage).where(PresPlanNote.case_id == case.id)))
    stages |= set(session.scalars(select(PresSelection.stage).where(PresSelection.case_id == case.id)))
    stage = "adjusted" if "adjusted" in stages else "proposed" if "proposed" in stages else "none"
    guarantees = [_domain_guarantee(g) for g in _guarantees(session, case.id)]
    guaranteed = rules.valid_guarantee_total(guarantees, as_of)
    need = max(case.claim_amount - guaranteed, ZERO)
    assets = {a.id: a for a in _assets(session, case.id)}
    rows = []
    for sel in session.scalars(
        select(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage)
    ):
        a = assets[sel.asset_id]
        r = _asset_row(a)
        rows.append(
            SelectionRow(
                a.id,
                a.code,
                r.label,
                r.institution,
                r.number,
                sel.measure,
                Measure(sel.measure).label,
                sel.amount,
                a.value,
                a.type == "account",
                a.account_kind,
            )
        )
    rows.sort(key=lambda s: (assets[s.asset_id].sort_order, s.code))
    notes = list(
        session.scalars(
            select(PresPlanNote).where(PresPlanNote.case_id == case.id).order_by(PresPlanNote.stage, PresPlanNote.seq)
        )
    )
    by_code = {a.code: a for a in assets.values()}
    excluded = tuple(
        ExclusionRow(
            n.asset_code or "",
            _asset_row(by_code[n.asset_code]).label if n.asset_code in by_code else (n.asset_code or ""),
            n.text,
        )
        for n in notes
        if n.stage == "proposed" and n.kind == "excluded"
    )
    mine = [n for n in notes if n.stage == stage]
    total = sum((s.amount for s in rows), ZERO)
    rule = rules.ExcessRule()
    over_notes = [n.text for n in mine if n.kind == "over_scope"]
    needs_approval = any(s.is_account and s.account_kind == "basic" for s in rows)
    return PlanView(
        stage=stage,
        claim=case.claim_amount,
        guaranteed=guaranteed,
        need=need,
        selected=tuple(rows),
        excluded=excluded,
        total_preserved=total,
        covers_claim=total >= need,
        over_scope=rule.clearly_exceeds(total, need),
        over_scope_reason=over_notes[0] if over_notes else "",
        needs_approval=needs_approval,
        approved=case.basic_approved_at is not None,
        approved_by=case.basic_approved_by or "",
        notes=tuple(n.text for n in mine if n.kind == "note"),
        violations=tuple(n.text for n in mine if n.kind == "violation"),
    )


def plan(db: Database, actor: Actor, case_id: uuid.UUID, *, as_of: dt.date) -> PlanView:
    actor.require(VIEW)
    with db.session() as session:
        return _plan_view(session, _get_case(session, actor, case_id), as_of)
