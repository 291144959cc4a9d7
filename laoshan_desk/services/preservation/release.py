"""Guarantees for the respondent and the release rulings they lead to (or a release on application)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, ValidationError
from laoshan_desk.domain.preservation import (
    GuaranteeType,
    Measure,
)
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import (
    DECIDE,
    EDIT,
    RELEASE_REASONS,
    VIEW,
    ZERO,
    _asset_row,
    _assets,
    _domain_asset,
    _domain_guarantee,
    _event,
    _get_case,
    _guarantees,
    _text,
    _update_next_expiry,
)
from laoshan_desk.services.preservation.measures import _active_measures
from laoshan_desk.services.preservation.rows import ReleaseResult, SelectionRow
from laoshan_desk.services.uow import Work, unit_of_work
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import (
    PresAsset,
    PresCase,
    PresGuarantee,
    PresRelease,
)


def add_guarantee(
    db: Database,
    actor: Actor,
    case_id: uuid.UUID,
    *,
    type: object,
    amount: object,
    valid_until: dt.date,
    issuer: object = "",
    number: object = "",
    undertaking: bool = False,
    credit_agreement: object = "",
    now: dt.datetime,
) -> uuid.UUID:
    """A guarantee for the respondent (履约保函 …) that reduces or replaces preservation."""
    actor.require(EDIT)
    checked = rules.Guarantee(
        type=_text(type), amount=amount, valid_until=valid_until, issuer=_text(issuer), number=_text(number)
    )
    if checked.amount <= 0:
        raise ValidationError("担保金额应大于零", field="guarantees.amount")
    if checked.valid_until < now.date():
        raise ValidationError("保函已过有效期", field="guarantees.valid_until")
    if checked.type is GuaranteeType.PERFORMANCE_BOND and not checked.issuer:
        raise ValidationError("请填写出具保函的银行", field="guarantees.issuer")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        g = PresGuarantee(
            case_id=case.id,
            type=checked.type.value,
            issuer=checked.issuer or None,
            number=checked.number or None,
            amount=checked.amount,
            valid_until=checked.valid_until,
            undertaking=bool(undertaking),
            credit_agreement=_text(credit_agreement) or None,
            given_at=now,
        )
        work.session.add(g)
        work.session.flush()
        work.audit(
            "create",
            "pres_guarantee",
            g.id,
            f"登记担保 {case.case_number}：{checked.type.label}{checked.amount:,.2f}元（{checked.issuer}）",
        )
        return g.id


_CN_DIGITS = "零一二三四五六七八九十"


def _cn_ordinal(n: int) -> str:
    if n <= 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + _CN_DIGITS[n - 10]
    return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")


def release_ruling_number(case_number: str, n: int) -> str:
    """The n-th release ruling's number: 财保12号之一, or after an in-suit 民初5号之一 the next, 之二."""
    ordinals = {_cn_ordinal(i): i for i in range(1, 100)}
    base, sep, suffix = case_number.rpartition("之")
    if sep and suffix in ordinals:
        return f"{base}之{_cn_ordinal(ordinals[suffix] + n)}"
    return f"{case_number}之{_cn_ordinal(n)}"


def _release_plan(session: Session, case: PresCase, as_of: dt.date) -> tuple[rules.ReleaseAdvice, dict[str, PresAsset]]:
    assets = _assets(session, case.id)
    by_id = {a.id: a for a in assets}
    current = [
        rules.Selection(by_id[m.asset_id].code, Measure(m.measure), m.amount)
        for m in _active_measures(session, case.id)
    ]
    advice = rules.release_advice(
        current,
        [_domain_asset(a) for a in assets],
        case.ruled_amount or case.claim_amount,
        [_domain_guarantee(g) for g in _guarantees(session, case.id)],
        as_of=as_of,
    )
    return advice, {a.code: a for a in assets}


def _sel_rows(selections: Iterable[rules.Selection], by_code: dict[str, PresAsset]) -> tuple[SelectionRow, ...]:
    rows = []
    for s in selections:
        a = by_code[s.asset_id]
        r = _asset_row(a)
        rows.append(
            SelectionRow(
                a.id,
                a.code,
                r.label,
                r.institution,
                r.number,
                s.measure.value,
                s.measure.label,
                s.amount,
                a.value,
                a.type == "account",
                a.account_kind,
            )
        )
    return tuple(rows)


