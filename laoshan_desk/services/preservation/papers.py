"""The preservation papers from a case on file: ruling, assistance notices, release ruling.

Each function returns PDF bytes built by ``documents/preservation/papers.py`` from the case as
its page shows it; building is not printing: the preview audits a print or a save, once, after
it happened (``services/printing.py``). Personal numbers on paper are masked as on screen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import select

from laoshan_desk.documents.pdf import arabic_date
from laoshan_desk.documents.preservation import papers
from laoshan_desk.domain import preservation as rules
from laoshan_desk.domain.errors import DeskError, NotFound
from laoshan_desk.domain.preservation import AssetType, PartyKind
from laoshan_desk.services.context import Actor
from laoshan_desk.services.preservation.common import VIEW, get_case
from laoshan_desk.services.preservation.views import case_detail
from laoshan_desk.store.db import Database
from laoshan_desk.store.models.preservation import PresMeasure, PresRelease


def _party_line(name: str, number: str, kind: PartyKind) -> str:
    label = "统一社会信用代码" if kind is PartyKind.ENTERPRISE else "公民身份号码"
    return f"{name}，{label}{number}。" if number else f"{name}。"


def ruling_pdf(db: Database, actor: Actor, case_id: uuid.UUID, *, now: dt.datetime) -> bytes:
    """民事裁定书 on the judge's decision (grant with the plan's lines, or refusal)."""
    actor.require(VIEW)
    d = case_detail(db, actor, case_id, now=now)
    if d.decision is None:
        raise DeskError("尚未作出保全决定，不能打印裁定书")
    lines = tuple(
        papers.Line(s.label, s.institution, s.number, s.measure_label, s.amount, keeps_use=s.keeps_use)
        for s in d.plan.selected
    )
    applicant_kind = PartyKind.ENTERPRISE if rules.looks_like_enterprise(d.applicant) else PartyKind.PERSON
    guarantee = d.applicant_guarantee_type
    data = papers.RulingData(
        case_number=d.case_number,
        kind=d.kind,
        kind_label=d.kind_label,
        cause=d.cause,
        applicant=d.applicant,
        applicant_line=_party_line(d.applicant, d.applicant_number, applicant_kind),
        respondent=d.respondent,
        respondent_line=_party_line(d.respondent, d.respondent_number, d.respondent_kind),
        received_at=d.received_at,
        claim=d.claim_amount,
        guarantee_label=guarantee.label if guarantee else "担保",
        guarantee_amount=d.applicant_guarantee_amount,
        decision=d.decision,
        reasons=d.decision_reasons,
        amount=d.ruled_amount or Decimal("0.00"),
        lines=lines,
        judge=d.decided_by or actor.full_name,
        ruled_on=(d.ruled_at or now).date(),
        clerk=d.registered_by,
    )
    return papers.ruling(data)


def assistance_pdf(db: Database, actor: Actor, case_id: uuid.UUID, asset_id: uuid.UUID, *, now: dt.datetime) -> bytes:
    """协助执行通知书 to the bank or registry of one asset, with the exact amount and term."""
    actor.require(VIEW)
    d = case_detail(db, actor, case_id, now=now)
    measure = next((m for m in d.measures if m.asset_id == asset_id and m.active), None)
    if measure is not None:
        line = papers.Line(
            measure.asset_label,
            measure.institution,
            measure.number,
            measure.measure_label,
            measure.amount,
            keeps_use=measure.keeps_use,
        )
        start, expiry, years, is_account = measure.taken_on, measure.expiry, measure.term_years, measure.is_account
    else:
        sel = next((s for s in d.plan.selected if s.asset_id == asset_id), None)
        if sel is None or not d.granted:
            raise DeskError("该财产不在已裁定的保全方案中")
        asset = next(a for a in d.assets if a.id == asset_id)
        term = rules.freeze_term(asset.type, now.date(), reminder_days=d.reminder_days)
        line = papers.Line(
            sel.label, sel.institution, sel.number, sel.measure_label, sel.amount, keeps_use=sel.keeps_use
        )
        start, expiry, years, is_account = term.start, term.expiry, term.years, asset.type is AssetType.ACCOUNT
    if not line.institution:
        raise DeskError("该财产未登记开户行或登记机关，无法出具协助执行通知书")
    planned = [s.asset_id for s in d.plan.selected]
    index = planned.index(asset_id) + 1 if asset_id in planned else 1
    data = papers.AssistanceData(
        case_number=d.case_number,
        notice_number=f"{d.case_number}-协{index}",
        applicant=d.applicant,
        respondent=d.respondent,
        respondent_number=d.respondent_number,
        cause=d.cause,
        recipient=line.institution,
        line=line,
        is_account=is_account,
        years=years,
        start=start,
        expiry=expiry,
        judge=d.decided_by or actor.full_name,
        issued_on=now.date(),
    )
    return papers.assistance_notice(data)


def release_pdf(db: Database, actor: Actor, release_id: uuid.UUID, *, now: dt.datetime) -> bytes:
    """The release ruling (解除保全裁定) with the measures it lifted and what they freed."""
    actor.require(VIEW)
    with db.session() as session:
        release = session.get(PresRelease, release_id)
        if release is None:
            raise NotFound("解除保全裁定不存在")
        case_id = get_case(session, actor, release.case_id).id
        lifted = {
            m.asset_id: m for m in session.scalars(select(PresMeasure).where(PresMeasure.release_id == release.id))
        }
    d = case_detail(db, actor, case_id, now=now)
    r = next(x for x in d.releases if x.id == release_id)
    lines = [
        papers.Line(m.asset_label, m.institution, m.number, m.measure_label, m.amount)
        for m in d.measures
        if m.asset_id in lifted
    ]
    partial = r.amount_freed - sum((m.amount for m in lifted.values()), Decimal("0"))
    if partial > 0:
        lines.append(papers.Line("部分解除冻结（账户限额减少）", "", "", "解除冻结", partial))
    guarantees = (
        "、".join(
            f"{g.issuer}{g.type_label}（编号{g.number or '—'}，金额{g.amount:,.2f}元，有效期至"
            f"{arabic_date(g.valid_until)}）"
            for g in d.guarantees
        )
        or "担保"
    )
    data = papers.ReleaseData(
        ruling_number=r.ruling_number,
        case_number=d.case_number,
        applicant=d.applicant,
        applicant_line=f"{d.applicant}。",
        respondent=d.respondent,
        respondent_line=_party_line(d.respondent, d.respondent_number, d.respondent_kind),
        ruled_on=(d.ruled_at or now).date(),
        reason=r.reason,
        reason_label=r.reason_label,
        guarantees=guarantees,
        amount=r.amount_freed,
        lines=tuple(lines),
        judge=d.decided_by or actor.full_name,
        released_on=r.ruled_at.date(),
        clerk=d.registered_by,
    )
    return papers.release_ruling(data)
