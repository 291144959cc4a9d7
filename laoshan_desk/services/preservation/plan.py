"""Step 2, scope (能部分保就不全部保): the least-harm plan proposed, adjusted by the judge, approved.

The plan is stored per stage (:class:`PlanStage`): the desk's proposal, and the judge's
adjustment re-checked by the rules, its violations kept and shown in red until corrected. Freezing
the basic account needs a leader's approval (the court's own rule). docs/rules.md §preservation-plan,
§preservation-basic-account, §preservation-wage-account.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError
from laoshan_desk.domain.preservation import AccountKind, NoteKind, PlanStage
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    APPROVE,
    DECIDE,
    EDIT,
    VIEW,
    ZERO,
    asset_row,
    assets_of,
    case_for_write,
    check_plan_open,
    domain_asset,
    domain_guarantee,
    get_case,
    guarantees_of,
    selection_row,
    touch,
)
from laoshan_desk.services.preservation.forms import AdjustForm, ApprovalForm, CaseRef
from laoshan_desk.services.preservation.rows import ExclusionRow, PlanView
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresAsset, PresCase, PresPlanNote, PresSelection

Note = tuple[NoteKind, str | None, str]  # kind, asset code, text


def _store_notes(work: Work, case: PresCase, stage: PlanStage, notes: Iterable[Note]) -> None:
    work.session.execute(delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == stage.value))
    for seq, (kind, code, text) in enumerate(notes):
        work.session.add(
            PresPlanNote(case_id=case.id, stage=stage.value, kind=kind.value, asset_code=code, text=text, seq=seq)
        )


def _store_selections(
    work: Work, case: PresCase, stage: PlanStage, selections: Sequence[rules.Selection], by_code: dict[str, PresAsset]
) -> None:
    work.session.execute(
        delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage.value)
    )
    for sel in selections:
        work.session.add(
            PresSelection(
                case_id=case.id,
                stage=stage.value,
                asset_id=by_code[sel.asset_id].id,
                measure=sel.measure.value,
                amount=sel.amount,
                created_at=work.now,
            )
        )


def _domain_plan(session: Session, case: PresCase, as_of: dt.date) -> tuple[rules.Plan, list[PresAsset]]:
    assets = assets_of(session, case.id)
    plan = rules.propose_plan(
        case.claim_amount,
        [domain_asset(a) for a in assets],
        [domain_guarantee(g) for g in guarantees_of(session, case.id)],
        as_of=as_of,
    )
    return plan, assets


def store_proposal(work: Work, case: PresCase, as_of: dt.date) -> rules.Plan:
    """The least-harm plan as of ``as_of``, stored as the proposal; the judge's adjustment and
    any approval given for it go (they were made for another plan)."""
    plan, assets = _domain_plan(work.session, case, as_of)
    by_code = {a.code: a for a in assets}
    _store_selections(work, case, PlanStage.PROPOSED, plan.selected, by_code)
    notes: list[Note] = [(NoteKind.EXCLUDED, e.asset_id, e.reason) for e in plan.excluded]
    notes += [(NoteKind.NOTE, None, n) for n in plan.notes]
    if plan.over_scope_reason:
        notes.append((NoteKind.OVER_SCOPE, None, plan.over_scope_reason))
    _store_notes(work, case, PlanStage.PROPOSED, notes)
    work.session.execute(
        delete(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == PlanStage.ADJUSTED.value)
    )
    work.session.execute(
        delete(PresPlanNote).where(PresPlanNote.case_id == case.id, PresPlanNote.stage == PlanStage.ADJUSTED.value)
    )
    case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
    touch(case, work.now)
    return plan


def propose(db: Database, actor: Actor, form: CaseRef, *, now: dt.datetime) -> PlanView:
    """The desk's least-harm plan from the assets and guarantees on file (stored as proposed)."""
    actor.require(EDIT)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        check_plan_open(case)
        plan = store_proposal(work, case, now.date())
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"生成保全方案 {case.case_number}：保全{plan.total_preserved:,.2f}元，需求{plan.need:,.2f}元",
            after=plan.as_dict(),
        )
        return plan_view(work.session, case, now.date())