def preview_release(db: Database, actor: Actor, case_id: uuid.UUID, *, as_of: dt.date) -> ReleaseResult:
    """What the guarantees on file would free, without ruling it."""
    actor.require(VIEW)
    with db.session() as session:
        case = _get_case(session, actor, case_id)
        advice, by_code = _release_plan(session, case, as_of)
        return ReleaseResult(
            None, "", advice.freed, _sel_rows(advice.release, by_code), _sel_rows(advice.keep, by_code), advice.notes
        )


def _apply_release(
    work: Work,
    case: PresCase,
    releases: Sequence[rules.Selection],
    by_code: dict[str, PresAsset],
    reason: str,
    note: str,
    guarantee_id: uuid.UUID | None,
) -> PresRelease:
    count = (
        work.session.scalar(select(func.count()).select_from(PresRelease).where(PresRelease.case_id == case.id)) or 0
    )
    ruling_number = release_ruling_number(case.case_number, count + 1)
    freed = sum((s.amount for s in releases), ZERO)
    release = PresRelease(
        case_id=case.id,
        guarantee_id=guarantee_id,
        reason=reason,
        ruled_at=work.now,
        ruling_number=ruling_number,
        amount_freed=freed,
        note=note or None,
        by=work.actor.full_name or work.actor.username,
    )
    work.session.add(release)
    work.session.flush()
    measures = {m.asset_id: m for m in _active_measures(work.session, case.id)}
    for sel in releases:
        m = measures[by_code[sel.asset_id].id]
        if sel.amount >= m.amount:
            m.status, m.released_on, m.release_id = "released", work.now.date(), release.id
        else:
            m.amount = m.amount - sel.amount
    _update_next_expiry(work.session, case)
    if not _active_measures(work.session, case.id):
        case.status = "released"
    case.updated_at = work.now
    _event(work, case, "released", work.now, f"{RELEASE_REASONS[reason]}，解除{freed:,.2f}元")
    return release


def release_on_guarantee(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> ReleaseResult:
    """Rule the release of what the guarantees now cover (《财产保全规定》第二十二条); counts the funds freed."""
    actor.require(DECIDE)
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        if case.status != "executed":
            raise DeskError("只有已执行保全措施的案件可以因担保解除保全")
        advice, by_code = _release_plan(work.session, case, now.date())
        if not advice.release:
            raise DeskError("现有担保不足以解除任何保全措施")
        guarantees = _guarantees(work.session, case.id)
        latest = guarantees[-1].id if guarantees else None
        release = _apply_release(work, case, advice.release, by_code, "guarantee", "；".join(advice.notes), latest)
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"因担保解除保全 {case.case_number}：释放{advice.freed:,.2f}元（{release.ruling_number}）",
            after={"freed": str(advice.freed), "ruling_number": release.ruling_number},
        )
        return ReleaseResult(
            release.id,
            release.ruling_number,
            advice.freed,
            _sel_rows(advice.release, by_code),
            _sel_rows(advice.keep, by_code),
            advice.notes,
        )


def release_all(
    db: Database, actor: Actor, case_id: uuid.UUID, reason: str, note: str = "", *, now: dt.datetime
) -> ReleaseResult:
    """Release every active measure (applicant's application, no suit in time …) with a ruling."""
    actor.require(DECIDE)
    if reason not in RELEASE_REASONS:
        raise ValidationError("请选择解除原因", field="reason")
    with unit_of_work(db, actor, now) as work:
        case = _get_case(work.session, actor, case_id)
        measures = _active_measures(work.session, case.id)
        if not measures:
            raise DeskError("没有正在执行的保全措施")
        by_id = {a.id: a for a in _assets(work.session, case.id)}
        sels = [rules.Selection(by_id[m.asset_id].code, Measure(m.measure), m.amount) for m in measures]
        by_code = {a.code: a for a in by_id.values()}
        release = _apply_release(work, case, sels, by_code, reason, note, None)
        work.audit(
            "create",
            "pres_release",
            release.id,
            f"解除保全 {case.case_number}：{RELEASE_REASONS[reason]}（{release.ruling_number}）",
        )
        return ReleaseResult(release.id, release.ruling_number, release.amount_freed, _sel_rows(sels, by_code), (), ())
