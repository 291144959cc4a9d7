"""Guarantees for the respondent, and the release rulings they lead to (or a release on application).

A sufficient guarantee releases the measures that harm the respondent most first; what stays
still covers the need (《财产保全规定》第二十二条, docs/rules.md §preservation-release). The
disputed property itself is released only when the applicant's consent is recorded on the
release (第二十二条, second sentence). Every release is a ruling of its own with its number
(之一, 之二 …) and counts the funds it freed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.labels import chosen
from laoshan_desk.domain.preservation import (
    CaseStatus,
    ClockEvent,
    GuaranteeType,
    Measure,
    MeasureStatus,
    ReleaseReason,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    DECIDE,
    EDIT,
    VIEW,
    ZERO,
    active_measures,
    assets_of,
    case_for_write,
    domain_asset,
    domain_guarantee,
    event,
    get_case,
    guarantees_of,
    selection_row,
    text,
    touch,
    update_next_expiry,
)
from laoshan_desk.services.preservation.forms import GuaranteeForm, GuaranteeReleaseForm, ReleaseForm
from laoshan_desk.services.preservation.rows import ReleaseResult, SelectionRow
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresAsset, PresCase, PresGuarantee, PresRelease


def add_guarantee(db: Database, actor: Actor, form: GuaranteeForm, *, now: dt.datetime) -> uuid.UUID:
    """A guarantee for the respondent (履约保函 …) that reduces or replaces preservation."""
    actor.require(EDIT)
    checked = rules.Guarantee(
        type=rules.member(GuaranteeType, text(form.type), "guarantees.type", "担保类型"),
        amount=rules.money(form.amount, field="guarantees.amount"),
        valid_until=form.valid_until,
        issuer=text(form.issuer),
        number=text(form.number),
    )
    if checked.amount <= 0:
        raise ValidationError("担保金额应大于零", field="guarantees.amount")
    if checked.valid_until < now.date():
        raise ValidationError("保函已过有效期", field="guarantees.valid_until")
    if checked.type is GuaranteeType.PERFORMANCE_BOND and not checked.issuer:
        raise ValidationError("请填写出具保函的银行", field="guarantees.issuer")
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if CaseStatus(case.status).finished:
            raise DeskError(f"本案{CaseStatus(case.status).label}，不再登记担保")
        g = new_guarantee(
            work.session,
            case,
            checked,
            given_at=now,
            undertaking=bool(form.undertaking),
            credit_agreement=text(form.credit_agreement),
        )
        touch(case, now)
        work.audit(
            "create",
            "pres_guarantee",
            g.id,
            f"登记担保 {case.case_number}：{checked.type.label}{checked.amount:,.2f}元（{checked.issuer}）",
        )
        return g.id


def new_guarantee(
    session: Session,
    case: PresCase,
    g: rules.Guarantee,
    *,
    given_at: dt.datetime,
    undertaking: bool = False,
    credit_agreement: str = "",
) -> PresGuarantee:
    """The row of a checked guarantee (the counter's form or a JSON file's entry)."""
    row = PresGuarantee(
        case_id=case.id,
        type=g.type.value,
        issuer=g.issuer or None,
        number=g.number or None,
        amount=g.amount,
        valid_until=g.valid_until,
        undertaking=undertaking,
        credit_agreement=credit_agreement or None,
        given_at=given_at,
    )
    session.add(row)
    session.flush()
    return row


def _current(session: Session, case: PresCase, assets: Sequence[PresAsset]) -> list[rules.Selection]:
    """The active measures as the rules see them (by asset code)."""
    by_id = {a.id: a for a in assets}
    return [
        rules.Selection(by_id[m.asset_id].code, Measure(m.measure), m.amount) for m in active_measures(session, case.id)
    ]


def _release_plan(
    session: Session, case: PresCase, as_of: dt.date, *, applicant_consent: bool = False
) -> tuple[rules.ReleaseAdvice, dict[str, PresAsset]]:
    assets = assets_of(session, case.id)
    advice = rules.release_advice(
        _current(session, case, assets),
        [domain_asset(a) for a in assets],
        case.ruled_amount or case.claim_amount,
        [domain_guarantee(g) for g in guarantees_of(session, case.id)],
        as_of=as_of,
        applicant_consent=applicant_consent,
    )
    return advice, {a.code: a for a in assets}


def _expiry_warnings(
    session: Session, case: PresCase, advice: rules.ReleaseAdvice, by_code: dict[str, PresAsset], as_of: dt.date
) -> tuple[str, ...]:
    """The guarantees relied on that end before the measures they would replace (第二十二条)."""
    ends = {m.asset_id: m.expiry for m in active_measures(session, case.id)}
    released = [ends[by_code[s.asset_id].id] for s in advice.release if by_code[s.asset_id].id in ends]
    guarantees = [domain_guarantee(g) for g in guarantees_of(session, case.id)]
    return rules.short_guarantees(guarantees, as_of, max(released, default=None))


def _rows(selections: Iterable[rules.Selection], by_code: dict[str, PresAsset]) -> tuple[SelectionRow, ...]:
    return tuple(selection_row(by_code[s.asset_id], s.measure, s.amount) for s in selections)


def preview_release(db: Database, actor: Actor, case_id: uuid.UUID, *, today: dt.date) -> ReleaseResult:
    """What the guarantees valid today would free, without ruling it."""
    actor.require(VIEW)
    with db.session() as session:
        case = get_case(session, actor, case_id)
        advice, by_code = _release_plan(session, case, today)
        warnings = _expiry_warnings(session, case, advice, by_code, today)
        return ReleaseResult(
            None,
            "",
            advice.freed,
            _rows(advice.release, by_code),
            _rows(advice.keep, by_code),
            advice.notes,
            warnings,
            advice.consent_needed,
        )


def _apply_release(
    work: Work,
    case: PresCase,
    releases: Sequence[rules.Selection],
    by_code: dict[str, PresAsset],
    reason: ReleaseReason,
    note: str,
    guarantee_id: uuid.UUID | None,
) -> PresRelease:
    count = (
        work.session.scalar(select(func.count()).select_from(PresRelease).where(PresRelease.case_id == case.id)) or 0
    )
    freed = sum((s.amount for s in releases), ZERO)
    release = PresRelease(
        case_id=case.id,
        guarantee_id=guarantee_id,
        reason=reason.value,
        ruled_at=work.now,
        ruling_number=rules.release_ruling_number(case.case_number, count + 1),
        amount_freed=freed,
        note=note or None,
        by=work.actor.full_name or work.actor.username,
    )
    work.session.add(release)
    work.session.flush()
    measures = {m.asset_id: m for m in active_measures(work.session, case.id)}
    for sel in releases:
        m = measures[by_code[sel.asset_id].id]
        if sel.amount >= m.amount:
            m.status, m.released_on, m.release_id = MeasureStatus.RELEASED.value, work.now.date(), release.id
        else:
            m.amount = m.amount - sel.amount
    update_next_expiry(work.session, case)
    if case.release_applied_at is not None and case.release_applied_ruled_at is None:
        case.release_applied_ruled_at = work.now  # the five-day clock stops (第二十三条)
    if not active_measures(work.session, case.id):
        case.status = CaseStatus.RELEASED.value
    touch(case, work.now)
    event(work, case, ClockEvent.RELEASED, work.now, f"{reason.label}，解除{freed:,.2f}元")
    return release


def release_on_guarantee(db: Database, actor: Actor, form: GuaranteeReleaseForm, *, now: dt.datetime) -> ReleaseResult:
    """Rule the release of what the guarantees now cover (《财产保全规定》第二十二条); counts the funds freed.

    A guarantee ending before the freeze it would replace is not "sufficient and effective": the
    release is refused until the judge confirms it (``expiry_confirmed``). The disputed property
    stays preserved unless the applicant's consent is recorded (``applicant_consent`` with a
    ``consent_note``, 第二十二条); the other measures are released as the guarantee allows.
    """
    actor.require(DECIDE)
    consent_note = text(form.consent_note)
    if form.applicant_consent and not consent_note:
        raise ValidationError("请注明申请保全人同意的方式和日期（如书面同意书）", field="consent_note")
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        if case.status != CaseStatus.EXECUTED:
            raise DeskError("只有已执行保全措施的案件可以因担保解除保全")
        advice, by_code = _release_plan(work.session, case, now.date(), applicant_consent=bool(form.applicant_consent))
        if not advice.release and advice.consent_needed:
            raise ValidationError("；".join(advice.consent_needed), field="applicant_consent")
        if not advice.release:
            raise DeskError("现有担保不足以解除任何保全措施")
        warnings = _expiry_warnings(work.session, case, advice, by_code, now.date())
        if warnings and not form.expiry_confirmed:
            raise DeskError("；".join(warnings))
        guarantees = guarantees_of(work.session, case.id)
        latest = guarantees[-1].id if guarantees else None
        # The consent is kept on the ruling that relies on it: one that releases disputed property.
        consented = [by_code[s.asset_id] for s in advice.release if by_code[s.asset_id].disputed]
        notes = list(advice.notes)
        if consented:
            names = "、".join(f"“{domain_asset(a).label}”" for a in consented)
            notes.append(f"申请保全人同意解除对争议标的物{names}的保全（{consent_note}）")
        release = _apply_release(work, case, advice.release, by_code, ReleaseReason.GUARANTEE, "；".join(notes), latest)
        if consented:
            release.applicant_consent, release.consent_note = True, consent_note
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"因担保解除保全 {case.case_number}：释放{advice.freed:,.2f}元（{release.ruling_number}）",
            after={
                "freed": str(advice.freed),
                "ruling_number": release.ruling_number,
                "expiry_confirmed": list(warnings),
                "applicant_consent": consent_note if consented else None,
                "disputed_kept": [by_code[s.asset_id].code for s in advice.withheld],
            },
        )
        return ReleaseResult(
            release.id,
            release.ruling_number,
            advice.freed,
            _rows(advice.release, by_code),
            _rows(advice.keep, by_code),
            tuple(notes),
            warnings,
            advice.consent_needed,
        )


def release_all(db: Database, actor: Actor, form: ReleaseForm, *, now: dt.datetime) -> ReleaseResult:
    """Release every active measure (applicant's application, no suit in time …) with a ruling."""
    actor.require(DECIDE)
    reason = chosen(ReleaseReason, text(form.reason), "请选择解除原因", field="reason")
    with unit_of_work(db, actor, now) as work:
        case = case_for_write(work.session, actor, form.case_id, form.version)
        assets = assets_of(work.session, case.id)
        current = _current(work.session, case, assets)
        if not current:
            raise DeskError("没有正在执行的保全措施")
        by_code = {a.code: a for a in assets}
        release = _apply_release(work, case, current, by_code, reason, text(form.note), None)
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"解除保全 {case.case_number}：{reason.label}（{release.ruling_number}）",
        )
        return ReleaseResult(release.id, release.ruling_number, release.amount_freed, _rows(current, by_code), (), ())