def adjust(db: Database, actor: Actor, form: AdjustForm, *, now: dt.datetime) -> tuple[PlanView, list[str]]:
    """The judge changes the plan (asset code, amount or None for whole); the desk re-checks it.

    Violations do not block the change: they are stored and shown in red until corrected.
    """
    actor.require(DECIDE)
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        check_plan_open(case)
        plan, assets = _domain_plan(work.session, case, now.date())
        domain_assets = [domain_asset(a) for a in assets]
        adjusted, violations = rules.adjust_plan(plan, domain_assets, list(form.selections))
        by_code = {a.code: a for a in assets}
        chosen = [s for s in adjusted.selected if s.asset_id in by_code]
        _store_selections(work, case, PlanStage.ADJUSTED, chosen, by_code)
        notes: list[Note] = [(NoteKind.NOTE, None, n) for n in adjusted.notes if n not in violations]
        notes += [(NoteKind.VIOLATION, None, v) for v in violations]
        if adjusted.over_scope_reason:
            notes.append((NoteKind.OVER_SCOPE, None, adjusted.over_scope_reason))
        _store_notes(work, case, PlanStage.ADJUSTED, notes)
        case.basic_approved_by = case.basic_approved_at = case.basic_approval_note = None
        touch(case, now)
        work.session.flush()
        work.audit(
            "update",
            "pres_case",
            case.id,
            f"法官调整保全方案 {case.case_number}：" + (f"{len(violations)}项不合规" if violations else "复核通过"),
            after={**adjusted.as_dict(), "violations": violations},
        )
        return plan_view(work.session, case, now.date()), violations


def approve_basic_account(db: Database, actor: Actor, form: ApprovalForm, *, now: dt.datetime) -> None:
    """A leader approves freezing the basic account (the court's own rule, not a statute)."""
    actor.require(APPROVE)
    note = form.note.strip()
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        check_plan_open(case)
        plan = plan_view(work.session, case, now.date())
        if not plan.needs_approval:
            raise DeskError("当前方案未冻结基本账户，无需审批")
        if plan.violations:
            raise DeskError("方案存在不合规之处，请法官先行修正后再报批")
        case.basic_approved_by = actor.full_name or actor.username
        case.basic_approved_at = now
        case.basic_approval_note = note or None
        touch(case, now)
        work.audit("update", "pres_case", case.id, f"院领导批准冻结基本账户 {case.case_number}", after={"note": note})


def plan_view(session: Session, case: PresCase, as_of: dt.date) -> PlanView:
    """The plan the case holds now, with the guarantees valid on ``as_of`` deducted."""
    stages = set(session.scalars(select(PresPlanNote.stage).where(PresPlanNote.case_id == case.id)))
    stages |= set(session.scalars(select(PresSelection.stage).where(PresSelection.case_id == case.id)))
    stage = next((s for s in (PlanStage.ADJUSTED, PlanStage.PROPOSED) if s.value in stages), PlanStage.NONE)
    guarantees = [domain_guarantee(g) for g in guarantees_of(session, case.id)]
    guaranteed = rules.valid_guarantee_total(guarantees, as_of)
    need = max(case.claim_amount - guaranteed, ZERO)
    assets = {a.id: a for a in assets_of(session, case.id)}
    rows = [
        selection_row(assets[sel.asset_id], sel.measure, sel.amount)
        for sel in session.scalars(
            select(PresSelection).where(PresSelection.case_id == case.id, PresSelection.stage == stage.value)
        )
    ]
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
            asset_row(by_code[n.asset_code]).label if n.asset_code in by_code else (n.asset_code or ""),
            n.text,
        )
        for n in notes
        if n.stage == PlanStage.PROPOSED and n.kind == NoteKind.EXCLUDED
    )
    mine = [n for n in notes if n.stage == stage]
    total = sum((s.amount for s in rows), ZERO)
    rule = rules.ExcessRule()
    over_notes = [n.text for n in mine if n.kind == NoteKind.OVER_SCOPE]
    needs_approval = any(s.is_account and s.account_kind is AccountKind.BASIC for s in rows)
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
        notes=tuple(n.text for n in mine if n.kind == NoteKind.NOTE),
        violations=tuple(n.text for n in mine if n.kind == NoteKind.VIOLATION),
    )


def current_plan(db: Database, actor: Actor, case_id: uuid.UUID, *, today: dt.date) -> PlanView:
    """The plan a case holds, with the guarantees valid today deducted."""
    actor.require(VIEW)
    with db.session() as session:
        return plan_view(session, get_case(session, actor, case_id), today)
